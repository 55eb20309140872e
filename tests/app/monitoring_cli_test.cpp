// gzplan actuals and gzplan progress run as a user runs them: template → filled with SYNTHETIC figures
// (tests/tools/fill_synthetic_actuals.py) → import → progress; a bad file rejected whole, --skip-bad, and an import
// killed, interrupted or whose file changes mid-way leaving the store as it was.

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <csignal>
#include <fstream>

#include <gtest/gtest.h>

#include "run_gzplan.h"

namespace {

const QString kFill = QStringLiteral(GZ_TEST_SHARE_DIR "/../tests/tools/fill_synthetic_actuals.py");

struct Store {
    QTemporaryDir dir;
    QString path() const { return dir.filePath("figures.gpkg"); }
    QString file(const QString& name) const { return dir.filePath(name); }
    test::GzplanResult run(QStringList args, const QStringList& env = {}) const
    {
        args << "--actuals" << path();
        return test::runGzplan(args, env);
    }
    int changes() const
    {
        const auto h = run({"actuals", "history", "--json"});
        EXPECT_EQ(h.code, 0) << h.err.toStdString();
        return static_cast<int>(h.json().object()["changes"].toArray().size());
    }
};

void fill(const QString& in, const QString& out, const QStringList& extra = {})
{
    QProcess p;
    p.start("python3", QStringList{kFill, in, out} + extra);
    ASSERT_TRUE(p.waitForFinished(60000));
    ASSERT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
}

void write(const QString& file, const std::string& text) { std::ofstream(file.toStdString(), std::ios::binary) << text; }

TEST(ActualsCli, TemplateFillImportProgressRoundTrip)
{
    Store s;
    auto t = s.run({"actuals", "template", "--out", s.file("template.csv")});
    ASSERT_EQ(t.code, 0) << t.err.toStdString();
    EXPECT_TRUE(t.out.contains("291 targets")) << t.out.toStdString();
    fill(s.file("template.csv"), s.file("filled.csv"), {"--fraction", "0.7", "--seed", "3"});
    const auto imported = s.run({"actuals", "import", s.file("filled.csv")});
    ASSERT_EQ(imported.code, 0) << imported.err.toStdString();
    const auto list = s.run({"actuals", "list", "--json"});
    ASSERT_EQ(list.code, 0);
    const int figures = static_cast<int>(list.json().array().size());
    EXPECT_GT(figures, 150);
    EXPECT_TRUE(imported.out.contains(QString("imported %1 figure(s)").arg(figures))) << imported.out.toStdString();

    const auto progress = s.run({"progress", "--json"});
    ASSERT_EQ(progress.code, 0) << progress.err.toStdString();
    const QJsonObject o = progress.json().object();
    const QJsonArray targets = o["targets"].toArray();
    ASSERT_EQ(targets.size(), 291);
    std::map<QString, int> counted;
    int checked = 0;
    for (const auto& v : targets) {
        const QJsonObject x = v.toObject();
        ++counted[x["status"].toString()];
        EXPECT_FALSE(x["rule"].toString().isEmpty());
        EXPECT_FALSE(x["rule_en"].toString().isEmpty());
        // a ≥ level target with a figure for its year: met exactly when the actual reaches the value (a figure of an
        // earlier year of its series, e.g. t109's 2023 figure for t110, answers on track or behind instead)
        if (x["comparator"].toString() == "≥" && x["kind"].toString() == "level" && x["actual"].isDouble() &&
            x["figure_year"].toInt() == x["year"].toInt()) {
            EXPECT_EQ(x["status"].toString() == "met", x["actual"].toDouble() >= x["value"].toDouble()) << x["id"].toString().toStdString();
            EXPECT_TRUE(x["sources"].toString().contains("SYNTHETIC"));
            ++checked;
        }
    }
    EXPECT_GT(checked, 20);
    const QJsonObject summary = o["summary"].toObject();
    EXPECT_EQ(summary["targets"].toInt(), 291);
    for (const char* k : {"met", "not_met", "on_track", "behind", "no_figure", "undetermined"})
        EXPECT_EQ(summary[k].toInt(), counted[k]) << k;
    EXPECT_EQ(summary["with_figure"].toInt(), 291 - counted["no_figure"]);
    int byScope = 0;
    for (const auto& v : o["by_scope"].toArray())
        byScope += v.toObject()["targets"].toInt();
    EXPECT_EQ(byScope, 291);
    // the table gives the same count
    const auto text = s.run({"progress"});
    EXPECT_TRUE(text.out.contains(QString("%1 met, %2 not met").arg(counted["met"]).arg(counted["not_met"]))) << text.out.right(300).toStdString();
    // a scope and a status filter
    const auto zunyi = s.run({"progress", "--scope", "city:遵义", "--json"});
    ASSERT_EQ(zunyi.code, 0) << zunyi.err.toStdString();
    for (const auto& v : zunyi.json().object()["targets"].toArray())
        EXPECT_EQ(v.toObject()["scope_id"].toString(), "zunyi");
    const auto met = s.run({"progress", "--status", "met", "--json"});
    EXPECT_EQ(met.json().object()["targets"].toArray().size(), counted["met"]);
}

TEST(ActualsCli, OneBadRowRejectsTheFileUnlessSkipBad)
{
    Store s;
    write(s.file("bad.csv"), "target_id,year,actual_value,actual_unit,figure_date,source\n"
                             "t001,2023,57.1,%,2024-03,SYNTHETIC\n"
                             "t001,2023,5x,%,2024-03,SYNTHETIC\n"
                             "t404,2023,1,%,2024-03,SYNTHETIC\n");
    const auto r = s.run({"actuals", "import", s.file("bad.csv")});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("row 3, column actual_value")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("row 4, column target_id")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("nothing imported"));
    EXPECT_FALSE(QFileInfo::exists(s.path())) << "a refused import made a store";
    const auto skip = s.run({"actuals", "import", s.file("bad.csv"), "--skip-bad", "--rejected", s.file("rejected.csv")});
    EXPECT_EQ(skip.code, 0) << skip.err.toStdString();
    EXPECT_TRUE(skip.out.contains("imported 1 figure(s)")) << skip.out.toStdString();
    QFile rejected(s.file("rejected.csv"));
    ASSERT_TRUE(rejected.open(QIODevice::ReadOnly));
    const QString listed = QString::fromUtf8(rejected.readAll());
    EXPECT_TRUE(listed.contains("3,actual_value")) << listed.toStdString();
    EXPECT_TRUE(listed.contains("4,target_id"));
    // the same file again: its good row is a duplicate now
    const auto again = s.run({"actuals", "import", s.file("bad.csv"), "--skip-bad"});
    EXPECT_EQ(again.code, 1);
    EXPECT_TRUE(again.err.contains("already in the store")) << again.err.toStdString();
}

TEST(ActualsCli, SetUndoAndHistory)
{
    Store s;
    auto set = s.run({"actuals", "set", "t001", "55", "--date", "2024-02", "--source", "SYNTHETIC preliminary", "--by", "tester"});
    ASSERT_EQ(set.code, 0) << set.err.toStdString();
    auto status = [&] {
        const auto p = s.run({"progress", "--scope", "province", "--json"});
        for (const auto& v : p.json().object()["targets"].toArray())
            if (v.toObject()["id"].toString() == "t001")
                return v.toObject()["status"].toString();
        return QString();
    };
    EXPECT_EQ(status(), "not_met");
    ASSERT_EQ(s.run({"actuals", "set", "t001", "0.571", "--unit", "ratio", "--date", "2024-09", "--source", "SYNTHETIC final"}).code, 0);
    EXPECT_EQ(status(), "met");
    const auto undo = s.run({"actuals", "undo"});
    EXPECT_EQ(undo.code, 0) << undo.err.toStdString();
    EXPECT_EQ(status(), "not_met");
    const auto history = s.run({"actuals", "history", "t001", "--json"});
    const QJsonArray figures = history.json().object()["figures"].toArray();
    ASSERT_EQ(figures.size(), 2);
    EXPECT_EQ(figures[0].toObject()["state"].toString(), "counts");
    EXPECT_EQ(figures[0].toObject()["entered_by"].toString(), "tester");
    EXPECT_EQ(figures[1].toObject()["state"].toString(), "withdrawn");
    // refused: a bad set writes nothing; options of another action; an unknown action
    const auto bad = s.run({"actuals", "set", "t001", "57", "--unit", "万人", "--date", "2024-03"});
    EXPECT_EQ(bad.code, 1);
    EXPECT_TRUE(bad.err.contains("--unit")) << bad.err.toStdString();
    EXPECT_TRUE(bad.err.contains("--source"));
    EXPECT_EQ(s.changes(), 3);
    EXPECT_EQ(s.run({"actuals", "import", "x.csv", "--out", "y"}).code, 2);
    EXPECT_EQ(s.run({"actuals", "frobnicate"}).code, 2);
    EXPECT_EQ(s.run({"progress", "--year", "twenty"}).code, 2);
}

/// An import held inside its transaction (GZPLAN_TEST_IMPORT_PAUSE_MS), then ended by `stop`.
void importStopped(const Store& s, const std::function<void(QProcess&)>& stop, const std::function<void(QProcess&)>& check)
{
    fill(s.file("template.csv"), s.file("big.csv"), {"--rows", "3000"});
    QProcess p;
    ASSERT_TRUE(test::startHeldImport(p, {s.file("big.csv"), "--actuals", s.path()}));
    QThread::msleep(1500);  // a moment into the 6 s it waits before committing
    stop(p);
    ASSERT_TRUE(p.waitForFinished(20000));
    check(p);
}

TEST(ActualsCli, AKilledInterruptedOrChangedImportLeavesTheStoreAsItWas)
{
    Store s;
    ASSERT_EQ(s.run({"actuals", "template", "--out", s.file("template.csv")}).code, 0);
    ASSERT_EQ(s.run({"actuals", "set", "t001", "55", "--date", "2024-02", "--source", "SYNTHETIC"}).code, 0);
    importStopped(s, [](QProcess& p) { ::kill(static_cast<pid_t>(p.processId()), SIGKILL); },
                  [](QProcess& p) { EXPECT_EQ(p.exitStatus(), QProcess::CrashExit); });
    EXPECT_EQ(s.changes(), 1);
    EXPECT_EQ(s.run({"actuals", "list", "--json"}).json().array().size(), 1);
    importStopped(s, [](QProcess& p) { ::kill(static_cast<pid_t>(p.processId()), SIGINT); },
                  [](QProcess& p) {
                      EXPECT_EQ(p.exitCode(), 1);
                      EXPECT_TRUE(QString::fromUtf8(p.readAllStandardError()).contains("interrupted")) << "";
                  });
    EXPECT_EQ(s.changes(), 1);
    importStopped(s, [&](QProcess&) { write(s.file("big.csv"), "target_id,year\n"); },
                  [](QProcess& p) {
                      EXPECT_EQ(p.exitCode(), 1);
                      EXPECT_TRUE(QString::fromUtf8(p.readAllStandardError()).contains("changed while it was being imported"));
                  });
    EXPECT_EQ(s.changes(), 1);
    EXPECT_EQ(s.run({"actuals", "list", "--json"}).json().array().size(), 1);
}

TEST(ActualsCli, GbkCsvNeedsItsEncodingSaid)
{
    Store s;
    // SYNTHETIC row; source "贵州统计年鉴" in GBK
    write(s.file("gbk.csv"), "target_id,year,actual_value,actual_unit,figure_date,source\n"
                             "t001,2023,57.1,%,2024-03,\xB9\xF3\xD6\xDD\xCD\xB3\xBC\xC6\xC4\xEA\xBC\xF8\n");
    const auto refused = s.run({"actuals", "import", s.file("gbk.csv")});
    EXPECT_EQ(refused.code, 1);
    EXPECT_TRUE(refused.err.contains("--encoding GBK")) << refused.err.toStdString();
    const auto ok = s.run({"actuals", "import", s.file("gbk.csv"), "--encoding", "GBK"});
    ASSERT_EQ(ok.code, 0) << ok.err.toStdString();
    EXPECT_EQ(s.run({"actuals", "list", "--json"}).json().array()[0].toObject()["source"].toString(), QString("贵州统计年鉴"));
}

}  // namespace
