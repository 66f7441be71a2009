#include "GuiLauncher.h"

#include "MainWindow.h"
#include "TablePanel.h"
#include "db/Database.h"
#include "db/PlanQueries.h"
#include "io/SampleData.h"
#include "models/ActionTableModel.h"
#include "pages/ActionsPage.h"
#include "pages/DashboardPage.h"
#include "pages/ReviewPage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSettings>
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
    p.addOption({QStringLiteral("read-only"),
                 QApplication::translate("rt::GuiLauncher",
                                         "Open the database read-only (at the driver level): for reviewers, "
                                         "nothing can be changed.")});
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
    // Without --db the window reopens the last database used, if it is still
    // there; on the very first start, the sample.
    if (path.isEmpty()) {
        const QStringList recent = MainWindow::recentFiles();
        if (!recent.isEmpty() && QFileInfo::exists(recent.first()))
            path = recent.first();
    }
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
    if (!db->openForReading(path, p.isSet(QStringLiteral("read-only")))) {
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
    p.setApplicationDescription(QStringLiteral("Renders a view of the window offscreen to a PNG."));
    p.addHelpOption();
    p.addOption({QStringLiteral("db"), QStringLiteral("Database"), QStringLiteral("PATH")});
    p.addOption({QStringLiteral("view"),
                 QStringLiteral("dashboard, reviews, actions, meeting, s11, or review:REF (a review's id, "
                                "reference or title)"),
                 QStringLiteral("VIEW"), QStringLiteral("reviews")});
    p.addOption({QStringLiteral("out"), QStringLiteral("PNG file"), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("size"), QStringLiteral("WIDTHxHEIGHT"), QStringLiteral("SIZE"),
                 QStringLiteral("1400x900")});
    p.addOption({QStringLiteral("filter"), QStringLiteral("Filter text for the table shown"),
                 QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("select"),
                 QStringLiteral("With review:REF, the recommendation number to select, optionally "
                                "with an action number: 1 or 1/1.2"),
                 QStringLiteral("NUMBER")});
    p.addOption({QStringLiteral("tab"), QStringLiteral("With review:REF: plan, details, versions or links"),
                 QStringLiteral("TAB"), QStringLiteral("plan")});
    p.addOption({QStringLiteral("as-of"),
                 QStringLiteral("With dashboard or meeting: the as-of date, YYYY-MM-DD"),
                 QStringLiteral("DATE")});
    p.addOption({QStringLiteral("since"),
                 QStringLiteral("With meeting: the date of the last meeting, YYYY-MM-DD"),
                 QStringLiteral("DATE")});
    if (!p.parse(args))
        return fail(1, p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << p.helpText();
        return 0;
    }
    const QString path = p.value(QStringLiteral("db"));
    const QString out = p.value(QStringLiteral("out"));
    if (path.isEmpty() || out.isEmpty())
        return fail(1, QStringLiteral("screenshot: --db PATH and --out FILE.png are required"));
    const QString view = p.value(QStringLiteral("view"));
    const bool reviewView = view.startsWith(QLatin1String("review:"));
    static const QStringList views{QStringLiteral("dashboard"), QStringLiteral("reviews"),
                                   QStringLiteral("actions"), QStringLiteral("meeting"),
                                   QStringLiteral("s11")};
    if (!views.contains(view) && !reviewView)
        return fail(
            1, QStringLiteral(
                   "screenshot: --view must be dashboard, reviews, actions, meeting, s11 or review:REF"));
    QDate asOf = QDate::currentDate();
    QDate since;
    for (const auto& [name, date] : {std::pair<QString, QDate*>{QStringLiteral("as-of"), &asOf},
                                     std::pair<QString, QDate*>{QStringLiteral("since"), &since}}) {
        if (!p.isSet(name))
            continue;
        *date = QDate::fromString(p.value(name), Qt::ISODate);
        if (!date->isValid())
            return fail(1, QStringLiteral("screenshot: --%1 must be a date as YYYY-MM-DD, not “%2”")
                               .arg(name, p.value(name)));
    }
    static const QStringList tabs{QStringLiteral("plan"), QStringLiteral("details"),
                                  QStringLiteral("versions"), QStringLiteral("links")};
    const int tab = tabs.indexOf(p.value(QStringLiteral("tab")));
    if (tab < 0)
        return fail(1, QStringLiteral("screenshot: --tab must be plan, details, versions or links"));
    static const QRegularExpression sizeRe(QStringLiteral("^(\\d{3,5})x(\\d{3,5})$"));
    const auto m = sizeRe.match(p.value(QStringLiteral("size")));
    if (!m.hasMatch())
        return fail(1, QStringLiteral("screenshot: --size must look like 1400x900"));

    // A picture of the window as it first opens: none of the user's
    // remembered filters, recent files or window places, and none written.
    QCoreApplication::setApplicationName(QStringLiteral("review-tracker-screenshot"));
    QSettings().clear();

    auto db = std::make_unique<Database>();
    if (!db->openForReading(path))
        return fail(2, db->errorString());
    qint64 reviewId = 0;
    if (reviewView) {
        const QString ref = view.mid(int(qstrlen("review:")));
        reviewId = PlanQueries(db->connection()).findReview(ref);
        if (reviewId == 0)
            return fail(
                1,
                QStringLiteral("screenshot: no single review has the id, reference or title “%1”").arg(ref));
    }
    MainWindow window;
    window.setDatabase(std::move(db));
    window.resize(m.captured(1).toInt(), m.captured(2).toInt());
    window.show();
    if (view == QLatin1String("dashboard")) {
        window.showDashboard();
        window.dashboard()->setAsOf(asOf);
        if (!window.dashboard()->reloadNow())
            return fail(2, QStringLiteral("screenshot: the dashboard could not be read"));
    } else if (view == QLatin1String("meeting") || view == QLatin1String("s11")) {
        if (!window.showStatusView(view, asOf, since))
            return fail(2, QStringLiteral("screenshot: the %1 page could not be shown").arg(view));
    } else if (view == QLatin1String("reviews")) {
        window.showReviews();
    } else if (view == QLatin1String("actions")) {
        window.showAllActions();
        if (p.isSet(QStringLiteral("filter"))) {
            ActionFilter filter;
            filter.text = p.value(QStringLiteral("filter"));
            window.actionsPage()->setFilter(filter);
        }
        window.actionsPage()->model()->waitForCount(10000);
    } else {
        ReviewPage* page = window.openReview(reviewId);
        page->showTab(tab);
        if (p.isSet(QStringLiteral("select"))) {
            const QStringList parts = p.value(QStringLiteral("select")).split(QLatin1Char('/'));
            if (!page->selectByNumber(parts.value(0), parts.value(1)))
                return fail(1, QStringLiteral("screenshot: “%1” is not a recommendation (and action) of that "
                                              "review")
                                   .arg(p.value(QStringLiteral("select"))));
        }
        if (p.isSet(QStringLiteral("filter")))
            page->recommendationsPanel()->filterEdit()->setText(p.value(QStringLiteral("filter")));
    }
    QApplication::processEvents();
    if (!window.grab().save(out, "PNG"))
        return fail(2, QStringLiteral("%1: cannot write the PNG").arg(out));
    return 0;
}

} // namespace rt
