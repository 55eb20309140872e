// gzplan's one command grammar (app/cli/command_line.h): the parser itself, and every command of the real
// executable refusing what its table does not declare (exit 2, the option named, nothing written).
#include <gtest/gtest.h>

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "cli/arguments.h"
#include "cli/command_line.h"
#include "layers/exporter.h"
#include "render/map_views.h"
#include "run_gzplan.h"

namespace {

using app::cli::CommandLine;
using app::cli::UsageError;

CommandLine parse(std::vector<std::string> words)
{
    words.insert(words.begin(), "gzplan");
    std::vector<char*> argv;
    for (std::string& w : words)
        argv.push_back(w.data());
    argv.push_back(nullptr);
    return CommandLine::parse(static_cast<int>(words.size()), argv.data());
}

/// The message parse refuses words with ("" when it accepts them).
std::string refusal(const std::vector<std::string>& words)
{
    try {
        parse(words);
    } catch (const UsageError& e) {
        return e.what();
    }
    return {};
}

QStringList commandWords(const app::cli::CommandSpec& c) { return c.name.empty() ? QStringList() : QStringList{QString::fromStdString(c.name)}; }

/// A usage refusal of the real gzplan: exit 2, the words named on stderr, nothing on stdout.
void expectRefused(const QStringList& args, const QString& says, const QStringList& env = {})
{
    const test::GzplanResult r = test::runGzplan(args, env);
    EXPECT_EQ(r.code, 2) << args.join(' ').toStdString() << "\n" << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(says)) << args.join(' ').toStdString() << "\n" << r.err.toStdString();
    EXPECT_TRUE(r.out.isEmpty()) << args.join(' ').toStdString() << "\n" << r.out.toStdString();
}

}  // namespace

// ---- the parser, no process ----

TEST(CommandGrammar, ReadsOptionsFlagsAndArgumentsWhereverTheyStand)
{
    const CommandLine c = parse({"--data", "x.gpkg", "where", "500000", "-2940000", "--crs=EPSG:4545", "--json"});
    EXPECT_EQ(c.command, "where");
    ASSERT_NE(c.spec, nullptr);
    EXPECT_EQ(c.positional, (std::vector<std::string>{"500000", "-2940000"}));
    EXPECT_EQ(c.value("crs"), "EPSG:4545");
    EXPECT_EQ(c.value("data"), "x.gpkg");
    EXPECT_EQ(c.dataPath(), "x.gpkg");
    EXPECT_TRUE(c.flag("json"));
    EXPECT_FALSE(c.flag("force"));
    EXPECT_EQ(c.value("scope", "none"), "none");

    const CommandLine window = parse({"--view", "transport", "--add", "a.gpkg", "--add", "b.shp"});
    EXPECT_EQ(window.command, "");
    EXPECT_EQ(window.all("add"), (std::vector<std::string>{"a.gpkg", "b.shp"}));

    // "--" ends the options; negative numbers and "-inf" are arguments, not options.
    const CommandLine w = parse({"where", "--", "--1", "-inf"});
    EXPECT_EQ(w.positional, (std::vector<std::string>{"--1", "-inf"}));

    // The Qt commands see the same, converted.
    const app::cli::Arguments a(window);
    EXPECT_EQ(a.all("add"), (QStringList{"a.gpkg", "b.shp"}));
    EXPECT_EQ(a.value("view"), "transport");
    EXPECT_EQ(a.value("lang", "zh"), "zh");
}

TEST(CommandGrammar, RefusesUnknownOptionsSuggestingTheNearest)
{
    EXPECT_EQ(refusal({"export", "--layer", "counties", "--out", "x", "--encodng", "GBK"}),
              "unknown option --encodng for gzplan export; did you mean --encoding?");
    EXPECT_EQ(refusal({"render", "--out", "m.pdf", "--pagesize", "A4"}), "unknown option --pagesize for gzplan render; did you mean --page?");
    EXPECT_EQ(refusal({"render", "--out", "m.png", "--no-label"}), "unknown option --no-label for gzplan render; did you mean --no-labels?");
    // Nothing close: the option is named with the command's options (and where it belongs, if anywhere).
    const std::string orbit = refusal({"class", "satellite", "--orbit", "zunyi"});
    EXPECT_NE(orbit.find("unknown option --orbit for gzplan class"), std::string::npos) << orbit;
    EXPECT_NE(orbit.find("its options: --json, --data, --schema, --share, --actuals, --help"), std::string::npos) << orbit;
    const std::string scope = refusal({"county", "盘州", "--scope", "province"});
    EXPECT_NE(scope.find("--scope is an option of gzplan targets"), std::string::npos) << scope;
    // Unknown commands likewise.
    EXPECT_EQ(refusal({"rendr"}).rfind("unknown command 'rendr'; did you mean render?", 0), 0u) << refusal({"rendr"});
}

TEST(CommandGrammar, RefusesMissingValuesFlagValuesRepeatsStrayArgumentsAndBadValues)
{
    EXPECT_EQ(refusal({"render", "--out"}), "--out needs a value: --out <file.png|svg|pdf>");
    EXPECT_EQ(refusal({"render", "--out", "--force"}), "--out needs a value: --out <file.png|svg|pdf>");
    EXPECT_EQ(refusal({"export", "--layer", "all", "--out", "x", "--force=yes"}), "--force is a flag and takes no value (given --force=yes)");
    EXPECT_EQ(refusal({"render", "--out", "a.png", "--out", "b.png"}), "--out given twice ('a.png', 'b.png'); gzplan render takes one");
    EXPECT_EQ(refusal({"zones", "--json", "--json"}), "--json given twice");
    EXPECT_NE(refusal({"county", "盘州", "盘县"}).find("too many arguments for gzplan county: unexpected '盘县'"), std::string::npos);
    EXPECT_NE(refusal({"summary", "now"}).find("gzplan summary takes no arguments; unexpected 'now'"), std::string::npos);
    EXPECT_EQ(refusal({"render", "--out", "m.pdf", "--page", "A5"}), "--page must be one of A4, A3; not 'A5'");
    EXPECT_EQ(refusal({"render", "--out", "m.png", "--lang", "fr"}), "--lang must be one of zh, en; not 'fr'");
    EXPECT_NE(refusal({"make-parcels", "--count", "10"}).find("--out <file.gpkg> is required for gzplan make-parcels"), std::string::npos);
    // Allowed values are matched ignoring case and passed on as the table spells them.
    EXPECT_EQ(parse({"render", "--out", "m.pdf", "--page", "a4"}).value("page"), "A4");
    EXPECT_EQ(parse({"export", "--layer", "all", "--out", "x", "--encoding", "gbk", "--format", "GPKG"}).value("encoding"), "GBK");
    EXPECT_EQ(parse({"export", "--layer", "all", "--out", "x", "--format", "GPKG"}).value("format"), "gpkg");
    // --help answers for the command whatever else is wrong.
    EXPECT_TRUE(parse({"export", "--encodng", "--help"}).help);
}

TEST(CommandGrammar, TablesAreConsistent)
{
    std::map<std::string, bool> takesValue;
    std::set<std::string> names;
    for (const app::cli::CommandSpec& c : app::cli::commands()) {
        EXPECT_TRUE(names.insert(c.name).second) << c.name;
        std::set<std::string> options;
        for (const app::cli::OptionSpec& o : c.options) {
            EXPECT_TRUE(options.insert(o.name).second) << c.name << " --" << o.name;
            EXPECT_FALSE(o.help.empty()) << c.name << " --" << o.name;
            // An option name is a flag everywhere or takes a value everywhere: the command can be found before it is known.
            const auto it = takesValue.emplace(o.name, o.takesValue()).first;
            EXPECT_EQ(it->second, o.takesValue()) << "--" << o.name << " is a flag in one command and takes a value in another";
        }
        for (const app::cli::OptionSpec& g : app::cli::globalOptions())
            EXPECT_EQ(options.count(g.name), 0u) << c.name << " redeclares the global --" << g.name;
    }
    // The lists that live elsewhere and are repeated in the tables' help.
    for (const QString& view : app::render::viewIds()) {
        EXPECT_NE(app::cli::findCommand("render")->option("view")->help.find(view.toStdString()), std::string::npos) << view.toStdString();
        EXPECT_NE(app::cli::findCommand("")->option("view")->help.find(view.toStdString()), std::string::npos) << view.toStdString();
    }
    EXPECT_EQ(app::cli::findCommand("export")->option("format")->allowed, layers::exportFormats());
}

// ---- the real gzplan ----

TEST(CommandGrammarCli, EveryCommandRefusesUnknownAndForeignOptionsWritingNothing)
{
    QTemporaryDir dir;
    const QStringList env{"GZPLAN_OUTPUT_DIR=" + dir.path()};  // where gzplan without a command would render
    for (const app::cli::CommandSpec& c : app::cli::commands()) {
        SCOPED_TRACE(c.title());
        const QString title = QString::fromStdString(c.title());
        expectRefused(commandWords(c) + QStringList{"--frobnicate"}, "unknown option --frobnicate for " + title, env);
        // An option of another command: named, and where it belongs.
        for (const app::cli::CommandSpec& other : app::cli::commands()) {
            const auto foreign = std::find_if(other.options.begin(), other.options.end(), [&](const app::cli::OptionSpec& o) { return !c.option(o.name); });
            if (&other == &c || foreign == other.options.end())
                continue;
            QStringList args = commandWords(c) << "--" + QString::fromStdString(foreign->name);
            if (foreign->takesValue())
                args << dir.filePath("foreign.out");
            expectRefused(args, "unknown option --" + QString::fromStdString(foreign->name) + " for " + title, env);
            break;
        }
    }
    EXPECT_TRUE(QDir(dir.path()).isEmpty()) << QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).join(' ').toStdString();
}

TEST(CommandGrammarCli, TheSilentlyIgnoredOptionsOfTheIssue)
{
    QTemporaryDir dir;
    const QString shp = dir.filePath("counties.shp");
    expectRefused({"export", "--layer", "counties", "--format", "shp", "--out", shp, "--encodng", "GBK"},
                  "unknown option --encodng for gzplan export; did you mean --encoding?");
    EXPECT_FALSE(QFileInfo::exists(shp));
    const QString pdf = dir.filePath("map.pdf");
    expectRefused({"render", "--out", pdf, "--pagesize", "A4"}, "unknown option --pagesize for gzplan render; did you mean --page?");
    EXPECT_FALSE(QFileInfo::exists(pdf));
    expectRefused({"class", "satellite", "--orbit", "zunyi"}, "unknown option --orbit for gzplan class");
    expectRefused({"render", "--out", pdf, "--lang", "fr"}, "--lang must be one of zh, en; not 'fr'");
    EXPECT_FALSE(QFileInfo::exists(pdf));
    EXPECT_TRUE(QDir(dir.path()).isEmpty());

    // render --lang en is an option of render now, and it works: the legend and view title change language.
    const QString zh = dir.filePath("zh.png"), en = dir.filePath("en.png");
    const auto rz = test::runGzplan({"render", "--view", "county_classes", "--size", "800x600", "--out", zh});
    const auto re = test::runGzplan({"render", "--view", "county_classes", "--size", "800x600", "--out", en, "--lang", "en"});
    ASSERT_EQ(rz.code, 0) << rz.err.toStdString();
    ASSERT_EQ(re.code, 0) << re.err.toStdString();
    EXPECT_TRUE(QImage(zh) != QImage(en)) << "--lang en drew the same map as Chinese";
}

TEST(CommandGrammarCli, MissingValuesStrayArgumentsAndRepeats)
{
    QTemporaryDir dir;
    expectRefused({"render", "--size", "640x480", "--out"}, "--out needs a value");
    expectRefused({"export", "--layer", "counties", "--out"}, "--out needs a value");
    expectRefused({"make-parcels", "--count"}, "--count needs a value");
    expectRefused({"export", "--layer", "counties", "--out", dir.filePath("c.shp"), "--force=yes"}, "--force is a flag and takes no value");
    expectRefused({"render", "--out", dir.filePath("a.png"), "--out", dir.filePath("b.png")}, "--out given twice");
    expectRefused({"county", "盘州", "盘县"}, "too many arguments for gzplan county: unexpected '盘县'");
    expectRefused({"zones", "all"}, "gzplan zones takes no arguments; unexpected 'all'");
    expectRefused({"where", "106.7", "26.6", "27"}, "too many arguments for gzplan where: unexpected '27'");
    expectRefused({"render"}, "--out <file.png|svg|pdf> is required for gzplan render");
    expectRefused({"--view", "classes"}, "unknown view 'classes'", {"GZPLAN_OUTPUT_DIR=" + dir.path()});
    EXPECT_TRUE(QDir(dir.path()).isEmpty());
}

TEST(CommandGrammarCli, HelpListsEveryOptionOfEveryCommand)
{
    const auto general = test::runGzplan({"help"});
    ASSERT_EQ(general.code, 0) << general.err.toStdString();
    for (const app::cli::CommandSpec& c : app::cli::commands()) {
        SCOPED_TRACE(c.title());
        // gzplan <command> --help, gzplan help <command> (the map window: gzplan --help, the general help)
        const auto viaFlag = test::runGzplan(commandWords(c) << "--help");
        ASSERT_EQ(viaFlag.code, 0) << viaFlag.err.toStdString();
        if (!c.name.empty() && c.name != "help") {
            const auto viaHelp = test::runGzplan({"help", QString::fromStdString(c.name)});
            ASSERT_EQ(viaHelp.code, 0) << viaHelp.err.toStdString();
            EXPECT_EQ(viaHelp.out, viaFlag.out);
            EXPECT_TRUE(viaFlag.out.simplified().contains(QString::fromStdString(c.summary).simplified())) << viaFlag.out.toStdString();
        }
        EXPECT_TRUE(general.out.contains("gzplan " + QString::fromStdString(c.name))) << c.name;
        for (const app::cli::OptionSpec& o : c.options) {
            const QString option = "--" + QString::fromStdString(o.name);
            EXPECT_TRUE(viaFlag.out.contains(option)) << option.toStdString() << "\n" << viaFlag.out.toStdString();
            EXPECT_TRUE(general.out.contains(option)) << option.toStdString();
            if (!c.name.empty()) {
                EXPECT_TRUE(viaFlag.out.simplified().contains(QString::fromStdString(o.help).simplified())) << o.help;  // wrapped
            }
        }
        for (const app::cli::OptionSpec& o : app::cli::globalOptions())
            EXPECT_TRUE(viaFlag.out.contains("--" + QString::fromStdString(o.name))) << o.name;
    }
    expectRefused({"help", "frobnicate"}, "help: no command 'frobnicate'");
}
