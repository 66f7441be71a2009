#include "TestSupport.h"
#include "db/StatusQueries.h"

#include <gtest/gtest.h>

using namespace rt;

namespace {

// The sample data is the five published documents; these figures are what a
// person counts in them (see data/README.md and the seeds' index).
class SampleDataTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        dir = new test::TempDir;
        db = test::sampleDatabase(dir->file(QStringLiteral("sample.rtdb"))).release();
    }
    static void TearDownTestSuite()
    {
        delete db;
        delete dir;
    }
    static qint64 count(const QString& sql) { return test::scalar(*db, sql); }
    static QString value(const QString& sql) { return test::text(*db, sql); }
    static qint64 reviewId(const char* key)
    {
        return count(QStringLiteral("SELECT id FROM reviews WHERE title = '%1'").arg(QLatin1String(key)));
    }
    // An action's column, found by its review title and recommendation number.
    static QString action(const char* review, const char* rec, const char* column)
    {
        return value(
            QStringLiteral("SELECT a.%1 FROM actions a JOIN recommendations c ON c.id = a.recommendation_id "
                           "JOIN reviews r ON r.id = a.review_id WHERE r.title = '%2' AND c.number = '%3' "
                           "ORDER BY a.position LIMIT 1")
                .arg(QLatin1String(column), QLatin1String(review), QLatin1String(rec)));
    }

    static test::TempDir* dir;
    static Database* db;
};

test::TempDir* SampleDataTest::dir = nullptr;
Database* SampleDataTest::db = nullptr;

} // namespace

TEST_F(SampleDataTest, FiveDocumentsFiveReviews)
{
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM reviews")), 5);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM recommendations")), 32 + 19 + 31 + 8 + 11);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM actions")), 16 + 16);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM updates")), 13);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM s11_audits")), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM s11_ratings")), 9 * 4);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM actions WHERE review_id <> (SELECT review_id FROM "
                                   "recommendations c WHERE c.id = recommendation_id)")),
              0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")), 0);
}

TEST_F(SampleDataTest, UnpublishedSeriousCaseReviews)
{
    const qint64 id = count(QStringLiteral("SELECT id FROM reviews WHERE publication_withheld = 1"));
    ASSERT_GT(id, 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM recommendations WHERE review_id = %1").arg(id)), 32);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM responses WHERE review_id = %1").arg(id)), 24);
    EXPECT_TRUE(value(QStringLiteral("SELECT withheld_reason FROM reviews WHERE id = %1").arg(id))
                    .contains(QStringLiteral("criminal proceedings")));
    // One response answers several recommendations.
    const QString fiveToNine = QStringLiteral("(SELECT id FROM responses WHERE review_id = %1 AND title = "
                                              "'Response to Recommendations 5 to 9')")
                                   .arg(id);
    EXPECT_EQ(value(QStringLiteral(
                        "SELECT group_concat(number, ',') FROM (SELECT c.number FROM "
                        "response_recommendations rr JOIN recommendations c ON c.id = rr.recommendation_id "
                        "WHERE rr.response_id = %1 ORDER BY c.sort_key)")
                        .arg(fiveToNine)),
              QStringLiteral("5,6,7,8,9"));
    EXPECT_EQ(
        count(QStringLiteral("SELECT count(*) FROM response_recommendations rr JOIN responses p ON p.id = "
                             "rr.response_id WHERE p.title = 'Response to Recommendations 16 & 17'")),
        2);
    EXPECT_TRUE(
        value(
            QStringLiteral("SELECT text FROM recommendations WHERE review_id = %1 AND number = '17'").arg(id))
            .startsWith(QStringLiteral("Leaving care service to develop and revise supervision polic")));
    // Every recommendation has a response.
    EXPECT_EQ(
        count(QStringLiteral("SELECT count(*) FROM recommendations c WHERE review_id = %1 AND NOT EXISTS "
                             "(SELECT 1 FROM response_recommendations rr WHERE rr.recommendation_id = c.id)")
                  .arg(id)),
        0);
    // Links to the published reviews, Family Y resolved to its record.
    EXPECT_EQ(
        count(QStringLiteral("SELECT count(*) FROM review_links WHERE review_id = %1 AND linked_reference = "
                             "'0319' AND linked_title = 'Liam'")
                  .arg(id)),
        1);
    EXPECT_EQ(count(QStringLiteral(
                        "SELECT count(*) FROM review_links WHERE review_id = %1 AND linked_review_id = %2")
                        .arg(id)
                        .arg(reviewId("Children of Family Y"))),
              1);
}

TEST_F(SampleDataTest, FamilyY)
{
    const qint64 id = reviewId("Children of Family Y");
    EXPECT_EQ(value(QStringLiteral("SELECT reference FROM reviews WHERE id = %1").arg(id)),
              QStringLiteral("0118"));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM sections WHERE review_id = %1").arg(id)), 12);
    EXPECT_EQ(
        value(QStringLiteral("SELECT title FROM sections WHERE review_id = %1 AND number = '12'").arg(id)),
        QStringLiteral("Professional curiosity"));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM responses WHERE review_id = %1").arg(id)), 19);
    EXPECT_EQ(
        value(QStringLiteral("SELECT text FROM responses WHERE review_id = %1 AND number = '5.2.1'").arg(id)),
        QStringLiteral("Timeliness of sharing of safeguarding meetings has improved since meetings have been "
                       "co-ordinated by MASH however standards have been reiterated."));
    EXPECT_TRUE(
        value(QStringLiteral("SELECT text FROM recommendations WHERE review_id = %1 AND number = '3.2'")
                  .arg(id))
            .contains(QStringLiteral("for a strategy discussion, to consider initiating or planning whether "
                                     "a Section 47 Investigation is required.")));
    // Recommendations sit under their themed section.
    EXPECT_EQ(
        value(QStringLiteral("SELECT s.number FROM recommendations c JOIN sections s ON s.id = c.section_id "
                             "WHERE c.review_id = %1 AND c.number = '3.2'")
                  .arg(id)),
        QStringLiteral("3"));
}

TEST_F(SampleDataTest, ChildXActionPlan)
{
    const qint64 id = reviewId("Child X");
    EXPECT_EQ(value(QStringLiteral("SELECT kind FROM reviews WHERE id = %1").arg(id)),
              QStringLiteral("lcspr"));
    EXPECT_EQ(count(QStringLiteral(
                        "SELECT count(*) FROM recommendations WHERE review_id = %1 AND parent_id IS NULL")
                        .arg(id)),
              10);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM recommendations c JOIN recommendations p ON p.id = "
                                   "c.parent_id WHERE p.review_id = %1 AND p.number = '1'")
                        .arg(id)),
              5);
    EXPECT_EQ(action("Child X", "1.1", "owner_text"),
              QStringLiteral("Interim Assistant Director Commissioning"));
    EXPECT_EQ(action("Child X", "1.1", "target_text"), QStringLiteral("March 2024"));
    EXPECT_EQ(action("Child X", "1.1", "target_due"), QStringLiteral("2024-03-31"));
    EXPECT_EQ(action("Child X", "1.1", "status_text"), QStringLiteral("Partially"));
    EXPECT_EQ(action("Child X", "1.1", "status"), QStringLiteral("partial"));
    EXPECT_EQ(action("Child X", "1.2", "target_due"), QStringLiteral("2024-12-31"));
    EXPECT_EQ(action("Child X", "3.1", "target_precision"), QStringLiteral("year"));
    EXPECT_EQ(action("Child X", "3.1", "target_due"), QStringLiteral("2024-12-31"));
    EXPECT_EQ(action("Child X", "5.1", "status_text"), QStringLiteral("Complete"));
    EXPECT_EQ(action("Child X", "9.1", "status_text"), QStringLiteral("Completed"));
    EXPECT_EQ(action("Child X", "9.1", "status"), QStringLiteral("complete"));
    EXPECT_EQ(
        value(QStringLiteral("SELECT decision FROM recommendations WHERE review_id = %1 AND number = '3.1'")
                  .arg(id)),
        QStringLiteral("partly_agreed"));
    // Action 1.2 has two owners from the shared list.
    EXPECT_EQ(count(QStringLiteral(
                        "SELECT count(*) FROM action_owners ao JOIN actions a ON a.id = ao.action_id JOIN "
                        "recommendations c ON c.id = a.recommendation_id WHERE c.review_id = %1 AND "
                        "c.number = '1.2'")
                        .arg(id)),
              2);
    // The update of 1.3 is dated Feb 2024; updates are kept, not merged into the action.
    EXPECT_EQ(
        value(QStringLiteral("SELECT u.date FROM updates u JOIN actions a ON a.id = u.action_id JOIN "
                             "recommendations c ON c.id = a.recommendation_id WHERE c.review_id = %1 AND "
                             "c.number = '1.3'")
                  .arg(id)),
        QStringLiteral("2024-02"));
    // "As action 1.2" is a link between actions.
    EXPECT_GE(count(QStringLiteral(
                        "SELECT count(*) FROM action_links l JOIN actions a ON a.id = l.linked_action_id "
                        "JOIN recommendations c ON c.id = a.recommendation_id WHERE c.review_id = %1 AND "
                        "c.number = '1.2'")
                        .arg(id)),
              3);
    // Version history: eight versions, the latest a progress update of 26/02/2024.
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM plan_versions WHERE review_id = %1").arg(id)), 8);
    EXPECT_EQ(value(QStringLiteral("SELECT version || ' ' || date || ' ' || comment FROM plan_versions WHERE "
                                   "review_id = %1 ORDER BY position DESC LIMIT 1")
                        .arg(id)),
              QStringLiteral("8.0 2024-02-26 Progress Update"));
}

TEST_F(SampleDataTest, PhilipFindings)
{
    const qint64 id = reviewId("Philip");
    EXPECT_EQ(
        count(QStringLiteral("SELECT count(*) FROM recommendations WHERE review_id = %1 AND kind = 'finding'")
                  .arg(id)),
        11);
    EXPECT_EQ(value(QStringLiteral("SELECT title FROM recommendations WHERE review_id = %1 AND number = '5'")
                        .arg(id)),
              QStringLiteral("A lack of recognition of the role of fathers/father figures can leave children "
                             "unprotected and at risk of harm"));
    EXPECT_EQ(
        value(QStringLiteral("SELECT success_measure || '|' || response_decision FROM recommendations WHERE "
                             "review_id = %1 AND number = '8'")
                  .arg(id)),
        QStringLiteral("Professionals will treat unexplained injuries in the same way as non-accidental "
                       "injuries.|do_something"));
    EXPECT_TRUE(
        value(QStringLiteral("SELECT answered_by FROM recommendations WHERE review_id = %1 AND number = '1'")
                  .arg(id))
            .contains(QStringLiteral("'Ben' (2016)")));
    EXPECT_EQ(value(QStringLiteral(
                        "SELECT target_text FROM actions a JOIN recommendations c ON c.id = "
                        "a.recommendation_id WHERE c.review_id = %1 AND a.owner_text = 'Cathy Griffiths'")
                        .arg(id)),
              QStringLiteral("Ongoing"));
    EXPECT_EQ(
        value(QStringLiteral("SELECT target_due || ' ' || owner_text FROM actions WHERE review_id = %1 AND "
                             "owner_text LIKE 'Eugene%'")
                  .arg(id)),
        QStringLiteral("2017-03-31 Eugene O'Kane/Julie Miles"));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM actions WHERE review_id = %1 AND target_precision = "
                                   "'ongoing'")
                        .arg(id)),
              2);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM review_links WHERE review_id = %1").arg(id)), 3);
}

TEST_F(SampleDataTest, Section11Audit2020)
{
    const QString rating = QStringLiteral(
        "SELECT r.%1 FROM s11_ratings r JOIN agencies g ON g.id = r.agency_id JOIN s11_standards s ON s.id = "
        "r.standard_id WHERE g.short_name = '%2' AND s.number = %3");
    EXPECT_EQ(value(rating.arg(QStringLiteral("rating_text"), QStringLiteral("GHC")).arg(2)),
              QStringLiteral("Good areas to improve"));
    EXPECT_EQ(value(rating.arg(QStringLiteral("rating"), QStringLiteral("GHC")).arg(2)),
              QStringLiteral("good_aif"));
    EXPECT_EQ(value(rating.arg(QStringLiteral("rating"), QStringLiteral("GHT")).arg(3)),
              QStringLiteral("requires_improvement"));
    EXPECT_EQ(value(rating.arg(QStringLiteral("rating_text"), QStringLiteral("DSG")).arg(4)),
              QStringLiteral("Good in some Districts. area to improve in others"));
    EXPECT_EQ(value(rating.arg(QStringLiteral("rating"), QStringLiteral("GCC Commissioning")).arg(1)),
              QStringLiteral("unable"));
    EXPECT_EQ(value(rating.arg(QStringLiteral("comments"), QStringLiteral("GCCG")).arg(1))
                  .split(QLatin1Char('\n'))
                  .at(1),
              QStringLiteral("The policy and strategy are not easily identified on the GCCG website"));
    EXPECT_EQ(
        value(QStringLiteral("SELECT group_concat(partnership_rag, ',') FROM (SELECT partnership_rag FROM "
                             "s11_standards ORDER BY number)")),
        QStringLiteral("green,amber,amber,green"));
    EXPECT_EQ(value(QStringLiteral("SELECT rag FROM s11_themes WHERE title LIKE '%James%'")),
              QStringLiteral("red"));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM s11_agencies")), 9);
    EXPECT_EQ(value(QStringLiteral(
                  "SELECT c.text FROM recommendations c JOIN reviews r ON r.id = c.review_id WHERE "
                  "r.kind = 's11' AND c.number = '7'")),
              QStringLiteral("Include an ambassador on any future S11 panels"));
}

TEST_F(SampleDataTest, OverdueAsOfJune2024)
{
    StatusQueries q(db->connection());
    QVector<OverdueAction> list;
    ASSERT_TRUE(q.overdueActions(QDate(2024, 6, 30), &list));
    // Child X: 1.1, 6.1, 7.1, 10.1 (March 2024) and 2.1, 8.1 (April 2024) —
    // not 5.1 (Complete) or 9.1 (Completed), not the Dec 2024 and 2024 ones.
    // Philip: every dated action (all but the two Ongoing).
    EXPECT_EQ(list.size(), 20);
    QStringList childX;
    for (const OverdueAction& a : list) {
        if (a.review == QLatin1String("Child X"))
            childX << a.recommendation;
    }
    childX.sort();
    EXPECT_EQ(childX, (QStringList{QStringLiteral("1.1"), QStringLiteral("10.1"), QStringLiteral("2.1"),
                                   QStringLiteral("6.1"), QStringLiteral("7.1"), QStringLiteral("8.1")}));
}
