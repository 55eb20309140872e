#pragma once
// The Qt part of gzplan (window, render, plan queries) is a shared module, libgzplan_app.so, that the Qt-free
// gzplan executable loads only for the commands that need it. The module exports one C function:
//     extern "C" int gzplan_main(int argc, char** argv);   // app/launcher/module_main.cpp

namespace app::launcher {

/// The module's file name; it lives in the executable's folder.
inline constexpr const char* kModuleName = "libgzplan_app.so";
/// The exported entry point.
inline constexpr const char* kEntryPoint = "gzplan_main";

/// Loads the module from the executable's folder and runs gzplan_main(argc, argv); its result is the exit code.
/// If the module cannot be loaded: "gzplan: cannot load <path>: <reason>" on stderr and 127.
int runQtModule(int argc, char** argv);

}  // namespace app::launcher
