#pragma once
// gzplan db init|upgrade|dump|check: the PostGIS store (layers/database.h). Qt-free: run by the gzplan executable.

#include <iosfwd>

#include "cli/command_line.h"

namespace app::cli {

/// Returns the exit code: 0 done (check: the schema is whole), 1 a data or server problem (check: problems found),
/// 2 a request worded wrongly.
int dbCommand(const CommandLine& args, std::ostream& out, std::ostream& err);

}  // namespace app::cli
