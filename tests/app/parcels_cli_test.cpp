// `gzplan make-parcels` as a user runs it: a separate process, no display.
#include <gtest/gtest.h>

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include "run_gzplan.h"

using Result = test::GzplanResult;
using test::gzplan;

TEST(ParcelsCli, BadArgumentsGetAClearError)
{
    QTemporaryDir dir;
    const QString out = dir.filePath("p.gpkg");
    const std::pair<QStringList, QString> cases[] = {
        {{}, "--out <file.gpkg> is required"},
        {{"--out", out, "--count", "many"}, "--count must be a whole number"},
        {{"--out", out, "--count", "10"}, "--count"},
        {{"--out", out, "--seed", "-1"}, "--seed"},
        {{"--out", out, "--colour", "red"}, "unknown option --colour for gzplan make-parcels"},
    };
    for (const auto& [args, says] : cases) {
        const Result r = gzplan(QStringList{"make-parcels"} + args);
        EXPECT_EQ(r.code, 2) << args.join(' ').toStdString();
        EXPECT_TRUE(r.err.contains(says)) << r.err.toStdString();
    }
    EXPECT_FALSE(QFile::exists(out));
    const Result r = gzplan({"help"});
    EXPECT_TRUE(r.out.contains("make-parcels"));
}

TEST(ParcelsCli, WritesASmallSetAndRefusesToOverwriteWithoutForce)
{
    QTemporaryDir dir;
    const QString out = dir.filePath("parcels-5k.gpkg");
    Result r = gzplan({"make-parcels", "--count", "5000", "--seed", "3", "--out", out});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(QFileInfo(out).size() > 100000);
    EXPECT_TRUE(r.out.contains("parcels (")) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains("whole cells")) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains("clipped pieces")) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(out)) << r.out.toStdString();
    const qint64 size = QFileInfo(out).size();

    r = gzplan({"make-parcels", "--count=5000", "--out", out});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("exists; use --force")) << r.err.toStdString();
    EXPECT_EQ(QFileInfo(out).size(), size);

    r = gzplan({"make-parcels", "--count", "5000", "--seed", "4", "--out", out, "--force", "--quiet"});
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.isEmpty()) << r.err.toStdString();
}
