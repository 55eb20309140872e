#pragma once
// The parsed command line (cli/command_line.h, the one grammar) seen through QString, for the Qt commands. It
// parses nothing itself: it converts what CommandLine::parse read (local 8-bit encoding to QString).

#include <QString>
#include <QStringList>

#include "cli/command_line.h"

namespace app::cli {

struct Arguments {
    CommandLine line;
    QString command;
    QStringList positional;

    explicit Arguments(CommandLine parsed);
    QString value(const QString& name, const QString& fallback = {}) const;
    bool has(const QString& name) const { return line.has(name.toStdString()); }
    bool flag(const QString& name) const { return line.flag(name.toStdString()); }
    /// Every value of a repeatable option (--add a --add b), in order.
    QStringList all(const QString& name) const;
};

}  // namespace app::cli
