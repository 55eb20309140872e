#pragma once
// Runs the built gzplan as a user does: a separate process without a display (headless).

#include <QJsonDocument>
#include <QProcess>
#include <QStringList>

#include <gtest/gtest.h>

namespace test {

struct GzplanResult {
    int code = -1;
    QString out;
    QString err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out.toUtf8()); }
};

/// extraEnv: NAME=value entries added to the environment.
inline GzplanResult runGzplan(const QStringList& args, const QStringList& extraEnv = {}, int timeoutMs = 120000)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY");
    env.remove("WAYLAND_DISPLAY");
    env.remove("QT_QPA_PLATFORM");
    for (const QString& kv : extraEnv)
        env.insert(kv.section('=', 0, 0), kv.section('=', 1));
    p.setProcessEnvironment(env);
    p.start(GZ_TEST_GZPLAN, args);
    EXPECT_TRUE(p.waitForFinished(timeoutMs)) << args.join(' ').toStdString();
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

/// Starts `gzplan actuals import …` (args after "actuals import") held inside its transaction for pauseMs
/// (GZPLAN_TEST_IMPORT_PAUSE_MS) and returns once it says it is entering the rows: a test then kills it, interrupts
/// it or stops its server. False (a test failure said) when it did not get there.
inline bool startHeldImport(QProcess& p, const QStringList& args, int pauseMs = 6000)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("GZPLAN_TEST_IMPORT_PAUSE_MS", QString::number(pauseMs));
    env.remove("DISPLAY");
    p.setProcessEnvironment(env);
    p.start(GZ_TEST_GZPLAN, QStringList{"actuals", "import"} + args);
    if (!p.waitForStarted()) {
        ADD_FAILURE() << "gzplan did not start";
        return false;
    }
    // it says when it starts entering (handlers installed, the file read and checked); the rows go in inside the
    // transaction, then it waits pauseMs before committing
    QByteArray said;
    while (!said.contains("entering") && p.state() == QProcess::Running && p.waitForReadyRead(30000))
        said += p.readAllStandardOutput();
    if (!said.contains("entering")) {
        ADD_FAILURE() << "the import did not start entering: " << said.toStdString() << p.readAllStandardError().toStdString();
        return false;
    }
    return true;
}

/// runGzplan with the default timeout: what most tests call.
inline GzplanResult gzplan(const QStringList& args, const QStringList& extraEnv = {}) { return runGzplan(args, extraEnv); }

}  // namespace test
