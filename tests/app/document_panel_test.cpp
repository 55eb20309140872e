// The document panel: every cited clause in the information panel opens its document there, highlighted.
#include <QComboBox>
#include <QRegularExpression>
#include <QTextBrowser>

#include "gui/document_panel.h"
#include "gui/main_window.h"
#include "shown_window.h"

namespace {
/// The hrefs of the information panel's source links (gzplan:clause?…), in order.
QStringList clauseLinks(const QString& html)
{
    QStringList links;
    static const QRegularExpression href("href=[\"'](gzplan:clause[^\"']*)");
    for (auto it = href.globalMatch(html); it.hasNext();) {
        // QTextDocument::toHtml escapes the href's escaped ampersands again.
        QString link = it.next().captured(1);
        while (link.contains("&amp;"))
            link.replace("&amp;", "&");
        links << link;
    }
    return links;
}

struct DocumentWindow : test::ShownWindow {
    DocumentWindow() { window.setPlanTexts(app::gui::PlanTexts::read(QStringLiteral(GZ_TEST_SHARE_DIR "/documents"), test::query().plan().documents)); }
};
}  // namespace

TEST(DocumentPanel, AClassMembershipsClauseOpensAtItsQuote)
{
    DocumentWindow w;
    w.window.identify({app::gui::Hit::Kind::County, "520281"});  // 盘州市: regional pivot and specialised county seat
    const QString html = w.window.infoPanel()->toHtml();
    // The sentence that names 盘州 is quoted under its membership.
    EXPECT_TRUE(html.contains("将处于交通节点和枢纽、具有区域带动作用的盘州")) << html.toStdString();
    // Its second class quotes its own list, not the first sentence that names 盘州.
    EXPECT_TRUE(html.contains("支持正安、盘州、镇宁")) << html.toStdString();
    const QStringList links = clauseLinks(w.window.infoPanel()->toHtml());
    ASSERT_FALSE(links.isEmpty());
    emit w.window.infoPanel()->anchorClicked(QUrl(links.front()));
    app::gui::DocumentPanel* panel = w.window.documentPanel();
    EXPECT_EQ(panel->shownSource(), "GZ2023") << links.front().toStdString();
    EXPECT_TRUE(panel->highlightedClause().startsWith("23. 分类引导县城发展")) << links.front().toStdString() << " " << panel->highlightedClause().left(40).toStdString();
    EXPECT_TRUE(panel->highlightedQuote().contains("盘州")) << panel->highlightedQuote().toStdString();
    EXPECT_TRUE(panel->isVisible());
    // The clause is scrolled into view: the first visible text is near the clause, not the document's start.
    const QTextCursor top = panel->browser()->cursorForPosition(QPoint(5, 5));
    const int clauseStart = panel->browser()->document()->toPlainText().indexOf("23. 分类引导县城发展");
    EXPECT_NEAR(top.position(), clauseStart, 200);
    if (qEnvironmentVariableIsSet("GZ_DUMP"))  // to look at: the window with the document open at the clause
        w.window.grab().save(qEnvironmentVariable("GZ_DUMP") + "/document-panel.png");
}

TEST(DocumentPanel, EveryLinkOfACountyAndAZoneOpensItsClause)
{
    DocumentWindow w;
    int opened = 0;
    for (const app::gui::Hit& hit : {app::gui::Hit{app::gui::Hit::Kind::County, "520102"}, app::gui::Hit{app::gui::Hit::Kind::Zone, "gy_core"},
                                    app::gui::Hit{app::gui::Hit::Kind::City, "zunyi"}}) {
        w.window.identify(hit);
        for (const QString& link : clauseLinks(w.window.infoPanel()->toHtml())) {
            EXPECT_TRUE(w.window.documentPanel()->open(QUrl(link))) << link.toStdString();
            ++opened;
        }
    }
    EXPECT_GT(opened, 10);
    // A REFERENCE row (黔中城市群's 33 units) opens references.md at the region's name.
    EXPECT_TRUE(w.window.documentPanel()->showClause("REFERENCE", "四(五)11", "黔中城市群"));
    EXPECT_EQ(w.window.documentPanel()->shownSource(), "REFERENCE");
    EXPECT_EQ(w.window.documentPanel()->highlightedQuote(), "黔中城市群");
    // A clause the document lacks is said in the panel, not silently ignored.
    EXPECT_FALSE(w.window.documentPanel()->showClause("GZ2023", "四(八)93", {}));
}

TEST(DocumentPanel, ACountyListsItsOwnTargetsFirstAndTheProvincesOnRequest)
{
    DocumentWindow w;
    w.window.identify({app::gui::Hit::Kind::County, "520302"});  // 红花岗区: part of 遵义's central city
    QString text = w.window.infoPanel()->toPlainText();
    const qsizetype own = text.indexOf("适用目标"), county = text.indexOf("全省目标中涉及县城"), more = text.indexOf("另有全省目标");
    ASSERT_GE(own, 0);
    EXPECT_LT(own, county);
    EXPECT_LT(county, more);
    EXPECT_TRUE(text.mid(own, county - own).contains("城区常住人口")) << text.toStdString();  // 遵义 population target (t089), listed first
    EXPECT_FALSE(text.contains("其他全省目标"));
    emit w.window.infoPanel()->anchorClicked(QUrl("gzplan:province-targets"));
    text = w.window.infoPanel()->toPlainText();
    EXPECT_TRUE(text.contains("其他全省目标")) << text.left(300).toStdString();
    EXPECT_TRUE(text.contains("常住人口城镇化率"));  // t001, a province-wide target
}
