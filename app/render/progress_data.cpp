#include "render/progress_data.h"

#include <algorithm>
#include <system_error>

#include "layers/errors.h"

namespace app::render {

namespace {
/// The indicator without its parenthesised parts (城区（含大方）常住人口 → 城区常住人口).
std::string withoutParentheses(const std::string& text)
{
    std::string out;
    int depth = 0;
    for (std::size_t i = 0; i < text.size();) {
        const bool fullOpen = text.compare(i, 3, "（") == 0, fullClose = text.compare(i, 3, "）") == 0;
        if (fullOpen || text[i] == '(') {
            ++depth;
            i += fullOpen ? 3 : 1;
        } else if ((fullClose || text[i] == ')') && depth > 0) {
            --depth;
            i += fullClose ? 3 : 1;
        } else {
            if (depth == 0)
                out += text[i];
            ++i;
        }
    }
    return out;
}
}  // namespace

bool isCityPopulation(const std::string& indicator)
{
    const std::string bare = withoutParentheses(indicator);
    return bare == "城区常住人口" || bare == "中心城市常住人口";
}

int indicatorMatch(const std::string& indicator, const std::string& asked)
{
    if (asked.empty())
        return 0;
    if (indicator == asked || (isCityPopulation(indicator) && isCityPopulation(asked)))
        return 3;
    if (withoutParentheses(indicator) == withoutParentheses(asked))
        return 2;
    return indicator.find(asked) != std::string::npos ? 1 : 0;
}

const layers::TargetProgress* indicatorTarget(const ProgressData& data, const std::string& scope)
{
    const layers::TargetProgress* best = nullptr;
    int bestMatch = 0;
    auto better = [&](const layers::TargetProgress& a, const layers::TargetProgress& b) {
        // a before b: a figure first, then the later year within asOfYear.
        if (a.actual.has_value() != b.actual.has_value())
            return a.actual.has_value();
        const int ya = a.target->year, yb = b.target->year;
        const bool ina = !data.asOfYear || ya <= data.asOfYear, inb = !data.asOfYear || yb <= data.asOfYear;
        if (ina != inb)
            return ina;
        return ina ? ya > yb : ya < yb;
    };
    for (const layers::TargetProgress& t : data.targets) {
        if (!t.target || t.target->scopeKind + ":" + t.target->scopeId != scope)
            continue;
        const int match = indicatorMatch(t.target->indicator, data.indicator);
        if (match == 0 || match < bestMatch)
            continue;
        if (!best || match > bestMatch || better(t, *best)) {
            best = &t;
            bestMatch = match;
        }
    }
    return best;
}

const layers::TargetProgress* cityPopulation(const ProgressData& data, const std::string& cityId)
{
    for (const layers::TargetProgress& t : data.targets)
        if (t.target && t.target->scopeKind == "city" && t.target->scopeId == cityId && t.target->year == 2025 && isCityPopulation(t.target->indicator))
            return &t;
    return nullptr;
}

std::shared_ptr<const ProgressData> loadProgress(const layers::PlanData& plan, const layers::DataLocation& store,
                                                 const std::filesystem::path& rulesDir, int asOfYear, const std::string& indicator)
{
    const layers::MonitoringRules rules = layers::MonitoringRules::load(rulesDir);
    std::vector<layers::Actual> current;
    if (!store.location().empty()) {
        try {
            if (layers::ActualsStore::exists(store))
                current = layers::currentActuals(layers::ActualsStore::open(store, false).actuals());
        } catch (const std::exception& e) {
            const std::string what = e.what();
            if (what.find(store.shown()) != std::string::npos)
                throw;
            throw layers::DataError(store.shown(), what);
        }
    }
    auto data = std::make_shared<ProgressData>();
    data->targets = layers::evaluate(plan, current, rules, layers::ProgressOptions{asOfYear});
    data->scopes = layers::countByScope(data->targets);
    data->indicator = indicator;
    data->asOfYear = asOfYear;
    return data;
}

}  // namespace app::render
