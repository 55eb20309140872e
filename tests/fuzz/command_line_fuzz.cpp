// Fuzz target: gzplan's command grammar. The input is split at NUL bytes into argv[1..]; CommandLine::parse
// either refuses it (UsageError) or accepts only what the command's table declares (options, value or flag,
// repetition, allowed values, the number of positional arguments); the Qt commands' view of the result
// (Arguments) agrees with it on every command line of valid UTF-8.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <QString>

#include "cli/arguments.h"
#include "cli/command_line.h"

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

    app::cli::CommandLine c;
    try {
        c = app::cli::CommandLine::parse(argc, argv.data());
    } catch (const app::cli::UsageError&) {
        return 0;  // refused, with a message: what the grammar is for
    }
    // What was accepted is what the command's table declares.
    if (!c.spec || c.spec->name != c.command)
        __builtin_trap();
    if (!c.help && c.positional.size() > c.spec->positional.size())
        __builtin_trap();
    for (const auto& [name, values] : c.values) {
        const app::cli::OptionSpec* o = c.spec->option(name);
        if (!o || !o->takesValue() || values.empty() || (values.size() > 1 && !o->repeatable) || c.value(name) != values.back() || !c.has(name))
            __builtin_trap();
        for (const std::string& v : values)
            if (!o->allowed.empty() && std::find(o->allowed.begin(), o->allowed.end(), v) == o->allowed.end())
                __builtin_trap();
    }
    for (const std::string& f : c.flags)
        if (const app::cli::OptionSpec* o = c.spec->option(f); !o || o->takesValue())
            __builtin_trap();

    bool utf8 = true;
    for (const std::string& w : words)
        utf8 = utf8 && validUtf8(w);
    if (!utf8)
        return 0;
    // The Qt commands' view of it (a conversion, no second parser) says the same.
    const app::cli::Arguments a(c);
    bool same = a.command.toStdString() == c.command && static_cast<std::size_t>(a.positional.size()) == c.positional.size();
    for (std::size_t i = 0; same && i < c.positional.size(); ++i)
        same = a.positional[static_cast<qsizetype>(i)].toStdString() == c.positional[i];
    for (const auto& [name, values] : c.values)
        same = same && a.value(QString::fromStdString(name)).toStdString() == values.back() &&
               static_cast<std::size_t>(a.all(QString::fromStdString(name)).size()) == values.size();
    for (const std::string& f : c.flags)
        same = same && a.flag(QString::fromStdString(f));
    if (!same)
        __builtin_trap();
    return 0;
}
