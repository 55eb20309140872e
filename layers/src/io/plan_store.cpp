#include "layers/plan_store.h"

#include "io/gpkg_reader.h"
#include "store/open_data.h"
#include "io/gpkg_writer.h"
#include "layers/table_rows.h"

namespace layers {

namespace {
/// Copies a CSV verbatim into an attribute table: every column as text, in the file's order, plus csv_line. A
/// table without rows keeps its columns.
void copyTable(detail::Writer& w, const std::filesystem::path& csv, const std::string& table)
{
    std::vector<std::string> header;
    const std::vector<TableRow> rows = readCsvRows(csv, {}, &header);
    std::vector<detail::Field> fields{{"csv_line", OFTInteger}};
    for (const std::string& name : header)
        fields.push_back({name.c_str(), OFTString});
    OGRLayer* layer = w.layer(("plan_" + table).c_str(), wkbNone, fields);
    for (const TableRow& r : rows) {
        std::vector<detail::Value> values{r.line};
        for (std::size_t i = 1; i < fields.size(); ++i)
            values.emplace_back(r[fields[i].name]);
        w.add(layer, values);
    }
}

// The provenance columns every plan layer ends with, and their values.
const detail::Field kSource{"source", OFTString}, kClause{"clause", OFTString}, kBasis{"basis", OFTString};
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
                                   {"functions", OFTString}, {"members", OFTString}, kSource, kClause, kBasis, {"geometry_basis", OFTString},
                                   {"geometry_note", OFTString}});
        for (const ZoneFeature& z : pg.zones) {
            const Zone& d = *z.zone;
            w.add(zones, {d.id, d.name, d.nameEn, d.layout, d.kind, joinList(d.functions), joinList(z.memberCodes), d.provenance.source,
                          d.provenance.clause, d.provenance.basis, z.geometryBasis, z.geometryNote}, detail::toOgr(z.shape));
        }

        OGRLayer* corridors = w.layer("corridors", wkbLineString,
                                      {{"corridor_id", OFTString}, {"name", OFTString}, {"mode", OFTString}, {"status", OFTString},
                                       {"status_words", OFTString}, {"nodes", OFTString}, kSource, kClause, kBasis, {"start_kind", OFTString},
                                       {"end_kind", OFTString}, {"geometry_note", OFTString}});
        for (const CorridorFeature& c : pg.corridors) {
            const Corridor& d = *c.corridor;
            OGRLineString line;
            for (const geo::Point& p : c.line)
                line.addPoint(p.x, p.y);
            w.add(corridors, {d.id, d.name, d.mode, d.status, d.statusWords, joinList(d.nodeNames, "→"), d.provenance.source, d.provenance.clause,
                              d.provenance.basis, c.startKind, c.endKind, c.geometryNote},
                  c.line.size() >= 2 ? &line : nullptr);
        }

        OGRLayer* places = w.layer("places", wkbPoint,
                                   {{"place_id", OFTString}, {"name", OFTString}, {"kind", OFTString}, {"code", OFTString},
                                    {"position", OFTString}, {"status", OFTString}, {"status_words", OFTString}, {"note", OFTString},
                                    kSource, kClause, kBasis});
        for (const PlaceFeature& p : pg.places) {
            const Place& d = *p.place;
            w.add(places, {d.id, d.name, d.kind, d.code, d.positionQuality, d.status, d.statusWords, d.note, d.provenance.source,
                           d.provenance.clause, d.provenance.basis}, OGRPoint(p.point.x, p.point.y));
        }

        OGRLayer* relations = w.layer("relations", wkbLineString,
                                      {{"relation_id", OFTString}, {"kind", OFTString}, {"name", OFTString}, {"from", OFTString}, {"to", OFTString},
                                       kSource, kClause, kBasis});
        for (const RelationFeature& r : pg.relations) {
            const Relation& d = *r.relation;
            OGRLineString line;
            line.addPoint(r.from.x, r.from.y);
            line.addPoint(r.to.x, r.to.y);
            w.add(relations, {d.id, d.kind, d.name, d.fromKind + ":" + d.fromId, d.toKind + ":" + d.toId, d.provenance.source, d.provenance.clause,
                              d.provenance.basis}, &line);
        }

        OGRLayer* cities = w.layer("central_cities", wkbMultiPolygon,
                                   {{"city_id", OFTString}, {"name", OFTString}, {"structure", OFTString}, {"industries", OFTString},
                                    {"population_2025", OFTReal}, {"symbol_lon", OFTReal}, {"symbol_lat", OFTReal}, kSource, kClause, kBasis});
        for (const CentralCityFeature& c : pg.centralCities) {
            const CentralCity& d = *c.city;
            w.add(cities, {d.id, d.name, d.structure, joinList(d.industries), c.population2025, c.symbol.x, c.symbol.y, d.provenance.source,
                           d.provenance.clause, d.provenance.basis}, detail::toOgr(c.shape));
        }
    });
}

namespace detail {

std::vector<TableRow> readPlanTable(GDALDataset& ds, const std::string& file, const std::string& table, const std::vector<std::string>& columns)
{
    OGRLayer* layer = ds.GetLayerByName(("plan_" + table).c_str());
    if (!layer)
        throw DataError(file, "no table plan_" + table + " (rebuild the data)");
    const OGRFeatureDefn* defn = layer->GetLayerDefn();
    for (const std::string& c : columns)
        if (defn->GetFieldIndex(c.c_str()) < 0)
            throw DataError(file, "plan_" + table + " has no column '" + c + "'");
    layer->ResetReading();
    std::vector<TableRow> rows;
    for (auto& f : *layer) {
        TableRow row;
        row.file = table + ".csv";
        row.line = f->GetFieldAsInteger("csv_line");
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            row.fields[defn->GetFieldDefn(i)->GetNameRef()] = f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "";
        rows.push_back(std::move(row));
    }
    return rows;
}

PlanGeometry readPlanGeometry(GDALDataset& ds, const std::string& file, const PlanData& plan, const PlanLayerSelection& selection)
{
    auto layer = [&](const char* name, bool shapes) -> OGRLayer& {
        OGRLayer* l = ds.GetLayerByName(name);
        if (!l)
            throw DataError(file, std::string("no layer '") + name + "' (rebuild the data)");
        const char* ignored[] = {"OGR_GEOMETRY", nullptr};
        l->SetIgnoredFields(shapes ? nullptr : ignored);
        l->ResetReading();
        return *l;
    };
    // The plan item a feature stands for, by its id field; DataError if the plan has none.
    auto linked = [&](OGRLayer& l, OGRFeature& f, const char* idField, const auto& find) {
        const std::string id = f.GetFieldAsString(idField);
        const auto* item = find(id);
        if (!item)
            throw DataError(file, std::string("layer ") + l.GetName() + ": id '" + id + "' is not in the plan tables (rebuild the data)");
        return item;
    };
    auto shapeOf = [&](OGRFeature& f) { return selection.shapes ? toMultiPolygon(f.GetGeometryRef()) : geo::MultiPolygon{}; };
    PlanGeometry g;
    if (selection.wanted("zones")) {
        OGRLayer& l = layer("zones", selection.shapes);
        for (auto& f : l)
            g.zones.push_back({linked(l, *f, "zone_id", [&](const std::string& id) { return plan.zone(id); }), shapeOf(*f),
                               f->GetFieldAsString("geometry_basis"), f->GetFieldAsString("geometry_note"), splitList(f->GetFieldAsString("members"))});
    }
    if (selection.wanted("corridors")) {
        OGRLayer& l = layer("corridors", true);
        for (auto& f : l) {
            CorridorFeature c{linked(l, *f, "corridor_id", [&](const std::string& id) { return plan.corridor(id); }), {}, f->GetFieldAsString("start_kind"),
                              f->GetFieldAsString("end_kind"), f->GetFieldAsString("geometry_note")};
            if (const OGRGeometry* geometry = f->GetGeometryRef(); geometry && wkbFlatten(geometry->getGeometryType()) == wkbLineString)
                for (const OGRPoint& p : *geometry->toLineString())
                    c.line.push_back({p.getX(), p.getY()});
            g.corridors.push_back(std::move(c));
        }
    }
    if (selection.wanted("places")) {
        OGRLayer& l = layer("places", true);
        for (auto& f : l) {
            const Place* place = linked(l, *f, "place_id", [&](const std::string& id) { return plan.place(id); });
            if (const OGRGeometry* geometry = f->GetGeometryRef(); geometry && wkbFlatten(geometry->getGeometryType()) == wkbPoint)
                g.places.push_back({place, {geometry->toPoint()->getX(), geometry->toPoint()->getY()}});
        }
    }
    if (selection.wanted("central_cities")) {
        OGRLayer& l = layer("central_cities", selection.shapes);
        for (auto& f : l)
            g.centralCities.push_back({linked(l, *f, "city_id", [&](const std::string& id) { return plan.centralCity(id); }), shapeOf(*f),
                                       {f->GetFieldAsDouble("symbol_lon"), f->GetFieldAsDouble("symbol_lat")},
                                       f->GetFieldAsDouble("population_2025")});
    }
    if (selection.wanted("relations")) {
        OGRLayer& l = layer("relations", true);
        for (auto& f : l) {
            const Relation* relation = linked(l, *f, "relation_id", [&](const std::string& id) { return plan.relation(id); });
            if (const OGRGeometry* geometry = f->GetGeometryRef();
                geometry && wkbFlatten(geometry->getGeometryType()) == wkbLineString && geometry->toLineString()->getNumPoints() == 2) {
                const OGRLineString* line = geometry->toLineString();
                g.relations.push_back({relation, {line->getX(0), line->getY(0)}, {line->getX(1), line->getY(1)}});
            }
        }
    }
    return g;
}

}  // namespace detail

PlanBundle loadPlanBundle(const DataLocation& data, bool plan, bool geometry)
{
    if (!data.postgres() && !std::filesystem::exists(data.location()))
        throw DataError(data.location(), "does not exist (build the data first: share/scripts/gz.sh prepare)");
    auto ds = detail::openData(data);
    PlanBundle b;
    b.geography = detail::readGeography(*ds, data.shown());
    if (plan || geometry)
        b.plan = detail::readPlanData(*ds, data.shown(), [](const std::string&) { return true; });
    if (geometry)
        b.geometry = detail::readPlanGeometry(*ds, data.shown(), b.plan);
    return b;
}

PlanGeometry loadPlanGeometry(const DataLocation& geopackage, const PlanData& plan)
{
    auto ds = detail::openData(geopackage);
    return detail::readPlanGeometry(*ds, geopackage.shown(), plan);
}

}  // namespace layers
