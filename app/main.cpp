// The gzplan executable. It links no Qt: `gzplan layers` and `gzplan export` run here, with GDAL, GEOS and PROJ
// only, so they start as fast as GDAL's own tools. Every other command (the map window, render, the plan
// queries …) is in the Qt module libgzplan_app.so next to this executable, loaded on demand. The command line is
// read here first against the one grammar (cli/command_line.h): help and usage errors are answered before
// anything is loaded.

#include <iostream>

#include <malloc.h>

#include "cli/command_line.h"
#include "cli/export_command.h"
#include "launcher/qt_module.h"

int main(int argc, char** argv)
{
    // Allocator tuning for the whole process (the one place: libraries keep no process state). A user layer's
    // chunk buffers are freed as they are merged; with glibc's adaptive mmap threshold they would stay in the heap
    // and the process would peak at twice the layer. A fixed threshold sends blocks of 256 KB and more to mmap,
    // so each freed chunk goes back to the system at once.
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    app::cli::CommandLine line;
    if (const auto answered = app::cli::readCommandLine(argc, argv, line, std::cout, std::cerr))
        return *answered;
    if (line.spec->qtFree)
        app::cli::exitNow(app::cli::exportMain(line));  // every file is closed and renamed by now
    return app::launcher::runQtModule(argc, argv);
}
