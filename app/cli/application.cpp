#include "cli/application.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <iostream>

#include <unistd.h>

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QStringList>
#include <QTimer>
#include <QTranslator>

#include "cli/arguments.h"
#include "cli/export_command.h"
#include "cli/map_setup.h"
#include "cli/report_command.h"
#include "cli/parcels_command.h"
#include "cli/monitoring_commands.h"
#include "cli/plan_commands.h"
#include "geo/projection.h"
#include "gui/main_window.h"
#include "gui/project.h"
#include "layers/monitoring.h"
#include "gui/search_box.h"
#include "layers/errors.h"
#include "layers/exporter.h"
#include "layers/feature_layer.h"
#include "layers/viewport_layer.h"
#include "layers/geography.h"
#include "layers/monitoring.h"
#include "layers/plan.h"
#include "layers/plan_geometry.h"
#include "layers/plan_query.h"
#include "layers/plan_store.h"
#include "render/map_export.h"
#include "render/map_fonts.h"
#include "render/map_layout.h"
#include "render/map_renderer.h"
#include "report/report.h"

namespace app::cli {

namespace {

/// Limits of a rendered map (see renderCommand).
constexpr int kMaxRenderSide = 20000;
constexpr qint64 kMaxRenderPixels = 100'000'000;
constexpr int kMaxRenderAspect = 20;

bool hasDisplay()
{
    if (qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        return qEnvironmentVariable("QT_QPA_PLATFORM") != "offscreen" && qEnvironmentVariable("QT_QPA_PLATFORM") != "minimal";
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
}

QString summary(const layers::Geography& g, const layers::PlanData& plan, const QString& data)
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
    QStringList neighbours;
    for (const auto& r : g.neighbours)
        neighbours << QString::fromStdString(r.name);
    QStringList seats;  // the seats outside Guizhou that corridors end at
    for (const auto& s : g.neighbourSeats)
        seats << QString::fromStdString(s.name);
    return QStringLiteral(
               "Loaded %1 county-level units of Guizhou in %2 prefectures from %3. Layers: counties (%1), county_seats (%1), "
               "prefectures (%2), province (1), neighbours (%4: %5), neighbour_seats (%19: %20), rivers (%21 lines of WDBII levels 1-4, unnamed), and the plan: %13 county-seat classes (%14 memberships), "
               "%15 zones, %16 corridors, %17 places, %18 targets from GZ2023 and GY2025. Sum of county areas %6 km² (Albers equal-area; "
               "official 176,167 km²); %7 source polygons repaired with GEOS MakeValid; %8 gaps (%9 km²) and %10 overlaps (%11 km²) "
               "between counties. Data sources: %12. Boundaries are for planning illustration, not survey.")
        .arg(g.counties.size())
        .arg(g.prefectures.size())
        .arg(data)
        .arg(g.neighbours.size())
        .arg(neighbours.join("、"))
        .arg(area, 0, 'f', 0)
        .arg(repaired)
        .arg(gaps)
        .arg(gapArea, 0, 'f', 2)
        .arg(overlaps)
        .arg(overlapArea, 0, 'f', 2)
        .arg(sources.join(", "))
        .arg(plan.classes.size())
        .arg(plan.classMembers.size())
        .arg(plan.zones.size())
        .arg(plan.corridors.size())
        .arg(plan.places.size())
        .arg(plan.targets.size())
        .arg(g.neighbourSeats.size())
        .arg(seats.join("、"))
        .arg(g.rivers.size());
}

/// The map style: --style FILE, else the shipped share/styles/default.json. Throws std::runtime_error naming the
/// file and what is wrong with it (the map is never drawn with a style other than the one asked for).
/// An exported map of view: laid out as the window's export lays out its maps (render/map_layout.h); inset: room
/// for the inset of central Guiyang (a page or a picture of the default size).
render::RenderSettings viewSettings(const render::MapRenderer& r, const layers::Geography& g, render::View view, QSize size, double dpi,
                                    bool inset)
{
    render::RenderSettings s = r.settingsFor(view);
    render::layoutExport(r, s, size, dpi, r.viewExtent(view), inset);
    s.title = render::mapTitle(view, static_cast<int>(g.counties.size()));
    // In the map's language (--lang): the window's translation.
    s.sourceNote = QCoreApplication::translate("app::cli::Application",
                                               "规划: GZ2023 贵州省新型城镇化实施方案 (2023—2025年); GY2025 筑府发〔2025〕17号 · "
                                               "数据: %1 · %2 · 边界与位置仅供规划示意, 非测绘成果")
                       .arg(QString::fromStdString(g.sourceList()))
                       .arg(r.data().crs == geo::crs::kAlbersChina ? QCoreApplication::translate("app::cli::Application", "Albers 等积投影")
                                                                   : QCoreApplication::translate("app::cli::Application", "投影 %1").arg(r.data().crs));
    return s;
}

int renderTo(const render::MapRenderer& r, const layers::Geography& g, render::View view, const QString& out, QSize size, double dpi, bool labels, const QString& page = {})
{
    render::RenderSettings s = viewSettings(r, g, view, size, dpi, true);
    s.setVisible("labels", labels);
    const QString error = render::exportMap(r, s, out, page);
    if (!error.isEmpty()) {
        std::cerr << "gzplan: " << error.toStdString() << "\n";
        return 1;
    }
    return 0;
}

int renderCommand(const layers::Geography& geography, const layers::PlanData& plan, const layers::PlanGeometry& planGeometry, const QString& share,
                  const Arguments& args)
{
    const QString out = args.value("out");
    if (out.isEmpty()) {
        std::cerr << "gzplan render: --out <file.png|svg|pdf> is required\n";
        return 2;
    }
    // --project P: the saved session's view, display CRS, extent, language and user layers (each overridden by its
    // own option). A project that cannot be read, or whose layer file is gone, is refused: nothing is written.
    gui::Project project;
    const bool haveProject = args.has("project");
    if (haveProject) {
        QString error;
        if (!gui::readProject(args.value("project"), project, &error)) {
            std::cerr << "gzplan render: --project: " << error.toStdString() << "\n";
            return 1;
        }
        for (const gui::ProjectLayer& l : project.layers)
            if (!QFileInfo::exists(l.path)) {
                std::cerr << "gzplan render: --project: the layer file " << l.path.toStdString() << " is missing (moved or deleted?); nothing was written\n";
                return 1;
            }
    }
    const auto view = render::viewNamed(args.value("view", haveProject && !project.view.isEmpty() ? project.view : "overview"));
    if (!view) {
        std::cerr << "gzplan render: unknown view '" << args.value("view").toStdString() << "'; views: " << render::viewChoices().toStdString() << "\n";
        return 2;
    }
    const QString page = args.value("page");
    bool dpiOk = false;
    const double dpi = args.value("dpi", page.isEmpty() ? "96" : "150").toDouble(&dpiOk);
    if (!dpiOk || !(dpi >= 24 && dpi <= 1200)) {  // NaN fails both comparisons
        std::cerr << "gzplan render: --dpi must be a number between 24 and 1200, not '" << args.value("dpi").toStdString() << "'\n";
        return 2;
    }
    if (!page.isEmpty() && render::pagePixels(page, dpi).isEmpty()) {
        std::cerr << "gzplan render: --page must be A4 or A3 (landscape)\n";
        return 2;
    }
    const QStringList wh = args.value("size", "1600x1200").split('x');
    const QSize size = page.isEmpty() ? QSize(wh.size() == 2 ? wh[0].toInt() : 0, wh.size() == 2 ? wh[1].toInt() : 0) : render::pagePixels(page, dpi);
    if (size.width() < 16 || size.height() < 16 || size.width() > kMaxRenderSide || size.height() > kMaxRenderSide) {
        std::cerr << "gzplan render: --size must be WxH, each side between 16 and " << kMaxRenderSide << " pixels, not '"
                  << args.value("size").toStdString() << "'\n";
        return 2;
    }
    // A frame is 4 bytes a pixel, drawn whole in memory: 100 megapixels is 400 MB. A strip thinner than
    // 1:kMaxRenderAspect has no room for the map beside its legend.
    const qint64 pixels = qint64(size.width()) * size.height();
    if (pixels > kMaxRenderPixels || std::max(size.width(), size.height()) > kMaxRenderAspect * std::min(size.width(), size.height())) {
        std::cerr << "gzplan render: the map would be " << size.width() << "x" << size.height() << " pixels ("
                  << QString::number(pixels / 1e6, 'f', 1).toStdString() << " megapixels); allowed: at most " << kMaxRenderPixels / 1000000
                  << " megapixels and sides at most " << kMaxRenderAspect << ":1"
                  << (page.isEmpty() ? "; choose a smaller --size" : "; lower --dpi for this --page") << "\n";
        return 2;
    }
    // --lang en: the legend and the view titles in English (the window's translation, share/translations).
    QTranslator english;
    if (args.value("lang", haveProject ? project.language : QString()) == "en") {
        if (!english.load(QStringLiteral(":/i18n/gzplan_en.qm"))) {
            std::cerr << "gzplan render: --lang en: the English translation is missing from this build\n";
            return 1;
        }
        QCoreApplication::installTranslator(&english);
    }
    std::shared_ptr<const render::MapRenderer> renderer;
    try {
        const render::Style style = loadStyle(args, share);
        try {
            const std::string crs = args.value("crs", haveProject && !project.crs.isEmpty() ? project.crs : QString(geo::crs::kAlbersChina)).toStdString();
            // Only a CRS the user gave is checked (PROJ's database is not opened for the default Albers).
            if (const std::string problem = args.has("crs") ? geo::crs::extentProblem(crs, geography.bounds()) : std::string();
                !problem.empty() && !args.flag("any-crs"))
                throw std::runtime_error(problem + "; --any-crs draws it anyway");
            renderer = makeRenderer(geography, plan, planGeometry, style, QString::fromStdString(crs));
        } catch (const std::exception& e) {
            throw std::runtime_error(std::string("--crs: ") + e.what());
        }
    } catch (const std::exception& e) {
        std::cerr << "gzplan render: " << e.what() << "\n";
        return 2;
    }
    // The inset of central Guiyang needs the room of a page or of the default picture; a --size is the user's own.
    const bool inset = !page.isEmpty() || !args.has("size");
    render::RenderSettings s = viewSettings(*renderer, geography, *view, size, dpi, inset);
    if ((args.has("indicator") || args.has("year")) && *view != render::View::Progress) {
        std::cerr << "gzplan render: --" << (args.has("indicator") ? "indicator" : "year") << " applies to --view progress only\n";
        return 2;
    }
    if (*view == render::View::Progress) {
        // The figures' store (--actuals, else $GZPLAN_ACTUALS, else the default store): a missing one draws every
        // target as "no figure" and the legend says so; one that cannot be read is an error naming it.
        bool yearOk = true;
        const int year = args.has("year") ? args.value("year").toInt(&yearOk) : 0;
        if (!yearOk || year < 0) {
            std::cerr << "gzplan render: --year must be a year such as 2025, not '" << args.value("year").toStdString() << "'\n";
            return 2;
        }
        std::optional<layers::DataLocation> where;
        bool haveStore = false;
        try {
            where = actualsStorePath(args);
            s.progress = render::loadProgress(plan, *where, (share + "/monitoring").toStdString(), year, args.value("indicator").toStdString());
            haveStore = layers::ActualsStore::exists(*where);
        } catch (const std::exception& e) {
            std::cerr << "gzplan render: the figures' store: " << e.what() << "\n";
            return 1;
        }
        const layers::DataLocation& store = *where;
        if (!haveStore)
            std::cerr << "gzplan render: note: no figures' store at " << store.shown() << " (--actuals or $GZPLAN_ACTUALS): every target is drawn without a figure\n";
        if (args.has("indicator") && std::none_of(s.progress->targets.begin(), s.progress->targets.end(), [&](const layers::TargetProgress& t) {
                     return t.target && render::indicatorMatch(t.target->indicator, s.progress->indicator) > 0;
                 })) {
            std::cerr << "gzplan render: --indicator '" << args.value("indicator").toStdString() << "': no target's indicator is or contains it (gzplan targets lists them)\n";
            return 2;
        }
    }
    s.setVisible("labels", !args.flag("no-labels"));
    if (args.flag("plain")) {
        s.decorations = false;
        s.inset.reset();
    }
    if (args.has("extent")) {
        // --extent minLon,minLat,maxLon,maxLat: the map shows this box (CGCS2000 lon/lat) whole.
        const QStringList v = args.value("extent").split(',');
        bool ok = v.size() == 4;
        double e[4] = {0, 0, 0, 0};
        for (int i = 0; ok && i < 4; ++i)
            e[i] = v[i].toDouble(&ok);
        // NaN fails every comparison: the ranges are written so that it does not pass.
        if (!ok || !(e[0] >= -180 && e[2] <= 180 && e[1] >= -90 && e[3] <= 90) || !(e[0] < e[2]) || !(e[1] < e[3])) {
            std::cerr << "gzplan render: --extent must be minLon,minLat,maxLon,maxLat: finite CGCS2000 degrees, longitudes in "
                         "[-180, 180], latitudes in [-90, 90], min < max; not '"
                      << args.value("extent").toStdString() << "'\n";
            return 2;
        }
        geo::Projection toDisplay(geo::crs::kCgcs2000, renderer->data().crs.toStdString());
        geo::Box box = geo::Box::empty();
        for (int j = 0; j <= 8; ++j)
            for (int i = 0; i <= 8; ++i) {
                geo::Point p{e[0] + (e[2] - e[0]) * i / 8, e[1] + (e[3] - e[1]) * j / 8};
                if (toDisplay.forward(p))
                    box.expand(p);
            }
        if (!(box.maxX > box.minX) || !(box.maxY > box.minY) || !std::isfinite(box.width()) || !std::isfinite(box.height())) {
            std::cerr << "gzplan render: --extent " << args.value("extent").toStdString() << " cannot be shown in the display CRS "
                      << renderer->data().crs.toStdString() << " (PROJ cannot transform it)\n";
            return 2;
        }
        if (s.decorations)
            render::layoutExport(*renderer, s, size, dpi, box, inset);
        else
            s.view = render::MapView::fit(box, size, 0);
    } else if (haveProject && project.unitsPerPixel > 0 && project.crs == renderer->data().crs && !project.extent.isEmpty()) {
        // What the window showed, whole.
        if (s.decorations)
            render::layoutExport(*renderer, s, size, dpi, project.extent, inset);
        else
            s.view = render::MapView::fit(project.extent, size, 0);
    } else if (!s.decorations) {
        s.view = render::MapView::fit(renderer->viewExtent(*view), size);
    }
    // The same rule as export: an existing file is replaced only with --force (the write itself is atomic).
    // Checked after the other arguments, so that a mistake there is reported first, and before any layer loads.
    if (QFileInfo(out).isDir()) {
        std::cerr << "gzplan render: " << out.toStdString() << ": is a folder; --out names the map file to write\n";
        return 2;
    }
    if (QFileInfo::exists(out) && !args.flag("force")) {
        std::cerr << "gzplan render: " << out.toStdString() << ": exists; use --force to replace it\n";
        return 1;
    }
    // --add <file>: user vector layers over the county fills and under the plan's overlays (--add-above: over them),
    // any GDAL vector format, in the order given.
    struct Added {
        QString file;
        const gui::ProjectLayer* saved = nullptr;  ///< a --project layer: its layer, style field and state
    };
    std::vector<Added> added;
    for (const gui::ProjectLayer& l : project.layers)
        added.push_back({l.path, &l});
    for (const QString& file : args.all("add"))
        added.push_back({file, nullptr});
    std::vector<std::shared_ptr<const layers::ViewportLayer>> viewports;
    for (const Added& a : added) {
        const QString& file = a.file;
        const gui::ProjectLayer* saved = a.saved;
        if (file.startsWith(QLatin1String("PG:"))) {
            // A PostGIS table: read one view at a time (its overviews at coarse scales), never whole.
            try {
                const layers::PostgresLayerName name = *layers::postgresLayerName(file.toStdString());
                auto viewport = layers::ViewportLayer::open(name.location, name.table, renderer->data().crs.toStdString(),
                                                            (saved ? saved->styleField : args.value("style-field")).toStdString());
                const auto province = viewport->read(renderer->data().extent, 1e9);  // the coarsest band: legend and style
                render::UserLayer u;
                u.id = QStringLiteral("user:%1").arg(s.userLayers.size() + 1);
                u.title = QString::fromStdString(viewport->title());
                u.style = render::defaultFeatureStyle(*province.features, renderer->style());
                u.abovePlan = saved ? saved->abovePlan : args.flag("add-above");
                u.data = province.features;
                u.viewport = viewport;
                std::cerr << "gzplan render: added " << viewport->title() << ": " << viewport->bands().size() << " band(s)"
                          << (viewport->bands().size() == 1 ? " (no overview: every view reads the table; gzplan db overview makes the province fast)" : "")
                          << "\n";
                viewports.push_back(viewport);
                s.userLayers.push_back(std::move(u));
            } catch (const std::exception& e) {
                std::cerr << "gzplan render: --add: " << e.what() << "\n";
                return 1;
            }
            continue;
        }
        layers::FeatureLayerOptions options;
        options.displayCrs = renderer->data().crs.toStdString();
        options.styleField = (saved ? saved->styleField : args.value("style-field")).toStdString();
        if (saved)
            options.layer = saved->layer.toStdString();
        options.skipBad = args.flag("skip-bad");
        try {
            const bool tty = isatty(fileno(stderr));
            // Ctrl+C / SIGTERM while loading: the load stops (exit 130); nothing is written.
            layers::installCancelSignals();
            if (!tty)
                std::cerr << "gzplan render: loading " << file.toStdString() << std::endl;
            auto layer = layers::FeatureLayer::load(file.toStdString(), options, [&](double done) {
                if (tty)
                    std::cerr << "\rgzplan render: loading " << file.toStdString() << " " << static_cast<int>(done * 100) << "%" << std::flush;
                return !layers::cancelRequested();
            });
            if (tty)
                std::cerr << "\r";
            std::cerr << "gzplan render: added " << file.toStdString() << " (" << layer->layerName() << "): " << layer->size() << " features, "
                      << layer->vertexCount() << " vertices in " << QString::number(layer->loadSeconds(), 'f', 2).toStdString() << " s; "
                      << layer->memoryBytes() / 1048576 << " MB in memory (raw coordinates " << layer->rawCoordinateBytes() / 1048576 << " MB)\n";
            for (const std::string& note : layer->notes())
                std::cerr << "gzplan render: note: " << note << "\n";
            if (layer->skipped())
                std::cerr << "gzplan render: warning: " << layer->skipped() << " feature(s) of " << file.toStdString()
                          << " left out (--skip-bad): they cannot be read whole; the first: " << layer->firstSkipped() << "\n";
            render::UserLayer u;
            u.id = QStringLiteral("user:%1").arg(s.userLayers.size() + 1);
            u.title = QStringLiteral("%1 · %2").arg(QFileInfo(file).fileName(), QString::fromStdString(layer->layerName()));  // as the window
            u.style = render::defaultFeatureStyle(*layer, renderer->style());
            u.abovePlan = saved ? saved->abovePlan : args.flag("add-above");
            if (saved) {
                u.opacity = saved->opacity;
                u.visible = saved->visible;
            }
            u.data = std::move(layer);
            s.userLayers.push_back(std::move(u));
        } catch (const std::exception& e) {
            if (layers::cancelRequested()) {
                std::cerr << "\ngzplan render: cancelled while loading " << file.toStdString() << "; nothing was written\n";
                return 130;
            }
            std::cerr << "gzplan render: --add: " << e.what() << "\n";
            return 1;
        }
    }
    if (layers::cancelRequested()) {
        std::cerr << "gzplan render: cancelled; nothing was written\n";
        return 130;
    }
    render::ExportTiming timing;
    QString error;
    {
        const layers::CancelShield whole;  // the map file is written whole (temporary file, rename) or not at all
        error = render::exportMap(*renderer, s, out, page, &timing);
    }
    for (const auto& viewport : viewports)
        if (const std::string why = viewport->takeError(); !why.empty() && error.isEmpty()) {
            QFile::remove(out);  // drawn without that layer: not the map asked for
            error = QString::fromStdString("--add " + viewport->title() + ": " + why + "; no map was written");
        }
    if (!error.isEmpty()) {
        std::cerr << "gzplan: " << error.toStdString() << "\n";
        return 1;
    }
    if (layers::cancelRequested())  // too late to stop: the file is whole (a temporary file renamed), and kept
        std::cerr << "gzplan render: the cancel came while the map was being written; it was written whole\n";
    if (args.flag("timing")) {
        std::cerr << "gzplan render: drew the map in " << QString::number(timing.drawMs, 'f', 1).toStdString() << " ms, encoded and wrote it in "
                  << QString::number(timing.writeMs, 'f', 1).toStdString() << " ms\n";
        for (const auto& viewport : viewports) {
            const auto log = viewport->readLog();
            std::cerr << "gzplan render: " << viewport->table() << ": " << log.reads << " reads from the server (the legend's and each frame's), "
                      << log.features << " features, " << QString::number(log.seconds * 1000, 'f', 1).toStdString() << " ms, the longest "
                      << QString::number(log.maxSeconds * 1000, 'f', 1).toStdString() << " ms\n";
        }
        // GZ_T0 (ns since the epoch, e.g. `GZ_T0=$(date +%s%N) gzplan render …`): when the frame was ready,
        // counted from before the process started.
        if (const QByteArray t0 = qgetenv("GZ_T0"); !t0.isEmpty()) {
            const double now = std::chrono::duration<double, std::milli>(std::chrono::system_clock::now().time_since_epoch()).count();
            const double frameReady = now - timing.writeMs - t0.toDouble() / 1e6;
            std::cerr << "gzplan render: first frame ready " << QString::number(frameReady, 'f', 1).toStdString() << " ms after GZ_T0\n";
        }
    }
    std::cout << QFileInfo(out).absoluteFilePath().toStdString() << "\n";
    return 0;
}

void ensureRuntimeDir()
{
    if (qEnvironmentVariableIsSet("XDG_RUNTIME_DIR"))
        return;
    // Qt wants a private runtime folder; root shells on servers often have none.
    const QString runtime = QDir::tempPath() + "/runtime-gzplan-" + QString::number(getuid());
    QDir().mkpath(runtime);
    QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    qputenv("XDG_RUNTIME_DIR", runtime.toLocal8Bit());
}

}  // namespace

int run(int argc, char** argv)
{
    // The one grammar (cli/command_line.h): the gzplan executable has read this command line already; a caller of
    // gzplan_main gets the same help and usage errors here.
    CommandLine line;
    if (const auto answered = readCommandLine(argc, argv, line, std::cout, std::cerr))
        return *answered;
    const Arguments args(std::move(line));
    // Where the geography and plan are read: the GeoPackage or PostGIS (--data PG:… --schema); shown without a password.
    std::optional<layers::DataLocation> location;
    try {
        location = args.line.dataLocation();
    } catch (const std::exception& e) {
        std::cerr << "gzplan: " << e.what() << "\n";
        return 1;
    }
    const QString data = QString::fromStdString(location->shown());
    const QString share = args.value("share", qEnvironmentVariable("GZPLAN_SHARE", QStringLiteral(GZPLAN_SHARE_DIR)));
    // The layer list and exports read only what the requested layers need (one open of the GeoPackage, or the
    // --source file alone) and need no Qt application at all: they start as fast as GDAL's own tools.
    // The gzplan executable runs these itself without loading this module (app/main.cpp); the same Qt-free code
    // serves a caller of gzplan_main. Every file is closed and renamed by then: no exit-time destructors.
    if (args.line.spec->qtFree)
        exitNow(exportMain(args.line));
    const bool window = args.command.isEmpty() && hasDisplay() && !args.flag("headless");
    // An unknown --view: without a window a usage error (exit 2, before anything is loaded); with one, the window
    // opens on the overview and says so at the top of the map (a user who started it from a menu or a script sees
    // no terminal). The terminal hears it in both cases.
    const bool unknownView = args.command.isEmpty() && args.has("view") && !render::viewNamed(args.value("view"));
    if (unknownView) {
        std::cerr << "gzplan: unknown view '" << args.value("view").toStdString() << "'; views: " << render::viewChoices().toStdString() << "\n";
        if (!window)
            return 2;
    }
    if (!window)
        qputenv("QT_QPA_PLATFORM", "offscreen");
    ensureRuntimeDir();
    // Only drawing needs a GUI application; queries and exports start faster without one.
    std::unique_ptr<QCoreApplication> qt;
    // The report's charts are Qt Charts (QGraphicsWidgets): they need a QApplication (offscreen without a window).
    if (window || args.command == "report")
        qt = std::make_unique<QApplication>(argc, argv);
    else if (args.command.isEmpty() || args.command == "render")
        qt = std::make_unique<QGuiApplication>(argc, argv);
    else
        qt = std::make_unique<QCoreApplication>(argc, argv);
    if (window || args.command.isEmpty() || args.command == "render" || args.command == "report") {
        // The map fonts made at build time (render/map_fonts.h); without them the map still draws, with the
        // system fonts, but its PDF text holds radicals for some characters (⽀ for 支).
        const QString fonts = qEnvironmentVariable("GZPLAN_FONT_DIR", QStringLiteral(GZPLAN_FONT_DIR));
        for (const QString& problem : render::registerMapFonts(fonts))
            std::cerr << "gzplan: warning: " << problem.toStdString() << "; maps use the system font\n";
    }

    layers::Geography geography;
    layers::PlanData plan;
    layers::PlanGeometry planGeometry;
    try {
        // One opening of the store for all three (on PostGIS: one connection). The figures' commands need the plan's
        // tables, not its shapes (an import of 10,000 rows in under a second); check needs the geography alone.
        const bool planTables = args.command != "check";
        layers::PlanBundle bundle =
            layers::loadPlanBundle(*location, planTables, planTables && args.command != "actuals" && args.command != "progress");
        geography = std::move(bundle.geography);
        plan = std::move(bundle.plan);
        planGeometry = std::move(bundle.geometry);
    } catch (const std::exception& e) {
        std::cerr << "gzplan: " << e.what() << "\n";
        return 1;
    }
    const layers::PlanQuery query(geography, plan);
    const QString& c = args.command;
    if (c == "county") return countyCommand(query, args, std::cout, std::cerr);
    if (c == "class") return classCommand(query, args, std::cout, std::cerr);
    if (c == "classes") return classesCommand(query, args, std::cout);
    if (c == "zone") return zoneCommand(query, args, std::cout, std::cerr);
    if (c == "zones") return zonesCommand(query, args, std::cout);
    if (c == "targets") return targetsCommand(query, args, std::cout, std::cerr);
    if (c == "actuals") return actualsCommand(query, share, args, std::cout, std::cerr);
    if (c == "progress") return progressCommand(query, share, args, std::cout, std::cerr);
    if (c == "where") return whereCommand(query, args, std::cout, std::cerr);
    if (c == "crs") return crsCommand(query, args, std::cout, std::cerr);
    if (c == "make-parcels") return makeParcelsCommand(geography, args.line, std::cout, std::cerr);
    if (c == "check") return checkCommand(geography, args.value("plan", share + "/plan"), share + "/documents", args, std::cout, std::cerr);
    if (c == "render") return renderCommand(geography, plan, planGeometry, share, args);
    if (c == "report") return reportCommand(query, planGeometry, share, args);

    const QString text = summary(geography, plan, data);
    if (c == "summary") {
        std::cout << text.toStdString() << "\n";
        return 0;
    }
    render::Style style;
    try {
        style = loadStyle(args, share);
    } catch (const std::exception& e) {
        std::cerr << "gzplan: " << e.what() << "\n";
        return 2;
    }
    auto renderer = makeRenderer(geography, plan, planGeometry, style);
    if (!window && args.has("project")) {
        // Without a display the window cannot open the project: say so (gzplan render --project draws it).
        gui::Project project;
        QString error;
        if (!gui::readProject(args.value("project"), project, &error)) {
            std::cerr << "gzplan: --project: " << error.toStdString() << "\n";
            return 1;
        }
        std::cerr << "gzplan: --project: no display to open the window on; gzplan render --project " << args.value("project").toStdString()
                  << " --out map.png draws it\n";
        return 2;
    }
    if (!window) {
        const QString out = qEnvironmentVariable("GZPLAN_OUTPUT_DIR", QStringLiteral(GZPLAN_OUTPUT_DIR)) + "/guizhou-overview.png";
        QDir().mkpath(QFileInfo(out).absolutePath());
        if (renderTo(*renderer, geography, render::View::Overview, out, QSize(1600, 1200), 96, true) != 0)
            return 1;
        std::cout << "No display: rendered the province overview map to\n" << QFileInfo(out).absoluteFilePath().toStdString() << "\n\n"
                  << text.toStdString() << "\n";
        return 0;
    }
    gui::MainWindow mainWindow(renderer, query, text);
    mainWindow.setRendererFactory([&](const QString& crs) { return makeRenderer(geography, plan, planGeometry, mainWindow.renderer()->style(), crs); });
    mainWindow.setExportTables(std::make_shared<const std::vector<layers::ExportTable>>(layers::buildExportTables(geography, plan, planGeometry)));
    mainWindow.setPlanTexts(gui::PlanTexts::read(share + "/documents", plan.documents));
    mainWindow.setPlanGeometry(planGeometry);  // the statistics dock, selection by location, table joins
    // The figures' store (--actuals, else $GZPLAN_ACTUALS, else the default) and the rules of share/monitoring: the
    // actuals table and the 目标进展 view. A store or rules that cannot be read are named at the top of the map.
    {
        layers::MonitoringRules rules;
        try {
            rules = layers::MonitoringRules::load((share + "/monitoring").toStdString());
        } catch (const std::exception& e) {
            mainWindow.showError("monitoring", QCoreApplication::translate("app::cli::Application", "监测规则无法读取: %1").arg(QString::fromUtf8(e.what())));
        }
        try {
            mainWindow.setActuals(std::move(rules), actualsStorePath(args));
        } catch (const std::exception& e) {  // a PG: string libpq cannot read
            mainWindow.showError("actuals", QString::fromUtf8(e.what()));
        }
    }
    // The last session's layout and language; --lang (zh or en) wins over the stored language for this run.
    mainWindow.restoreSettings(args.has("lang") ? args.value("lang") : QString());
    mainWindow.show();
    mainWindow.showView(render::viewNamed(args.value("view", "overview")).value_or(render::View::Overview));
    if (unknownView)
        mainWindow.showError("view", QCoreApplication::translate("app::cli::Application", "未知视图“%1”, 已显示行政区划. 可用视图: %2")
                                         .arg(args.value("view"), render::viewChoices()));
    // gzplan --project P: the saved session, once the window is up (its layers load behind the progress dialog). A
    // file that cannot be read is named at the top of the map and on the terminal, and the exit status says so; a
    // layer file that is gone is listed and the rest opens.
    int status = 0;
    if (args.has("project")) {
        const QString project = args.value("project");
        QTimer::singleShot(0, &mainWindow, [&mainWindow, &status, project] {
            QString error;
            QStringList missing;
            if (!mainWindow.openProject(project, &error, &missing)) {
                std::cerr << "gzplan: --project: " << error.toStdString() << "\n";
                status = 1;
            }
            for (const QString& m : missing)
                std::cerr << "gzplan: --project: not restored: " << m.toStdString() << "\n";
        });
    }
    // gzplan --add <file> …: user layers, loaded once the window is up (with the same progress dialog as Ctrl+O);
    // a file that cannot be added is named with the cause at the top of the map, and on the terminal.
    const QStringList addFiles = args.all("add");
    if (!addFiles.isEmpty())
        QTimer::singleShot(0, &mainWindow, [&mainWindow, addFiles] {
            for (const QString& failure : mainWindow.addLayerFiles(addFiles))
                std::cerr << "gzplan: --add: " << failure.toStdString() << "\n";
        });
    // gzplan --find <name>: as typing it in the search box and pressing Return (the candidates or the suggestions
    // offered under the box, the message at the top of the map), once the window is laid out and
    // after the --add files (a progress dialog would close the list of candidates).
    if (args.has("find")) {
        const QString text = args.value("find");
        if (const layers::NameLookup names = mainWindow.searchBox()->lookup(text); !names.one())
            std::cerr << "gzplan: --find: " << names.problem(text.toStdString(), gui::kSearchKinds) << "\n";
        QTimer::singleShot(0, &mainWindow, [&mainWindow, text] { mainWindow.find(text); });
    }
    const int code = qt->exec();
    return code ? code : status;
}

}  // namespace app::cli
