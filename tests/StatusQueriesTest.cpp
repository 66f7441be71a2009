#include "db/StatusQueries.h"

#include "TestSupport.h"
#include "db/PlanWriter.h"
#include "db/Transaction.h"

#include <gtest/gtest.h>

using namespace rt;

namespace {

ActionRecord action(const char* text, const char* target, const char* status, const char* agency = "",
                    Rag r = Rag::None)
{
    ActionRecord a;
    a.text = QString::fromUtf8(text);
    a.targetText = QString::fromUtf8(target);
    EXPECT_TRUE(TargetDate::parse(a.targetText, &a.target));
    a.statusText = QString::fromUtf8(status);
    EXPECT_TRUE(status::fromWritten(a.statusText, &a.status));
    a.agency = QString::fromUtf8(agency);
    a.ownerText = QStringLiteral("Head of Service");
    a.owners << a.ownerText;
    a.rag = r;
    return a;
}

// One review whose actions cover every case of the overdue rule.
class StatusQueriesTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        db = test::emptyDatabase(dir.file(QStringLiteral("status.rtdb")));
        ReviewRecord review;
        review.kind = ReviewKind::LCSPR;
        review.reference = QStringLiteral("0123");
        review.title = QStringLiteral("Child Q");
        RecommendationRecord rec;
        rec.number = QStringLiteral("1");
        rec.text = QStringLiteral("Improve supervision");
        RecommendationRecord child;
        child.number = QStringLiteral("1.1");
        child.text = QStringLiteral("Audit supervision");
        child.actions << action("month, partial", "March 2024", "Partially", "Police", Rag::Red)
                      << action("month, complete", "March 2024", "Complete", "Police", Rag::Blue)
                      << action("month, completed", "Feb 2024", "Completed", "Police")
                      << action("month, superseded", "Jan 2024", "Superseded")
                      << action("year 2024", "2024", "Action Underway", "Health", Rag::Amber)
                      << action("day, blank status", "15/06/2024", "", "Health", Rag::Amber)
                      << action("day after as-of", "30/06/2024", "") << action("ongoing", "Ongoing", "")
                      << action("no target", "", "");
        rec.children << child;
        review.recommendations << rec;
        Transaction tx(db->connection());
        PlanWriter writer(db->connection());
        ASSERT_TRUE(writer.writeReview(review, 1)) << writer.errorString().toStdString();
        ASSERT_TRUE(tx.commit());
    }

    test::TempDir dir;
    std::unique_ptr<Database> db;
};

} // namespace

TEST_F(StatusQueriesTest, OverdueFollowsTheRule)
{
    StatusQueries q(db->connection());
    QVector<OverdueAction> list;
    ASSERT_TRUE(q.overdueActions(QDate(2024, 6, 30), &list)) << q.errorString().toStdString();
    QStringList texts;
    for (const OverdueAction& a : list)
        texts << a.action;
    // Partially is not complete; a blank status is not started; the due day
    // itself (30/06) is not yet overdue; a year target is due on 31 December.
    EXPECT_EQ(texts, (QStringList{QStringLiteral("month, partial"), QStringLiteral("day, blank status")}));
    EXPECT_EQ(list.at(0).due, QDate(2024, 3, 31));
    EXPECT_EQ(list.at(0).daysOverdue, 91);
    EXPECT_EQ(list.at(0).target, QStringLiteral("March 2024"));
    EXPECT_EQ(list.at(0).statusText, QStringLiteral("Partially"));
    EXPECT_EQ(list.at(0).rag, QStringLiteral("Red"));
    EXPECT_EQ(list.at(0).recommendation, QStringLiteral("1.1"));
    EXPECT_EQ(list.at(1).daysOverdue, 15);
    EXPECT_EQ(q.overdueCount(QDate(2024, 6, 30)), 2);
}

TEST_F(StatusQueriesTest, YearTargetBecomesOverdueInTheNewYear)
{
    StatusQueries q(db->connection());
    EXPECT_EQ(q.overdueCount(QDate(2024, 12, 31)), 3);
    EXPECT_EQ(q.overdueCount(QDate(2025, 1, 1)), 4);
    EXPECT_EQ(q.overdueCount(QDate(2024, 3, 31)), 0);
    EXPECT_EQ(q.overdueCount(QDate(2100, 1, 1)), 4) << "Ongoing, undated and closed actions never count";
}

TEST_F(StatusQueriesTest, FiguresCountEveryLevel)
{
    StatusQueries q(db->connection());
    DatabaseFigures f;
    ASSERT_TRUE(q.figures(QDate(2024, 6, 30), &f));
    EXPECT_EQ(f.reviews, 1);
    EXPECT_EQ(f.recommendations, 2) << "1 and 1.1 each count";
    EXPECT_EQ(f.actions, 9);
    ASSERT_EQ(f.byReview.size(), 1);
    EXPECT_EQ(f.byReview.at(0).kind, QStringLiteral("LCSPR"));
    EXPECT_EQ(f.byReview.at(0).reference, QStringLiteral("0123"));
    EXPECT_EQ(f.byReview.at(0).actions, 9);
    EXPECT_EQ(f.byReview.at(0).overdue, 2);
}

TEST_F(StatusQueriesTest, ByAgency)
{
    StatusQueries q(db->connection());
    QVector<AgencyFigures> rows;
    ASSERT_TRUE(q.byAgency(QDate(2024, 6, 30), &rows));
    QHash<QString, AgencyFigures> by;
    for (const AgencyFigures& f : rows)
        by.insert(f.agency, f);
    ASSERT_TRUE(by.contains(QStringLiteral("Police")));
    EXPECT_EQ(by[QStringLiteral("Police")].overdue, 1);
    EXPECT_EQ(by[QStringLiteral("Police")].red, 1);
    EXPECT_EQ(by[QStringLiteral("Police")].open, 1);
    EXPECT_EQ(by[QStringLiteral("Health")].amber, 2);
    EXPECT_EQ(by[QStringLiteral("Health")].overdue, 1);
    EXPECT_EQ(by[QString()].open, 3) << "actions with no agency are grouped, not dropped";
}
