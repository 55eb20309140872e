#pragma once
// `gzplan make-parcels`: the synthetic parcel generator of layers/ (layers/parcels.h) on the command line.

#include <iosfwd>

#include "layers/geography.h"

namespace app::cli {

/// argv is the whole command line (argv[0] the program); its own options are read from it, since
/// --count and --seed take values that the common argument parser does not know.
int makeParcelsCommand(const layers::Geography& geography, int argc, char** argv, std::ostream& out, std::ostream& err);

}  // namespace app::cli
