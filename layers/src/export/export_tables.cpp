#include "layers/export_tables.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <map>
#include <string_view>

#include "io/gdal_drivers.h"
#include "store/open_data.h"
#include "io/gpkg_reader.h"
#include "layers/errors.h"
#include "layers/plan_query.h"
#include "layers/table_rows.h"
#include "io/ogr_convert.h"

namespace layers {

namespace {
void provenanceFields(ExportTable& t)
{
    t.fields.push_back({"source", FieldType::String, "source document: GZ2023, GY2025 or REFERENCE"});
    t.fields.push_back({"clause", FieldType::String, "clause of the document, e.g. 四(八)23"});
    t.fields.push_back({"basis", FieldType::String, "stated (in the document) | reference (references.md) | assumed (the project's choice)"});
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
                {"name_en", FieldType::String, "English name (share/plan/names_en.csv)"},
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
    const PlanQuery query(g, plan);
    const std::string boundarySource = g.package(packages::kCounties) + " (reference; for planning illustration, not survey)";
    for (const County& c : g.counties) {
        ExportFeature f;
        f.geometry = c.shape;
        f.label = c.shortName;
        const EnglishName* en = plan.englishName(c.code);
        f.values = {c.code, c.name, en ? en->nameEn : std::string(), c.shortName, c.oldName, c.oldCode, c.prefectureCode, c.prefectureName, c.seat.x, c.seat.y, c.areaKm2};
        std::vector<std::string> ids, names;
        std::string orbit;
        std::vector<bool> member(plan.classes.size(), false);
        for (const HeldClass& held : query.classesOf(c.code)) {
            member[held.index] = true;
            ids.push_back(held.countyClass->id);
            names.push_back(held.countyClass->name);
            f.groups.push_back(held.countyClass->id);
            if (!held.member->orbit.empty())
                orbit = held.member->orbit;
        }
        for (const bool held : member)
            f.values.push_back(held);
        f.values.push_back(orbit);
        f.values.push_back(static_cast<long long>(ids.size()));
        f.values.push_back(joinList(ids));
        f.values.push_back(joinList(names, "、"));
        f.values.push_back(ids.empty() ? std::string() : std::string("GZ2023 四(八)23 (stated)"));
        f.values.push_back(boundarySource);
        t.features.push_back(std::move(f));
    }
    return t;
}

ExportTable prefectures(const Geography& g, const PlanData& plan)
{
    ExportTable t{"prefectures", "市州", GeometryKind::Polygon, {}, {}};
    t.fields = {{"code", FieldType::String, "prefecture code"}, {"name", FieldType::String, "name"},
                {"name_en", FieldType::String, "English name (share/plan/names_en.csv)"}, {"short_name", FieldType::String, "short name"},
                {"county_count", FieldType::Integer, "county-level units", "n_counties"}, {"area_km2", FieldType::Real, "area in Albers equal-area, km2"}};
    for (const Prefecture& p : g.prefectures) {
        const EnglishName* en = plan.englishName(p.code);
        t.features.push_back({p.shape, {p.code, p.name, en ? en->nameEn : std::string(), p.shortName, static_cast<long long>(p.countyCount), p.areaKm2},
                              p.shortName, {}});
    }
    return t;
}

ExportTable province(const Geography& g)
{
    ExportTable t{"province", "省域", GeometryKind::Polygon, {}, {}};
    t.fields = {{"code", FieldType::String, "province code"}, {"name", FieldType::String, "name"}, {"county_count", FieldType::Integer, "county-level units", "n_counties"}};
    t.features.push_back({g.province.shape, {g.province.code, g.province.name, static_cast<long long>(g.counties.size())}, g.province.name, {}});
    return t;
}

ExportTable rivers(const Geography& g)
{
    ExportTable t{"rivers", "河流", GeometryKind::Line, {}, {}};
    t.fields = {{"river_id", FieldType::String, "river line id: river_<level>_<n>"},
                {"level", FieldType::Integer, "WDBII river level: 1 permanent major, 2 additional major, 3 additional, 4 minor"},
                {"level_name", FieldType::String, "level name (Chinese)"},
                {"level_name_en", FieldType::String, "level name in English", "level_en"},
                {"name", FieldType::String, "river name; empty: WDBII has no names and no public source matched this line"},
                {"name_en", FieldType::String, "English name; empty when unnamed"},
                {"source", FieldType::String, "Debian package@version and WDBII level the line comes from"},
                {"basis", FieldType::String, "reference (a published data set; for orientation, not survey)"}};
    for (const River& r : g.rivers) {
        const RiverLevel* level = riverLevel(r.level);
        ExportFeature f;
        if (r.line.size() >= 2)
            f.geometry = r.line;
        f.label = r.name;
        f.values = {r.id, static_cast<long long>(r.level), std::string(level ? level->name : ""), std::string(level ? level->nameEn : ""), r.name, r.nameEn,
                    r.source, r.basis};
        t.features.push_back(std::move(f));
    }
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
    t.fields = {{"corridor_id", FieldType::String, "corridor id", "corr_id"}, {"name", FieldType::String, "name"}, {"name_en", FieldType::String, "English name"},
                {"mode", FieldType::String, "belt, high_speed_rail, rail, expressway, urban_road, metro, waterway"},
                {"status", FieldType::String, "existing | under_construction | planned | study"}, {"status_words", FieldType::String, "the document's words", "status_txt"},
                {"nodes", FieldType::String, "node sequence"}};
    provenanceFields(t);
    t.fields.push_back({"start_kind", FieldType::String, "first vertex: county_seat, neighbour_seat or border_crossing (approximate)", "start_kind"});
    t.fields.push_back({"end_kind", FieldType::String, "last vertex: county_seat, neighbour_seat or border_crossing (approximate)", "end_kind"});
    t.fields.push_back({"geometry_note", FieldType::String, "schematic alignment; which ends are neighbouring seats and which approximate border crossings", "geom_note"});
    for (const CorridorFeature& c : pg.corridors) {
        ExportFeature f;
        if (c.line.size() >= 2)
            f.geometry = c.line;
        f.label = c.corridor->name;
        f.values = {c.corridor->id, c.corridor->name, c.corridor->nameEn, c.corridor->mode, c.corridor->status, c.corridor->statusWords, joinList(c.corridor->nodeNames, "→")};
        provenanceValues(f.values, c.corridor->provenance);
        f.values.push_back(c.startKind);
        f.values.push_back(c.endKind);
        f.values.push_back(c.geometryNote);
        t.features.push_back(std::move(f));
    }
    return t;
}

ExportTable places(const PlanGeometry& pg, const Geography& g)
{
    ExportTable t{"places", "节点与枢纽", GeometryKind::Point, {}, {}};
    t.fields = {{"place_id", FieldType::String, "place id"}, {"name", FieldType::String, "name"}, {"name_en", FieldType::String, "English name"}, {"kind", FieldType::String, "kind"},
                {"code", FieldType::String, "county code"}, {"county", FieldType::String, "county name"},
                {"position", FieldType::String, "surveyed | approximate (approximate points sit at the county seat)"},
                {"status", FieldType::String, "normalised status"}, {"status_words", FieldType::String, "the document's words", "status_txt"}, {"note", FieldType::String, "note (Chinese)"},
                {"note_en", FieldType::String, "note in English"}};
    provenanceFields(t);
    for (const PlaceFeature& p : pg.places) {
        const County* c = g.county(p.place->code);
        ExportFeature f{p.point, {p.place->id, p.place->name, p.place->nameEn, p.place->kind, p.place->code, c ? c->name : std::string(), p.place->positionQuality,
                                  p.place->status, p.place->statusWords, p.place->note, p.place->noteEn}, p.place->name, {}};
        provenanceValues(f.values, p.place->provenance);
        t.features.push_back(std::move(f));
    }
    return t;
}

ExportTable centralCities(const PlanGeometry& pg)
{
    ExportTable t{"central_cities", "区域中心城市", GeometryKind::Polygon, {}, {}};
    t.fields = {{"city_id", FieldType::String, "city id"}, {"name", FieldType::String, "name"}, {"name_en", FieldType::String, "English name"}, {"structure", FieldType::String, "spatial structure in the document's words"},
                {"industries", FieldType::String, "leading industries, ';'-separated"},
                {"industries_clause", FieldType::String, "clause the industries come from, when not the row's clause", "ind_clause"},
                {"role", FieldType::String, "what it is to become"},
                {"population_2025", FieldType::Real, "2025 population target, 10^4 people", "pop_2025"}, {"symbol_lon", FieldType::Real, "symbol point longitude"},
                {"symbol_lat", FieldType::Real, "symbol point latitude"}};
    provenanceFields(t);
    for (const CentralCityFeature& c : pg.centralCities) {
        ExportFeature f{c.shape, {c.city->id, c.city->name, c.city->nameEn, c.city->structure, joinList(c.city->industries), c.city->industriesClause, c.city->role, c.population2025, c.symbol.x, c.symbol.y},
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
                {"scope_id", FieldType::String, "id of the scope"}, {"indicator", FieldType::String, "indicator"},
                {"indicator_en", FieldType::String, "indicator in English", "indic_en"}, {"value", FieldType::Real, "target value"},
                {"unit", FieldType::String, "unit"}, {"comparator", FieldType::String, "≥ (以上), ≈ (左右), ≤ (以内), = (none), > (突破)"},
                {"year", FieldType::Integer, "target year"}};
    provenanceFields(t);
    t.fields.push_back({"quote", FieldType::String, "verbatim phrase of the document"});
    t.fields.push_back({"year_basis", FieldType::String, "basis of the year: stated | assumed (GY2025 gives no year)", "year_basis"});
    t.fields.push_back({"scope_basis", FieldType::String, "basis of the scope: stated | reference | assumed", "scope_basi"});
    t.fields.push_back({"note", FieldType::String, "why, where a basis is assumed (Chinese)"});
    t.fields.push_back({"note_en", FieldType::String, "the note in English"});
    for (const Target& x : plan.targets) {
        ExportFeature f{std::monostate{}, {x.id, x.scopeKind, x.scopeId, x.indicator, x.indicatorEn, x.value, x.unit, x.comparator, static_cast<long long>(x.year)}, "", {}};
        provenanceValues(f.values, x.provenance);
        for (const std::string* v : {&x.quote, &x.yearBasis, &x.scopeBasis, &x.note, &x.noteEn})
            f.values.push_back(*v);
        t.features.push_back(std::move(f));
    }
    return t;
}

/// The provenance, the document's words and the note of a plan statement or relation.
void quotedFields(ExportTable& t)
{
    provenanceFields(t);
    t.fields.push_back({"quote", FieldType::String, "verbatim phrase of the document"});
    t.fields.push_back({"note", FieldType::String, "note (Chinese)"});
    t.fields.push_back({"note_en", FieldType::String, "note in English"});
}

template <typename Row>
void quotedValues(std::vector<ExportValue>& v, const Row& row)
{
    provenanceValues(v, row.provenance);
    for (const std::string* text : {&row.quote, &row.note, &row.noteEn})
        v.push_back(*text);
}

ExportTable statements(const PlanData& plan)
{
    ExportTable t{"statements", "规划表述", GeometryKind::None, {}, {}};
    t.fields = {{"statement_id", FieldType::String, "statement id", "stmt_id"}, {"scope_kind", FieldType::String, "province, zone, city, county"},
                {"scope_id", FieldType::String, "id of the place it concerns"}, {"topic", FieldType::String, "what it says (Chinese)"},
                {"topic_en", FieldType::String, "what it says (English)"}};
    quotedFields(t);
    for (const Statement& x : plan.statements) {
        ExportFeature f{std::monostate{}, {x.id, x.scopeKind, x.scopeId, x.topic, x.topicEn}, "", {}};
        quotedValues(f.values, x);
        t.features.push_back(std::move(f));
    }
    return t;
}

ExportTable relations(const PlanGeometry& pg)
{
    ExportTable t{"relations", "区域关系", GeometryKind::Line, {}, {}};
    t.fields = {{"relation_id", FieldType::String, "relation id", "rel_id"}, {"kind", FieldType::String, "integration | linkage | same_city | coordination"},
                {"name", FieldType::String, "name"}, {"name_en", FieldType::String, "English name"},
                {"from", FieldType::String, "one unit: county:<code>, city:<id> or zone:<id>"}, {"to", FieldType::String, "the other unit"}};
    quotedFields(t);
    t.fields.push_back({"geometry_note", FieldType::String, "schematic line", "geom_note"});
    for (const RelationFeature& r : pg.relations) {
        const Relation& x = *r.relation;
        ExportFeature f{std::vector<geo::Point>{r.from, r.to}, {x.id, x.kind, x.name, x.nameEn, x.fromKind + ":" + x.fromId, x.toKind + ":" + x.toId}, x.name, {}};
        quotedValues(f.values, x);
        f.values.push_back(std::string("schematic: a straight line between the units' seats, symbol points or zone centres"));
        t.features.push_back(std::move(f));
    }
    return t;
}

/// The tables whose layer id wanted accepts, in the order of exportLayers().
std::vector<ExportTable> tablesOf(const Geography& g, const PlanData& plan, const PlanGeometry& pg, const std::function<bool(const char*)>& wanted)
{
    const std::map<std::string, std::function<ExportTable()>> make{
        {"counties", [&] { return counties(g, plan); }},    {"prefectures", [&] { return prefectures(g, plan); }},
        {"province", [&] { return province(g); }},          {"rivers", [&] { return rivers(g); }},
        {"zones", [&] { return zones(pg); }},
        {"corridors", [&] { return corridors(pg); }},       {"places", [&] { return places(pg, g); }},
        {"central_cities", [&] { return centralCities(pg); }}, {"targets", [&] { return targets(plan); }},
        {"statements", [&] { return statements(plan); }}, {"relations", [&] { return relations(pg); }}};
    std::vector<ExportTable> tables;
    for (const ExportLayerInfo& l : exportLayers())
        if (wanted(l.id.c_str()))
            tables.push_back(make.at(l.id)());
    return tables;
}
}  // namespace

std::vector<ExportTable> buildExportTables(const Geography& geography, const PlanData& plan, const PlanGeometry& planGeometry)
{
    return tablesOf(geography, plan, planGeometry, [](const char*) { return true; });
}

const std::vector<ExportLayerInfo>& exportLayers()
{
    static const std::vector<ExportLayerInfo> layers{{"counties", "县级行政区及县城分类", GeometryKind::Polygon},
                                                     {"prefectures", "市州", GeometryKind::Polygon},
                                                     {"province", "省域", GeometryKind::Polygon},
                                                     {"rivers", "河流", GeometryKind::Line},
                                                     {"zones", "规划分区", GeometryKind::Polygon},
                                                     {"corridors", "交通廊道与发展带", GeometryKind::Line},
                                                     {"places", "节点与枢纽", GeometryKind::Point},
                                                     {"central_cities", "区域中心城市", GeometryKind::Polygon},
                                                     {"relations", "区域关系", GeometryKind::Line},
                                                     {"targets", "规划目标", GeometryKind::None},
                                                     {"statements", "规划表述", GeometryKind::None}};
    return layers;
}

namespace {
/// The build's GeoPackage, opened once for the tables asked for; read through the readers of Geography::load,
/// PlanData::loadGeoPackage and loadPlanGeometry (io/gpkg_reader.h): the same fields and errors.
class GeoPackageReader {
public:
    explicit GeoPackageReader(const DataLocation& data) : m_file(data.shown())
    {
        if (data.postgres()) {
            m_ds = detail::openData(data);
            return;
        }
        const std::filesystem::path file = data.location();
        if (!std::filesystem::exists(file))
            throw DataError(file.string(), "does not exist (build the data first: share/scripts/gz.sh prepare)");
        detail::registerDriver("GPKG");
        const char* const drivers[] = {"GPKG", nullptr};
        m_ds.reset(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers));
        if (!m_ds)
            throw DataError(file.string(), std::string("cannot open as a GeoPackage: ") + CPLGetLastErrorMsg() + detail::lockedHint(CPLGetLastErrorMsg()));
    }

    GDALDataset& dataset() { return *m_ds; }
    const std::string& file() const { return m_file; }

private:
    std::string m_file;
    GDALDatasetUniquePtr m_ds;
};

}  // namespace

std::vector<ExportTable> loadExportTables(const DataLocation& geopackage, const std::vector<std::string>& ids, bool geometry)
{
    for (const std::string& id : ids)
        if (std::none_of(exportLayers().begin(), exportLayers().end(), [&](const ExportLayerInfo& l) { return l.id == id; })) {
            std::string known;
            for (const ExportLayerInfo& l : exportLayers())
                known += " " + l.id;
            throw DataError(id, "no such layer; layers:" + known);
        }
    auto wanted = [&](const char* id) { return ids.empty() || std::find(ids.begin(), ids.end(), id) != ids.end(); };

    GeoPackageReader gpkg(geopackage);
    Geography g;
    PlanData plan;
    PlanGeometry pg;

    // Geography: counties (their polygons only for the counties table) with the package records, prefectures,
    // province, rivers.
    const bool withCounties = wanted("counties") || wanted("province") || wanted("places");
    const auto is = [](const char* a, const char* b) { return std::string_view(a) == b; };
    g = detail::readGeography(gpkg.dataset(), gpkg.file(),
                              {[&](const char* l) {
                                   return (withCounties && (is(l, layer_names::kCounties) || is(l, layer_names::kSources))) ||
                                          (wanted("prefectures") && is(l, layer_names::kPrefectures)) || (wanted("province") && is(l, layer_names::kProvince)) ||
                                          (wanted("rivers") && is(l, layer_names::kRivers));
                               },
                               [&](const char* l) { return geometry && (!is(l, layer_names::kCounties) || wanted("counties")); }});

    // Plan tables, read as PlanData::loadGeoPackage reads them: only those the wanted tables derive from.
    const std::map<std::string, std::vector<std::string>> tablesFor{
        {"counties", {"names_en", "county_classes", "class_members"}}, {"prefectures", {"names_en"}}, {"central_cities", {"central_cities"}},
        {"zones", {"zones"}}, {"corridors", {"corridors"}}, {"places", {"places"}}, {"targets", {"targets"}}, {"statements", {"statements"}},
        {"relations", {"relations"}}};
    plan = detail::readPlanData(gpkg.dataset(), gpkg.file(), [&](const std::string& table) {
        for (const auto& [layer, tables] : tablesFor)
            if (wanted(layer.c_str()) && std::find(tables.begin(), tables.end(), table) != tables.end())
                return true;
        return false;
    });

    // Plan geometry, as loadPlanGeometry reads it (the plan vectors above no longer change).
    pg = detail::readPlanGeometry(gpkg.dataset(), gpkg.file(), plan, {wanted, geometry});

    return tablesOf(g, plan, pg, wanted);
}

}  // namespace layers
