#pragma once
// What the window keeps between sessions (QSettings, organisation and application "gzplan"): the language, the
// window's geometry and dock layout, and the last folder of each file dialog. One place for the keys, so the
// window and the export dialog cannot disagree about them.

#include <QByteArray>
#include <QString>

namespace app::gui::settings {

/// The file dialogs that remember where the user last was, each on its own (layers are read from one place and
/// maps written to another).
enum class Folder { AddLayer, ExportData, ExportMap, Project };

/// The folder the dialog last used, or an empty string (the dialog's own default) when none is stored or the
/// stored one is gone.
QString lastFolder(Folder dialog);
/// Remembers the folder of a chosen file, or the folder itself when path is one.
void rememberFolder(Folder dialog, const QString& path);

/// "zh", "en" or an empty string when the user never chose one.
QString language();
void setLanguage(const QString& language);

QByteArray windowGeometry();
QByteArray windowState();
void setWindowLayout(const QByteArray& geometry, const QByteArray& state);

}  // namespace app::gui::settings
