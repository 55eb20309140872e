#pragma once
// gzplan report: the evaluation of the plan's targets as a PDF, HTML or XLSX report (app/report).

#include <QString>

#include "cli/arguments.h"
#include "layers/plan_geometry.h"
#include "layers/plan_query.h"

namespace app::cli {

/// gzplan report --out evaluation.pdf|html|xlsx [--year Y] [--scope kind[:id]] [--lang en]; the exit code.
int reportCommand(const layers::PlanQuery& query, const layers::PlanGeometry& planGeometry, const QString& share, const Arguments& args);

}  // namespace app::cli
