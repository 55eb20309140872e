// The 目标进展 (progress) view: county fills by their central city's share of targets met, the per-indicator mode,
// the legend, and what a missing or broken figures' store gives. Every figure here is SYNTHETIC (entered through
// layers::ActualsStore by the test, source "合成测试数据 (synthetic test figures)"): none is a real statistic.

#include <gtest/gtest.h>

#include <QFile>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>

#include <algorithm>
#include <optional>

#include "layers/errors.h"
#include "layers/monitoring.h"
#include "render/map_layers.h"
#include "render/painting.h"
#include "render/progress_data.h"
#include "run_gzplan.h"
#include "test_data.h"

using namespace app::render;

namespace {
const char* kSynthetic = "合成测试数据 (synthetic test figures, not a statistic)";

int distance(QColor a, QColor b)
{
    return std::max({std::abs(a.red() - b.red()), std::abs(a.green() - b.green()), std::abs(a.blue() - b.blue())});
}

/// A synthetic figure for target id: value in the target's unit for the target's year.
layers::Actual figure(const std::string& id, double value)
{
    for (const layers::Target& t : test::plan().targets)
        if (t.id == id) {
            layers::Actual a;
            a.targetId = id;
            a.year = t.year;
            a.value = value;
            a.valueText = QString::number(value).toStdString();
            a.unit = t.unit;
            a.figureDate = std::to_string(t.year + 1) + "-03";
            a.source = kSynthetic;
            a.note = "synthetic";
            return a;
        }
    ADD_FAILURE() << "no target " << id;
    return {};
}

/// A store of synthetic figures: 遵义's five targets met (each figure at its target), 毕节's two not met (far below),
/// nothing for the others.
std::filesystem::path syntheticStore(const QTemporaryDir& dir)
{
    const std::filesystem::path file = (dir.path() + "/synthetic-actuals.gpkg").toStdString();
    layers::ActualsStore store = layers::ActualsStore::open(file, true);
    std::vector<layers::Actual> rows;
    for (const layers::Target& t : test::plan().targets)
        if (t.scopeKind == "city" && t.scopeId == "zunyi")
            rows.push_back(figure(t.id, t.value));
    rows.push_back(figure("t091", 50));  // 毕节 城区（含大方）常住人口 2023 ≈ 91 万人
    rows.push_back(figure("t092", 60));  // 2025 ≈ 100 万人
    store.add(rows, "import", "synthetic figures of progress_view_test", "progress_view_test");
    return file;
}

std::filesystem::path rulesDir() { return GZ_TEST_SHARE_DIR "/monitoring"; }

RenderSettings progressSettings(std::shared_ptr<const ProgressData> progress)
{
    const auto r = test::plannedRenderer();
    RenderSettings s = r->settingsFor(View::Progress);
    s.view = MapView::fit(r->data().extent, {1600, 1200});
    s.progress = std::move(progress);
    s.setVisible("labels", false);
    s.setVisible("rivers", false);
    s.setVisible("progress", false);  // the fills are checked: no circle or outline over them
    s.scaleBar = false;
    s.northArrow = false;
    return s;
}

/// The pixel nearest to the seat whose 7x7 neighbourhood lies wholly inside the county.
std::optional<QPoint> interiorPixel(const CountyItem& c, const MapView& view)
{
    const QPoint seat = view.toScreen(c.seat).toPoint();
    for (int radius = 0; radius <= 40; ++radius)
        for (int dy = -radius; dy <= radius; ++dy)
            for (int dx = -radius; dx <= radius; ++dx) {
                if (std::max(std::abs(dx), std::abs(dy)) != radius)
                    continue;
                const QPoint p = seat + QPoint(dx, dy);
                bool inside = true;
                for (int wy = -3; wy <= 3 && inside; ++wy)
                    for (int wx = -3; wx <= 3 && inside; ++wx) {
                        const geo::Point m = view.toMap(QPointF(p.x() + wx + 0.5, p.y() + wy + 0.5));
                        inside = c.path.contains(QPointF(m.x, m.y));
                    }
                if (inside)
                    return p;
            }
    return std::nullopt;
}

/// The counties of a central city (MapData::countyCity), or of none (cityId empty).
std::vector<const CountyItem*> countiesOf(const QString& cityId)
{
    const MapData& d = test::plannedRenderer()->data();
    std::vector<const CountyItem*> out;
    for (std::size_t i = 0; i < d.counties.size(); ++i) {
        const int k = d.countyCity[i];
        if (cityId.isEmpty() ? k < 0 : k >= 0 && d.cities[static_cast<std::size_t>(k)].id == cityId)
            out.push_back(&d.counties[i]);
    }
    return out;
}

QColor countyPixel(const QImage& image, const RenderSettings& s, const CountyItem& c)
{
    const auto px = interiorPixel(c, s.view);
    EXPECT_TRUE(px) << c.name.toStdString();
    return px ? image.pixelColor(*px) : QColor();
}

QColor styleFill(const Attributes& a)
{
    return test::style().symbol("counties", "progress", a).fill;
}

QVector<QColor> stylePalette(const QString& mode)
{
    return test::style().symbol("counties", "progress", {{"progress", "class"}, {"mode", mode}}).palette;
}

std::vector<LegendEntry> legend(const RenderSettings& s)
{
    const auto r = test::plannedRenderer();
    QImage image(8, 8, QImage::Format_ARGB32_Premultiplied);
    QPainter p(&image);
    const Frame f;
    return legendEntries({p, s, f, r->data(), r->style(), r->symbols(View::Progress), 1.0});
}

bool hasText(const std::vector<LegendEntry>& entries, const QString& text)
{
    return std::any_of(entries.begin(), entries.end(), [&](const LegendEntry& e) { return e.text.contains(text); });
}
}  // namespace

TEST(ProgressView, IsAViewWithItsOwnLayer)
{
    EXPECT_TRUE(viewIds().contains("progress"));
    EXPECT_EQ(viewFromId("progress"), View::Progress);
    EXPECT_TRUE(layerIds().contains("progress"));
    EXPECT_TRUE(test::style().views.value("progress").contains("progress"));
}

TEST(ProgressView, CountiesOfACityWithEveryTargetMetDifferFromOneWithNoneMetAndAreTheStylesColours)
{
    QTemporaryDir dir;
    const auto progress = loadProgress(test::plan(), syntheticStore(dir), rulesDir());
    // The synthetic figures give what the test expects: 遵义 5 of 5 met, 毕节 0 of 2.
    for (const auto& [scope, n] : progress->scopes) {
        if (scope == "city:zunyi") {
            EXPECT_EQ(n.met, n.targets);
        }
        if (scope == "city:bijie") {
            EXPECT_EQ(n.met, 0);
            EXPECT_EQ(n.withFigure(), 2);
        }
    }
    const RenderSettings s = progressSettings(progress);
    const QImage image = test::plannedRenderer()->renderImage(s);
    const QVector<QColor> classes = stylePalette("share");
    ASSERT_GE(classes.size(), 4);
    const auto zunyi = countiesOf("zunyi"), bijie = countiesOf("bijie"), kaili = countiesOf("kaili"), none = countiesOf("");
    ASSERT_FALSE(zunyi.empty());
    ASSERT_FALSE(bijie.empty());
    ASSERT_FALSE(kaili.empty());
    ASSERT_FALSE(none.empty());
    for (const CountyItem* c : zunyi)
        EXPECT_LE(distance(countyPixel(image, s, *c), classes.back()), 2) << c->name.toStdString();
    for (const CountyItem* c : bijie)
        EXPECT_LE(distance(countyPixel(image, s, *c), classes.front()), 2) << c->name.toStdString();
    EXPECT_GT(distance(classes.front(), classes.back()), 40);
    // 凯里 has targets and no figure; a county of no central city the neutral fill.
    for (const CountyItem* c : kaili)
        EXPECT_LE(distance(countyPixel(image, s, *c), styleFill({{"progress", "no_figure"}})), 2) << c->name.toStdString();
    EXPECT_LE(distance(countyPixel(image, s, *none.front()), styleFill({})), 2) << none.front()->name.toStdString();
    EXPECT_GT(distance(styleFill({{"progress", "no_figure"}}), styleFill({})), 10);
}

TEST(ProgressView, LegendListsTheClassesAndCountsTheProvincesTargets)
{
    QTemporaryDir dir;
    const RenderSettings s = progressSettings(loadProgress(test::plan(), syntheticStore(dir), rulesDir()));
    const auto entries = legend(s);
    const QVector<QColor> classes = stylePalette("share");
    for (const QColor& colour : classes)
        EXPECT_TRUE(std::any_of(entries.begin(), entries.end(), [&](const LegendEntry& e) { return e.kind == LegendEntry::Kind::Swatch && e.brush.color() == colour; }))
            << colour.name().toStdString();
    EXPECT_TRUE(hasText(entries, "0–20%"));
    EXPECT_TRUE(hasText(entries, "80–100%"));
    EXPECT_TRUE(hasText(entries, "有目标, 无实际数据"));
    EXPECT_TRUE(hasText(entries, "全省目标 221 项"));
    EXPECT_TRUE(hasText(entries, "无数据 221"));  // the synthetic store has no province figure
    EXPECT_FALSE(hasText(entries, "无实际数据:"));
}

TEST(ProgressView, PerIndicatorModeFillsByActualOverTarget)
{
    QTemporaryDir dir;
    const std::filesystem::path store = syntheticStore(dir);
    const auto share = test::plannedRenderer()->renderImage(progressSettings(loadProgress(test::plan(), store, rulesDir())));
    const RenderSettings s = progressSettings(loadProgress(test::plan(), store, rulesDir(), 0, "城区常住人口"));
    const QImage ratio = test::plannedRenderer()->renderImage(s);
    const QVector<QColor> classes = stylePalette("ratio");
    ASSERT_EQ(classes.size(), 5);
    // 遵义 180 of 180 万人 (2025): 98–102 %; 毕节 60 of 100: below 90 %.
    const CountyItem& zunyi = *countiesOf("zunyi").front();
    const CountyItem& bijie = *countiesOf("bijie").front();
    EXPECT_LE(distance(countyPixel(ratio, s, zunyi), classes[2]), 2);
    EXPECT_LE(distance(countyPixel(ratio, s, bijie), classes[0]), 2);
    EXPECT_GT(distance(countyPixel(ratio, s, zunyi), countyPixel(share, s, zunyi)), 20);
    // Every central city has a population target the mode finds (城区（含大方）…, 中心城市常住人口 for 贵阳贵安).
    for (const CityItem& city : test::plannedRenderer()->data().cities) {
        const layers::TargetProgress* t = indicatorTarget(*s.progress, "city:" + city.id.toStdString());
        ASSERT_NE(t, nullptr) << city.id.toStdString();
        EXPECT_TRUE(isCityPopulation(t->target->indicator)) << t->target->indicator;
    }
    EXPECT_TRUE(hasText(legend(s), "城区常住人口"));
}

TEST(ProgressView, AMissingStoreDrawsNoFiguresAndTheLegendSaysSo)
{
    QTemporaryDir dir;
    const auto progress = loadProgress(test::plan(), (dir.path() + "/none.gpkg").toStdString(), rulesDir());
    ASSERT_TRUE(progress);
    EXPECT_FALSE(QFile::exists(dir.path() + "/none.gpkg"));  // opened read-only: not created
    const RenderSettings s = progressSettings(progress);
    const QImage image = test::plannedRenderer()->renderImage(s);
    EXPECT_LE(distance(countyPixel(image, s, *countiesOf("zunyi").front()), styleFill({{"progress", "no_figure"}})), 2);
    EXPECT_TRUE(hasText(legend(s), "无实际数据"));
    // Without any ProgressData (a window before its store is read) the same.
    RenderSettings bare = progressSettings(nullptr);
    const QImage noData = test::plannedRenderer()->renderImage(bare);
    EXPECT_LE(distance(countyPixel(noData, bare, *countiesOf("zunyi").front()), styleFill({{"progress", "no_figure"}})), 2);
    EXPECT_TRUE(hasText(legend(bare), "无实际数据"));
}

TEST(ProgressView, ABrokenStoreIsAnErrorNamingIt)
{
    QTemporaryDir dir;
    const QString broken = dir.path() + "/broken.gpkg";
    QFile f(broken);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("not a GeoPackage at all\n");
    f.close();
    try {
        loadProgress(test::plan(), broken.toStdString(), rulesDir());
        FAIL() << "a broken store was read";
    } catch (const layers::DataError& e) {
        EXPECT_NE(std::string(e.what()).find(broken.toStdString()), std::string::npos) << e.what();
    }
    const auto r = test::gzplan({"render", "--view", "progress", "--size", "400x300", "--out", dir.path() + "/p.png"}, {"GZPLAN_ACTUALS=" + broken});
    EXPECT_NE(r.code, 0);
    EXPECT_TRUE(r.err.contains(broken)) << r.err.toStdString();
    EXPECT_FALSE(QFile::exists(dir.path() + "/p.png"));
}

TEST(ProgressView, RenderCommandDrawsTheViewAndThePerIndicatorMode)
{
    QTemporaryDir dir;
    const QString store = QString::fromStdString(syntheticStore(dir).string());
    for (const QStringList& extra : {QStringList{}, QStringList{"--indicator", "城区常住人口"}, QStringList{"--year", "2023", "--lang", "en"}}) {
        const QString out = dir.path() + "/progress" + QString::number(extra.size()) + ".png";
        const auto r = test::gzplan(QStringList{"render", "--view", "progress", "--size", "800x600", "--out", out} + extra, {"GZPLAN_ACTUALS=" + store});
        EXPECT_EQ(r.code, 0) << extra.join(' ').toStdString() << ": " << r.err.toStdString();
        EXPECT_FALSE(QImage(out).isNull());
    }
    // --indicator names no target's indicator; --indicator outside the progress view.
    auto r = test::gzplan({"render", "--view", "progress", "--indicator", "没有这个指标", "--out", dir.path() + "/x.png"}, {"GZPLAN_ACTUALS=" + store});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(r.err.contains("没有这个指标")) << r.err.toStdString();
    r = test::gzplan({"render", "--view", "overview", "--indicator", "城区常住人口", "--out", dir.path() + "/y.png"});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(r.err.contains("--view progress")) << r.err.toStdString();
}
