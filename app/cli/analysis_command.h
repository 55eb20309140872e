#pragma once
// gzplan stats, select, annotate and join: a user's layer asked about by plan unit (layers/analysis.h). Qt-free:
// the gzplan executable runs them itself, so a statistic over 100,000 parcels takes a fraction of a second.

#include <iosfwd>
#include <string>

#include "cli/command_line.h"

namespace app::cli {

/// Whether the command is one of these.
bool isAnalysisCommand(const std::string& command);
/// Runs it; returns the exit code (2 for a request worded wrongly, 1 for a file or data problem).
int analysisCommand(const CommandLine& args, std::ostream& out, std::ostream& err);

}  // namespace app::cli
