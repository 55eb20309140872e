#include "gui/settings.h"

#include <QFileInfo>
#include <QSettings>

namespace app::gui::settings {

namespace {
// Named explicitly rather than through QCoreApplication's organisation and application names: the tests and the
// module set those differently, and the settings must be the same file for every entry point.
QSettings store()
{
    return QSettings(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("gzplan"), QStringLiteral("gzplan"));
}

QString key(Folder dialog)
{
    switch (dialog) {
    case Folder::AddLayer: return QStringLiteral("folders/addLayer");
    case Folder::ExportData: return QStringLiteral("folders/exportData");
    case Folder::ExportMap: return QStringLiteral("folders/exportMap");
    case Folder::Project: return QStringLiteral("folders/project");
    }
    return {};
}
}  // namespace

QString lastFolder(Folder dialog)
{
    const QString folder = store().value(key(dialog)).toString();
    // A folder removed or unmounted since would open the dialog somewhere arbitrary: fall back to its default.
    return !folder.isEmpty() && QFileInfo(folder).isDir() ? folder : QString();
}

void rememberFolder(Folder dialog, const QString& path)
{
    if (path.isEmpty())
        return;
    const QFileInfo info(path);
    store().setValue(key(dialog), info.isDir() ? info.absoluteFilePath() : info.absolutePath());
}

QString language()
{
    const QString stored = store().value(QStringLiteral("language")).toString();
    return stored == "zh" || stored == "en" ? stored : QString();  // a hand-edited value is not a language
}

void setLanguage(const QString& language)
{
    store().setValue(QStringLiteral("language"), language);
}

QByteArray windowGeometry()
{
    return store().value(QStringLiteral("window/geometry")).toByteArray();
}

QByteArray windowState()
{
    return store().value(QStringLiteral("window/state")).toByteArray();
}

void setWindowLayout(const QByteArray& geometry, const QByteArray& state)
{
    QSettings s = store();
    s.setValue(QStringLiteral("window/geometry"), geometry);
    s.setValue(QStringLiteral("window/state"), state);
}

}  // namespace app::gui::settings
