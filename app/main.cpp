// The gzplan executable. It links no Qt: `gzplan layers` and `gzplan export` run here, with GDAL, GEOS and PROJ
// only, so they start as fast as GDAL's own tools. Every other command (the map window, render, the plan
// queries …) is in the Qt module libgzplan_app.so next to this executable, loaded on demand. The command line is
// read here first against the one grammar (cli/command_line.h): help and usage errors are answered before
// anything is loaded.

#include <iostream>

#include "cli/command_line.h"
#include "cli/export_command.h"
#include "launcher/qt_module.h"

int main(int argc, char** argv)
{
    app::cli::CommandLine line;
    if (const auto answered = app::cli::readCommandLine(argc, argv, line, std::cout, std::cerr))
        return *answered;
    if (line.spec->qtFree)
        app::cli::exitNow(app::cli::exportMain(line));  // every file is closed and renamed by now
    return app::launcher::runQtModule(argc, argv);
}
