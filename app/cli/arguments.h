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
    QMap<QString, QStringList> lists;  ///< every value of an option given several times (--add a --add b), in order
    QSet<QString> flags;            ///< json, headless, no-labels, help, force

    static Arguments parse(int argc, char** argv);
    QString value(const QString& name, const QString& fallback = {}) const { return values.value(name, fallback); }
    bool flag(const QString& name) const { return flags.contains(name); }
    QStringList all(const QString& name) const { return lists.value(name); }
};

}  // namespace app::cli
