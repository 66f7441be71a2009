#pragma once

#include <QStringList>

namespace rt {

// The verbs that need a window: `gui` (the default) and `screenshot`.
class GuiLauncher
{
public:
    // Needs a QApplication; returns the process exit code.
    static int run(const QStringList& args);
    // The database a first start opens: sample.rtdb in the user's data
    // folder, created with the sample data when it is not there yet.
    static QString defaultDatabase(QString* error);

private:
    static int runGui(const QStringList& args);
    static int runScreenshot(const QStringList& args);
};

} // namespace rt
