// User layers that cooperate with the plan (issue 11), on the synthetic parcel layer (tests/common/test_parcels.h):
// drawn under the plan's overlays unless the user puts one above, listed in the legend with their categories,
// and identified after the plan object under the click, outlined on the map.
#include <gtest/gtest.h>

#include <QPainter>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

#include "../common/test_parcels.h"
#include "gui/user_layer_panel.h"
#include "layers/feature_layer.h"
#include "render/map_layers.h"
#include "render/painting.h"
#include "run_gzplan.h"
#include "shown_window.h"
#include "test_data.h"

using namespace app::render;

namespace {

const std::filesystem::path& parcelsFile() { return test::parcelsFile(test::geography()); }

/// The synthetic parcels (labelled synthetic: make-parcels' jittered grid with land-use categories) as a user layer.
UserLayer syntheticParcels(const MapRenderer& r)
{
    layers::FeatureLayerOptions o;
    o.displayCrs = r.data().crs.toStdString();
    static const std::shared_ptr<const layers::FeatureLayer> data = layers::FeatureLayer::load(parcelsFile(), o);
    UserLayer u;
    u.id = "user:1";
    u.title = "synthetic parcels";
    u.data = data;
    u.style = defaultFeatureStyle(*data, r.style());
    return u;
}

bool near(QRgb a, QRgb b, int tolerance = 10)
{
    return std::abs(qRed(a) - qRed(b)) <= tolerance && std::abs(qGreen(a) - qGreen(b)) <= tolerance && std::abs(qBlue(a) - qBlue(b)) <= tolerance;
}

/// Screen pixels of a county's interior (its path holds the pixel centre, a few pixels from its outline).
std::vector<QPoint> pixelsInside(const MapData& data, const QString& code, const MapView& view)
{
    std::vector<QPoint> out;
    for (const CountyItem& c : data.counties)
        if (c.code == code) {
            const QPainterPath screen = view.transform().map(c.path);
            const QRect box = screen.boundingRect().toAlignedRect();
            for (int y = box.top(); y <= box.bottom(); ++y)
                for (int x = box.left(); x <= box.right(); ++x)
                    if (screen.contains(QRectF(x - 3, y - 3, 7, 7)))
                        out.emplace_back(x, y);
        }
    return out;
}

int classIndex(const MapData& data, const QString& id)
{
    for (std::size_t i = 0; i < data.classes.size(); ++i)
        if (data.classes[i].id == id)
            return static_cast<int>(i);
    return -1;
}

}  // namespace

TEST(UserLayerRender, ClassHatchingShowsOverParcelsUnlessTheLayerIsDrawnAbovePlan)
{
    const auto r = test::plannedRenderer();
    RenderSettings s = r->settingsFor(View::CountyClasses);
    s.view = MapView::fit(r->data().extent, {1200, 900});
    s.setVisible("labels", false);  // seat dots and names are not what this looks at
    const QRgb satellite = r->classFill(classIndex(r->data(), "satellite")).rgb();
    const std::vector<QPoint> xiuwen = pixelsInside(r->data(), "520123", s.view);  // 修文, a satellite county seat
    ASSERT_GT(xiuwen.size(), 200u);
    auto share = [&](const QImage& image, auto keep) {
        std::size_t n = 0;
        for (const QPoint& at : xiuwen)
            n += keep(image.pixel(at), at);
        return double(n) / double(xiuwen.size());
    };
    auto classColour = [&](QRgb c, QPoint) { return near(c, satellite); };
    EXPECT_GT(share(r->renderImage(s), classColour), 0.9) << "without a user layer the county is filled with its class";

    const UserLayer parcels = syntheticParcels(*r);
    const QImage alone = renderFeatureLayer(*parcels.data, parcels.style, s.view);
    auto parcelColour = [&](QRgb c, QPoint at) { return qAlpha(alone.pixel(at)) == 255 && near(c, alone.pixel(at)) && !near(c, satellite); };
    ASSERT_GT(share(alone, [](QRgb c, QPoint) { return qAlpha(c) == 255; }), 0.9) << "the synthetic parcels cover the county";

    // Default: the parcels over the county fill, the class hatched over them; both are seen.
    s.userLayers = {parcels};
    const QImage under = r->renderImage(s);
    const double hatchedUnder = share(under, classColour), parcelsUnder = share(under, parcelColour);
    EXPECT_GT(hatchedUnder, 0.2) << "the class overlay shows over the parcels";
    EXPECT_GT(parcelsUnder, 0.25) << "the parcels show between the hatching";

    // Drawn above the plan: the parcels' colours win.
    s.userLayers[0].abovePlan = true;
    const QImage above = r->renderImage(s);
    EXPECT_LT(share(above, classColour), 0.02);
    EXPECT_GT(share(above, parcelColour), 0.85);
    if (qEnvironmentVariableIsSet("GZ_DUMP")) {
        under.save("/tmp/userlayer-under.png");
        above.save("/tmp/userlayer-above.png");
    }
}

TEST(UserLayerLegend, ListsTheViewThenTheLayerNameAndItsCategoriesWithCounts)
{
    const auto r = test::plannedRenderer();
    RenderSettings s = r->settingsFor(View::Overview);
    s.view = MapView::fit(r->data().extent, {1600, 1200});
    s.userLayers = {syntheticParcels(*r)};
    QImage image(8, 8, QImage::Format_ARGB32_Premultiplied);
    QPainter p(&image);
    const Frame f;
    const std::vector<LegendEntry> entries = legendEntries({p, s, f, r->data(), r->style(), r->symbols(s.theme), 1.0});

    // The view's legend first (the prefectures), then the layer's heading and its categories.
    ASSERT_GT(entries.size(), r->data().prefectures.size() + 2);
    EXPECT_EQ(entries.front().text, r->data().prefectures.front().name);
    const auto heading = std::find_if(entries.begin(), entries.end(), [](const LegendEntry& e) { return e.kind == LegendEntry::Kind::Heading; });
    ASSERT_NE(heading, entries.end());
    EXPECT_EQ(heading->text, "synthetic parcels");
    EXPECT_EQ(static_cast<std::size_t>(heading - entries.begin()), r->data().prefectures.size());

    const UserLayer& u = s.userLayers.front();
    const std::vector<LayerCategory> categories = layerCategories(*u.data, u.style);
    ASSERT_GE(categories.size(), 3u);
    std::size_t total = 0;
    for (const LayerCategory& c : categories)
        total += c.count;
    EXPECT_EQ(total, u.data->size());
    EXPECT_GE(categories[0].count, categories[1].count) << "most features first";
    const LegendEntry& first = *(heading + 1);
    EXPECT_EQ(first.kind, LegendEntry::Kind::Swatch);
    EXPECT_EQ(first.text, QStringLiteral("%1 (%2)").arg(categories[0].name).arg(categories[0].count));
    EXPECT_EQ(first.brush.color(), categories[0].fill);

    // A hidden layer is not in the legend.
    s.userLayers.front().visible = false;
    const auto hidden = legendEntries({p, s, f, r->data(), r->style(), r->symbols(s.theme), 1.0});
    EXPECT_EQ(hidden.size(), r->data().prefectures.size());
}

TEST(UserLayerLegend, RenderCommandDrawsTheLayerCategoriesInTheLegend)
{
    QTemporaryDir dir;
    const QString out = dir.filePath("parcels.png");
    const test::GzplanResult r = test::runGzplan({"render", "--add", QString::fromStdString(parcelsFile().string()), "--size", "1600x1200", "--out", out});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QImage image(out);
    ASSERT_FALSE(image.isNull());
    // The legend's swatches are 18 px wide from x = 16 (at 96 dpi), left of the map's frame: the most common
    // category's colour there is its swatch.
    const auto renderer = test::plannedRenderer();
    const UserLayer u = syntheticParcels(*renderer);
    const QRgb top = layerCategories(*u.data, u.style).front().fill.rgb();
    int swatch = 0;
    for (int y = 56; y < image.height() - 40; ++y)
        for (int x = 18; x < 32; ++x)
            swatch += near(image.pixel(x, y), top, 2);
    EXPECT_GT(swatch, 60) << "the legend shows the layer's categories";
}

TEST(MainWindowUserLayers, IdentifyShowsTheCountyFirstThenTheParcelAndOutlinesIt)
{
    test::ShownWindow w;
    auto& window = w.window;
    ASSERT_EQ(window.addLayerFile(QString::fromStdString(parcelsFile().string())), QString());
    geo::Point seat = test::geography().county("520102")->seat;  // 南明区, in Guiyang
    geo::Projection(geo::crs::kCgcs2000, window.displayCrs().toStdString()).forward(seat);
    const QPointF screen = window.canvas()->view().toScreen(seat);
    window.identifyAt(screen);

    // The plan answers the click: the county, with the parcel at that point listed below it.
    EXPECT_EQ(window.identified().kind, app::gui::Hit::Kind::County);
    EXPECT_EQ(window.identified().id, "520102");
    ASSERT_EQ(window.identifiedFeatures().size(), 1u);
    const QString info = window.infoPanel()->toPlainText();
    const qsizetype county = info.indexOf(QString::fromStdString(test::geography().county("520102")->name));
    const qsizetype parcel = info.indexOf("landuse");
    EXPECT_GE(county, 0) << info.toStdString();
    EXPECT_GT(parcel, county) << info.toStdString();

    // The parcel is outlined: the highlight is its shape.
    const auto [layer, feature] = window.identifiedFeatures().front();
    const QPainterPath shape = featurePath(*window.userLayers()[static_cast<std::size_t>(layer)].data, feature);
    EXPECT_EQ(window.canvas()->featureHighlight().boundingRect(), shape.boundingRect());
    EXPECT_TRUE(window.canvas()->featureHighlight().contains(QPointF(seat.x, seat.y)));
    if (qEnvironmentVariableIsSet("GZ_DUMP")) {  // to look at: the window as the user sees it after the click
        window.canvas()->zoomTo({seat.x - 5000, seat.y - 5000, seat.x + 5000, seat.y + 5000});
        EXPECT_TRUE(QTest::qWaitFor([&] { return !window.canvas()->rendering(); }, 10000));
        window.grab().save("/tmp/userlayer-identify.png");
    }

    // Esc clears it; so does identifying something else.
    window.canvas()->setFocus();
    QTest::keyClick(window.canvas(), Qt::Key_Escape);
    EXPECT_TRUE(window.canvas()->featureHighlight().isEmpty());
    EXPECT_EQ(window.identified().kind, app::gui::Hit::Kind::None);
    window.identifyAt(screen);
    EXPECT_FALSE(window.canvas()->featureHighlight().isEmpty());
    window.identify({app::gui::Hit::Kind::County, "520111"});
    EXPECT_TRUE(window.canvas()->featureHighlight().isEmpty());
}

TEST(MainWindowUserLayers, TheListShowsCategoriesAndKeepsOpacityAndTheAbovePlanToggle)
{
    test::ShownWindow w;
    auto& window = w.window;
    ASSERT_EQ(window.addLayerFile(QString::fromStdString(parcelsFile().string())), QString());
    app::gui::UserLayerPanel* list = window.userLayerList();
    ASSERT_EQ(list->topLevelItemCount(), 1);
    const QStringList categories = list->categoryTexts(0);
    const auto& u = window.userLayers().front();
    const auto expected = layerCategories(*u.data, u.style);
    ASSERT_EQ(categories.size(), static_cast<qsizetype>(expected.size()));
    EXPECT_EQ(categories.front(), QStringLiteral("%1 (%2)").arg(expected.front().name).arg(expected.front().count));

    EXPECT_FALSE(window.canvas()->settings().userLayers[0].abovePlan) << "under the plan by default";
    list->abovePlanItem(0)->setCheckState(0, Qt::Checked);
    EXPECT_TRUE(window.userLayers()[0].abovePlan);
    EXPECT_TRUE(window.canvas()->settings().userLayers[0].abovePlan);
    list->opacity(0)->setValue(40);
    EXPECT_DOUBLE_EQ(window.canvas()->settings().userLayers[0].opacity, 0.4);

    // Kept with the layer when the list is built again (a language change rebuilds it).
    window.setLanguage("en");
    EXPECT_EQ(window.userLayerList()->abovePlanItem(0)->checkState(0), Qt::Checked);
    EXPECT_EQ(window.userLayerList()->opacity(0)->value(), 40);
    EXPECT_EQ(window.userLayerList()->abovePlanItem(0)->text(0), "Draw above the plan layers");
    window.setLanguage("zh");
}
