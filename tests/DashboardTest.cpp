// The dashboard figures. On the sample data they are checked against the two
// action plans as published (seeds 002, Child X, and 004, Philip), read by
// hand as of 30/06/2024:
// - Philip (2016): 16 actions, none marked done; 14 have 2017 targets and 2
//   are "Ongoing". All 14 dated ones are overdue.
// - Child X (2023): 16 actions; 5.1 "Complete" and 9.1 "Completed"; 1.3-1.5
//   have no target; 1.1, 6.1, 7.1, 10.1 (March 2024) and 2.1, 8.1 (April 2024)
//   are past due and not complete: 6 overdue. The rest are due in 2024 or Dec 2024.

#include "core/Dashboard.h"

#include "TestSupport.h"
#include "db/DashboardQueries.h"
#include "db/StatusQueries.h"
#include "db/UpdateRepository.h"
#include "models/ActionTableModel.h"

#include <QSqlError>
#include <QSqlQuery>
#include <functional>
#include <gtest/gtest.h>

using namespace rt;

namespace {

void exec(Database& db, const QString& sql)
{
    QSqlQuery q(db.connection());
    ASSERT_TRUE(q.exec(sql)) << sql.toStdString() << ": " << q.lastError().text().toStdString();
}

class DashboardTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        db = test::sampleDatabase(dir.file(QStringLiteral("sample.rtdb")));
        ASSERT_TRUE(db);
        reload();
    }

    void reload()
    {
        DashboardQueries queries(db->connection());
        ASSERT_TRUE(queries.load(&snapshot)) << queries.errorString().toStdString();
    }

    DashboardFigures at(const char* isoDate, int staleDays = 90, int dueSoonDays = 30) const
    {
        DashboardParams p;
        p.asOf = QDate::fromString(QLatin1String(isoDate), Qt::ISODate);
        p.staleDays = staleDays;
        p.dueSoonDays = dueSoonDays;
        return snapshot.compute(p);
    }

    const DashboardReview* review(const DashboardFigures& f, const QString& title) const
    {
        for (const DashboardReview& r : f.byReview) {
            if (r.title == title)
                return &r;
        }
        return nullptr;
    }

    const DashboardGroup* group(const QVector<DashboardGroup>& groups, const QString& name) const
    {
        for (const DashboardGroup& g : groups) {
            if (g.name == name)
                return &g;
        }
        return nullptr;
    }

    test::TempDir dir;
    std::unique_ptr<Database> db;
    DashboardSnapshot snapshot;
};

TEST_F(DashboardTest, SampleFiguresAtTheEndOfJune2024MatchThePublishedPlans)
{
    const DashboardFigures f = at("2024-06-30");
    EXPECT_EQ(f.actions, 32);
    EXPECT_EQ(f.open, 30);    // all but Child X 5.1 and 9.1
    EXPECT_EQ(f.overdue, 20); // 14 Philip + 6 Child X
    EXPECT_EQ(f.noTarget, 5); // Child X 1.3-1.5, Philip's two "Ongoing"
    EXPECT_EQ(f.dueSoon, 0);  // nothing falls due in July 2024
    EXPECT_EQ(f.overdueRevised, 0);
    EXPECT_EQ(f.red, 0); // neither plan gives RAG ratings
    EXPECT_EQ(f.amber, 0);
    EXPECT_EQ(f.unrated, 30);

    const DashboardReview* childX = review(f, QStringLiteral("Child X"));
    const DashboardReview* philip = review(f, QStringLiteral("Philip"));
    ASSERT_TRUE(childX && philip);
    EXPECT_EQ(childX->overdue, 6);
    EXPECT_EQ(philip->overdue, 14);
    // Child X: 16 recommendations with an action each, 5.1 and 9.1 complete.
    EXPECT_EQ(childX->recommendations, 16);
    EXPECT_EQ(childX->recommendationsComplete, 2);
    EXPECT_DOUBLE_EQ(childX->completePct, 12.5);
    // Philip's actions answer findings 2, 4, 6 and 8; none is complete.
    EXPECT_EQ(philip->recommendations, 4);
    EXPECT_DOUBLE_EQ(philip->completePct, 0.0);
    // The S11 audit's recommendations have no actions yet: no plan, not 0 %.
    const DashboardReview* s11 =
        review(f, QStringLiteral("Report of the Gloucestershire Section 11 Audit 2020"));
    ASSERT_TRUE(s11);
    EXPECT_LT(s11->completePct, 0);
}

TEST_F(DashboardTest, OverdueListAgreesWithTheOverdueRuleAndComesOldestFirst)
{
    const DashboardFigures f = at("2024-06-30");
    StatusQueries status(db->connection());
    QVector<OverdueAction> expected;
    ASSERT_TRUE(status.overdueActions(QDate(2024, 6, 30), &expected));
    ASSERT_EQ(f.overdueActions.size(), expected.size());
    QSet<qint64> ids;
    for (const OverdueAction& a : expected)
        ids.insert(a.actionId);
    for (qint64 id : f.overdueActions)
        EXPECT_TRUE(ids.contains(id)) << id;

    DashboardQueries queries(db->connection());
    QVector<DashboardActionRow> rows;
    ASSERT_TRUE(queries.actionRows(f.overdueActions, &rows));
    ASSERT_EQ(rows.size(), 20);
    // Philip's January 2017 action is the longest overdue.
    EXPECT_EQ(rows.first().review, QStringLiteral("Philip"));
    EXPECT_EQ(rows.first().target.due(), QDate(2017, 1, 31));
    EXPECT_EQ(rows.last().review, QStringLiteral("Child X"));
    EXPECT_EQ(rows.last().target.due(), QDate(2024, 4, 30));
    for (int i = 1; i < rows.size(); ++i)
        EXPECT_LE(rows.at(i - 1).target.due(), rows.at(i).target.due());
}

TEST_F(DashboardTest, SameCountsAsTheSqlRuleOnEveryDateOfTheYear)
{
    StatusQueries status(db->connection());
    for (QDate d(2016, 12, 1); d <= QDate(2025, 1, 31); d = d.addDays(17)) {
        DashboardParams p;
        p.asOf = d;
        EXPECT_EQ(snapshot.compute(p).overdue, status.overdueCount(d))
            << d.toString(Qt::ISODate).toStdString();
    }
}

TEST_F(DashboardTest, DueSoonCountsTargetsWithinTheWindowFromTheAsOfDate)
{
    // As of 15/03/2024 the March 2024 targets (due 31/03) are 16 days away:
    // Child X 1.1, 6.1, 7.1, 10.1 (5.1 and 9.1 are complete).
    EXPECT_EQ(at("2024-03-15").dueSoon, 4);
    EXPECT_EQ(at("2024-03-15", 90, 10).dueSoon, 0);
    // 45 days also reaches the April targets, 2.1 and 8.1.
    EXPECT_EQ(at("2024-03-15", 90, 46).dueSoon, 6);
}

TEST_F(DashboardTest, StaleCountsActionsWithNoUpdateInTheWindow)
{
    // One Child X action carries a dated update ("Feb 2024" = 29/02/2024); every
    // other open action has never had a dated update, so all 30 are stale on
    // a 90-day window, and 29 on a window reaching back before March.
    EXPECT_EQ(at("2024-06-30").stale, 30);
    EXPECT_EQ(at("2024-06-30", 200).stale, 29);

    // A new dated update makes its action fresh.
    const qint64 philipAction = test::scalar(
        *db, QStringLiteral(
                 "SELECT a.id FROM actions a JOIN reviews r ON r.id = a.review_id WHERE r.title = 'Philip' "
                 "ORDER BY a.id LIMIT 1"));
    UpdateRepository updates(db->connection());
    ASSERT_TRUE(updates.add(philipAction, QStringLiteral("2024-06-01"), QStringLiteral("QiiP"),
                            QStringLiteral("Information sharing guidance relaunched"), QString()))
        << updates.errorString().toStdString();
    reload();
    EXPECT_EQ(at("2024-06-30").stale, 29);
}

TEST_F(DashboardTest, BreakdownsByAgencyOwnerAndThemeCountOpenActions)
{
    const DashboardFigures f = at("2024-06-30");
    int open = 0, overdue = 0;
    for (const DashboardGroup& g : f.byAgency) {
        open += g.open;
        overdue += g.overdue;
    }
    // Each action has one agency (or none): the agencies add up to the total.
    EXPECT_EQ(open, f.open);
    EXPECT_EQ(overdue, f.overdue);
    // Worst first.
    for (int i = 1; i < f.byAgency.size(); ++i)
        EXPECT_GE(f.byAgency.at(i - 1).overdue, f.byAgency.at(i).overdue);

    // Kay Jones owns three Philip actions (one shared with the Business Unit),
    // all due in February or March 2017.
    const DashboardGroup* kay = group(f.byOwner, QStringLiteral("Kay Jones"));
    ASSERT_TRUE(kay);
    EXPECT_EQ(kay->open, 3);
    EXPECT_EQ(kay->overdue, 3);
    // GCC HoQ: Child X 6.1, 8.1 and 10.1, all past their March/April targets.
    const DashboardGroup* hoq = group(f.byOwner, QStringLiteral("GCC HoQ"));
    ASSERT_TRUE(hoq);
    EXPECT_EQ(hoq->overdue, 3);

    // Actions are counted once per theme of their recommendation.
    const qint64 themed =
        test::scalar(*db, QStringLiteral("SELECT count(*) FROM actions a JOIN recommendation_themes rt ON "
                                         "rt.recommendation_id = a.recommendation_id "
                                         "WHERE a.status NOT IN ('complete', 'superseded')"));
    const qint64 unthemed = test::scalar(
        *db,
        QStringLiteral(
            "SELECT count(*) FROM actions a WHERE a.status NOT IN ('complete', 'superseded') AND NOT EXISTS "
            "(SELECT 1 FROM recommendation_themes rt WHERE rt.recommendation_id = a.recommendation_id)"));
    int themeOpen = 0;
    for (const DashboardGroup& g : f.byTheme)
        themeOpen += g.open;
    EXPECT_EQ(themeOpen, themed + unthemed);
}

TEST_F(DashboardTest, RevisedTargetsStillCountAgainstTheOriginal)
{
    // Revise Child X 1.1 (March 2024) to December 2024: still overdue on the
    // original, and counted as revised.
    exec(*db,
         QStringLiteral(
             "UPDATE actions SET revised_target_text = 'December 2024', revised_target_precision = 'month', "
             "revised_target_due = '2024-12-31' WHERE number = '1.1'"));
    reload();
    const DashboardFigures f = at("2024-06-30");
    EXPECT_EQ(f.overdue, 20);
    EXPECT_EQ(f.overdueRevised, 1);
}

TEST_F(DashboardTest, RagDistributionFollowsTheActionsRag)
{
    exec(*db, QStringLiteral("UPDATE actions SET rag = 'red' WHERE number IN ('1.1', '2.1')"));
    exec(*db, QStringLiteral("UPDATE actions SET rag = 'amber' WHERE number = '3.1'"));
    exec(*db, QStringLiteral("UPDATE actions SET rag = 'red' WHERE number = '5.1'")); // complete: not counted
    reload();
    const DashboardFigures f = at("2024-06-30");
    EXPECT_EQ(f.red, 2);
    EXPECT_EQ(f.amber, 1);
    EXPECT_EQ(f.unrated, 27);
    const DashboardReview* childX = review(f, QStringLiteral("Child X"));
    ASSERT_TRUE(childX);
    EXPECT_EQ(childX->red, 2);
    EXPECT_EQ(childX->amber, 1);
}

} // namespace

// A count on the dashboard and the list its click opens must agree: the same
// rules, once in memory (Dashboard) and once in SQL (ActionFilterSql).
TEST_F(DashboardTest, EveryCountEqualsTheListItsFilterShows)
{
    exec(*db, QStringLiteral("UPDATE actions SET rag = 'red' WHERE number IN ('1.1', '2.1')"));
    exec(*db, QStringLiteral("UPDATE actions SET rag = 'amber' WHERE number = '3.1'"));
    reload();
    ActionTableModel model(db->connection());
    model.setBackgroundCounting(false);
    for (const char* date : {"2017-02-15", "2024-03-15", "2024-06-30", "2024-12-31"}) {
        for (const int days : {10, 46, 90, 200}) {
            const DashboardFigures f = at(date, days, days);
            ActionFilter base;
            base.openOnly = true;
            base.asOf = f.params.asOf;
            base.staleDays = days;
            base.dueSoonDays = days;
            const auto count = [&](const std::function<void(ActionFilter&)>& set) {
                ActionFilter filter = base;
                set(filter);
                model.setFilter(filter);
                return model.rowCount();
            };
            const std::string where = std::string(date) + " / " + std::to_string(days);
            EXPECT_EQ(count([](ActionFilter&) {}), f.open) << where;
            EXPECT_EQ(count([](ActionFilter& x) { x.overdue = true; }), f.overdue) << where;
            EXPECT_EQ(count([](ActionFilter& x) { x.dueSoon = true; }), f.dueSoon) << where;
            EXPECT_EQ(count([](ActionFilter& x) { x.stale = true; }), f.stale) << where;
            EXPECT_EQ(count([](ActionFilter& x) { x.noTarget = true; }), f.noTarget) << where;
            EXPECT_EQ(count([](ActionFilter& x) { x.rags = {QStringLiteral("red")}; }), f.red) << where;
            EXPECT_EQ(count([](ActionFilter& x) { x.rags = {QStringLiteral("amber")}; }), f.amber) << where;
            for (const DashboardGroup& g : f.byOwner) {
                if (g.id == 0)
                    continue;
                EXPECT_EQ(count([&](ActionFilter& x) {
                              x.owners = {g.name};
                              x.overdue = true;
                          }),
                          g.overdue)
                    << where << " " << g.name.toStdString();
            }
            for (const DashboardGroup& g : f.byTheme) {
                if (g.id == 0)
                    continue;
                EXPECT_EQ(count([&](ActionFilter& x) { x.themes = {g.name}; }), g.open)
                    << where << " " << g.name.toStdString();
            }
            for (const DashboardGroup& g : f.byAgency) {
                EXPECT_EQ(count([&](ActionFilter& x) { x.agencyIds = {g.id}; }), g.open)
                    << where << " " << g.name.toStdString();
            }
        }
    }
}
