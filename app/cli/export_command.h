#pragma once
// `gzplan layers` and `gzplan export`: the exporter of layers/ on the command line, with a progress bar.

#include <iosfwd>

#include "cli/arguments.h"
#include "layers/export_tables.h"

namespace app::cli {

int layersCommand(const std::vector<layers::ExportTable>& tables, const Arguments& args, std::ostream& out);
int exportCommand(const std::vector<layers::ExportTable>& tables, const Arguments& args, std::ostream& out, std::ostream& err);

}  // namespace app::cli
