// The attribute table in the window (gui/attribute_table.h): rows selected in the table are drawn selected on the
// map, a click on the map selects the feature's row (both ways, for a user layer and for the plan's counties),
// headers in Chinese where an alias is known, the filter line and the select-by-expression dialog say what is
// wrong with an expression (in the window's language) instead of showing nothing.
#include <gtest/gtest.h>

#include <random>

#include <QElapsedTimer>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QTableView>
#include <QTest>

#include "../common/test_parcels.h"
#include "geo/projection.h"
#include "gui/attribute_table.h"
#include "gui/selection.h"
#include "layers/attribute_table.h"
#include "layers/export_tables.h"
#include "layers/feature_layer.h"
#include "shown_window.h"
#include "test_data.h"

namespace {

using app::gui::AttributeTablePanel;

QString parcels() { return QString::fromStdString(test::parcelsFile(test::geography()).string()); }

int columnOf(const AttributeTablePanel& panel, const std::string& field) { return panel.model()->table().fieldIndex(field); }

QPointF seatOnScreen(const app::gui::MainWindow& window, const std::string& code)
{
    geo::Point seat = test::geography().county(code)->seat;
    geo::Projection(geo::crs::kCgcs2000, window.displayCrs().toStdString()).forward(seat);
    return window.canvas()->view().toScreen(seat);
}

void waitForMap(app::gui::MainWindow& window)
{
    EXPECT_TRUE(QTest::qWaitFor([&] { return !window.canvas()->rendering(); }, 15000));
    QTest::qWait(50);
}

TEST(AttributeTableWindow, SelectedRowsAreDrawnOnTheMapAndAMapClickSelectsTheRow)
{
    test::ShownWindow w;
    auto& window = w.window;
    ASSERT_EQ(window.addLayerFile(parcels()), QString());
    AttributeTablePanel* panel = window.openAttributeTable(0);
    ASSERT_TRUE(panel);
    const auto& layer = *window.userLayers().front().data;
    const QString id = window.userLayers().front().id;
    EXPECT_EQ(panel->model()->rowCount(), static_cast<int>(layer.size()));
    // Chinese aliases where known, the field's own name otherwise (and in the tooltip).
    EXPECT_EQ(panel->model()->headerData(columnOf(*panel, "landuse"), Qt::Horizontal).toString(), "地类");
    EXPECT_EQ(panel->model()->headerData(columnOf(*panel, "area_m2"), Qt::Horizontal).toString(), "面积（平方米）");
    EXPECT_TRUE(panel->model()->headerData(columnOf(*panel, "landuse"), Qt::Horizontal, Qt::ToolTipRole).toString().contains("landuse"));

    // Table → map: rows 10..14 selected are the layer's selection, drawn on the map.
    const QImage before = [&] {
        window.canvas()->zoomTo(window.canvas()->view().extent());
        waitForMap(window);
        return window.canvas()->grab().toImage();
    }();
    const int columns = panel->model()->columnCount();
    panel->view()->selectionModel()->select(QItemSelection(panel->model()->index(10, 0), panel->model()->index(14, columns - 1)),
                                            QItemSelectionModel::ClearAndSelect);
    std::vector<std::int64_t> expected;
    for (int r = 10; r <= 14; ++r)
        expected.push_back(panel->model()->fid(r));
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(*window.selection()->userFeatures(id), expected);
    const auto drawn = window.canvas()->settings().userSelection.value(id);
    ASSERT_TRUE(drawn);
    std::vector<std::uint32_t> indices;
    for (std::int64_t fid : expected)
        indices.push_back(*layer.indexOfFid(fid));
    EXPECT_EQ(*drawn, indices);
    // The zoom button shows them; the map there differs from the same view without the selection.
    panel->findChild<QWidget*>("zoomToSelection")->setFocus();
    QTest::mouseClick(panel->findChild<QWidget*>("zoomToSelection"), Qt::LeftButton);
    waitForMap(window);
    const QImage selected = window.canvas()->grab().toImage();
    window.selection()->clearUserFeatures(id);
    waitForMap(window);
    const QImage unselected = window.canvas()->grab().toImage();
    if (qEnvironmentVariableIsSet("GZ_DUMP")) {
        selected.save("/tmp/at-selected.png");
        unselected.save("/tmp/at-unselected.png");
    }
    EXPECT_NE(selected, unselected);
    EXPECT_NE(selected, before);  // zoomed
    if (qEnvironmentVariableIsSet("GZ_DUMP")) {
        panel->view()->selectionModel()->select(QItemSelection(panel->model()->index(10, 0), panel->model()->index(14, columns - 1)),
                                                QItemSelectionModel::ClearAndSelect);
        waitForMap(window);
        window.grab().save("/tmp/attribute-table-window.png");
    }

    // Map → table: a click on a parcel selects its row (and only it), scrolled to.
    window.canvas()->zoomToProvince();
    waitForMap(window);
    const QPointF screen = seatOnScreen(window, "520102");
    window.identifyAt(screen);
    ASSERT_EQ(window.identifiedFeatures().size(), 1u);
    const std::int64_t fid = layer.fid(window.identifiedFeatures().front().second);
    const int row = *panel->model()->rowOf(fid);
    EXPECT_EQ(panel->selectedRows(), std::vector<int>{row});
    EXPECT_TRUE(panel->view()->selectionModel()->isRowSelected(row, {}));
    EXPECT_EQ(panel->view()->selectionModel()->selectedRows().size(), 1);
    EXPECT_EQ(panel->view()->currentIndex().row(), row);
    // Sorted by area (a click on its header) the row moves, and stays selected.
    panel->view()->horizontalHeader()->sectionClicked(columnOf(*panel, "area_m2"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !panel->model()->sorting(); }, 10000));  // sorted on a worker
    const int sortedRow = *panel->model()->rowOf(fid);
    EXPECT_EQ(panel->selectedRows(), std::vector<int>{sortedRow});
    EXPECT_TRUE(panel->view()->selectionModel()->isRowSelected(sortedRow, {}));
    double previous = -1;
    for (int r = 0; r < 300; ++r) {
        const double area = panel->model()->text(r, "area_m2").toDouble();
        EXPECT_GE(area, previous);
        previous = area;
    }
    // Esc on the map lets go of it.
    window.canvas()->setFocus();
    QTest::keyClick(window.canvas(), Qt::Key_Escape);
    EXPECT_TRUE(panel->selectedRows().empty());
    EXPECT_TRUE(panel->view()->selectionModel()->selectedRows().isEmpty());
}

TEST(AttributeTableWindow, FilterErrorsNameTheFieldInTheWindowsLanguage)
{
    test::ShownWindow w;
    auto& window = w.window;
    ASSERT_EQ(window.addLayerFile(parcels()), QString());
    AttributeTablePanel* panel = window.openAttributeTable(0);
    ASSERT_TRUE(panel);
    const int all = panel->model()->rowCount();

    panel->filterLine()->setText("landuse = '林地' AND area_m2 > 10000");
    QTest::keyClick(panel->filterLine(), Qt::Key_Return);
    EXPECT_TRUE(panel->errorLabel()->isHidden());
    const int forest = panel->model()->rowCount();
    EXPECT_GT(forest, 0);
    EXPECT_LT(forest, all);
    for (int r = 0; r < forest; r += 97)
        EXPECT_EQ(panel->model()->text(r, "landuse"), "林地");
    EXPECT_TRUE(panel->countLabel()->text().contains(QString::number(forest))) << panel->countLabel()->text().toStdString();

    // A missing field: said, with the fields; the rows are as they were (never a silent zero).
    panel->filterLine()->setText("landuze = '林地'");
    QTest::keyClick(panel->filterLine(), Qt::Key_Return);
    EXPECT_FALSE(panel->errorLabel()->isHidden());
    QString error = panel->errorLabel()->text();
    EXPECT_TRUE(error.contains("landuze")) << error.toStdString();
    EXPECT_TRUE(error.contains("landuse, area_m2")) << error.toStdString();
    EXPECT_TRUE(error.contains("字段")) << error.toStdString();
    EXPECT_EQ(panel->model()->rowCount(), forest);
    // Not parsing: said, in English in the English window.
    window.setLanguage("en");
    panel->filterLine()->setText("area_m2 > > 3");
    QTest::keyClick(panel->filterLine(), Qt::Key_Return);
    error = panel->errorLabel()->text();
    EXPECT_TRUE(error.contains("area_m2 > > 3")) << error.toStdString();
    EXPECT_FALSE(error.contains(QRegularExpression("\\p{Han}"))) << error.toStdString();
    EXPECT_EQ(panel->model()->headerData(columnOf(*panel, "landuse"), Qt::Horizontal).toString(), "landuse");
    window.setLanguage("zh");

    // Select by expression: the count said, the selection made, the table's filter kept.
    app::gui::SelectByExpressionDialog dialog(panel);
    dialog.expression()->setText("landuse = '耕地' AND area_m2 > 10000");
    ASSERT_TRUE(dialog.apply()) << dialog.result()->text().toStdString();
    const auto& fids = *window.selection()->userFeatures(window.userLayers().front().id);
    EXPECT_GT(fids.size(), 0u);
    EXPECT_TRUE(dialog.result()->text().contains(QString::number(fids.size()))) << dialog.result()->text().toStdString();
    EXPECT_EQ(panel->model()->rowCount(), forest);
    dialog.expression()->setText("nosuch > 1");
    EXPECT_FALSE(dialog.apply());
    EXPECT_TRUE(dialog.result()->text().contains("nosuch"));
    EXPECT_EQ(window.selection()->userFeatures(window.userLayers().front().id)->size(), fids.size());  // unchanged
}

TEST(AttributeTableWindow, CountyTableSelectsCountiesBothWays)
{
    test::ShownWindow w;
    auto& window = w.window;
    window.setExportTables(std::make_shared<const std::vector<layers::ExportTable>>(layers::loadExportTables(GZ_TEST_GEOPACKAGE, {}, false)));
    AttributeTablePanel* panel = window.openPlanTable("counties");
    ASSERT_TRUE(panel);
    EXPECT_EQ(panel->model()->rowCount(), 88);
    EXPECT_EQ(panel->model()->headerData(columnOf(*panel, "code"), Qt::Horizontal).toString(), "代码");
    // The class columns carry the classes' names.
    const auto& c = window.renderer()->data().classes.front();
    EXPECT_EQ(panel->model()->headerData(columnOf(*panel, c.id.toStdString()), Qt::Horizontal).toString(), c.name);

    auto rowOfCode = [&](const QString& code) {
        for (int r = 0; r < panel->model()->rowCount(); ++r)
            if (panel->model()->text(r, "code") == code)
                return r;
        return -1;
    };
    // Table → map.
    const int nanming = rowOfCode("520102");
    ASSERT_GE(nanming, 0);
    panel->view()->selectRow(nanming);
    EXPECT_EQ(window.selection()->counties(), QSet<QString>{"520102"});
    EXPECT_TRUE(window.canvas()->settings().highlightCounties.contains("520102"));
    // Map → table.
    window.identifyAt(seatOnScreen(window, "520111"));
    EXPECT_EQ(window.selection()->counties(), QSet<QString>{"520111"});
    EXPECT_EQ(panel->selectedRows(), std::vector<int>{rowOfCode("520111")});
    EXPECT_TRUE(panel->view()->selectionModel()->isRowSelected(rowOfCode("520111"), {}));
    // Selecting by expression selects the counties on the map.
    QString error;
    const int n = panel->selectByExpression("class_count >= 2", error);
    EXPECT_TRUE(error.isEmpty()) << error.toStdString();
    EXPECT_GT(n, 0);
    EXPECT_EQ(window.selection()->counties().size(), n);
    EXPECT_EQ(panel->selectByExpression("classes_count >= 2", error), -1);
    EXPECT_TRUE(error.contains("classes_count")) << error.toStdString();
}

TEST(AttributeTableWindow, ScrollingReadsPagesNotRows)
{
    auto table = layers::AttributeTable::open(test::parcelsFile(test::geography()));
    const std::size_t rows = table->rowCount();
    app::gui::AttributeTableModel model(std::move(table));
    for (int r = 0; r < 1000; ++r)
        model.data(model.index(r, 1));
    EXPECT_EQ(model.pagesRead(), (1000 + app::gui::AttributeTableModel::kPageRows - 1) / app::gui::AttributeTableModel::kPageRows);
    // Back to the start: cached.
    const std::size_t read = model.pagesRead();
    model.data(model.index(3, 1));
    EXPECT_EQ(model.pagesRead(), read);
    EXPECT_EQ(static_cast<std::size_t>(model.rowCount()), rows);
}

}  // namespace

namespace {

/// The window with the million parcels (GZ_PARCELS_1M=/tmp/p1m.gpkg, made by `gzplan make-parcels`; skipped
/// without it): opening the table and scrolling it in the shown window, timed, medians printed.
TEST(AttributeTableWindow, MillionRowsOpenAndScrollInTheWindow)
{
    const QString file = qEnvironmentVariable("GZ_PARCELS_1M");
    if (file.isEmpty())
        GTEST_SKIP() << "GZ_PARCELS_1M not set";
    test::ShownWindow w;
    auto& window = w.window;
    ASSERT_EQ(window.addLayerFile(file), QString());
    EXPECT_TRUE(QTest::qWaitFor([&] { return !window.canvas()->rendering(); }, 30000));
    QTest::qWait(200);  // the map's own events done: what follows is the table's
    QElapsedTimer clock;
    clock.start();
    AttributeTablePanel* panel = window.openAttributeTable(0);
    ASSERT_TRUE(panel);
    QCoreApplication::processEvents();  // laid out and painted: the first rows shown
    panel->view()->viewport()->repaint();
    const double openMs = clock.nsecsElapsed() / 1e6;
    EXPECT_EQ(static_cast<std::size_t>(panel->model()->rowCount()), window.userLayers().front().data->size());
    std::mt19937 rng(5);
    std::uniform_int_distribution<int> at(0, panel->model()->rowCount() - 100);
    std::vector<double> scroll;
    for (int i = 0; i < 30; ++i) {
        clock.restart();
        panel->view()->scrollTo(panel->model()->index(at(rng), 0), QAbstractItemView::PositionAtTop);
        panel->view()->viewport()->repaint();  // the rows of the new place read and drawn
        scroll.push_back(clock.nsecsElapsed() / 1e6);
    }
    std::sort(scroll.begin(), scroll.end());
    std::cerr << "window, 1M rows: open " << openMs << " ms, scroll to a random place and paint: median " << scroll[scroll.size() / 2]
              << " ms, max " << scroll.back() << " ms\n";
    // A selection by expression on the million, drawn on the map, for the screenshot.
    QString error;
    const int n = panel->selectByExpression("landuse = '城镇住宅用地' AND area_m2 > 200000", error);
    EXPECT_GT(n, 0) << error.toStdString();
    std::cerr << "selected " << n << "\n";
    if (qEnvironmentVariableIsSet("GZ_DUMP")) {
        window.canvas()->zoomTo(window.userSelectionBounds());
        EXPECT_TRUE(QTest::qWaitFor([&] { return !window.canvas()->rendering(); }, 30000));
        panel->filterLine()->setText("landuse = '城镇住宅用地' AND area_m2 > 200000");
        panel->applyFilter();
        QTest::qWait(100);
        window.grab().save("/tmp/attribute-table-1m.png");
    }
}

}  // namespace
