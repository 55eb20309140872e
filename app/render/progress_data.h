#pragma once
// What the 目标进展 (progress) view draws: the statuses of the plan's targets from the figures' store, as
// layers::evaluate answers them (the same statuses as `gzplan progress`, the report and the window's panels).

#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "layers/monitoring.h"

namespace app::render {

struct ProgressData {
    std::vector<layers::TargetProgress> targets;                      ///< evaluate(), in the plan's order
    std::vector<std::pair<std::string, layers::ProgressCount>> scopes; ///< countByScope(targets): "city:zunyi" → counts
    std::string indicator;  ///< per-indicator mode: the indicator mapped across scopes (actual / target); empty: share met
    int asOfYear = 0;       ///< the year the statuses are for (0: every figure)
};

/// The statuses the 目标进展 view draws: the figures of store (layers::ActualsStore: a GeoPackage or a PG: schema)
/// evaluated with the rules of rulesDir (share/monitoring) against plan's targets, figures for years ≤ asOfYear (0:
/// all); indicator set: the per-indicator mode. A store that does not exist (or an empty path) gives every target "no
/// figure"; a store that cannot be read, or rules that cannot, throw layers::DataError naming the file. The result's
/// targets point into plan, which must outlive it.
std::shared_ptr<const ProgressData> loadProgress(const layers::PlanData& plan, const layers::DataLocation& store,
                                                 const std::filesystem::path& rulesDir, int asOfYear = 0, const std::string& indicator = {});

/// Whether a target's indicator answers the asked one, and how well: 3 equal (or both a central city's population:
/// 城区常住人口, 城区（含…）常住人口, 中心城市常住人口), 2 equal without a parenthesised part, 1 containing it, 0 not.
int indicatorMatch(const std::string& indicator, const std::string& asked);
/// A central city's population indicator: 城区常住人口, 城区（含…）常住人口 or 中心城市常住人口.
bool isCityPopulation(const std::string& indicator);

/// The target the per-indicator mode maps for a scope ("city:zunyi"): of the scope's targets, those matching
/// data.indicator best; of these, one with a figure before one without, then the latest year (≤ asOfYear when set).
/// Null when the scope has no such target.
const layers::TargetProgress* indicatorTarget(const ProgressData& data, const std::string& scope);
/// A central city's 2025 population target (its indicator: isCityPopulation), null when it has none.
const layers::TargetProgress* cityPopulation(const ProgressData& data, const std::string& cityId);

}  // namespace app::render
