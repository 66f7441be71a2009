#include "GuiLauncher.h"

#include "MainWindow.h"
#include "db/Database.h"
#include "io/SampleData.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QMessageBox>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTableView>
#include <QTextStream>
#include <cstdio>

namespace rt {

namespace {

int fail(int code, const QString& message)
{
    QTextStream err(stderr);
    err << "review-tracker: " << message << '\n';
    return code;
}

} // namespace

// First start: the user's data folder gets a database with the sample data,
// so the window opens on real plans rather than on nothing.
QString GuiLauncher::defaultDatabase(QString* error)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    const QString path = dir + QStringLiteral("/sample.rtdb");
    if (QFileInfo::exists(path))
        return path;
    return SampleData::createDatabase(path, error) ? path : QString();
}

int GuiLauncher::run(const QStringList& args)
{
    if (args.size() > 1 && args.at(1) == QLatin1String("screenshot")) {
        QStringList rest = args;
        rest.removeAt(1);
        return runScreenshot(rest);
    }
    QStringList rest = args;
    if (rest.size() > 1 && rest.at(1) == QLatin1String("gui"))
        rest.removeAt(1);
    return runGui(rest);
}

int GuiLauncher::runGui(const QStringList& args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QApplication::translate("rt::GuiLauncher", "Review Tracker"));
    p.addHelpOption();
    p.addVersionOption();
    p.addOption({QStringLiteral("db"), QApplication::translate("rt::GuiLauncher", "The database to open."),
                 QStringLiteral("PATH")});
    if (!p.parse(args))
        return fail(1, p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << p.helpText()
                            << "\nCommands: gui, init, stats, overdue, generate, screenshot\n";
        return 0;
    }
    if (p.isSet(QStringLiteral("version"))) {
        QTextStream(stdout) << QApplication::applicationName() << ' ' << QApplication::applicationVersion()
                            << '\n';
        return 0;
    }
    if (!p.positionalArguments().isEmpty())
        return fail(1,
                    QApplication::translate("rt::GuiLauncher", "unknown command “%1”; use gui, init, stats, "
                                                               "overdue, generate or screenshot")
                        .arg(p.positionalArguments().first()));

    QString path = p.value(QStringLiteral("db"));
    QString error;
    if (path.isEmpty()) {
        path = defaultDatabase(&error);
        if (path.isEmpty()) {
            QMessageBox::critical(nullptr, QApplication::translate("rt::GuiLauncher", "Review Tracker"),
                                  error);
            return fail(2, error);
        }
    }
    auto db = std::make_unique<Database>();
    // A read-only file opens read-only, and the window says so.
    if (!db->openForReading(path)) {
        QMessageBox::critical(nullptr, QApplication::translate("rt::GuiLauncher", "Cannot open database"),
                              db->errorString());
        return fail(2, db->errorString());
    }
    MainWindow window;
    window.setDatabase(std::move(db));
    window.show();
    return QApplication::exec();
}

int GuiLauncher::runScreenshot(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("db"), QStringLiteral("Database"), QStringLiteral("PATH")});
    p.addOption({QStringLiteral("view"), QStringLiteral("reviews or actions"), QStringLiteral("VIEW"),
                 QStringLiteral("actions")});
    p.addOption({QStringLiteral("out"), QStringLiteral("PNG file"), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("size"), QStringLiteral("WIDTHxHEIGHT"), QStringLiteral("SIZE"),
                 QStringLiteral("1400x900")});
    p.addOption({QStringLiteral("filter"), QStringLiteral("Filter text for the actions table"),
                 QStringLiteral("TEXT")});
    if (!p.parse(args))
        return fail(1, p.errorText());
    const QString path = p.value(QStringLiteral("db"));
    const QString out = p.value(QStringLiteral("out"));
    if (path.isEmpty() || out.isEmpty())
        return fail(1, QStringLiteral("screenshot: --db PATH and --out FILE.png are required"));
    const QString view = p.value(QStringLiteral("view"));
    if (view != QLatin1String("actions") && view != QLatin1String("reviews"))
        return fail(1, QStringLiteral("screenshot: --view must be reviews or actions"));
    static const QRegularExpression sizeRe(QStringLiteral("^(\\d{3,5})x(\\d{3,5})$"));
    const auto m = sizeRe.match(p.value(QStringLiteral("size")));
    if (!m.hasMatch())
        return fail(1, QStringLiteral("screenshot: --size must look like 1400x900"));

    auto db = std::make_unique<Database>();
    if (!db->openForReading(path))
        return fail(2, db->errorString());
    MainWindow window;
    window.setDatabase(std::move(db));
    window.resize(m.captured(1).toInt(), m.captured(2).toInt());
    if (p.isSet(QStringLiteral("filter")))
        window.filterEdit()->setText(p.value(QStringLiteral("filter")));
    window.show();
    if (view == QLatin1String("reviews"))
        window.reviewsView()->setFocus();
    else
        window.actionsView()->setFocus();
    QApplication::processEvents();
    if (!window.grab().save(out, "PNG"))
        return fail(2, QStringLiteral("%1: cannot write the PNG").arg(out));
    return 0;
}

} // namespace rt
