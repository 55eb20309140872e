// Exports under faults, as a user meets them, through the gzplan executable: --force in a folder full of the
// user's own files, a full disk, a file-size limit, a read-only folder, a run killed half-way, two runs into the
// same folder at once, files GDAL cannot read whole, an old shapefile in GBK without .cpg. The rule each test
// checks: nothing of the user's is lost, a failed write is never reported as success, nothing partial is left.
#include <gtest/gtest.h>

#include <csignal>
#include <cstdint>
#include <cstring>
#include <sys/mount.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include "../common/gz_test_files.h"
#include "run_gzplan.h"

namespace {

using Result = test::GzplanResult;
using test::gzplan;

/// gzplan under a shell limit: ulimit -f (1 KiB blocks) with SIGXFSZ ignored, so writes past it fail with EFBIG.
Result gzplanWithFileLimit(int kib, const QStringList& args)
{
    QStringList shell{"-c", QStringLiteral("trap '' XFSZ; ulimit -f %1; exec \"$0\" \"$@\"").arg(kib), GZ_TEST_GZPLAN};
    shell << args;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY");
    env.remove("WAYLAND_DISPLAY");
    p.setProcessEnvironment(env);
    p.start("/bin/sh", shell);
    EXPECT_TRUE(p.waitForFinished(120000));
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

QByteArray contents(const QString& file)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

/// Names in a folder (hidden ones too, recursively), sorted: what a user would find there.
QStringList listing(const QString& folder)
{
    QStringList names;
    QDirIterator it(folder, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext())
        names << QDir(folder).relativeFilePath(it.next());
    names.sort();
    return names;
}

bool hasTemporaries(const QString& folder)
{
    for (const QString& name : listing(folder))
        if (name.contains(".gzplan-export-") || name.contains(".tmp-"))
            return true;
    return false;
}

/// Waits until the running process p has temporary files in folder, lets it write for laterMs more, then kills it
/// with SIGKILL (no chance to clean up). False if it ended first.
bool killOnceWriting(QProcess& p, const QString& folder, int laterMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!hasTemporaries(folder) && clock.elapsed() < 60000 && p.state() == QProcess::Running)
        QThread::msleep(5);
    if (!hasTemporaries(folder))
        return false;
    QThread::msleep(laterMs);
    ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
    p.waitForFinished();
    return p.exitStatus() == QProcess::CrashExit;
}

/// A small tmpfs mounted on a folder of its own for the test (root with CAP_SYS_ADMIN); unmounted at the end.
/// Where it cannot be mounted, the folder is a plain one.
class SmallFileSystem {
public:
    explicit SmallFileSystem(const char* size) : m_folder(m_dir.filePath("small"))
    {
        QDir().mkpath(m_folder);
        const std::string options = std::string("size=") + size;
        m_mounted = ::mount("tmpfs", m_folder.toLocal8Bit().constData(), "tmpfs", 0, options.c_str()) == 0;
    }
    ~SmallFileSystem()
    {
        if (m_mounted)
            ::umount2(m_folder.toLocal8Bit().constData(), MNT_DETACH);
    }
    const QString& folder() const { return m_folder; }
    bool mounted() const { return m_mounted; }
    bool makeReadOnly()
    {
        return ::mount("tmpfs", m_folder.toLocal8Bit().constData(), "tmpfs", MS_REMOUNT | MS_RDONLY, nullptr) == 0;
    }

    static constexpr const char* kCannotMount = "cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)";

private:
    QTemporaryDir m_dir;
    QString m_folder;
    bool m_mounted = false;
};

struct Case {
    const char* layer;
    const char* format;
    const char* file;  // the target file the export writes
};
// Every format, and a shapefile of a table without geometry (its .dbf alone). KML with the province alone (one
// polygon, 0.6 MB of KML, 0.35 s): GDAL's LIBKML driver serialises the whole document at close and takes 5 s for the
// counties (60 s under ASan), the same failure path either way.
const Case kCases[] = {{"counties", "shp", "counties.shp"},     {"counties", "gpkg", "counties.gpkg"}, {"counties", "geojson", "counties.geojson"},
                       {"province", "kml", "province.kml"},     {"counties", "csv", "counties.csv"},   {"counties", "dxf", "counties.dxf"},
                       {"targets", "shp", "targets.dbf"}};

/// Runs every case into folder over a previous target file, expecting failure with cause and the target kept.
template <typename Run>
void everyFormatFailsAndKeepsTheTarget(const QString& folder, const Run& run, const QStringList& causes)
{
    for (const Case& c : kCases) {
        SCOPED_TRACE(std::string(c.layer) + " " + c.format);
        const QString target = folder + "/" + c.file;
        const QByteArray previous = QByteArray("previous export of ") + c.layer;
        test::writeFile(target, previous);
        const Result r = run({"export", "--layer", c.layer, "--format", c.format, "--out", target, "--force"});
        EXPECT_NE(r.code, 0) << r.out.toStdString();
        EXPECT_FALSE(r.out.contains(c.file)) << "reported as written: " << r.out.toStdString();
        bool named = false;
        for (const QString& cause : causes)
            named = named || r.err.contains(cause, Qt::CaseInsensitive);
        EXPECT_TRUE(named) << "exit " << r.code << ": " << r.err.toStdString() << r.out.toStdString();
        EXPECT_EQ(contents(target), previous);
        EXPECT_FALSE(hasTemporaries(folder)) << listing(folder).join(' ').toStdString();
        EXPECT_EQ(listing(folder), QStringList{c.file}) << listing(folder).join(' ').toStdString();
        QFile::remove(target);
    }
}

}  // namespace

TEST(ExportFaults, ForceReplacesOnlyTheFilesTheExportWrites)
{
    QTemporaryDir dir;
    const QString docs = dir.filePath("mydocs");
    test::writeFile(docs + "/thesis.docx", "my thesis");
    test::writeFile(docs + "/photos/a.jpg", "a photo");
    test::writeFile(docs + "/counties_notes.txt", "notes on the counties");
    test::writeFile(docs + "/counties.long_values.csv", "stale sidecar of an earlier export");

    // Into an existing folder: nothing there clashes with a file of this export except the stale sidecar,
    // which belongs to counties.shp: refused without --force, and nothing changed.
    Result r = gzplan({"export", "--layer", "all", "--format", "shp", "--out", docs});
    EXPECT_EQ(r.code, 1) << r.out.toStdString();
    EXPECT_TRUE(r.err.contains("counties.long_values.csv")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("--force")) << r.err.toStdString();
    EXPECT_EQ(listing(docs), (QStringList{"counties.long_values.csv", "counties_notes.txt", "photos", "photos/a.jpg", "thesis.docx"}));

    r = gzplan({"export", "--layer", "all", "--format", "shp", "--out", docs, "--force"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_EQ(contents(docs + "/thesis.docx"), "my thesis");
    EXPECT_EQ(contents(docs + "/photos/a.jpg"), "a photo");
    EXPECT_EQ(contents(docs + "/counties_notes.txt"), "notes on the counties");
    EXPECT_FALSE(QFile::exists(docs + "/counties.long_values.csv")) << "a stale sidecar survived --force";
    EXPECT_TRUE(QFile::exists(docs + "/counties.shp"));
    EXPECT_TRUE(QFile::exists(docs + "/zones.dbf"));
    EXPECT_FALSE(hasTemporaries(dir.path()));

    // Again without --force: every clash is refused, nothing is touched.
    const QByteArray shp = contents(docs + "/counties.shp");
    const QStringList before = listing(docs);
    r = gzplan({"export", "--layer", "all", "--format", "shp", "--out", docs});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("exists")) << r.err.toStdString();
    EXPECT_EQ(listing(docs), before);
    EXPECT_EQ(contents(docs + "/counties.shp"), shp);

    // A GeoPackage of all layers beside the user's files, then replaced with --force: the rest stays.
    r = gzplan({"export", "--layer", "all", "--format", "gpkg", "--out", docs + "/plan.gpkg"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    r = gzplan({"export", "--layer", "all", "--format", "gpkg", "--out", docs + "/plan.gpkg", "--force"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_EQ(contents(docs + "/thesis.docx"), "my thesis");
    EXPECT_EQ(contents(docs + "/photos/a.jpg"), "a photo");
}

TEST(ExportFaults, FileSizeLimitFailsEveryFormatAndKeepsThePreviousTarget)
{
    // The process may write at most 48 KiB per file: each export below writes more.
    QTemporaryDir dir;
    everyFormatFailsAndKeepsTheTarget(dir.path(), [](const QStringList& args) { return gzplanWithFileLimit(48, args); },
                                      {"file too large", "disk is full", "too large"});
}

TEST(ExportFaults, FullDiskFailsEveryFormatAndKeepsThePreviousTarget)
{
    SmallFileSystem fs("64k");
    if (!fs.mounted())
        GTEST_SKIP() << SmallFileSystem::kCannotMount << "; the file-size-limit test covers the same paths";
    everyFormatFailsAndKeepsTheTarget(fs.folder(), [](const QStringList& args) { return gzplan(args); },
                                      {"no space left", "disk is full", "database or disk is full"});
}

TEST(ExportFaults, ReadOnlyFolderFailsAndKeepsThePreviousTarget)
{
    SmallFileSystem fs("4m");
    if (!fs.mounted())
        GTEST_SKIP() << SmallFileSystem::kCannotMount;
    const QString& folder = fs.folder();
    test::writeFile(folder + "/counties.geojson", "previous");
    ASSERT_TRUE(fs.makeReadOnly());
    const Result r = gzplan({"export", "--layer", "counties", "--format", "geojson", "--out", folder + "/counties.geojson", "--force"});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("read-only", Qt::CaseInsensitive)) << r.err.toStdString();
    EXPECT_EQ(contents(folder + "/counties.geojson"), "previous");
}

TEST(ExportFaults, RunKilledHalfWayIsCleanedUpByTheNextRun)
{
    // A source big enough that the export runs for a while: 150,000 squares in a CSV.
    QTemporaryDir dir;
    const QString source = dir.filePath("squares.csv");
    QByteArray text = "WKT,id,landuse\n";
    for (int i = 0; i < 150000; ++i) {
        const double x = 106 + (i % 400) * 0.002, y = 26 + (i / 400) * 0.002;
        text += QStringLiteral("\"POLYGON ((%1 %2,%3 %2,%3 %4,%1 %4,%1 %2))\",%5,林地\n")
                    .arg(x, 0, 'f', 4).arg(y, 0, 'f', 4).arg(x + 0.001, 0, 'f', 4).arg(y + 0.001, 0, 'f', 4).arg(i)
                    .toUtf8();
    }
    ASSERT_TRUE(test::writeFile(source, text));
    const QString out = dir.filePath("out");
    QDir().mkpath(out);
    QProcess p;
    p.start(GZ_TEST_GZPLAN, {"export", "--source", source, "--format", "gpkg", "--out", out + "/squares.gpkg"});
    ASSERT_TRUE(p.waitForStarted());
    // Killed (SIGKILL: no chance to clean up) once its temporary folder exists.
    ASSERT_TRUE(killOnceWriting(p, out, 0)) << "the export finished before it could be killed";
    EXPECT_FALSE(QFile::exists(out + "/squares.gpkg")) << "a killed export left a target";
    ASSERT_TRUE(hasTemporaries(out)) << listing(out).join(' ').toStdString();

    // A temporary folder of a live process (this test's) is not touched by the next run.
    const QString live = out + "/.gzplan-export-" + QString::number(::getpid()) + "-0";
    test::writeFile(live + "/x.shp", "in use");
    const Result r = gzplan({"export", "--layer", "prefectures", "--format", "geojson", "--out", out + "/prefectures.geojson"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_EQ(listing(out), (QStringList{".gzplan-export-" + QString::number(::getpid()) + "-0", ".gzplan-export-" + QString::number(::getpid()) + "-0/x.shp",
                                         "prefectures.geojson"}));
}

TEST(ExportFaults, TwoRunsIntoTheSameFolderLeaveWholeShapefiles)
{
    // Two exports at once, with --force, into one folder, in two CRSs: whichever commits last wins, but every
    // shapefile is whole and consistent (.prj and coordinates from the same run), never a mix of both.
    QTemporaryDir dir;
    const QString out = dir.filePath("both");
    QProcess a, b;
    a.start(GZ_TEST_GZPLAN, {"export", "--layer", "all", "--format", "shp", "--crs", "EPSG:4490", "--out", out, "--force"});
    b.start(GZ_TEST_GZPLAN, {"export", "--layer", "all", "--format", "shp", "--crs", "EPSG:4545", "--out", out, "--force"});
    ASSERT_TRUE(a.waitForFinished(120000) && b.waitForFinished(120000));
    EXPECT_EQ(a.exitCode(), 0) << a.readAllStandardError().toStdString();
    EXPECT_EQ(b.exitCode(), 0) << b.readAllStandardError().toStdString();
    for (const QString& layer : {"counties", "prefectures", "zones", "places"}) {
        SCOPED_TRACE(layer.toStdString());
        const bool gaussKruger = contents(out + "/" + layer + ".prj").contains("Gauss");
        // The x of the first vertex: the .shp header's bounding box (bytes 36..43, little-endian double).
        const QByteArray shp = contents(out + "/" + layer + ".shp");
        ASSERT_GE(shp.size(), 100);
        double minX = 0;
        std::memcpy(&minX, shp.constData() + 36, sizeof minX);
        EXPECT_EQ(gaussKruger, minX > 1000) << "the .prj of one run beside the coordinates of the other (x " << minX << ")";
        // .dbf and .shp of the same run: the same record count (the .shx size says how many shapes).
        const int shapes = (contents(out + "/" + layer + ".shx").size() - 100) / 8;
        const QByteArray dbf = contents(out + "/" + layer + ".dbf");
        ASSERT_GE(dbf.size(), 8);
        std::uint32_t records = 0;
        std::memcpy(&records, dbf.constData() + 4, sizeof records);
        EXPECT_EQ(static_cast<int>(records), shapes);
    }
    EXPECT_FALSE(hasTemporaries(dir.path()));
}

TEST(ExportFaults, RenderDoesNotOverwriteWithoutForce)
{
    QTemporaryDir dir;
    const QString out = dir.filePath("map.png");
    test::writeFile(out, "my own map");
    Result r = gzplan({"render", "--out", out, "--size", "320x240"});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("--force")) << r.err.toStdString();
    EXPECT_EQ(contents(out), "my own map");
    r = gzplan({"render", "--out", out, "--size", "320x240", "--force"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(contents(out).startsWith("\x89PNG"));
}

TEST(ExportFaults, FeaturesThatCannotBeReadAreNeverDroppedSilently)
{
    QTemporaryDir dir;
    const QString csv = dir.filePath("bad.csv");
    test::writeFile(csv, "WKT,name\n\"POINT (106 26)\",a\n\"POINT (106 \",b\n\"LINESTRING (106 26, 107 27)\",c\n");
    const QString geojson = dir.filePath("bad.geojson");
    test::writeFile(geojson, R"({"type":"FeatureCollection","features":[)"
                 R"({"type":"Feature","properties":{"a":1},"geometry":{"type":"Point","coordinates":[106,26]}},)"
                 R"({"type":"Feature","properties":{"a":2},"geometry":{"type":"Polygon","coordinates":[[1,2]]}},)"
                 R"({"type":"Feature","properties":{"a":3},"geometry":{"type":"Point","coordinates":[107,27]}}]})");
    struct Bad {
        QString file;
        QString feature;  // how the message names the bad feature
        QString why;
    };
    for (const Bad& bad : {Bad{csv, "feature 2", "POINT (106 "}, Bad{geojson, "feature 1", "cannot be parsed"}}) {
        SCOPED_TRACE(bad.file.toStdString());
        const QString out = dir.filePath(QFileInfo(bad.file).baseName() + "-" + QFileInfo(bad.file).suffix() + ".gpkg");
        Result r = gzplan({"export", "--source", bad.file, "--format", "gpkg", "--out", out});
        EXPECT_EQ(r.code, 1);
        EXPECT_TRUE(r.err.contains(bad.feature) && r.err.contains(bad.why) && r.err.contains("--skip-bad")) << r.err.toStdString();
        EXPECT_FALSE(QFile::exists(out));
        r = gzplan({"export", "--source", bad.file, "--format", "gpkg", "--out", out, "--skip-bad"});
        ASSERT_EQ(r.code, 0) << r.err.toStdString();
        EXPECT_TRUE(r.out.startsWith("2 features")) << r.out.toStdString();
        EXPECT_TRUE(r.err.contains("1 feature(s)") && r.err.contains(bad.feature)) << r.err.toStdString();

        const QString png = dir.filePath("map.png");
        r = gzplan({"render", "--add", bad.file, "--out", png, "--size", "320x240", "--force"});
        EXPECT_EQ(r.code, 1);
        EXPECT_TRUE(r.err.contains(bad.feature) && r.err.contains("--skip-bad")) << r.err.toStdString();
        r = gzplan({"render", "--add", bad.file, "--out", png, "--size", "320x240", "--force", "--skip-bad"});
        ASSERT_EQ(r.code, 0) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(": 2 features") && r.err.contains("1 feature(s)")) << r.err.toStdString();
    }
}

TEST(ExportFaults, GbkShapefileWithoutCodePageIsConvertedNotMislabelled)
{
    // An old shapefile: text in GBK, no .cpg, no code page in the .dbf header (byte 29 zero).
    QTemporaryDir dir;
    Result r = gzplan({"export", "--layer", "counties", "--format", "shp", "--encoding", "GBK", "--out", dir.filePath("old/counties.shp")});
    ASSERT_EQ(r.code, 1) << "the folder old/ does not exist: refused";
    QDir().mkpath(dir.filePath("old"));
    r = gzplan({"export", "--layer", "counties", "--format", "shp", "--encoding", "GBK", "--out", dir.filePath("old/counties.shp")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    ASSERT_TRUE(QFile::remove(dir.filePath("old/counties.cpg")));
    {
        QFile dbf(dir.filePath("old/counties.dbf"));
        ASSERT_TRUE(dbf.open(QIODevice::ReadWrite));
        ASSERT_TRUE(dbf.seek(29));
        dbf.write(QByteArray(1, '\0'));
    }
    ASSERT_FALSE(contents(dir.filePath("old/counties.dbf")).contains("南明区")) << "the test file must hold GBK, not UTF-8";

    r = gzplan({"export", "--source", dir.filePath("old/counties.shp"), "--format", "shp", "--out", dir.filePath("new/counties.shp")});
    ASSERT_EQ(r.code, 1) << "new/ does not exist";
    QDir().mkpath(dir.filePath("new"));
    r = gzplan({"export", "--source", dir.filePath("old/counties.shp"), "--format", "shp", "--out", dir.filePath("new/counties.shp")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("GBK")) << "the user is told how the text was read: " << r.err.toStdString();
    EXPECT_EQ(contents(dir.filePath("new/counties.cpg")), "UTF-8");
    EXPECT_TRUE(contents(dir.filePath("new/counties.dbf")).contains("南明区")) << "declared UTF-8, so the names must be UTF-8";
}

TEST(ExportFaults, GeoPackageLockedByAnotherProgramIsSaidSo)
{
    // Another program writing to the GeoPackage (QGIS editing, another gzplan) holds SQLite's exclusive lock.
    QTemporaryDir dir;
    const QString gpkg = dir.filePath("plan.gpkg");
    ASSERT_TRUE(QFile::copy(GZ_TEST_GEOPACKAGE, gpkg));
    QProcess holder;
    holder.start(GZ_TEST_HOLD_LOCK, {gpkg});
    ASSERT_TRUE(holder.waitForReadyRead(20000)) << holder.readAllStandardError().toStdString();
    ASSERT_TRUE(holder.readAllStandardOutput().contains("locked"));

    const QString out = dir.filePath("out.geojson");
    for (const QStringList& args : {QStringList{"export", "--source", gpkg, "--source-layer", "counties", "--format", "geojson", "--out", out},
                                    QStringList{"export", "--data", gpkg, "--layer", "counties", "--format", "geojson", "--out", out},
                                    QStringList{"render", "--add", gpkg, "--out", dir.filePath("map.png")},
                                    QStringList{"summary", "--data", gpkg}}) {
        SCOPED_TRACE(args.join(' ').toStdString());
        const Result r = gzplan(args);
        EXPECT_EQ(r.code, 1);
        EXPECT_TRUE(r.err.contains(gpkg) && r.err.contains("locked") && r.err.contains("another program")) << r.err.toStdString();
        EXPECT_FALSE(QFile::exists(out));
        EXPECT_FALSE(QFile::exists(dir.filePath("map.png")));
    }
    holder.closeWriteChannel();
    ASSERT_TRUE(holder.waitForFinished(20000));
    // Once the other program is done, the same command works.
    const Result r = gzplan({"export", "--source", gpkg, "--source-layer", "counties", "--format", "geojson", "--out", out});
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
}

TEST(ExportFaults, GeoPackageBuildKilledHalfWayIsCleanedUpByTheNextBuild)
{
    QTemporaryDir dir;
    const QString target = dir.filePath("parcels.gpkg");
    QProcess p;
    p.start(GZ_TEST_GZPLAN, {"make-parcels", "--count", "300000", "--out", target});
    ASSERT_TRUE(p.waitForStarted());
    ASSERT_TRUE(killOnceWriting(p, dir.path(), 200)) << "make-parcels finished before it could be killed";
    EXPECT_FALSE(QFile::exists(target)) << "a killed build left a target";
    ASSERT_TRUE(hasTemporaries(dir.path())) << listing(dir.path()).join(' ').toStdString();

    const Result r = gzplan({"make-parcels", "--count", "2000", "--out", dir.filePath("small.gpkg")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_EQ(listing(dir.path()), QStringList{"small.gpkg"});
}

TEST(ExportFaults, MapOnAFullDiskFailsAndKeepsThePreviousFile)
{
    SmallFileSystem fs("64k");
    const QString& folder = fs.folder();
    for (const char* suffix : {"png", "svg", "pdf"}) {
        SCOPED_TRACE(suffix);
        const QString out = folder + "/map." + suffix;
        test::writeFile(out, "my previous map");
        // Without the tmpfs, a file-size limit does the same.
        const QStringList args{"render", "--out", out, "--size", "1200x900", "--force"};
        const Result r = fs.mounted() ? gzplan(args) : gzplanWithFileLimit(48, args);
        EXPECT_EQ(r.code, 1) << r.out.toStdString();
        EXPECT_TRUE(r.err.contains("no space left") || r.err.contains("too large")) << r.err.toStdString();
        EXPECT_EQ(contents(out), "my previous map");
        EXPECT_EQ(listing(folder), QStringList{QStringLiteral("map.") + suffix});
        QFile::remove(out);
    }
}
