#include "io/ogr_convert.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>
#include <vector>

#include <gdal_priv.h>

#include "geo/projection.h"
#include "layers/errors.h"

namespace layers::detail {

void CplFree::operator()(void* memory) const { CPLFree(memory); }

std::string recode(const char* text, const char* from, const char* to)
{
    const CplString recoded(CPLRecode(text, from, to));
    return recoded ? std::string(recoded.get()) : std::string();
}

void ReleaseResultSet::operator()(OGRLayer* result) const
{
    if (result)
        dataset->ReleaseResultSet(result);
}

SqlResult executeSql(GDALDataset& dataset, const std::string& sql)
{
    return SqlResult(dataset.ExecuteSQL(sql.c_str(), nullptr, nullptr), ReleaseResultSet{&dataset});
}

namespace {
geo::Ring toRing(const OGRLinearRing* ring)
{
    geo::Ring out(static_cast<std::size_t>(ring->getNumPoints()));
    for (int i = 0; i < ring->getNumPoints(); ++i)
        out[static_cast<std::size_t>(i)] = {ring->getX(i), ring->getY(i)};
    return out;
}

void collect(const OGRGeometry* g, geo::MultiPolygon& out)
{
    if (!g)
        return;
    switch (wkbFlatten(g->getGeometryType())) {
    case wkbPolygon: {
        const auto* polygon = g->toPolygon();
        if (polygon->IsEmpty())
            return;
        geo::Polygon p;
        p.outer = toRing(polygon->getExteriorRing());
        for (int i = 0; i < polygon->getNumInteriorRings(); ++i)
            p.holes.push_back(toRing(polygon->getInteriorRing(i)));
        out.push_back(std::move(p));
        break;
    }
    case wkbMultiPolygon:
    case wkbGeometryCollection:
        for (const OGRGeometry* part : *g->toGeometryCollection())
            collect(part, out);
        break;
    default:
        break;
    }
}

OGRLinearRing toOgrRing(const geo::Ring& ring)
{
    OGRLinearRing r;
    r.setNumPoints(static_cast<int>(ring.size()), false);
    for (std::size_t i = 0; i < ring.size(); ++i)
        r.setPoint(static_cast<int>(i), ring[i].x, ring[i].y);
    return r;
}
}  // namespace

geo::MultiPolygon toMultiPolygon(const OGRGeometry* geometry)
{
    geo::MultiPolygon out;
    collect(geometry, out);
    return out;
}

OGRMultiPolygon toOgr(const geo::MultiPolygon& shape)
{
    OGRMultiPolygon multi;
    for (const geo::Polygon& p : shape) {
        OGRPolygon polygon;
        polygon.addRingDirectly(new OGRLinearRing(toOgrRing(p.outer)));
        for (const geo::Ring& hole : p.holes)
            polygon.addRingDirectly(new OGRLinearRing(toOgrRing(hole)));
        multi.addGeometry(&polygon);
    }
    return multi;
}

OGRSpatialReference spatialReference(const std::string& crs)
{
    // No CRS may make GDAL or PROJ read a file the user named: a path as the whole string (GDAL would read
    // it), or a grid or init file given by its path (PROJ would open it when transforming).
    if (const std::string why = geo::crs::fileReference(crs); !why.empty())
        throw DataError(crs, "refused as a coordinate reference system: " + why);
    OGRSpatialReference srs;
    if (srs.SetFromUserInput(geo::crs::normalised(crs).c_str(), OGRSpatialReference::SET_FROM_USER_INPUT_LIMITATIONS_get()) != OGRERR_NONE)
        throw DataError(crs, "not a coordinate reference system GDAL knows");
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

std::string extentProblem(const OGRSpatialReference& srs, const std::string& crs, const geo::Box& lonLat)
{
    geo::crs::AreaOfUse area;
    const char* name = nullptr;
    area.found = srs.GetAreaOfUse(&area.west, &area.south, &area.east, &area.north, &name) && area.west > -1000;
    area.name = name ? name : "";
    area.crsName = srs.GetName() ? srs.GetName() : "";
    return geo::crs::extentProblem(area, crs, lonLat);
}

namespace {
bool isFile(const std::filesystem::path& p)
{
    std::error_code ec;
    return std::filesystem::is_regular_file(p, ec);
}

/// The sibling of a shapefile with another extension, in either case (x.shx or x.SHX), or empty.
std::filesystem::path sidecar(const std::filesystem::path& shp, const char* lower, const char* upper)
{
    for (const char* ext : {lower, upper}) {
        std::filesystem::path p = shp;
        p.replace_extension(ext);
        if (isFile(p))
            return p;
    }
    return {};
}

std::string lowerExtension(const std::filesystem::path& p)
{
    std::string ext = p.extension().string();
    for (char& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}
}  // namespace

void checkReadableFile(const std::string& path)
{
    if (path.rfind("/vsi", 0) == 0)
        return;  // GDAL's virtual file systems (in memory, in a zip): GDAL says what is wrong
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        const int e = errno;
        if (e == ENOENT || e == ENOTDIR) {
            const std::filesystem::path parent = std::filesystem::path(path).parent_path();
            std::error_code ec;
            if (!parent.empty() && !std::filesystem::is_directory(parent, ec))
                throw DataError(path, "does not exist (the folder " + parent.string() + " does not exist)");
            throw DataError(path, "does not exist");
        }
        if (e == EACCES)
            throw DataError(path, "permission denied: a folder on the way to it cannot be entered");
        throw DataError(path, std::string("cannot be read: ") + std::strerror(e));
    }
    if (S_ISDIR(st.st_mode)) {
        if (lowerExtension(path) == ".gdb")
            return;  // an Esri File Geodatabase is a folder
        throw DataError(path, "is a folder, not a file; name the vector file itself (.gpkg, .shp, .geojson, …) "
                              "or a File Geodatabase folder (.gdb)");
    }
    if (!S_ISREG(st.st_mode)) {
        const char* kind = S_ISFIFO(st.st_mode) ? "a named pipe (FIFO)" : S_ISCHR(st.st_mode) ? "a character device"
                         : S_ISBLK(st.st_mode)  ? "a block device"
                         : S_ISSOCK(st.st_mode) ? "a socket"
                                                : "not a regular file";
        throw DataError(path, std::string("is ") + kind + ", not a regular file; only files are read (a pipe or device would "
                                                           "block or never end)");
    }
    if (::access(path.c_str(), R_OK) != 0)
        throw DataError(path, std::string("permission denied: the file cannot be read (") + std::strerror(errno) + "); check its permissions");
    if (st.st_size == 0)
        throw DataError(path, "is empty (0 bytes): not a vector dataset; was it copied or saved completely?");
    if (lowerExtension(path) == ".shp") {
        // A shapefile is .shp (shapes) + .shx (index) + .dbf (attributes); GDAL's messages about a missing part vary.
        const std::filesystem::path shp(path);
        const std::string stem = shp.stem().string();
        std::string missing;
        if (sidecar(shp, ".shx", ".SHX").empty())
            missing = stem + ".shx (the shape index)";
        if (sidecar(shp, ".dbf", ".DBF").empty())
            missing += (missing.empty() ? "" : " and ") + stem + ".dbf (the attribute table)";
        if (!missing.empty())
            throw DataError(path, "incomplete shapefile: " + missing + " missing beside it; a shapefile is .shp + .shx + .dbf "
                                  "(+ .prj, .cpg): copy every part together" +
                                  (sidecar(shp, ".shx", ".SHX").empty() ? " (GDAL can rebuild a lost .shx: ogrinfo --config SHAPE_RESTORE_SHX YES " + path + ")" : ""));
        for (const char* ext : {".shx", ".dbf"}) {
            const std::filesystem::path part = sidecar(shp, ext, ext);
            if (!part.empty() && std::filesystem::file_size(part) == 0)
                throw DataError(path, "incomplete shapefile: " + part.filename().string() + " is empty (0 bytes)");
        }
    }
}

namespace {
/// GDAL's failures while a dataset is opened (often two: the cause, then "Failed to read GeoJSON data").
struct OpenErrors {
    std::vector<std::pair<CPLErrorNum, std::string>> failures;
    static void CPL_STDCALL handle(CPLErr level, CPLErrorNum number, const char* message)
    {
        auto* self = static_cast<OpenErrors*>(CPLGetErrorHandlerUserData());
        if (level >= CE_Failure && self)
            self->failures.emplace_back(number, message ? message : "");
        else
            CPLDefaultErrorHandler(level, number, message);
    }
    std::string joined() const
    {
        std::string all;
        for (const auto& [number, message] : failures)
            if (!message.empty() && all.find(message) == std::string::npos)
                all += (all.empty() ? "" : "; ") + message;
        return all;
    }
};
}  // namespace

GDALDatasetUniquePtr openVector(const std::string& path)
{
    checkReadableFile(path);
    GDALAllRegister();
    CPLErrorReset();
    OpenErrors errors;
    CPLPushErrorHandlerEx(OpenErrors::handle, &errors);
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    CPLPopErrorHandler();
    if (!ds) {
        const std::string gdal = errors.joined();
        throw DataError(path, gdal.empty() ? cannotOpenReason() : "cannot open as a vector dataset: " + gdal + lockedHint(gdal));
    }
    for (const auto& [number, message] : errors.failures)  // opened after all: said as GDAL would have
        CPLError(CE_Failure, number, "%s", message.c_str());
    return ds;
}

std::string lockedHint(const std::string& gdal)
{
    if (gdal.find("database is locked") == std::string::npos)
        return {};
    return " (another program holds the GeoPackage locked while it writes to it, e.g. QGIS editing a layer or another gzplan: "
           "finish or close that, then try again)";
}

std::string cannotOpenReason()
{
    const std::string gdal = CPLGetLastErrorMsg();
    std::string why = "cannot open as a vector dataset: ";
    if (!gdal.empty())
        return why + gdal;
    return why + "not a format GDAL reads as vector data (GeoPackage, Shapefile, GeoJSON, FlatGeobuf, KML, GML, CSV, "
                 "File Geodatabase, …), or damaged or truncated";
}

}  // namespace layers::detail
