#include <gtest/gtest.h>

#include <QFile>
#include <QFontDatabase>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QImage>
#include <QTemporaryDir>

#include <optional>

#include "render/map_export.h"
#include "test_data.h"

using namespace app::render;

namespace {
RenderSettings overview(QSize size, bool labels)
{
    RenderSettings s;
    s.view = MapView::fit(test::renderer()->data().extent, size);
    s.setVisible("labels", labels);
    s.scaleBar = false;
    s.northArrow = false;
    return s;
}

int distance(QColor a, QColor b)
{
    return std::max({std::abs(a.red() - b.red()), std::abs(a.green() - b.green()), std::abs(a.blue() - b.blue())});
}
}  // namespace

/// The pixel nearest to the seat whose 7x7 neighbourhood lies wholly inside the county (clear of any border line).
std::optional<QPoint> interiorPixelNear(const CountyItem& c, const MapView& view)
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

TEST(Render, EveryCountyIsFilledWithItsPrefectureColourNearItsSeat)
{
    const auto r = test::renderer();
    const RenderSettings s = overview(QSize(1600, 1200), false);
    const QImage image = r->renderImage(s);
    ASSERT_EQ(image.size(), QSize(1600, 1200));
    for (const CountyItem& c : r->data().counties) {
        const auto px = interiorPixelNear(c, s.view);
        ASSERT_TRUE(px) << c.name.toStdString() << ": no interior pixel near the seat";
        EXPECT_LE(distance(image.pixelColor(*px), r->prefectureFill(c.prefectureIndex)), 2) << c.name.toStdString();
    }
}

TEST(Render, NeighboursAreGreyAndOutsideIsBackground)
{
    const auto r = test::renderer();
    const RenderSettings s = overview(QSize(1600, 1200), false);
    const QImage image = r->renderImage(s);
    geo::Projection albers(geo::crs::kCgcs2000, geo::crs::kAlbersChina);
    geo::Point chongqing{107.2, 29.4};  // 重庆, north of 正安/道真
    albers.forward(chongqing);
    EXPECT_LE(distance(image.pixelColor(s.view.toScreen(chongqing).toPoint()), r->style().neighbourFill), 6);
    geo::Point guangxi{107.3, 24.9};  // 广西, south of 荔波
    albers.forward(guangxi);
    EXPECT_LE(distance(image.pixelColor(s.view.toScreen(guangxi).toPoint()), r->style().neighbourFill), 6);
}

TEST(Render, PrefectureBordersAreHeavierThanCountyBorders)
{
    const Style& style = test::renderer()->style();
    EXPECT_GT(style.prefecture.width, style.county.width * 2);
    EXPECT_LT(style.prefecture.colour.lightness(), style.county.colour.lightness());
}

TEST(Render, LabelsUseAnInstalledCjkFontAndDrawAtSeats)
{
    const Style& style = test::renderer()->style();
    EXPECT_TRUE(QFontDatabase::families().contains(style.labelFont)) << style.labelFont.toStdString() << " is not installed";
    QFont font(style.labelFont);
    EXPECT_TRUE(QFontInfo(font).family().contains("CJK")) << QFontInfo(font).family().toStdString();
    EXPECT_TRUE(QFontMetricsF(font).inFontUcs4(U'黔'));

    const auto r = test::renderer();
    const QImage plain = r->renderImage(overview(QSize(1600, 1200), false));
    const QImage labelled = r->renderImage(overview(QSize(1600, 1200), true));
    // Labels change the pixels next to most seats.
    const RenderSettings s = overview(QSize(1600, 1200), true);
    int labelledSeats = 0;
    for (const CountyItem& c : r->data().counties) {
        const QPoint seat = s.view.toScreen(c.seat).toPoint();
        int changed = 0;
        for (int dy = -14; dy <= 14; ++dy)
            for (int dx = -20; dx <= 20; ++dx) {
                const QPoint p = seat + QPoint(dx, dy);
                if (plain.rect().contains(p) && plain.pixel(p) != labelled.pixel(p))
                    ++changed;
            }
        labelledSeats += changed > 30;
    }
    EXPECT_GE(labelledSeats, 80) << "of 88 seats have a label next to them";
}

TEST(Render, ExportsPngSvgAndPdf)
{
    QTemporaryDir dir;
    const auto r = test::renderer();
    RenderSettings s = overview(QSize(800, 600), true);
    s.decorations = true;
    s.title = "贵州省";
    for (const char* name : {"map.png", "map.svg", "map.pdf"}) {
        const QString path = dir.filePath(name);
        EXPECT_TRUE(exportMap(*r, s, path).isEmpty()) << name;
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::ReadOnly)) << name;
        const QByteArray head = f.read(8);
        if (QString(name).endsWith("png"))
            EXPECT_TRUE(head.startsWith("\x89PNG"));
        else if (QString(name).endsWith("pdf"))
            EXPECT_TRUE(head.startsWith("%PDF"));
        else
            EXPECT_TRUE(f.readAll().contains("<svg"));
        EXPECT_GT(f.size(), 10000) << name;
    }
    QImage png(dir.filePath("map.png"));
    EXPECT_EQ(png.size(), QSize(800, 600));
}

TEST(Render, ExportToAnUnwritablePlaceFailsWithTheFileName)
{
    const auto r = test::renderer();
    const QString error = exportMap(*r, overview(QSize(100, 100), false), "/nonexistent-dir/map.png");
    EXPECT_TRUE(error.contains("/nonexistent-dir/map.png")) << error.toStdString();
    EXPECT_TRUE(exportMap(*r, overview(QSize(100, 100), false), "/tmp/map.bmp").contains("unknown map format"));
}
