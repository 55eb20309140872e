#include "cli/arguments.h"

#include "cli/command_line.h"

namespace app::cli {

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
            } else if (kOptionsWithValue.contains(name.toStdString()) && i + 1 < argc) {
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
