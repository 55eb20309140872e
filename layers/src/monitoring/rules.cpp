// MonitoringRules (share/monitoring/*.csv), the kinds of targets and the words of the statuses.

#include <algorithm>
#include <charconv>
#include <cmath>

#include "layers/errors.h"
#include "layers/monitoring.h"
#include "layers/table_rows.h"
#include "monitoring/monitoring_text.h"

namespace layers {

namespace {

double number(const TableRow& r, const std::string& column)
{
    const std::string& text = r[column];
    double v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v))
        throw DataError(r.where(), "column " + column + ": '" + text + "' is not a number");
    return v;
}

int year(const TableRow& r, const std::string& column)
{
    const double v = number(r, column);
    if (v != std::floor(v) || v < 1900 || v > 2200)
        throw DataError(r.where(), "column " + column + ": '" + r[column] + "' is not a year");
    return static_cast<int>(v);
}

}  // namespace

MonitoringRules MonitoringRules::load(const std::filesystem::path& dir)
{
    MonitoringRules rules;
    for (const TableRow& r :
         readCsvRows(dir / "periods.csv", {"doc_id", "base_year", "start_year", "end_year", "basis", "note", "note_en"})) {
        Period p{r["doc_id"], year(r, "base_year"), year(r, "start_year"), year(r, "end_year"), r["basis"], r["note"], r["note_en"]};
        if (!(p.baseYear < p.startYear && p.startYear <= p.endYear))
            throw DataError(r.where(), "the years must run base_year < start_year <= end_year");
        if (p.basis != "stated" && p.basis != "reference" && p.basis != "assumed")
            throw DataError(r.where(), "basis '" + p.basis + "' is not stated, reference or assumed");
        rules.periods.push_back(std::move(p));
    }
    for (const TableRow& r :
         readCsvRows(dir / "tolerances.csv", {"comparator", "unit", "kind", "amount", "above_is_met", "note", "note_en"})) {
        Tolerance t{r["comparator"], r["unit"], r["kind"], number(r, "amount"), r["above_is_met"] == "yes", r["note"], r["note_en"]};
        if (t.comparator != "≈" && t.comparator != "≥" && t.comparator != "≤" && t.comparator != "=")
            throw DataError(r.where(), "comparator '" + t.comparator + "' is not one of ≈ ≥ ≤ =");
        if (t.kind != "absolute" && t.kind != "relative")
            throw DataError(r.where(), "kind '" + t.kind + "' is not absolute or relative");
        if (t.amount < 0)
            throw DataError(r.where(), "amount must not be negative");
        if (r["above_is_met"] != "yes" && r["above_is_met"] != "no")
            throw DataError(r.where(), "above_is_met must be yes or no");
        if (t.unit.empty())
            throw DataError(r.where(), "unit is empty: a unit or * for every other unit");
        rules.tolerances.push_back(std::move(t));
    }
    for (const TableRow& r : readCsvRows(dir / "units.csv", {"unit", "base", "factor"})) {
        UnitConversion u{r["unit"], r["base"], number(r, "factor")};
        if (u.factor <= 0 || u.unit.empty() || u.base.empty())
            throw DataError(r.where(), "a unit, its base and a positive factor are needed");
        for (const UnitConversion& other : rules.units)
            if (other.unit == u.unit)
                throw DataError(r.where(), "unit '" + u.unit + "' is listed twice");
        rules.units.push_back(std::move(u));
    }
    return rules;
}

const Period* MonitoringRules::period(const std::string& docId) const
{
    for (const Period& p : periods)
        if (p.docId == docId)
            return &p;
    return nullptr;
}

const Tolerance* MonitoringRules::tolerance(const Target& t) const
{
    const Tolerance* any = nullptr;
    for (const Tolerance& band : tolerances) {
        if (band.comparator != t.comparator)
            continue;
        if (band.unit == t.unit)
            return &band;
        if (band.unit == "*" && !any)
            any = &band;
    }
    return any;
}

double MonitoringRules::halfWidth(const Target& t) const
{
    const Tolerance* band = tolerance(t);
    if (!band)
        return 0;
    return band->kind == "absolute" ? band->amount : std::fabs(t.value) * band->amount / 100.0;
}

std::optional<double> MonitoringRules::convert(double value, const std::string& from, const std::string& to) const
{
    if (from == to)
        return value;
    const UnitConversion *a = nullptr, *b = nullptr;
    for (const UnitConversion& u : units) {
        if (u.unit == from)
            a = &u;
        if (u.unit == to)
            b = &u;
    }
    if (!a || !b || a->base != b->base)
        return std::nullopt;
    return value * a->factor / b->factor;
}

TargetKind targetKind(const Target& t)
{
    const std::string& s = t.indicator;
    auto has = [&](const char* w) { return s.find(w) != std::string::npos; };
    if (has("累计"))
        return TargetKind::Cumulative;
    if (has("年均增长"))
        return TargetKind::AverageGrowth;
    if (has("增长") && t.unit == "%")
        return TargetKind::Growth;
    if (has("年均"))
        return TargetKind::AnnualAverage;
    return TargetKind::Level;
}

const char* targetKindId(TargetKind k)
{
    switch (k) {
    case TargetKind::Level: return "level";
    case TargetKind::Cumulative: return "cumulative";
    case TargetKind::Growth: return "growth";
    case TargetKind::AverageGrowth: return "average_growth";
    case TargetKind::AnnualAverage: return "annual_average";
    }
    return "level";
}

const char* statusId(Status s)
{
    switch (s) {
    case Status::Met: return "met";
    case Status::NotMet: return "not_met";
    case Status::OnTrack: return "on_track";
    case Status::Behind: return "behind";
    case Status::NoFigure: return "no_figure";
    case Status::Undetermined: return "undetermined";
    }
    return "no_figure";
}

const char* statusLabel(Status s)
{
    switch (s) {
    case Status::Met: return "达标";
    case Status::NotMet: return "未达标";
    case Status::OnTrack: return "进度正常";
    case Status::Behind: return "进度滞后";
    case Status::NoFigure: return "无数据";
    case Status::Undetermined: return "无法判定";
    }
    return "无数据";
}

const char* statusLabelEn(Status s)
{
    switch (s) {
    case Status::Met: return "met";
    case Status::NotMet: return "not met";
    case Status::OnTrack: return "on track";
    case Status::Behind: return "behind";
    case Status::NoFigure: return "no figure";
    case Status::Undetermined: return "undetermined";
    }
    return "no figure";
}

void ProgressCount::add(Status s)
{
    ++targets;
    switch (s) {
    case Status::Met: ++met; break;
    case Status::NotMet: ++notMet; break;
    case Status::OnTrack: ++onTrack; break;
    case Status::Behind: ++behind; break;
    case Status::NoFigure: ++noFigure; break;
    case Status::Undetermined: ++undetermined; break;
    }
}

namespace detail {

std::string formatNumber(double v)
{
    if (!std::isfinite(v))
        return "?";
    char buffer[64];
    const double a = std::fabs(v);
    const int decimals = a >= 1000 ? 1 : a >= 1 ? 3 : 5;
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
    std::string s = buffer;
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0')
            s.pop_back();
        if (s.back() == '.')
            s.pop_back();
    }
    return s == "-0" ? "0" : s;
}

}  // namespace detail

}  // namespace layers
