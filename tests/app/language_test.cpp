// Both languages whole: a walk over every text the window shows (menus, toolbars, tooltips, docks, lists, tables,
// the information panel for each kind of object) and the map's title and legend, in English and in Chinese. In
// English no Chinese may remain but proper names and quotes marked as such (<span lang='zh'>); in Chinese no English
// word but technical names (formats, CRS codes, document ids).
#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QRegularExpression>
#include <QTabBar>
#include <QTextBrowser>

#include "gui/document_panel.h"
#include "gui/info_html.h"
#include "shown_window.h"

namespace {
bool hasChinese(const QString& s)
{
    return std::any_of(s.begin(), s.end(), [](QChar c) { return c.unicode() >= 0x3400 && c.unicode() <= 0x9fff; });
}

/// Latin words of four letters or more that are not technical names a Chinese interface keeps as they are.
QStringList englishWords(const QString& s)
{
    static const QSet<QString> technical{"GeoPackage", "PostGIS", "PostgreSQL", "Shapefile", "GeoJSON", "FlatGeobuf", "ArcGIS", "Mercator", "Home", "Ctrl", "Shift", "Language", "English",
                                         "CGCS2000", "CGCS", "EPSG", "REFERENCE", "JSON", "share", "styles", "default", "json", "documents", "references",
                                         "echarts", "china", "cities", "division", "Albers", "Gauss", "Kruger", "Noto", "REITs", "Gbps"};
    static const QRegularExpression word("[A-Za-z]{4,}");
    // A command the user types, as written in either language (the actuals panel's "no figures yet").
    static const QRegularExpression command("gzplan actuals import");
    QStringList out;
    for (auto it = word.globalMatch(QString(s).remove(command)); it.hasNext();) {
        const QString w = it.next().captured();
        if (!technical.contains(w))
            out << w;
    }
    return out;
}

/// Every text a user can see in the window (the document panel's text aside: the documents are Chinese).
QStringList windowTexts(app::gui::MainWindow& window)
{
    QStringList texts{window.windowTitle()};
    for (QAction* a : window.findChildren<QAction*>())
        texts << a->text() << a->toolTip();
    for (QMenu* m : window.findChildren<QMenu*>())
        texts << m->title();
    for (QDockWidget* d : window.findChildren<QDockWidget*>())
        texts << d->windowTitle();
    for (QLabel* l : window.findChildren<QLabel*>())
        texts << l->text();
    for (QAbstractButton* b : window.findChildren<QAbstractButton*>())
        texts << b->text() << b->toolTip();
    for (QLineEdit* e : window.findChildren<QLineEdit*>())
        texts << e->placeholderText();
    for (QComboBox* c : window.findChildren<QComboBox*>())
        for (int i = 0; i < c->count(); ++i)
            texts << c->itemText(i);
    for (QTabBar* t : window.findChildren<QTabBar*>())
        for (int i = 0; i < t->count(); ++i)
            texts << t->tabText(i);
    for (QAbstractItemView* v : window.findChildren<QAbstractItemView*>()) {
        const QAbstractItemModel* m = v->model();
        if (!m)
            continue;
        for (int c = 0; c < m->columnCount(); ++c)
            texts << m->headerData(c, Qt::Horizontal).toString();
        // Rows and their children (the layer tree), with tooltips.
        std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
            for (int r = 0; r < m->rowCount(parent); ++r)
                for (int c = 0; c < m->columnCount(parent); ++c) {
                    const QModelIndex i = m->index(r, c, parent);
                    // (A row's tooltip gives the other language's name on purpose: not checked.)
                    texts << i.data().toString();
                    walk(i);
                }
        };
        walk({});
    }
    texts.removeAll(QString());
    return texts;
}

const std::vector<app::gui::Hit> kHits{{app::gui::Hit::Kind::County, "520281"},   {app::gui::Hit::Kind::County, "520102"},
                                        {app::gui::Hit::Kind::Zone, "gy_core"},      {app::gui::Hit::Kind::Zone, "guian_new_area"},
                                        {app::gui::Hit::Kind::Corridor, "belt_shanghai_kunming"}, {app::gui::Hit::Kind::City, "zunyi"},
                                        {app::gui::Hit::Kind::Prefecture, "5202"}};

/// The information panel's html for each kind of object, as plain text, with the marked Chinese removed.
QStringList infoTexts(app::gui::MainWindow& window, bool dropMarkedChinese)
{
    QStringList texts;
    static const QRegularExpression marked("<span lang='zh'>.*?</span>"), tags("<[^>]*>");
    for (const app::gui::Hit& hit : kHits) {
        window.identify(hit);
        QString html = app::gui::infoHtml(test::query(), window.renderer()->data(), hit, {&window.documentPanel()->texts(), true});
        if (dropMarkedChinese)
            html.remove(marked);
        // Link targets and colours are not text.
        texts << html.replace(tags, " ").replace("&amp;", "&");
    }
    return texts;
}

struct LanguageWindow : test::ShownWindow {
    explicit LanguageWindow(const QString& language)
    {
        window.setPlanTexts(app::gui::PlanTexts::read(QStringLiteral(GZ_TEST_SHARE_DIR "/documents"), test::query().plan().documents));
        window.setLanguage(language);
    }
    ~LanguageWindow() { window.setLanguage("zh"); }
};
}  // namespace

TEST(Languages, TheEnglishWindowShowsNoChineseButMarkedNamesAndQuotes)
{
    LanguageWindow w("en");
    QStringList leaks;
    QStringList texts = windowTexts(w.window);
    texts.removeDuplicates();
    for (const QString& t : texts)
        // A language's own name is written in that language (the language menu: 中文, Language 语言).
        if (hasChinese(t) && t != QStringLiteral("中文") && !t.startsWith("Language"))
            leaks << t;
    for (const QString& t : infoTexts(w.window, true))
        if (hasChinese(t))
            leaks << t;
    EXPECT_TRUE(leaks.isEmpty()) << leaks.size() << " texts with Chinese: " << leaks.join(" | ").left(3000).toStdString();
}

TEST(Languages, TheChineseWindowShowsNoEnglishButTechnicalNames)
{
    LanguageWindow w("zh");
    QStringList leaks;
    QStringList texts = windowTexts(w.window) + infoTexts(w.window, false);
    texts.removeDuplicates();
    for (const QString& t : texts)
        if (!englishWords(t).isEmpty() && t != QStringLiteral("English"))
            leaks << englishWords(t).join(",") + ": " + t.left(120);
    EXPECT_TRUE(leaks.isEmpty()) << leaks.size() << " texts with English: " << leaks.join(" | ").left(3000).toStdString();
}

TEST(Languages, QtsOwnDialogsSpeakChineseInTheChineseWindow)
{
    // File dialogs and standard buttons come from Qt: its Chinese translations are installed with the window's.
    LanguageWindow w("zh");
    EXPECT_TRUE(hasChinese(QCoreApplication::translate("QFileDialog", "File &name:")))
        << QCoreApplication::translate("QFileDialog", "File &name:").toStdString();
    w.window.setLanguage("en");
    EXPECT_EQ(QCoreApplication::translate("QFileDialog", "File &name:"), "File &name:");
}
