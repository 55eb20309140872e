// Geography::save: writes every layer to a GeoPackage through GDAL, atomically (temporary file, then rename).

#include <unistd.h>

#include <functional>

#include <gdal_priv.h>

#include "layers/errors.h"
#include "layers/geography.h"
#include "io/checked_files.h"
#include "io/gpkg_writer.h"
#include "io/ogr_convert.h"

namespace layers {

void writeGeographyLayers(GDALDataset& ds, const Geography& g, const std::string& file)
{
    detail::Writer w(ds, file);
    OGRLayer* counties = w.layer(layer_names::kCounties, wkbMultiPolygon,
                                 {{"code", OFTString}, {"name", OFTString}, {"short_name", OFTString}, {"old_code", OFTString},
                                  {"old_name", OFTString}, {"prefecture_code", OFTString}, {"prefecture_name", OFTString},
                                  {"seat_lon", OFTReal}, {"seat_lat", OFTReal}, {"area_km2", OFTReal}, {"source", OFTString},
                                  {"basis", OFTString}});
    const std::string countySource = g.package(packages::kCounties);
    const std::string countyRecord = countySource + " (shape); " + g.package(packages::kDivision) + " (code, name)";
    for (const County& c : g.counties)
        w.add(counties, [&](OGRFeature& f) {
            f.SetField("code", c.code.c_str());
            f.SetField("name", c.name.c_str());
            f.SetField("short_name", c.shortName.c_str());
            f.SetField("old_code", c.oldCode.c_str());
            f.SetField("old_name", c.oldName.c_str());
            f.SetField("prefecture_code", c.prefectureCode.c_str());
            f.SetField("prefecture_name", c.prefectureName.c_str());
            f.SetField("seat_lon", c.seat.x);
            f.SetField("seat_lat", c.seat.y);
            f.SetField("area_km2", c.areaKm2);
            f.SetField("source", countyRecord.c_str());
            f.SetField("basis", "reference");
            detail::setShape(f, c.shape);
        });

    OGRLayer* seats = w.layer(layer_names::kCountySeats, wkbPoint,
                              {{"code", OFTString}, {"name", OFTString}, {"short_name", OFTString}, {"prefecture_code", OFTString},
                               {"position", OFTString}, {"source", OFTString}});
    for (const County& c : g.counties)
        w.add(seats, [&](OGRFeature& f) {
            f.SetField("code", c.code.c_str());
            f.SetField("name", c.name.c_str());
            f.SetField("short_name", c.shortName.c_str());
            f.SetField("prefecture_code", c.prefectureCode.c_str());
            f.SetField("position", "approximate");
            f.SetField("source", (countySource + " properties.cp").c_str());
            OGRPoint p(c.seat.x, c.seat.y);
            f.SetGeometry(&p);
        });

    OGRLayer* prefectures = w.layer(layer_names::kPrefectures, wkbMultiPolygon,
                                    {{"code", OFTString}, {"name", OFTString}, {"short_name", OFTString},
                                     {"county_count", OFTInteger}, {"area_km2", OFTReal}});
    for (const Prefecture& p : g.prefectures)
        w.add(prefectures, [&](OGRFeature& f) {
            f.SetField("code", p.code.c_str());
            f.SetField("name", p.name.c_str());
            f.SetField("short_name", p.shortName.c_str());
            f.SetField("county_count", p.countyCount);
            f.SetField("area_km2", p.areaKm2);
            detail::setShape(f, p.shape);
        });

    OGRLayer* province = w.layer(layer_names::kProvince, wkbMultiPolygon, {{"code", OFTString}, {"name", OFTString}});
    w.add(province, [&](OGRFeature& f) {
        f.SetField("code", g.province.code.c_str());
        f.SetField("name", g.province.name.c_str());
        detail::setShape(f, g.province.shape);
    });

    OGRLayer* neighbours = w.layer(layer_names::kNeighbours, wkbMultiPolygon, {{"code", OFTString}, {"name", OFTString}});
    for (const Region& r : g.neighbours)
        w.add(neighbours, [&](OGRFeature& f) {
            f.SetField("code", r.code.c_str());
            f.SetField("name", r.name.c_str());
            detail::setShape(f, r.shape);
        });

    OGRLayer* sources = w.layer(layer_names::kSources, wkbNone,
                                {{"package", OFTString}, {"file", OFTString}, {"licence", OFTString}, {"integrity", OFTString}, {"note", OFTString}});
    for (const SourceRecord& s : g.sources)
        w.add(sources, [&](OGRFeature& f) {
            f.SetField("package", s.package.c_str());
            f.SetField("file", s.file.c_str());
            f.SetField("licence", s.licence.c_str());
            f.SetField("integrity", s.integrity.c_str());
            f.SetField("note", s.note.c_str());
        });

    OGRLayer* log = w.layer(layer_names::kBuildLog, wkbNone,
                            {{"kind", OFTString}, {"subject", OFTString}, {"detail", OFTString}, {"value", OFTReal}});
    for (const LogRecord& r : g.log)
        w.add(log, [&](OGRFeature& f) {
            f.SetField("kind", r.kind.c_str());
            f.SetField("subject", r.subject.c_str());
            f.SetField("detail", r.detail.c_str());
            f.SetField("value", r.value);
        });
}

void Geography::save(const std::filesystem::path& geopackage) const
{
    detail::writeGeoPackageAtomically(geopackage, [&](GDALDataset& ds) { writeGeographyLayers(ds, *this, geopackage.string()); });
}

namespace detail {

void writeGeoPackageAtomically(const std::filesystem::path& geopackage, const std::function<void(GDALDataset&)>& fill)
{
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!driver)
        throw DataError(geopackage.string(), "GDAL has no GPKG driver");
    if (geopackage.has_parent_path())
        std::filesystem::create_directories(geopackage.parent_path());
    // What a killed run left beside it (<name>.tmp-<pid>.gpkg of a process that is gone) goes first.
    detail::removeStaleTemporaries(std::filesystem::absolute(geopackage).parent_path());
    const std::filesystem::path temporary = geopackage.string() + ".tmp-" + std::to_string(::getpid()) + ".gpkg";
    std::filesystem::remove(temporary);
    try {
        GDALDatasetUniquePtr ds(driver->Create(temporary.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds)
            throw DataError(temporary.string(), std::string("cannot create: ") + CPLGetLastErrorMsg());
        ds->StartTransaction();
        fill(*ds);
        if (ds->CommitTransaction() != OGRERR_NONE)
            throw DataError(geopackage.string(), std::string("commit failed: ") + CPLGetLastErrorMsg());
        ds.reset();  // close before renaming
        std::filesystem::rename(temporary, geopackage);
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        throw;
    }
}

}  // namespace detail

}  // namespace layers
