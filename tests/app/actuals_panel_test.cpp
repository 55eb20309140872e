// The window's actual figures and progress panel (gui/actuals_panel.h, gui/progress_panel.h), on a store filled in
// the test. Every figure here is SYNTHETIC (made up for the test; the project ships no figures).
#include <gtest/gtest.h>

#include <iostream>

#include <QComboBox>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>

#include "gui/actuals_panel.h"
#include "gui/main_window.h"
#include "gui/map_canvas.h"
#include "gui/message_bar.h"
#include "gui/progress_panel.h"
#include "shown_window.h"
#include "test_data.h"

using app::gui::ActualsModel;
using app::gui::ActualsPanel;
using app::gui::Hit;
using layers::Status;

namespace {
const char* kSynthetic = "SYNTHETIC test figure (not a statistic)";

const layers::MonitoringRules& rules()
{
    static const layers::MonitoringRules r = layers::MonitoringRules::load(GZ_TEST_SHARE_DIR "/monitoring");
    return r;
}

layers::Actual figure(const std::string& target, int year, const std::string& value, const std::string& unit, const std::string& date)
{
    layers::Actual a;
    a.targetId = target;
    a.year = year;
    a.valueText = value;
    a.value = std::stod(value);
    a.unit = unit;
    a.figureDate = date;
    a.source = kSynthetic;
    a.enteredBy = "test";
    a.enteredAt = "2026-01-01T00:00:00Z";
    return a;
}

/// A store with t001 (≥ 56 % in 2023): a preliminary 55 (2024-02) and a final 57 (2024-09), which counts.
struct Store {
    QTemporaryDir dir;
    std::filesystem::path path = std::filesystem::path(dir.path().toStdString()) / "actuals.gpkg";
    Store()
    {
        auto store = layers::ActualsStore::open(path, true);
        store.add({figure("t001", 2023, "55", "%", "2024-02"), figure("t001", 2023, "57", "%", "2024-09")}, "import", "synthetic fixture", "test");
    }
    std::size_t rows() const { return layers::ActualsStore::open(path, false).actuals().size(); }
    std::size_t changes() const { return layers::ActualsStore::open(path, false).changes().size(); }
};

struct Panel {
    ActualsPanel panel{test::query()};
    Panel(const std::filesystem::path& store)
    {
        panel.setRules(rules());
        EXPECT_EQ(panel.setStore(store), QString());
    }
    int row(const std::string& target) const
    {
        for (int r = 0; r < panel.model()->rowCount(); ++r)
            if (panel.model()->index(r, 0).data(ActualsModel::TargetIdRole).toString().toStdString() == target)
                return r;
        ADD_FAILURE() << target << " not in the table";
        return -1;
    }
    QString cell(const std::string& target, int column) const { return panel.model()->index(row(target), column).data().toString(); }
    Status status(const std::string& target) const { return panel.progress()[static_cast<std::size_t>(row(target))].status; }
};
}  // namespace

TEST(ActualsPanel, ShowsTheFigureThatCountsAndItsStatus)
{
    Store store;
    Panel p(store.path);
    ASSERT_EQ(p.panel.model()->rowCount(), static_cast<int>(test::plan().targets.size()));
    EXPECT_EQ(p.cell("t001", ActualsModel::Actual), "57");  // the later figure date counts, not 55
    EXPECT_EQ(p.status("t001"), Status::Met);
    EXPECT_EQ(p.cell("t001", ActualsModel::StatusColumn), QString::fromUtf8(layers::statusLabel(Status::Met)));
    EXPECT_EQ(p.cell("t001", ActualsModel::FigureDate), "2024-09");
    EXPECT_EQ(p.cell("t001", ActualsModel::Source), kSynthetic);
    EXPECT_EQ(p.cell("t001", ActualsModel::Clause), "GZ2023 二");
    EXPECT_FALSE(p.cell("t001", ActualsModel::Rule).isEmpty());
    EXPECT_EQ(p.status("t004"), Status::NoFigure);
    // t002 (≈ 60 % in 2025) is of t001's series: its 2023 figure is judged against the path, which needs the base
    // year's figure (none here).
    EXPECT_EQ(p.status("t002"), Status::Undetermined);
    EXPECT_EQ(p.cell("t002", ActualsModel::Actual), "57");
    // The history keeps both rows: the final one counts, the preliminary one is superseded.
    ASSERT_EQ(p.panel.rowTable()->rowCount(), 2);
    QStringList states;
    for (int r = 0; r < 2; ++r)
        states << p.panel.rowTable()->item(r, 4)->text() + " " + p.panel.rowTable()->item(r, 12)->text();
    EXPECT_TRUE(states.contains("55 被取代")) << states.join(", ").toStdString();
    EXPECT_TRUE(states.contains("57 计入")) << states.join(", ").toStdString();
    EXPECT_EQ(p.panel.changeTable()->rowCount(), 1);
    // The map's data: the same statuses, counted by scope.
    ASSERT_TRUE(p.panel.progressData());
    EXPECT_EQ(p.panel.progressData()->targets.size(), test::plan().targets.size());
    EXPECT_FALSE(p.panel.progressData()->scopes.empty());
}

TEST(ActualsPanel, EnteringThroughTheDialogWritesOneChangeAndUndoRestores)
{
    Store store;
    Panel p(store.path);
    QSignalSpy changed(&p.panel, &ActualsPanel::changed);
    // t002: 常住人口城镇化率 ≈ 60 % in 2025 (band ±0.5 percentage point).
    auto* dialog = p.panel.dialogFor("t002");
    ASSERT_TRUE(dialog);
    EXPECT_EQ(dialog->yearBox()->value(), 2025);
    EXPECT_EQ(dialog->unitBox()->currentText(), "%");
    dialog->valueEdit()->setText("58.2");
    dialog->dateEdit()->setText("2026-03");
    dialog->sourceEdit()->setText(kSynthetic);
    ASSERT_TRUE(dialog->submit()) << dialog->problems().toStdString();
    EXPECT_EQ(store.changes(), 2u);
    EXPECT_EQ(store.rows(), 3u);
    EXPECT_EQ(p.panel.changes().back().kind, "set");
    EXPECT_EQ(p.panel.changes().back().by, app::gui::whoEnters().toStdString());
    EXPECT_EQ(p.status("t002"), Status::NotMet);
    EXPECT_EQ(p.cell("t002", ActualsModel::Actual), "58.2");
    EXPECT_GE(changed.count(), 1);

    // A correction (a later figure) turns it met.
    dialog = p.panel.dialogFor("t002");
    EXPECT_EQ(dialog->valueEdit()->text(), "58.2");  // the figure that counts, to be corrected
    dialog->valueEdit()->setText("60.3");
    dialog->dateEdit()->setText("2026-06");
    ASSERT_TRUE(dialog->submit()) << dialog->problems().toStdString();
    EXPECT_EQ(p.status("t002"), Status::Met);
    EXPECT_EQ(store.changes(), 3u);

    // Undo withdraws the correction: the previous status is back; undo again: no figure.
    EXPECT_EQ(p.panel.undo(), QString());
    EXPECT_EQ(p.status("t002"), Status::NotMet);
    EXPECT_EQ(p.cell("t002", ActualsModel::Actual), "58.2");
    EXPECT_EQ(p.panel.undo(), QString());
    EXPECT_EQ(p.status("t002"), Status::Undetermined);  // back to the series' 2023 figure alone
    EXPECT_EQ(p.cell("t002", ActualsModel::Actual), "57");
    // Nothing is deleted: the rows are withdrawn, the undos are changes of their own.
    EXPECT_EQ(store.rows(), 4u);
    EXPECT_EQ(store.changes(), 5u);
    int withdrawn = 0;
    for (int r = 0; r < p.panel.rowTable()->rowCount(); ++r)
        withdrawn += p.panel.rowTable()->item(r, 12)->text() == "已撤销";
    EXPECT_EQ(withdrawn, 2);
    // t001's import is untouched.
    EXPECT_EQ(p.status("t001"), Status::Met);
}

TEST(ActualsPanel, BadFiguresAreRefusedWithTheMessageAndNothingWritten)
{
    Store store;
    Panel p(store.path);
    struct Case {
        const char *value, *unit, *source, *why, *named;  ///< named: what the message must name
    };
    for (const Case c : {Case{"abc", "万人", kSynthetic, "non-numeric", "abc"}, Case{"170", "公里", kSynthetic, "unit of another quantity", "公里"},
                         Case{"170", "万人", "", "no source", "来源"}}) {
        // t089: 遵义 城区常住人口 ≈ 168 万人 in 2023.
        auto* dialog = p.panel.dialogFor("t089");
        ASSERT_TRUE(dialog);
        dialog->valueEdit()->setText(c.value);
        dialog->unitBox()->setCurrentText(c.unit);
        dialog->yearBox()->setValue(2023);
        dialog->dateEdit()->setText("2024-05");
        dialog->sourceEdit()->setText(c.source);
        EXPECT_FALSE(dialog->submit()) << c.why;
        EXPECT_TRUE(dialog->problems().contains(QString::fromUtf8(c.named))) << c.why << ": " << dialog->problems().toStdString();
        EXPECT_EQ(dialog->result(), QDialog::Rejected) << c.why;  // still open, not accepted
        EXPECT_EQ(store.rows(), 2u) << c.why;
        EXPECT_EQ(store.changes(), 1u) << c.why;
        EXPECT_EQ(p.status("t089"), Status::NoFigure) << c.why;
        delete dialog;
    }
    // The same figure in 人 converts (万人 × 10000) and is taken.
    auto* dialog = p.panel.dialogFor("t089");
    dialog->valueEdit()->setText("1700000");
    dialog->unitBox()->setCurrentText("人");
    dialog->dateEdit()->setText("2024-05");
    dialog->sourceEdit()->setText(kSynthetic);
    EXPECT_TRUE(dialog->submit()) << dialog->problems().toStdString();
    EXPECT_EQ(p.status("t089"), Status::Met);
}

TEST(ActualsPanel, FiltersByScopeIndicatorAndStatus)
{
    Store store;
    Panel p(store.path);
    auto* filter = p.panel.filter();
    const int all = filter->rowCount();
    ASSERT_EQ(all, static_cast<int>(test::plan().targets.size()));
    auto count = [&](auto&& pred) {
        int n = 0;
        for (const auto& t : test::plan().targets)
            n += pred(t);
        return n;
    };
    auto column = [&](int role) {
        QStringList values;
        for (int r = 0; r < filter->rowCount(); ++r)
            values << filter->index(r, 0).data(role).toString();
        return values;
    };

    p.panel.scopeFilter()->setCurrentText("city");
    EXPECT_EQ(filter->rowCount(), count([](const layers::Target& t) { return t.scopeKind == "city"; }));
    for (const QString& scope : column(ActualsModel::ScopeRole))
        EXPECT_TRUE(scope.startsWith("city:")) << scope.toStdString();
    p.panel.scopeFilter()->setCurrentText("city:zunyi");
    EXPECT_EQ(filter->rowCount(), count([](const layers::Target& t) { return t.scopeId == "zunyi"; }));
    EXPECT_GT(filter->rowCount(), 0);
    // A scope picked from the list (shown by name) filters by its key.
    const int zunyi = p.panel.scopeFilter()->findData("city:zunyi");
    ASSERT_GE(zunyi, 0);
    p.panel.scopeFilter()->setCurrentIndex(0);
    EXPECT_EQ(filter->rowCount(), all);
    p.panel.scopeFilter()->setCurrentIndex(zunyi);
    EXPECT_EQ(filter->rowCount(), count([](const layers::Target& t) { return t.scopeId == "zunyi"; }));
    p.panel.scopeFilter()->setCurrentIndex(0);

    p.panel.indicatorFilter()->setText("城镇化率");
    EXPECT_EQ(filter->rowCount(), count([](const layers::Target& t) { return t.indicator.find("城镇化率") != std::string::npos; }));
    EXPECT_GT(filter->rowCount(), 0);
    p.panel.indicatorFilter()->setText("URBANISATION");  // English, case ignored
    EXPECT_GT(filter->rowCount(), 0);
    p.panel.indicatorFilter()->clear();

    p.panel.statusFilter()->setCurrentIndex(p.panel.statusFilter()->findData("met"));
    EXPECT_EQ(filter->rowCount(), 1);
    EXPECT_EQ(column(ActualsModel::TargetIdRole), QStringList{"t001"});
    p.panel.statusFilter()->setCurrentIndex(p.panel.statusFilter()->findData("no_figure"));
    int noFigure = 0;
    for (const auto& t : p.panel.progress())
        noFigure += t.status == Status::NoFigure;
    EXPECT_EQ(filter->rowCount(), noFigure);
    for (const QString& st : column(ActualsModel::StatusRole))
        EXPECT_EQ(st, "no_figure");
    p.panel.statusFilter()->setCurrentIndex(0);
    EXPECT_EQ(filter->rowCount(), all);
}

TEST(ActualsPanel, MissingStoreIsEmptyAndSaysHowToFillIt)
{
    QTemporaryDir dir;
    const std::filesystem::path missing = std::filesystem::path(dir.path().toStdString()) / "none.gpkg";
    Panel p(missing);
    EXPECT_TRUE(p.panel.notice().contains("尚无实际数据：用 gzplan actuals import 导入，或在此录入")) << p.panel.notice().toStdString();
    EXPECT_TRUE(p.panel.allActuals().empty());
    EXPECT_EQ(p.panel.rowTable()->rowCount(), 0);
    for (const auto& t : p.panel.progress())
        EXPECT_EQ(t.status, Status::NoFigure);
    EXPECT_FALSE(std::filesystem::exists(missing));  // reading creates nothing
    // The first entry creates the store.
    EXPECT_EQ(p.panel.enter(figure("t001", 2023, "57", "%", "2024-09")), QStringList());
    EXPECT_TRUE(std::filesystem::exists(missing));
    EXPECT_EQ(p.status("t001"), Status::Met);
}

TEST(ActualsPanel, AStoreThatCannotBeOpenedIsNamedInTheMessageBar)
{
    QTemporaryDir dir;
    const QString bad = dir.filePath("bad.gpkg");
    QFile f(bad);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("not a GeoPackage\n");
    f.close();
    test::ShownWindow w;
    w.window.setActuals(rules(), bad.toStdString());
    EXPECT_EQ(w.window.messageBar()->level(), app::gui::MessageBar::Level::Error);
    EXPECT_TRUE(w.window.messageBar()->text().contains("bad.gpkg")) << w.window.messageBar()->text().toStdString();
    EXPECT_TRUE(w.window.actualsPanel()->allActuals().empty());
    // Nothing is written to a store that cannot be opened.
    EXPECT_FALSE(w.window.actualsPanel()->enter(figure("t001", 2023, "57", "%", "2024-09")).isEmpty());
    QFile again(bad);
    ASSERT_TRUE(again.open(QIODevice::ReadOnly));
    EXPECT_EQ(again.readAll(), QByteArray("not a GeoPackage\n"));
}

TEST(ActualsPanel, EveryChangeReachesTheMap)
{
    Store store;
    test::ShownWindow w;
    w.window.setActuals(rules(), store.path);
    ASSERT_TRUE(w.window.canvas()->progress());
    auto status = [&](const std::string& id) {
        for (const auto& t : w.window.canvas()->progress()->targets)
            if (t.target->id == id)
                return t.status;
        return Status::Undetermined;
    };
    EXPECT_EQ(status("t001"), Status::Met);
    EXPECT_EQ(w.window.actualsPanel()->enter(figure("t001", 2023, "55.5", "%", "2024-12")), QStringList());
    EXPECT_EQ(status("t001"), Status::NotMet);
    EXPECT_EQ(w.window.actualsPanel()->undo(), QString());
    EXPECT_EQ(status("t001"), Status::Met);
    // Ctrl+Z in the panel undoes too.
    EXPECT_EQ(w.window.actualsPanel()->enter(figure("t001", 2023, "55.5", "%", "2024-12")), QStringList());
    EXPECT_EQ(status("t001"), Status::NotMet);
    auto* dock = w.window.findChild<QDockWidget*>("actuals");
    ASSERT_TRUE(dock);
    dock->show();
    dock->raise();
    w.window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&w.window));
    w.window.actualsPanel()->table()->setFocus();
    QTest::keyClick(w.window.actualsPanel()->table(), Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(status("t001"), Status::Met);
    EXPECT_EQ(w.window.actualsPanel()->changes().back().kind, "undo");
}

TEST(ProgressPanel, ScopesAtAClickAreTheCityTheZonesAndTheProvince)
{
    // 红花岗区 (520302) is a member of the 遵义 central city.
    const auto zunyi = app::gui::scopesAt(test::query(), Hit{Hit::Kind::County, "520302"});
    ASSERT_FALSE(zunyi.empty());
    EXPECT_NE(std::find(zunyi.begin(), zunyi.end(), "city:zunyi"), zunyi.end());
    EXPECT_EQ(zunyi.back(), "province:guizhou");
    // 南明区 (520102): 贵阳贵安, the metropolitan area and the 黔中 agglomeration.
    const auto guiyang = app::gui::scopesAt(test::query(), Hit{Hit::Kind::County, "520102"});
    for (const char* scope : {"city:guiyang_guian", "zone:gga_metro", "zone:qianzhong_agglomeration", "province:guizhou"})
        EXPECT_NE(std::find(guiyang.begin(), guiyang.end(), scope), guiyang.end()) << scope;
    EXPECT_TRUE(app::gui::scopesAt(test::query(), Hit{}).empty());
}

TEST(ProgressPanel, ListsEachScopesTargetsWithStatusRuleSourceAndQuote)
{
    Store store;
    Panel p(store.path);
    const auto data = p.panel.progressData();
    const QString html = app::gui::progressHtml(test::query(), Hit{Hit::Kind::County, "520302"}, *data);
    QTextBrowser browser;
    browser.setHtml(html);
    const QString text = browser.toPlainText();
    EXPECT_TRUE(text.contains("城区常住人口")) << text.left(400).toStdString();  // t089, 遵义's
    const layers::Target* t001 = nullptr;
    for (const auto& t : test::plan().targets)
        if (t.id == "t001")
            t001 = &t;
    ASSERT_TRUE(t001);
    EXPECT_TRUE(text.contains(QString::fromStdString(t001->quote)));
    EXPECT_TRUE(text.contains(kSynthetic));
    EXPECT_TRUE(text.contains(QString::fromUtf8(layers::statusLabel(Status::Met))));
    EXPECT_TRUE(text.contains(QString::fromUtf8(layers::statusLabel(Status::NoFigure))));
    EXPECT_TRUE(text.contains(QString::fromStdString(p.panel.progress()[static_cast<std::size_t>(p.row("t001"))].rule)));
    EXPECT_TRUE(html.contains("gzplan:clause"));  // sources open the document panel
    // Outside the progress view the information panel shows the plan's content as before.
    test::ShownWindow w;
    w.window.setActuals(rules(), store.path);
    w.window.identify(Hit{Hit::Kind::County, "520302"});
    EXPECT_FALSE(w.window.infoPanel()->toPlainText().contains(QString::fromUtf8(layers::statusLabel(Status::NoFigure))));
}

// Not a check: pictures of the window for a person to look at. Runs only with GZ_SCREENSHOT_DIR (where the PNGs go)
// and GZ_SCREENSHOT_STORE (a store of SYNTHETIC figures: gzplan actuals template, tests/tools/fill_synthetic_actuals.py,
// gzplan actuals import), e.g. under xvfb-run with QT_QPA_PLATFORM=xcb.
TEST(ActualsPanelScreenshot, TheTableAndTheProgressPanel)
{
    const QString dir = qEnvironmentVariable("GZ_SCREENSHOT_DIR"), store = qEnvironmentVariable("GZ_SCREENSHOT_STORE");
    if (dir.isEmpty() || store.isEmpty())
        GTEST_SKIP() << "GZ_SCREENSHOT_DIR and GZ_SCREENSHOT_STORE not set";
    test::ShownWindow w;
    const QString language = qEnvironmentVariable("GZ_SCREENSHOT_LANG", "zh");  // en: the English window
    w.window.setLanguage(language);
    w.window.resize(1500, 950);
    w.window.setActuals(rules(), store.toStdString());
    // What a change costs the window: the store read again, every status evaluated, the table and history refilled,
    // the map handed its data (printed, not checked: the machine's load varies).
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < 10; ++i)
        w.window.actualsPanel()->reload();
    std::cout << "ActualsPanel::reload of " << w.window.actualsPanel()->allActuals().size() << " figures: " << clock.elapsed() / 10.0 << " ms\n";
    auto* dock = w.window.findChild<QDockWidget*>("actuals");
    ASSERT_TRUE(dock);
    dock->show();
    dock->raise();
    w.window.resizeDocks({dock}, {330}, Qt::Vertical);
    auto settle = [&] {
        QTest::qWait(300);
        for (int i = 0; i < 100 && w.window.canvas()->rendering(); ++i)
            QTest::qWait(50);
        QTest::qWait(300);
    };
    settle();
    ASSERT_TRUE(w.window.grab().save(dir + "/gui_actuals_" + language + ".png"));
    // The progress panel: the 目标进展 view and a click on 红花岗区 (遵义). Before the view exists, the panel's HTML
    // is put where a click in that view shows it.
    geo::Point seat = test::geography().county("520302")->seat;
    geo::Projection albers(geo::crs::kCgcs2000, geo::crs::kAlbersChina);
    albers.forward(seat);
    if (const auto view = app::render::viewFromId("progress")) {
        w.window.showView(*view);
        settle();
        w.window.identifyAt(w.window.canvas()->view().toScreen(seat));
    } else {
        w.window.identify(Hit{Hit::Kind::County, "520302"});
        w.window.infoPanel()->setHtml(app::gui::progressHtml(test::query(), Hit{Hit::Kind::County, "520302"}, *w.window.actualsPanel()->progressData()));
    }
    settle();
    ASSERT_TRUE(w.window.grab().save(dir + "/gui_progress_" + language + ".png"));
}

TEST(ProgressPanel, AClickInTheProgressViewListsStatusesAndTheMapHasThePanelsData)
{
    Store store;
    test::ShownWindow w;
    w.window.setActuals(rules(), store.path);
    const auto view = app::render::viewFromId("progress");
    ASSERT_TRUE(view);
    w.window.showView(*view);
    EXPECT_EQ(w.window.canvas()->settings().progress, w.window.actualsPanel()->progressData());
    w.window.identify(Hit{Hit::Kind::County, "520302"});
    const QString text = w.window.infoPanel()->toPlainText();
    EXPECT_TRUE(text.contains("目标进展")) << text.left(300).toStdString();
    EXPECT_TRUE(text.contains(QString::fromUtf8(layers::statusLabel(Status::Met))));
    EXPECT_TRUE(text.contains(kSynthetic));
    // Back in another view the panel shows the plan's content again.
    w.window.showView(app::render::View::Overview);
    EXPECT_FALSE(w.window.infoPanel()->toPlainText().contains("目标进展"));
}
