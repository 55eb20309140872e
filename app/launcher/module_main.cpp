// The entry point of libgzplan_app.so, the Qt part of gzplan (see launcher/qt_module.h): the whole command line
// as the executable received it. The only symbol the module exports.

#include "cli/application.h"

extern "C" __attribute__((visibility("default"))) int gzplan_main(int argc, char** argv)
{
    return app::cli::run(argc, argv);
}
