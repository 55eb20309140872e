#pragma once
// Files a test puts in place before running a command on them.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>

#include <gtest/gtest.h>

namespace test {

/// Writes bytes to file, making its folder first; false, with a test failure naming the file, if it cannot.
inline bool writeFile(const QString& file, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(file).absolutePath());
    QFile f(file);
    if (f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size())
        return true;
    ADD_FAILURE() << "cannot write " << file.toStdString() << ": " << f.errorString().toStdString();
    return false;
}

}  // namespace test
