#include "cli/export_command.h"

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <iostream>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "cli/text_table.h"
#include "layers/exporter.h"

namespace app::cli {

namespace {
std::atomic<bool> g_interrupted{false};
extern "C" void onInterrupt(int) { g_interrupted = true; }

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
}  // namespace

int layersCommand(const std::vector<layers::ExportTable>& tables, const Arguments& args, std::ostream& out)
{
    if (args.flag("json")) {
        QJsonArray a;
        for (const auto& t : tables)
            a.append(QJsonObject{{"id", QString::fromStdString(t.id)}, {"title", QString::fromStdString(t.title)}, {"geometry", kindName(t.kind)},
                                 {"features", static_cast<int>(t.features.size())}, {"fields", static_cast<int>(t.fields.size())}});
        out << QJsonDocument(a).toJson().toStdString();
        return 0;
    }
    TextTable table({"layer", "title", "geometry", "features", "fields"});
    for (const auto& t : tables)
        table.add({t.id, t.title, kindName(t.kind), std::to_string(t.features.size()), std::to_string(t.fields.size())});
    table.print(out);
    out << "export: gzplan export --layer <id|all> --format <" ;
    for (std::size_t i = 0; i < layers::exportFormats().size(); ++i)
        out << (i ? "|" : "") << layers::exportFormats()[i];
    out << "> --crs <code> [--encoding UTF-8|GBK] --out <path> [--force]\n";
    return 0;
}

int exportCommand(const std::vector<layers::ExportTable>& tables, const Arguments& args, std::ostream& out, std::ostream& err)
{
    const std::string layer = args.value("layer").toStdString();
    const std::string path = args.value("out").toStdString();
    if (layer.empty() || path.empty()) {
        err << "usage: gzplan export --layer <id|all> --format <shp|gpkg|geojson|kml|csv|dxf> [--crs EPSG:4490] [--encoding UTF-8|GBK]\n"
               "                     [--csv-geometry wkt|xy] --out <path> [--force]\n";
        return 2;
    }
    std::vector<const layers::ExportTable*> chosen;
    for (const auto& t : tables)
        if (layer == "all" || t.id == layer)
            chosen.push_back(&t);
    if (chosen.empty()) {
        err << "gzplan export: no layer '" << layer << "'; layers:";
        for (const auto& t : tables)
            err << " " << t.id;
        err << " all\n";
        return 2;
    }
    layers::ExportOptions options;
    options.format = args.value("format", "shp").toStdString();
    options.crs = args.value("crs", "EPSG:4490").toStdString();
    options.encoding = args.value("encoding", "UTF-8").toUpper().toStdString();
    options.csvGeometry = args.value("csv-geometry", "wkt").toStdString();
    options.force = args.flag("force");
    if (options.encoding == "UTF8")
        options.encoding = "UTF-8";
    if (options.format == "kml" && options.crs != "EPSG:4326" && options.crs != "EPSG:4490")
        err << "gzplan export: note: KML is always WGS 84 lon/lat; --crs " << options.crs << " is ignored for the coordinates\n";

    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
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
        return !g_interrupted.load();
    };
    try {
        const layers::ExportReport report = layers::exportTables(chosen, path, options, progress);
        if (bar)
            err << "\n";
        for (const auto& w : report.warnings)
            err << "gzplan export: warning: " << w << "\n";
        out << report.features << " features of " << chosen.size() << " layer(s) in " << options.format << ", " << options.crs
            << (options.format == "shp" ? ", text " + options.encoding : std::string()) << ":\n";
        for (const auto& f : report.files)
            out << "  " << f.string() << "\n";
        return 0;
    } catch (const std::exception& e) {
        if (bar)
            err << "\n";
        err << "gzplan export: " << e.what() << "\n";
        return g_interrupted ? 130 : 1;
    }
}

}  // namespace app::cli
