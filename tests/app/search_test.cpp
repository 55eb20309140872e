// The window's search over every kind of plan object (PlanQuery::resolve) and the errors it shows where the user
// looks: the message bar above the map, the search box's frame and tooltip, the candidates offered under the box.
#include <gtest/gtest.h>

#include <QCompleter>
#include <QListWidget>
#include <QStatusBar>
#include <QStringListModel>
#include <QTest>
#include <QTextBrowser>

#include "gui/main_window.h"
#include "gui/user_layer_panel.h"
#include "gui/map_canvas.h"
#include "gui/message_bar.h"
#include "gui/search_box.h"
#include "gui/selection.h"
#include "shown_window.h"
#include "test_data.h"

using app::gui::Hit;
using app::gui::MainWindow;
using app::gui::MessageBar;

namespace {
struct Window : test::ShownWindow {
    MessageBar* bar() const { return window.messageBar(); }
    QString info() const { return window.infoPanel()->toPlainText(); }
    /// The bar is shown to whoever looks at the window (not merely holding text).
    bool barShown() const { return bar()->isVisibleTo(const_cast<MainWindow*>(&window)) && !bar()->text().isEmpty(); }
    QStringList offeredLines() const
    {
        return qobject_cast<QStringListModel*>(window.searchBox()->choices()->model())->stringList();
    }
    /// Chooses the offered line that starts with prefix, as a click on it in the list does.
    void chooseOffered(const QString& prefix)
    {
        for (const QString& line : offeredLines())
            if (line.startsWith(prefix)) {
                emit window.searchBox()->choices()->activated(line);
                return;
            }
        ADD_FAILURE() << "no offered line starts with " << prefix.toStdString() << ": "
                      << offeredLines().join(" | ").toStdString();
    }
};

QSet<QString> countiesOf(const std::string& prefecture)
{
    QSet<QString> codes;
    for (const auto& c : test::geography().counties)
        if (c.prefectureCode == prefecture)
            codes.insert(QString::fromStdString(c.code));
    return codes;
}

QSet<QString> classMembers(const std::string& classId)
{
    QSet<QString> codes;
    for (const auto* m : test::query().classMembers(classId))
        codes.insert(QString::fromStdString(m->code));
    return codes;
}

int classRow(const QString& id)
{
    const auto& classes = test::plannedRenderer()->data().classes;
    for (int i = 0; i < static_cast<int>(classes.size()); ++i)
        if (classes[static_cast<std::size_t>(i)].id == id)
            return i;
    return -1;
}
}  // namespace

TEST(Search, ATypoOffersTheClosestNameInTheWindow)
{
    Window w;
    w.window.find("盘洲");
    EXPECT_EQ(w.window.identified().kind, Hit::Kind::None);  // nothing chosen for the user
    ASSERT_TRUE(w.barShown());
    EXPECT_EQ(w.bar()->level(), MessageBar::Level::Warning);
    EXPECT_TRUE(w.bar()->text().contains("盘洲") && w.bar()->text().contains("盘州市")) << w.bar()->text().toStdString();
    EXPECT_TRUE(w.window.searchBox()->styleSheet().contains("border")) << "the box is framed";
    EXPECT_TRUE(w.window.searchBox()->toolTip().contains("盘州市"));
    ASSERT_EQ(w.window.searchBox()->offered().size(), 1u);
    EXPECT_EQ(w.window.searchBox()->offered()[0].id, "520281");
    // Choosing the suggestion finds the county and withdraws the message.
    w.chooseOffered("盘州市");
    EXPECT_EQ(w.window.identified(), (Hit{Hit::Kind::County, "520281"}));
    EXPECT_TRUE(w.info().contains("盘州市"));
    EXPECT_FALSE(w.barShown()) << w.bar()->text().toStdString();
    EXPECT_TRUE(w.window.searchBox()->styleSheet().isEmpty());
}

TEST(Search, AClassAliasSelectsTheClassAsTheClassListDoes)
{
    Window w;
    const int satellite = classRow("satellite");
    ASSERT_GE(satellite, 0);
    // Typed and Return pressed, as a user does.
    w.window.searchBox()->setText("卫星");
    QTest::keyClick(w.window.searchBox(), Qt::Key_Return);
    EXPECT_EQ(w.window.classList()->currentRow(), satellite);
    EXPECT_EQ(w.window.selection()->counties(), classMembers("satellite"));
    EXPECT_EQ(w.window.canvas()->settings().highlightCounties, classMembers("satellite"));
    EXPECT_FALSE(w.barShown()) << w.bar()->text().toStdString();
    // Again once another class is current: the search moves the selection back.
    w.window.classList()->setCurrentRow(satellite == 0 ? 1 : 0);
    w.window.find("大城市周边县城");
    EXPECT_EQ(w.window.classList()->currentRow(), satellite);
    EXPECT_EQ(w.window.selection()->counties(), classMembers("satellite"));
}

TEST(Search, AZoneIsIdentifiedAsAClickOnItIs)
{
    Window w;
    const double provinceScale = w.window.canvas()->view().unitsPerPixel();
    w.window.find("贵安新区");
    EXPECT_EQ(w.window.identified(), (Hit{Hit::Kind::Zone, "guian_new_area"}));
    EXPECT_TRUE(w.info().contains("贵安新区")) << w.info().toStdString();
    EXPECT_EQ(w.window.selection()->feature(), "guian_new_area");  // highlighted
    EXPECT_LT(w.window.canvas()->view().unitsPerPixel(), provinceScale);
}

TEST(Search, CorridorsAndPlacesShowTheirInformation)
{
    Window w;
    const auto& plan = test::plan();
    ASSERT_FALSE(plan.corridors.empty());
    ASSERT_FALSE(plan.places.empty());
    const auto& corridor = plan.corridors.front();
    w.window.find(QString::fromStdString(corridor.name));
    EXPECT_EQ(w.window.identified(), (Hit{Hit::Kind::Corridor, QString::fromStdString(corridor.id)})) << corridor.name;
    EXPECT_TRUE(w.info().contains(QString::fromStdString(corridor.name)));
    const auto& place = plan.places.front();
    w.window.find(QString::fromStdString(place.id));  // by id
    EXPECT_EQ(w.window.identified(), (Hit{Hit::Kind::Place, QString::fromStdString(place.id)})) << place.name;
    EXPECT_TRUE(w.info().contains(QString::fromStdString(place.name)));
}

TEST(Search, AnAmbiguousNameOffersTheCandidatesToChooseFrom)
{
    Window w;
    w.window.find("遵义");
    EXPECT_EQ(w.window.identified().kind, Hit::Kind::None);
    ASSERT_TRUE(w.barShown());
    EXPECT_EQ(w.bar()->level(), MessageBar::Level::Info);
    EXPECT_TRUE(w.bar()->text().contains("遵义市") && w.bar()->text().contains("区域中心城市")) << w.bar()->text().toStdString();
    EXPECT_TRUE(w.window.searchBox()->styleSheet().isEmpty()) << "an ambiguous name is no error";
    using Kind = layers::PlanKind;
    using Offered = std::vector<std::pair<Kind, std::string>>;
    Offered offered;
    for (const auto& o : w.window.searchBox()->offered())
        offered.push_back({o.kind, o.id});
    EXPECT_EQ(offered, (Offered{{Kind::Prefecture, "5203"}, {Kind::CentralCity, "zunyi"}}));
    EXPECT_EQ(w.offeredLines().size(), 2);
    // The central city: its information.
    w.chooseOffered("遵义 ·");
    EXPECT_EQ(w.window.identified(), (Hit{Hit::Kind::City, "zunyi"}));
    EXPECT_FALSE(w.barShown());
    // Return on the chosen line finds the same object again, not the two candidates.
    QTest::keyClick(w.window.searchBox(), Qt::Key_Return);
    EXPECT_EQ(w.window.identified(), (Hit{Hit::Kind::City, "zunyi"}));
    // The prefecture: its counties selected, its summary shown.
    w.window.find("遵义");
    w.chooseOffered("遵义市");
    EXPECT_EQ(w.window.identified(), (Hit{Hit::Kind::Prefecture, "5203"}));
    EXPECT_EQ(w.window.selection()->counties(), countiesOf("5203"));
    EXPECT_EQ(w.window.selection()->counties().size(), 14);
    EXPECT_TRUE(w.info().contains("红花岗区")) << w.info().toStdString();
}

TEST(Search, NothingFoundIsSaidInTheWindowInEitherLanguage)
{
    Window w;
    w.window.find("qwertyuiop");
    ASSERT_TRUE(w.barShown());
    EXPECT_TRUE(w.bar()->text().contains("找不到“qwertyuiop”")) << w.bar()->text().toStdString();
    EXPECT_TRUE(w.window.searchBox()->toolTip().contains("qwertyuiop"));
    EXPECT_TRUE(w.window.searchBox()->styleSheet().contains("border"));
    EXPECT_EQ(w.window.identified().kind, Hit::Kind::None);
    // A second search replaces the message (one search message at a time).
    w.window.find("盘洲");
    EXPECT_FALSE(w.bar()->text().contains("qwertyuiop")) << w.bar()->text().toStdString();
    w.window.setLanguage("en");
    w.window.find("盘洲");
    const QString english = w.bar()->text();
    EXPECT_TRUE(english.contains("Nothing named “盘洲”") && english.contains("did you mean: Panzhou City (county)"))
        << english.toStdString();
    EXPECT_TRUE(w.offeredLines().value(0).startsWith("Panzhou City · county · 盘州市")) << w.offeredLines().join(" | ").toStdString();
    w.window.setLanguage("zh");
}

TEST(WindowErrors, AFailedAddNamesTheCauseAtTheTopOfTheMapAndAddsNothing)
{
    Window w;
    const QString missing = "/nonexistent/survey.gpkg";
    const QStringList failures = w.window.addLayerFiles({missing});
    ASSERT_EQ(failures.size(), 1);
    EXPECT_TRUE(failures[0].contains(missing) && failures[0].contains("does not exist")) << failures[0].toStdString();
    ASSERT_TRUE(w.barShown());
    EXPECT_EQ(w.bar()->level(), MessageBar::Level::Error);
    const QString shown = w.bar()->text();
    EXPECT_TRUE(shown.contains(missing) && shown.contains("文件不存在")) << shown.toStdString();  // the cause in the window's language
    EXPECT_TRUE(w.bar()->text().startsWith("无法添加图层")) << w.bar()->text().toStdString();
    // No half-added layer anywhere: the window's list, its panel and the map.
    EXPECT_TRUE(w.window.userLayers().empty());
    EXPECT_EQ(w.window.userLayerList()->topLevelItemCount(), 0);
    EXPECT_TRUE(w.window.canvas()->settings().userLayers.empty());
}

TEST(WindowErrors, CommandLineErrorsAddUpAndASearchDoesNotHideThem)
{
    Window w;
    w.window.showError("view", "未知视图“classes”");
    w.window.addLayerFiles({"/nonexistent/a.gpkg"});
    w.window.find("盘洲");
    const QString text = w.bar()->text();
    EXPECT_TRUE(text.contains("classes") && text.contains("/nonexistent/a.gpkg") && text.contains("盘州市"))
        << text.toStdString();
    EXPECT_EQ(w.bar()->level(), MessageBar::Level::Error);
    // A successful search withdraws its own message only.
    w.window.find("盘州市");
    EXPECT_FALSE(w.bar()->text().contains("盘洲"));
    EXPECT_TRUE(w.bar()->text().contains("classes"));
    EXPECT_TRUE(w.barShown());
    w.bar()->clear();
    EXPECT_FALSE(w.barShown());
}
