// The gzplan executable. It links no Qt: `gzplan layers` and `gzplan export` run here, with GDAL, GEOS and PROJ
// only, so they start as fast as GDAL's own tools. Every other command (the map window, render, the plan
// queries, help …) is in the Qt module libgzplan_app.so next to this executable, loaded on demand.

#include "cli/command_line.h"
#include "cli/export_command.h"
#include "launcher/qt_module.h"

int main(int argc, char** argv)
{
    if (app::cli::isExportCommand(app::cli::CommandLine::parse(argc, argv)))
        app::cli::exitNow(app::cli::exportMain(argc, argv));  // every file is closed and renamed by now
    return app::launcher::runQtModule(argc, argv);
}
