// The figures' store on PostgreSQL (--actuals PG:… --schema s) against a real server (GZ_TEST_PG; skipped, saying
// so, without one), as a user runs gzplan: the same commands answer byte for byte as from a GeoPackage store; a save
// that carries the change the user saw is refused when another saved in between (both backends, one body; two
// processes, and savers racing); the listener hears another process's commit within a second, and so does the
// window's dock; a killed import leaves nothing; a refusing server is a clear error with nothing written.
// Every figure here is SYNTHETIC (made up by tests/tools/fill_synthetic_actuals.py or the test).

#include <libpq-fe.h>
#include <poll.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <map>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include "../common/pg_test_server.h"
#include "gui/actuals_panel.h"
#include "layers/errors.h"
#include "layers/monitoring.h"
#include "run_gzplan.h"
#include "test_data.h"

namespace {

const QString kFill = QStringLiteral(GZ_TEST_SHARE_DIR "/../tests/tools/fill_synthetic_actuals.py");
const QString kNow = "GZPLAN_TEST_NOW=2026-12-07T12:00:00Z";

std::string server() { return test::pgServer(); }

std::string sql(const std::string& statement) { return test::pgSql(statement); }

/// A store on one backend: a GeoPackage in a temporary folder, or a schema of its own on the test server (dropped
/// at the end).
struct Backend {
    explicit Backend(bool postgres, const std::string& stem) : pg(postgres)
    {
        if (pg) {
            schema = "wt_actuals_" + std::to_string(::getpid()) + "_" + stem;
            sql("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        }
    }
    ~Backend()
    {
        if (pg && !server().empty())
            sql("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
    }
    QStringList where() const
    {
        if (pg)
            return {"--actuals", QString::fromStdString("PG:" + server()), "--schema", QString::fromStdString(schema)};
        return {"--actuals", dir.filePath("figures.gpkg")};
    }
    layers::DataLocation location() const
    {
        return pg ? layers::DataLocation("PG:" + server(), schema) : layers::DataLocation(dir.filePath("figures.gpkg").toStdString());
    }
    test::GzplanResult run(QStringList args, QStringList env = {}) const
    {
        env << kNow;
        return test::runGzplan(args + where(), env);
    }
    std::string table(const char* name) const { return "\"" + schema + "\"." + name; }
    bool pg;
    std::string schema;
    QTemporaryDir dir;
};

/// A filled template (every figure SYNTHETIC), the same for every test.
QString filledCsv(const QTemporaryDir& dir)
{
    const QString templ = dir.filePath("template.csv"), filled = dir.filePath("filled.csv");
    if (!QFile::exists(filled)) {
        EXPECT_EQ(test::gzplan({"actuals", "template", "--out", templ, "--actuals", dir.filePath("none.gpkg")}).code, 0);
        QProcess p;
        p.start("python3", {kFill, templ, filled, "--fraction", "1.0", "--seed", "11"});
        EXPECT_TRUE(p.waitForFinished(60000));
        EXPECT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
    }
    return filled;
}

/// The change id of the figure that counts for target (year, measure value), 0 for none.
long long countingChange(const Backend& b, const QString& target, int year)
{
    const auto list = b.run({"actuals", "list", "--json"});
    EXPECT_EQ(list.code, 0) << list.err.toStdString();
    for (const auto& v : list.json().array()) {
        const QJsonObject o = v.toObject();
        if (o["target_id"].toString() == target && o["year"].toInt() == year && o["measure"].toString() == "value")
            return o["change"].toInteger();
    }
    return 0;
}

class ActualsPg : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (server().empty())
            GTEST_SKIP() << "no PostgreSQL server: share/scripts/gz.sh test starts one (or set GZ_TEST_PG to a libpq connection string)";
    }
    QTemporaryDir m_files;
};

}  // namespace

// Step 1: one scenario run on both backends; every answer compared byte for byte (the clock fixed by
// GZPLAN_TEST_NOW; progress --json's "store" names the store, the one field that must differ).
TEST_F(ActualsPg, EveryActualsCommandAnswersTheSameOnBothBackends)
{
    const QString csv = filledCsv(m_files);
    std::map<bool, std::vector<std::pair<QString, QString>>> answers;
    for (const bool pg : {false, true}) {
        Backend b(pg, "same");
        auto& out = answers[pg];
        auto step = [&](const QStringList& args, int code = 0) {
            const auto r = b.run(args);
            EXPECT_EQ(r.code, code) << (pg ? "PostgreSQL: " : "GeoPackage: ") << args.join(' ').toStdString() << "\n" << r.err.toStdString();
            QString text = r.out + r.err;
            text.replace(QString::fromStdString(b.location().shown()), "<store>");
            out.emplace_back(args.join(' '), text);
        };
        step({"actuals", "list", "--json"});  // no store yet
        step({"progress", "--json"});
        step({"actuals", "undo"}, 1);
        step({"actuals", "import", csv});
        step({"actuals", "import", csv}, 1);  // every row a duplicate of a figure that counts
        step({"actuals", "set", "t001", "57.25", "--date", "2024-11", "--source", "SYNTHETIC set", "--by", "tester"});
        step({"actuals", "set", "t001", "58", "--date", "2024-12", "--source", "SYNTHETIC again", "--by", "tester", "--expect-change", "2"});
        step({"actuals", "set", "t001", "59", "--date", "2024-12", "--source", "SYNTHETIC stale", "--by", "tester", "--expect-change", "2"}, 1);
        step({"actuals", "undo", "--by", "tester"});
        step({"actuals", "undo", "1", "--by", "tester"});
        step({"actuals", "undo", "1", "--by", "tester"}, 1);
        step({"actuals", "undo", "5", "--by", "tester"});  // redo: the import counts again
        step({"actuals", "list", "--json"});
        step({"actuals", "list"});
        step({"actuals", "history", "--json"});
        step({"actuals", "history", "t001"});
        step({"progress", "--json"});
        step({"progress", "--scope", "city:遵义"});
        step({"progress", "--year", "2023", "--json"});
    }
    ASSERT_EQ(answers[false].size(), answers[true].size());
    for (std::size_t i = 0; i < answers[false].size(); ++i)
        EXPECT_EQ(answers[false][i].second.toStdString(), answers[true][i].second.toStdString()) << answers[false][i].first.toStdString();
    // not trivially equal: the import entered figures, and the redo made them count again
    const QJsonArray listed = QJsonDocument::fromJson(answers[true][12].second.toUtf8()).array();
    EXPECT_GT(listed.size(), 100);
    EXPECT_TRUE(answers[true][7].second.contains("someone changed it")) << answers[true][7].second.toStdString();
}

// Step 2, on both backends with one body: A and B read change c; B saves; A's save is refused with B's change.
class ActualsConflict : public ::testing::TestWithParam<bool> {
protected:
    void SetUp() override
    {
        if (GetParam() && server().empty())
            GTEST_SKIP() << "no PostgreSQL server: share/scripts/gz.sh test starts one (or set GZ_TEST_PG)";
    }
    QTemporaryDir m_files;
};

TEST_P(ActualsConflict, AStaleSaveIsRefusedNamingTheOtherChangeAndWritesNothing)
{
    Backend b(GetParam(), "conflict");
    ASSERT_EQ(b.run({"actuals", "import", filledCsv(m_files)}).code, 0);
    const auto before = b.run({"actuals", "history", "--json"});
    const long long seen = countingChange(b, "t001", 2023);  // what A and B both see
    ASSERT_EQ(seen, 1);
    const auto saveB = test::runGzplan(QStringList{"actuals", "set", "t001", "56.5", "--date", "2024-10", "--source", "SYNTHETIC B",
                                                   "--by", "userB", "--expect-change", QString::number(seen)} + b.where());
    ASSERT_EQ(saveB.code, 0) << saveB.err.toStdString();
    const auto saveA = test::runGzplan(QStringList{"actuals", "set", "t001", "61.5", "--date", "2024-10", "--source", "SYNTHETIC A",
                                                   "--by", "userA", "--expect-change", QString::number(seen)} + b.where());
    EXPECT_EQ(saveA.code, 1);
    EXPECT_TRUE(saveA.err.contains("change 2 by userB")) << saveA.err.toStdString();
    EXPECT_TRUE(saveA.err.contains("56.5 %")) << saveA.err.toStdString();
    EXPECT_TRUE(saveA.err.contains("--expect-change 2")) << saveA.err.toStdString();
    EXPECT_EQ(countingChange(b, "t001", 2023), 2);
    const auto history = b.run({"actuals", "history", "t001", "--json"}).json().object();
    EXPECT_EQ(history["changes"].toArray().size(), before.json().object()["changes"].toArray().size() + 1) << "A's change was recorded";
    for (const auto& v : history["figures"].toArray())
        EXPECT_NE(v.toObject()["source"].toString(), "SYNTHETIC A") << "A's figure was written";
    // A, told, looks again and saves over B's figure
    const auto retry = test::runGzplan(QStringList{"actuals", "set", "t001", "61.5", "--date", "2024-10", "--source", "SYNTHETIC A",
                                                   "--by", "userA", "--expect-change", "2"} + b.where());
    EXPECT_EQ(retry.code, 0) << retry.err.toStdString();
    // a year nobody entered a figure for yet: 0 is what was seen; a second "first" save is refused
    const auto first = test::runGzplan(QStringList{"actuals", "set", "t001", "1", "--year", "2024", "--date", "2025-01", "--source", "SYNTHETIC",
                                                   "--expect-change", "0"} + b.where());
    EXPECT_EQ(first.code, 0) << first.err.toStdString();
    const auto second = test::runGzplan(QStringList{"actuals", "set", "t001", "2", "--year", "2024", "--date", "2025-01", "--source", "SYNTHETIC",
                                                    "--expect-change", "0"} + b.where());
    EXPECT_EQ(second.code, 1);
    EXPECT_TRUE(second.err.contains("you saw none")) << second.err.toStdString();
}

// Savers racing: four processes that all saw change 1 save at once; exactly one gets in, the others are refused.
TEST_P(ActualsConflict, RacingSaversSerialiseAndOnlyOneWins)
{
    Backend b(GetParam(), "race");
    ASSERT_EQ(b.run({"actuals", "import", filledCsv(m_files)}).code, 0);
    std::vector<std::unique_ptr<QProcess>> savers;
    for (int i = 0; i < 4; ++i) {
        auto p = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove("DISPLAY");
        p->setProcessEnvironment(env);
        p->start(GZ_TEST_GZPLAN, QStringList{"actuals", "set", "t001", QString::number(50 + i), "--date", "2024-10", "--source",
                                             QString("SYNTHETIC racer %1").arg(i), "--by", QString("racer%1").arg(i), "--expect-change", "1"} +
                                     b.where());
        savers.push_back(std::move(p));
    }
    int won = 0, refused = 0;
    for (auto& p : savers) {
        ASSERT_TRUE(p->waitForFinished(60000));
        const QString err = QString::fromUtf8(p->readAllStandardError());
        if (p->exitCode() == 0)
            ++won;
        else if (err.contains("someone changed it"))
            ++refused;
        else if (!GetParam())
            ++refused, std::cout << "GeoPackage saver refused otherwise: " << err.toStdString();  // SQLite busy: also nothing written
        else
            ADD_FAILURE() << err.toStdString();
    }
    EXPECT_EQ(won, 1);
    EXPECT_EQ(refused, 3);
    int racers = 0;
    for (const auto& v : b.run({"actuals", "history", "t001", "--json"}).json().object()["figures"].toArray())
        racers += v.toObject()["source"].toString().startsWith("SYNTHETIC racer");
    EXPECT_EQ(racers, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, ActualsConflict, ::testing::Values(false, true),
                         [](const auto& info) { return std::string(info.param ? "PostgreSQL" : "GeoPackage"); });

// Step 3: a listener hears another process's commit within a second (measured from the moment that process exits:
// its commit is done by then), and nothing of another schema or before the commit.
TEST_F(ActualsPg, AListenerHearsAnotherProcesssCommitWithinASecond)
{
    Backend b(true, "listen"), other(true, "listen_other");
    ASSERT_EQ(b.run({"actuals", "set", "t001", "55", "--date", "2024-02", "--source", "SYNTHETIC"}).code, 0);
    layers::ActualsListener listener(b.location());
    EXPECT_FALSE(listener.poll()) << "a notification before any change";
    // a commit to another schema is not this store's
    ASSERT_EQ(other.run({"actuals", "set", "t001", "55", "--date", "2024-02", "--source", "SYNTHETIC"}).code, 0);
    QThread::msleep(200);
    EXPECT_FALSE(listener.poll()) << "another schema's change was heard";
    // a refused save commits nothing and says nothing
    EXPECT_EQ(b.run({"actuals", "set", "t001", "56", "--date", "2024-03", "--source", "SYNTHETIC", "--expect-change", "9"}).code, 1);
    QThread::msleep(200);
    EXPECT_FALSE(listener.poll()) << "a refused save was announced";

    QProcess p;
    p.start(GZ_TEST_GZPLAN, QStringList{"actuals", "set", "t001", "57", "--date", "2024-09", "--source", "SYNTHETIC"} + b.where());
    ASSERT_TRUE(p.waitForFinished(60000));
    ASSERT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
    const auto exited = std::chrono::steady_clock::now();
    bool heard = false;
    while (!heard && std::chrono::steady_clock::now() - exited < std::chrono::seconds(1)) {
        pollfd fd{listener.socket(), POLLIN, 0};
        ::poll(&fd, 1, 50);
        heard = listener.poll();
    }
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - exited).count();
    std::cout << "listener heard the commit " << ms << " ms after the committing process exited\n";
    EXPECT_TRUE(heard) << "not heard within 1 s";
    EXPECT_LT(ms, 1000);
    EXPECT_FALSE(listener.poll()) << "heard twice";

    EXPECT_THROW(layers::ActualsListener(layers::DataLocation(m_files.filePath("x.gpkg").toStdString())), layers::DataError);
}

// Step 3 in the window: the dock reloads its table within a second of another process's commit; an entry dialog
// opened before that commit refuses its save, naming the other change, and the table shows what counts now.
TEST_F(ActualsPg, TheDockReloadsWhenAnotherProcessSavesAndItsDialogRefusesAStaleSave)
{
    Backend b(true, "dock");
    ASSERT_EQ(b.run({"actuals", "set", "t001", "55", "--date", "2024-02", "--source", "SYNTHETIC"}).code, 0);
    app::gui::ActualsPanel panel(test::query());
    panel.setRules(layers::MonitoringRules::load(GZ_TEST_SHARE_DIR "/monitoring"));
    ASSERT_EQ(panel.setStore(b.location()), QString());
    ASSERT_TRUE(panel.listening());
    ASSERT_EQ(panel.allActuals().size(), 1u);
    auto* dialog = panel.dialogFor("t001");  // shows change 1's 55
    ASSERT_TRUE(dialog);
    EXPECT_EQ(dialog->valueEdit()->text(), "55");

    QProcess p;
    p.start(GZ_TEST_GZPLAN, QStringList{"actuals", "set", "t001", "57", "--date", "2024-09", "--source", "SYNTHETIC other", "--by", "colleague"} +
                                b.where());
    ASSERT_TRUE(p.waitForFinished(60000));
    ASSERT_EQ(p.exitCode(), 0);
    QElapsedTimer t;
    t.start();
    while (panel.allActuals().size() < 2 && t.elapsed() < 1000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    std::cout << "the dock reloaded " << t.elapsed() << " ms after the committing process exited\n";
    EXPECT_EQ(panel.allActuals().size(), 2u);

    dialog->valueEdit()->setText("58");
    dialog->dateEdit()->setText("2024-10");
    dialog->sourceEdit()->setText("SYNTHETIC dock");
    EXPECT_FALSE(dialog->submit());
    EXPECT_TRUE(dialog->problems().contains("#2") && dialog->problems().contains("colleague")) << dialog->problems().toStdString();
    EXPECT_EQ(countingChange(b, "t001", 2023), 2) << "the stale save was written";
    // a dialog opened now shows 57 and saves
    auto* fresh = panel.dialogFor("t001");
    EXPECT_EQ(fresh->valueEdit()->text(), "57");
    fresh->valueEdit()->setText("58");
    fresh->dateEdit()->setText("2024-10");
    fresh->sourceEdit()->setText("SYNTHETIC dock");
    EXPECT_TRUE(fresh->submit()) << fresh->problems().toStdString();
    EXPECT_EQ(countingChange(b, "t001", 2023), 3);  // the dialogs are the panel's children
}

// Step 4: a killed import leaves no row; a server that refuses is a clear error, exit 1, nothing written.
TEST_F(ActualsPg, AKilledImportLeavesNothingAndARefusingServerIsAClearError)
{
    Backend b(true, "faults");
    const QString csv = filledCsv(m_files);
    QProcess p;
    ASSERT_TRUE(test::startHeldImport(p, QStringList{csv} + b.where()));
    QThread::msleep(1500);
    // inside the transaction: the rows are there for it, not for anyone else
    EXPECT_EQ(sql("SELECT count(*) FROM " + b.table("actuals")), "0");
    ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
    ASSERT_TRUE(p.waitForFinished(20000));
    for (int i = 0; i < 50 && sql("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_notify%' AND state LIKE 'idle in%'") != "0"; ++i)
        QThread::msleep(100);  // the server ends the dead client's transaction
    EXPECT_EQ(sql("SELECT count(*) FROM " + b.table("actuals")), "0");
    EXPECT_EQ(sql("SELECT count(*) FROM " + b.table("actual_changes")), "0");
    EXPECT_EQ(b.run({"actuals", "import", csv}).code, 0) << "the table stayed locked";

    const std::string before = sql("SELECT count(*) FROM " + b.table("actual_changes"));
    const auto wrong = test::runGzplan({"actuals", "set", "t001", "55", "--date", "2024-02", "--source", "SYNTHETIC", "--actuals",
                                        QString::fromStdString("PG:" + server() + " user=nobody_here password=SeCrEt99"), "--schema",
                                        QString::fromStdString(b.schema)});
    EXPECT_EQ(wrong.code, 1);
    EXPECT_TRUE(wrong.err.contains("cannot connect")) << wrong.err.toStdString();
    EXPECT_FALSE(wrong.err.contains("SeCrEt99")) << wrong.err.toStdString();
    const auto gone = test::runGzplan({"actuals", "import", csv, "--actuals", "PG:host=127.0.0.1 port=1 dbname=x connect_timeout=3", "--schema", "s"});
    EXPECT_EQ(gone.code, 1);
    EXPECT_TRUE(gone.err.contains("cannot connect") && gone.err.contains("server runs")) << gone.err.toStdString();
    const auto progress = test::runGzplan({"progress", "--actuals", "PG:host=127.0.0.1 port=1 dbname=x connect_timeout=3"});
    EXPECT_EQ(progress.code, 1);
    EXPECT_EQ(sql("SELECT count(*) FROM " + b.table("actual_changes")), before);
}
