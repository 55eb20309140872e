#include "cli/command_line.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <ostream>
#include <sstream>

#include "layers/exporter.h"
#include "layers/plan_query.h"  // editDistance

namespace app::cli {

namespace {

OptionSpec flag(std::string name, std::string help) { return {std::move(name), {}, std::move(help), {}, false, false}; }
OptionSpec option(std::string name, std::string value, std::string help, std::vector<std::string> allowed = {})
{
    return {std::move(name), std::move(value), std::move(help), std::move(allowed), false, false};
}
OptionSpec required(OptionSpec o)
{
    o.required = true;
    return o;
}
OptionSpec repeatable(OptionSpec o)
{
    o.repeatable = true;
    return o;
}
const OptionSpec kJson = flag("json", "print JSON instead of a table");
const OptionSpec kProject = option("project", "file.gzproj",
                                   "a saved project (文件 → 保存项目): its user layers, view, map extent, selection and language");
const OptionSpec kStyle = option("style", "file.json", "draw with this style file (a changed copy of share/styles/default.json)");

std::vector<CommandSpec> makeCommands()
{
    const std::string viewIds = "overview (default), county_classes, one_cluster_three_belts, one_core_three_centres, transport, progress";
    const std::string addHelp = "a user layer: any vector file GDAL reads (GeoPackage, Shapefile, GeoJSON, FlatGeobuf); repeat for more";
    return {
        {"",
         "open the map window; without a display, render the province overview to a PNG ($GZPLAN_OUTPUT_DIR)",
         {},
         {option("view", "id", "open on this view: " + viewIds),
          option("find", "name",
                 "search as the search box does: a county, prefecture, class, zone, central city, corridor or place by "
                 "name, short or old name, code or id"),
          option("lang", "zh|en", "the window's language (default zh)", {"zh", "en"}), repeatable(option("add", "vector file", addHelp)),
          flag("headless", "render the overview to a PNG even when a display is there"), kStyle, kProject},
         {},
         false},
        {"summary", "what is loaded: counties, layers, sources", {}, {}, {}, false},
        {"county",
         "classes, zones, central city, places, plan statements, relations and targets of a county",
         {{"name|code", "full, short or old name, today's or old code: 盘州市, 盘州, 盘县, 520281"}},
         {kJson},
         {},
         false},
        {"class",
         "members of a county-seat class",
         {{"id", "regional_pivot, node_city, satellite, specialized, agricultural, ecological"}},
         {kJson},
         {},
         false},
        {"classes", "every class with its members and an overlap matrix", {}, {kJson}, {}, false},
        {"zone", "a layout zone with its members, functions, plan statements, relations and targets", {{"id", "a zone id (gzplan zones lists them)"}}, {kJson}, {}, false},
        {"zones", "every layout zone with its members", {}, {kJson}, {}, false},
        {"targets",
         "plan targets",
         {},
         {option("scope", "kind[:id]", "only the targets of this scope; kind: province, zone, city, county, place, corridor"), kJson},
         {},
         false},
        {"crs",
         "crs suggest: the CGCS2000 3° Gauss-Krüger zone for the province, a place or an extent, and its distortion",
         {{"suggest", "the one action"}, {"name", "a county, prefecture, zone or central city, by any name (default: the province)"}},
         {option("extent", "minLon,minLat,maxLon,maxLat", "instead of a name: this box (CGCS2000 degrees)"), kJson},
         {},
         false},
        {"where",
         "the county containing a point",
         {{"lon", "longitude (CGCS2000 degrees), or easting in --crs"}, {"lat", "latitude (CGCS2000 degrees), or northing in --crs"}},
         {option("crs", "EPSG:xxxx", "the CRS of the coordinates (default EPSG:4490, CGCS2000 lon/lat)"), kJson},
         {},
         false},
        {"check",
         "validate the plan tables against the geography and the document texts",
         {},
         {option("plan", "folder", "the plan tables to check (default <share>/plan)"), kJson},
         {},
         false},
        {"layers", "the layers that can be exported", {}, {kJson}, {}, true},
        {"db",
         "the shared PostGIS store: init (load the GeoPackage into a schema), upgrade, dump (back to a GeoPackage), check, overview (of a big layer)",
         {{"action", "init, upgrade, dump, check or overview"}},
         {option("to", "PG:…|file.gpkg", "init: the database to load into (PG:dbname=… host=…); dump: the GeoPackage to write"),
          option("layer", "schema.table", "overview: the big table of --data PG:… to make overviews of (per grid cell, for views of the province)"),
          option("style-field", "field", "overview: the field whose value each cell keeps (default landuse, 地类, dlmc…)"),
          flag("force", "dump: replace an existing GeoPackage"), kJson},
         {"init reads --data (default the build's GeoPackage) and makes the schema --schema (default gzplan) in one transaction; "
          "upgrade, dump and check read --data PG:… --schema. Connection strings, PGSERVICE (pg_service.conf), .pgpass and the PG* "
          "variables work as in psql; passwords are never printed."},
         true},
        {"export",
         "export layers through GDAL (shapefiles with .cpg, .prj and a field sidecar)",
         {},
         {option("layer", "id|all", "a plan layer (gzplan layers lists them) or all of them"),
          option("source", "vector file", "instead of --layer: any vector layer GDAL reads, streamed (e.g. 1M parcels)"),
          option("source-layer", "name", "the layer of --source (default its first)"),
          option("format", "", "the file format (default shp)", layers::exportFormats()),
          option("crs", "code", "the CRS to write: EPSG:n, a bare n, or a PROJ string (default EPSG:4490 for plan layers; a --source keeps its own)"),
          flag("any-crs", "write in --crs even where its area of use misses the data"),
          option("encoding", "UTF-8|GBK", "shapefile text encoding (default UTF-8)", {"UTF-8", "UTF8", "GBK"}),
          option("csv-geometry", "wkt|xy", "csv geometry: a WKT column or X/Y columns for points (default wkt)", {"wkt", "xy"}),
          required(option("out", "path", "the file, or the folder for several layers, to write")), flag("force", "replace existing files"),
          flag("skip-bad", "leave out features that cannot be read whole, counted (default: refuse the file)"),
          flag("quiet", "no progress bar")},
         {"Either --layer (the plan's layers): gzplan export --layer <id|all> --format <…> --out <path>",
          "or --source (any vector file):      gzplan export --source <vector file> [--source-layer <name>] --format <…> --out <path>"},
         true},
        {"render",
         "render a map to PNG, SVG or PDF (at most 100 megapixels: sides 16…20000 px, at most 20:1)",
         {},
         {required(option("out", "file.png|svg|pdf", "the map file to write")), option("view", "id", "the view: " + viewIds),
          option("size", "WxH", "pixels (default 1600x1200)"), option("page", "A4|A3", "a landscape page at --dpi instead of --size", {"A4", "A3"}),
          option("dpi", "24…1200", "resolution (default 96; 150 with --page)"), flag("no-labels", "leave out the labels"),
          option("crs", "code", "the display CRS (default Albers; e.g. EPSG:4545 or 4545 for Gauss-Kruger 108°E)"),
          flag("any-crs", "draw in --crs even where its area of use misses Guizhou"),
          option("lang", "zh|en", "the language of the legend and view titles (default zh)", {"zh", "en"}),
          repeatable(option("add", "vector file", addHelp + "; drawn over the county fills and under the plan, coloured by its land-use field")),
          flag("add-above", "draw the --add layers above the plan's overlays (zones, class hatching, lines, places)"),
          option("style-field", "field", "colour --add features by this field"),
          option("extent", "minLon,minLat,maxLon,maxLat", "show this box (CGCS2000 degrees) whole"),
          flag("plain", "leave out title and legend"), flag("timing", "report the drawing and writing times"), kStyle, kProject,
          option("indicator", "text", "--view progress: map one indicator across scopes as actual / target (e.g. 城区常住人口; equal, or contained in the indicator)"),
          option("year", "Y", "--view progress: the statuses with figures for years up to Y (default: every figure)"),
          flag("force", "replace an existing file"),
          flag("skip-bad", "leave out features of --add files that cannot be read whole, counted (default: refuse the file)")},
         {},
         false},
        {"actuals",
         "actual figures against the targets (实际数据): template, import, list, history, set, undo",
         {{"action", "template | import | list | history | set | undo"},
          {"arg", "import: the filled file; set: a target id; history: a target id (optional); undo: a change id (default: the latest)"},
          {"value", "set: the figure"}},
         {option("out", "file.csv|xlsx", "template: the file to write"), flag("force", "template: replace an existing --out"),
          option("year", "Y", "template, list: the targets (figures) of this year; set: the year of the figure (default: the target's)"),
          option("scope", "kind[:id]", "template, list: only the targets of this scope; kind: province, zone, city, county, place, corridor"),
          option("sheet", "name", "import: the XLSX sheet (default: the only one, or actuals)"),
          flag("skip-bad", "import: enter the good rows and list the others (default: one bad row rejects the file)"),
          option("rejected", "file.csv", "import --skip-bad: also write the rows not entered, with why, to this CSV"),
          option("encoding", "UTF-8|GBK", "import: the CSV's encoding (default UTF-8; a GBK file is refused without it)"),
          option("by", "name", "import, set, undo: who enters (default $USER)"), option("unit", "unit", "set: the figure's unit (default the target's)"),
          option("date", "YYYY[-MM[-DD]]", "set: the date of the figure (the latest counts)"),
          option("source", "text", "set: where the figure comes from (贵州统计年鉴2024 表3-5)"),
          option("measure", "kind", "set: value (default), annual or level (share/monitoring/README.md)", {"value", "annual", "level"}),
          option("note", "text", "set: a note"),
          option("expect-change", "N", "set: the change of the figure you saw (0: none); refused if another change made the one that counts since"),
          kJson},
         {"gzplan actuals template --out figures.xlsx [--year 2025] [--scope city]",
          "gzplan actuals import figures.xlsx [--sheet S] [--skip-bad [--rejected bad.csv]] [--encoding GBK]",
          "gzplan actuals set t001 57.2 --year 2023 --date 2024-03 --source \"贵州统计年鉴2024 表3-5\" [--unit %] [--measure value] [--expect-change 5]",
          "gzplan actuals list|history [t001]|undo [change] [--json]",
          "The store: --actuals (a GeoPackage, or PG:… with --schema), else $GZPLAN_ACTUALS, else ~/.local/share/gzplan/actuals.gpkg; the rules: share/monitoring/README.md"},
         false},
        {"progress",
         "the status of every target from the actual figures: met, not met, on track, behind, no figure, undetermined",
         {},
         {option("scope", "kind[:id]", "only the targets of this scope; kind: province, zone, city, county, place, corridor"),
          option("year", "Y", "only figures up to this year (a later target: on track or behind)"),
          option("status", "id", "only targets with this status", {"met", "not_met", "on_track", "behind", "no_figure", "undetermined"}),
          kJson},
         {"Each status comes with the rule that decided it and its inputs (share/monitoring/README.md)."},
         false},
        {"report",
         "the evaluation report: the targets' statuses (as gzplan progress) by chapter and scope, a page with a map per "
         "central city and layout, every target with its actual, rule, source and clause, charts",
         {},
         {required(option("out", "file.pdf|html|xlsx", "the report to write: PDF (A4), one self-contained HTML file, or XLSX (sheets summary, by_chapter, by_scope, targets)")),
          option("year", "YYYY", "the statuses as of this year: only figures for years up to it (default: every figure)"),
          option("scope", "kind[:id]", "only the targets of this scope; kind: province, zone, city, county, place, corridor"),
          option("lang", "zh|en", "the report's language (default zh)", {"zh", "en"}), flag("force", "replace an existing file"),
          flag("timing", "report the time spent on maps, charts and writing")},
         {"The figures: the store of --actuals, else $GZPLAN_ACTUALS, else ~/.local/share/gzplan/actuals.gpkg; the statuses are gzplan progress's."},
         false},
        {"stats",
         "a layer measured by plan unit: count, area, length, sum or mean by county, prefecture, class, zone, central city "
         "or within a distance of each corridor, features cut exactly at the units' boundaries",
         {},
         {required(option("layer", "vector file", "the layer to measure: any vector file GDAL reads")),
          option("source-layer", "name", "the layer inside the file (default its first)"),
          required(option("by", "kind[,kind…]", "county, prefecture, class, zone, central_city or corridor:<distance> (corridor:10km); several, comma-separated, are measured in one reading")),
          option("group-field", "field", "also group by this field (地类, landuse)"),
          option("measure", "count|area|length|sum:FIELD|mean:FIELD", "what to add up (default count)"),
          option("where", "expression", "only features matching it, in GDAL's SQL dialect: landuse = '林地' AND area_m2 > 10000"),
          option("layer-crs", "code", "the CRS of a layer that declares none (EPSG:4490); a layer without one is refused"),
          option("out", "file.csv|xlsx", "write the table to CSV (UTF-8 with BOM) or XLSX"), flag("force", "replace an existing file"),
          kJson},
         {"Areas: square metres on the GRS80 ellipsoid (as the Albers equal-area projection gives them); lengths: metres along geodesics. Features are cut at unit boundaries in lon/lat with GEOS. Counts, sums and "
          "means assign each feature whole by its inside point. A county in several classes counts in each; the totals give the "
          "layer, what lies outside Guizhou and, by class, any class counted once."},
         true},
        {"select",
         "features of a layer by expression and by location against plan units",
         {},
         {required(option("layer", "vector file", "the layer to select from")),
          option("source-layer", "name", "the layer inside the file (default its first)"),
          option("where", "expression", "an attribute filter in GDAL's SQL dialect: landuse = '林地' AND area_m2 > 10000"),
          repeatable(option("within", "unit", "the feature's inside point lies in this unit: county:盘州, class:satellite, zone:贵安新区, prefecture:遵义, central_city:遵义")),
          repeatable(option("intersects", "unit", "the feature intersects this unit")),
          repeatable(option("near", "corridor:distance", "within a distance of a corridor or belt's line: belt_shanghai_kunming:10km")),
          option("layer-crs", "code", "the CRS of a layer that declares none (EPSG:4490)"),
          option("out", "file.gpkg|shp|geojson|csv", "write the selected features (every field)"), flag("force", "replace an existing file"),
          flag("count-only", "print only how many features are selected (make-parcels' --count takes a number)"), kJson},
         {"Give --out, --count-only or --json. Distances are measured in the Albers equal-area projection, in metres."},
         true},
        {"annotate",
         "a layer with the plan added to each feature: county code and name, prefecture, classes, zones, central city",
         {},
         {required(option("layer", "vector file", "the layer to annotate")),
          option("source-layer", "name", "the layer inside the file (default its first)"),
          option("where", "expression", "only features matching it"),
          option("layer-crs", "code", "the CRS of a layer that declares none (EPSG:4490)"),
          required(option("out", "file.gpkg", "the annotated copy (a GeoPackage)")),
          flag("split", "cut features at county boundaries: one feature per part, with its area or length"),
          flag("force", "replace an existing file")},
         {"Without --split each feature is placed by its inside point (GEOS PointOnSurface)."},
         true},
        {"join",
         "a table (CSV or XLSX) joined to the counties by a column of codes or names, to map any county statistic",
         {},
         {required(option("table", "file.csv|xlsx", "the table to join")),
          required(option("key", "column", "the column with county codes or names (full, short, old names and codes resolve)")),
          option("sheet", "name", "the XLSX sheet (default the first)"),
          option("encoding", "UTF-8|GBK", "CSV text encoding (default UTF-8)", {"UTF-8", "UTF8", "GBK"}),
          option("out", "file.gpkg|shp|geojson|csv|xlsx", "the counties with the table's columns"), flag("force", "replace an existing file"),
          kJson},
         {"Rows that name no county, or a county twice, are listed; counties no row names are listed."},
         true},
        {"make-parcels",
         "a synthetic land-use parcel layer for performance work: a jittered grid cut at the county boundaries",
         {},
         {required(option("out", "file.gpkg", "the GeoPackage to write (layer 'parcels')")),
          option("count", "N", "about N features (default 1037200; step 0.004° × sqrt(1037200 / N))"),
          option("seed", "S", "the jitter and land-use seed, 0…4294967295 (default 1)"), flag("force", "replace an existing file"),
          flag("quiet", "no progress")},
         {},
         false},
        {"help", "this text, or the options of one command", {{"command", "the command to explain"}}, {}, {}, true},
    };
}

std::string lower(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string joined(const std::vector<std::string>& words, const char* separator)
{
    std::string s;
    for (const std::string& w : words)
        s += (s.empty() ? "" : separator) + w;
    return s;
}

/// The placeholder of an option's value in help: its own words, or the allowed values.
std::string valueWords(const OptionSpec& o) { return o.value.empty() ? joined(o.allowed, "|") : o.value; }

std::string optionSynopsis(const OptionSpec& o)
{
    std::string s = "--" + o.name;
    if (o.takesValue())
        s += " <" + valueWords(o) + ">";
    if (o.repeatable)
        s += " …";
    return o.required ? s : "[" + s + "]";
}

/// Whether name takes a value in any command (to find the command when options come before it). The grammar keeps
/// each option name either a flag everywhere or a value everywhere (a unit test checks it).
bool takesValueAnywhere(std::string_view name)
{
    for (const OptionSpec& o : globalOptions())
        if (o.name == name)
            return o.takesValue();
    for (const CommandSpec& c : commands())
        for (const OptionSpec& o : c.options)
            if (o.name == name)
                return o.takesValue();
    return false;
}

/// What the user gave for an unknown option: the nearest option of the command, the commands it belongs to, or the
/// command's options.
std::string unknownOption(const CommandSpec& command, const std::string& name)
{
    std::string message = "unknown option --" + name + " for " + command.title();
    std::vector<const OptionSpec*> known;
    for (const OptionSpec& o : command.options)
        known.push_back(&o);
    for (const OptionSpec& o : globalOptions())
        known.push_back(&o);
    const OptionSpec* best = nullptr;
    std::size_t bestDistance = 0, bestPrefix = 0;
    for (const OptionSpec* o : known) {
        const std::size_t d = layers::editDistance(name, o->name);
        std::size_t prefix = 0;
        while (prefix < name.size() && prefix < o->name.size() && name[prefix] == o->name[prefix])
            ++prefix;
        if (!best || d < bestDistance || (d == bestDistance && prefix > bestPrefix)) {
            best = o;
            bestDistance = d;
            bestPrefix = prefix;
        }
    }
    // Close enough to be a slip: a third of the letters wrong, or one name starting with the other (--pagesize).
    const bool close = best && (bestDistance <= std::max<std::size_t>(1, name.size() / 3) ||
                                (bestPrefix >= 3 && (bestPrefix == best->name.size() || bestPrefix == name.size())));
    if (close)
        return message + "; did you mean --" + best->name + "?";
    std::vector<std::string> owners;
    for (const CommandSpec& c : commands())
        if (&c != &command && std::any_of(c.options.begin(), c.options.end(), [&](const OptionSpec& o) { return o.name == name; }))
            owners.push_back(c.title());
    if (!owners.empty())
        message += " (--" + name + " is an option of " + joined(owners, ", ") + ")";
    std::vector<std::string> names;
    for (const OptionSpec* o : known)
        names.push_back("--" + o->name);
    return message + "; its options: " + joined(names, ", ");
}

std::string seeHelp(const CommandSpec& command)
{
    return command.name.empty() ? std::string(" (gzplan help lists every command's options)")
                                : " (gzplan " + command.name + " --help lists its options)";
}

/// Columns taken by UTF-8 text (one a character; the help's Chinese examples are few).
std::size_t columns(std::string_view s)
{
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

/// Joins words into lines of at most width columns; continuation lines are indented by indent.
std::string wrapped(const std::vector<std::string>& words, std::size_t indent, std::size_t width)
{
    std::string text, line;
    for (const std::string& w : words) {
        if (!line.empty() && line.back() != ' ' && columns(std::string_view(line).substr(line.rfind('\n') + 1)) + 1 + columns(w) > width) {
            text += line + "\n";
            line = std::string(indent, ' ');
        }
        line += (line.empty() || line.back() == ' ' ? "" : " ") + w;
    }
    return text + line;
}

std::vector<std::string> words(const std::string& text)
{
    std::vector<std::string> w;
    std::istringstream in(text);
    for (std::string word; in >> word;)
        w.push_back(word);
    return w;
}

}  // namespace

const std::vector<CommandSpec>& commands()
{
    static const std::vector<CommandSpec> kCommands = makeCommands();
    return kCommands;
}

const std::vector<OptionSpec>& globalOptions()
{
    static const std::vector<OptionSpec> kGlobal{
        option("data", "guizhou.gpkg|PG:…", "the GeoPackage or PostgreSQL database to read (PG:dbname=… host=…, PG:service=…; default $GZPLAN_DATA, else the build's GeoPackage)"),
        option("schema", "name", "the PostGIS schema of --data PG:… or --actuals PG:… (default $GZPLAN_SCHEMA, else gzplan)"),
        option("share", "folder", "the share/ folder: styles, plan tables, documents (default $GZPLAN_SHARE, else the source tree's)"),
        option("actuals", "store.gpkg",
               "the actual figures' store (default $GZPLAN_ACTUALS, else ~/.local/share/gzplan/actuals.gpkg; made by the first import)"),
        flag("help", "this help (also -h)"),
    };
    return kGlobal;
}

const CommandSpec* findCommand(std::string_view name)
{
    for (const CommandSpec& c : commands())
        if (c.name == name)
            return &c;
    return nullptr;
}

const OptionSpec* CommandSpec::option(std::string_view name) const
{
    for (const OptionSpec& o : options)
        if (o.name == name)
            return &o;
    for (const OptionSpec& o : globalOptions())
        if (o.name == name)
            return &o;
    return nullptr;
}

std::string CommandSpec::title() const { return name.empty() ? std::string("gzplan (the map window)") : "gzplan " + name; }

CommandLine CommandLine::parse(int argc, char** argv)
{
    // First the command: the first word that is neither an option nor the value of one.
    int commandAt = -1;
    bool help = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--")
            break;
        if (arg == "-h" || arg == "--help") {
            help = true;
        } else if (arg.starts_with("--")) {
            const std::string_view name = arg.substr(2);
            if (name.find('=') == std::string_view::npos && takesValueAnywhere(name) && i + 1 < argc)
                ++i;
        } else if (commandAt < 0) {
            commandAt = i;
        }
    }
    CommandLine c;
    c.command = commandAt < 0 ? std::string() : std::string(argv[commandAt]);
    c.spec = findCommand(c.command);
    if (!c.spec) {
        std::vector<std::string> names;
        std::string nearest;
        std::size_t nearestDistance = 0;
        for (const CommandSpec& s : commands()) {
            if (s.name.empty())
                continue;
            names.push_back(s.name);
            const std::size_t d = layers::editDistance(c.command, s.name);
            if (nearest.empty() || d < nearestDistance) {
                nearest = s.name;
                nearestDistance = d;
            }
        }
        std::string message = "unknown command '" + c.command + "'";
        if (nearestDistance <= std::max<std::size_t>(1, c.command.size() / 3))
            message += "; did you mean " + nearest + "?";
        throw UsageError(message + " (commands: " + joined(names, ", ") + "; gzplan help explains them)");
    }
    const CommandSpec& spec = *c.spec;
    c.help = help || spec.name == "help";
    if (help)
        return c;  // the command's help: nothing else is checked

    bool optionsEnd = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (i == commandAt)
            continue;
        if (!optionsEnd && arg == "--") {
            optionsEnd = true;
            continue;
        }
        if (optionsEnd || !arg.starts_with("--")) {
            if (c.positional.size() >= spec.positional.size()) {
                if (spec.positional.empty())
                    throw UsageError(spec.title() + " takes no arguments; unexpected '" + arg + "'" + seeHelp(spec));
                std::vector<std::string> names;
                for (const PositionalSpec& p : spec.positional)
                    names.push_back("<" + p.name + ">");
                throw UsageError("too many arguments for " + spec.title() + ": unexpected '" + arg + "'; it takes " + joined(names, " ") +
                                 seeHelp(spec));
            }
            c.positional.push_back(arg);
            continue;
        }
        std::string name = arg.substr(2);
        std::optional<std::string> value;
        if (const std::size_t eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name.resize(eq);
        }
        const OptionSpec* o = spec.option(name);
        if (!o)
            throw UsageError(unknownOption(spec, name));
        if (!o->takesValue()) {
            if (value)
                throw UsageError("--" + name + " is a flag and takes no value (given --" + name + "=" + *value + ")");
            if (c.flags.contains(name))
                throw UsageError("--" + name + " given twice");
            c.flags.insert(name);
            continue;
        }
        if (!value) {
            // The next word is the value, unless there is none or it is another option.
            if (i + 1 >= argc || std::string_view(argv[i + 1]).starts_with("--"))
                throw UsageError("--" + name + " needs a value: --" + name + " <" + valueWords(*o) + ">");
            value = argv[++i];
        }
        if (!o->allowed.empty()) {
            const auto match = std::find_if(o->allowed.begin(), o->allowed.end(), [&](const std::string& a) { return lower(a) == lower(*value); });
            if (match == o->allowed.end())
                throw UsageError("--" + name + " must be one of " + joined(o->allowed, ", ") + "; not '" + *value + "'");
            value = *match;
        }
        std::vector<std::string>& given = c.values[name];
        if (!given.empty() && !o->repeatable)
            throw UsageError("--" + name + " given twice ('" + given.front() + "', '" + *value + "'); " + spec.title() + " takes one");
        given.push_back(*value);
    }
    for (const OptionSpec& o : spec.options)
        if (o.required && c.value(o.name).empty())
            throw UsageError("--" + o.name + " <" + valueWords(o) + "> is required for " + spec.title() + seeHelp(spec));
    return c;
}

std::string CommandLine::value(std::string_view name, std::string fallback) const
{
    const auto it = values.find(name);
    return it == values.end() || it->second.empty() ? std::move(fallback) : it->second.back();
}

std::vector<std::string> CommandLine::all(std::string_view name) const
{
    const auto it = values.find(name);
    return it == values.end() ? std::vector<std::string>() : it->second;
}

std::string CommandLine::dataPath() const
{
    const char* env = std::getenv("GZPLAN_DATA");
    return value("data", env ? env : GZPLAN_DEFAULT_DATA);
}

layers::DataLocation CommandLine::dataLocation() const
{
    const std::string data = dataPath();
    // --schema names the schema of whichever location is on PostgreSQL: with a GeoPackage plan and the figures'
    // store on PostgreSQL (--actuals PG:…) it is the store's
    const bool pgData = data.rfind("PG:", 0) == 0;
    if (has("schema") && (pgData || !has("actuals") || value("actuals").rfind("PG:", 0) != 0))
        return layers::DataLocation(data, value("schema"));
    const char* env = std::getenv("GZPLAN_SCHEMA");
    return layers::DataLocation(data, pgData && env ? env : "");
}

std::string synopsis(const CommandSpec& command)
{
    std::vector<std::string> words{"gzplan"};
    if (!command.name.empty())
        words.push_back(command.name);
    for (const PositionalSpec& p : command.positional)
        words.push_back(command.name == "help" ? "[<" + p.name + ">]" : "<" + p.name + ">");
    for (const OptionSpec& o : command.options)
        words.push_back(optionSynopsis(o));
    return wrapped(words, 8, 110);  // "[--name <value>]" kept together
}

std::string commandHelp(const CommandSpec& command)
{
    std::ostringstream s;
    s << "usage: " << synopsis(command) << "\n\n" << command.summary << "\n";
    for (const std::string& note : command.notes)
        s << note << "\n";
    std::size_t width = 0;
    auto label = [](const OptionSpec& o) { return "--" + o.name + (o.takesValue() ? " <" + valueWords(o) + ">" : std::string()); };
    for (const PositionalSpec& p : command.positional)
        width = std::max(width, columns(p.name) + 2);
    for (const OptionSpec& o : command.options)
        width = std::max(width, columns(label(o)));
    for (const OptionSpec& o : globalOptions())
        width = std::max(width, columns(label(o)));
    width = std::min<std::size_t>(width, 30);
    auto row = [&](const std::string& name, const std::string& help) {
        // A name too long for the column gets a line of its own.
        const std::string head = "  " + name + (columns(name) <= width ? std::string(width - columns(name), ' ') : "\n" + std::string(width + 2, ' ')) + "  ";
        std::vector<std::string> line{head};
        for (std::string& w : words(help))
            line.push_back(std::move(w));
        s << wrapped(line, width + 4, 110) << "\n";
    };
    if (!command.positional.empty()) {
        s << "\narguments:\n";
        for (const PositionalSpec& p : command.positional)
            row("<" + p.name + ">", p.help);
    }
    if (!command.options.empty()) {
        s << "\noptions:\n";
        for (const OptionSpec& o : command.options)
            row(label(o), o.help + (o.required ? " (required)" : "") + (o.repeatable ? " (may be repeated)" : ""));
    }
    s << "\nglobal options:\n";
    for (const OptionSpec& o : globalOptions())
        row(label(o), o.help);
    return s.str();
}

std::string generalHelp()
{
    std::ostringstream s;
    s << "usage: gzplan [--data <guizhou.gpkg>] [--share <folder>] [<command>] [<arguments>] [<options>]\n\n";
    for (const CommandSpec& c : commands())
        s << "  " << synopsis(c) << "\n      " << c.summary << "\n";
    s << "\nglobal options (every command):\n";
    for (const OptionSpec& o : globalOptions())
        s << "  " << optionSynopsis(o) << "  " << o.help << "\n";
    s << "\ngzplan <command> --help (or gzplan help <command>) explains a command's options.\n"
         "Environment: GZPLAN_DATA (GeoPackage or PG:…), GZPLAN_SCHEMA (its PostGIS schema), GZPLAN_SHARE (share/ folder), GZPLAN_OUTPUT_DIR (headless overview PNG).\n";
    return s.str();
}

std::optional<int> readCommandLine(int argc, char** argv, CommandLine& line, std::ostream& out, std::ostream& err)
{
    try {
        line = CommandLine::parse(argc, argv);
    } catch (const UsageError& e) {
        err << "gzplan: " << e.what() << "\n";
        return 2;
    }
    if (!line.help)
        return std::nullopt;
    if (line.command == "help" && !line.positional.empty()) {
        const CommandSpec* asked = findCommand(line.positional.front());
        if (!asked || asked->name.empty() || asked->name == "help") {
            err << "gzplan: help: no command '" << line.positional.front() << "'\n" << generalHelp();
            return 2;
        }
        out << commandHelp(*asked);
    } else if (line.command.empty() || line.command == "help") {
        out << generalHelp();
    } else {
        out << commandHelp(*line.spec);
    }
    return 0;
}

}  // namespace app::cli
