// The PostGIS store when its server stops: a server of the test's own (share/scripts/pg_cluster.sh, 127.0.0.1, a free
// port), stopped as a crash would stop it (pg_ctl -m immediate) and started again, since stopping the suite's shared
// server would fail the tests running beside this one. Skipped, saying so, where Debian's PostgreSQL 15 is not
// installed (share/scripts/gz.sh test installs it). Every figure here is SYNTHETIC.

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <filesystem>

#include <gtest/gtest.h>

#include "../common/pg_test_server.h"
#include "geo/projection.h"
#include "gui/map_canvas.h"
#include "gui/message_bar.h"
#include "layers/viewport_layer.h"
#include "run_gzplan.h"
#include "shown_window.h"
#include "test_data.h"

namespace {

const QString kCluster = QStringLiteral(GZ_TEST_SHARE_DIR "/scripts/pg_cluster.sh");

/// A cluster in a temporary folder, removed at the end.
class OwnServer {
public:
    OwnServer()
    {
        if (!std::filesystem::exists("/usr/lib/postgresql/15/bin/initdb"))
            return;
        m_dir = std::filesystem::temp_directory_path() / ("gzplan-fault-" + std::to_string(::getpid()));
        std::filesystem::remove_all(m_dir);
        QProcess p;
        p.start(kCluster, {"init", QString::fromStdString(m_dir.string())});
        p.waitForFinished(120000);
        m_error = p.readAllStandardError().toStdString();
        if (p.exitCode() == 0)
            m_connection = p.readAllStandardOutput().trimmed().toStdString();
    }
    ~OwnServer()
    {
        if (!m_dir.empty())
            QProcess::execute(kCluster, {"remove", QString::fromStdString(m_dir.string())});
    }
    bool installed() const { return !m_dir.empty(); }
    const std::string& connection() const { return m_connection; }
    const std::string& error() const { return m_error; }
    /// pg_ctl stop -m immediate: no shutdown, the clients' connections cut as by a crash.
    bool crash() { return QProcess::execute(kCluster, {"stop", QString::fromStdString(m_dir.string()), "immediate"}) == 0; }
    bool start() { return QProcess::execute(kCluster, {"start", QString::fromStdString(m_dir.string())}) == 0; }
    std::string sql(const std::string& statement) const { return test::pgSql(statement, m_connection); }

private:
    std::filesystem::path m_dir;
    std::string m_connection, m_error;
};

}  // namespace

// Mid-write: an import is inside its transaction when the server goes down. gzplan says the connection was lost and
// exits non-zero; when the server is back no row of it is there, and the same import, run again, is written whole.
// Mid-read, in the window: a PostGIS layer's view cannot be read while the server is down. The window says so in its
// message bar and goes on drawing the plan; when the server is back the next view is read (a new connection), the
// layer is drawn again and the message withdrawn.
TEST(PostGisFaults, TheServerStopsMidWriteAndMidReadAndTheToolCarriesOn)
{
    OwnServer server;
    if (!server.installed())
        GTEST_SKIP() << "PostgreSQL 15 is not installed (share/scripts/gz.sh test installs postgresql-15-postgis-3)";
    ASSERT_FALSE(server.connection().empty()) << server.error();
    const QString pg = QString::fromStdString("PG:" + server.connection());
    const QStringList where{"--actuals", pg, "--schema", "figures"};

    // the figures' tables, made by a first figure
    const auto first = test::gzplan(QStringList{"actuals", "set", "t001", "55", "--date", "2024-02", "--source", "SYNTHETIC", "--by", "tester"} + where);
    ASSERT_EQ(first.code, 0) << first.err.toStdString();
    ASSERT_EQ(server.sql("SELECT count(*) FROM figures.actuals"), "1");
    const QString templ = QDir::temp().filePath(QString("gzplan-fault-%1.csv").arg(::getpid()));
    const QString filled = templ + ".filled.csv";
    ASSERT_EQ(test::gzplan({"actuals", "template", "--out", templ, "--actuals", templ + ".none.gpkg"}).code, 0);
    QProcess fill;
    fill.start("python3", {GZ_TEST_SHARE_DIR "/../tests/tools/fill_synthetic_actuals.py", templ, filled, "--fraction", "1.0", "--seed", "5"});
    ASSERT_TRUE(fill.waitForFinished(60000));
    ASSERT_EQ(fill.exitCode(), 0) << fill.readAllStandardError().toStdString();

    QProcess import;
    ASSERT_TRUE(test::startHeldImport(import, QStringList{filled} + where, 4000));
    ASSERT_TRUE(server.crash());
    ASSERT_TRUE(import.waitForFinished(60000));
    const QString err = QString::fromUtf8(import.readAllStandardError());
    EXPECT_NE(import.exitCode(), 0);
    EXPECT_TRUE(err.contains("connection to the server was lost") || err.contains("server closed the connection")) << err.toStdString();
    EXPECT_FALSE(err.contains("imported")) << err.toStdString();
    // while it is down: a clear error, nothing else
    const auto down = test::gzplan(QStringList{"actuals", "list"} + where);
    EXPECT_EQ(down.code, 1);
    EXPECT_TRUE(down.err.contains("cannot connect")) << down.err.toStdString();
    ASSERT_TRUE(server.start());
    EXPECT_EQ(server.sql("SELECT count(*) FROM figures.actuals"), "1") << "no row of the import that was cut";
    const auto again = test::gzplan(QStringList{"actuals", "import", filled} + where);
    EXPECT_EQ(again.code, 0) << again.err.toStdString();
    EXPECT_GT(std::stoi(server.sql("SELECT count(*) FROM figures.actuals")), 100);
    QFile::remove(templ), QFile::remove(filled);

    // the window on a table of this server
    server.sql("CREATE TABLE public.blocks (fid bigserial PRIMARY KEY, landuse text, geom geometry(Polygon, 4490));"
               "INSERT INTO public.blocks (landuse, geom) SELECT CASE WHEN (i + j) % 2 = 0 THEN '耕地' ELSE '林地' END, "
               "ST_MakeEnvelope(106.5 + i * 0.01, 26.4 + j * 0.01, 106.509 + i * 0.01, 26.409 + j * 0.01, 4490) "
               "FROM generate_series(0, 39) i, generate_series(0, 29) j;"
               "CREATE INDEX ON public.blocks USING gist (geom)");
    // its overviews, so that the province comes from them and each view at 20 m a pixel from the table
    const auto overview = test::gzplan({"db", "overview", "--data", pg, "--layer", "public.blocks"});
    ASSERT_EQ(overview.code, 0) << overview.err.toStdString();
    test::ShownWindow w;
    auto& window = w.window;
    // a password in the string (the server trusts, so it goes unused): in no message
    ASSERT_EQ(window.addLayerFile(pg + " password=Tr0ub4dor tables=public.blocks"), QString());
    EXPECT_TRUE(QTest::qWaitFor([&] { return !window.canvas()->rendering(); }, 20000));
    const auto& layer = window.userLayers().front();
    ASSERT_TRUE(layer.viewport);
    geo::Point centre{106.7, 26.55};
    geo::Projection(geo::crs::kCgcs2000, window.displayCrs().toStdString()).forward(centre);
    auto lookAt = [&](double dx) {
        window.canvas()->setView(app::render::MapView(window.canvas()->view().size(), {centre.x + dx, centre.y}, 20));
        EXPECT_TRUE(QTest::qWaitFor([&] { return !window.canvas()->rendering(); }, 30000));
    };
    lookAt(0);
    EXPECT_GT(layer.viewport->readLog().features, 100u);
    EXPECT_EQ(window.messageBar()->text(), "");
    ASSERT_TRUE(server.crash());
    lookAt(20000);  // a view not read before: the server is asked, and is not there
    EXPECT_TRUE(window.messageBar()->text().contains("blocks")) << window.messageBar()->text().toStdString();
    EXPECT_EQ(window.messageBar()->level(), app::gui::MessageBar::Level::Error);
    EXPECT_FALSE(window.messageBar()->text().contains("Tr0ub4dor"));
    EXPECT_FALSE(window.canvas()->grab().toImage().isNull()) << "the plan is drawn on";
    ASSERT_TRUE(server.start());
    const auto readsBefore = layer.viewport->readLog().reads;
    lookAt(-20000);
    EXPECT_GT(layer.viewport->readLog().reads, readsBefore) << "read again, on a new connection";
    EXPECT_EQ(window.messageBar()->text().toStdString(), "");
}
