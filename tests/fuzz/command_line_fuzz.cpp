// Fuzz target: gzplan's command-line grammar. The input is split at NUL bytes into argv[1..]; the Qt-free
// CommandLine::parse (the gzplan executable) and the Qt Arguments::parse (the Qt module) must agree on every
// command line of valid UTF-8 (command_line.h promises "the same rules"); isExportCommand then decides which
// half of gzplan would run it.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <QString>

#include "cli/arguments.h"
#include "cli/command_line.h"
#include "cli/export_command.h"

namespace {

bool validUtf8(const std::string& s)
{
    const QString q = QString::fromUtf8(s);
    return q.toUtf8() == QByteArray(s.data(), static_cast<qsizetype>(s.size()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::vector<std::string> words{"gzplan"};
    std::string word;
    for (std::size_t i = 0; i < size; ++i) {
        if (data[i] == 0) {
            words.push_back(std::move(word));
            word.clear();
        } else {
            word.push_back(static_cast<char>(data[i]));
        }
    }
    words.push_back(std::move(word));
    std::vector<char*> argv;
    for (std::string& w : words)
        argv.push_back(w.data());
    argv.push_back(nullptr);
    const int argc = static_cast<int>(words.size());

    const app::cli::CommandLine c = app::cli::CommandLine::parse(argc, argv.data());
    (void)app::cli::isExportCommand(c);
    for (const auto& [name, value] : c.values)
        if (c.value(name) != value || !c.has(name))
            __builtin_trap();

    bool utf8 = true;
    for (const std::string& w : words)
        utf8 = utf8 && validUtf8(w);
    if (!utf8)
        return 0;
    const app::cli::Arguments a = app::cli::Arguments::parse(argc, argv.data());
    bool same = a.command.toStdString() == c.command && static_cast<std::size_t>(a.positional.size()) == c.positional.size() &&
                static_cast<std::size_t>(a.values.size()) == c.values.size() && static_cast<std::size_t>(a.flags.size()) == c.flags.size();
    for (std::size_t i = 0; same && i < c.positional.size(); ++i)
        same = a.positional[static_cast<qsizetype>(i)].toStdString() == c.positional[i];
    for (const auto& [name, value] : c.values)
        same = same && a.values.contains(QString::fromStdString(name)) && a.values.value(QString::fromStdString(name)).toStdString() == value;
    for (const std::string& f : c.flags)
        same = same && a.flags.contains(QString::fromStdString(f));
    if (!same)
        __builtin_trap();  // the two parsers of gzplan's command line disagree
    return 0;
}
