#include "cli/command_line.h"

namespace app::cli {

const std::set<std::string, std::less<>> kOptionsWithValue{
    "data", "share", "out", "size", "dpi", "crs", "scope", "id", "plan", "view", "lang", "find", "layer", "format", "encoding", "csv-geometry",
    "page", "add", "style-field", "extent", "repeat", "source", "source-layer", "count", "seed", "style"};

CommandLine CommandLine::parse(int argc, char** argv)
{
    CommandLine c;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg.starts_with("--")) {
            std::string name(arg.substr(2));
            const std::size_t eq = name.find('=');
            if (eq != std::string::npos) {
                c.values[name.substr(0, eq)] = name.substr(eq + 1);
            } else if (kOptionsWithValue.contains(name) && i + 1 < argc) {
                c.values[name] = argv[++i];
            } else {
                c.flags.insert(std::move(name));
            }
        } else if (arg == "-h") {
            c.flags.insert("help");
        } else if (c.command.empty()) {
            c.command = arg;
        } else {
            c.positional.emplace_back(arg);
        }
    }
    return c;
}

std::string CommandLine::value(std::string_view name, std::string fallback) const
{
    const auto it = values.find(name);
    return it == values.end() ? std::move(fallback) : it->second;
}

}  // namespace app::cli
