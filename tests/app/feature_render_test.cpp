// User vector layers on the map: the fast striped renderer against the plain QPainter full-detail render, the
// layer inside the map renderer, and `gzplan render --add`.
#include <gtest/gtest.h>

#include <QApplication>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QStatusBar>
#include <QTest>
#include <QTextBrowser>
#include <QTemporaryDir>

#include <filesystem>
#include <set>

#include "layers/feature_layer.h"
#include "../common/test_parcels.h"
#include "gui/main_window.h"
#include "gui/map_canvas.h"
#include "gui/user_layer_panel.h"
#include "render/feature_layers.h"
#include "run_gzplan.h"
#include "test_data.h"

using namespace app::render;

namespace {

namespace fs = std::filesystem;

const std::filesystem::path& parcelsFile() { return test::parcelsFile(test::geography()); }

std::shared_ptr<const layers::FeatureLayer> parcels()
{
    static const auto layer = [] {
        layers::FeatureLayerOptions o;
        o.displayCrs = geo::crs::kAlbersChina;
        return std::shared_ptr<const layers::FeatureLayer>(layers::FeatureLayer::load(parcelsFile(), o));
    }();
    return layer;
}

MapView viewOf(double minLon, double minLat, double maxLon, double maxLat, QSize size = {1920, 1080})
{
    geo::Projection toAlbers(geo::crs::kCgcs2000, geo::crs::kAlbersChina);
    geo::Box box = geo::Box::empty();
    for (int j = 0; j <= 4; ++j)
        for (int i = 0; i <= 4; ++i) {
            geo::Point p{minLon + (maxLon - minLon) * i / 4, minLat + (maxLat - minLat) * j / 4};
            toAlbers.forward(p);
            box.expand(p);
        }
    return MapView::fit(box, size, 0);
}

/// Share of pixels whose colour (or coverage) differs by more than tolerance in any channel.
double differingShare(const QImage& a, const QImage& b, int tolerance = 24)
{
    EXPECT_EQ(a.size(), b.size());
    std::size_t differ = 0;
    for (int y = 0; y < a.height(); ++y) {
        const QRgb* ra = reinterpret_cast<const QRgb*>(a.constScanLine(y));
        const QRgb* rb = reinterpret_cast<const QRgb*>(b.constScanLine(y));
        for (int x = 0; x < a.width(); ++x)
            if (std::abs(qRed(ra[x]) - qRed(rb[x])) > tolerance || std::abs(qGreen(ra[x]) - qGreen(rb[x])) > tolerance ||
                std::abs(qBlue(ra[x]) - qBlue(rb[x])) > tolerance || std::abs(qAlpha(ra[x]) - qAlpha(rb[x])) > tolerance)
                ++differ;
    }
    return double(differ) / (double(a.width()) * a.height());
}

std::size_t opaquePixels(const QImage& image)
{
    std::size_t n = 0;
    for (int y = 0; y < image.height(); ++y) {
        const QRgb* row = reinterpret_cast<const QRgb*>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            n += qAlpha(row[x]) != 0;
    }
    return n;
}

struct Case {
    const char* name;
    MapView view;
    double bound;  // the stated bound on the share of differing pixels
};

}  // namespace

TEST(FeatureRender, FastPathMatchesTheFullDetailReferenceRender)
{
    const auto layer = parcels();
    const FeatureStyle style = defaultFeatureStyle(*layer, test::style());
    // Parcels of 20k are ~0.0129° across: ~3 px at province scale, ~60 px on Guiyang. The fast path draws
    // outlines with its own line stepper (deterministic across stripes), the reference with QPainter's
    // cosmetic pen: they differ by a pixel here and there along outlines, hence the bounds.
    const Case cases[] = {
        {"province", viewOf(103.6, 24.62, 109.6, 29.22), 0.03},
        {"guiyang", viewOf(106.53, 26.47, 106.89, 26.67), 0.01},
        {"zunyi, small window", viewOf(106.2, 27.3, 107.4, 28.0, {640, 400}), 0.03},
    };
    for (const Case& c : cases) {
        const QImage fast = renderFeatureLayer(*layer, style, c.view, RenderQuality::Fast);
        const QImage reference = renderFeatureLayer(*layer, style, c.view, RenderQuality::Reference);
        const double share = differingShare(fast, reference);
        if (qEnvironmentVariableIsSet("GZ_DUMP")) {
            fast.save(QStringLiteral("/tmp/fast-%1.png").arg(c.name[0]));
            reference.save(QStringLiteral("/tmp/ref-%1.png").arg(c.name[0]));
        }
        EXPECT_LT(share, c.bound) << c.name;
        EXPECT_GT(opaquePixels(fast), std::size_t(fast.width()) * fast.height() / 4) << c.name;  // it drew something
        std::cout << "[          ] " << c.name << ": " << share * 100 << "% of pixels differ from the reference\n";
    }
}

TEST(FeatureRender, SubPixelFeaturesAreDrawnAsPixelsCloseToTheReference)
{
    // At 480x270 the parcels are about a pixel across: the level-of-detail path draws single pixels.
    const auto layer = parcels();
    const FeatureStyle style = defaultFeatureStyle(*layer, test::style());
    const MapView view = viewOf(103.6, 24.62, 109.6, 29.22, {480, 270});
    const QImage fast = renderFeatureLayer(*layer, style, view, RenderQuality::Fast);
    const QImage reference = renderFeatureLayer(*layer, style, view, RenderQuality::Reference);
    // Coverage (transparent or not) must agree almost everywhere; colours may differ where a pixel holds several parcels.
    std::size_t coverageDiffers = 0;
    for (int y = 0; y < fast.height(); ++y)
        for (int x = 0; x < fast.width(); ++x)
            coverageDiffers += (qAlpha(fast.pixel(x, y)) == 0) != (qAlpha(reference.pixel(x, y)) == 0);
    EXPECT_LT(double(coverageDiffers) / (fast.width() * fast.height()), 0.01);
    EXPECT_LT(differingShare(fast, reference), 0.35);
}

TEST(FeatureRender, StripesOnSeveralThreadsDrawTheSameImageAsOne)
{
    const auto layer = parcels();
    const FeatureStyle style = defaultFeatureStyle(*layer, test::style());
    for (const MapView& view : {viewOf(103.6, 24.62, 109.6, 29.22), viewOf(106.53, 26.47, 106.89, 26.67)}) {
        const QImage one = renderFeatureLayer(*layer, style, view, RenderQuality::Fast, 1);
        const QImage four = renderFeatureLayer(*layer, style, view, RenderQuality::Fast, 4);
        EXPECT_EQ(differingShare(one, four, 0), 0.0);
    }
}

TEST(FeatureRender, LandUseCategoriesGetTheirColours)
{
    const auto layer = parcels();
    const FeatureStyle style = defaultFeatureStyle(*layer, test::style());
    ASSERT_EQ(style.categoryFills.size(), 16u);
    const QImage image = renderFeatureLayer(*layer, style, viewOf(103.6, 24.62, 109.6, 29.22), RenderQuality::Fast);
    std::set<QRgb> seen;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            if (qAlpha(image.pixel(x, y)) == 255)
                seen.insert(image.pixel(x, y));
    int matched = 0;
    for (const QColor& c : style.categoryFills)
        matched += seen.count(c.rgb()) > 0;
    EXPECT_GE(matched, 14);  // all but the rarest categories appear at province scale
}

TEST(FeatureRender, MapRendererDrawsUserLayersOverTheCountyFills)
{
    const auto r = test::renderer();
    RenderSettings s = test::renderer()->settingsFor(View::Overview);
    s.view = MapView::fit(r->data().extent, QSize(800, 600));
    s.setVisible("labels", false);
    s.scaleBar = s.northArrow = false;
    const QImage without = r->renderImage(s);
    UserLayer u;
    u.id = "user:1";
    u.data = parcels();
    u.style = defaultFeatureStyle(*u.data, test::style());
    s.userLayers.push_back(u);
    const QImage with = r->renderImage(s);
    EXPECT_GT(differingShare(with, without), 0.2);
    // Hidden again: the same image as without.
    s.userLayers[0].visible = false;
    EXPECT_LT(differingShare(r->renderImage(s), without, 0), 0.001);  // the map renderer's own stripes may move a few antialiased pixels
}

TEST(FeatureRender, PointLayersAreDrawnAtTheirPositions)
{
    layers::FeatureLayerOptions o;
    o.displayCrs = geo::crs::kAlbersChina;
    o.layer = "county_seats";
    const auto seats = layers::FeatureLayer::load(GZ_TEST_GEOPACKAGE, o);
    EXPECT_EQ(seats->kind(), layers::FeatureKind::Points);
    const MapView view = MapView::fit(test::renderer()->data().extent, QSize(800, 600));
    const QImage image = renderFeatureLayer(*seats, defaultFeatureStyle(*seats, test::style()), view);
    for (const auto& c : test::geography().counties) {
        geo::Point p = c.seat;
        geo::Projection(geo::crs::kCgcs2000, geo::crs::kAlbersChina).forward(p);
        const QPoint px = view.toScreen(p).toPoint();
        EXPECT_GT(qAlpha(image.pixel(px)), 0) << c.name;
    }
}

TEST(FeatureRender, CommandLineAddsALayerAndNamesABadFile)
{
    QTemporaryDir dir;
    test::GzplanResult r = test::runGzplan({"render", "--add", QString::fromStdString(parcelsFile().string()), "--plain", "--size", "640x400",
                                            "--out", dir.filePath("p.png")});
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_EQ(QImage(dir.filePath("p.png")).width(), 640);
    EXPECT_TRUE(r.err.contains(QString::number(parcels()->size()) + " features")) << r.err.toStdString();

    r = test::runGzplan({"render", "--add", dir.filePath("missing.gpkg"), "--out", dir.filePath("q.png")});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("missing.gpkg")) << r.err.toStdString();
    EXPECT_FALSE(QFile::exists(dir.filePath("q.png")));
}

TEST(FeatureRender, WindowAddsALayerIdentifiesItsFeaturesAndKeepsItAcrossProjections)
{
    app::gui::MainWindow window(test::plannedRenderer(), test::query(), "summary");
    window.setRendererFactory([](const QString& crs) {
        app::render::Style style;
        app::render::Style::load(GZ_TEST_SHARE_DIR "/styles/default.json", style);
        return std::make_shared<const MapRenderer>(MapData::build(test::geography(), crs), style);
    });
    window.resize(1200, 800);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.canvas()->zoomToProvince();

    const QString error = window.addLayerFile("/nonexistent/survey.gpkg");
    EXPECT_TRUE(error.contains("/nonexistent/survey.gpkg")) << error.toStdString();
    EXPECT_TRUE(window.userLayers().empty());

    ASSERT_EQ(window.addLayerFile(QString::fromStdString(parcelsFile().string())), QString());
    ASSERT_EQ(window.userLayers().size(), 1u);
    EXPECT_EQ(window.canvas()->settings().userLayers.size(), 1u);
    EXPECT_EQ(window.userLayerList()->topLevelItemCount(), 1);
    EXPECT_EQ(window.userLayers()[0].data->size(), parcels()->size());

    // Identify at Guiyang's seat: the parcel there, with its attributes read from the file.
    geo::Point seat = test::geography().county("520102")->seat;
    geo::Projection(geo::crs::kCgcs2000, geo::crs::kAlbersChina).forward(seat);
    const QPointF screen = window.canvas()->view().toScreen(seat);
    const auto [layer, feature] = window.userFeatureAt(screen);
    ASSERT_EQ(layer, 0);
    window.identifyAt(screen);
    const QString info = window.infoPanel()->toPlainText();
    EXPECT_TRUE(info.contains("landuse")) << info.toStdString();
    EXPECT_TRUE(info.contains("520102")) << info.toStdString();

    // Unticking hides it (nothing to identify there then but the county).
    window.userLayerList()->layerItem(0)->setCheckState(0, Qt::Unchecked);
    EXPECT_FALSE(window.canvas()->settings().userLayers[0].visible);
    EXPECT_EQ(window.userFeatureAt(screen).first, -1);
    window.userLayerList()->layerItem(0)->setCheckState(0, Qt::Checked);

    // Another display CRS: the layer is read again in it and still identifies the same feature.
    ASSERT_TRUE(window.setDisplayCrs("EPSG:4545"));
    ASSERT_EQ(window.userLayers().size(), 1u);
    EXPECT_EQ(window.userLayers()[0].data->displayCrs(), "EPSG:4545");
    geo::Point seat4545 = test::geography().county("520102")->seat;
    geo::Projection(geo::crs::kCgcs2000, "EPSG:4545").forward(seat4545);
    const auto again = window.userFeatureAt(window.canvas()->view().toScreen(seat4545));
    EXPECT_EQ(again.first, 0);
    EXPECT_EQ(window.userLayers()[0].data->fid(again.second), parcels()->fid(feature));
}

TEST(FeatureRender, WindowAsksBeforeLeavingOutFeaturesItCannotRead)
{
    QTemporaryDir dir;
    const QString csv = dir.filePath("bad.csv");
    {
        QFile f(csv);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("WKT,name\n\"POINT (106.7 26.6)\",a\n\"POINT (106 \",b\n\"POINT (107 27)\",c\n");
    }
    app::gui::MainWindow window(test::plannedRenderer(), test::query(), "summary");
    window.resize(1200, 800);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));

    // The question names the feature and why; the first time it is answered No, the second time Yes.
    QString asked;
    // Polls until the box is open (a slow machine or a sanitizer build may take a while), then answers it.
    QTimer poll;
    QMessageBox::StandardButton reply = QMessageBox::No;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            asked = box->text();
            box->button(reply)->click();
        }
    });
    poll.start(20);
    auto answer = [&](QMessageBox::StandardButton button) { reply = button; };
    answer(QMessageBox::No);
    const QString refused = window.addLayerFile(csv);
    EXPECT_TRUE(asked.contains("feature 2") && asked.contains("POINT (106 ")) << asked.toStdString();
    EXPECT_TRUE(refused.contains("feature 2")) << "the error is shown, nothing added: " << refused.toStdString();
    EXPECT_TRUE(window.userLayers().empty());

    asked.clear();
    answer(QMessageBox::Yes);
    ASSERT_EQ(window.addLayerFile(csv), QString());
    EXPECT_FALSE(asked.isEmpty());
    ASSERT_EQ(window.userLayers().size(), 1u);
    EXPECT_EQ(window.userLayers()[0].data->size(), 2u);
    EXPECT_EQ(window.userLayers()[0].data->skipped(), 1u);
    EXPECT_TRUE(window.statusBar()->currentMessage().contains("1")) << window.statusBar()->currentMessage().toStdString();
}
