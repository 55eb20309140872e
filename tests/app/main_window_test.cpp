// The window as a planner uses it, on the offscreen platform: identify, class list, search, the membership
// table linked with the map, views, layers, background rendering.
#include <gtest/gtest.h>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QScrollBar>
#include <QLabel>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeWidget>
#include <QWheelEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidgetItem>

#include "gui/export_dialog.h"
#include "gui/layer_panel.h"
#include "gui/main_window.h"
#include "gui/map_canvas.h"
#include "gui/membership_table.h"
#include "gui/search_box.h"
#include "gui/selection.h"
#include "gui/settings.h"
#include "shown_window.h"
#include "run_gzplan.h"
#include "test_data.h"

using app::gui::Hit;
using app::gui::MainWindow;

namespace {
struct Window : test::ShownWindow {
    QPointF seatOnScreen(const std::string& code) const
    {
        geo::Point seat = test::geography().county(code)->seat;
        geo::Projection albers(geo::crs::kCgcs2000, geo::crs::kAlbersChina);
        albers.forward(seat);
        return window.canvas()->view().toScreen(seat);
    }
};

QString canonical(const QString& path)
{
    return QFileInfo(path).canonicalFilePath();
}

QSet<QString> members(const std::string& classId)
{
    QSet<QString> codes;
    for (const auto* m : test::query().classMembers(classId))
        codes.insert(QString::fromStdString(m->code));
    return codes;
}
}  // namespace

TEST(MainWindow, IdentifyAtACountySeatNamesTheCountyAndItsClasses)
{
    Window w;
    w.window.identifyAt(w.seatOnScreen("520281"));  // 盘州市
    EXPECT_EQ(w.window.identified(), (Hit{Hit::Kind::County, "520281"}));
    const QString html = w.window.infoPanel()->toPlainText();
    EXPECT_TRUE(html.contains("盘州市")) << html.toStdString();
    EXPECT_TRUE(html.contains("520281"));
    EXPECT_TRUE(html.contains("重要区域性支点城市"));
    EXPECT_TRUE(html.contains("专业功能县城"));
    EXPECT_TRUE(html.contains("GZ2023 四(八)23"));
    EXPECT_TRUE(html.contains("盘县"));  // the old name
    EXPECT_EQ(w.window.selection()->counties(), QSet<QString>{"520281"});
}

TEST(MainWindow, IdentifyShowsTargetsWithTheirSourceAndBasis)
{
    Window w;
    w.window.identifyAt(w.seatOnScreen("520302"));  // 红花岗区, core of 遵义
    const QString text = w.window.infoPanel()->toPlainText();
    EXPECT_TRUE(text.contains("红花岗区"));
    EXPECT_TRUE(text.contains("遵义"));
    EXPECT_TRUE(text.contains("2025"));
    EXPECT_TRUE(text.contains("GZ2023 四(七)15"));
    EXPECT_TRUE(text.contains("文件明确"));  // the basis in words: stated
}

TEST(MainWindow, ClickingAClassSelectsExactlyItsMembers)
{
    Window w;
    const auto& classes = test::plannedRenderer()->data().classes;
    for (int i = 0; i < static_cast<int>(classes.size()); ++i) {
        w.window.classList()->setCurrentRow(i);
        const QSet<QString> expected = members(classes[static_cast<std::size_t>(i)].id.toStdString());
        EXPECT_EQ(w.window.selection()->counties(), expected) << classes[static_cast<std::size_t>(i)].id.toStdString();
        EXPECT_EQ(w.window.canvas()->settings().highlightCounties, expected);
        EXPECT_EQ(w.window.membershipTable()->selectedCodes(), expected);
    }
}

TEST(MainWindow, SearchByTheOldNameFindsTodaysCounty)
{
    Window w;
    EXPECT_EQ(w.window.searchBox()->find("盘县"), (Hit{Hit::Kind::County, "520281"}));
    EXPECT_EQ(w.window.searchBox()->find("520222"), (Hit{Hit::Kind::County, "520281"}));
    EXPECT_EQ(w.window.searchBox()->find("贵安新区"), (Hit{Hit::Kind::Zone, "guian_new_area"}));
    const double provinceScale = w.window.canvas()->view().unitsPerPixel();
    w.window.searchBox()->setText("盘县");
    QTest::keyClick(w.window.searchBox(), Qt::Key_Return);
    EXPECT_EQ(w.window.identified(), (Hit{Hit::Kind::County, "520281"}));
    EXPECT_LT(w.window.canvas()->view().unitsPerPixel(), provinceScale);  // zoomed in
    EXPECT_TRUE(w.window.canvas()->view().extent().contains(w.window.canvas()->view().toMap(w.seatOnScreen("520281"))));
    EXPECT_TRUE(w.window.infoPanel()->toPlainText().contains("盘州市"));
}

TEST(MainWindow, SearchCompletesNamesAndCodes)
{
    Window w;
    auto* completer = w.window.searchBox()->completer();
    completer->setCompletionPrefix("盘");
    QStringList shown;
    for (int i = 0; completer->setCurrentRow(i); ++i)
        shown << completer->currentCompletion();
    EXPECT_TRUE(std::any_of(shown.begin(), shown.end(), [](const QString& s) { return s.startsWith("盘州市"); })) << shown.join("|").toStdString();
}

TEST(MainWindow, MembershipTableAndMapAgreeOnTheSelection)
{
    Window w;
    auto* table = w.window.membershipTable();
    // Table → map: filter to 毕节市 and select every row.
    table->filter()->setText("毕节市");
    table->view()->selectAll();
    const QSet<QString> chosen = table->selectedCodes();
    EXPECT_EQ(chosen.size(), 8);
    EXPECT_EQ(w.window.selection()->counties(), chosen);
    EXPECT_EQ(w.window.canvas()->settings().highlightCounties, chosen);
    // Map → table.
    table->filter()->clear();
    w.window.identifyAt(w.seatOnScreen("520526"));  // 威宁
    EXPECT_EQ(table->selectedCodes(), QSet<QString>{"520526"});
    EXPECT_EQ(w.window.canvas()->settings().highlightCounties, QSet<QString>{"520526"});
}

TEST(MainWindow, TableSortsByClassCount)
{
    Window w;
    auto* view = w.window.membershipTable()->view();
    const int countColumn = view->model()->columnCount() - 1;
    view->sortByColumn(countColumn, Qt::DescendingOrder);
    EXPECT_GE(view->model()->index(0, countColumn).data().toInt(), 2);
    EXPECT_EQ(view->model()->index(view->model()->rowCount() - 1, countColumn).data().toInt(), 0);
}

TEST(MainWindow, ViewsSwitchThemeExtentAndLayers)
{
    Window w;
    const double province = w.window.canvas()->view().unitsPerPixel();
    w.window.showView(app::render::View::OneCoreThreeCentres);
    EXPECT_EQ(w.window.canvas()->settings().theme, app::render::View::OneCoreThreeCentres);
    EXPECT_LT(w.window.canvas()->view().unitsPerPixel(), province / 2);  // zoomed to 贵阳贵安
    EXPECT_EQ(w.window.layerPanel()->item("zones")->checkState(0), Qt::Checked);
    // A click on 贵安新区's schematic extent identifies the zone, not a county.
    const auto* zone = test::plannedRenderer()->data().zone("gy_south_centre");
    ASSERT_NE(zone, nullptr);
    w.window.identifyAt(w.window.canvas()->view().toScreen(zone->bounds.centre()) + QPointF(0, 25));
    EXPECT_EQ(w.window.identified().kind, Hit::Kind::Zone);
    EXPECT_TRUE(w.window.infoPanel()->toPlainText().contains("贵安新区")) << w.window.infoPanel()->toPlainText().toStdString();
    EXPECT_TRUE(w.window.infoPanel()->toPlainText().contains("partial") || w.window.infoPanel()->toPlainText().contains("部分"));
    w.window.showView(app::render::View::CountyClasses);
    EXPECT_EQ(w.window.layerPanel()->item("zones")->checkState(0), Qt::Unchecked);
}

TEST(MainWindow, LayerPanelControlsVisibilityOpacityAndOrder)
{
    Window w;
    auto* panel = w.window.layerPanel();
    panel->item("labels")->setCheckState(0, Qt::Unchecked);
    EXPECT_FALSE(w.window.canvas()->settings().visible("labels"));
    panel->opacity("counties")->setValue(40);
    EXPECT_DOUBLE_EQ(w.window.canvas()->settings().opacity("counties"), 0.4);
    const int before = w.window.canvas()->settings().order.indexOf("zones");
    panel->move("zones", +1);
    EXPECT_EQ(w.window.canvas()->settings().order.indexOf("zones"), before + 1);
}

TEST(MainWindow, RendersOffTheUiThreadAndDropsStaleFrames)
{
    Window w;
    auto* canvas = w.window.canvas();
    QSignalSpy rendered(canvas, &app::gui::MapCanvas::rendered);
    for (int i = 0; i < 10; ++i)
        canvas->zoomBy(1.1);  // ten requests in a row: only the newest may be shown
    EXPECT_TRUE(canvas->rendering());
    ASSERT_TRUE(rendered.wait(10000));
    QTRY_VERIFY_WITH_TIMEOUT(!canvas->rendering(), 10000);
    EXPECT_LE(rendered.count(), 3);
    EXPECT_GT(canvas->lastRenderMs(), 0);
    const QImage shown = canvas->grab().toImage();
    EXPECT_EQ(shown.size(), canvas->size());
}

TEST(MainWindow, ChineseByDefaultEnglishSwitchable)
{
    Window w;
    EXPECT_EQ(w.window.windowTitle(), "贵州省新型城镇化规划图");
    w.window.setLanguage("en");
    EXPECT_EQ(w.window.windowTitle(), "Guizhou New Urbanisation Plan Map");
    QStringList views;
    for (QAction* a : w.window.findChildren<QAction*>())
        if (a->objectName().startsWith("view_"))
            views << a->text();
    EXPECT_TRUE(views.contains("County-seat classes")) << views.join("|").toStdString();
    w.window.identifyAt(w.seatOnScreen("520281"));
    EXPECT_TRUE(w.window.infoPanel()->toPlainText().contains("County-seat classes")) << w.window.infoPanel()->toPlainText().toStdString() << " hit " << w.window.identified().id.toStdString();
    w.window.setLanguage("zh");
    EXPECT_EQ(w.window.windowTitle(), "贵州省新型城镇化规划图");
    EXPECT_TRUE(w.window.infoPanel()->toPlainText().contains("县城分类"));
}

TEST(MainWindow, LayerPanelStartsInStepWithTheMap)
{
    Window w;
    for (const QString& id : app::render::layerIds())
        EXPECT_EQ(w.window.layerPanel()->item(id)->checkState(0) == Qt::Checked, w.window.canvas()->settings().visible(id)) << id.toStdString();
}

TEST(MainWindow, RiversAreABaseLayerOnByDefaultThatTheUserTurnsOff)
{
    Window w;
    QTreeWidgetItem* rivers = w.window.layerPanel()->item("rivers");
    ASSERT_NE(rivers, nullptr);
    ASSERT_NE(rivers->parent(), nullptr);
    EXPECT_EQ(rivers->parent()->text(0), "基础地理");
    EXPECT_EQ(rivers->text(0), "河流");
    EXPECT_EQ(rivers->checkState(0), Qt::Checked);
    EXPECT_TRUE(w.window.canvas()->settings().visible("rivers"));
    EXPECT_FALSE(rivers->icon(0).isNull());
    rivers->setCheckState(0, Qt::Unchecked);
    EXPECT_FALSE(w.window.canvas()->settings().visible("rivers"));
    w.window.setLanguage("en");
    EXPECT_EQ(rivers->text(0), "Rivers");
    w.window.setLanguage("zh");
    EXPECT_EQ(rivers->text(0), "河流");
}

TEST(ExportDialog, WritesThroughTheSharedExporterAndRefusesToOverwrite)
{
    const auto geometry = layers::loadPlanGeometry(GZ_TEST_GEOPACKAGE, test::plan());
    auto tables = std::make_shared<const std::vector<layers::ExportTable>>(layers::buildExportTables(test::geography(), test::plan(), geometry));
    app::gui::ExportDialog dialog(tables);
    QTemporaryDir dir;
    dialog.ui().layer->setCurrentIndex(dialog.ui().layer->findData("counties"));
    dialog.ui().format->setCurrentIndex(dialog.ui().format->findData("shp"));
    dialog.ui().crs->setCurrentIndex(dialog.ui().crs->findData("EPSG:4545"));
    dialog.ui().encoding->setCurrentIndex(dialog.ui().encoding->findData("GBK"));
    dialog.ui().target->setText(dir.filePath("counties.shp"));
    ASSERT_TRUE(dialog.runExport(true)) << dialog.error().toStdString();
    EXPECT_EQ(dialog.report().features, 88u);
    // The next export's Browse… starts where this one went.
    EXPECT_EQ(canonical(app::gui::settings::lastFolder(app::gui::settings::Folder::ExportData)), canonical(dir.path()));
    QFile cpg(dir.filePath("counties.cpg"));
    ASSERT_TRUE(cpg.open(QIODevice::ReadOnly));
    EXPECT_EQ(cpg.readAll(), "936");
    QFile prj(dir.filePath("counties.prj"));
    ASSERT_TRUE(prj.open(QIODevice::ReadOnly));
    EXPECT_TRUE(prj.readAll().contains("CGCS2000_3_Degree_GK_CM_108E"));
    // A second export without "overwrite" is refused and names the file.
    EXPECT_FALSE(dialog.runExport(true));
    EXPECT_TRUE(dialog.error().contains("exists")) << dialog.error().toStdString();
    dialog.ui().force->setChecked(true);
    EXPECT_TRUE(dialog.runExport(true)) << dialog.error().toStdString();
}

TEST(MainWindow, DisplayProjectionSwitchesBetweenAlbersAndGaussKruger)
{
    Window w;
    w.window.setRendererFactory([](const QString& crs) {
        app::render::Style style;
        app::render::Style::load(GZ_TEST_SHARE_DIR "/styles/default.json", style);
        const auto geometry = layers::loadPlanGeometry(GZ_TEST_GEOPACKAGE, test::plan());
        return std::make_shared<const app::render::MapRenderer>(app::render::MapData::build(test::geography(), test::plan(), geometry, crs), style);
    });
    geo::Point before = w.window.canvas()->view().centre();
    geo::Projection albersToLonLat(geo::crs::kAlbersChina, geo::crs::kCgcs2000);
    albersToLonLat.forward(before);
    ASSERT_TRUE(w.window.setDisplayCrs("EPSG:4545"));
    EXPECT_EQ(w.window.displayCrs(), "EPSG:4545");
    EXPECT_EQ(w.window.canvas()->renderer().data().crs, "EPSG:4545");
    // The same place stays in the middle of the map.
    geo::Point after = w.window.canvas()->view().centre();
    geo::Projection gkToLonLat("EPSG:4545", geo::crs::kCgcs2000);
    gkToLonLat.forward(after);
    EXPECT_NEAR(after.x, before.x, 1e-6);
    EXPECT_NEAR(after.y, before.y, 1e-6);
    // Gauss-Kruger eastings carry the 500 km false easting.
    EXPECT_GT(w.window.canvas()->view().centre().x, 100000);
    // Identify still works in the new projection.
    geo::Point seat = test::geography().county("520281")->seat;
    geo::Projection toGk(geo::crs::kCgcs2000, "EPSG:4545");
    toGk.forward(seat);
    w.window.identifyAt(w.window.canvas()->view().toScreen(seat));
    EXPECT_EQ(w.window.identified(), (Hit{Hit::Kind::County, "520281"}));
    EXPECT_FALSE(w.window.setDisplayCrs("EPSG:999999"));
}

TEST(MainWindow, HoveringAZoneShowsItsFunctions)
{
    Window w;
    w.window.showView(app::render::View::OneCoreThreeCentres);
    const auto* core = test::plannedRenderer()->data().zone("gy_core");
    ASSERT_NE(core, nullptr);
    // A point inside 筑城核心 (云岩区+南明区): the seat of 云岩区.
    geo::Point yunyan = test::geography().county("520103")->seat;
    geo::Projection albers(geo::crs::kCgcs2000, geo::crs::kAlbersChina);
    albers.forward(yunyan);
    QTest::mouseMove(w.window.canvas(), w.window.canvas()->view().toScreen(yunyan).toPoint());
    const QString tip = w.window.canvas()->toolTip();
    EXPECT_TRUE(tip.contains("政务服务")) << tip.toStdString();
}

namespace {
/// The window's action with a shortcut (the toolbar's texts change with the language, its shortcuts do not).
QAction* actionWithShortcut(const MainWindow& window, const QKeySequence& key)
{
    for (QAction* action : window.findChildren<QAction*>())
        if (action->shortcut() == key)
            return action;
    return nullptr;
}

/// Triggers action and answers the modal file dialog it opens as a user would (answer gets the dialog). False
/// when no file dialog opened.
bool answerFileDialog(QAction* action, const std::function<void(QFileDialog*)>& answer)
{
    bool answered = false;
    QTimer poll;  // the dialog runs its own event loop: look for it from there
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget()); dialog && !answered) {
            answered = true;
            answer(dialog);
        }
    });
    poll.start(20);
    action->trigger();
    return answered;
}

}  // namespace

TEST(MainWindow, SettingsKeepLanguageLayoutAndFoldersForTheNextSession)
{
    QTemporaryDir maps;
    const QString pdf = maps.filePath("map.pdf");
    {
        Window w;
        // The language as a user picks it: the menu.
        QAction* english = nullptr;
        for (QAction* action : w.window.findChildren<QAction*>())
            if (action->text() == "English")
                english = action;
        ASSERT_NE(english, nullptr);
        english->trigger();
        EXPECT_EQ(w.window.language(), "en");
        // Export the map into a folder through the dialog (Ctrl+S).
        QAction* exportMap = actionWithShortcut(w.window, QKeySequence(QKeySequence::Save));
        ASSERT_NE(exportMap, nullptr);
        ASSERT_TRUE(answerFileDialog(exportMap, [&](QFileDialog* dialog) {
            dialog->selectFile(pdf);
            QMetaObject::invokeMethod(dialog, "accept");  // protected: as the Save button does
        }));
        EXPECT_TRUE(QFileInfo(pdf).size() > 0);
        w.window.findChild<QDockWidget*>("classes")->hide();
        w.window.close();  // keeps the layout
    }
    EXPECT_EQ(canonical(app::gui::settings::lastFolder(app::gui::settings::Folder::ExportMap)), canonical(maps.path()));
    EXPECT_TRUE(app::gui::settings::lastFolder(app::gui::settings::Folder::AddLayer).isEmpty());  // each dialog its own

    Window next;
    EXPECT_EQ(next.window.language(), "zh");  // a window made without restoring (as every other test) is as shipped
    next.window.restoreSettings();
    EXPECT_EQ(next.window.language(), "en");
    EXPECT_EQ(next.window.windowTitle(), "Guizhou New Urbanisation Plan Map");
    EXPECT_TRUE(next.window.findChild<QDockWidget*>("classes")->isHidden());
    // The export dialog opens where the last map went.
    QString opened;
    ASSERT_TRUE(answerFileDialog(actionWithShortcut(next.window, QKeySequence(QKeySequence::Save)), [&](QFileDialog* dialog) {
        opened = dialog->directory().absolutePath();
        dialog->reject();
    }));
    EXPECT_EQ(canonical(opened), canonical(maps.path()));
}

namespace {
/// Exports the window's map through Ctrl+S's dialog: the file, the dialog's filter with this prefix, the
/// selection's outline included or not.
void exportThroughDialog(MainWindow& window, const QString& path, const QString& filterPrefix, bool withSelection)
{
    ASSERT_TRUE(answerFileDialog(actionWithShortcut(window, QKeySequence(QKeySequence::Save)), [&](QFileDialog* dialog) {
        for (const QString& filter : dialog->nameFilters())
            if (filter.startsWith(filterPrefix))
                dialog->selectNameFilter(filter);
        auto* selection = dialog->findChild<QCheckBox*>("includeSelection");
        ASSERT_NE(selection, nullptr);
        EXPECT_FALSE(selection->isChecked());  // off unless the user asks
        selection->setChecked(withSelection);
        // The folder, then the name typed as a user does (selectFile leaves the name alone while the name field
        // has the focus, which it gets once the dialog is up).
        dialog->setDirectory(QFileInfo(path).absolutePath());
        auto* name = dialog->findChild<QLineEdit*>("fileNameEdit");
        ASSERT_NE(name, nullptr);
        name->setText(QFileInfo(path).fileName());
        EXPECT_EQ(dialog->selectedFiles().join(";").toStdString(), path.toStdString());
        QMetaObject::invokeMethod(dialog, "accept");
    }));
    ASSERT_TRUE(QFileInfo(path).size() > 0) << path.toStdString();
}

/// The scale figures ("1:2,856,000") of a PDF, as pdftotext reads them.
QStringList scaleTexts(const QString& pdf)
{
    QProcess p;
    p.start("pdftotext", {"-enc", "UTF-8", pdf, "-"});
    EXPECT_TRUE(p.waitForFinished(60000) && p.exitCode() == 0) << "pdftotext " << pdf.toStdString();
    QStringList scales;
    for (const QString& word : QString::fromUtf8(p.readAllStandardOutput()).split(QRegularExpression("\\s+"), Qt::SkipEmptyParts))
        if (word.startsWith("1:"))
            scales << word;
    return scales;
}
}  // namespace

TEST(MainWindow, MapExportHasTheScaleOfGzplanRenderOnTheSamePage)
{
    QTemporaryDir dir;
    Window w;
    w.window.showView(app::render::View::CountyClasses);
    const QString window = dir.filePath("window.pdf"), cli = dir.filePath("cli.pdf");
    exportThroughDialog(w.window, window, "PDF A4", false);
    const test::GzplanResult r = test::gzplan({"render", "--view", "county_classes", "--page", "A4", "--out", cli});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QStringList scales = scaleTexts(cli);
    ASSERT_EQ(scales.size(), 2);  // the map's and the inset's
    EXPECT_EQ(scaleTexts(window), scales);
    // A3 holds the same extent at a larger scale than A4 (the frame is a share of the page).
    const QString a3 = dir.filePath("a3.pdf");
    exportThroughDialog(w.window, a3, "PDF A3", false);
    const QStringList larger = scaleTexts(a3);
    ASSERT_FALSE(larger.isEmpty());
    EXPECT_LT(QString(larger[0]).remove(',').mid(2).toDouble(), QString(scales[0]).remove(',').mid(2).toDouble());
}

TEST(MainWindow, MapExportDrawsTheSelectionOnlyWhenAsked)
{
    QTemporaryDir dir;
    Window w;
    // Each in a folder of its own: the dialog lists the folder as it opens, and a listed map could take the selection.
    for (const char* folder : {"none", "off", "on"})
        ASSERT_TRUE(QDir(dir.path()).mkdir(folder));
    const QString none = dir.filePath("none/map.png"), off = dir.filePath("off/map.png"), on = dir.filePath("on/map.png");
    exportThroughDialog(w.window, none, "PNG", false);
    w.window.identifyAt(w.seatOnScreen("520281"));  // selects 盘州市
    ASSERT_FALSE(w.window.selection()->counties().isEmpty());
    exportThroughDialog(w.window, off, "PNG", false);
    exportThroughDialog(w.window, on, "PNG", true);
    const QImage withoutSelection(none);
    ASSERT_FALSE(withoutSelection.isNull());
    EXPECT_EQ(QImage(off), withoutSelection);  // the outline is the window's, not the map's
    EXPECT_NE(QImage(on), withoutSelection);
}

TEST(MainWindow, CommandLineLanguageWinsOverTheStoredOne)
{
    app::gui::settings::setLanguage("en");
    {
        Window w;
        w.window.restoreSettings("zh");  // gzplan --lang zh
        EXPECT_EQ(w.window.language(), "zh");
        EXPECT_EQ(w.window.windowTitle(), "贵州省新型城镇化规划图");
    }
    // A language for one run is not kept: the stored one is still the user's choice.
    EXPECT_EQ(app::gui::settings::language(), "en");
    app::gui::settings::setLanguage("zh");
    Window w;
    w.window.restoreSettings("en");  // gzplan --lang en
    EXPECT_EQ(w.window.language(), "en");
    EXPECT_EQ(app::gui::settings::language(), "zh");
}

TEST(MainWindow, WheelOverTheLayerListScrollsInsteadOfChangingOpacity)
{
    Window w;
    auto* tree = w.window.layerPanel()->findChild<QTreeWidget*>();
    ASSERT_NE(tree, nullptr);
    tree->setFixedHeight(120);  // too short for every layer: the list can scroll
    QTRY_VERIFY_WITH_TIMEOUT(tree->verticalScrollBar()->maximum() > 0, 5000);
    tree->verticalScrollBar()->setValue(0);
    QSpinBox* spin = w.window.layerPanel()->opacity("labels");  // the first layer: on screen at the top
    ASSERT_NE(spin, nullptr);
    ASSERT_FALSE(spin->hasFocus());
    const int before = spin->value();
    ASSERT_GT(before, 0);  // a step down would show
    auto wheelDown = [spin] {
        const QPointF at = spin->rect().center();
        QWheelEvent wheel(at, spin->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(spin, &wheel);
    };
    wheelDown();
    EXPECT_EQ(spin->value(), before);
    EXPECT_GT(tree->verticalScrollBar()->value(), 0);
    // Clicked into, the box takes the wheel as any spin box does.
    w.window.activateWindow();
    spin->setFocus(Qt::MouseFocusReason);
    if (!QTest::qWaitFor([spin] { return spin->hasFocus(); }, 2000))
        GTEST_SKIP() << "the platform gives no focus";
    wheelDown();
    EXPECT_EQ(spin->value(), before - 1);
}

TEST(ExportDialog, AdvisesTheGaussKrugerZoneAsCrsSuggestDoes)
{
    const auto geometry = layers::loadPlanGeometry(GZ_TEST_GEOPACKAGE, test::plan());
    auto tables = std::make_shared<const std::vector<layers::ExportTable>>(layers::buildExportTables(test::geography(), test::plan(), geometry));
    app::gui::ExportDialog dialog(tables);
    const auto& ui = dialog.ui();
    ui.layer->setCurrentIndex(ui.layer->findData("counties"));
    // The province: EPSG:4545, 2435 ppm at its farthest edge (`gzplan crs suggest` says the same).
    EXPECT_TRUE(ui.crsAdvice->text().contains("EPSG:4545") && ui.crsAdvice->text().contains("2435")) << ui.crsAdvice->text().toStdString();
    const int places = ui.layer->findData("places");
    ASSERT_GE(places, 0);
    ui.layer->setCurrentIndex(places);
    EXPECT_TRUE(ui.crsAdvice->text().contains("EPSG:454")) << ui.crsAdvice->text().toStdString();
}
