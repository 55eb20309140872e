// Every value checked on the command line: non-finite or out-of-range numbers, map sizes, file names of the
// format written, CRS strings naming files. Each refusal exits 2 (usage) or 1 (data), names the value and
// the allowed range, and writes nothing.
#include <gtest/gtest.h>

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

#include "../common/gz_test_files.h"
#include "run_gzplan.h"

namespace {
using test::runGzplan;
std::string text(const test::GzplanResult& r) { return (r.err + r.out).toStdString(); }
bool says(const test::GzplanResult& r, const char* words) { return text(r).find(words) != std::string::npos; }
}  // namespace

TEST(ValuesCli, WhereRefusesNonFiniteCoordinates)
{
    for (const QStringList& xy : {QStringList{"nan", "nan"}, QStringList{"inf", "-inf"}, QStringList{"106.7", "nan"}}) {
        const auto r = runGzplan(QStringList{"where"} + xy);
        EXPECT_EQ(r.code, 2) << text(r);
        EXPECT_TRUE(says(r, "coordinates must be finite numbers")) << text(r);
        EXPECT_FALSE(says(r, "outside Guizhou")) << text(r);
    }
    const auto projected = runGzplan({"where", "500000", "nan", "--crs", "EPSG:4545"});
    EXPECT_EQ(projected.code, 2) << text(projected);
    EXPECT_TRUE(says(projected, "coordinates must be finite numbers")) << text(projected);
    const auto beyond = runGzplan({"where", "1000", "26"});
    EXPECT_EQ(beyond.code, 2) << text(beyond);
    EXPECT_TRUE(says(beyond, "longitude must lie in [-180, 180]")) << text(beyond);
    // Still answers ordinary points.
    const auto fine = runGzplan({"where", "106.71", "26.57"});
    EXPECT_EQ(fine.code, 0) << text(fine);
}

TEST(ValuesCli, RenderRefusesBadDpiExtentAndSize)
{
    QTemporaryDir dir;
    const QString out = dir.filePath("map.png");
    struct Bad {
        QStringList args;
        const char* says;
    };
    const Bad bad[] = {
        {{"--dpi", "nan"}, "--dpi must be a number between 24 and 1200, not 'nan'"},
        {{"--dpi", "inf"}, "--dpi must be a number between 24 and 1200"},
        {{"--extent", "nan,nan,nan,nan"}, "--extent must be minLon,minLat,maxLon,maxLat: finite"},
        {{"--extent", "106,26,inf,27"}, "--extent must be minLon,minLat,maxLon,maxLat: finite"},
        {{"--extent", "106,26,500,27"}, "longitudes in [-180, 180]"},
        {{"--size", "16x20000"}, "sides at most 20:1"},
        {{"--size", "15000x15000"}, "225.0 megapixels); allowed: at most 100 megapixels"},
        {{"--size", "1600x1200x3"}, "--size must be WxH"},
        {{"--page", "A3", "--dpi", "1200"}, "lower --dpi for this --page"},
    };
    for (const Bad& b : bad) {
        const auto r = runGzplan(QStringList{"render", "--out", out} + b.args);
        EXPECT_EQ(r.code, 2) << b.args.join(' ').toStdString() << ": " << text(r);
        EXPECT_TRUE(says(r, b.says)) << b.args.join(' ').toStdString() << ": " << text(r);
        EXPECT_FALSE(QFileInfo::exists(out)) << b.args.join(' ').toStdString();
    }
    // The limits themselves are allowed.
    const auto edge = runGzplan({"render", "--out", out, "--size", "320x16", "--plain"});
    EXPECT_EQ(edge.code, 0) << text(edge);
}

TEST(ValuesCli, MakeParcelsRefusesAFileNameOfAnotherFormatAndAMissingFolder)
{
    QTemporaryDir dir;
    const auto txt = runGzplan({"make-parcels", "--count", "1000", "--quiet", "--out", dir.filePath("p.txt")});
    EXPECT_EQ(txt.code, 2) << text(txt);
    EXPECT_TRUE(says(txt, "must end in .gpkg")) << text(txt);
    EXPECT_FALSE(QFileInfo::exists(dir.filePath("p.txt")));

    const QString missing = dir.filePath("no such folder");
    const auto folder = runGzplan({"make-parcels", "--count", "1000", "--quiet", "--out", missing + "/x.gpkg"});
    EXPECT_EQ(folder.code, 1) << text(folder);
    EXPECT_TRUE(says(folder, ("the folder " + missing + " does not exist").toStdString().c_str())) << text(folder);
    EXPECT_FALSE(QFileInfo::exists(missing)) << "the folder was created";

    const auto root = runGzplan({"make-parcels", "--count", "1000", "--quiet", "--out", "/nonexistent-gzplan-test/x.gpkg"});
    EXPECT_EQ(root.code, 1) << text(root);
    EXPECT_TRUE(says(root, "the folder /nonexistent-gzplan-test does not exist")) << text(root);
    EXPECT_FALSE(QFileInfo::exists("/nonexistent-gzplan-test"));
}

TEST(ValuesCli, CrsNamingAFileIsRefusedForExportAndRender)
{
    QTemporaryDir dir;
    const QString grid = dir.filePath("grid.gsb");
    ASSERT_TRUE(test::writeFile(grid, "not a grid"));
    for (const QString& crs : {"+proj=longlat +ellps=GRS80 +nadgrids=" + grid + " +type=crs",
                               "+proj=longlat +ellps=GRS80 +nadgrids=@" + grid + " +type=crs",
                               "+proj=longlat +ellps=GRS80 +geoidgrids=" + grid + " +type=crs",
                               QStringLiteral("+init=") + grid + ":1", grid}) {
        const auto ex = runGzplan({"export", "--layer", "counties", "--format", "gpkg", "--crs", crs, "--out", dir.filePath("c.gpkg")});
        EXPECT_NE(ex.code, 0) << crs.toStdString() << ": " << text(ex);
        EXPECT_TRUE(says(ex, grid.toStdString().c_str())) << text(ex);
        EXPECT_TRUE(says(ex, "refused")) << text(ex);
        EXPECT_FALSE(QFileInfo::exists(dir.filePath("c.gpkg")));
        const auto re = runGzplan({"render", "--crs", crs, "--out", dir.filePath("m.png")});
        EXPECT_EQ(re.code, 2) << crs.toStdString() << ": " << text(re);
        EXPECT_TRUE(says(re, "refused")) << text(re);
        EXPECT_FALSE(QFileInfo::exists(dir.filePath("m.png")));
    }
    // A grid PROJ resolves itself is still fine.
    const auto ok = runGzplan({"export", "--layer", "counties", "--format", "gpkg", "--crs", "+proj=longlat +ellps=GRS80 +nadgrids=@null +type=crs",
                               "--out", dir.filePath("c.gpkg")});
    EXPECT_EQ(ok.code, 0) << text(ok);
}
