// The PostGIS store against a real server: the throwaway PostgreSQL 15 + PostGIS 3 cluster the README's test command
// starts (share/scripts/gz.sh, GZ_TEST_PG), or a server named by GZ_TEST_PG. gzplan db init loads the build's
// GeoPackage into a schema; every answer is then asked of both backends, as a user runs gzplan, and must be
// byte-identical: one parameterised list of commands, not copies. Then the faults: wrong connection strings (no
// password in any message), missing or foreign schemas, a failed load leaving nothing, hostile schema names, and a
// role that can only read.

#include <libpq-fe.h>
#include <unistd.h>

#include <gdal_priv.h>

#include <QElapsedTimer>
#include <QFile>
#include <gdal_utils.h>
#include <QImage>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "../common/temp_dir.h"
#include "../common/test_parcels.h"
#include "geo/projection.h"
#include "gui/map_canvas.h"
#include "layers/viewport_layer.h"
#include "run_gzplan.h"
#include "shown_window.h"
#include "test_data.h"

namespace {

using test::gzplan;

/// The test server's connection string, or empty (the tests are skipped, and say why).
std::string server()
{
    const char* pg = std::getenv("GZ_TEST_PG");
    return pg ? pg : "";
}

/// Runs sql on the test server (as its superuser); the first column of the first row, or "".
std::string sql(const std::string& statement, const std::string& connection = server())
{
    PGconn* c = PQconnectdb(connection.c_str());
    EXPECT_EQ(PQstatus(c), CONNECTION_OK) << PQerrorMessage(c);
    PQsetNoticeProcessor(c, [](void*, const char*) {}, nullptr);  // "does not exist, skipping"
    PGresult* r = PQexec(c, statement.c_str());
    const ExecStatusType status = PQresultStatus(r);
    EXPECT_TRUE(status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) << statement << ": " << PQresultErrorMessage(r);
    std::string value = (status == PGRES_TUPLES_OK && PQntuples(r) > 0) ? PQgetvalue(r, 0, 0) : "";
    PQclear(r);
    PQfinish(c);
    return value;
}

/// An SQL identifier for any name.
std::string ident(const std::string& identifier)
{
    std::string q = "\"";
    for (char c : identifier)
        q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

/// A schema name unique to this process (the normal and the sanitized suites share the server).
std::string schemaName(const std::string& stem)
{
    std::string name = "t";
    name += std::to_string(::getpid());
    name += "_";
    name += stem;
    return name;
}

QString pgData() { return QString::fromStdString("PG:" + server()); }

/// One schema loaded from the build's GeoPackage for the whole suite.
class PostGis : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        if (server().empty())
            return;
        s_schema = schemaName("plan");
        sql("DROP SCHEMA IF EXISTS " + ident(s_schema) + " CASCADE");
        s_init = gzplan({"db", "init", "--to", pgData(), "--schema", QString::fromStdString(s_schema)});
    }
    static void TearDownTestSuite()
    {
        if (!server().empty())
            sql("DROP SCHEMA IF EXISTS " + ident(s_schema) + " CASCADE");
    }
    void SetUp() override
    {
        if (server().empty())
            GTEST_SKIP() << "no PostgreSQL server: share/scripts/gz.sh test starts one (or set GZ_TEST_PG to a libpq connection string)";
        ASSERT_EQ(s_init.code, 0) << s_init.err.toStdString();
    }
    /// The arguments that point gzplan at the suite's schema.
    static QStringList onPostgis() { return {"--data", pgData(), "--schema", QString::fromStdString(s_schema)}; }

    static inline std::string s_schema;
    static inline test::GzplanResult s_init;
};

TEST_F(PostGis, InitLoadsEveryLayerWithIndexesAndTheVersion)
{
    EXPECT_TRUE(s_init.out.contains("schema version 1")) << s_init.out.toStdString();
    const std::string s = s_schema;
    // every layer of the GeoPackage is a table, with the same rows
    EXPECT_EQ(sql("SELECT count(*) FROM " + ident(s) + ".counties"), "88");
    EXPECT_EQ(sql("SELECT value FROM " + ident(s) + ".gzplan_meta WHERE key = 'schema_version'"), "1");
    EXPECT_EQ(sql("SELECT DISTINCT srid::text FROM geometry_columns WHERE f_table_schema = '" + s + "'"), "4490");
    // a GiST index on every geometry column
    const std::string missing = sql("SELECT count(*) FROM geometry_columns g WHERE f_table_schema = '" + s +
                                    "' AND NOT EXISTS (SELECT 1 FROM pg_indexes i WHERE i.schemaname = g.f_table_schema AND i.tablename = "
                                    "g.f_table_name AND i.indexdef LIKE '%USING gist%')");
    EXPECT_EQ(missing, "0");
    const auto check = gzplan(QStringList{"db", "check"} + onPostgis());
    EXPECT_EQ(check.code, 0) << check.out.toStdString() << check.err.toStdString();
    EXPECT_TRUE(check.out.contains("whole")) << check.out.toStdString();
}

// The same answers from both backends: every command's output, byte for byte.
class PostGisSameAnswers : public PostGis, public ::testing::WithParamInterface<std::string> {};

TEST_P(PostGisSameAnswers, ByteIdenticalToTheGeoPackage)
{
    const QStringList args = QString::fromStdString(GetParam()).split(' ');
    const auto gpkg = gzplan(args);
    const auto pg = gzplan(args + onPostgis());
    ASSERT_EQ(gpkg.code, 0) << gpkg.err.toStdString();
    ASSERT_EQ(pg.code, 0) << pg.err.toStdString();
    EXPECT_FALSE(gpkg.out.trimmed().isEmpty());
    EXPECT_EQ(pg.out.toStdString(), gpkg.out.toStdString());
}

// Every query command, tables and JSON (gzplan summary names its source, so it is left out).
INSTANTIATE_TEST_SUITE_P(Commands, PostGisSameAnswers,
                         ::testing::Values("county 盘州 --json", "county 520102", "class satellite --json", "class node_city", "classes --json",
                                           "zone gga_metro --json", "zones --json", "zones", "targets --json", "targets --scope city:guiyang_guian --json",
                                           "where 106.71 26.58 --json", "layers --json", "crs suggest 遵义市 --json"),
                         [](const ::testing::TestParamInfo<std::string>& info) { return std::to_string(info.index); });

TEST_F(PostGis, StatisticsOfAUserLayerAreIdentical)
{
    const QString parcels = QString::fromStdString(test::parcelsFile(test::geography()).string());
    const QStringList args{"stats", "--layer", parcels, "--by", "county,class,zone", "--measure", "area", "--json"};
    const auto gpkg = gzplan(args);
    const auto pg = gzplan(args + onPostgis());
    ASSERT_EQ(gpkg.code, 0) << gpkg.err.toStdString();
    ASSERT_EQ(pg.code, 0) << pg.err.toStdString();
    EXPECT_EQ(pg.out.toStdString(), gpkg.out.toStdString());
}

std::string fileBytes(const std::filesystem::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

TEST_F(PostGis, ExportsAreTheSameFiles)
{
    test::TempDir dir("pg-export");
    const auto a = gzplan({"export", "--layer", "all", "--out", QString::fromStdString((dir.path / "gpkg").string())});
    const auto b = gzplan(QStringList{"export", "--layer", "all", "--out", QString::fromStdString((dir.path / "pg").string())} + onPostgis());
    ASSERT_EQ(a.code, 0) << a.err.toStdString();
    ASSERT_EQ(b.code, 0) << b.err.toStdString();
    int files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir.path / "gpkg")) {
        const auto other = dir.path / "pg" / e.path().filename();
        ASSERT_TRUE(std::filesystem::exists(other)) << other;
        EXPECT_EQ(fileBytes(e.path()) == fileBytes(other), true) << e.path().filename();
        ++files;
    }
    EXPECT_GT(files, 20);
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path / "pg"), {}), files);
}

TEST_F(PostGis, RendersTheSamePixels)
{
    test::TempDir dir("pg-render");
    for (const QString view : {"overview", "transport"}) {
        const QString a = QString::fromStdString((dir.path / "a-").string()) + view + ".png", b = QString::fromStdString((dir.path / "b-").string()) + view + ".png";
        ASSERT_EQ(gzplan({"render", "--view", view, "--out", a}).code, 0);
        const auto r = gzplan(QStringList{"render", "--view", view, "--out", b} + onPostgis());
        ASSERT_EQ(r.code, 0) << r.err.toStdString();
        const QImage ia(a), ib(b);
        ASSERT_FALSE(ia.isNull());
        EXPECT_EQ(ia.size(), ib.size());
        EXPECT_TRUE(ia == ib) << view.toStdString();
    }
}

TEST_F(PostGis, DumpWritesAGeoPackageThatAnswersTheSame)
{
    test::TempDir dir("pg-dump");
    const QString out = QString::fromStdString((dir.path / "dump.gpkg").string());
    const auto dump = gzplan(QStringList{"db", "dump", "--to", out} + onPostgis());
    ASSERT_EQ(dump.code, 0) << dump.err.toStdString();
    for (const QStringList& args : {QStringList{"zones", "--json"}, QStringList{"class", "satellite", "--json"}, QStringList{"targets", "--json"}}) {
        const auto original = gzplan(args);
        const auto fromDump = gzplan(args + QStringList{"--data", out});
        ASSERT_EQ(fromDump.code, 0) << fromDump.err.toStdString();
        EXPECT_EQ(fromDump.out.toStdString(), original.out.toStdString()) << args.join(' ').toStdString();
    }
    // an existing file is kept without --force
    const auto again = gzplan(QStringList{"db", "dump", "--to", out} + onPostgis());
    EXPECT_EQ(again.code, 1);
    EXPECT_TRUE(again.err.contains("--force")) << again.err.toStdString();
}

TEST_F(PostGis, ConnectionErrorsSayWhatToDoAndNeverShowThePassword)
{
    const QString secret = "s3cret-Xq9";
    // a server that is not there (port 1), with a password in the string
    auto r = gzplan({"county", "盘州", "--data", "PG:host=127.0.0.1 port=1 dbname=nothere user=u password=" + secret});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("cannot connect")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("port=1")) << r.err.toStdString();
    EXPECT_FALSE(r.err.contains(secret) || r.out.contains(secret)) << r.err.toStdString();
    // the same as a URI
    r = gzplan({"zones", "--data", "PG:postgresql://u:" + secret + "@127.0.0.1:1/nothere"});
    EXPECT_EQ(r.code, 1);
    EXPECT_FALSE(r.err.contains(secret)) << r.err.toStdString();
    // a database that does not exist on the real server
    r = gzplan({"zones", "--data", pgData() + " dbname=no_such_db password=" + secret});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("no_such_db")) << r.err.toStdString();
    EXPECT_FALSE(r.err.contains(secret)) << r.err.toStdString();
    // not a connection string at all
    r = gzplan({"zones", "--data", "PG:dbname='open password=" + secret});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("not a PostgreSQL connection string")) << r.err.toStdString();
    EXPECT_FALSE(r.err.contains(secret)) << r.err.toStdString();
    // --schema with a GeoPackage
    r = gzplan({"zones", "--schema", "gzplan"});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("--schema")) << r.err.toStdString();
}

TEST_F(PostGis, AMissingOrForeignSchemaIsNamedWithTheFix)
{
    auto r = gzplan({"zones", "--data", pgData(), "--schema", "no_such_schema"});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("no schema 'no_such_schema'") && r.err.contains("gzplan db init")) << r.err.toStdString();
    // a schema that is not gzplan's
    const std::string foreign = schemaName("foreign");
    sql("DROP SCHEMA IF EXISTS " + foreign + " CASCADE; CREATE SCHEMA " + foreign + "; CREATE TABLE " + foreign + ".counties (code text)");
    r = gzplan({"zones", "--data", pgData(), "--schema", QString::fromStdString(foreign)});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("not a gzplan schema")) << r.err.toStdString();
    // a schema of another version: a copy of the suite's with version 0 and with version 99
    const std::string old = schemaName("old");
    sql("DROP SCHEMA IF EXISTS " + old + " CASCADE; CREATE SCHEMA " + old + "; CREATE TABLE " + old + ".gzplan_meta AS SELECT * FROM " +
        ident(s_schema) + ".gzplan_meta; UPDATE " + old + ".gzplan_meta SET value = '0' WHERE key = 'schema_version'");
    r = gzplan({"zones", "--data", pgData(), "--schema", QString::fromStdString(old)});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("gzplan db upgrade")) << r.err.toStdString();
    sql("UPDATE " + old + ".gzplan_meta SET value = '99' WHERE key = 'schema_version'");
    r = gzplan({"zones", "--data", pgData(), "--schema", QString::fromStdString(old)});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("newer")) << r.err.toStdString();
    const auto check = gzplan({"db", "check", "--data", pgData(), "--schema", QString::fromStdString(old)});
    EXPECT_EQ(check.code, 1);
    EXPECT_TRUE(check.out.contains("schema version 99")) << check.out.toStdString();
    sql("DROP SCHEMA " + foreign + " CASCADE; DROP SCHEMA " + old + " CASCADE");
}

TEST_F(PostGis, InitRefusesAnExistingSchemaAndLeavesItAsItWas)
{
    const std::string before = sql("SELECT count(*) FROM " + ident(s_schema) + ".counties");
    const auto r = gzplan({"db", "init", "--to", pgData(), "--schema", QString::fromStdString(s_schema)});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("exists already")) << r.err.toStdString();
    EXPECT_EQ(sql("SELECT count(*) FROM " + ident(s_schema) + ".counties"), before);
}

TEST_F(PostGis, AFailedLoadLeavesNothing)
{
    // A copy of the GeoPackage whose counties break a constraint (two counties with one code): the load fails at the
    // end, after every table was written, and the one transaction takes all of it back.
    test::TempDir dir("pg-bad");
    const auto bad = dir.path / "bad.gpkg";
    std::filesystem::copy_file(GZ_TEST_GEOPACKAGE, bad);
    GDALAllRegister();  // this process has opened nothing through GDAL yet (ctest runs each test alone)
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open(bad.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        ASSERT_TRUE(ds);
        ds->ExecuteSQL("UPDATE counties SET code = (SELECT min(code) FROM counties) WHERE fid = (SELECT max(fid) FROM counties)", nullptr, nullptr);
    }
    const std::string schema = schemaName("failed");
    const auto r = gzplan({"db", "init", "--data", QString::fromStdString(bad.string()), "--to", pgData(), "--schema", QString::fromStdString(schema)});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("counties_code_unique")) << r.err.toStdString();
    EXPECT_EQ(sql("SELECT count(*) FROM pg_namespace WHERE nspname = '" + schema + "'"), "0");
}

TEST_F(PostGis, HostileSchemaNamesAreIdentifiersNotSql)
{
    // quotes, a semicolon and a statement: a schema called that, nothing executed
    sql("DROP TABLE IF EXISTS public.canary; CREATE TABLE public.canary (x int)");
    const std::string hostile = schemaName("x\"; DROP TABLE public.canary; --'");
    const QString name = QString::fromStdString(hostile);
    const auto init = gzplan({"db", "init", "--to", pgData(), "--schema", name});
    ASSERT_EQ(init.code, 0) << init.err.toStdString();
    EXPECT_EQ(sql("SELECT count(*) FROM pg_namespace WHERE nspname = $$" + hostile + "$$"), "1");
    EXPECT_EQ(sql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = 'canary'"), "1");
    const auto gpkg = gzplan({"class", "satellite", "--json"});
    const auto pg = gzplan({"class", "satellite", "--json", "--data", pgData(), "--schema", name});
    ASSERT_EQ(pg.code, 0) << pg.err.toStdString();
    EXPECT_EQ(pg.out.toStdString(), gpkg.out.toStdString());
    const auto check = gzplan({"db", "check", "--data", pgData(), "--schema", name});
    EXPECT_EQ(check.code, 0) << check.out.toStdString() << check.err.toStdString();
    sql("DROP SCHEMA " + ident(hostile) + " CASCADE");
    EXPECT_EQ(sql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = 'canary'"), "1");
    sql("DROP TABLE public.canary");
}

TEST_F(PostGis, AReaderRoleReadsAndCannotWrite)
{
    const std::string role = schemaName("reader");
    sql("DROP ROLE IF EXISTS " + role);
    sql("CREATE ROLE " + role + " LOGIN");
    sql("GRANT USAGE ON SCHEMA " + ident(s_schema) + " TO " + role + "; GRANT SELECT ON ALL TABLES IN SCHEMA " +
        ident(s_schema) + " TO " + role);
    const QString asReader = pgData() + " user=" + QString::fromStdString(role);
    const auto gpkg = gzplan({"zone", "gga_metro", "--json"});
    const auto pg = gzplan({"zone", "gga_metro", "--json", "--data", asReader, "--schema", QString::fromStdString(s_schema)});
    ASSERT_EQ(pg.code, 0) << pg.err.toStdString();
    EXPECT_EQ(pg.out.toStdString(), gpkg.out.toStdString());
    // it cannot make a schema: a clear refusal, nothing made
    const std::string schema = schemaName("by_reader");
    const auto init = gzplan({"db", "init", "--to", asReader, "--schema", QString::fromStdString(schema)});
    EXPECT_EQ(init.code, 1);
    EXPECT_TRUE(init.err.contains("permission denied")) << init.err.toStdString();
    EXPECT_EQ(sql("SELECT count(*) FROM pg_namespace WHERE nspname = '" + schema + "'"), "0");
    sql("REVOKE ALL ON ALL TABLES IN SCHEMA " + ident(s_schema) + " FROM " + role + "; REVOKE USAGE ON SCHEMA " +
        ident(s_schema) + " FROM " + role + "; DROP ROLE " + role);
}

TEST(PostGisCli, DbActionsAreChecked)
{
    auto r = gzplan({"db", "drop"});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(r.err.contains("unknown action 'drop'") && r.err.contains("init, upgrade, dump, check")) << r.err.toStdString();
    r = gzplan({"db", "init"});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(r.err.contains("--to")) << r.err.toStdString();
    r = gzplan({"db", "check", "--to", "x.gpkg"});
    EXPECT_EQ(r.code, 2);
    r = gzplan({"db", "check"});  // the build's GeoPackage is not a database
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("gzplan check")) << r.err.toStdString();
}

}  // namespace

// The window on a PostGIS table read one view at a time: the synthetic parcels (or, with GZ_PG_BIG_TABLE, a table the
// server holds already, such as 10M parcels loaded for the benchmark) at the province's extent, from the overview, and
// zoomed into 贵阳, from the table itself. GZ_SCREENSHOT_DIR: the two frames as PNGs.
TEST(PostGisWindow, ABigTableIsDrawnViewByViewFromItsOverviewAndItsTable)
{
    if (server().empty())
        GTEST_SKIP() << "no PostgreSQL server (GZ_TEST_PG)";
    std::string table = std::getenv("GZ_PG_BIG_TABLE") ? std::getenv("GZ_PG_BIG_TABLE") : "";
    const std::string schema = schemaName("layers");
    if (table.empty()) {
        sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema);
        table = schema + ".parcels";
        GDALAllRegister();
        GDALDatasetUniquePtr in(GDALDataset::Open(test::parcelsFile(test::geography()).c_str(), GDAL_OF_VECTOR));
        ASSERT_TRUE(in);
        const char* argv[] = {"-f", "PostgreSQL", "-nln", table.c_str(), "-lco", "GEOMETRY_NAME=geom", "-lco", "FID=fid", "-lco", "SPATIAL_INDEX=GIST", nullptr};
        GDALVectorTranslateOptions* options = GDALVectorTranslateOptionsNew(const_cast<char**>(argv), nullptr);
        GDALDatasetH source = in.get();
        GDALDatasetH out = GDALVectorTranslate(("PG:" + server()).c_str(), nullptr, 1, &source, options, nullptr);
        GDALVectorTranslateOptionsFree(options);
        ASSERT_TRUE(out);
        GDALClose(out);
        const auto ovr = gzplan({"db", "overview", "--data", pgData(), "--layer", QString::fromStdString(table)});
        ASSERT_EQ(ovr.code, 0) << ovr.err.toStdString();
    }
    test::ShownWindow w;
    auto& window = w.window;
    EXPECT_TRUE(QTest::qWaitFor([&] { return !window.canvas()->rendering(); }, 20000));
    const QImage before = window.canvas()->grab().toImage();
    // a password in the string (the test server trusts, so it is not asked for): never shown
    const QString secret = "s3cret-Zq7";
    QElapsedTimer clock;
    clock.start();
    ASSERT_EQ(window.addLayerFile(pgData() + " password=" + secret + " tables=" + QString::fromStdString(table)), QString());
    EXPECT_TRUE(QTest::qWaitFor([&] { return !window.canvas()->rendering(); }, 20000));
    const double firstFrameMs = double(clock.nsecsElapsed()) / 1e6;
    ASSERT_EQ(window.userLayers().size(), 1u);
    const auto& layer = window.userLayers().front();
    ASSERT_TRUE(layer.viewport);
    EXPECT_FALSE(layer.title.contains(secret)) << layer.title.toStdString();
    EXPECT_FALSE(QString::fromStdString(layer.viewport->reference()).contains(secret));
    EXPECT_FALSE(QString::fromStdString(layer.data->file().string()).contains(secret));
    EXPECT_EQ(layer.viewport->bands().size(), 3u);
    const app::render::MapView province = window.canvas()->view();
    EXPECT_NE(layer.viewport->bandFor(province.unitsPerPixel()).table, table) << "the province is drawn from an overview";
    const QImage drawn = window.canvas()->grab().toImage();
    int changed = 0;
    for (int y = 0; y < drawn.height(); y += 4)
        for (int x = 0; x < drawn.width(); x += 4)
            changed += drawn.pixel(x, y) != before.pixel(x, y);
    EXPECT_GT(changed, 2000) << "the layer is drawn at the province's extent";
    std::cerr << "[          ] first frame at the province's extent " << firstFrameMs << " ms after adding " << table << "\n";
    const QString shots = qEnvironmentVariable("GZ_SCREENSHOT_DIR");
    if (!shots.isEmpty())
        window.grab().save(shots + "/postgis-province.png");

    // 贵阳: 南明's seat, a view of about 1:50,000, drawn from the table itself
    geo::Point seat = test::geography().county("520102")->seat;
    geo::Projection(geo::crs::kCgcs2000, window.displayCrs().toStdString()).forward(seat);
    window.canvas()->zoomTo({seat.x - 6000, seat.y - 4000, seat.x + 6000, seat.y + 4000}, 1000);
    EXPECT_TRUE(QTest::qWaitFor([&] { return !window.canvas()->rendering(); }, 20000));
    const app::render::MapView city = window.canvas()->view();
    EXPECT_EQ(layer.viewport->bandFor(city.unitsPerPixel()).table, table) << city.unitsPerPixel() << " m a pixel";
    const auto view = layer.viewport->read(city.extent(), city.unitsPerPixel());
    EXPECT_TRUE(view.cached) << "the frame drawn read this view already";
    EXPECT_GT(view.features->size(), 100u);
    // pan by a tenth of the view: answered from the cache (an eighth of a view more was read on each side)
    window.canvas()->setView(app::render::MapView(city.size(), {city.centre().x + city.extent().width() / 10, city.centre().y}, city.unitsPerPixel()));
    EXPECT_TRUE(QTest::qWaitFor([&] { return !window.canvas()->rendering(); }, 20000));
    EXPECT_TRUE(layer.viewport->read(window.canvas()->view().extent(), city.unitsPerPixel()).cached);
    if (!shots.isEmpty())
        window.grab().save(shots + "/postgis-guiyang.png");
    if (!std::getenv("GZ_PG_BIG_TABLE"))
        sql("DROP SCHEMA " + schema + " CASCADE");
}
