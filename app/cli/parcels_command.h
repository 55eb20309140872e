#pragma once
// `gzplan make-parcels`: the synthetic parcel generator of layers/ (layers/parcels.h) on the command line.

#include <iosfwd>

#include "cli/command_line.h"
#include "layers/geography.h"

namespace app::cli {

/// Options: --out (required), --count, --seed, --force, --quiet (the grammar in cli/command_line.cpp).
int makeParcelsCommand(const layers::Geography& geography, const CommandLine& args, std::ostream& out, std::ostream& err);

}  // namespace app::cli
