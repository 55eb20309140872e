#include <gtest/gtest.h>

#include <QLabel>
#include <QNativeGestureEvent>
#include <QPointingDevice>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

#include "gui/main_window.h"
#include "gui/map_canvas.h"
#include "test_data.h"

using app::gui::MapCanvas;

namespace {
struct Canvas {
    MapCanvas canvas{test::renderer()};
    Canvas()
    {
        canvas.resize(800, 600);
        canvas.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&canvas));
        canvas.zoomToProvince();
    }
};
}  // namespace

TEST(MapCanvas, OpensOnTheWholeProvince)
{
    Canvas c;
    const geo::Box shown = c.canvas.view().extent();
    const geo::Box province = test::renderer()->data().extent;
    EXPECT_LE(shown.minX, province.minX);
    EXPECT_GE(shown.maxX, province.maxX);
    EXPECT_LE(shown.minY, province.minY);
    EXPECT_GE(shown.maxY, province.maxY);
    const QImage grabbed = c.canvas.grab().toImage();
    EXPECT_EQ(grabbed.size(), QSize(800, 600));
}

TEST(MapCanvas, KeyboardZoomsAndPans)
{
    Canvas c;
    const double upp = c.canvas.view().unitsPerPixel();
    QTest::keyClick(&c.canvas, Qt::Key_Plus);
    EXPECT_NEAR(c.canvas.view().unitsPerPixel(), upp / 1.5, upp * 1e-9);
    QTest::keyClick(&c.canvas, Qt::Key_Minus);
    EXPECT_NEAR(c.canvas.view().unitsPerPixel(), upp, upp * 1e-9);

    const geo::Point centre = c.canvas.view().centre();
    QTest::keyClick(&c.canvas, Qt::Key_Right);
    EXPECT_GT(c.canvas.view().centre().x, centre.x);  // the view moves east
    QTest::keyClick(&c.canvas, Qt::Key_Up);
    EXPECT_GT(c.canvas.view().centre().y, centre.y);  // and north
    QTest::keyClick(&c.canvas, Qt::Key_Home);
    EXPECT_NEAR(c.canvas.view().centre().x, centre.x, 1e-6);
    EXPECT_NEAR(c.canvas.view().unitsPerPixel(), upp, upp * 1e-9);
}

TEST(MapCanvas, MouseDragPansByThePixelsMoved)
{
    Canvas c;
    const geo::Point grabbed = c.canvas.view().toMap(QPointF(400, 300));
    QTest::mousePress(&c.canvas, Qt::LeftButton, {}, QPoint(400, 300));
    QTest::mouseMove(&c.canvas, QPoint(450, 320));
    QTest::mouseRelease(&c.canvas, Qt::LeftButton, {}, QPoint(450, 320));
    const QPointF now = c.canvas.view().toScreen(grabbed);
    EXPECT_NEAR(now.x(), 450, 1e-6);
    EXPECT_NEAR(now.y(), 320, 1e-6);
}

TEST(MapCanvas, WheelZoomsAroundTheCursor)
{
    Canvas c;
    const QPointF cursor(200, 150);
    const geo::Point under = c.canvas.view().toMap(cursor);
    const double upp = c.canvas.view().unitsPerPixel();
    QWheelEvent wheel(cursor, c.canvas.mapToGlobal(cursor), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(&c.canvas, &wheel);
    EXPECT_NEAR(c.canvas.view().unitsPerPixel(), upp / 1.25, upp * 1e-9);
    const geo::Point after = c.canvas.view().toMap(cursor);
    EXPECT_NEAR(after.x, under.x, 1e-3);
    EXPECT_NEAR(after.y, under.y, 1e-3);
}

TEST(MainWindow, StatusBarShowsLonLatAndGaussKruger)
{
    app::gui::MainWindow window(test::plannedRenderer(), test::query(), "summary");
    window.resize(1000, 700);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    MapCanvas* canvas = window.canvas();
    // Move the cursor over Guiyang's seat (南明区).
    const layers::County* nanming = test::geography().county("520102");
    geo::Projection albers(geo::crs::kCgcs2000, geo::crs::kAlbersChina);
    geo::Point seat = nanming->seat;
    albers.forward(seat);
    const QPoint at = canvas->view().toScreen(seat).toPoint();
    QTest::mouseMove(canvas, at);
    QString text;
    for (QLabel* label : window.findChildren<QLabel*>())
        if (label->text().contains("CGCS2000"))
            text = label->text();
    ASSERT_FALSE(text.isEmpty());
    EXPECT_TRUE(text.contains("106.7")) << text.toStdString();
    EXPECT_TRUE(text.contains("26.5")) << text.toStdString();
    EXPECT_TRUE(text.contains("EPSG:4545")) << text.toStdString();  // 106.7°E is in the CM 108°E zone
}

TEST(MapCanvas, PinchZoomsAroundTheFingers)
{
    Canvas c;
    const QPointF fingers(300, 200);
    const geo::Point under = c.canvas.view().toMap(fingers);
    const double upp = c.canvas.view().unitsPerPixel();
    QNativeGestureEvent pinch(Qt::ZoomNativeGesture, QPointingDevice::primaryPointingDevice(), 2, fingers, fingers, c.canvas.mapToGlobal(fingers), 0.5,
                              QPointF(), 0);
    QApplication::sendEvent(&c.canvas, &pinch);
    EXPECT_NEAR(c.canvas.view().unitsPerPixel(), upp / 1.5, upp * 1e-9);
    const geo::Point after = c.canvas.view().toMap(fingers);
    EXPECT_NEAR(after.x, under.x, 1e-3);
    EXPECT_NEAR(after.y, under.y, 1e-3);
}
