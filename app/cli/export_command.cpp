#include "cli/export_command.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>

#include "cli/analysis_command.h"
#include "cli/db_command.h"
#include "cli/text_table.h"
#include "geo/projection.h"
#include "layers/export_tables.h"
#include "layers/exporter.h"
#include "layers/plan_query.h"

namespace app::cli {

namespace {
const char* kindName(layers::GeometryKind k)
{
    switch (k) {
    case layers::GeometryKind::Point: return "point";
    case layers::GeometryKind::Line: return "line";
    case layers::GeometryKind::Polygon: return "polygon";
    case layers::GeometryKind::None: return "table";
    }
    return "";
}

/// s as a JSON string, escaped as QJsonDocument writes it (UTF-8 kept as is).
std::string jsonString(const std::string& s)
{
    std::string r = "\"";
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"': r += "\\\""; break;
        case '\\': r += "\\\\"; break;
        case '\b': r += "\\b"; break;
        case '\f': r += "\\f"; break;
        case '\n': r += "\\n"; break;
        case '\r': r += "\\r"; break;
        case '\t': r += "\\t"; break;
        default:
            if (c < 0x20) {
                char u[8];
                std::snprintf(u, sizeof u, "\\u%04x", c);
                r += u;
            } else {
                r += ch;
            }
        }
    }
    return r + "\"";
}

}  // namespace

int exportMain(const CommandLine& args)
{
    if (args.command == "db")
        return dbCommand(args, std::cout, std::cerr);
    if (isAnalysisCommand(args.command))
        return analysisCommand(args, std::cout, std::cerr);
    return args.command == "layers" ? layersCommand(args, std::cout, std::cerr) : exportCommand(args, std::cout, std::cerr);
}

void exitNow(int code)
{
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    std::_Exit(code);
}

int layersCommand(const CommandLine& args, std::ostream& out, std::ostream& err)
{
    std::vector<layers::ExportTable> tables;
    try {
        tables = layers::loadExportTables(args.dataLocation(), {}, false);  // counts only: no polygons
    } catch (const std::exception& e) {
        err << "gzplan: " << e.what() << "\n";
        return 1;
    }
    if (args.flag("json")) {
        // The layout of QJsonDocument::toJson(): four-space indent, keys in alphabetical order.
        out << "[\n";
        for (std::size_t i = 0; i < tables.size(); ++i) {
            const auto& t = tables[i];
            out << "    {\n"
                << "        \"features\": " << t.features.size() << ",\n"
                << "        \"fields\": " << t.fields.size() << ",\n"
                << "        \"geometry\": " << jsonString(kindName(t.kind)) << ",\n"
                << "        \"id\": " << jsonString(t.id) << ",\n"
                << "        \"title\": " << jsonString(t.title) << "\n"
                << "    }" << (i + 1 < tables.size() ? "," : "") << "\n";
        }
        out << "]\n";
        return 0;
    }
    TextTable table({"layer", "title", "geometry", "features", "fields"});
    for (const auto& t : tables)
        table.add({t.id, t.title, kindName(t.kind), std::to_string(t.features.size()), std::to_string(t.fields.size())});
    table.print(out);
    out << "export: gzplan export --layer <id|all> --format <" ;
    for (std::size_t i = 0; i < layers::exportFormats().size(); ++i)
        out << (i ? "|" : "") << layers::exportFormats()[i];
    out << "> --crs <code> [--encoding UTF-8|GBK] --out <path> [--force]\n"
           "any vector file: gzplan export --source <file> [--source-layer <name>] --format <…> --out <path>\n";
    return 0;
}

int exportCommand(const CommandLine& args, std::ostream& out, std::ostream& err)
{
    const std::string layer = args.value("layer");
    const std::string path = args.value("out");
    const std::optional<std::string> source = args.has("source") ? std::optional(args.value("source")) : std::nullopt;
    const std::string sourceLayer = args.value("source-layer");
    if ((layer.empty() == !source.has_value()) || path.empty() || (source && source->empty())) {
        err << "gzplan export: give either --layer or --source (not both), and --out\nusage: " << synopsis(*args.spec) << "\n";
        for (const std::string& note : args.spec->notes)
            err << note << "\n";
        return 2;
    }
    std::vector<std::string> ids;
    if (!source && layer != "all") {
        // By id or by its Chinese title (县级行政区及县城分类 → counties); else the nearest id and every layer.
        const auto& known = layers::exportLayers();
        const auto named = std::find_if(known.begin(), known.end(), [&](const layers::ExportLayerInfo& l) { return l.id == layer || l.title == layer; });
        if (named == known.end()) {
            const auto nearest = std::min_element(known.begin(), known.end(), [&](const auto& a, const auto& b) {
                return layers::editDistance(layer, a.id) < layers::editDistance(layer, b.id);
            });
            err << "gzplan export: no layer '" << layer << "'";
            if (layers::editDistance(layer, nearest->id) <= std::max<std::size_t>(2, layer.size() / 3))
                err << "; did you mean " << nearest->id << "?";
            err << " layers:";
            for (const auto& l : known)
                err << " " << l.id << " (" << l.title << ")";
            err << " all\n";
            return 2;
        }
        ids.push_back(named->id);
    }
    std::vector<layers::ExportTable> tables;
    if (!source) {
        try {
            tables = layers::loadExportTables(args.dataLocation(), ids);
        } catch (const std::exception& e) {
            err << "gzplan: " << e.what() << "\n";
            return 1;
        }
    }
    std::vector<const layers::ExportTable*> chosen;
    for (const auto& t : tables)
        chosen.push_back(&t);
    layers::ExportOptions options;
    options.format = args.value("format", "shp");
    options.crs = geo::crs::normalised(args.value("crs", source ? "" : "EPSG:4490"));  // a source keeps its CRS unless told
    options.encoding = args.value("encoding", "UTF-8");  // spelled as the grammar allows it
    options.csvGeometry = args.value("csv-geometry", "wkt");
    options.force = args.flag("force");
    options.skipBad = args.flag("skip-bad");
    options.anyCrs = args.flag("any-crs");
    if (options.encoding == "UTF8")
        options.encoding = "UTF-8";
    if (options.format == "kml" && !options.crs.empty() && options.crs != "EPSG:4326" && options.crs != "EPSG:4490")
        err << "gzplan export: note: KML is always WGS 84 lon/lat; --crs " << options.crs << " is ignored for the coordinates\n";

    // Ctrl+C / SIGTERM: the export stops within 50 ms at its next check (exit 130); inside one call that cannot
    // be interrupted, the watchdog removes the temporary folder and ends the process 100 ms after the signal.
    layers::installCancelSignals();
    const bool bar = isatty(STDERR_FILENO) && !args.flag("quiet");
    int lastShown = -1;
    auto progress = [&](double done, const std::string& what) {
        const int percent = static_cast<int>(done * 100);
        if (bar && percent != lastShown) {
            lastShown = percent;
            const int filled = percent / 4;
            err << "\r[" << std::string(static_cast<std::size_t>(filled), '#') << std::string(static_cast<std::size_t>(25 - filled), ' ') << "] "
                << percent << "% " << what << "        " << std::flush;
        }
        return !layers::cancelRequested();
    };
    try {
        const layers::ExportReport report =
            source ? layers::exportSource(*source, sourceLayer, path, options, progress) : layers::exportTables(chosen, path, options, progress);
        if (bar)
            err << "\n";
        if (layers::cancelRequested())
            err << "gzplan export: the cancel came after the files were in place; the export is complete\n";
        for (const auto& w : report.warnings)
            err << "gzplan export: warning: " << w << "\n";
        out << report.features << " features of " << (source ? 1 : chosen.size()) << " layer(s) in " << options.format << ", "
            << (options.crs.empty() ? std::string("the source's CRS") : options.crs)
            << (options.format == "shp" ? ", text " + options.encoding : std::string()) << ":\n";
        for (const auto& f : report.files)
            out << "  " << f.string() << "\n";
        return 0;
    } catch (const std::exception& e) {
        if (bar)
            err << "\n";
        err << "gzplan export: " << e.what() << "\n";
        return layers::cancelRequested() ? 130 : 1;
    }
}

}  // namespace app::cli
