// The window's statistics dock, selection by location and table join (gui/stats_panel.h) against the engine
// (layers::analysis) on the 20k synthetic parcels (tests/common/test_parcels.h).
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>

#include <QBarCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDockWidget>
#include <QTabWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

#include "../common/test_parcels.h"
#include "gui/main_window.h"
#include "gui/map_canvas.h"
#include "gui/message_bar.h"
#include "gui/stats_panel.h"
#include "layers/analysis.h"
#include "render/choropleth.h"
#include "render/map_layers.h"
#include "render/painting.h"
#include "shown_window.h"
#include "test_data.h"

namespace la = layers::analysis;
using app::gui::StatsPanel;

namespace {
const std::filesystem::path& parcels() { return test::parcelsFile(test::geography()); }

/// A shown window with the plan's units and the parcels added.
struct Window : test::ShownWindow {
    Window()
    {
        window.setPlanGeometry(test::planGeometry());
        EXPECT_EQ(window.addLayerFile(QString::fromStdString(parcels().string())), QString());
    }
    StatsPanel& panel() { return *window.statsPanel(); }
    void choose(QComboBox* box, const QVariant& data)
    {
        const int i = box->findData(data);
        ASSERT_GE(i, 0) << data.toString().toStdString();
        box->setCurrentIndex(i);
    }
    bool runStats()
    {
        QSignalSpy done(&panel(), &StatsPanel::finished);
        if (!panel().run())
            return false;
        EXPECT_TRUE(done.wait(60000));
        return done.size() == 1 && done.front().front().toBool();
    }
    QImage settledMap()
    {
        QTest::qWait(50);
        EXPECT_TRUE(QTest::qWaitFor([&] { return !window.canvas()->rendering(); }, 20000));
        return window.canvas()->grab().toImage();
    }
};

la::StatsOptions forest()
{
    la::StatsOptions o;
    o.source.file = parcels();
    o.source.where = "landuse = '林地'";
    o.measure = la::parseMeasure("area");
    return o;
}
}  // namespace

TEST(StatsPanel, TableChartAndChoroplethOfForestByClassEqualTheEngine)
{
    Window w;
    StatsPanel& p = w.panel();
    ASSERT_EQ(p.layerBox()->count(), 1);
    w.choose(p.byBox(), "class");
    w.choose(p.measureBox(), "area");
    w.choose(p.valueUnitBox(), 1.0);  // m², as the engine
    p.whereEdit()->setText("landuse = '林地'");
    const QImage before = w.settledMap();
    ASSERT_TRUE(w.runStats()) << p.errorText().toStdString();

    const la::StatsResult expected = la::computeStats(*w.window.planUnits(), la::UnitKind::CountyClass, 0, forest());
    ASSERT_TRUE(p.result());
    ASSERT_EQ(p.table()->rowCount(), static_cast<int>(expected.rows.size()));
    ASSERT_GE(expected.rows.size(), 6u);
    for (int r = 0; r < p.table()->rowCount(); ++r) {
        const la::StatsRow& e = expected.rows[static_cast<std::size_t>(r)];
        EXPECT_EQ(p.table()->item(r, 0)->text().toStdString(), e.unitId);
        EXPECT_EQ(p.table()->item(r, 1)->text().toStdString(), e.unitName);
        EXPECT_EQ(p.table()->item(r, 3)->text().toULongLong(), e.features);
        EXPECT_NEAR(p.table()->item(r, 4)->data(Qt::UserRole).toDouble(), e.value, 1e-6 * std::max(1.0, e.value)) << e.unitId;
    }
    EXPECT_GT(expected.rows.front().value, 0);

    // The chart: one bar per unit (six classes, fewer than the top N).
    auto* axis = qobject_cast<QBarCategoryAxis*>(p.chartView()->chart()->axes(Qt::Vertical).value(0));
    ASSERT_NE(axis, nullptr);
    EXPECT_EQ(axis->count(), static_cast<int>(std::min<std::size_t>(expected.rows.size(), StatsPanel::kMaxBars)));

    // The choropleth: on the map (its pixels change), the legend naming the measure and what the fills are.
    ASSERT_TRUE(w.window.canvas()->choropleth());
    EXPECT_FALSE(w.window.canvas()->choropleth()->values.empty());
    const QImage after = w.settledMap();
    ASSERT_EQ(before.size(), after.size());
    int changed = 0;
    for (int y = 0; y < after.height(); y += 2)
        for (int x = 0; x < after.width(); x += 2)
            changed += before.pixel(x, y) != after.pixel(x, y);
    EXPECT_GT(changed, after.width() * after.height() / 4 / 20) << "the county fills change";
    const QString legend = w.window.canvas()->choropleth()->title;
    EXPECT_TRUE(legend.contains("area")) << legend.toStdString();
    EXPECT_TRUE(legend.contains("m²")) << legend.toStdString();
    EXPECT_TRUE(p.legendLabel()->text().contains("area"));
    EXPECT_TRUE(p.legendLabel()->text().contains(QStringLiteral("所属的县"))) << "the legend says a class fills its member counties";

    // The exported map (MainWindow::exportMap draws the canvas's settings): its legend heads with the measure and
    // lists the classes in the map's colours.
    {
        const auto r = test::plannedRenderer();
        const app::render::RenderSettings s = w.window.canvas()->settings();
        QImage image(8, 8, QImage::Format_ARGB32_Premultiplied);
        QPainter painter(&image);
        const app::render::Frame f;
        const auto entries = app::render::legendEntries({painter, s, f, r->data(), r->style(), r->symbols(s.theme), 1.0});
        auto heading = std::find_if(entries.begin(), entries.end(), [&](const app::render::LegendEntry& e) { return e.text == legend; });
        ASSERT_NE(heading, entries.end()) << "the choropleth's heading in the exported legend";
        ASSERT_NE(heading + 1, entries.end());
        EXPECT_EQ((heading + 1)->kind, app::render::LegendEntry::Kind::Swatch);
        const QString code = w.window.canvas()->choropleth()->values.begin()->first;
        EXPECT_EQ(app::render::choroplethFill(r->style(), r->symbols(s.theme).view, *w.window.canvas()->choropleth(), code).alpha(), 255);
    }

    // To look at (GZ_DUMP=1, under xvfb-run with QT_QPA_PLATFORM=xcb): the dock with its chart, then its table, over
    // the choropleth, in hectares.
    if (qEnvironmentVariableIsSet("GZ_DUMP")) {
        auto* dock = w.window.findChild<QDockWidget*>("stats");
        ASSERT_NE(dock, nullptr);
        dock->show();
        dock->raise();
        w.window.resizeDocks({dock}, {560}, Qt::Horizontal);
        w.choose(p.valueUnitBox(), 1e-4);
        auto* tabs = p.findChild<QTabWidget*>("statsTabs");
        tabs->setCurrentIndex(1);
        w.settledMap();
        QTest::qWait(500);
        w.window.grab().save("/tmp/stats-panel-chart.png");
        tabs->setCurrentIndex(0);
        QTest::qWait(300);
        w.window.grab().save("/tmp/stats-panel-table.png");
        tabs->setCurrentIndex(2);
        QTest::qWait(300);
        w.window.grab().save("/tmp/stats-panel-method.png");
    }
}

TEST(StatsPanel, GroupedByCountyHasTopNBars)
{
    Window w;
    StatsPanel& p = w.panel();
    w.choose(p.byBox(), "county");
    w.choose(p.groupBox(), "landuse");
    w.choose(p.measureBox(), "count");
    ASSERT_TRUE(w.runStats()) << p.errorText().toStdString();
    auto* axis = qobject_cast<QBarCategoryAxis*>(p.chartView()->chart()->axes(Qt::Vertical).value(0));
    ASSERT_NE(axis, nullptr);
    EXPECT_EQ(axis->count(), StatsPanel::kMaxBars) << "88 counties: the largest N";
    la::StatsOptions o;
    o.source.file = parcels();
    o.groupField = "landuse";
    const la::StatsResult expected = la::computeStats(*w.window.planUnits(), la::UnitKind::County, 0, o);
    EXPECT_EQ(p.table()->rowCount(), static_cast<int>(expected.rows.size()));
    EXPECT_EQ(w.window.canvas()->choropleth()->values.size(), 88u);
}

TEST(StatsPanel, BadRequestsAreShownInThePanelAndTheMessageBar)
{
    Window w;
    StatsPanel& p = w.panel();
    p.whereEdit()->setText("no_such_field = 1");
    EXPECT_FALSE(w.runStats());
    EXPECT_TRUE(p.errorText().startsWith(QStringLiteral("统计失败："))) << p.errorText().toStdString();
    EXPECT_GT(p.errorText().size(), 6);
    EXPECT_TRUE(w.window.messageBar()->text().contains(QStringLiteral("统计失败："))) << w.window.messageBar()->text().toStdString();
    EXPECT_FALSE(w.window.canvas()->choropleth()) << "nothing mapped from a failed request";

    p.whereEdit()->clear();
    w.choose(p.byBox(), "corridor");
    p.distanceEdit()->setText("10");
    EXPECT_FALSE(p.run()) << "a distance without a unit";
    EXPECT_TRUE(p.errorText().startsWith(QStringLiteral("统计失败："))) << p.errorText().toStdString();
    EXPECT_TRUE(p.errorText().contains("10")) << p.errorText().toStdString();

    w.choose(p.measureBox(), "sum:area_m2");
    p.distanceEdit()->setText("10km");
    EXPECT_TRUE(w.runStats()) << p.errorText().toStdString();

    // In English: the lead-in and the method in English.
    w.window.setLanguage("en");
    EXPECT_TRUE(p.findChild<QTextBrowser*>("statsMethod")->toPlainText().contains(QString::fromStdString(p.result()->methodEn).left(40)));
    p.whereEdit()->setText("no_such_field = 1");
    EXPECT_FALSE(w.runStats());
    EXPECT_TRUE(p.errorText().startsWith("Statistics failed: ")) << p.errorText().toStdString();
}

TEST(SelectDialog, FidsEqualSelectFeaturesAndReachTheWindow)
{
    Window w;
    app::gui::SelectDialog* d = w.window.openSelectDialog();
    ASSERT_NE(d, nullptr);
    d->unitEdit()->setText("class:satellite");
    d->whereEdit()->setText("landuse = '林地'");
    QSignalSpy done(d, &app::gui::SelectDialog::finished);
    QSignalSpy handed(&w.window, &app::gui::MainWindow::featuresSelected);
    ASSERT_TRUE(d->run()) << d->messageLabel()->text().toStdString();
    ASSERT_TRUE(done.wait(60000));
    la::SelectOptions o;
    o.source.file = parcels();
    o.source.where = "landuse = '林地'";
    o.within.push_back(w.window.planUnits()->parse("class:satellite"));
    const std::vector<std::int64_t> expected = la::selectFeatures(*w.window.planUnits(), o);
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(d->fids(), expected);
    EXPECT_EQ(w.window.selectedFids(), expected);
    EXPECT_EQ(handed.size(), 1);
    EXPECT_TRUE(w.window.messageBar()->text().contains(QString::number(expected.size()))) << w.window.messageBar()->text().toStdString();

    d->unitEdit()->setText(QStringLiteral("class:不存在的类型"));
    EXPECT_FALSE(d->run());
    EXPECT_TRUE(d->messageLabel()->text().startsWith(QStringLiteral("选择失败："))) << d->messageLabel()->text().toStdString();
}

TEST(JoinDialog, ListsUnknownCountiesAndMapsOldNames)
{
    Window w;
    QTemporaryDir dir;
    const QString csv = dir.filePath("counties.csv");
    {
        std::ofstream out(csv.toStdString());
        out << "县,人口\n盘县,120\n不存在县,5\n观山湖区,60\n";
    }
    app::gui::JoinDialog* d = w.window.openJoinDialog();
    ASSERT_NE(d, nullptr);
    d->setFile(csv);
    ASSERT_EQ(d->keyBox()->count(), 2);
    d->keyBox()->setCurrentText(QStringLiteral("县"));
    d->valueBox()->setCurrentText(QStringLiteral("人口"));
    ASSERT_TRUE(d->run()) << d->messageLabel()->text().toStdString();
    ASSERT_EQ(d->unmatchedTable()->rowCount(), 1);
    EXPECT_EQ(d->unmatchedTable()->item(0, 1)->text(), QStringLiteral("不存在县"));
    EXPECT_TRUE(d->missingLabel()->text().contains(QStringLiteral("(86)"))) << d->missingLabel()->text().toStdString();
    const layers::County* panzhou = nullptr;
    for (const la::JoinedRow& row : d->result()->rows)
        if (row.keyText == "盘县")
            panzhou = row.county;
    ASSERT_NE(panzhou, nullptr);
    EXPECT_EQ(panzhou->name, "盘州市");
    const auto map = d->choropleth(false);
    ASSERT_TRUE(map);
    EXPECT_EQ(map->values.at(QString::fromStdString(panzhou->code)), 120.0);
    EXPECT_EQ(map->values.size(), 2u);

    d->keyBox()->setCurrentText("nope");
    EXPECT_FALSE(d->run());
    EXPECT_TRUE(d->messageLabel()->text().startsWith(QStringLiteral("连接失败："))) << d->messageLabel()->text().toStdString();
}

TEST(StatsPanel, CancelStopsTheRunAndSaysSo)
{
    Window w;
    StatsPanel& p = w.panel();
    auto* cancel = p.findChild<QPushButton*>("statsCancel");
    ASSERT_NE(cancel, nullptr);
    EXPECT_TRUE(cancel->isHidden()) << "nothing to cancel yet";
    QSignalSpy done(&p, &StatsPanel::finished);
    ASSERT_TRUE(p.run());
    EXPECT_FALSE(cancel->isHidden());
    // The reading threads look at the flag every 4096 features: the overlay is still being built when it is set.
    cancel->click();
    ASSERT_TRUE(done.wait(60000));
    EXPECT_FALSE(done.front().front().toBool());
    EXPECT_TRUE(p.errorText().contains(QStringLiteral("统计已取消"))) << p.errorText().toStdString();
    EXPECT_TRUE(cancel->isHidden());
    EXPECT_FALSE(w.window.canvas()->choropleth()) << "nothing mapped from a cancelled run";
    // The next run is whole.
    EXPECT_TRUE(w.runStats()) << p.errorText().toStdString();
}

// Not a check: pictures of the statistics dock for a person to look at (the table, the chart, the choropleth on the
// map): 林地 by county-seat class, the satellites of 贵阳 and 遵义 apart. Runs only with GZ_SCREENSHOT_DIR, under
// xvfb-run with QT_QPA_PLATFORM=xcb; GZ_SCREENSHOT_LAYER: the parcels (default: the 20k synthetic test parcels).
TEST(StatsPanelScreenshot, ForestByClassTableChartAndMap)
{
    const QString dir = qEnvironmentVariable("GZ_SCREENSHOT_DIR");
    if (dir.isEmpty())
        GTEST_SKIP() << "GZ_SCREENSHOT_DIR not set";
    test::ShownWindow w;
    w.window.resize(1500, 950);
    w.window.setPlanGeometry(test::planGeometry());
    const QString layer = qEnvironmentVariable("GZ_SCREENSHOT_LAYER", QString::fromStdString(parcels().string()));
    ASSERT_EQ(w.window.addLayerFile(layer), QString());
    StatsPanel& p = *w.window.statsPanel();
    auto* dock = qobject_cast<QDockWidget*>(p.parentWidget());
    ASSERT_TRUE(dock);
    dock->show();
    dock->raise();
    p.byBox()->setCurrentIndex(p.byBox()->findData("class"));
    p.measureBox()->setCurrentIndex(p.measureBox()->findData("area"));
    p.whereEdit()->setText("landuse = '林地'");
    QSignalSpy done(&p, &StatsPanel::finished);
    ASSERT_TRUE(p.run());
    ASSERT_TRUE(done.wait(120000));
    ASSERT_TRUE(done.front().front().toBool()) << p.errorText().toStdString();
    for (const la::StatsRow& r : p.result()->rows)
        std::cout << r.unitId << " " << r.unitName << " " << r.features << " features, " << r.value << " " << p.result()->unitWord << "\n";
    auto* tabs = p.findChild<QTabWidget*>("statsTabs");
    ASSERT_TRUE(tabs);
    const auto settle = [&] {
        QTest::qWait(300);
        EXPECT_TRUE(QTest::qWaitFor([&] { return !w.window.canvas()->rendering(); }, 60000));
        QTest::qWait(300);
    };
    for (int t = 0; t < tabs->count(); ++t) {
        tabs->setCurrentIndex(t);
        settle();
        ASSERT_TRUE(w.window.grab().save(dir + QStringLiteral("/stats_panel_tab%1.png").arg(t)));
    }
}

// A unit inside another (the satellites of 贵阳 inside all satellites): a county takes the larger value, so the
// smaller unit's quantile is below every value mapped. The legend's classes still run upwards from the least value
// mapped, and each row's colour is the colour of the counties in it.
TEST(Choropleth, LegendClassesRunUpwardsWhenABreakLiesBelowEveryMappedValue)
{
    app::render::Choropleth map;
    map.values = {{"520102", 1162088}, {"520103", 1492793}, {"520111", 2085322}, {"520112", 2772857}};
    map.breaks = {883858, 1492793, 2085322};  // the first from a unit no county shows
    const auto rows = app::render::choroplethLegend(test::style(), "summary", map, 4);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].text, QStringLiteral("1,162,088 – <1,492,793"));
    EXPECT_EQ(rows[1].text, QStringLiteral("1,492,793 – <2,085,322"));
    EXPECT_EQ(rows[2].text, QStringLiteral("2,085,322 – 2,772,857"));
    for (std::size_t k = 0; k < rows.size(); ++k)
        EXPECT_EQ(rows[k].fill, app::render::choroplethFill(test::style(), "summary", map, k == 0 ? "520102" : k == 1 ? "520103" : "520111")) << k;
}
