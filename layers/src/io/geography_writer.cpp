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
        w.add(counties, {c.code, c.name, c.shortName, c.oldCode, c.oldName, c.prefectureCode, c.prefectureName, c.seat.x, c.seat.y,
                         c.areaKm2, countyRecord, "reference"}, detail::toOgr(c.shape));

    OGRLayer* seats = w.layer(layer_names::kCountySeats, wkbPoint,
                              {{"code", OFTString}, {"name", OFTString}, {"short_name", OFTString}, {"prefecture_code", OFTString},
                               {"position", OFTString}, {"source", OFTString}});
    for (const County& c : g.counties)
        w.add(seats, {c.code, c.name, c.shortName, c.prefectureCode, "approximate", countySource + " properties.cp"},
              OGRPoint(c.seat.x, c.seat.y));

    OGRLayer* prefectures = w.layer(layer_names::kPrefectures, wkbMultiPolygon,
                                    {{"code", OFTString}, {"name", OFTString}, {"short_name", OFTString},
                                     {"county_count", OFTInteger}, {"area_km2", OFTReal}});
    for (const Prefecture& p : g.prefectures)
        w.add(prefectures, {p.code, p.name, p.shortName, p.countyCount, p.areaKm2}, detail::toOgr(p.shape));

    OGRLayer* province = w.layer(layer_names::kProvince, wkbMultiPolygon, {{"code", OFTString}, {"name", OFTString}});
    w.add(province, {g.province.code, g.province.name}, detail::toOgr(g.province.shape));

    OGRLayer* neighbours = w.layer(layer_names::kNeighbours, wkbMultiPolygon, {{"code", OFTString}, {"name", OFTString}});
    for (const Region& r : g.neighbours)
        w.add(neighbours, {r.code, r.name}, detail::toOgr(r.shape));

    OGRLayer* neighbourSeats = w.layer(layer_names::kNeighbourSeats, wkbPoint,
                                       {{"code", OFTString}, {"name", OFTString}, {"short_name", OFTString}, {"province", OFTString},
                                        {"level", OFTString}, {"position", OFTString}, {"source", OFTString}});
    for (const NeighbourSeat& s : g.neighbourSeats)
        w.add(neighbourSeats, {s.code, s.name, s.shortName, s.province, s.level, "approximate", s.source}, OGRPoint(s.seat.x, s.seat.y));
    OGRLayer* rivers = w.layer(layer_names::kRivers, wkbLineString,
                               {{"river_id", OFTString}, {"level", OFTInteger}, {"level_name", OFTString}, {"level_name_en", OFTString},
                                {"name", OFTString}, {"name_en", OFTString}, {"source", OFTString}, {"basis", OFTString}});
    for (const River& r : g.rivers) {
        const RiverLevel* level = riverLevel(r.level);
        if (!level)
            throw DataError(file, "river " + r.id + ": level " + std::to_string(r.level) + " is not one the rivers layer keeps");
        OGRLineString line;
        for (const geo::Point& p : r.line)
            line.addPoint(p.x, p.y);
        w.add(rivers, {r.id, r.level, std::string(level->name), std::string(level->nameEn), r.name, r.nameEn, r.source, r.basis}, line);
    }

    OGRLayer* sources = w.layer(layer_names::kSources, wkbNone,
                                {{"package", OFTString}, {"file", OFTString}, {"licence", OFTString}, {"integrity", OFTString}, {"note", OFTString}});
    for (const SourceRecord& s : g.sources)
        w.add(sources, {s.package, s.file, s.licence, s.integrity, s.note});

    OGRLayer* log = w.layer(layer_names::kBuildLog, wkbNone,
                            {{"kind", OFTString}, {"subject", OFTString}, {"detail", OFTString}, {"value", OFTReal}});
    for (const LogRecord& r : g.log)
        w.add(log, {r.kind, r.subject, r.detail, r.value});
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
