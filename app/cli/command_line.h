#pragma once
// gzplan's command line without Qt: the same grammar as Arguments (cli/arguments.h) on std::string, for the
// commands the Qt-free gzplan executable runs itself (layers, export). A command, positional arguments,
// --options with values (--name value or --name=value) and --flags.

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace app::cli {

struct CommandLine {
    std::string command;
    std::vector<std::string> positional;
    std::map<std::string, std::string, std::less<>> values;  ///< --out, --crs … without the dashes (the last one given)
    std::set<std::string, std::less<>> flags;                ///< json, force, quiet, help …

    /// Same rules as Arguments::parse: the options listed in kOptionsWithValue take the next argument, every other
    /// --word is a flag, -h is --help, the first other word is the command.
    static CommandLine parse(int argc, char** argv);
    std::string value(std::string_view name, std::string fallback = {}) const;
    bool has(std::string_view name) const { return values.find(name) != values.end(); }
    bool flag(std::string_view name) const { return flags.find(name) != flags.end(); }
};

/// The options that take a value (Arguments::parse uses the same list).
extern const std::set<std::string, std::less<>> kOptionsWithValue;

}  // namespace app::cli
