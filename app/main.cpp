#include "cli/application.h"

int main(int argc, char** argv)
{
    return app::cli::run(argc, argv);
}
