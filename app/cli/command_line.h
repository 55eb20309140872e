#pragma once
// gzplan's one command grammar, without Qt: every command declares its positional arguments and options in one
// table (commands(), in command_line.cpp), the global options are declared once (globalOptions()), and the one
// strict parser reads argv against them. The gzplan executable parses before anything is loaded; the Qt module
// calls the same parser (Arguments in cli/arguments.h only converts the result to QString). `gzplan help`,
// `gzplan help <command>` and `gzplan <command> --help` print from the same tables.
//
// Strict: an unknown option (named, with the nearest option of that command suggested), a missing value, a value
// given to a flag, a value outside the allowed ones, an option given twice that is not repeatable, a stray
// argument and a missing required option are usage errors: exit code 2, before anything is read or written.

#include <iosfwd>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "layers/data_location.h"

namespace app::cli {

/// One --option of a command (or of every command: globalOptions()).
struct OptionSpec {
    std::string name;                  ///< without the dashes: "out"
    std::string value;                 ///< what the value is, for help ("file.png|svg|pdf"); empty: the allowed values
    std::string help;                  ///< one line
    std::vector<std::string> allowed;  ///< the only values accepted (compared ignoring case, stored as spelled here); empty: any
    bool repeatable = false;           ///< may be given several times (--add a --add b): every value is kept, in order
    bool required = false;             ///< the command refuses to run without it (a non-empty value)
    /// Whether it takes a value; otherwise it is a flag.
    bool takesValue() const { return !value.empty() || !allowed.empty(); }
};

/// A positional argument of a command.
struct PositionalSpec {
    std::string name;  ///< for help: "lon", "name|code"
    std::string help;
};

/// One command: its name (empty: gzplan without a command, the map window), what it does, its arguments.
struct CommandSpec {
    std::string name;
    std::string summary;                    ///< one line, for `gzplan help`
    std::vector<PositionalSpec> positional;  ///< at most these many positional arguments
    std::vector<OptionSpec> options;        ///< besides the global options
    std::vector<std::string> notes;         ///< further lines for `gzplan help <command>` (other forms, limits)
    bool qtFree = false;                    ///< run by the gzplan executable itself, without loading the Qt module

    /// The option called name, of this command or a global one; null when there is none.
    const OptionSpec* option(std::string_view name) const;
    /// "gzplan render" (or "gzplan" for the map window).
    std::string title() const;
};

/// Every command of gzplan, in the order `gzplan help` lists them.
const std::vector<CommandSpec>& commands();
/// The options every command takes (--data, --share, --help).
const std::vector<OptionSpec>& globalOptions();
/// The command called name; null when there is none.
const CommandSpec* findCommand(std::string_view name);

/// A mistake on the command line; what() is the whole message, without the leading "gzplan: ".
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// A command line read against the grammar.
struct CommandLine {
    const CommandSpec* spec = nullptr;  ///< the command's table entry (never null after parse)
    std::string command;                ///< "" for the map window
    std::vector<std::string> positional;
    std::map<std::string, std::vector<std::string>, std::less<>> values;  ///< options with values, every value in order
    std::set<std::string, std::less<>> flags;                             ///< flags given
    bool help = false;                                                    ///< --help or -h (or the help command)

    /// Reads argv (argv[0] the program) against commands() and globalOptions(). A word starting with "--" is an
    /// option (--name value or --name=value), -h is --help, "--" ends the options; the first other word is the
    /// command. With --help, the command is all that is checked. Throws UsageError.
    static CommandLine parse(int argc, char** argv);

    /// The value of an option (the fallback when not given).
    std::string value(std::string_view name, std::string fallback = {}) const;
    /// Every value of a repeatable option, in the order given.
    std::vector<std::string> all(std::string_view name) const;
    bool has(std::string_view name) const { return values.find(name) != values.end(); }
    bool flag(std::string_view name) const { return flags.find(name) != flags.end(); }
    /// The GeoPackage to read: --data, else $GZPLAN_DATA, else the one the build made.
    std::string dataPath() const;
    /// dataPath() with the schema (--schema, else $GZPLAN_SCHEMA for a PG: location, else gzplan); DataError for a
    /// connection string libpq cannot read or a --schema given with a GeoPackage.
    layers::DataLocation dataLocation() const;
};

/// Parses argv and answers what needs no command to run: help (printed to out, exit code 0) and usage errors
/// (printed to err, exit code 2). Otherwise fills line and returns nothing: the command is to run.
std::optional<int> readCommandLine(int argc, char** argv, CommandLine& line, std::ostream& out, std::ostream& err);

/// The help of one command (its synopsis, positional arguments, every option with its help, notes).
std::string commandHelp(const CommandSpec& command);
/// `gzplan help`: every command with its synopsis and summary, the global options, the environment.
std::string generalHelp();
/// The synopsis of a command: "gzplan render --out <file.png|svg|pdf> [--view <id>] …".
std::string synopsis(const CommandSpec& command);

}  // namespace app::cli
