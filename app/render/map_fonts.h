#pragma once
// The map's label fonts made at build time (share/scripts/pdf_font.py): copies of the style's CJK font whose PDF
// text is the characters drawn (the system's Noto Sans CJK puts Kangxi radicals, ⽀ for 支, into PDF text).
// The style stays the one place a font is named: it names the system family, and the app draws with the copy.

#include <QString>
#include <QStringList>

namespace app::render {

/// The prefix of a copy's family: "GZ Noto Sans CJK SC" is the copy of "Noto Sans CJK SC".
inline constexpr char kMapFontPrefix[] = "GZ ";

/// Registers every *.otf of folder with QFontDatabase (needs a QGuiApplication). Returns the problems (a missing
/// folder or file, a font Qt refuses), empty when all went well; the map then uses the system fonts.
QStringList registerMapFonts(const QString& folder);

/// The family to draw a style's family with: its registered copy, else the family itself.
QString mapFontFamily(const QString& styleFamily);

}  // namespace app::render
