#include "analysis/output.h"

#include <unistd.h>

#include <atomic>

#include "io/gdal_drivers.h"
#include "layers/errors.h"

namespace layers::analysis::detail {

namespace {
std::string lowerExtension(const std::filesystem::path& p)
{
    std::string e = p.extension().string();
    for (char& c : e)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return e;
}

void CPL_STDCALL collectError(CPLErr level, CPLErrorNum, const char* message)
{
    if (level >= CE_Failure)
        static_cast<GdalErrors*>(CPLGetErrorHandlerUserData())->messages.push_back(message ? message : "");
}
}  // namespace

const char* outputDriver(const std::filesystem::path& out, bool tablesToo)
{
    const std::string e = lowerExtension(out);
    if (e == ".gpkg")
        return "GPKG";
    if (e == ".geojson" || e == ".json")
        return "GeoJSON";
    if (e == ".csv")
        return "CSV";
    if (e == ".fgb")
        return "FlatGeobuf";
    if (tablesToo && e == ".xlsx")
        return "XLSX";
    throw DataError(out.string(), std::string("write it as .gpkg, .geojson, .fgb or .csv") + (tablesToo ? " or .xlsx" : "") +
                                      " (for a shapefile write a GeoPackage, then: gzplan export --source it --format shp)");
}

StagedFile::StagedFile(const std::filesystem::path& target, bool force) : out(target)
{
    if (std::filesystem::is_directory(out))
        throw DataError(out.string(), "is a folder; name a file");
    if (std::filesystem::exists(out) && !force)
        throw DataError(out.string(), "exists; add --force to replace it");
    static std::atomic<int> n{0};
    folder = std::filesystem::absolute(out).parent_path() / (".gzplan-write-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    std::error_code ec;
    std::filesystem::create_directory(folder, ec);
    if (ec)
        throw DataError(out.string(), "cannot write beside it: " + ec.message());
    file = folder / ("out" + lowerExtension(out));
}

GDALDatasetUniquePtr StagedFile::create(const char* driverName) const
{
    layers::detail::registerDriver(driverName);
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driverName);
    if (!driver)
        throw DataError(out.string(), std::string("GDAL has no ") + driverName + " driver");
    GDALDatasetUniquePtr ds(driver->Create(file.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds)
        throw DataError(out.string(), std::string("cannot be created: ") + CPLGetLastErrorMsg());
    return ds;
}

void StagedFile::commit()
{
    std::error_code ec;
    std::filesystem::rename(file, out, ec);
    if (ec)
        throw DataError(out.string(), "cannot be put in place: " + ec.message());
}

StagedFile::~StagedFile()
{
    std::error_code ignored;
    std::filesystem::remove_all(folder, ignored);
}

GdalErrors::GdalErrors() { CPLPushErrorHandlerEx(&collectError, this); }
GdalErrors::~GdalErrors() { CPLPopErrorHandler(); }

void GdalErrors::check(const std::string& file) const
{
    if (!messages.empty())
        throw DataError(file, "GDAL could not write it: " + messages.front());
}

}  // namespace layers::analysis::detail
