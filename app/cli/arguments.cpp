#include "cli/arguments.h"

namespace app::cli {

namespace {
QString text(const std::string& s) { return QString::fromLocal8Bit(s.data(), static_cast<qsizetype>(s.size())); }
}  // namespace

Arguments::Arguments(CommandLine parsed) : line(std::move(parsed)), command(text(line.command))
{
    for (const std::string& p : line.positional)
        positional << text(p);
}

QString Arguments::value(const QString& name, const QString& fallback) const
{
    return has(name) ? text(line.value(name.toStdString())) : fallback;
}

QStringList Arguments::all(const QString& name) const
{
    QStringList values;
    for (const std::string& v : line.all(name.toStdString()))
        values << text(v);
    return values;
}

}  // namespace app::cli
