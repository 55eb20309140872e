// The entry point of libgzplan_app.so, the Qt part of gzplan (see launcher/qt_module.h): the whole command line
// as the executable received it. The only symbol the module exports.

#include <malloc.h>

#include "cli/application.h"

extern "C" __attribute__((visibility("default"))) int gzplan_main(int argc, char** argv)
{
    // Allocator tuning, in the process's entry point only (libraries keep no process state), for the Qt commands,
    // which load user layers (render --add, the window). A layer's chunk buffers are freed as they are merged;
    // with glibc's adaptive mmap threshold they would stay in the heap and the process would peak at twice the
    // layer. A fixed threshold sends blocks of 256 KB and more to mmap, so each freed chunk goes back at once.
    // Not for the Qt-free export in main.cpp: with it, GDAL 3.6's KML writer spun at close on a full disk
    // (ExportFaults.FullDisk… timed out), to be understood before it is set there.
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    return app::cli::run(argc, argv);
}
