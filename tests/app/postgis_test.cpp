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
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTextBrowser>
#include <QTreeWidget>

#include <atomic>
#include <filesystem>
#include <map>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "../common/pg_test_server.h"
#include "../common/temp_dir.h"
#include "../common/test_parcels.h"
#include "geo/projection.h"
#include "gui/actuals_panel.h"
#include "gui/map_canvas.h"
#include "gui/postgis_dialog.h"
#include "layers/errors.h"
#include "layers/feature_layer.h"
#include "layers/monitoring.h"
#include "layers/viewport_layer.h"
#include "run_gzplan.h"
#include "shown_window.h"
#include "test_data.h"

namespace {

using test::gzplan;

std::string server() { return test::pgServer(); }

std::string sql(const std::string& statement, const std::string& connection = server()) { return test::pgSql(statement, connection); }

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

/// The suite's 20,000 synthetic parcels copied into schema.table (as a user would: ogr2ogr, GiST index) and its
/// overviews built with gzplan db overview; the schema is made anew. Empty, or what failed.
std::string loadParcels(const std::string& table)
{
    const std::string schema = table.substr(0, table.find('.'));
    sql("DROP SCHEMA IF EXISTS " + ident(schema) + " CASCADE; CREATE SCHEMA " + ident(schema));
    GDALAllRegister();
    GDALDatasetUniquePtr in(GDALDataset::Open(test::parcelsFile(test::geography()).c_str(), GDAL_OF_VECTOR));
    if (!in)
        return "cannot open the synthetic parcels";
    const char* argv[] = {"-f", "PostgreSQL", "-nln", table.c_str(), "-lco", "GEOMETRY_NAME=geom", "-lco", "FID=fid", "-lco", "SPATIAL_INDEX=GIST", nullptr};
    GDALVectorTranslateOptions* options = GDALVectorTranslateOptionsNew(const_cast<char**>(argv), nullptr);
    GDALDatasetH source = in.get();
    GDALDatasetH out = GDALVectorTranslate(("PG:" + server()).c_str(), nullptr, 1, &source, options, nullptr);
    GDALVectorTranslateOptionsFree(options);
    if (!out)
        return "ogr2ogr into PostgreSQL failed";
    GDALClose(out);
    const auto ovr = gzplan({"db", "overview", "--data", pgData(), "--layer", QString::fromStdString(table)});
    return ovr.code == 0 ? std::string() : ovr.err.toStdString();
}

/// The synthetic parcels in a schema of their own, for the reads of a view.
class PostGisViews : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        if (server().empty())
            return;
        s_table = schemaName("views") + ".parcels";
        s_loaded = loadParcels(s_table);
    }
    static void TearDownTestSuite()
    {
        if (!server().empty())
            sql("DROP SCHEMA IF EXISTS " + ident(s_table.substr(0, s_table.find('.'))) + " CASCADE");
    }
    void SetUp() override
    {
        if (server().empty())
            GTEST_SKIP() << "no PostgreSQL server: share/scripts/gz.sh test starts one (or set GZ_TEST_PG to a libpq connection string)";
        ASSERT_EQ(s_loaded, "");
    }
    static inline std::string s_table, s_loaded;
};

/// A lon/lat box around a county's seat, half-sizes in degrees.
geo::Box around(const char* county, double dx, double dy)
{
    const auto* c = test::geography().county(county);
    if (!c)
        throw std::invalid_argument(std::string("no county ") + county);
    return {c->seat.x - dx, c->seat.y - dy, c->seat.x + dx, c->seat.y + dy};
}


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

    // the figures: an editor (here the superuser) made the store; the reader reads them, and the window's dock is read
    // only and says why, where the editor's is not; a save from the command line is refused by the server
    const QStringList editorStore{"--actuals", pgData(), "--schema", QString::fromStdString(s_schema)};
    ASSERT_EQ(gzplan(QStringList{"actuals", "set", "t001", "55", "--date", "2024-02", "--source", "SYNTHETIC", "--by", "editor"} + editorStore).code, 0);
    sql("GRANT SELECT ON ALL TABLES IN SCHEMA " + ident(s_schema) + " TO " + role);
    const layers::DataLocation readerStore(asReader.toStdString(), s_schema);
    EXPECT_EQ(layers::ActualsStore::whyReadOnly(layers::DataLocation(pgData().toStdString(), s_schema)), "");
    const std::string why = layers::ActualsStore::whyReadOnly(readerStore);
    EXPECT_NE(why.find("may read the figures but not write them"), std::string::npos) << why;
    EXPECT_NE(why.find(role), std::string::npos) << why;
    app::gui::ActualsPanel panel(test::query());
    EXPECT_EQ(panel.setStore(readerStore), QString());
    EXPECT_EQ(panel.allActuals().size(), 1u) << "the reader reads the figures";
    EXPECT_FALSE(panel.readOnly().isEmpty());
    EXPECT_FALSE(panel.findChild<QPushButton*>("enter")->isEnabled());
    EXPECT_FALSE(panel.findChild<QPushButton*>("undo")->isEnabled());
    layers::Actual figure = panel.allActuals().front();
    figure.value = 56;
    const QStringList problems = panel.enter(figure);
    ASSERT_EQ(problems.size(), 1);
    EXPECT_TRUE(problems.front().startsWith("只读")) << problems.front().toStdString();
    EXPECT_EQ(panel.setStore(layers::DataLocation(pgData().toStdString(), s_schema)), QString());
    EXPECT_TRUE(panel.readOnly().isEmpty());
    EXPECT_TRUE(panel.findChild<QPushButton*>("enter")->isEnabled());
    const auto refused = gzplan({"actuals", "set", "t001", "57", "--date", "2024-03", "--source", "SYNTHETIC", "--actuals", asReader, "--schema",
                                 QString::fromStdString(s_schema)});
    EXPECT_EQ(refused.code, 1);
    EXPECT_TRUE(refused.err.contains("permission denied")) << refused.err.toStdString();
    EXPECT_EQ(sql("SELECT count(*) FROM " + ident(s_schema) + ".actual_changes"), "1");
    sql("REVOKE ALL ON ALL TABLES IN SCHEMA " + ident(s_schema) + " FROM " + role + "; REVOKE USAGE ON SCHEMA " +
        ident(s_schema) + " FROM " + role + "; DROP ROLE " + role);
}

// A view read through libpq's binary rows (the fast reader) gives the layer GDAL's PostgreSQL driver gives for the same
// box: the same features, rings, grid coordinates, bounds and categories, on the table and on both overviews, for a
// city, the province and a box with nothing in it.
TEST_F(PostGisViews, TheFastViewReaderEqualsGdals)
{
    const std::string location = "PG:" + server();
    const std::string crs = test::renderer()->data().crs.toStdString();
    struct Case {
        std::string table;
        geo::Box box;
        bool empty;
    };
    const std::vector<Case> cases{
        {s_table, around("520102", 0.08, 0.06), false},                 // 贵阳 南明, about 1:50,000 on a screen
        {s_table, around("520281", 0.3, 0.2), false},                   // 盘州
        {s_table + "_ovr_1", {103.5, 24.5, 109.7, 29.3}, false},        // the province, from the overviews
        {s_table + "_ovr_2", {103.5, 24.5, 109.7, 29.3}, false},
        {s_table, {120.0, 40.0, 120.5, 40.5}, true},                    // far from Guizhou: nothing
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.table);
        layers::FeatureLayerOptions options;
        options.layer = c.table;
        options.displayCrs = crs;
        options.sourceBox = c.box;
        options.threads = 1;
        const auto fast = layers::FeatureLayer::load(location, options);
        options.gdalReader = true;
        const auto gdal = layers::FeatureLayer::load(location, options);
        ASSERT_EQ(fast->size(), gdal->size());
        EXPECT_EQ(fast->size() == 0, c.empty) << fast->size();
        EXPECT_EQ(fast->origin(), gdal->origin());
        EXPECT_EQ(fast->unit(), gdal->unit());
        EXPECT_EQ(fast->vertexCount(), gdal->vertexCount());
        EXPECT_EQ(fast->styleField(), gdal->styleField());
        std::map<std::int64_t, std::uint32_t> byFid;
        for (std::uint32_t i = 0; i < gdal->size(); ++i)
            byFid[gdal->fid(i)] = i;
        std::size_t compared = 0;
        for (std::uint32_t i = 0; i < fast->size(); ++i) {
            const auto it = byFid.find(fast->fid(i));
            ASSERT_NE(it, byFid.end()) << "feature " << fast->fid(i) << " only in the fast read";
            const std::uint32_t j = it->second;
            auto name = [](const layers::FeatureLayer& l, std::uint16_t k) { return k < l.categoryNames().size() ? l.categoryNames()[k] : "(none)"; };
            EXPECT_EQ(name(*fast, fast->categories()[i]), name(*gdal, gdal->categories()[j])) << fast->fid(i);
            const auto fr = fast->featureRings(), gr = gdal->featureRings();
            ASSERT_EQ(fr[i + 1] - fr[i], gr[j + 1] - gr[j]) << "rings of " << fast->fid(i);
            for (std::uint32_t r = 0; r < fr[i + 1] - fr[i]; ++r) {
                const auto fs = fast->ringStart(), gs = gdal->ringStart();
                const std::uint32_t a = fs[fr[i] + r], b = gs[gr[j] + r], n = fs[fr[i] + r + 1] - a;
                ASSERT_EQ(n, gs[gr[j] + r + 1] - b);
                for (std::uint32_t v = 0; v < 2 * n; ++v)
                    ASSERT_EQ(fast->xy()[2 * a + v], gdal->xy()[2 * b + v]) << "feature " << fast->fid(i) << " ring " << r;
            }
            const geo::FloatBox fb = fast->bounds()[i], gb = gdal->bounds()[j];
            EXPECT_TRUE(fb.minX == gb.minX && fb.minY == gb.minY && fb.maxX == gb.maxX && fb.maxY == gb.maxY) << fast->fid(i);
            ++compared;
        }
        EXPECT_EQ(compared, gdal->size());
    }
}

// A read whose view has moved on stops (the window sets the flag when the view changes under a frame) and leaves the
// connection usable: the next read of the same view is made and not taken from a cache.
TEST_F(PostGisViews, AReadStopsWhenTheViewMovesOnAndTheNextReadWorks)
{
    const auto layer = layers::ViewportLayer::open("PG:" + server(), s_table, "EPSG:4490");
    const geo::Box box = around("520102", 0.08, 0.06);
    std::atomic<bool> cancel{true};
    EXPECT_THROW(layer->read(box, 20, &cancel), layers::LoadCancelled);
    EXPECT_EQ(layer->readOrNote(box, 20 / 111320.0, &cancel), nullptr);
    EXPECT_EQ(layer->takeError(), "") << "a cancelled read is not an error";
    EXPECT_EQ(layer->readLog().cancelled, 2);
    EXPECT_EQ(layer->readLog().reads, 0);
    cancel = false;
    const auto view = layer->read(box, 20, &cancel);
    EXPECT_FALSE(view.cached);
    EXPECT_GT(view.features->size(), 100u);
    EXPECT_TRUE(layer->read(box, 20).cached);
}

// The tables a server offers, as the window's add-layer dialog lists them: the parcels with their index and overviews,
// the overview tables themselves left out; a table with a hostile name is listed and read as a name; a table without a
// spatial index is refused with the CREATE INDEX to run.
TEST_F(PostGisViews, TablesAreListedAndATableWithoutASpatialIndexIsRefusedWithTheFix)
{
    const std::string location = "PG:" + server();
    const std::string schema = s_table.substr(0, s_table.find('.'));
    const std::string hostile = "x\"; DROP TABLE " + schema + ".parcels; --'";
    sql("CREATE TABLE " + ident(schema) + "." + ident(hostile) + " (fid serial PRIMARY KEY, landuse text, geom geometry(Polygon, 4490));"
        "INSERT INTO " + ident(schema) + "." + ident(hostile) + " (landuse, geom) VALUES ('林地', ST_MakeEnvelope(106.6, 26.5, 106.61, 26.51, 4490))");
    const std::string parcelsBefore = sql("SELECT count(*) FROM " + ident(schema) + ".parcels");
    const std::vector<layers::PostgresTable> tables = layers::ViewportLayer::tables(location);
    const layers::PostgresTable* parcels = nullptr;
    const layers::PostgresTable* named = nullptr;
    for (const layers::PostgresTable& t : tables) {
        EXPECT_EQ(t.table.find("_ovr_"), std::string::npos) << t.table;
        if (t.table == s_table)
            parcels = &t;
        if (t.table == schema + "." + hostile)
            named = &t;
    }
    ASSERT_TRUE(parcels);
    EXPECT_EQ(parcels->geometryColumn, "geom");
    EXPECT_EQ(parcels->srid, 4490);
    EXPECT_TRUE(parcels->spatialIndex);
    EXPECT_TRUE(parcels->overviews);
    ASSERT_TRUE(named);
    EXPECT_FALSE(named->spatialIndex);
    try {
        layers::ViewportLayer::open(location, named->table, "EPSG:4490");
        ADD_FAILURE() << "a table without a spatial index was opened";
    } catch (const layers::DataError& e) {
        EXPECT_NE(std::string(e.what()).find("CREATE INDEX ON"), std::string::npos) << e.what();
    }
    sql("CREATE INDEX ON " + ident(schema) + "." + ident(hostile) + " USING gist (geom)");
    const auto layer = layers::ViewportLayer::open(location, named->table, "EPSG:4490");
    EXPECT_EQ(layer->read({106.5, 26.4, 106.7, 26.6}, 20).features->size(), 1u);
    EXPECT_EQ(sql("SELECT count(*) FROM " + ident(schema) + ".parcels"), parcelsBefore) << "the hostile name ran as SQL";
    sql("DROP TABLE " + ident(schema) + "." + ident(hostile));
}

// 添加 PostGIS 图层, as a user fills it: a connection that fails is said in the dialog without its password; the right one
// lists the parcels (index, overviews) and not their overview tables; the chosen table is what the window then adds.
TEST_F(PostGisViews, TheAddLayerDialogListsTablesAndTheWindowAddsTheChosenOne)
{
    app::gui::PostgisDialog dialog;
    dialog.show();
    dialog.connectionField()->setText("host=127.0.0.1 port=1 dbname=nothing connect_timeout=3 password=Hunter2x");
    QTest::mouseClick(dialog.listButton(), Qt::LeftButton);
    EXPECT_TRUE(QTest::qWaitFor([&] { return dialog.listButton()->isEnabled(); }, 20000));  // enabled again when the answer is shown
    EXPECT_TRUE(dialog.errorLabel()->text().contains("cannot connect")) << dialog.errorLabel()->text().toStdString();
    EXPECT_FALSE(dialog.errorLabel()->text().contains("Hunter2x"));
    EXPECT_EQ(dialog.tableList()->topLevelItemCount(), 0);

    dialog.connectionField()->setText(QString::fromStdString(server()));
    QTest::mouseClick(dialog.listButton(), Qt::LeftButton);
    EXPECT_TRUE(QTest::qWaitFor([&] { return dialog.listButton()->isEnabled(); }, 20000));  // enabled again when the answer is shown
    EXPECT_EQ(dialog.errorLabel()->text(), "");
    QTreeWidgetItem* parcels = nullptr;
    for (int i = 0; i < dialog.tableList()->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = dialog.tableList()->topLevelItem(i);
        EXPECT_FALSE(item->text(0).contains("_ovr_")) << item->text(0).toStdString();
        if (item->text(0).toStdString() == s_table)
            parcels = item;
    }
    ASSERT_TRUE(parcels);
    EXPECT_EQ(parcels->text(2), "4490");
    EXPECT_EQ(parcels->text(4), "有");
    EXPECT_EQ(parcels->text(5), "有");
    dialog.tableList()->setCurrentItem(parcels);
    EXPECT_EQ(dialog.reference().toStdString(), "PG:" + server() + " tables=" + s_table);
    const QString shots = qEnvironmentVariable("GZ_SCREENSHOT_DIR");
    if (!shots.isEmpty())
        dialog.grab().save(shots + "/postgis-dialog.png");
    EXPECT_FALSE(QSettings().value("postgis/connection").toString().contains("Hunter2x"));

    test::ShownWindow w;
    auto& window = w.window;
    ASSERT_EQ(window.addLayerFile(dialog.reference()), QString());
    ASSERT_EQ(window.userLayers().size(), 1u);
    EXPECT_TRUE(window.userLayers().front().viewport);

    // identify on it, zoomed into 贵阳: a parcel of the table, its attributes asked of the server by its key
    geo::Point seat = test::geography().county("520102")->seat;
    geo::Projection(geo::crs::kCgcs2000, window.displayCrs().toStdString()).forward(seat);
    window.canvas()->zoomTo({seat.x - 4000, seat.y - 3000, seat.x + 4000, seat.y + 3000}, 1000);
    EXPECT_TRUE(QTest::qWaitFor([&] { return !window.canvas()->rendering(); }, 20000));
    QPointF onParcel(-1, -1);
    for (int y = 100; y < window.canvas()->height() - 100 && onParcel.x() < 0; y += 7)
        for (int x = 100; x < window.canvas()->width() - 100 && onParcel.x() < 0; x += 7)
            if (window.userFeatureAt(QPointF(x, y)).first == 0)
                onParcel = QPointF(x, y);
    ASSERT_GE(onParcel.x(), 0) << "no parcel under any point of the view";
    window.identifyAt(onParcel);
    ASSERT_EQ(window.identifiedFeatures().size(), 1u);
    const std::int64_t fid = window.identifiedLayer(0).fid(window.identifiedFeatures().front().second);
    const QString html = window.infoPanel()->toHtml();
    EXPECT_TRUE(html.contains(QString("要素 %1").arg(fid))) << html.toStdString();
    const std::string landuse = sql("SELECT landuse FROM " + s_table + " WHERE fid = " + std::to_string(fid));
    EXPECT_FALSE(landuse.empty());
    EXPECT_TRUE(html.contains(QString::fromStdString(landuse))) << landuse;
    if (!shots.isEmpty())
        window.grab().save(shots + "/postgis-identify.png");
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
        table = schema + ".parcels";
        ASSERT_EQ(loadParcels(table), "");
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

    // across the province at 1:50,000 (13.2 m a pixel at 96 dpi), west to east through 贵阳 in 24 views (each one not
    // cached): every frame's read and the window's resident memory afterwards (the 10M table of the benchmark:
    // GZ_PG_BIG_TABLE)
    const double at50k = 50000 * 0.0254 / 96;
    double slowestMs = 0, totalMs = 0;
    int frames = 0;
    std::size_t features = 0;
    for (int k = 0; k < 24; ++k) {
        geo::Point at{103.7 + (109.4 - 103.7) * k / 23.0, test::geography().county("520102")->seat.y};
        geo::Projection(geo::crs::kCgcs2000, window.displayCrs().toStdString()).forward(at);
        const auto before = layer.viewport->readLog();
        clock.restart();
        window.canvas()->setView(app::render::MapView(city.size(), at, at50k));
        EXPECT_TRUE(QTest::qWaitFor([&] { return !window.canvas()->rendering(); }, 20000));
        const double ms = double(clock.nsecsElapsed()) / 1e6;
        if (layer.viewport->readLog().reads > before.reads) {
            features = (layer.viewport->readLog().features - before.features) / (layer.viewport->readLog().reads - before.reads);
            slowestMs = std::max(slowestMs, ms);
            totalMs += ms;
            ++frames;
        }
    }
    EXPECT_GE(frames, 20) << "each view of the pan is read from the server";
    std::ifstream status("/proc/self/status");
    long rssKb = 0;
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmRSS:", 0) == 0)
            rssKb = std::stol(line.substr(6));
    EXPECT_LT(rssKb, 1024L * 1024) << "resident memory after panning across the province";
    std::cerr << "[          ] pan across the province at 1:50,000, " << city.size().width() << "x" << city.size().height() << " px: " << frames
              << " frames read, " << features << " parcels a read, mean "
              << (frames ? totalMs / frames : 0) << " ms, slowest " << slowestMs << " ms to the new frame; resident " << rssKb / 1024 << " MB\n";
    if (!std::getenv("GZ_PG_BIG_TABLE"))
        sql("DROP SCHEMA " + schema + " CASCADE");
}
