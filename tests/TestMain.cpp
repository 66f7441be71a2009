#include <QApplication>
#include <QSettings>
#include <QTemporaryDir>
#include <gtest/gtest.h>

// One QApplication for every suite: the model and window tests need a GUI
// application, and the offscreen platform lets them run without a display —
// also when CTest runs the binary at build time to list its tests.
int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ReviewTrackerTests"));
    QApplication::setApplicationName(QStringLiteral("review-tracker-tests"));
    // Settings (remembered filters, recent files, window places) live in a
    // folder of this run only: CTest runs tests in parallel processes, and
    // one test's remembered filter must not narrow another's table.
    QTemporaryDir settingsDir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
