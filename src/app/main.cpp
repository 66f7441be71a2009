#include "cli/CommandLine.h"
#include "gui/GuiLauncher.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>
#include <cstdio>
#include <memory>

namespace {

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("ReviewTracker"));
    QCoreApplication::setApplicationName(QStringLiteral("review-tracker"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RT_VERSION));
}

QStringList argumentsOf(int argc, char** argv)
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    return args;
}

} // namespace

int main(int argc, char** argv)
{
    const QStringList args = argumentsOf(argc, argv);
    // Verbs that print figures need no display: they run on QCoreApplication
    // so they work over ssh and in CI.
    if (rt::CommandLine::handles(args)) {
        // export lays out PDF papers, which needs fonts: a QGuiApplication on
        // the offscreen platform, which needs no display either.
        std::unique_ptr<QCoreApplication> app;
        if (args.at(1) == QLatin1String("export")) {
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            app = std::make_unique<QGuiApplication>(argc, argv);
        } else {
            app = std::make_unique<QCoreApplication>(argc, argv);
        }
        describeApplication();
        QTextStream out(stdout);
        QTextStream err(stderr);
        rt::CommandLine cli(out, err);
        return cli.run(app->arguments());
    }
    if (args.size() > 1 && args.at(1) == QLatin1String("screenshot") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    describeApplication();
    return rt::GuiLauncher::run(app.arguments());
}
