#pragma once

#include <QDate>
#include <QString>
#include <QStringList>
#include <QVector>

namespace rt {

// What the dashboard is computed for: the as-of date and the two thresholds.
struct DashboardParams
{
    QDate asOf;
    int staleDays = 90;   // no progress update for this many days
    int dueSoonDays = 30; // original target within this many days from as-of
};

// The counts of one group of open actions (an agency, an owner, a theme).
struct DashboardGroup
{
    qint64 id = 0; // 0: the actions with none
    QString name;
    QString shortName; // agencies only; empty otherwise
    int open = 0;
    int overdue = 0;
    int dueSoon = 0;
    int stale = 0;
    int noTarget = 0;
    int red = 0;
    int amber = 0;
    int green = 0;
    int blue = 0;
    int unrated = 0;
};

// One review's progress. completePct is the share of its recommendations
// that are complete (every action Complete or Superseded), over the
// recommendations that have actions; -1 when none has (no action plan).
struct DashboardReview
{
    qint64 id = 0;
    QString title;
    QString kind;            // short label
    int recommendations = 0; // with at least one action
    int recommendationsComplete = 0;
    int actions = 0;
    int open = 0;
    int overdue = 0;
    int red = 0;
    int amber = 0;
    double completePct = -1;
};

struct DashboardFigures
{
    DashboardParams params;
    int actions = 0; // every action, open or closed
    int open = 0;
    int overdue = 0;
    int overdueRevised = 0; // overdue on the original target, with a revised one
    int dueSoon = 0;
    int stale = 0;
    int noTarget = 0; // Ongoing or no target
    int red = 0;
    int amber = 0;
    int green = 0;
    int blue = 0;
    int unrated = 0;
    QVector<DashboardGroup> byAgency; // most overdue first
    QVector<DashboardGroup> byOwner;
    QVector<DashboardGroup> byTheme;
    QVector<DashboardReview> byReview; // in the reviews' own order
    QVector<qint64> overdueActions;    // most days overdue first
};

// Every open action reduced to what the dashboard counts, read once from the
// database (DashboardQueries::load) and then recounted in memory for each
// as-of date: 300,000 actions recount in a few milliseconds, where the same
// figures in SQL take several hundred (docs/PERFORMANCE.md). Dates are Julian
// day numbers, 0 when absent.
class DashboardSnapshot
{
public:
    struct Action
    {
        qint64 id = 0;
        qint64 due = 0;        // original target's due day; 0 none
        qint64 lastUpdate = 0; // latest dated progress update; 0 never
        int review = 0;        // index into reviews
        int agency = -1;       // index into agencies; -1 none
        int ownerBegin = 0;    // owners: ownerIndex[ownerBegin, ownerEnd)
        int ownerEnd = 0;
        int themeBegin = 0; // themes: themeIndex[themeBegin, themeEnd)
        int themeEnd = 0;
        char rag = 0; // 'r', 'a', 'g', 'b' or 0
        bool noTarget = false;
        bool revised = false; // has a revised target
    };
    struct Named
    {
        qint64 id = 0;
        QString name;
        QString shortName; // agencies: "GSCP"; others empty
    };
    struct Review
    {
        qint64 id = 0;
        QString title;
        QString kind;
        int recommendations = 0; // with actions
        int recommendationsComplete = 0;
        int actions = 0;
    };

    QVector<Action> open;
    QVector<int> ownerIndex; // indices into owners, per action range
    QVector<int> themeIndex; // indices into themes, per action range
    QVector<Named> agencies;
    QVector<Named> owners;
    QVector<Named> themes;
    QVector<Review> reviews;
    int actions = 0;

    DashboardFigures compute(const DashboardParams& params) const;

    static QString noAgencyName();
    static QString noOwnerName();
    static QString noThemeName();
};

} // namespace rt
