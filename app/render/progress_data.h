#pragma once
// What the 目标进展 (progress) view draws: the statuses of the plan's targets from the figures' store, as
// layers::evaluate answers them (the same statuses as `gzplan progress`, the report and the window's panels).

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

}  // namespace app::render
