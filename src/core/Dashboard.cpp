#include "Dashboard.h"

#include <QCoreApplication>
#include <algorithm>

namespace rt {

namespace {

void countInto(DashboardGroup& g, const DashboardSnapshot::Action& a, bool overdue, bool dueSoon, bool stale)
{
    ++g.open;
    g.overdue += overdue;
    g.dueSoon += dueSoon;
    g.stale += stale;
    g.noTarget += a.noTarget;
    switch (a.rag) {
    case 'r':
        ++g.red;
        break;
    case 'a':
        ++g.amber;
        break;
    case 'g':
        ++g.green;
        break;
    case 'b':
        ++g.blue;
        break;
    default:
        ++g.unrated;
    }
}

// Groups with no open action say nothing on a status page; the rest read
// worst first.
QVector<DashboardGroup> ranked(QVector<DashboardGroup> groups)
{
    groups.erase(
        std::remove_if(groups.begin(), groups.end(), [](const DashboardGroup& g) { return g.open == 0; }),
        groups.end());
    std::stable_sort(groups.begin(), groups.end(), [](const DashboardGroup& a, const DashboardGroup& b) {
        if (a.overdue != b.overdue)
            return a.overdue > b.overdue;
        if (a.red + a.amber != b.red + b.amber)
            return a.red + a.amber > b.red + b.amber;
        if (a.open != b.open)
            return a.open > b.open;
        return a.name.localeAwareCompare(b.name) < 0;
    });
    return groups;
}

QVector<DashboardGroup> groupsFor(const QVector<DashboardSnapshot::Named>& named, const QString& noneName)
{
    QVector<DashboardGroup> groups(named.size() + 1);
    for (int i = 0; i < named.size(); ++i) {
        groups[i].id = named.at(i).id;
        groups[i].name = named.at(i).name;
        groups[i].shortName = named.at(i).shortName;
    }
    groups.last().name = noneName;
    return groups;
}

} // namespace

QString DashboardSnapshot::noAgencyName()
{
    return QCoreApplication::translate("rt::Dashboard", "No agency");
}

QString DashboardSnapshot::noOwnerName()
{
    return QCoreApplication::translate("rt::Dashboard", "No owner");
}

QString DashboardSnapshot::noThemeName()
{
    return QCoreApplication::translate("rt::Dashboard", "No theme");
}

DashboardFigures DashboardSnapshot::compute(const DashboardParams& params) const
{
    DashboardFigures f;
    f.params = params;
    f.actions = actions;
    const qint64 asOf = params.asOf.toJulianDay();
    const qint64 soonLimit = asOf + params.dueSoonDays;
    const qint64 staleBefore = asOf - params.staleDays;

    QVector<DashboardGroup> byAgency = groupsFor(agencies, noAgencyName());
    QVector<DashboardGroup> byOwner = groupsFor(owners, noOwnerName());
    QVector<DashboardGroup> byTheme = groupsFor(themes, noThemeName());
    QVector<DashboardGroup> byReview(reviews.size());
    QVector<QPair<qint64, qint64>> overdueDue; // due, id

    DashboardGroup total;
    for (const Action& a : open) {
        const bool overdue = a.due != 0 && a.due < asOf;
        const bool dueSoon = a.due != 0 && a.due >= asOf && a.due <= soonLimit;
        const bool stale = a.lastUpdate == 0 || a.lastUpdate < staleBefore;
        countInto(total, a, overdue, dueSoon, stale);
        if (overdue) {
            overdueDue.append({a.due, a.id});
            f.overdueRevised += a.revised;
        }
        countInto(a.agency >= 0 ? byAgency[a.agency] : byAgency.last(), a, overdue, dueSoon, stale);
        if (a.ownerBegin == a.ownerEnd)
            countInto(byOwner.last(), a, overdue, dueSoon, stale);
        for (int i = a.ownerBegin; i < a.ownerEnd; ++i)
            countInto(byOwner[ownerIndex.at(i)], a, overdue, dueSoon, stale);
        if (a.themeBegin == a.themeEnd)
            countInto(byTheme.last(), a, overdue, dueSoon, stale);
        for (int i = a.themeBegin; i < a.themeEnd; ++i)
            countInto(byTheme[themeIndex.at(i)], a, overdue, dueSoon, stale);
        countInto(byReview[a.review], a, overdue, dueSoon, stale);
    }
    f.open = total.open;
    f.overdue = total.overdue;
    f.dueSoon = total.dueSoon;
    f.stale = total.stale;
    f.noTarget = total.noTarget;
    f.red = total.red;
    f.amber = total.amber;
    f.green = total.green;
    f.blue = total.blue;
    f.unrated = total.unrated;
    f.byAgency = ranked(byAgency);
    f.byOwner = ranked(byOwner);
    f.byTheme = ranked(byTheme);

    f.byReview.reserve(reviews.size());
    for (int i = 0; i < reviews.size(); ++i) {
        const Review& r = reviews.at(i);
        DashboardReview out;
        out.id = r.id;
        out.title = r.title;
        out.kind = r.kind;
        out.recommendations = r.recommendations;
        out.recommendationsComplete = r.recommendationsComplete;
        out.actions = r.actions;
        out.open = byReview.at(i).open;
        out.overdue = byReview.at(i).overdue;
        out.red = byReview.at(i).red;
        out.amber = byReview.at(i).amber;
        if (r.recommendations > 0)
            out.completePct = 100.0 * r.recommendationsComplete / r.recommendations;
        f.byReview.append(out);
    }

    std::sort(overdueDue.begin(), overdueDue.end());
    f.overdueActions.reserve(overdueDue.size());
    for (const auto& p : overdueDue)
        f.overdueActions.append(p.second);
    return f;
}

} // namespace rt
