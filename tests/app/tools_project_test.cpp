// The window's measure tools (ellipsoidal lengths and areas), 定位到坐标 and projects (issue 14): a measurement
// equals the geodesic measure of its vertices, go-to refuses bad entries without moving the map, and a saved
// project reopens identically in a fresh window, from a moved folder too; bad project files are refused.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include "../common/test_parcels.h"
#include "geo/geodesic.h"
#include "gui/go_to_dialog.h"
#include "gui/message_bar.h"
#include "gui/project.h"
#include "gui/selection.h"
#include "gui/user_layer_panel.h"
#include "layers/feature_layer.h"
#include "render/map_views.h"
#include "run_gzplan.h"
#include "shown_window.h"
#include "test_data.h"

using app::gui::MapCanvas;

namespace {

QPoint screenOf(const app::gui::MainWindow& w, geo::Point lonLat)
{
    geo::Projection(geo::crs::kCgcs2000, w.displayCrs().toStdString()).forward(lonLat);
    return w.canvas()->view().toScreen(lonLat).toPoint();
}

/// The measurement's vertices back in lon/lat.
std::vector<geo::Point> lonLatOf(const app::gui::MainWindow& w)
{
    std::vector<geo::Point> out;
    const geo::Projection back(w.displayCrs().toStdString(), geo::crs::kCgcs2000);
    for (geo::Point p : w.canvas()->measurement().points) {
        back.forward(p);
        out.push_back(p);
    }
    return out;
}

/// The window's map drawn at 800×600 around its centre at its scale (the canvases of two windows differ by the
/// height of what their status bars and docks hold; the project keeps the centre and scale).
QImage rendered(const app::gui::MainWindow& w)
{
    app::render::RenderSettings s = w.canvas()->settings();
    s.dpi = 96;
    s.view.setSize(QSizeF(800, 600));
    QImage image(s.view.size().toSize(), QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    w.renderer()->render(painter, s);
    return image;
}

/// A small point layer (GeoJSON) with two text fields, in folder.
QString writePoints(const QString& folder)
{
    const QString path = folder + "/points.geojson";
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"landuse":"A","owner":"x"},"geometry":{"type":"Point","coordinates":[106.70,26.57]}},
{"type":"Feature","properties":{"landuse":"B","owner":"y"},"geometry":{"type":"Point","coordinates":[106.72,26.58]}},
{"type":"Feature","properties":{"landuse":"B","owner":"z"},"geometry":{"type":"Point","coordinates":[106.74,26.59]}}]})");
    return path;
}

}  // namespace

TEST(MeasureTools, DistanceIsTheGeodesicLengthOfTheClickedPoints)
{
    test::ShownWindow w;
    auto& window = w.window;
    // About 40 m a pixel around Guiyang: a click lands within a pixel of the intended point.
    geo::Point centre{106.7, 26.6};
    geo::Projection(geo::crs::kCgcs2000, window.displayCrs().toStdString()).forward(centre);
    window.canvas()->setView(app::render::MapView(window.canvas()->size(), centre, 40));
    window.setMeasureTool(1);
    EXPECT_TRUE(window.findChild<QAction*>("measureDistance")->isChecked());
    const std::vector<geo::Point> intended{{106.62, 26.52}, {106.78, 26.55}, {106.75, 26.68}};
    for (const geo::Point& p : intended)
        QTest::mouseClick(window.canvas(), Qt::LeftButton, {}, screenOf(window, p));
    EXPECT_EQ(window.identified().kind, app::gui::Hit::Kind::None) << "a measuring click does not identify";
    const auto& m = window.canvas()->measurement();
    ASSERT_EQ(m.points.size(), 3u);
    // The canvas's figure is the geodesic length of its vertices, and the vertices are where the user clicked.
    EXPECT_NEAR(m.length, geo::geodesic::length(lonLatOf(window)), 1e-6);
    EXPECT_NEAR(m.length, geo::geodesic::length(intended), 3 * 40.0);
    EXPECT_NEAR(m.lastSegment, geo::geodesic::distance(intended[1], intended[2]), 2 * 40.0);
    EXPECT_GT(m.length, 20000);
    EXPECT_LT(m.length, 40000);
    EXPECT_TRUE(window.canvas()->measurementText().contains(QStringLiteral("总长"))) << window.canvas()->measurementText().toStdString();
    EXPECT_TRUE(window.canvas()->measurementText().contains(QStringLiteral(" km"))) << window.canvas()->measurementText().toStdString();
    // A right-click ends it; the next click starts a new one; Esc ends, a second Esc clears.
    QTest::mouseClick(window.canvas(), Qt::RightButton, {}, screenOf(window, intended[2]));
    EXPECT_TRUE(window.canvas()->measurement().finished);
    EXPECT_EQ(window.canvas()->measurement().points.size(), 3u);
    QTest::mouseClick(window.canvas(), Qt::LeftButton, {}, screenOf(window, intended[0]));
    EXPECT_EQ(window.canvas()->measurement().points.size(), 1u);
    window.canvas()->setFocus();
    QTest::keyClick(window.canvas(), Qt::Key_Escape);
    EXPECT_TRUE(window.canvas()->measurement().finished);
    QTest::keyClick(window.canvas(), Qt::Key_Escape);
    EXPECT_TRUE(window.canvas()->measurement().points.empty());
    if (qEnvironmentVariableIsSet("GZ_DUMP")) {
        for (const geo::Point& p : intended)
            QTest::mouseClick(window.canvas(), Qt::LeftButton, {}, screenOf(window, p));
        QTest::mouseMove(window.canvas(), screenOf(window, {106.66, 26.64}));
        EXPECT_TRUE(QTest::qWaitFor([&] { return !window.canvas()->rendering(); }, 10000));
        window.grab().save("/tmp/measure-distance.png");
    }
    window.setMeasureTool(0);
    EXPECT_EQ(window.canvas()->tool(), MapCanvas::Tool::Browse);
    EXPECT_FALSE(window.findChild<QAction*>("measureDistance")->isChecked());
}

TEST(MeasureTools, AreaIsTheGeodesicPolygonArea)
{
    test::ShownWindow w;
    auto& window = w.window;
    geo::Point centre{106.7, 26.6};
    geo::Projection(geo::crs::kCgcs2000, window.displayCrs().toStdString()).forward(centre);
    window.canvas()->setView(app::render::MapView(window.canvas()->size(), centre, 40));
    window.setMeasureTool(2);
    const std::vector<geo::Point> intended{{106.62, 26.52}, {106.78, 26.52}, {106.78, 26.66}, {106.62, 26.66}};
    for (const geo::Point& p : intended)
        QTest::mouseClick(window.canvas(), Qt::LeftButton, {}, screenOf(window, p));
    QTest::mouseClick(window.canvas(), Qt::RightButton, {}, screenOf(window, intended.back()));
    const auto& m = window.canvas()->measurement();
    ASSERT_TRUE(m.finished);
    const auto exact = geo::geodesic::polygon(intended);
    EXPECT_NEAR(m.area, geo::geodesic::polygon(lonLatOf(window)).area, 1e-3);
    EXPECT_NEAR(m.area / exact.area, 1.0, 0.01);  // ≈ 247 km²: clicks within a pixel of the corners
    EXPECT_NEAR(m.length, exact.perimeter, 4 * 40.0);
    const QString text = window.canvas()->measurementText();
    EXPECT_TRUE(text.contains(QStringLiteral("km²")) && text.contains(QStringLiteral("公顷"))) << text.toStdString();
    if (qEnvironmentVariableIsSet("GZ_DUMP")) {
        EXPECT_TRUE(QTest::qWaitFor([&] { return !window.canvas()->rendering(); }, 10000));
        window.grab().save("/tmp/measure-area.png");
    }
    window.setLanguage("en");
    EXPECT_TRUE(window.canvas()->measurementText().contains("ha")) << window.canvas()->measurementText().toStdString();
    EXPECT_TRUE(window.canvas()->measurementText().startsWith("Area")) << window.canvas()->measurementText().toStdString();
    window.setLanguage("zh");
}

TEST(GoTo, ReadsLonLatAndGaussKrugerAndRefusesBadEntries)
{
    const geo::Box near = app::gui::goToNeighbourhood(test::geography().bounds());
    app::gui::GoToDialog dialog(near);
    auto entry = [&](int mode, const QString& a, const QString& b, const QString& zone = {}) {
        dialog.modeBox()->setCurrentIndex(mode);
        dialog.firstField()->setText(a);
        dialog.secondField()->setText(b);
        dialog.zoneField()->setText(zone);
        QString error;
        const auto p = dialog.point(&error);
        return std::pair{p, error};
    };
    auto [p, error] = entry(0, QStringLiteral("106°42′47″"), QStringLiteral("26.578"));
    ASSERT_TRUE(p) << error.toStdString();
    EXPECT_NEAR(p->x, 106 + 42 / 60.0 + 47 / 3600.0, 1e-9);
    std::tie(p, error) = entry(1, "36512345.6", "2935000");
    ASSERT_TRUE(p) << error.toStdString();
    geo::Point back = *p;
    geo::Projection(geo::crs::kCgcs2000, "EPSG:4545").forward(back);
    EXPECT_NEAR(back.x, 512345.6, 0.01);
    EXPECT_NEAR(back.y, 2935000, 0.01);
    std::tie(p, error) = entry(1, "512345.6", "2935000", "108");
    EXPECT_TRUE(p) << error.toStdString();

    // Bad entries: named, in the dialog, which stays open.
    const std::vector<std::tuple<int, QString, QString, QString, QString>> bad{
        {0, "abc", "26.5", "", QStringLiteral("经度: 无法识别")},
        {0, "106.7", "", "", QStringLiteral("纬度: 未填写")},
        {0, QStringLiteral("106°75′"), "26.5", "", QStringLiteral("须小于 60")},
        {0, "200", "26.5", "", QStringLiteral("超出 -180°")},
        {0, "116.4", "39.9", "", QStringLiteral("不在贵州及其周边")},
        {0, QStringLiteral("26.5N"), "106.7", "", QStringLiteral("不是这一坐标轴的方向")},
        {1, "512345.6", "2935000", "", QStringLiteral("缺少带号")},
        {1, "512345.6", "2935000", "107", QStringLiteral("不是 CGCS2000 3° 带")},
        {1, "36512345.6", "2935000", "35", QStringLiteral("带号前缀与所填带号不符")},
        {1, "512345.6", "4435000", "36", QStringLiteral("不在贵州及其周边")},
        {1, "51x", "2935000", "36", QStringLiteral("东坐标: 无法识别")},
    };
    for (const auto& [mode, a, b, zone, expected] : bad) {
        std::tie(p, error) = entry(mode, a, b, zone);
        EXPECT_FALSE(p) << a.toStdString();
        EXPECT_TRUE(error.contains(expected)) << a.toStdString() << " → " << error.toStdString();
        dialog.accept();
        EXPECT_EQ(dialog.result(), QDialog::Rejected) << a.toStdString();
        EXPECT_EQ(dialog.errorLabel()->text(), error);
    }
    if (qEnvironmentVariableIsSet("GZ_DUMP")) {  // to look at: the dialog naming a bad entry
        entry(1, "512345.6", "2935000", "107");
        dialog.show();
        dialog.accept();
        QTest::qWait(100);
        dialog.grab().save("/tmp/goto-error.png");
    }
}

TEST(GoTo, CentresTheMapOnThePointAndMarksIt)
{
    test::ShownWindow w;
    auto& window = w.window;
    const geo::Point lonLat{106.713, 26.578};
    window.goTo(lonLat);
    geo::Point expected = lonLat;
    geo::Projection(geo::crs::kCgcs2000, window.displayCrs().toStdString()).forward(expected);
    EXPECT_NEAR(window.canvas()->view().centre().x, expected.x, 1e-6);
    EXPECT_NEAR(window.canvas()->view().centre().y, expected.y, 1e-6);
    EXPECT_LE(window.canvas()->view().scaleDenominator(window.logicalDpiX()), 50001);
    ASSERT_TRUE(window.canvas()->marker());
    EXPECT_NEAR(window.canvas()->marker()->x, expected.x, 1e-6);
    window.canvas()->setFocus();
    QTest::keyClick(window.canvas(), Qt::Key_Escape);
    EXPECT_FALSE(window.canvas()->marker());
}

TEST(Project, ReopensIdenticallyInAFreshWindowFromAMovedFolder)
{
    QTemporaryDir tmp;
    ASSERT_TRUE(tmp.isValid());
    const QString folder = tmp.path() + "/session";
    ASSERT_TRUE(QDir().mkpath(folder + "/data"));
    const QString parcels = folder + "/data/parcels.gpkg";
    ASSERT_TRUE(QFile::copy(QString::fromStdString(test::parcelsFile(test::geography()).string()), parcels));
    const QString points = writePoints(folder + "/data");

    app::gui::Project saved;
    {
        test::ShownWindow a;
        auto& window = a.window;
        ASSERT_TRUE(window.addLayerFiles({parcels, points}).isEmpty());
        app::gui::UserLayerPanel* list = window.userLayerList();
        list->opacity(0)->setValue(40);
        list->abovePlanItem(1)->setCheckState(0, Qt::Checked);
        list->layerItem(0)->setCheckState(0, Qt::Unchecked);
        window.showView(app::render::View::Transport);
        geo::Point centre{106.9, 26.8};
        geo::Projection(geo::crs::kCgcs2000, window.displayCrs().toStdString()).forward(centre);
        window.canvas()->setView(app::render::MapView(window.canvas()->size(), centre, 123.5));
        window.selection()->setCounties({"520102", "520111"});
        // Selected features of both user layers: a long run of parcels and single ones, two of the three points.
        std::vector<std::int64_t> parcelFids;
        for (std::int64_t fid = 100; fid <= 4100; ++fid)
            parcelFids.push_back(fid);
        for (std::int64_t fid : {7001, 7003, 7004, 9000})
            parcelFids.push_back(fid);
        window.selection()->setUserFeatures(window.userLayers()[0].id, parcelFids);
        const std::int64_t firstPoint = window.userLayers()[1].data->fid(0);
        window.selection()->setUserFeatures(window.userLayers()[1].id, {firstPoint, firstPoint + 2});
        window.setLanguage("en");
        ASSERT_EQ(window.saveProject(folder + "/plan.gzproj"), QString());
        ASSERT_TRUE(app::gui::readProject(folder + "/plan.gzproj", saved, nullptr));
        // Relative paths in the file.
        QFile f(folder + "/plan.gzproj");
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        EXPECT_EQ(root.value("version").toInt(), 2);
        EXPECT_EQ(root.value("layers").toArray()[0].toObject().value("path").toString(), "data/parcels.gpkg");
        // The selection as runs: 4001 FIDs in a few bytes.
        EXPECT_EQ(root.value("layers").toArray()[0].toObject().value("selected").toArray(),
                  QJsonDocument::fromJson("[[100, 4100], 7001, 7003, 7004, 9000]").array());
        EXPECT_EQ(saved.layers[0].selected, parcelFids);

        // The folder moves (with its data): the project still opens whole, in a fresh window.
        ASSERT_TRUE(QDir().rename(folder, tmp.path() + "/moved"));
        test::ShownWindow b;
        QString error;
        QStringList missing;
        ASSERT_TRUE(b.window.openProject(tmp.path() + "/moved/plan.gzproj", &error, &missing)) << error.toStdString();
        EXPECT_TRUE(missing.isEmpty()) << missing.join("; ").toStdString();
        const auto& la = window.userLayers();
        const auto& lb = b.window.userLayers();
        ASSERT_EQ(lb.size(), la.size());
        for (std::size_t i = 0; i < la.size(); ++i) {
            EXPECT_EQ(lb[i].title, la[i].title);
            EXPECT_EQ(lb[i].opacity, la[i].opacity);
            EXPECT_EQ(lb[i].visible, la[i].visible);
            EXPECT_EQ(lb[i].abovePlan, la[i].abovePlan);
            EXPECT_EQ(lb[i].data->styleField(), la[i].data->styleField());
            EXPECT_EQ(lb[i].data->size(), la[i].data->size());
            EXPECT_EQ(QFileInfo(QString::fromStdString(lb[i].data->file().string())).absolutePath(), tmp.path() + "/moved/data");
        }
        EXPECT_EQ(lb[0].opacity, 0.4);
        EXPECT_FALSE(lb[0].visible);
        EXPECT_TRUE(lb[1].abovePlan);
        EXPECT_EQ(b.window.userLayerList()->opacity(0)->value(), 40);
        EXPECT_EQ(b.window.canvas()->settings().theme, app::render::View::Transport);
        EXPECT_FALSE(b.window.messageBar()->isVisible()) << b.window.messageBar()->text().toStdString();
        EXPECT_FALSE(window.messageBar()->isVisible()) << window.messageBar()->text().toStdString();
        EXPECT_EQ(b.window.canvas()->view().centre(), window.canvas()->view().centre());
        EXPECT_EQ(b.window.canvas()->view().unitsPerPixel(), 123.5);
        EXPECT_EQ(b.window.selection()->counties(), (QSet<QString>{"520102", "520111"}));
        // The user layers' selections: the identical FID sets (ids differ between sessions: by position).
        for (std::size_t i = 0; i < la.size(); ++i)
            EXPECT_EQ(*b.window.selection()->userFeatures(lb[i].id), *window.selection()->userFeatures(la[i].id)) << "layer " << i;
        EXPECT_EQ(b.window.selection()->userFeatures(lb[0].id)->size(), 4005u);
        const auto drawnPoints = b.window.canvas()->settings().userSelection.value(lb[1].id);
        ASSERT_TRUE(drawnPoints);
        EXPECT_EQ(drawnPoints->size(), 2u);
        EXPECT_EQ(b.window.language(), "en");
        EXPECT_EQ(b.window.canvas()->settings().highlightCounties, window.canvas()->settings().highlightCounties);
        // The same map, pixel for pixel.
        const QImage before = rendered(window), after = rendered(b.window);
        EXPECT_EQ(before.size(), after.size());
        EXPECT_TRUE(before == after) << "the reopened project draws another map";
        // The comparison sees a difference: the points drawn under the plan instead of over it.
        b.window.userLayerList()->abovePlanItem(1)->setCheckState(0, Qt::Unchecked);
        EXPECT_FALSE(rendered(b.window) == before);
        b.window.userLayerList()->abovePlanItem(1)->setCheckState(0, Qt::Checked);
        EXPECT_TRUE(rendered(b.window) == before);
        // …and the selected points drawn: without their selection the map differs.
        const auto points = *b.window.selection()->userFeatures(lb[1].id);
        b.window.selection()->clearUserFeatures(lb[1].id);
        EXPECT_FALSE(rendered(b.window) == before);
        b.window.selection()->setUserFeatures(lb[1].id, points);
        EXPECT_TRUE(rendered(b.window) == before);
        if (qEnvironmentVariableIsSet("GZ_DUMP")) {
            EXPECT_TRUE(QTest::qWaitFor([&] { return !b.window.canvas()->rendering(); }, 10000));
            b.window.grab().save("/tmp/project-reopened.png");
        }
        // Saved again, the same content (paths relative to the new place).
        ASSERT_EQ(b.window.saveProject(tmp.path() + "/moved/again.gzproj"), QString());
        app::gui::Project again;
        ASSERT_TRUE(app::gui::readProject(tmp.path() + "/moved/again.gzproj", again, nullptr));
        EXPECT_EQ(again.view, saved.view);
        EXPECT_EQ(again.centre, saved.centre);
        EXPECT_EQ(again.counties, saved.counties);
        ASSERT_EQ(again.layers.size(), saved.layers.size());
        EXPECT_EQ(again.layers[1].styleField, saved.layers[1].styleField);
        EXPECT_EQ(again.layers[0].selected, saved.layers[0].selected);
        EXPECT_EQ(again.layers[1].selected, saved.layers[1].selected);
        b.window.setLanguage("zh");
        window.setLanguage("zh");
    }
}

TEST(Project, KeepsAStyleFieldAndListsAMissingLayerFile)
{
    QTemporaryDir tmp;
    ASSERT_TRUE(tmp.isValid());
    const QString points = writePoints(tmp.path());
    // Hand-written: the points coloured by "owner" (not the loader's choice, landuse), and a file that is gone.
    QFile f(tmp.path() + "/p.gzproj");
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(R"({"version": 1, "view": "overview", "layers": [
        {"path": "gone.gpkg"}, {"path": "points.geojson", "styleField": "owner", "opacity": 0.5}],
        "selection": {"feature": "gga_metro"}})");
    f.close();
    test::ShownWindow w;
    QString error;
    QStringList missing;
    ASSERT_TRUE(w.window.openProject(tmp.path() + "/p.gzproj", &error, &missing)) << error.toStdString();
    ASSERT_EQ(missing.size(), 1);
    EXPECT_TRUE(missing.front().contains("gone.gpkg")) << missing.front().toStdString();
    EXPECT_TRUE(w.window.messageBar()->text().contains("gone.gpkg"));
    ASSERT_EQ(w.window.userLayers().size(), 1u);
    EXPECT_EQ(w.window.userLayers()[0].data->styleField(), "owner");
    EXPECT_EQ(w.window.userLayers()[0].data->categoryNames().size(), 3u);
    EXPECT_EQ(w.window.userLayers()[0].opacity, 0.5);
    EXPECT_EQ(w.window.selection()->feature(), "gga_metro");
}

TEST(Project, BadFilesAreRefusedAndNothingChanges)
{
    QTemporaryDir tmp;
    ASSERT_TRUE(tmp.isValid());
    auto write = [&](const QString& name, const QByteArray& text) {
        QFile f(tmp.path() + "/" + name);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(text);
        return f.fileName();
    };
    test::ShownWindow w;
    w.window.showView(app::render::View::Transport);
    const app::render::MapView before = w.window.canvas()->view();
    const std::vector<std::pair<QString, QString>> cases{
        {write("a.gzproj", "not json"), QStringLiteral("不是有效的 JSON")},
        {write("b.gzproj", R"({"version": 3})"), QStringLiteral("版本 3")},
        {write("e.gzproj", R"({"version": 2, "layers": [{"path": "x.gpkg", "selected": [1, [5, 2]]}]})"), QStringLiteral("layers[].selected")},
        {write("f.gzproj", R"({"version": 2, "layers": [{"path": "x.gpkg", "selected": [1.5]}]})"), QStringLiteral("layers[].selected")},
        {write("c.gzproj", R"({"layers": []})"), QStringLiteral("不是 gzplan 项目文件")},
        {write("d.gzproj", R"({"version": 1, "layers": [{"path": "x.gpkg", "opacity": 3}]})"), QStringLiteral("layers[].opacity")},
        {tmp.path() + "/none.gzproj", QStringLiteral("不存在")},
    };
    for (const auto& [file, expected] : cases) {
        QString error;
        EXPECT_FALSE(w.window.openProject(file, &error)) << file.toStdString();
        EXPECT_TRUE(error.contains(expected) && error.contains(QFileInfo(file).fileName())) << error.toStdString();
        EXPECT_TRUE(w.window.messageBar()->text().contains(error));
        EXPECT_EQ(w.window.canvas()->settings().theme, app::render::View::Transport);
        EXPECT_EQ(w.window.canvas()->view().centre(), before.centre());
    }
    // The command line: refused with the file named and exit ≠ 0, nothing written.
    const QString out = tmp.path() + "/map.png";
    const auto r = test::gzplan({"render", "--project", tmp.path() + "/b.gzproj", "--out", out});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("b.gzproj")) << r.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(out));
    const auto headless = test::gzplan({"--project", tmp.path() + "/a.gzproj"});
    EXPECT_NE(headless.code, 0);
    EXPECT_TRUE(headless.err.contains("a.gzproj")) << headless.err.toStdString();
}

TEST(Project, RenderCommandDrawsTheProjectAsTheWindowShowsIt)
{
    QTemporaryDir tmp;
    ASSERT_TRUE(tmp.isValid());
    const QString points = writePoints(tmp.path());
    {
        test::ShownWindow w;
        ASSERT_TRUE(w.window.addLayerFiles({points}).isEmpty());
        w.window.showView(app::render::View::Transport);
        ASSERT_EQ(w.window.saveProject(tmp.path() + "/p.gzproj"), QString());
    }
    const auto r = test::gzplan({"render", "--project", tmp.path() + "/p.gzproj", "--out", tmp.path() + "/p.png", "--size", "800x600"});
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("points.geojson")) << r.err.toStdString();  // the layer was added
    EXPECT_FALSE(QImage(tmp.path() + "/p.png").isNull());
    QFile::remove(tmp.path() + "/points.geojson");
    const auto gone = test::gzplan({"render", "--project", tmp.path() + "/p.gzproj", "--out", tmp.path() + "/q.png"});
    EXPECT_EQ(gone.code, 1);
    EXPECT_TRUE(gone.err.contains("points.geojson") && gone.err.contains("missing")) << gone.err.toStdString();
}

TEST(Project, ReadsVersionOneAndSaysSelectedFeaturesTheFileNoLongerHas)
{
    QTemporaryDir tmp;
    ASSERT_TRUE(tmp.isValid());
    const QString points = writePoints(tmp.path());
    auto write = [&](const QString& name, const QByteArray& text) {
        QFile f(tmp.path() + "/" + name);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(text);
        return f.fileName();
    };
    // Version 1 (written before selections were saved): opens, nothing selected; a "selected" there is not read.
    test::ShownWindow w;
    QString error;
    QStringList missing;
    ASSERT_TRUE(w.window.openProject(write("v1.gzproj", R"({"version": 1, "view": "overview", "layers": [{"path": "points.geojson", "selected": [0]}]})"),
                                     &error, &missing))
        << error.toStdString();
    EXPECT_TRUE(missing.isEmpty()) << missing.join("; ").toStdString();
    ASSERT_EQ(w.window.userLayers().size(), 1u);
    EXPECT_TRUE(w.window.selection()->userLayersWithFeatures().isEmpty());
    // Version 2 with FIDs the file does not have (it changed): the rest selected, the lost ones counted.
    const std::int64_t first = w.window.userLayers()[0].data->fid(0);
    const QByteArray v2 = QStringLiteral(R"({"version": 2, "layers": [{"path": "points.geojson", "selected": [%1, %2, [900, 902]]}]})")
                              .arg(first)
                              .arg(first + 2)
                              .toUtf8();
    ASSERT_TRUE(w.window.openProject(write("v2.gzproj", v2), &error, &missing)) << error.toStdString();
    ASSERT_EQ(missing.size(), 1);
    EXPECT_TRUE(missing.front().contains("3 个要素已不在文件中")) << missing.front().toStdString();
    EXPECT_EQ(*w.window.selection()->userFeatures(w.window.userLayers()[0].id), (std::vector<std::int64_t>{first, first + 2}));
    // The runs written and read back.
    const std::vector<std::int64_t> fids{-3, -2, -1, 0, 5, 7, 8, 10, 11, 12, 13};
    const QJsonArray runs = app::gui::fidRuns(fids);
    EXPECT_EQ(runs, QJsonDocument::fromJson("[[-3, 0], 5, 7, 8, [10, 13]]").array());
    std::vector<std::int64_t> back;
    ASSERT_TRUE(app::gui::fidsFromRuns(runs, back));
    EXPECT_EQ(back, fids);
}
