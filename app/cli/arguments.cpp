#include "cli/arguments.h"

namespace app::cli {

namespace {
// Options that take a value; every other --word is a flag.
const QSet<QString> kWithValue{"data", "share", "out", "size", "dpi", "crs", "scope", "id", "plan", "view", "lang", "find", "layer", "format", "encoding", "csv-geometry", "page", "add", "style-field", "extent", "repeat"};
}  // namespace

Arguments Arguments::parse(int argc, char** argv)
{
    Arguments a;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg.startsWith("--")) {
            QString name = arg.mid(2);
            QString value;
            const int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.mid(eq + 1);
                name = name.left(eq);
                a.values[name] = value;
                a.lists[name] << value;
            } else if (kWithValue.contains(name) && i + 1 < argc) {
                a.values[name] = QString::fromLocal8Bit(argv[++i]);
                a.lists[name] << a.values[name];
            } else {
                a.flags.insert(name);
            }
        } else if (arg == "-h") {
            a.flags.insert("help");
        } else if (a.command.isEmpty()) {
            a.command = arg;
        } else {
            a.positional << arg;
        }
    }
    return a;
}

}  // namespace app::cli
