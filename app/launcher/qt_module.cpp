#include "launcher/qt_module.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdio>
#include <string>

namespace app::launcher {

namespace {
/// The folder of the running executable (/proc/self/exe resolves symbolic links to it), with a trailing slash;
/// empty if unknown.
std::string executableFolder()
{
    std::string path(4096, '\0');
    const ssize_t n = readlink("/proc/self/exe", path.data(), path.size());
    if (n <= 0 || static_cast<std::size_t>(n) >= path.size())
        return {};
    path.resize(static_cast<std::size_t>(n));
    return path.substr(0, path.rfind('/') + 1);
}
}  // namespace

int runQtModule(int argc, char** argv)
{
    const std::string module = executableFolder() + kModuleName;
    // Lazy binding as the executable had when it linked Qt itself; local, so nothing the module defines can
    // interpose on later loads.
    void* handle = dlopen(module.c_str(), RTLD_LAZY | RTLD_LOCAL);
    if (!handle) {
        std::fprintf(stderr, "gzplan: cannot load %s: %s\n", module.c_str(), dlerror());
        return 127;
    }
    using Entry = int (*)(int, char**);
    const auto entry = reinterpret_cast<Entry>(dlsym(handle, kEntryPoint));
    if (!entry) {
        std::fprintf(stderr, "gzplan: cannot load %s: %s\n", module.c_str(), dlerror());
        return 127;
    }
    // The module stays loaded: its static objects and Qt's are destroyed by exit(), as in a single executable.
    return entry(argc, argv);
}

}  // namespace app::launcher
