#pragma once
// Command-line arguments of gzplan: a command, positional arguments, --options with values and --flags.

#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

namespace app::cli {

struct Arguments {
    QString command;
    QStringList positional;
    QMap<QString, QString> values;  ///< --out, --size, --crs … without the dashes
    QSet<QString> flags;            ///< json, headless, no-labels, help, force

    static Arguments parse(int argc, char** argv);
    QString value(const QString& name, const QString& fallback = {}) const { return values.value(name, fallback); }
    bool flag(const QString& name) const { return flags.contains(name); }
};

}  // namespace app::cli
