// The status of each target from the current figures: the rules of share/monitoring/README.md, each status with
// the rule that decided it and its inputs, in Chinese and English.

#include <algorithm>
#include <climits>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "layers/monitoring.h"
#include "monitoring/monitoring_text.h"

namespace layers {

using detail::formatNumber;

std::vector<Actual> currentActuals(const std::vector<Actual>& all)
{
    // key: target, year, measure → the figure that counts (latest figure date, then the later entry)
    std::map<std::tuple<std::string, int, std::string>, const Actual*> best;
    for (const Actual& a : all) {
        if (a.withdrawn)
            continue;
        const Actual*& b = best[{a.targetId, a.year, a.measure}];
        if (!b || a.figureDate > b->figureDate || (a.figureDate == b->figureDate && a.id >= b->id))
            b = &a;
    }
    std::vector<Actual> out;
    for (const Actual& a : all)
        if (!a.withdrawn && best[{a.targetId, a.year, a.measure}] == &a)
            out.push_back(a);
    return out;
}

std::string TargetProgress::sources() const
{
    std::vector<std::string> seen;
    for (const Actual& a : inputs)
        if (std::find(seen.begin(), seen.end(), a.source) == seen.end())
            seen.push_back(a.source);
    std::string s;
    for (const std::string& x : seen)
        s += (s.empty() ? "" : "; ") + x;
    return s;
}

namespace {

constexpr double kEps = 1e-9;

/// The figures of one target: (measure, year) → figure.
using Figures = std::map<std::pair<std::string, int>, const Actual*>;

struct Text {
    std::string zh, en;
    Text& operator+=(const Text& o)
    {
        zh += o.zh;
        en += o.en;
        return *this;
    }
};

std::string num(double v, const std::string& unit) { return formatNumber(v) + (unit.empty() ? "" : " " + unit); }
std::string yearZh(int y) { return std::to_string(y) + "年"; }

/// What was compared: a value computed from the figures, how, and the figures used; or why it cannot be.
struct Computed {
    std::optional<double> value;
    std::vector<Actual> inputs;
    Text how;       ///< "2023年 57.2 %", "2023—2025年逐年数据之和 …"
    Text missing;   ///< set when some figures are there but not all that are needed
    bool any = false;  ///< some figure for this year
};

std::optional<double> inTargetUnit(const Actual& a, const Target& t, const MonitoringRules& rules)
{
    return rules.convert(a.value, a.unit, t.unit);
}

/// A figure in the target's unit, or nullopt (and a missing text) when its unit does not convert.
bool take(const Actual* a, const Target& t, const MonitoringRules& rules, double& out, Computed& c)
{
    const auto v = inTargetUnit(*a, t, rules);
    if (!v) {
        c.missing = {"单位 " + a->unit + " 不能换算为 " + t.unit, "unit " + a->unit + " does not convert to " + t.unit};
        return false;
    }
    out = *v;
    c.inputs.push_back(*a);
    return true;
}

Computed compute(const Target& t, TargetKind kind, int y, const Period& p, const Figures& f, const MonitoringRules& rules)
{
    Computed c;
    auto get = [&](const std::string& measure, int year) -> const Actual* {
        const auto it = f.find({measure, year});
        return it == f.end() ? nullptr : it->second;
    };
    for (const auto& [key, a] : f)
        if (key.second == y)
            c.any = true;
    if (const Actual* v = get("value", y)) {
        double x = 0;
        if (take(v, t, rules, x, c)) {
            c.value = x;
            c.how = {yearZh(y) + " " + num(x, t.unit) + (v->unit != t.unit ? "（由 " + num(v->value, v->unit) + " 换算）" : ""),
                     std::to_string(y) + ": " + num(x, t.unit) + (v->unit != t.unit ? " (from " + num(v->value, v->unit) + ")" : "")};
        }
        return c;
    }
    // Years start..y of annual figures (cumulative, yearly average, average growth by yearly rates).
    auto annual = [&](bool product) {
        std::vector<int> missing;
        double sum = 0, prod = 1;
        int n = 0;
        std::string partsZh, partsEn;
        for (int year = p.startYear; year <= y; ++year) {
            const Actual* a = get("annual", year);
            if (!a) {
                missing.push_back(year);
                continue;
            }
            double x = 0;
            if (!take(a, t, rules, x, c))
                return;
            sum += x;
            prod *= 1 + x / 100;
            ++n;
            partsZh += (partsZh.empty() ? "" : " + ") + formatNumber(x);
            partsEn += (partsEn.empty() ? "" : " + ") + formatNumber(x);
        }
        // Without the year's own figure the year has none (an interim year may answer); with it, every year is needed.
        if (n == 0 || !get("annual", y))
            return;
        c.any = true;
        if (!missing.empty()) {
            std::string ys;
            for (int m : missing)
                ys += (ys.empty() ? "" : ", ") + std::to_string(m);
            c.missing = {"缺 " + ys + " 年的逐年数据（measure=annual）", "the annual figures (measure=annual) of " + ys + " are missing"};
            return;
        }
        const std::string span = std::to_string(p.startYear) + (y > p.startYear ? "—" + std::to_string(y) : "");
        const std::string spanEn = std::to_string(p.startYear) + (y > p.startYear ? "–" + std::to_string(y) : "");
        if (kind == TargetKind::Cumulative) {
            c.value = sum;
            c.how = {span + "年逐年数据之和 " + partsZh + " = " + num(sum, t.unit), "sum of the annual figures " + spanEn + ": " + partsEn + " = " + num(sum, t.unit)};
        } else if (product) {
            c.value = (std::pow(prod, 1.0 / n) - 1) * 100;
            c.how = {span + "年逐年增速 " + partsZh + " 的几何平均 " + num(*c.value, t.unit),
                     "geometric mean of the annual rates " + spanEn + " (" + partsEn + "): " + num(*c.value, t.unit)};
        } else {
            c.value = sum / n;
            c.how = {span + "年逐年数据 " + partsZh + " 的平均 " + num(*c.value, t.unit),
                     "mean of the annual figures " + spanEn + " (" + partsEn + "): " + num(*c.value, t.unit)};
        }
    };
    // Growth from two levels: (L_y / L_from)^(1/(y-from)) - 1.
    auto fromLevels = [&](int from) {
        const Actual* a = get("level", from);
        const Actual* b = get("level", y);
        if (!a && !b)
            return false;
        c.any = true;
        if (!a || !b) {
            const int lacking = a ? y : from;
            c.missing = {"缺 " + yearZh(lacking) + "的水平值（measure=level）", "the level (measure=level) of " + std::to_string(lacking) + " is missing"};
            return true;
        }
        const auto la = rules.convert(a->value, a->unit, b->unit);
        if (!la || *la <= 0) {
            c.missing = {"两年的水平值单位不一致或不为正：" + a->unit + " / " + b->unit, "the two levels' units differ or are not positive: " + a->unit + " / " + b->unit};
            return true;
        }
        c.inputs = {*a, *b};
        c.value = (std::pow(b->value / *la, 1.0 / (y - from)) - 1) * 100;
        c.how = {"由 " + yearZh(from) + " " + num(a->value, a->unit) + "、" + yearZh(y) + " " + num(b->value, b->unit) + " 算得" +
                     (y - from > 1 ? "年均" : "") + "增长 " + num(*c.value, "%"),
                 "from " + std::to_string(from) + " " + num(a->value, a->unit) + " and " + std::to_string(y) + " " + num(b->value, b->unit) + ": " +
                     (y - from > 1 ? "average yearly " : "") + "growth " + num(*c.value, "%")};
        return true;
    };
    switch (kind) {
    case TargetKind::Level: break;
    case TargetKind::Cumulative:
    case TargetKind::AnnualAverage: annual(false); break;
    case TargetKind::Growth: fromLevels(y - 1); break;
    case TargetKind::AverageGrowth:
        if (!fromLevels(p.baseYear))
            annual(true);
        break;
    }
    if (!c.value && c.missing.zh.empty() && c.any)
        c.missing = {"该年的数据不是此类目标所需的量（measure）", "the year's figures are not the measure this kind of target needs"};
    return c;
}

/// Whether a compared value meets the target, and the comparison in words.
bool meets(const Target& t, double a, const MonitoringRules& rules, Text& words)
{
    const double v = t.value;
    const double eps = kEps * std::max(1.0, std::fabs(v));
    const std::string A = num(a, t.unit), V = num(v, t.unit);
    if (t.comparator == "≤") {
        const bool ok = a <= v + eps;
        words = {A + (ok ? " ≤ " : " > ") + V, A + (ok ? " ≤ " : " > ") + V};
        return ok;
    }
    if (t.comparator == "≈") {
        const double h = rules.halfWidth(t);
        const Tolerance* band = rules.tolerance(t);
        const bool above = band && band->aboveIsMet;
        const std::string range = formatNumber(v - h) + "–" + formatNumber(v + h) + (t.unit.empty() ? "" : " " + t.unit);
        const std::string bandZh = band ? (band->kind == "absolute" ? "±" + formatNumber(band->amount) + (t.unit == "%" ? " 个百分点" : " " + t.unit)
                                                                    : "±" + formatNumber(band->amount) + "%")
                                        : "±0";
        const std::string bandEn = band ? (band->kind == "absolute" ? "±" + formatNumber(band->amount) + (t.unit == "%" ? " percentage points" : " " + t.unit)
                                                                    : "±" + formatNumber(band->amount) + "%")
                                        : "±0";
        const std::string aboveZh = above ? "，高于上限也算达标" : "";
        const std::string aboveEn = above ? ", above it met too" : "";
        if (std::fabs(a - v) <= h + eps) {
            words = {A + " 在左右范围 " + range + "（" + bandZh + aboveZh + "）之内", A + " within the band " + range + " (" + bandEn + aboveEn + ")"};
            return true;
        }
        if (a > v && above) {
            words = {A + " 高于左右范围 " + range + "（" + bandZh + aboveZh + "）", A + " above the band " + range + " (" + bandEn + aboveEn + ")"};
            return true;
        }
        words = {A + (a < v ? " 低于" : " 高于") + "左右范围 " + range + "（" + bandZh + aboveZh + "）",
                 A + (a < v ? " below" : " above") + " the band " + range + " (" + bandEn + aboveEn + ")"};
        return false;
    }
    // ≥, and = read as "reach" (达到, 建成: more is not a failure)
    const bool ok = a >= v - eps;
    const std::string sign = ok ? " ≥ " : " < ";
    words = {A + sign + V + (t.comparator == "=" ? "（“=” 按达到计：不低于目标）" : ""),
             A + sign + V + (t.comparator == "=" ? " (“=” read as reached: not below the target)" : "")};
    return ok;
}

const char* kindZh(TargetKind k)
{
    switch (k) {
    case TargetKind::Level: return "水平值";
    case TargetKind::Cumulative: return "累计";
    case TargetKind::Growth: return "增长";
    case TargetKind::AverageGrowth: return "年均增长";
    case TargetKind::AnnualAverage: return "年均";
    }
    return "";
}
const char* kindEn(TargetKind k)
{
    switch (k) {
    case TargetKind::Level: return "level";
    case TargetKind::Cumulative: return "cumulative";
    case TargetKind::Growth: return "growth";
    case TargetKind::AverageGrowth: return "average growth";
    case TargetKind::AnnualAverage: return "yearly average";
    }
    return "";
}

TargetProgress evaluateOne(const Target& t, const Figures& f, const MonitoringRules& rules, int asOf)
{
    TargetProgress r;
    r.target = &t;
    r.kind = targetKind(t);
    const Text head{std::string(kindZh(r.kind)) + "目标 " + t.comparator + " " + num(t.value, t.unit) + "（" + yearZh(t.year) + "）：",
                    std::string(kindEn(r.kind)) + " target " + t.comparator + " " + num(t.value, t.unit) + " (" + std::to_string(t.year) + "): "};
    auto say = [&](Status s, const Text& body) {
        r.status = s;
        r.rule = head.zh + body.zh + " → " + statusLabel(s);
        r.ruleEn = head.en + body.en + " → " + statusLabelEn(s);
    };
    const Period* p = rules.period(t.provenance.source);
    if (!p || t.year == 0) {
        say(Status::Undetermined, {p ? "目标年份不明" : "periods.csv 中没有 " + t.provenance.source + " 的实施期",
                                   p ? "the target's year is unknown" : "periods.csv has no period for " + t.provenance.source});
        return r;
    }
    // The latest year with a figure (not after asOf), past the base year.
    int latest = 0;
    for (const auto& [key, a] : f)
        if (key.second <= asOf && key.second > p->baseYear && key.second <= t.year)
            latest = std::max(latest, key.second);
    if (asOf >= t.year) {
        Computed c = compute(t, r.kind, t.year, *p, f, rules);
        if (c.any || latest == t.year) {
            r.figureYear = t.year;
            r.inputs = c.inputs;
            if (!c.value) {
                say(Status::Undetermined, c.missing);
                return r;
            }
            r.actual = c.value;
            Text words;
            const bool ok = meets(t, *c.value, rules, words);
            say(ok ? Status::Met : Status::NotMet, Text{c.how.zh + "；", c.how.en + "; "} += words);
            return r;
        }
        if (latest == 0 || asOf != INT_MAX) {
            say(Status::NoFigure, {"没有 " + yearZh(t.year) + "的数据", "no figure for " + std::to_string(t.year)});
            if (latest)
                r.rule += "（最近一年为 " + yearZh(latest) + "）", r.ruleEn += " (the latest is " + std::to_string(latest) + ")";
            return r;
        }
    }
    if (latest == 0) {
        say(Status::NoFigure, {"尚无数据", "no figure yet"});
        return r;
    }
    // An interim year: on track or behind against the path.
    Computed c = compute(t, r.kind, latest, *p, f, rules);
    r.figureYear = latest;
    r.inputs = c.inputs;
    if (!c.value) {
        say(Status::Undetermined, c.missing);
        return r;
    }
    r.actual = c.value;
    const Text interim{"尚无 " + yearZh(t.year) + "数据，按 " + yearZh(latest) + "判断进度：" + c.how.zh + "；",
                       "no " + std::to_string(t.year) + " figure yet; progress by " + std::to_string(latest) + ": " + c.how.en + "; "};
    const bool down = t.comparator == "≤";
    const double span = t.year - p->baseYear, done = latest - p->baseYear;
    if (r.kind == TargetKind::Cumulative) {
        const double expected = t.value * done / span;
        r.expected = expected;
        const bool ok = down ? *c.value <= expected + kEps : *c.value >= expected - kEps * std::max(1.0, std::fabs(expected));
        Text t2 = interim;
        t2 += {"路径：" + yearZh(p->baseYear) + "为 0 至 " + yearZh(t.year) + " " + num(t.value, t.unit) + " 的直线，" + yearZh(latest) + "应达 " +
                   num(expected, t.unit) + "，实际 " + num(*c.value, t.unit),
               "path: a straight line from 0 in " + std::to_string(p->baseYear) + " to " + num(t.value, t.unit) + " in " + std::to_string(t.year) +
                   ", " + num(expected, t.unit) + " expected by " + std::to_string(latest) + ", actual " + num(*c.value, t.unit)};
        say(ok ? Status::OnTrack : Status::Behind, t2);
        return r;
    }
    Text words;
    if (meets(t, *c.value, rules, words)) {
        Text t2 = interim;
        t2 += {"已满足目标：" + words.zh, "already meets the target: " + words.en};
        say(Status::OnTrack, t2);
        return r;
    }
    if (r.kind != TargetKind::Level) {
        Text t2 = interim;
        t2 += {"该年未满足：" + words.zh, "not met in that year: " + words.en};
        say(Status::Behind, t2);
        return r;
    }
    const auto base = f.find({"value", p->baseYear});
    double b = 0;
    Computed bc;
    if (base == f.end() || !take(base->second, t, rules, b, bc)) {
        Text t2 = interim;
        t2 += {"未满足目标（" + words.zh + "），且没有 " + yearZh(p->baseYear) + "（基年）的数据，无法按路径判断",
               "not met yet (" + words.en + ") and no figure for the base year " + std::to_string(p->baseYear) + " to draw the path from"};
        say(Status::Undetermined, t2);
        return r;
    }
    r.inputs.push_back(*base->second);
    const double expected = b + (t.value - b) * done / span;
    r.expected = expected;
    const double h = t.comparator == "≈" ? rules.halfWidth(t) : 0;
    const bool ok = down ? *c.value <= expected + h + kEps : *c.value >= expected - h - kEps * std::max(1.0, std::fabs(expected));
    Text t2 = interim;
    t2 += {"路径：" + yearZh(p->baseYear) + "基数 " + num(b, t.unit) + " 至 " + yearZh(t.year) + " " + num(t.value, t.unit) + " 的直线，" + yearZh(latest) +
               "应" + (down ? "不高于 " : "达 ") + num(expected, t.unit) + (h > 0 ? "（容差 ±" + formatNumber(h) + "）" : "") + "，实际 " + num(*c.value, t.unit),
           "path: a straight line from the base " + num(b, t.unit) + " in " + std::to_string(p->baseYear) + " to " + num(t.value, t.unit) + " in " +
               std::to_string(t.year) + ", " + (down ? "at most " : "") + num(expected, t.unit) + " expected by " + std::to_string(latest) +
               (h > 0 ? " (band ±" + formatNumber(h) + ")" : "") + ", actual " + num(*c.value, t.unit)};
    say(ok ? Status::OnTrack : Status::Behind, t2);
    return r;
}

}  // namespace

std::string seriesKey(const Target& t) { return t.scopeKind + "\x1f" + t.scopeId + "\x1f" + t.indicator; }

std::vector<TargetProgress> evaluate(const PlanData& plan, const std::vector<Actual>& current, const MonitoringRules& rules,
                                     const ProgressOptions& options)
{
    // A figure belongs to its target's series (scope and indicator): t001 (城镇化率 2023) and t002 (城镇化率 2025) share
    // one, so the 2023 figure entered for t001 is also t002's figure for 2023 (its path) and a 2022 one its baseline.
    // Of two figures of a series for one year and measure, the latest by date of the figure (then entry) counts.
    std::map<std::string, const Target*> byId;
    for (const Target& t : plan.targets)
        byId.emplace(t.id, &t);
    std::map<std::string, Figures> bySeries;
    const int asOf = options.asOfYear > 0 ? options.asOfYear : INT_MAX;
    for (const Actual& a : current) {
        const auto t = byId.find(a.targetId);
        if (a.withdrawn || a.year > asOf || t == byId.end())
            continue;
        const Actual*& slot = bySeries[seriesKey(*t->second)][{a.measure, a.year}];
        if (!slot || a.figureDate > slot->figureDate || (a.figureDate == slot->figureDate && a.id >= slot->id))
            slot = &a;
    }
    std::vector<TargetProgress> out;
    out.reserve(plan.targets.size());
    static const Figures kNone;
    for (const Target& t : plan.targets) {
        const auto it = bySeries.find(seriesKey(t));
        out.push_back(evaluateOne(t, it == bySeries.end() ? kNone : it->second, rules, asOf));
    }
    return out;
}

namespace {
std::vector<std::pair<std::string, ProgressCount>> countBy(const std::vector<TargetProgress>& progress,
                                                          std::string (*key)(const Target&))
{
    std::vector<std::pair<std::string, ProgressCount>> out;
    for (const TargetProgress& p : progress) {
        const std::string k = key(*p.target);
        auto it = std::find_if(out.begin(), out.end(), [&](const auto& e) { return e.first == k; });
        if (it == out.end())
            it = out.insert(out.end(), {k, ProgressCount{}});
        it->second.add(p.status);
    }
    return out;
}
std::string scopeKey(const Target& t) { return t.scopeKind + ":" + t.scopeId; }
std::string chapterKey(const Target& t)
{
    // The clause's first part: 四(六)14 → 四; 序 → 序; 二 → 二.
    const std::string& c = t.provenance.clause;
    const std::size_t cut = c.find('(');
    return t.provenance.source + " " + (cut == std::string::npos ? c : c.substr(0, cut));
}
}  // namespace

std::vector<std::pair<std::string, ProgressCount>> countByScope(const std::vector<TargetProgress>& progress) { return countBy(progress, scopeKey); }
std::vector<std::pair<std::string, ProgressCount>> countByChapter(const std::vector<TargetProgress>& progress) { return countBy(progress, chapterKey); }

}  // namespace layers
