// Print-ready maps: what a PDF of `gzplan render --page` says in its text (pdftotext, poppler-utils, installed by
// share/scripts/gz.sh): the characters drawn, each label once, the title in the map's language, and the inset of
// central Guiyang on province maps.

#include <gtest/gtest.h>

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include "render/map_layout.h"
#include "run_gzplan.h"
#include "test_data.h"

namespace {

/// The text of a PDF as pdftotext extracts it (empty, with a failure, when it cannot).
QString pdfText(const QString& pdf)
{
    QProcess p;
    p.start("pdftotext", {"-enc", "UTF-8", pdf, "-"});
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        ADD_FAILURE() << "pdftotext " << pdf.toStdString() << " failed (is poppler-utils installed?): " << p.readAllStandardError().toStdString();
        return {};
    }
    return QString::fromUtf8(p.readAllStandardOutput());
}

/// pdftotext's words: labels are drawn apart, so each is a word of its own.
QStringList words(const QString& text)
{
    return text.split(QRegularExpression("\\s+"), Qt::SkipEmptyParts);
}

/// An A4 PDF of view rendered by gzplan with extra arguments; its text.
QString renderedText(const QTemporaryDir& dir, const QString& view, const QStringList& extra = {})
{
    const QString pdf = dir.filePath(view + ".pdf");
    const test::GzplanResult r = test::gzplan(QStringList{"render", "--view", view, "--page", "A4", "--out", pdf, "--force"} + extra);
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_FALSE(r.err.contains("warning")) << r.err.toStdString();  // the map font was found
    return pdfText(pdf);
}

/// The names of the county-seat classes (share/plan/county_classes.csv, column name).
QStringList classNames()
{
    QFile file(GZ_TEST_SHARE_DIR "/plan/county_classes.csv");
    EXPECT_TRUE(file.open(QIODevice::ReadOnly));
    QStringList lines = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
    const QStringList header = lines.takeFirst().split(',');
    const qsizetype column = header.indexOf("name");
    EXPECT_GE(column, 0);
    QStringList names;
    for (const QString& line : lines)
        names << line.split(',').value(column);
    return names;
}

}  // namespace

TEST(RenderPdf, TextHoldsEveryLabelOnceInTheCharactersDrawn)
{
    QTemporaryDir dir;
    const QString text = renderedText(dir, "county_classes");
    ASSERT_FALSE(text.isEmpty());
    // No Kangxi radical or CJK radicals-supplement code point (the system font's reverse cmap put ⽀ for 支).
    for (const QChar c : text)
        ASSERT_FALSE(c.unicode() >= 0x2E80 && c.unicode() <= 0x2FDF) << "U+" << QString::number(c.unicode(), 16).toStdString();
    const QStringList w = words(text);
    // The legend names every class once (with its count in brackets as a word of its own).
    const QStringList classes = classNames();
    ASSERT_EQ(classes.size(), static_cast<qsizetype>(test::plan().classes.size()));
    for (const QString& name : classes)
        EXPECT_EQ(w.count(name), 1) << name.toStdString();
    EXPECT_TRUE(classes.contains("重要区域性支点城市"));
    // Every county's short name as the map labels it: once, or twice where the inset draws it again.
    const auto& renderer = *test::plannedRenderer();
    const geo::Box inset = app::render::insetExtent(renderer, app::render::View::CountyClasses);
    ASSERT_FALSE(inset.isEmpty());
    ASSERT_EQ(renderer.data().counties.size(), 88u);
    int twice = 0;
    for (const auto& county : renderer.data().counties) {
        const bool inInset = inset.contains(county.seat);
        const qsizetype n = w.count(county.shortName);
        if (inInset) {
            EXPECT_GE(n, 1) << county.shortName.toStdString();
            EXPECT_LE(n, 2) << county.shortName.toStdString();
            twice += n == 2;
        } else {
            EXPECT_EQ(n, 1) << county.shortName.toStdString();
        }
    }
    EXPECT_GT(twice, 0);  // the inset's labels are text too
    // Each text once: the title too (its halo is a path, not eight more copies of the text).
    EXPECT_EQ(text.count("贵州省新型城镇化 · 县城分类"), 1);
}

TEST(RenderPdf, ProvinceMapsShowCentralGuiyangInAnInset)
{
    QTemporaryDir dir;
    for (const QString view : {"county_classes", "overview", "transport"}) {
        const QStringList w = words(renderedText(dir, view));
        EXPECT_EQ(w.count("贵阳中心城区"), 1) << view.toStdString();
        // The districts too small for their labels at province scale are labelled in the inset.
        for (const QString name : {"云岩", "南明", "白云"})
            EXPECT_GE(w.count(name), 1) << view.toStdString() << " " << name.toStdString();
        // Two scale bars: the map's and the inset's, the inset's at a larger scale.
        QList<double> scales;
        for (const QString& word : w)
            if (word.startsWith("1:"))
                scales << QString(word.mid(2)).remove(',').toDouble();
        ASSERT_EQ(scales.size(), 2) << view.toStdString();
        EXPECT_GT(std::max(scales[0], scales[1]), 2.5 * std::min(scales[0], scales[1]));
    }
    // Not on a map zoomed into 贵阳贵安 (its districts are labelled there), nor on a picture of the user's own size.
    EXPECT_EQ(words(renderedText(dir, "one_core_three_centres")).count("贵阳中心城区"), 0);
    const QString png = dir.filePath("small.pdf");
    ASSERT_EQ(test::gzplan({"render", "--view", "county_classes", "--size", "900x640", "--out", png}).code, 0);
    EXPECT_FALSE(pdfText(png).contains("贵阳中心城区"));
    // In English, its title too.
    EXPECT_EQ(renderedText(dir, "county_classes", {"--lang", "en"}).count("Central Guiyang"), 1);
}

TEST(RenderPdf, TitleIsInTheMapsLanguage)
{
    QTemporaryDir dir;
    const QString zh = renderedText(dir, "county_classes");
    EXPECT_TRUE(zh.contains("贵州省新型城镇化 · 县城分类")) << zh.left(200).toStdString();
    const QString en = renderedText(dir, "county_classes", {"--lang", "en"});
    const QString title = en.section('\n', 0, 0);
    EXPECT_TRUE(title.contains("County-seat classes")) << title.toStdString();
    EXPECT_FALSE(title.contains(QRegularExpression("\\p{Han}"))) << title.toStdString();
    const QString overview = renderedText(dir, "overview", {"--lang", "en"}).section('\n', 0, 0);
    EXPECT_TRUE(overview.contains("Guizhou administrative divisions")) << overview.toStdString();
    EXPECT_FALSE(overview.contains(QRegularExpression("\\p{Han}"))) << overview.toStdString();
}

TEST(RenderPdf, AnEnglishMapHasNoChineseInItsTitleLegendLabelsOrSourceNote)
{
    // Every view in English: county, prefecture and neighbour labels in pinyin (share/plan/names_en.csv), class,
    // zone and belt names from the tables' name_en, the source note translated.
    QTemporaryDir dir;
    for (const QString view : {"overview", "county_classes", "one_cluster_three_belts", "one_core_three_centres", "transport"}) {
        const QString en = renderedText(dir, view, {"--lang", "en"});
        QStringList chinese;
        static const QRegularExpression han("[^\\n]*\\p{Han}[^\\n]*");
        for (auto it = han.globalMatch(en); it.hasNext();)
            chinese << it.next().captured();
        EXPECT_TRUE(chinese.isEmpty()) << view.toStdString() << ": " << chinese.join(" | ").left(1500).toStdString();
        EXPECT_TRUE(en.contains("Panzhou") || view == "one_core_three_centres") << view.toStdString();
    }
}
