#pragma once
// The language maps are drawn in: that of the installed translator (the window's language; `gzplan render
// --lang en`). Names come from the data in both languages (share/plan/names_en.csv and the tables' name_en);
// inLanguage picks one, falling back to the Chinese where a name has no English form.

#include <QCoreApplication>
#include <QString>

namespace app::render {

/// True when the installed translator draws maps in English.
inline bool englishMap()
{
    return QCoreApplication::translate("app::render::Language", "中文") == QLatin1String("English");
}

inline QString inLanguage(const QString& zh, const QString& en) { return englishMap() && !en.isEmpty() ? en : zh; }

}  // namespace app::render
