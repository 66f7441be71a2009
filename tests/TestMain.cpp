#include <QApplication>
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
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
