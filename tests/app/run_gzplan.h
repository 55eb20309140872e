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

/// runGzplan with the default timeout: what most tests call.
inline GzplanResult gzplan(const QStringList& args, const QStringList& extraEnv = {}) { return runGzplan(args, extraEnv); }

}  // namespace test
