// The bad-file corpus (tests/data/bad): files planners meet — empty, truncated, incomplete shapefiles, GBK
// without .cpg, mixed geometry types, odd rings, NaN and 1e308 coordinates, no CRS, no features, a folder, a
// FIFO or a device named like a file, an unreadable file, paths with spaces and Chinese characters — each
// through `gzplan render --add <f>` and `gzplan export --source <f> --format gpkg`, as a user runs them.
// Each case states the exit code and a message fragment of both commands; a refusal must name the file and
// write nothing. The binary cases are made by tests/data/bad/make_binary.sh (ogr2ogr) into a temporary folder.
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include "run_gzplan.h"

namespace {

const QString kCorpus = QStringLiteral(GZ_TEST_BAD_DIR);

/// Where the generated and special cases live for this test process.
struct Corpus {
    QTemporaryDir dir;
    QString generated;  ///< make_binary.sh output
    QString error;
    Corpus()
    {
        generated = dir.filePath("gen");
        QProcess p;
        p.start("/bin/sh", {kCorpus + "/make_binary.sh", generated});
        if (!p.waitForFinished(60000) || p.exitCode() != 0)
            error = "make_binary.sh failed: " + QString::fromUtf8(p.readAllStandardError());
        QDir().mkpath(dir.filePath("special/folder.geojson"));
        if (::mkfifo(QFile::encodeName(dir.filePath("special/fifo.geojson")).constData(), 0644) != 0)
            error = "mkfifo failed";
    }
    static Corpus& get()
    {
        static Corpus c;
        return c;
    }
    /// "gen/x" → generated file, "special/x" → made here, "/x" → absolute, else a committed file.
    QString path(const QString& name) const
    {
        if (name.startsWith("gen/") || name.startsWith("special/"))
            return dir.filePath(name);
        if (name.startsWith('/'))
            return name;
        return kCorpus + "/" + name;
    }
};

struct Case {
    const char* name;     ///< test name
    const char* file;     ///< see Corpus::path
    int renderCode;       ///< gzplan render --add <file> --out x.png
    const char* renderSays;
    int exportCode;       ///< gzplan export --source <file> --format gpkg --out y.gpkg
    const char* exportSays;
    const char* renderCrs = nullptr;  ///< render --crs (a layer already in the display CRS)
};
void PrintTo(const Case& c, std::ostream* os) { *os << c.file; }
/// A case both commands end alike: the same exit code, the same words.
constexpr Case both(const char* name, const char* file, int code, const char* says) { return {name, file, code, says, code, says}; }

// Valid-but-odd files load and export: a careful GIS keeps a self-intersecting or zero-area ring as the data
// holds it (repairing would change the planner's data; ogr2ogr copies it too), takes mixed geometry types
// into one layer of type Geometry, and exports an empty layer as an empty layer. A coordinate that is not a
// number or beyond any CRS on Earth cannot be drawn: render refuses that feature (file, layer, FID), as it
// refuses any feature it cannot read whole (--skip-bad leaves it out, counted); export copies coordinates
// without interpreting them (as ogr2ogr does), so it keeps them.
const Case kCases[] = {
    both("EmptyGeoJson", "empty.geojson", 1, "is empty (0 bytes)"),
    both("TruncatedGeoJson", "truncated.geojson", 1, "cannot open as a vector dataset: At line 1, character 170: Unterminated object"),
    both("TextNamedGeoJson", "not_vector.geojson", 1, "not a format GDAL reads as vector data"),
    both("MixedGeometryTypes", "mixed_types.geojson", 0, "3 features"),
    both("SelfIntersectingRing", "self_intersecting.geojson", 0, "1 features"),
    both("ZeroAreaRing", "zero_area.geojson", 0, "2 features"),
    both("ZeroFeatures", "zero_features.geojson", 0, "0 features"),
    {"HugeCoordinate", "huge_coordinate.geojson", 1, "feature 1: vertex 2 (1e+308, 26.5) has a coordinate that is beyond ±1e10", 0, "2 features"},
    {"NanCoordinate", "nan_coordinate.geojson", 1, "feature 1: vertex 2 (nan, 26.5) has a coordinate that is not a finite number", 0, "2 features"},
    {"NanInDisplayCrs", "gen/nan_4545.gpkg", 1, "feature 2: vertex 2 (nan, 2.9e+06) has a coordinate that is not a finite number", 0, "2 features", "EPSG:4545"},
    {"CsvWithoutCrs", "no_crs.csv", 0, "has no CRS (no .prj?); its coordinates are degrees, read as CGCS2000", 0, "has no coordinate reference system"},
    both("EmptyShapefile", "gen/empty.shp", 1, "is empty (0 bytes)"),
    {"TruncatedShapefile", "gen/truncated.shp", 1, "layer 'truncated', feature 0", 1, "truncated.shp, layer truncated, feature 0"},
    both("ShapefileWithoutShx", "gen/no_shx.shp", 1, "no_shx.shx (the shape index) missing"),
    both("ShapefileWithoutDbf", "gen/no_dbf.shp", 1, "no_dbf.dbf (the attribute table) missing"),
    {"ShapefileWithoutPrj", "gen/no_prj.shp", 0, "has no CRS (no .prj?); its coordinates are degrees, read as CGCS2000", 0, "has no coordinate reference system"},
    both("GbkDbfWithoutCpg", "gen/gbk_no_cpg.shp", 0, "read as GBK"),
    both("EmptyGeoPackage", "gen/empty.gpkg", 1, "is empty (0 bytes)"),
    both("TruncatedGeoPackage", "gen/truncated.gpkg", 1, "truncated.gpkg: cannot open as a vector dataset: database disk image is malformed"),
    both("RandomBytes", "gen/random_bytes.gpkg", 1, "not a format GDAL reads as vector data"),
    both("FolderNamedLikeAFile", "special/folder.geojson", 1, "is a folder, not a file"),
    both("FifoNamedLikeAFile", "special/fifo.geojson", 1, "is a named pipe (FIFO), not a regular file"),
    both("CharacterDevice", "/dev/null", 1, "is a character device, not a regular file"),
    both("MissingFile", "special/missing.geojson", 1, "does not exist"),
    {"MissingFolder", "special/no such folder/x.geojson", 1, "(the folder", 1, "does not exist"},
    both("SpacesAndChinese", "路径 含空格/用地 图斑.geojson", 0, "2 features"),
    both("SpacesAndChineseEmpty", "路径 含空格/空 文件.geojson", 1, "路径 含空格/空 文件.geojson: is empty"),
};

class BadFile : public ::testing::TestWithParam<Case> {
protected:
    void SetUp() override { ASSERT_TRUE(Corpus::get().error.isEmpty()) << Corpus::get().error.toStdString(); }
};

/// Output and error together: the counts are printed on stdout by export, on stderr by render.
std::string said(const test::GzplanResult& r) { return (r.err + r.out).toStdString(); }

TEST_P(BadFile, Render)
{
    const Case& c = GetParam();
    const QString file = Corpus::get().path(QString::fromUtf8(c.file));
    QTemporaryDir out;
    QStringList args{"render", "--add", file, "--size", "320x240", "--plain", "--out", out.filePath("x.png")};
    if (c.renderCrs)
        args << "--crs" << c.renderCrs;
    const auto r = test::runGzplan(args, {}, 30000);
    EXPECT_EQ(r.code, c.renderCode) << said(r);
    EXPECT_NE(said(r).find(c.renderSays), std::string::npos) << "expected '" << c.renderSays << "' in: " << said(r);
    if (c.renderCode != 0) {
        // Named: the file (as given) in the message; nothing written.
        EXPECT_NE(said(r).find(QFileInfo(file).fileName().toStdString()), std::string::npos) << said(r);
        EXPECT_FALSE(QFileInfo::exists(out.filePath("x.png")));
    } else {
        EXPECT_TRUE(QFileInfo(out.filePath("x.png")).size() > 0);
    }
}

TEST_P(BadFile, Export)
{
    const Case& c = GetParam();
    const QString file = Corpus::get().path(QString::fromUtf8(c.file));
    QTemporaryDir out;
    const auto r = test::runGzplan({"export", "--source", file, "--format", "gpkg", "--out", out.filePath("y.gpkg")}, {}, 30000);
    EXPECT_EQ(r.code, c.exportCode) << said(r);
    EXPECT_NE(said(r).find(c.exportSays), std::string::npos) << "expected '" << c.exportSays << "' in: " << said(r);
    if (c.exportCode != 0) {
        EXPECT_NE(said(r).find(QFileInfo(file).fileName().toStdString()), std::string::npos) << said(r);
        EXPECT_TRUE(QDir(out.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden).isEmpty()) << "something was written";
    } else {
        EXPECT_TRUE(QFileInfo(out.filePath("y.gpkg")).size() > 0);
    }
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadFile, ::testing::ValuesIn(kCases), [](const auto& info) { return std::string(info.param.name); });

// chmod 000: as root permissions do not bite (root reads any file), so as root the commands run as the
// unprivileged user nobody (setpriv), which is what a planner is; skipped only if setpriv is missing.
TEST(BadFilePermissions, UnreadableFileIsRefusedNamingThePermission)
{
    QTemporaryDir dir;
    QFile::setPermissions(dir.path(), QFileDevice::Permissions(0x7777));  // rwx for everyone: nobody writes outputs here
    const QString file = dir.filePath("locked.geojson");
    ASSERT_TRUE(QFile::copy(kCorpus + "/zero_area.geojson", file));
    ASSERT_EQ(::chmod(QFile::encodeName(file).constData(), 0), 0);
    QStringList prefix;
    if (::geteuid() == 0) {
        const QString setpriv = QStandardPaths::findExecutable("setpriv");
        if (setpriv.isEmpty())
            GTEST_SKIP() << "running as root and no setpriv to drop to an unprivileged user: permissions cannot be tested";
        prefix << setpriv << "--reuid=65534" << "--regid=65534" << "--clear-groups" << "--";
        // nobody must be able to run the build at all (a clone under a private folder, e.g. mktemp -d, is not).
        QProcess probe;
        const QString module = QFileInfo(GZ_TEST_GZPLAN).absolutePath() + "/libgzplan_app.so";
        probe.start(setpriv, {"--reuid=65534", "--regid=65534", "--clear-groups", "--", "/bin/sh", "-c",
                              "test -x \"$0\" && test -r \"$1\" && test -r \"$2\"", GZ_TEST_GZPLAN, module, GZ_TEST_GEOPACKAGE});
        if (!probe.waitForFinished(20000) || probe.exitCode() != 0)
            GTEST_SKIP() << "the unprivileged user cannot reach this build (" << GZ_TEST_GZPLAN
                         << " lies in a folder only root may enter): permissions cannot be tested here";
    }
    for (const QStringList& command : {QStringList{"render", "--add", file, "--size", "320x240", "--plain", "--out", dir.filePath("x.png")},
                                       QStringList{"export", "--source", file, "--format", "gpkg", "--out", dir.filePath("y.gpkg")}}) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
        env.insert("QT_QPA_PLATFORM", "offscreen");
        env.insert("HOME", dir.path());
        env.remove("XDG_RUNTIME_DIR");
        p.setProcessEnvironment(env);
        const QStringList all = prefix + QStringList{GZ_TEST_GZPLAN} + command;
        p.start(all.first(), all.mid(1));
        ASSERT_TRUE(p.waitForFinished(60000));
        const std::string err = QString::fromUtf8(p.readAllStandardError()).toStdString();
        EXPECT_EQ(p.exitCode(), 1) << command.first().toStdString() << ": " << err;
        EXPECT_NE(err.find("locked.geojson: permission denied"), std::string::npos) << command.first().toStdString() << ": " << err;
    }
    EXPECT_FALSE(QFileInfo::exists(dir.filePath("x.png")));
    EXPECT_FALSE(QFileInfo::exists(dir.filePath("y.gpkg")));
}

}  // namespace
