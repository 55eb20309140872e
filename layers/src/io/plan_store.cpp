#include "layers/plan_store.h"

#include "io/gpkg_writer.h"
#include "layers/table_rows.h"

namespace layers {

namespace {
void setProvenance(OGRFeature& f, const Provenance& p)
{
    f.SetField("source", p.source.c_str());
    f.SetField("clause", p.clause.c_str());
    f.SetField("basis", p.basis.c_str());
}

/// Copies a CSV verbatim into an attribute table: every column as text plus csv_line.
void copyTable(detail::Writer& w, const std::filesystem::path& csv, const std::string& table)
{
    const std::vector<TableRow> rows = readCsvRows(csv, {});
    OGRLayer* layer = w.layer(("plan_" + table).c_str(), wkbNone, {{"csv_line", OFTInteger}});
    std::vector<std::string> columns;
    if (!rows.empty())
        for (const auto& [name, value] : rows.front().fields)
            columns.push_back(name);
    for (const std::string& c : columns) {
        OGRFieldDefn defn(c.c_str(), OFTString);
        layer->CreateField(&defn);
    }
    for (const TableRow& r : rows)
        w.add(layer, [&](OGRFeature& f) {
            f.SetField("csv_line", r.line);
            for (const std::string& c : columns)
                f.SetField(c.c_str(), r[c].c_str());
        });
}
}  // namespace

void saveGeoPackage(const std::filesystem::path& geopackage, const Geography& geography, const std::filesystem::path& planDir,
                    const PlanGeometry& pg)
{
    detail::writeGeoPackageAtomically(geopackage, [&](GDALDataset& ds) {
        writeGeographyLayers(ds, geography, geopackage.string());
        detail::Writer w(ds, geopackage.string());
        for (const std::string& table : PlanData::tableNames())
            copyTable(w, planDir / (table + ".csv"), table);

        OGRLayer* zones = w.layer("zones", wkbMultiPolygon,
                                  {{"zone_id", OFTString}, {"name", OFTString}, {"name_en", OFTString}, {"layout", OFTString}, {"kind", OFTString},
                                   {"functions", OFTString}, {"members", OFTString}, {"source", OFTString}, {"clause", OFTString},
                                   {"basis", OFTString}, {"geometry_basis", OFTString}, {"geometry_note", OFTString}});
        for (const ZoneFeature& z : pg.zones)
            w.add(zones, [&](OGRFeature& f) {
                f.SetField("zone_id", z.zone->id.c_str());
                f.SetField("name", z.zone->name.c_str());
                f.SetField("name_en", z.zone->nameEn.c_str());
                f.SetField("layout", z.zone->layout.c_str());
                f.SetField("kind", z.zone->kind.c_str());
                f.SetField("functions", joinList(z.zone->functions).c_str());
                f.SetField("members", joinList(z.memberCodes).c_str());
                setProvenance(f, z.zone->provenance);
                f.SetField("geometry_basis", z.geometryBasis.c_str());
                f.SetField("geometry_note", z.geometryNote.c_str());
                detail::setShape(f, z.shape);
            });

        OGRLayer* corridors = w.layer("corridors", wkbLineString,
                                      {{"corridor_id", OFTString}, {"name", OFTString}, {"mode", OFTString}, {"status", OFTString},
                                       {"status_words", OFTString}, {"nodes", OFTString}, {"source", OFTString}, {"clause", OFTString},
                                       {"basis", OFTString}, {"geometry_note", OFTString}});
        for (const CorridorFeature& c : pg.corridors)
            w.add(corridors, [&](OGRFeature& f) {
                f.SetField("corridor_id", c.corridor->id.c_str());
                f.SetField("name", c.corridor->name.c_str());
                f.SetField("mode", c.corridor->mode.c_str());
                f.SetField("status", c.corridor->status.c_str());
                f.SetField("status_words", c.corridor->statusWords.c_str());
                f.SetField("nodes", joinList(c.corridor->nodeNames, "→").c_str());
                setProvenance(f, c.corridor->provenance);
                f.SetField("geometry_note", "schematic: straight segments between the county seats of its nodes");
                if (c.line.size() >= 2) {
                    OGRLineString line;
                    for (const geo::Point& p : c.line)
                        line.addPoint(p.x, p.y);
                    f.SetGeometry(&line);
                }
            });

        OGRLayer* places = w.layer("places", wkbPoint,
                                   {{"place_id", OFTString}, {"name", OFTString}, {"kind", OFTString}, {"code", OFTString},
                                    {"position", OFTString}, {"status", OFTString}, {"status_words", OFTString}, {"note", OFTString},
                                    {"source", OFTString}, {"clause", OFTString}, {"basis", OFTString}});
        for (const PlaceFeature& p : pg.places)
            w.add(places, [&](OGRFeature& f) {
                f.SetField("place_id", p.place->id.c_str());
                f.SetField("name", p.place->name.c_str());
                f.SetField("kind", p.place->kind.c_str());
                f.SetField("code", p.place->code.c_str());
                f.SetField("position", p.place->positionQuality.c_str());
                f.SetField("status", p.place->status.c_str());
                f.SetField("status_words", p.place->statusWords.c_str());
                f.SetField("note", p.place->note.c_str());
                setProvenance(f, p.place->provenance);
                OGRPoint point(p.point.x, p.point.y);
                f.SetGeometry(&point);
            });

        OGRLayer* cities = w.layer("central_cities", wkbMultiPolygon,
                                   {{"city_id", OFTString}, {"name", OFTString}, {"structure", OFTString}, {"industries", OFTString},
                                    {"population_2025", OFTReal}, {"symbol_lon", OFTReal}, {"symbol_lat", OFTReal}, {"source", OFTString},
                                    {"clause", OFTString}, {"basis", OFTString}});
        for (const CentralCityFeature& c : pg.centralCities)
            w.add(cities, [&](OGRFeature& f) {
                f.SetField("city_id", c.city->id.c_str());
                f.SetField("name", c.city->name.c_str());
                f.SetField("structure", c.city->structure.c_str());
                f.SetField("industries", joinList(c.city->industries).c_str());
                f.SetField("population_2025", c.population2025);
                f.SetField("symbol_lon", c.symbol.x);
                f.SetField("symbol_lat", c.symbol.y);
                setProvenance(f, c.city->provenance);
                detail::setShape(f, c.shape);
            });
    });
}

PlanGeometry loadPlanGeometry(const std::filesystem::path& geopackage, const PlanData& plan)
{
    auto ds = detail::openVector(geopackage.string());
    auto layer = [&](const char* name) {
        OGRLayer* l = ds->GetLayerByName(name);
        if (!l)
            throw DataError(geopackage.string(), std::string("no layer '") + name + "' (rebuild the data)");
        return l;
    };
    auto unknown = [&](const char* layerName, const std::string& id) {
        return DataError(geopackage.string(), std::string("layer ") + layerName + ": id '" + id + "' is not in the plan tables (rebuild the data)");
    };
    PlanGeometry g;
    for (auto& f : *layer("zones")) {
        const std::string id = f->GetFieldAsString("zone_id");
        ZoneFeature z;
        z.zone = plan.zone(id);
        if (!z.zone)
            throw unknown("zones", id);
        z.shape = detail::toMultiPolygon(f->GetGeometryRef());
        z.geometryBasis = f->GetFieldAsString("geometry_basis");
        z.geometryNote = f->GetFieldAsString("geometry_note");
        z.memberCodes = splitList(f->GetFieldAsString("members"));
        g.zones.push_back(std::move(z));
    }
    for (auto& f : *layer("corridors")) {
        const std::string id = f->GetFieldAsString("corridor_id");
        CorridorFeature c{plan.corridor(id), {}};
        if (!c.corridor)
            throw unknown("corridors", id);
        if (const OGRGeometry* geometry = f->GetGeometryRef(); geometry && wkbFlatten(geometry->getGeometryType()) == wkbLineString)
            for (const OGRPoint& p : *geometry->toLineString())
                c.line.push_back({p.getX(), p.getY()});
        g.corridors.push_back(std::move(c));
    }
    for (auto& f : *layer("places")) {
        const std::string id = f->GetFieldAsString("place_id");
        const Place* place = plan.place(id);
        const OGRGeometry* geometry = f->GetGeometryRef();
        if (!place)
            throw unknown("places", id);
        if (!geometry || wkbFlatten(geometry->getGeometryType()) != wkbPoint)
            continue;
        g.places.push_back({place, {geometry->toPoint()->getX(), geometry->toPoint()->getY()}});
    }
    for (auto& f : *layer("central_cities")) {
        const std::string id = f->GetFieldAsString("city_id");
        CentralCityFeature c;
        c.city = plan.centralCity(id);
        if (!c.city)
            throw unknown("central_cities", id);
        c.shape = detail::toMultiPolygon(f->GetGeometryRef());
        c.symbol = {f->GetFieldAsDouble("symbol_lon"), f->GetFieldAsDouble("symbol_lat")};
        c.population2025 = f->GetFieldAsDouble("population_2025");
        g.centralCities.push_back(std::move(c));
    }
    return g;
}

}  // namespace layers
