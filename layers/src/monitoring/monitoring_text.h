#pragma once
// Internal: number formatting shared by the monitoring rules, the import and the store.

#include <string>

namespace layers::detail {

/// A figure for messages and rules: up to 3 decimals (5 under 1, 1 from 1000), trailing zeros dropped.
std::string formatNumber(double v);

}  // namespace layers::detail
