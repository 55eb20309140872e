#pragma once
// The gzplan entry point: without a subcommand it opens the map window (or, without a display, renders the
// overview map to a PNG and prints a summary); subcommands run headless.

namespace app::cli {

int run(int argc, char** argv);

}  // namespace app::cli
