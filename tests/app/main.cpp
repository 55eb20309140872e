// Widget and render tests run on Qt's offscreen platform with one QApplication for the whole binary.
#include <gtest/gtest.h>

#include <QApplication>
#include <QSettings>
#include <QTemporaryDir>

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // The window's kept settings (language, layout, last folders) go to a folder of this process, never the user's:
    // QSettings directly, and the gzplan processes the tests start through XDG_CONFIG_HOME. One folder per process,
    // as ctest runs tests in parallel processes and one test's language must not leak into another.
    QTemporaryDir settings;
    if (!settings.isValid())
        return 1;
    qputenv("XDG_CONFIG_HOME", settings.path().toLocal8Bit());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings.path());
    ::testing::InitGoogleTest(&argc, argv);
    QApplication app(argc, argv);
    QApplication::setQuitOnLastWindowClosed(false);  // a test closing its window (to keep its layout) is not the end
    return RUN_ALL_TESTS();
}
