#pragma once
// gzplan actuals template|import|list|history|set|undo and gzplan progress: the actual figures against the plan's
// targets (layers/monitoring.h). Exit codes: 0 done, 1 bad data or a refused import, 2 bad usage.

#include <filesystem>
#include <iosfwd>

#include <QString>

#include "cli/arguments.h"
#include "layers/data_location.h"
#include "layers/plan_query.h"

namespace app::cli {

/// The figures' store of this command line: --actuals, else $GZPLAN_ACTUALS, else ActualsStore::defaultPath(); on
/// PostgreSQL (PG:…) in the schema of --schema, else $GZPLAN_SCHEMA, else gzplan.
layers::DataLocation actualsStorePath(const Arguments& args);

int actualsCommand(const layers::PlanQuery& query, const QString& share, const Arguments& args, std::ostream& out, std::ostream& err);
int progressCommand(const layers::PlanQuery& query, const QString& share, const Arguments& args, std::ostream& out, std::ostream& err);

}  // namespace app::cli
