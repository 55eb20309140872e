#pragma once
// A main window as a user sees it: on the planned renderer, 1400×900, shown and on the whole province.

#include <QTest>

#include <gtest/gtest.h>

#include "gui/main_window.h"
#include "gui/map_canvas.h"
#include "test_data.h"

namespace test {

struct ShownWindow {
    app::gui::MainWindow window{test::plannedRenderer(), test::query(), "summary"};
    ShownWindow()
    {
        window.resize(1400, 900);
        window.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&window));
        window.canvas()->zoomToProvince();
    }
};

}  // namespace test
