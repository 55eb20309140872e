// The style as data: a changed copy of share/styles/default.json changes the map without a rebuild (in process,
// through gzplan render --style, and in the window), and a broken style file is refused with a reason.

#include <gtest/gtest.h>

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include "gui/main_window.h"
#include "render/map_layers.h"
#include "run_gzplan.h"
#include "test_data.h"

using namespace app::render;

namespace {
QJsonObject shippedStyle()
{
    QFile f(GZ_TEST_SHARE_DIR "/styles/default.json");
    EXPECT_TRUE(f.open(QIODevice::ReadOnly));
    return QJsonDocument::fromJson(f.readAll()).object();
}

QString write(const QTemporaryDir& dir, const QString& name, const QJsonObject& style)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(style).toJson());
    return path;
}

/// The shipped style with one more rule at the end (which overrides every earlier one it matches).
QJsonObject withRule(const QJsonObject& rule)
{
    QJsonObject style = shippedStyle();
    QJsonArray rules = style.value("rules").toArray();
    rules.append(rule);
    style["rules"] = rules;
    return style;
}

const QColor kChanged("#00ff00");

/// Counties of the satellite class only (one fill, no stripes).
std::vector<std::size_t> satelliteOnlyCounties(const MapData& data)
{
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < data.counties.size(); ++i)
        if (data.countyClasses[i].size() == 1 && data.classes[static_cast<std::size_t>(data.countyClasses[i][0])].id == "satellite")
            out.push_back(i);
    return out;
}

int countNear(const QImage& image, QColor colour)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            n += std::abs(c.red() - colour.red()) <= 2 && std::abs(c.green() - colour.green()) <= 2 && std::abs(c.blue() - colour.blue()) <= 2;
        }
    return n;
}
}  // namespace

TEST(Style, ShippedStyleLoadsAndEveryLayerHasADrawCall)
{
    Style style;
    QString error;
    ASSERT_TRUE(Style::load(GZ_TEST_SHARE_DIR "/styles/default.json", style, &error)) << error.toStdString();
    EXPECT_GT(style.rules.size(), 40u);
    for (const QString& id : layerIds())
        EXPECT_TRUE(id == "labels" || findLayer(id)) << "layer without a draw call in the registry: " << id.toStdString();
    for (const LayerEntry& e : layerRegistry())
        EXPECT_TRUE(layerIds().contains(e.id)) << e.id;
}

TEST(Style, AChangedRuleChangesTheRenderedPixels)
{
    QTemporaryDir dir;
    const QString path = write(dir, "green.json", withRule(QJsonObject{{"layer", "counties"}, {"view", "county_classes"}, {"where", QJsonObject{{"class", "satellite"}}}, {"fill", kChanged.name()}}));
    Style changed;
    QString error;
    ASSERT_TRUE(Style::load(path, changed, &error)) << error.toStdString();
    const auto shipped = test::plannedRenderer();
    const MapRenderer modified(shipped->sharedData(), changed);
    const std::vector<std::size_t> satellites = satelliteOnlyCounties(shipped->data());
    ASSERT_FALSE(satellites.empty());
    for (const RenderQuality quality : {RenderQuality::Fast, RenderQuality::Reference}) {
        RenderSettings s = shipped->settingsFor(View::CountyClasses);
        s.view = MapView::fit(shipped->viewExtent(View::CountyClasses), QSize(800, 600));
        s.quality = quality;
        s.setVisible("labels", false);
        const QImage before = shipped->renderImage(s);
        const QImage after = modified.renderImage(s);
        EXPECT_EQ(countNear(before, kChanged), 0);
        EXPECT_GT(countNear(after, kChanged), 2000) << "satellite counties filled with the changed colour";
        // The seat of a satellite county: its pixel turned green; a county of another class kept its colour.
        const QPoint seat = s.view.toScreen(shipped->data().counties[satellites.front()].seat).toPoint() + QPoint(0, 6);
        EXPECT_NE(before.pixelColor(seat), after.pixelColor(seat));
    }
}

TEST(Style, ZoneRulesWorkByKindNotByDataId)
{
    // A rule on the zone kind "core" recolours 一核 in the 一核三心多组团 view, and nothing in code names the zone.
    QTemporaryDir dir;
    const QString path = write(dir, "core.json", withRule(QJsonObject{{"layer", "zones"}, {"where", QJsonObject{{"kind", "core"}}}, {"fill", "#0000ff"}}));
    Style changed;
    ASSERT_TRUE(Style::load(path, changed));
    const MapRenderer modified(test::plannedRenderer()->sharedData(), changed);
    RenderSettings s = modified.settingsFor(View::OneCoreThreeCentres);
    s.view = MapView::fit(modified.viewExtent(View::OneCoreThreeCentres), QSize(800, 600));
    s.setVisible("labels", false);
    const QImage image = modified.renderImage(s);
    const QImage shipped = test::plannedRenderer()->renderImage(s);
    // The core's fill is blue at the zone layer's opacity over the county fill.
    int bluish = 0, bluishBefore = 0;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2) {
            bluish += image.pixelColor(x, y).blue() > image.pixelColor(x, y).red() + 60;
            bluishBefore += shipped.pixelColor(x, y).blue() > shipped.pixelColor(x, y).red() + 60;
        }
    EXPECT_GT(bluish, bluishBefore + 300);
}

TEST(Style, BrokenStyleFilesAreRefusedSayingWhere)
{
    QTemporaryDir dir;
    struct Case {
        QJsonObject style;
        const char* expected;
    };
    QJsonObject noBackground = shippedStyle();
    QJsonObject map = noBackground.value("map").toObject();
    map.remove("background");
    noBackground["map"] = map;
    QJsonObject typo = shippedStyle();
    map = typo.value("map").toObject();
    map["backgrund"] = "#ffffff";
    typo["map"] = map;
    const Case cases[] = {
        {noBackground, "missing \"background\""},
        {typo, "unknown key \"backgrund\""},
        {withRule({{"layer", "counties"}, {"fill", "#12345"}}), "rules[" },
        {withRule({{"layer", "countys"}, {"fill", "#123456"}}), "unknown layer \"countys\""},
        {withRule({{"layer", "zones"}, {"view", "classes"}, {"fill", "#123456"}}), "unknown view \"classes\""},
        {withRule({{"layer", "zones"}, {"colour", "#123456"}}), "unknown symbol property \"colour\""},
        {withRule({{"layer", "corridors"}, {"dash", "dotted"}}), "not one of solid, dash, dot, dashdot: dotted"},
    };
    int n = 0;
    for (const Case& c : cases) {
        const QString path = write(dir, QStringLiteral("bad%1.json").arg(n++), c.style);
        Style style;
        QString error;
        EXPECT_FALSE(Style::load(path, style, &error)) << c.expected;
        EXPECT_TRUE(error.contains(path)) << error.toStdString();
        EXPECT_TRUE(error.contains(QString::fromUtf8(c.expected))) << error.toStdString();
    }
}

TEST(Style, GzplanRenderTakesAStyleFile)
{
    QTemporaryDir dir;
    const QString green = write(dir, "green.json", withRule(QJsonObject{{"layer", "counties"}, {"view", "county_classes"}, {"where", QJsonObject{{"class", "satellite"}}}, {"fill", kChanged.name()}}));
    const QString shippedPng = dir.filePath("shipped.png"), greenPng = dir.filePath("green.png");
    auto r = test::runGzplan({"render", "--view", "county_classes", "--size", "800x600", "--out", shippedPng});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    r = test::runGzplan({"render", "--view", "county_classes", "--size", "800x600", "--style", green, "--out", greenPng});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_EQ(countNear(QImage(shippedPng), kChanged), 0);
    EXPECT_GT(countNear(QImage(greenPng), kChanged), 1000);

    // A broken style: exit 2, the reason, no map.
    const QString broken = write(dir, "broken.json", withRule({{"layer", "counties"}, {"fill", "green-ish"}}));
    const QString brokenPng = dir.filePath("broken.png");
    r = test::runGzplan({"render", "--style", broken, "--out", brokenPng});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(r.err.contains("broken.json")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("not a colour")) << r.err.toStdString();
    EXPECT_FALSE(QFile::exists(brokenPng));
}

TEST(Style, TheWindowTakesAStyleFile)
{
    app::gui::MainWindow window(test::plannedRenderer(), test::query(), "summary");
    QTemporaryDir dir;
    const QString broken = write(dir, "broken.json", withRule({{"layer", "nowhere"}}));
    EXPECT_TRUE(window.setStyleFile(broken).contains("unknown layer")) << "refused, the map keeps its style";
    EXPECT_EQ(window.renderer(), test::plannedRenderer());
    const QString green = write(dir, "green.json", withRule(QJsonObject{{"layer", "counties"}, {"view", "county_classes"}, {"where", QJsonObject{{"class", "satellite"}}}, {"fill", kChanged.name()}}));
    EXPECT_EQ(window.setStyleFile(green), QString());
    const auto& data = window.renderer()->data();
    for (std::size_t i = 0; i < data.classes.size(); ++i) {
        if (data.classes[i].id == "satellite") {
            EXPECT_EQ(window.renderer()->classFill(static_cast<int>(i)), kChanged);
        }
    }
    EXPECT_EQ(&window.renderer()->data(), &test::plannedRenderer()->data()) << "the same data, a new style";
}

TEST(Style, OnlyTheClassViewSplitsCountiesByClass)
{
    // The overview fills every county with its prefecture's colour, classes or not (a class rule without
    // split_by_class must not turn counties into stripes of the neutral fill).
    const auto r = test::plannedRenderer();
    RenderSettings s = r->settingsFor(View::Overview);
    s.view = MapView::fit(r->viewExtent(View::Overview), QSize(800, 600));
    s.setVisible("labels", false);
    const QImage image = r->renderImage(s);
    const QColor neutral = r->style().symbol("counties", "transport").fill;
    EXPECT_LT(countNear(image, neutral), 50);
    for (int i = 0; i < static_cast<int>(r->data().prefectures.size()); ++i)
        EXPECT_GT(countNear(image, r->prefectureFill(i)), 500) << r->data().prefectures[static_cast<std::size_t>(i)].name.toStdString();
    EXPECT_TRUE(r->symbols(View::Overview).classFills.empty());
    EXPECT_EQ(r->symbols(View::CountyClasses).classFills.size(), r->data().classes.size());
}
