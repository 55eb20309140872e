#include "render/map_fonts.h"

#include <mutex>

#include <QDir>
#include <QFontDatabase>
#include <QSet>

namespace app::render {

namespace {
std::mutex g_mutex;
QSet<QString> g_copies;  ///< families of the registered copies
}  // namespace

QStringList registerMapFonts(const QString& folder)
{
    const QDir dir(folder);
    const QStringList files = dir.entryList({QStringLiteral("*.otf")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        return {QStringLiteral("%1: no map font (build the target pdf_fonts)").arg(folder)};
    QStringList problems;
    for (const QString& file : files) {
        const int id = QFontDatabase::addApplicationFont(dir.filePath(file));
        const QStringList families = id < 0 ? QStringList() : QFontDatabase::applicationFontFamilies(id);
        if (families.isEmpty()) {
            problems << QStringLiteral("%1: Qt cannot read this font").arg(dir.filePath(file));
            continue;
        }
        std::lock_guard lock(g_mutex);
        for (const QString& family : families)
            if (family.startsWith(QLatin1String(kMapFontPrefix)))
                g_copies.insert(family);
    }
    return problems;
}

QString mapFontFamily(const QString& styleFamily)
{
    const QString copy = QLatin1String(kMapFontPrefix) + styleFamily;
    std::lock_guard lock(g_mutex);
    return g_copies.contains(copy) ? copy : styleFamily;
}

}  // namespace app::render
