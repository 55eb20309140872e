#pragma once
// `gzplan layers` and `gzplan export`: the exporter of layers/ on the command line, with a progress bar.
// Both read only what the requested layers need from --data (the GeoPackage or PostGIS) and use no Qt at all: the gzplan
// executable runs them itself, without loading the Qt module (see app/main.cpp).

#include <iosfwd>
#include <string>

#include "cli/command_line.h"

namespace app::cli {

/// Runs `gzplan layers` or `gzplan export` (the commands whose CommandSpec::qtFree is set) on std::cout and
/// std::cerr; returns the exit code.
int exportMain(const CommandLine& args);
/// Flushes the standard streams and ends the process at once, skipping exit-time destructors: once an export has
/// closed and renamed its files there is nothing left to do.
[[noreturn]] void exitNow(int code);

int layersCommand(const CommandLine& args, std::ostream& out, std::ostream& err);
int exportCommand(const CommandLine& args, std::ostream& out, std::ostream& err);

}  // namespace app::cli
