#include <gtest/gtest.h>

#include "render/map_view.h"

using app::render::MapView;

TEST(MapView, FitShowsTheWholeExtentCentred)
{
    const geo::Box extent{0, 0, 1000, 500};
    const MapView v = MapView::fit(extent, QSizeF(800, 600), 0.05);
    const geo::Box shown = v.extent();
    EXPECT_LE(shown.minX, 0);
    EXPECT_GE(shown.maxX, 1000);
    EXPECT_LE(shown.minY, 0);
    EXPECT_GE(shown.maxY, 500);
    const QPointF c = v.toScreen({500, 250});
    EXPECT_DOUBLE_EQ(c.x(), 400);
    EXPECT_DOUBLE_EQ(c.y(), 300);
}

TEST(MapView, ScreenAndMapRoundTripWithYUp)
{
    const MapView v(QSizeF(800, 600), {100, 200}, 2.0);
    const QPointF s = v.toScreen({110, 210});
    EXPECT_DOUBLE_EQ(s.x(), 405);
    EXPECT_DOUBLE_EQ(s.y(), 295);  // north is up
    const geo::Point m = v.toMap(s);
    EXPECT_DOUBLE_EQ(m.x, 110);
    EXPECT_DOUBLE_EQ(m.y, 210);
    const QPointF viaTransform = v.transform().map(QPointF(110, 210));
    EXPECT_NEAR(viaTransform.x(), 405, 1e-9);
    EXPECT_NEAR(viaTransform.y(), 295, 1e-9);
}

TEST(MapView, ZoomKeepsThePointUnderTheCursor)
{
    MapView v(QSizeF(800, 600), {0, 0}, 10.0);
    const QPointF cursor(123, 456);
    const geo::Point before = v.toMap(cursor);
    v.zoomAt(cursor, 2.0);
    EXPECT_DOUBLE_EQ(v.unitsPerPixel(), 5.0);
    const geo::Point after = v.toMap(cursor);
    EXPECT_NEAR(after.x, before.x, 1e-9);
    EXPECT_NEAR(after.y, before.y, 1e-9);
}

TEST(MapView, PanMovesContentWithTheDrag)
{
    MapView v(QSizeF(800, 600), {0, 0}, 10.0);
    const QPointF before = v.toScreen({1000, 1000});
    v.pan({30, -20});
    const QPointF after = v.toScreen({1000, 1000});
    EXPECT_NEAR(after.x() - before.x(), 30, 1e-9);
    EXPECT_NEAR(after.y() - before.y(), -20, 1e-9);
}

TEST(MapView, ScaleDenominator)
{
    const MapView v(QSizeF(800, 600), {0, 0}, 264.583333);  // 1 px at 96 dpi = 0.264583 mm
    EXPECT_NEAR(v.scaleDenominator(96), 1e6, 1);
}
