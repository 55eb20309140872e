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
    RenderSettings s = test::renderer()->settingsFor(View::Overview);
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
    RenderSettings s = overview(QSize(1600, 1200), false);
    s.setVisible("rivers", false);  // the fills are checked here: 正安, 剑河 and 惠水 have a river by the seat
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
    EXPECT_LE(distance(image.pixelColor(s.view.toScreen(chongqing).toPoint()), r->symbols(View::Overview).neighbours.fill), 6);
    geo::Point guangxi{107.3, 24.9};  // 广西, south of 荔波
    albers.forward(guangxi);
    EXPECT_LE(distance(image.pixelColor(s.view.toScreen(guangxi).toPoint()), r->symbols(View::Overview).neighbours.fill), 6);
}

TEST(Render, PrefectureBordersAreHeavierThanCountyBorders)
{
    const ViewSymbols& symbols = test::renderer()->symbols(View::Overview);
    ASSERT_FALSE(symbols.counties.empty());
    EXPECT_GT(symbols.prefectureBorders.width, symbols.counties.front().width * 2);
    EXPECT_LT(symbols.prefectureBorders.stroke.lightness(), symbols.counties.front().stroke.lightness());
}

TEST(Render, LabelsUseAnInstalledCjkFontAndDrawAtSeats)
{
    const Style& style = test::renderer()->style();
    EXPECT_TRUE(QFontDatabase::families().contains(style.label.font)) << style.label.font.toStdString() << " is not installed";
    QFont font(style.label.font);
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

TEST(RenderViews, EveryViewRendersSomethingDifferent)
{
    const auto r = test::plannedRenderer();
    std::vector<QImage> images;
    for (const QString& id : viewIds()) {
        const View view = *viewFromId(id);
        RenderSettings s = r->settingsFor(view);
        s.view = MapView::fit(r->viewExtent(view), QSize(800, 600));
        s.decorations = true;
        s.title = viewTitle(view);
        const QImage image = r->renderImage(s);
        ASSERT_EQ(image.size(), QSize(800, 600)) << id.toStdString();
        for (const QImage& other : images)
            EXPECT_NE(image, other) << id.toStdString() << " looks like another view";
        images.push_back(image);
    }
    EXPECT_EQ(images.size(), 6u);  // with 目标进展 (progress)
    EXPECT_FALSE(viewFromId("nonsense"));
}

TEST(RenderViews, CountyClassColoursAtCountySeats)
{
    const auto r = test::plannedRenderer();
    RenderSettings s = r->settingsFor(View::CountyClasses);
    s.view = MapView::fit(r->data().extent, QSize(1600, 1200));
    s.setVisible("labels", false);
    s.setVisible("rivers", false);  // the class fills are checked: a river runs by some seats
    s.scaleBar = false;
    s.northArrow = false;
    const QImage image = r->renderImage(s);
    int single = 0, none = 0, multiple = 0;
    for (std::size_t i = 0; i < r->data().counties.size(); ++i) {
        const CountyItem& c = r->data().counties[i];
        const std::vector<int>& held = r->data().countyClasses[i];
        const auto px = interiorPixelNear(c, s.view);
        ASSERT_TRUE(px) << c.name.toStdString();
        const QColor got = image.pixelColor(*px);
        if (held.empty()) {
            EXPECT_LE(distance(got, r->classFill(-1)), 2) << c.name.toStdString() << " should be neutral";
            ++none;
        } else if (held.size() == 1) {
            EXPECT_LE(distance(got, r->classFill(held[0])), 2) << c.name.toStdString() << " should show " << r->data().classes[held[0]].id.toStdString();
            ++single;
        } else {
            // A split fill: the pixel shows one of its classes.
            bool ofItsClasses = false;
            for (int k : held)
                ofItsClasses = ofItsClasses || distance(got, r->classFill(k)) <= 2;
            EXPECT_TRUE(ofItsClasses) << c.name.toStdString();
            ++multiple;
        }
    }
    EXPECT_EQ(single + none + multiple, 88);
    EXPECT_EQ(none, 21);
    EXPECT_EQ(multiple, 25);
}

TEST(RenderViews, SplitFillShowsEveryClassOfAMultiClassCounty)
{
    const auto r = test::plannedRenderer();
    RenderSettings s = r->settingsFor(View::CountyClasses);
    const int panzhou = r->data().countyIndex("520281");  // regional_pivot + specialized
    ASSERT_GE(panzhou, 0);
    const CountyItem& c = r->data().counties[static_cast<std::size_t>(panzhou)];
    s.view = MapView::fit(c.bounds, QSize(400, 400));
    s.setVisible("labels", false);
    const QImage image = r->renderImage(s);
    for (int k : r->data().countyClasses[static_cast<std::size_t>(panzhou)]) {
        int pixels = 0;
        for (int y = 0; y < image.height(); y += 2)
            for (int x = 0; x < image.width(); x += 2)
                pixels += distance(image.pixelColor(x, y), r->classFill(k)) <= 2;
        EXPECT_GT(pixels, 1000) << r->data().classes[static_cast<std::size_t>(k)].id.toStdString();
    }
}

namespace {
/// The transport view at 1600 x 1200 over its own extent (the province), with or without labels.
RenderSettings transport(bool labels)
{
    const auto r = test::plannedRenderer();
    RenderSettings s = r->settingsFor(View::Transport);
    s.view = MapView::fit(r->viewExtent(View::Transport), QSize(1600, 1200));
    s.setVisible("labels", labels);
    s.scaleBar = false;
    s.northArrow = false;
    return s;
}
}  // namespace

TEST(Render, CorridorsReachTheNeighbouringSeatsBeyondTheBorderAndTheSeatsAreLabelled)
{
    const auto r = test::plannedRenderer();
    const MapData& data = r->data();
    const ViewSymbols& symbols = r->symbols(View::Transport);
    const QImage labelled = r->renderImage(transport(true));
    const QImage plain = r->renderImage(transport(false));
    const MapView& view = transport(true).view;
    auto outsideGuizhou = [&](geo::Point m) { return !data.province.contains(QPointF(m.x, m.y)); };

    // Each seat in the frame: its symbol's outline beside it, and its label (pixels that change with the labels).
    int seatsInView = 0;
    for (const NeighbourSeatItem& seat : data.neighbourSeats) {
        const QPoint at = view.toScreen(seat.at).toPoint();
        if (!labelled.rect().adjusted(40, 20, -40, -20).contains(at))
            continue;
        ++seatsInView;
        EXPECT_TRUE(outsideGuizhou(seat.at)) << seat.label.toStdString();
        int outline = 0, labelPixels = 0;
        for (int dy = -6; dy <= 6; ++dy)
            for (int dx = -6; dx <= 6; ++dx)
                outline += distance(plain.pixelColor(at + QPoint(dx, dy)), symbols.neighbourSeats.stroke) <= 40;
        for (int dy = -20; dy <= 20; ++dy)
            for (int dx = -60; dx <= 60; ++dx) {
                const QPoint p = at + QPoint(dx, dy);
                labelPixels += labelled.rect().contains(p) && labelled.pixel(p) != plain.pixel(p);
            }
        EXPECT_GT(outline, 4) << seat.label.toStdString() << ": no seat symbol at " << at.x() << "," << at.y();
        EXPECT_GT(labelPixels, 30) << seat.label.toStdString() << ": no label beside the seat";
    }
    EXPECT_GE(seatsInView, 2) << "古蔺 and 天峨 lie beyond the border within the province's frame";

    // The line to 南宁 is drawn beyond the border: its colour at points of the segment outside Guizhou, in the frame.
    const auto it = std::find_if(data.corridors.begin(), data.corridors.end(), [](const CorridorItem& c) { return c.id == "hsr_guiyang_nanning"; });
    ASSERT_NE(it, data.corridors.end());
    const QColor stroke = symbols.corridors[static_cast<std::size_t>(it - data.corridors.begin())].stroke;
    ASSERT_GE(it->line.size(), 2);
    const QPointF a = it->line[it->line.size() - 2], b = it->line.back();
    int beyond = 0, coloured = 0;
    for (int step = 0; step <= 200; ++step) {
        const QPointF m = a + (b - a) * (step / 200.0);
        const QPoint px = view.toScreen({m.x(), m.y()}).toPoint();
        if (!outsideGuizhou({m.x(), m.y()}) || !plain.rect().adjusted(2, 2, -2, -2).contains(px))
            continue;
        ++beyond;
        bool found = false;
        for (int dy = -2; dy <= 2 && !found; ++dy)
            for (int dx = -2; dx <= 2 && !found; ++dx)
                found = distance(plain.pixelColor(px + QPoint(dx, dy)), stroke) <= 40;
        coloured += found;
    }
    EXPECT_GT(beyond, 5) << "the segment to 南宁 has no part beyond the border in the frame";
    EXPECT_GE(coloured, beyond * 0.5) << coloured << " of " << beyond << " points beyond the border carry the line's colour";
}

namespace {
/// Whether a pixel reads as a river: blue well above red (the fills, borders and background are not).
bool bluish(QColor c) { return c.blue() - c.red() >= 40 && c.blue() > c.green(); }
}  // namespace

TEST(RenderRivers, TheOverviewShowsTheRiversInTheirBlueAndNotWhenTheLayerIsOff)
{
    const auto r = test::renderer();
    ASSERT_FALSE(r->data().rivers.empty());
    RenderSettings on = overview(QSize(1600, 1200), false);
    ASSERT_TRUE(on.visible("rivers")) << "the overview shows the rivers";
    RenderSettings off = on;
    off.setVisible("rivers", false);
    const QImage withRivers = r->renderImage(on), without = r->renderImage(off);
    int blue = 0, blueWithout = 0, changed = 0, changedBlue = 0;
    for (int y = 0; y < withRivers.height(); ++y)
        for (int x = 0; x < withRivers.width(); ++x) {
            const QColor a = withRivers.pixelColor(x, y), b = without.pixelColor(x, y);
            blue += bluish(a);
            blueWithout += bluish(b);
            if (a != b) {
                ++changed;
                changedBlue += bluish(a);
            }
        }
    EXPECT_GT(blue, 5000) << "river pixels in the overview";
    EXPECT_EQ(blueWithout, 0) << "blue pixels with the rivers off";
    // What the rivers change is blue (antialiased edges blend less and may not be).
    EXPECT_GT(changedBlue, changed * 6 / 10) << changedBlue << " of " << changed;

    // The major rivers' own colour where they run: at every eighth vertex of the level-1 lines in view.
    const QColor major = test::style().symbol("rivers", "overview", {{"level", "1"}}).stroke;
    int checked = 0, found = 0;
    for (std::size_t i = 0; i < r->data().rivers.size(); ++i) {
        const RiverItem& river = r->data().rivers[i];
        if (river.level != 1)
            continue;
        EXPECT_EQ(r->symbols(View::Overview).rivers[i].stroke, major);
        for (int v = 4; v < river.path.elementCount(); v += 8) {
            const QPainterPath::Element e = river.path.elementAt(v);
            const QPoint at = on.view.toScreen({e.x, e.y}).toPoint();
            if (!QRect(QPoint(2, 2), withRivers.size() - QSize(4, 4)).contains(at))
                continue;
            ++checked;
            int best = 255;
            for (int dy = -1; dy <= 1; ++dy)
                for (int dx = -1; dx <= 1; ++dx)
                    best = std::min(best, distance(withRivers.pixelColor(at + QPoint(dx, dy)), major));
            found += best <= 40;
        }
    }
    EXPECT_GT(checked, 50);
    EXPECT_GE(found, checked * 8 / 10) << found << " of " << checked << " major rivers drawn in their colour";
}

TEST(RenderRivers, MajorRiversAreWiderThanMinorOnesAndEveryViewShowsThem)
{
    const auto r = test::plannedRenderer();
    for (const QString& id : viewIds()) {
        const View view = *viewFromId(id);
        EXPECT_TRUE(r->settingsFor(view).visible("rivers")) << id.toStdString();
        const ViewSymbols& v = r->symbols(view);
        double widest[5] = {0, 0, 0, 0, 0}, narrowest[5] = {99, 99, 99, 99, 99};
        for (std::size_t i = 0; i < r->data().rivers.size(); ++i) {
            const int level = r->data().rivers[i].level;
            widest[level] = std::max(widest[level], v.rivers[i].width);
            narrowest[level] = std::min(narrowest[level], v.rivers[i].width);
        }
        for (int level = 1; level < 4; ++level)
            EXPECT_GT(narrowest[level], widest[level + 1]) << id.toStdString() << " level " << level;
    }
    // Drawn over the county fills, under the plan's layers.
    const QStringList order = layerIds();
    EXPECT_EQ(order.indexOf("rivers"), order.indexOf("counties") + 1);
    for (const char* plan : {"zones", "belts", "corridors", "central_cities", "places", "prefecture_borders", "province"})
        EXPECT_LT(order.indexOf("rivers"), order.indexOf(plan)) << plan;
}
