// Getting figures in and out: the template (CSV or XLSX through GDAL) and the checked reading of a filled one.

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <regex>
#include <tuple>
#include <set>
#include <sstream>

#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <unistd.h>

#include "io/ogr_convert.h"
#include "io/table_file.h"
#include "layers/errors.h"
#include "layers/monitoring.h"
#include "layers/plan_query.h"
#include "monitoring/monitoring_text.h"

namespace layers {

namespace {

using detail::formatNumber;

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string trim(const std::string& s)
{
    const auto a = s.find_first_not_of(" \t\r\n");
    if (a == std::string::npos)
        return {};
    return s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
}

std::optional<double> parseNumber(const std::string& text)
{
    const std::string s = trim(text);
    double v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

/// YYYY, YYYY-MM or YYYY-MM-DD (also with / or . and one-digit months and days), normalised to YYYY-MM-DD's form;
/// empty when it is not a date.
std::string parseDate(const std::string& text)
{
    static const std::regex kDate(R"(^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$)");
    std::smatch m;
    const std::string s = trim(text);
    if (!std::regex_match(s, m, kDate))
        return {};
    const int y = std::stoi(m[1]), mo = m[2].matched ? std::stoi(m[2]) : 0, d = m[3].matched ? std::stoi(m[3]) : 0;
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2200 || (m[2].matched && (mo < 1 || mo > 12)) || (m[3].matched && (d < 1 || d > days[mo - 1])))
        return {};
    char out[32];
    if (!m[2].matched)
        std::snprintf(out, sizeof out, "%04d", y);
    else if (!m[3].matched)
        std::snprintf(out, sizeof out, "%04d-%02d", y, mo);
    else
        std::snprintf(out, sizeof out, "%04d-%02d-%02d", y, mo, d);
    return out;
}

const Target* findTarget(const PlanData& plan, const std::string& id)
{
    for (const Target& t : plan.targets)
        if (t.id == id)
            return &t;
    return nullptr;
}

std::string nearestTarget(const PlanData& plan, const std::string& id)
{
    std::string best;
    std::size_t bestD = 3;
    for (const Target& t : plan.targets) {
        const std::size_t d = editDistance(lower(id), t.id);
        if (d < bestD)
            bestD = d, best = t.id;
    }
    return best;
}

using FigureKey = std::tuple<std::string, int, std::string, std::string>;  // target, year, measure, figure date
using StoredIndex = std::multimap<FigureKey, const Actual*>;

StoredIndex indexOf(const std::vector<Actual>& current)
{
    StoredIndex index;
    for (const Actual& c : current)
        index.emplace(FigureKey{c.targetId, c.year, c.measure, c.figureDate}, &c);
    return index;
}

/// The checks of one figure: problems in columns of the template.
void checkFigure(const Actual& a, const PlanData& plan, const MonitoringRules& rules, const StoredIndex& stored, int row,
                 std::vector<ImportProblem>& out)
{
    auto problem = [&](const char* column, const std::string& message, const std::string& zh) { out.push_back({row, column, message, zh}); };
    const Target* t = findTarget(plan, a.targetId);
    if (!t) {
        const std::string near = nearestTarget(plan, a.targetId);
        problem("target_id",
                "unknown target id '" + a.targetId + "'" + (near.empty() ? "" : ": did you mean " + near + "?") + " (gzplan targets lists them)",
                "没有目标编号“" + a.targetId + "”" + (near.empty() ? "" : "，是否要找 " + near + "？") + "（gzplan targets 列出全部目标）");
        return;
    }
    const Period* p = rules.period(t->provenance.source);
    const std::string y = std::to_string(a.year);
    if (!p)
        problem("year", "no period for " + t->provenance.source + " in share/monitoring/periods.csv",
                "share/monitoring/periods.csv 中没有 " + t->provenance.source + " 的实施期");
    else if (a.year < p->baseYear || a.year > p->endYear) {
        const std::string span = std::to_string(p->baseYear) + "–" + std::to_string(p->endYear);
        problem("year", y + " is outside " + t->provenance.source + "'s period: figures for " + span + " (base year " + std::to_string(p->baseYear) + ")",
                y + " 年不在 " + t->provenance.source + " 的实施期内：可录入 " + span + " 年的数据（基年 " + std::to_string(p->baseYear) + "）");
    }
    const TargetKind kind = targetKind(*t);
    if (std::find(measures().begin(), measures().end(), a.measure) == measures().end())
        problem("measure", "'" + a.measure + "' is not value, annual or level", "口径“" + a.measure + "”不是 value、annual 或 level");
    else if (a.measure == "annual" && kind != TargetKind::Cumulative && kind != TargetKind::AnnualAverage && kind != TargetKind::AverageGrowth)
        problem("measure",
                std::string("annual figures are for cumulative, yearly-average and average-growth targets; ") + t->id + " is a " + targetKindId(kind) +
                    " target: use value",
                "逐年数据（annual）只用于累计、年均和年均增长目标；" + t->id + " 是 " + targetKindId(kind) + " 目标：请用 value");
    else if (a.measure == "level" && kind != TargetKind::Growth && kind != TargetKind::AverageGrowth)
        problem("measure", std::string("levels are for growth targets; ") + t->id + " is a " + targetKindId(kind) + " target: use value",
                "水平值（level）只用于增长目标；" + t->id + " 是 " + targetKindId(kind) + " 目标：请用 value");
    if (a.unit.empty())
        problem("actual_unit", "no unit: the target's is " + t->unit, "未填单位：目标的单位是 " + t->unit);
    else if (a.measure != "level" && !rules.convert(1, a.unit, t->unit))
        problem("actual_unit",
                "unit '" + a.unit + "' does not convert to the target's unit '" + t->unit + "' (share/monitoring/units.csv lists the units that convert)",
                "单位“" + a.unit + "”不能换算为目标的单位“" + t->unit + "”（可换算的单位见 share/monitoring/units.csv）");
    if (a.figureDate.empty())
        problem("figure_date", "no date of the figure (YYYY, YYYY-MM or YYYY-MM-DD): the latest figure counts",
                "未填数据日期（YYYY、YYYY-MM 或 YYYY-MM-DD）：以日期最新的数据为准");
    else if (a.figureDate.substr(0, 4) < y)
        problem("figure_date", "the figure is dated " + a.figureDate + ", before the year it is for (" + y + ")",
                "数据日期 " + a.figureDate + " 早于数据所属年份（" + y + "）");
    if (trim(a.source).empty())
        problem("source", "no source: name the yearbook and table, bulletin or report the figure comes from",
                "未填来源：请写明统计年鉴及表号、公报或报告");
    const auto [from, to] = stored.equal_range(FigureKey{a.targetId, a.year, a.measure, a.figureDate});
    for (auto it = from; it != to; ++it)
        if (const Actual& c = *it->second; c.value == a.value && c.unit == a.unit && c.source == a.source)
            problem("actual_value", "already in the store (change " + std::to_string(c.change) + ", entered " + c.enteredAt + " by " + c.enteredBy + ")",
                    "已在数据库中（第 " + std::to_string(c.change) + " 次变更，" + c.enteredBy + " 录入于 " + c.enteredAt + "）");
}



}  // namespace

std::string scopeName(const PlanData& plan, const std::string& kind, const std::string& id, bool english)
{
    if (kind == "province")
        return english ? "Guizhou Province" : "贵州省";
    if (const CentralCity* c = kind == "city" ? plan.centralCity(id) : nullptr)
        return english && !c->nameEn.empty() ? c->nameEn : c->name;
    if (const Zone* z = kind == "zone" ? plan.zone(id) : nullptr)
        return english && !z->nameEn.empty() ? z->nameEn : z->name;
    if (const Corridor* c = kind == "corridor" ? plan.corridor(id) : nullptr)
        return english && !c->nameEn.empty() ? c->nameEn : c->name;
    if (const Place* p = kind == "place" ? plan.place(id) : nullptr)
        return english && !p->nameEn.empty() ? p->nameEn : p->name;
    return id;
}

std::string fileFingerprint(const std::filesystem::path& file)
{
    try {
        const std::string bytes = detail::readFileBytes(file);
        return std::to_string(bytes.size()) + ":" + std::to_string(std::hash<std::string>{}(bytes));
    } catch (const std::exception&) {
        return {};
    }
}

std::vector<ImportProblem> checkActual(const Actual& a, const PlanData& plan, const MonitoringRules& rules, const std::vector<Actual>& current)
{
    std::vector<ImportProblem> out;
    checkFigure(a, plan, rules, indexOf(current), 0, out);
    return out;
}

ImportResult readActualsFile(const std::filesystem::path& file, const ImportOptions& options, const PlanData& plan,
                             const MonitoringRules& rules, const std::vector<Actual>& current)
{
    const std::string name = file.string();
    const auto table = detail::openTableFile(file, options.sheet, options.encoding, "actuals");
    ImportResult result;
    result.fingerprint = table->fingerprint;
    result.encoding = table->encoding;
    OGRLayer* layer = table->layer;
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    std::vector<std::string> missing;
    for (const std::string& c : actualsRequiredColumns())
        if (defn->GetFieldIndex(c.c_str()) < 0)
            missing.push_back(c);
    if (!missing.empty()) {
        std::string m, found;
        for (const auto& c : missing)
            m += (m.empty() ? "" : ", ") + c;
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            found += std::string(found.empty() ? "" : ", ") + defn->GetFieldDefn(i)->GetNameRef();
        throw DataError(name, "the sheet " + std::string(layer->GetName()) + " lacks the column(s) " + m + " (its columns: " + found +
                                  "); start from gzplan actuals template");
    }
    const bool hasMeasure = defn->GetFieldIndex("measure") >= 0, hasNote = defn->GetFieldIndex("note") >= 0;
    const bool hasSeries = defn->GetFieldIndex("scope_kind") >= 0 && defn->GetFieldIndex("scope_id") >= 0 && defn->GetFieldIndex("indicator") >= 0;
    const StoredIndex stored = indexOf(current);
    std::map<FigureKey, int> seen;
    int row = 1;
    layer->ResetReading();
    for (auto& f : *layer) {
        ++row;
        ++result.rows;
        auto field = [&](const char* c) { return trim(f->IsFieldSetAndNotNull(f->GetFieldIndex(c)) ? f->GetFieldAsString(c) : ""); };
        const std::string valueText = field("actual_value");
        if (valueText.empty()) {
            ++result.blank;
            continue;
        }
        const std::size_t before = result.problems.size();
        Actual a;
        a.targetId = field("target_id");
        if (a.targetId.empty() && hasSeries) {
            // A row named by scope and indicator instead of a target id: a target of that series (figures serve every
            // target of their series), the one of the figure's year or the next.
            const std::string kind = field("scope_kind"), id = field("scope_id"), indicator = field("indicator");
            const auto year = parseNumber(field("year"));
            const Target* best = nullptr;
            for (const Target& t : plan.targets)
                if (t.scopeKind == kind && t.scopeId == id && t.indicator == indicator &&
                    (!best || (year && (best->year < *year ? t.year > best->year : t.year >= *year && t.year < best->year))))
                    best = &t;
            if (!best) {
                result.problems.push_back({row, "indicator", "no target id, and no target of " + kind + ":" + id + " has the indicator '" + indicator +
                                                                 "' (gzplan targets --scope " + kind + ":" + id + " lists them)",
                                           "未填写目标编号，且 " + kind + ":" + id + " 没有指标为“" + indicator + "”的目标（gzplan targets --scope " + kind + ":" + id + " 列出这些目标）"});
                continue;
            }
            a.targetId = best->id;
        }
        a.valueText = valueText;
        a.unit = field("actual_unit");
        a.measure = hasMeasure && !field("measure").empty() ? lower(field("measure")) : "value";
        a.source = field("source");
        a.note = hasNote ? field("note") : "";
        const auto value = parseNumber(valueText);
        if (!value)
            result.problems.push_back({row, "actual_value", "'" + valueText + "' is not a number (digits with . for decimals, no thousands separator)",
                                       "“" + valueText + "”不是数字（小数点用 .，不用千位分隔符）"});
        else
            a.value = *value;
        const std::string yearText = field("year");
        const auto year = parseNumber(yearText);
        if (!year || *year != std::floor(*year))
            result.problems.push_back({row, "year", "'" + yearText + "' is not a year", "“" + yearText + "”不是年份"});
        else
            a.year = static_cast<int>(*year);
        const std::string dateText = field("figure_date");
        a.figureDate = parseDate(dateText);
        if (!dateText.empty() && a.figureDate.empty())
            result.problems.push_back({row, "figure_date", "'" + dateText + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
                                       "“" + dateText + "”不是日期（YYYY、YYYY-MM 或 YYYY-MM-DD）"});
        else if (a.year || !year)
            checkFigure(a, plan, rules, stored, row, result.problems);
        if (result.problems.size() == before) {
            const auto key = std::make_tuple(a.targetId, a.year, a.measure, a.figureDate);
            if (const auto it = seen.find(key); it != seen.end())
                result.problems.push_back({row, "target_id", "duplicate of row " + std::to_string(it->second) + " (same target, year, measure and date of the figure)",
                                           "与第 " + std::to_string(it->second) + " 行重复（目标、年份、口径和数据日期相同）"});
            else
                seen[key] = row;
        }
        if (result.problems.size() == before)
            result.good.push_back(std::move(a));
    }
    return result;
}

void writeActualsTemplate(const PlanData& plan, const std::vector<const Target*>& targets, const std::filesystem::path& out)
{
    GDALAllRegister();
    const std::string ext = lower(out.extension().string());
    if (ext != ".csv" && ext != ".xlsx")
        throw DataError(out.string(), "the template is written as .csv or .xlsx");
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(ext == ".csv" ? "CSV" : "XLSX");
    if (!driver)
        throw DataError(out.string(), "GDAL has no driver for " + ext);
    // A folder of ours beside the target (GDAL's XLSX writer fails on a file name with several dots), renamed from.
    const std::filesystem::path folder =
        std::filesystem::absolute(out).parent_path() / (".gzplan-template-" + std::to_string(::getpid()));
    const std::filesystem::path temporary = folder / ("template" + ext);
    std::error_code ignored;
    std::filesystem::remove_all(folder, ignored);
    std::filesystem::create_directory(folder);
    try {
        {
            GDALDatasetUniquePtr ds(driver->Create(temporary.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
            if (!ds)
                throw DataError(out.string(), std::string("cannot be created: ") + CPLGetLastErrorMsg());
            const char* csvOptions[] = {"WRITE_BOM=YES", nullptr};  // Excel opens a UTF-8 CSV with its BOM as UTF-8
            OGRLayer* layer = ds->CreateLayer("actuals", nullptr, wkbNone, ext == ".csv" ? const_cast<char**>(csvOptions) : nullptr);
            if (!layer)
                throw DataError(out.string(), std::string("cannot create the sheet: ") + CPLGetLastErrorMsg());
            const std::vector<std::pair<const char*, OGRFieldType>> fields{
                {"target_id", OFTString},    {"scope_kind", OFTString},   {"scope_id", OFTString},   {"scope_name", OFTString},
                {"indicator", OFTString},    {"indicator_en", OFTString}, {"kind", OFTString},       {"comparator", OFTString},
                {"target_value", OFTReal},   {"target_unit", OFTString},  {"target_year", OFTInteger}, {"source_document", OFTString},
                {"clause", OFTString},       {"quote", OFTString},        {"year", OFTInteger},      {"actual_value", OFTString},
                {"actual_unit", OFTString},  {"measure", OFTString},      {"figure_date", OFTString}, {"source", OFTString},
                {"note", OFTString}};
            for (const auto& [n, type] : fields) {
                OGRFieldDefn d(n, type);
                if (layer->CreateField(&d) != OGRERR_NONE)
                    throw DataError(out.string(), std::string("cannot create column ") + n);
            }
            for (const Target* t : targets) {
                OGRFeature f(layer->GetLayerDefn());
                f.SetField("target_id", t->id.c_str());
                f.SetField("scope_kind", t->scopeKind.c_str());
                f.SetField("scope_id", t->scopeId.c_str());
                f.SetField("scope_name", scopeName(plan, t->scopeKind, t->scopeId, false).c_str());
                f.SetField("indicator", t->indicator.c_str());
                f.SetField("indicator_en", t->indicatorEn.c_str());
                f.SetField("kind", targetKindId(targetKind(*t)));
                f.SetField("comparator", t->comparator.c_str());
                f.SetField("target_value", t->value);
                f.SetField("target_unit", t->unit.c_str());
                f.SetField("target_year", t->year);
                f.SetField("source_document", t->provenance.source.c_str());
                f.SetField("clause", t->provenance.clause.c_str());
                f.SetField("quote", t->quote.c_str());
                f.SetField("year", t->year);
                f.SetField("actual_value", "");
                f.SetField("actual_unit", t->unit.c_str());
                f.SetField("measure", "value");
                f.SetField("figure_date", "");
                f.SetField("source", "");
                f.SetField("note", "");
                if (layer->CreateFeature(&f) != OGRERR_NONE)
                    throw DataError(out.string(), std::string("cannot write row of ") + t->id + ": " + CPLGetLastErrorMsg());
            }
            CPLErrorReset();
            ds.reset();  // the XLSX is written when it is closed
            if (CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal)
                throw DataError(out.string(), std::string("cannot be written: ") + CPLGetLastErrorMsg());
        }
        std::filesystem::rename(temporary, out);
        std::filesystem::remove_all(folder, ignored);
    } catch (...) {
        std::filesystem::remove_all(folder, ignored);
        throw;
    }
}

}  // namespace layers
