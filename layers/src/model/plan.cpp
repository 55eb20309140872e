#include "layers/plan.h"

#include <cmath>
#include <cstdlib>
#include <functional>

#include "layers/errors.h"
#include "layers/table_rows.h"
#include "io/gpkg_reader.h"
#include "store/open_data.h"
#include "io/ogr_convert.h"

namespace layers {

std::string Provenance::where() const
{
    return std::filesystem::path(file).filename().string() + ":" + std::to_string(line);
}

std::vector<std::string> splitList(const std::string& cell)
{
    std::vector<std::string> out;
    if (cell.empty())
        return out;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = cell.find(';', start);
        std::string item = cell.substr(start, end == std::string::npos ? std::string::npos : end - start);
        const auto first = item.find_first_not_of(" \t");
        const auto last = item.find_last_not_of(" \t");
        out.push_back(first == std::string::npos ? std::string() : item.substr(first, last - first + 1));
        if (end == std::string::npos)
            break;
        start = end + 1;
    }
    return out;
}

std::string joinList(const std::vector<std::string>& items, const char* separator)
{
    std::string out;
    for (const auto& item : items) {
        if (!out.empty())
            out += separator;
        out += item;
    }
    return out;
}

namespace {
Provenance provenance(const TableRow& r)
{
    return {r["source"], r["clause"], r["basis"], r.file, r.line};
}

using RowSource = std::function<std::vector<TableRow>(const std::string& table, const std::vector<std::string>& columns)>;

using TableWanted = std::function<bool(const std::string& table)>;

struct Rows {
    const RowSource& source;
    const TableWanted& wanted;
    std::vector<TableRow> operator()(const char* table, std::vector<std::string> columns, bool withProvenance = true) const
    {
        if (!wanted(table))
            return {};
        if (withProvenance)
            for (const char* c : {"source", "clause", "basis"})
                columns.push_back(c);
        return source(table, columns);
    }
};

PlanData loadFrom(const RowSource& source, const TableWanted& wanted = [](const std::string&) { return true; });

template <typename T>
const T* findId(const std::vector<T>& items, const std::string& id)
{
    for (const T& item : items)
        if (item.id == id)
            return &item;
    return nullptr;
}
}  // namespace

const std::vector<std::string>& PlanData::tableNames()
{
    static const std::vector<std::string> names{"documents", "county_classes", "class_members", "central_cities", "central_city_members",
                                                "zones", "zone_members", "corridors", "places", "targets", "statements", "relations",
                                                "glossary", "names_en"};
    return names;
}

PlanData PlanData::load(const std::filesystem::path& dir)
{
    return loadFrom([&](const std::string& table, const std::vector<std::string>& columns) {
        return readCsvRows(dir / (table + ".csv"), columns);
    });
}

PlanData PlanData::loadGeoPackage(const DataLocation& geopackage)
{
    auto ds = detail::openData(geopackage);
    return detail::readPlanData(*ds, geopackage.shown(), [](const std::string&) { return true; });
}

PlanData detail::readPlanData(GDALDataset& ds, const std::string& file, const std::function<bool(const std::string& table)>& wanted)
{
    return loadFrom([&](const std::string& table, const std::vector<std::string>& columns) { return detail::readPlanTable(ds, file, table, columns); },
                    wanted);
}

namespace {
PlanData loadFrom(const RowSource& source, const TableWanted& wanted)
{
    const Rows rows{source, wanted};
    PlanData plan;
    for (const TableRow& r : rows("glossary", {"term", "zh", "en"}, false))
        plan.glossary.push_back({r["term"], r["zh"], r["en"]});
    for (const TableRow& r : rows("names_en", {"code", "name", "short_name", "name_en", "short_en"}, false))
        plan.englishNames.push_back({r["code"], r["name"], r["short_name"], r["name_en"], r["short_en"]});
    for (const TableRow& r : rows("documents", {"doc_id", "title", "title_en", "issuer", "date", "file"}, false))
        plan.documents.push_back({r["doc_id"], r["title"], r["issuer"], r["date"], r["file"], r["title_en"]});

    for (const TableRow& r : rows("county_classes", {"class_id", "name", "name_en", "expected_count", "quote", "aliases"}))
        plan.classes.push_back({r["class_id"], r["name"], r["name_en"], r["quote"], std::atoi(r["expected_count"].c_str()), provenance(r),
                                 splitList(r["aliases"])});

    for (const TableRow& r : rows("class_members", {"class_id", "code", "county", "orbit", "note", "note_en"}))
        plan.classMembers.push_back({r["class_id"], r["code"], r["county"], r["orbit"], r["note"], provenance(r), r["note_en"]});

    for (const TableRow& r : rows("central_cities", {"city_id", "name", "name_en", "counties_text", "structure", "industries", "industries_clause", "role"}))
        plan.centralCities.push_back({r["city_id"], r["name"], r["counties_text"], r["structure"], r["role"], splitList(r["industries"]), provenance(r),
                                      r["name_en"], r["industries_clause"]});

    for (const TableRow& r : rows("central_city_members", {"city_id", "code", "county", "part", "extent", "note", "note_en"}))
        plan.centralCityMembers.push_back({r["city_id"], r["code"], r["county"], r["part"], r["extent"], r["note"], provenance(r), r["note_en"]});

    for (const TableRow& r : rows("zones", {"zone_id", "name", "name_en", "layout", "kind", "functions", "parent_zone", "note", "note_en"}))
        plan.zones.push_back({r["zone_id"], r["name"], r["name_en"], r["layout"], r["kind"], r["parent_zone"], r["note"], splitList(r["functions"]),
                              provenance(r), r["note_en"]});

    for (const TableRow& r : rows("zone_members", {"zone_id", "code", "county", "extent", "note", "note_en"}))
        plan.zoneMembers.push_back({r["zone_id"], r["code"], r["county"], r["extent"], r["note"], provenance(r), r["note_en"]});

    for (const TableRow& r : rows("corridors", {"corridor_id", "name", "name_en", "mode", "status_words", "status", "node_names", "node_codes", "quote"})) {
        Corridor c{r["corridor_id"], r["name"], r["mode"], r["status_words"], r["status"], r["quote"], splitList(r["node_names"]),
                   splitList(r["node_codes"]), provenance(r), r["name_en"]};
        if (c.nodeCodes.empty())  // an empty cell: every node lies outside Guizhou
            c.nodeCodes.resize(c.nodeNames.size());
        plan.corridors.push_back(std::move(c));
    }

    for (const TableRow& r : rows("places", {"place_id", "name", "name_en", "kind", "code", "lon", "lat", "position", "status_words", "status", "note", "note_en"})) {
        Place p{r["place_id"], r["name"], r["kind"], r["code"], r["position"], r["status_words"], r["status"], r["note"], std::nullopt, provenance(r), r["name_en"],
                r["note_en"]};
        if (!r["lon"].empty() || !r["lat"].empty()) {
            char* endX = nullptr;
            char* endY = nullptr;
            const double x = std::strtod(r["lon"].c_str(), &endX);
            const double y = std::strtod(r["lat"].c_str(), &endY);
            if (*endX == '\0' && *endY == '\0' && !r["lon"].empty() && !r["lat"].empty())
                p.position = geo::Point{x, y};
            else
                p.position = geo::Point{std::nan(""), std::nan("")};  // reported by checkPlan
        }
        plan.places.push_back(std::move(p));
    }

    for (const TableRow& r : rows("targets", {"target_id", "scope_kind", "scope_id", "indicator", "indicator_en", "value", "unit", "comparator", "year", "quote",
                                              "year_basis", "scope_basis", "note", "note_en"})) {
        Target t{r["target_id"], r["scope_kind"], r["scope_id"], r["indicator"], r["unit"], r["comparator"], r["quote"], r["value"], 0, 0, provenance(r), {},
                 r["indicator_en"], r["year_basis"], r["scope_basis"], r["note"], r["note_en"]};
        char* end = nullptr;
        t.value = std::strtod(t.valueText.c_str(), &end);
        if (t.valueText.empty() || *end != '\0')
            t.value = std::nan("");
        // Strictly a whole number: "abc" or "2025x" is reported by checkPlan as written, not as year 0.
        t.yearText = r["year"];
        char* yearEnd = nullptr;
        const long year = std::strtol(t.yearText.c_str(), &yearEnd, 10);
        t.year = !t.yearText.empty() && *yearEnd == '\0' && year > 0 && year < 10000 ? static_cast<int>(year) : 0;
        plan.targets.push_back(std::move(t));
    }

    for (const TableRow& r : rows("statements", {"statement_id", "scope_kind", "scope_id", "topic", "topic_en", "quote", "note", "note_en"}))
        plan.statements.push_back({r["statement_id"], r["scope_kind"], r["scope_id"], r["topic"], r["topic_en"], r["quote"], provenance(r), r["note"], r["note_en"]});

    for (const TableRow& r : rows("relations", {"relation_id", "kind", "from_kind", "from_id", "to_kind", "to_id", "name", "name_en", "quote", "note", "note_en"}))
        plan.relations.push_back({r["relation_id"], r["kind"], r["from_kind"], r["from_id"], r["to_kind"], r["to_id"], r["name"], r["name_en"], r["quote"],
                                  provenance(r), r["note"], r["note_en"]});
    return plan;
}
}  // namespace

std::string Target::weakestBasis() const
{
    for (const char* basis : {"assumed", "reference"})
        if (provenance.basis == basis || yearBasis == basis || scopeBasis == basis)
            return basis;
    return provenance.basis;
}

std::string PlanData::termText(const std::string& term, bool english) const
{
    for (const GlossaryTerm& g : glossary)
        if (g.term == term)
            return english ? g.en : g.zh;
    return term;
}

const CountyClass* PlanData::countyClass(const std::string& id) const { return findId(classes, id); }

const EnglishName* PlanData::englishName(const std::string& code) const
{
    const std::string full = code.size() == 4 ? code + "00" : code;
    for (const EnglishName& n : englishNames)
        if (n.code == full)
            return &n;
    return nullptr;
}
const Zone* PlanData::zone(const std::string& id) const { return findId(zones, id); }
const CentralCity* PlanData::centralCity(const std::string& id) const { return findId(centralCities, id); }
const Place* PlanData::place(const std::string& id) const { return findId(places, id); }
const Corridor* PlanData::corridor(const std::string& id) const { return findId(corridors, id); }
const Relation* PlanData::relation(const std::string& id) const { return findId(relations, id); }

}  // namespace layers
