#include "cli/analysis_command.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ostream>

#include <nlohmann/json.hpp>

#include "cli/text_table.h"
#include "layers/analysis.h"
#include "layers/errors.h"
#include "layers/plan_query.h"

namespace app::cli {

namespace {

namespace an = layers::analysis;
using nlohmann::ordered_json;

std::string number(double v, int decimals)
{
    if (std::isnan(v))
        return "—";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
    return buffer;
}

/// What the text table prints for a value: m² and m with 1 decimal, counts whole, sums and means to 6 digits.
std::string shown(const an::StatsResult& r, double v)
{
    switch (r.measure.kind) {
    case an::Measure::Count: return number(v, 0);
    case an::Measure::Area:
    case an::Measure::Length: return number(v, 1);
    default: {
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.6g", v);
        return std::isnan(v) ? "—" : buffer;
    }
    }
}

an::LayerSource sourceOf(const CommandLine& args)
{
    an::LayerSource s;
    s.file = args.value("layer");
    s.layer = args.value("source-layer");
    s.where = args.value("where");
    s.layerCrs = args.value("layer-crs");
    // GZPLAN_READER=gdal: GDAL's feature reader even where the GeoPackage fast path applies (the benchmark compares them).
    const char* reader = std::getenv("GZPLAN_READER");
    s.gdalReader = reader && std::string(reader) == "gdal";
    return s;
}

ordered_json rowJson(const an::StatsRow& row)
{
    ordered_json j;
    j["unit_id"] = row.unitId;
    j["name"] = row.unitName;
    j["name_en"] = row.unitNameEn;
    j["group"] = row.group;
    j["features"] = row.features;
    if (std::isnan(row.value))
        j["value"] = nullptr;
    else
        j["value"] = row.value;
    j["schematic"] = row.schematic;
    return j;
}

ordered_json statsJson(const an::StatsResult& r, const an::StatsOptions& options)
{
    ordered_json j;
    j["layer"] = options.source.file.string();
    j["layer_name"] = r.layerName;
    j["crs"] = r.layerCrs;
    j["by"] = an::unitKindId(r.by);
    j["distance_m"] = r.distanceM;
    j["measure"] = an::measureId(options.measure);
    j["unit"] = r.unitWord;
    j["group_field"] = options.groupField;
    j["where"] = options.source.where;
    j["features_read"] = r.featuresRead;
    j["features_cut"] = r.featuresCut;
    j["method"] = r.method;
    j["method_en"] = r.methodEn;
    j["notes"] = r.notes;
    j["notes_en"] = r.notesEn;
    j["groups"] = r.groups;
    ordered_json rows = ordered_json::array(), totals = ordered_json::array();
    for (const an::StatsRow& row : r.rows)
        rows.push_back(rowJson(row));
    for (const an::StatsRow& row : r.totals)
        totals.push_back(rowJson(row));
    j["rows"] = rows;
    j["totals"] = totals;
    return j;
}

void statsText(const an::StatsResult& r, const an::StatsOptions& options, std::ostream& out)
{
    out << "gzplan stats: " << r.layerName << " (" << r.layerCrs << "), " << r.featuresRead << " features, by " << an::unitKindId(r.by)
        << (r.distanceM > 0 ? " within " + number(r.distanceM / 1000, 3) + " km" : "") << ", " << an::measureId(options.measure) << " ("
        << r.unitWord << ")\n\n";
    const bool groups = !options.groupField.empty();
    std::vector<std::string> header{"unit", "名称", "name"};
    if (groups)
        header.push_back(options.groupField);
    const bool area = options.measure.kind == an::Measure::Area;
    header.insert(header.end(), {"features", an::measureId(options.measure) + " (" + r.unitWord + ")"});
    if (area)
        header.push_back("km²");
    header.push_back("schematic");
    TextTable table(header);
    for (const auto* rows : {&r.rows, &r.totals})
        for (const an::StatsRow& row : *rows) {
            std::vector<std::string> cells{row.unitId, row.unitName, row.unitNameEn};
            if (groups)
                cells.push_back(row.group);
            cells.insert(cells.end(), {std::to_string(row.features), shown(r, row.value)});
            if (area)
                cells.push_back(number(row.value / 1e6, 3));
            cells.push_back(row.schematic ? "示意 schematic" : "");
            table.add(cells);
        }
    table.print(out);
    out << "\n方法：" << r.method << "\nmethod: " << r.methodEn << "\n";
    for (std::size_t i = 0; i < r.notes.size(); ++i)
        out << "说明：" << r.notes[i] << "\nnote: " << r.notesEn[i] << "\n";
}

int stats(const an::PlanContext& context, const CommandLine& args, std::ostream& out)
{
    // --by county,class,zone: one reading for all.
    std::vector<std::pair<an::UnitKind, double>> by;
    const std::string byText = args.value("by");
    for (std::size_t start = 0; start <= byText.size();) {
        const std::size_t comma = byText.find(',', start);
        const std::string one = byText.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (one.empty())
            throw an::UsageError("--by '" + byText + "': an empty kind between commas");
        by.push_back(context.units->parseBy(one));
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    an::StatsOptions options;
    options.source = sourceOf(args);
    options.groupField = args.value("group-field");
    options.measure = an::parseMeasure(args.value("measure", "count"));
    const std::vector<an::StatsResult> results = an::computeStats(*context.units, by, options);
    if (args.has("out")) {
        an::PlainTable table;
        for (const an::StatsResult& r : results) {
            an::PlainTable one = an::statsTable(r);
            table.columns = one.columns;
            table.sheet = one.sheet;
            table.rows.insert(table.rows.end(), one.rows.begin(), one.rows.end());
        }
        an::writeTable(table, args.value("out"), args.flag("force"));
    }
    if (args.flag("json")) {
        if (results.size() == 1) {
            out << statsJson(results.front(), options).dump(4) << "\n";
        } else {
            ordered_json all = ordered_json::array();
            for (const an::StatsResult& r : results)
                all.push_back(statsJson(r, options));
            out << all.dump(4) << "\n";
        }
        return 0;
    }
    for (std::size_t i = 0; i < results.size(); ++i) {
        if (i)
            out << "\n";
        statsText(results[i], options, out);
    }
    if (args.has("out"))
        out << "written: " << args.value("out") << "\n";
    return 0;
}

int select(const an::PlanContext& context, const CommandLine& args, std::ostream& out, std::ostream& err)
{
    if (!args.has("out") && !args.flag("count-only") && !args.flag("json")) {
        err << "gzplan select: say what to do with the selection: --out <file.gpkg>, --count-only or --json\n";
        return 2;
    }
    an::SelectOptions options;
    options.source = sourceOf(args);
    for (const std::string& u : args.all("within"))
        options.within.push_back(context.units->parse(u, false));
    for (const std::string& u : args.all("intersects"))
        options.intersects.push_back(context.units->parse(u, false));
    for (const std::string& u : args.all("near")) {
        an::Unit unit = context.units->parse(u, true);
        if (unit.kind != an::UnitKind::Corridor)
            throw an::UsageError("--near " + u + ": " + unit.name + " is not a corridor or belt; use --within or --intersects for it");
        options.near.push_back(std::move(unit));
    }
    const std::vector<std::int64_t> fids = an::selectFeatures(*context.units, options);
    if (args.has("out"))
        an::writeFeatures(options.source, fids, args.value("out"), args.flag("force"));
    if (args.flag("json")) {
        ordered_json j;
        j["layer"] = options.source.file.string();
        j["where"] = options.source.where;
        ordered_json conditions = ordered_json::array();
        auto add = [&](const char* how, const std::vector<an::Unit>& units) {
            for (const an::Unit& u : units)
                conditions.push_back({{"condition", how}, {"kind", an::unitKindId(u.kind)}, {"id", u.id}, {"name", u.name}, {"distance_m", u.distanceM},
                                      {"schematic", u.schematic}});
        };
        add("within", options.within);
        add("intersects", options.intersects);
        add("near", options.near);
        j["conditions"] = conditions;
        j["count"] = fids.size();
        j["fids"] = fids;
        out << j.dump(4) << "\n";
    } else if (args.flag("count-only")) {
        out << fids.size() << "\n";
    } else {
        out << "gzplan select: " << fids.size() << " features written to " << args.value("out") << "\n";
    }
    return 0;
}

int annotateCommand(const an::PlanContext& context, const CommandLine& args, std::ostream& out)
{
    an::AnnotateOptions options;
    options.source = sourceOf(args);
    options.out = args.value("out");
    options.split = args.flag("split");
    options.force = args.flag("force");
    const an::AnnotateResult r = an::annotate(*context.units, options);
    out << "gzplan annotate: " << r.features << " features read, " << r.written << " written to " << options.out.string() << " ("
        << r.outside << " outside Guizhou, without a county)\n";
    return 0;
}

int join(const an::PlanContext& context, const CommandLine& args, std::ostream& out, std::ostream& err)
{
    an::JoinOptions options;
    options.table = args.value("table");
    options.key = args.value("key");
    options.sheet = args.value("sheet");
    options.encoding = args.value("encoding");
    const an::JoinResult r = an::joinTable(*context.query, options);
    if (args.has("out"))
        an::writeJoined(context.geography, r, args.value("out"), args.flag("force"));
    std::size_t unmatched = 0;
    for (const an::JoinedRow& row : r.rows)
        unmatched += row.problem.empty() ? 0 : 1;
    if (args.flag("json")) {
        ordered_json j;
        j["table"] = options.table.string();
        j["key"] = options.key;
        j["columns"] = r.columns;
        ordered_json rows = ordered_json::array();
        for (const an::JoinedRow& row : r.rows)
            rows.push_back({{"line", row.line}, {"key", row.keyText}, {"code", row.county ? row.county->code : ""},
                            {"county", row.county ? row.county->name : ""}, {"problem", row.problem}});
        j["rows"] = rows;
        j["matched"] = r.matched();
        ordered_json missing = ordered_json::array();
        for (const layers::County* c : r.missing)
            missing.push_back({{"code", c->code}, {"county", c->name}});
        j["counties_without_row"] = missing;
        out << j.dump(4) << "\n";
        return 0;
    }
    out << "gzplan join: " << r.matched() << " of " << r.rows.size() << " rows matched a county; " << r.missing.size() << " of "
        << context.geography.counties.size() << " counties have no row\n";
    for (const an::JoinedRow& row : r.rows)
        if (!row.problem.empty())
            err << "warning: " << options.table.string() << " line " << row.line << " ('" << row.keyText << "'): " << row.problem << "\n";
    if (!r.missing.empty()) {
        std::string names;
        for (const layers::County* c : r.missing)
            names += (names.empty() ? "" : ", ") + c->name;
        err << "warning: counties without a row: " << names << "\n";
    }
    if (args.has("out"))
        out << "written: " << args.value("out") << "\n";
    return 0;
}

}  // namespace

bool isAnalysisCommand(const std::string& command)
{
    return command == "stats" || command == "select" || command == "annotate" || command == "join";
}

int analysisCommand(const CommandLine& args, std::ostream& out, std::ostream& err)
{
    const std::string title = "gzplan " + args.command + ": ";
    try {
        const auto context = an::loadPlanContext(args.dataLocation());
        if (args.command == "stats")
            return stats(*context, args, out);
        if (args.command == "select")
            return select(*context, args, out, err);
        if (args.command == "annotate")
            return annotateCommand(*context, args, out);
        return join(*context, args, out, err);
    } catch (const an::UsageError& e) {
        err << title << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        err << title << e.what() << "\n";
        return 1;
    }
}

}  // namespace app::cli
