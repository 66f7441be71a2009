// The dashboard verb: the figures of the dashboard page as JSON or text.

#include "CommandLine.h"
#include "core/PartialDate.h"
#include "db/DashboardQueries.h"
#include "db/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::CommandLine", text);
}

// A whole number of days from 0 to ten years; false with *error set otherwise.
bool readDays(const QCommandLineParser& p, const QString& name, int* days, QString* error)
{
    if (!p.isSet(name))
        return true;
    bool ok = false;
    const int value = p.value(name).toInt(&ok);
    if (!ok || value < 0 || value > 3650) {
        *error = tr("dashboard: --%1 must be a whole number of days from 0 to 3650, not “%2”")
                     .arg(name, p.value(name));
        return false;
    }
    *days = value;
    return true;
}

QJsonValue percent(double pct)
{
    if (pct < 0)
        return QJsonValue(); // no action plan: null, not 0 %
    return qRound(pct * 10) / 10.0;
}

} // namespace

int CommandLine::runDashboard(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption(dbOption());
    p.addOption(
        {QStringLiteral("as-of"), tr("Figures as of this date (YYYY-MM-DD); default today."), tr("DATE")});
    p.addOption(
        {QStringLiteral("stale-days"), tr("Stale: no update for this many days (default 90)."), tr("N")});
    p.addOption({QStringLiteral("due-soon-days"), tr("Due soon: target within this many days (default 30)."),
                 tr("N")});
    p.addOption({QStringLiteral("format"), tr("json or text."), tr("FORMAT"), QStringLiteral("json")});
    int code = Ok;
    if (!parse(p, args, &code))
        return code;
    DashboardParams params;
    QString path;
    if (!readCommonOptions(p, QStringLiteral("dashboard"), {QStringLiteral("json"), QStringLiteral("text")},
                           &params.asOf, &path, &code))
        return code;
    QString error;
    if (!readDays(p, QStringLiteral("stale-days"), &params.staleDays, &error) ||
        !readDays(p, QStringLiteral("due-soon-days"), &params.dueSoonDays, &error))
        return usage(error);

    Database db;
    if (!db.openForReading(path))
        return dataError(db.errorString());
    DashboardQueries queries(db.connection());
    DashboardSnapshot snapshot;
    if (!queries.load(&snapshot))
        return dataError(tr("%1: %2").arg(path, queries.errorString()));
    const DashboardFigures f = snapshot.compute(params);

    if (p.value(QStringLiteral("format")) == QLatin1String("text")) {
        m_out
            << tr("As of %1 (stale: no update for %2 days; due soon: within %3 days)\n")
                   .arg(PartialDate::dayString(params.asOf))
                   .arg(params.staleDays)
                   .arg(params.dueSoonDays)
            << tr("Open actions: %1 of %2\nOverdue: %3 (%4 with a revised target)\nDue soon: %5\nStale: %6\n"
                  "Ongoing or no target: %7\nRed: %8\nAmber: %9\n")
                   .arg(f.open)
                   .arg(f.actions)
                   .arg(f.overdue)
                   .arg(f.overdueRevised)
                   .arg(f.dueSoon)
                   .arg(f.stale)
                   .arg(f.noTarget)
                   .arg(f.red)
                   .arg(f.amber);
        const auto groups = [this](const QString& heading, const QVector<DashboardGroup>& list) {
            m_out << heading;
            for (const DashboardGroup& g : list)
                m_out << QStringLiteral("  %1: %2, %3, %4, %5\n")
                             .arg(g.name)
                             .arg(g.overdue)
                             .arg(g.red)
                             .arg(g.amber)
                             .arg(g.open);
        };
        groups(tr("By agency (overdue, red, amber, open):\n"), f.byAgency);
        groups(tr("By owner (overdue, red, amber, open):\n"), f.byOwner);
        m_out << tr("By review (overdue, recommendations complete):\n");
        for (const DashboardReview& r : f.byReview) {
            const QString done = r.completePct < 0 ? tr("no action plan")
                                                   : tr("%1 of %2 (%3%)")
                                                         .arg(r.recommendationsComplete)
                                                         .arg(r.recommendations)
                                                         .arg(qRound(r.completePct));
            m_out << QStringLiteral("  %1: %2, %3\n").arg(r.title).arg(r.overdue).arg(done);
        }
        return Ok;
    }

    QJsonArray byAgency;
    for (const DashboardGroup& g : f.byAgency)
        byAgency.append(QJsonObject{{QStringLiteral("agency"), g.name},
                                    {QStringLiteral("overdue"), g.overdue},
                                    {QStringLiteral("red"), g.red},
                                    {QStringLiteral("amber"), g.amber},
                                    {QStringLiteral("open"), g.open}});
    QJsonArray byReview;
    for (const DashboardReview& r : f.byReview)
        byReview.append(QJsonObject{{QStringLiteral("title"), r.title},
                                    {QStringLiteral("overdue"), r.overdue},
                                    {QStringLiteral("complete_pct"), percent(r.completePct)}});
    const QJsonObject o{{QStringLiteral("as_of"), params.asOf.toString(Qt::ISODate)},
                        {QStringLiteral("overdue"), f.overdue},
                        {QStringLiteral("due_soon"), f.dueSoon},
                        {QStringLiteral("stale"), f.stale},
                        {QStringLiteral("no_target"), f.noTarget},
                        {QStringLiteral("red"), f.red},
                        {QStringLiteral("amber"), f.amber},
                        {QStringLiteral("by_agency"), byAgency},
                        {QStringLiteral("by_review"), byReview}};
    m_out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
    return Ok;
}

} // namespace rt
