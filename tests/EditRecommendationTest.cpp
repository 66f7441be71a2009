#include "TestSupport.h"
#include "db/PlanWriter.h"
#include "db/RecommendationRepository.h"
#include "db/ResponseRepository.h"

#include <gtest/gtest.h>

using namespace rt;

namespace {

class EditRecommendationTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        db = test::sampleDatabase(dir.file(QStringLiteral("recs.rtdb")));
        childX = test::scalar(*db, QStringLiteral("SELECT id FROM reviews WHERE title = 'Child X'"));
        ASSERT_GT(childX, 0);
    }
    qint64 count(const QString& sql) { return test::scalar(*db, sql); }
    qint64 rec(const char* number, qint64 review = 0)
    {
        return test::scalar(
            *db, QStringLiteral("SELECT id FROM recommendations WHERE review_id = %1 AND number = '%2'")
                     .arg(review ? review : childX)
                     .arg(QLatin1String(number)));
    }
    QString column(const char* name, qint64 id)
    {
        return test::text(*db,
                          QStringLiteral("SELECT coalesce(%1, '<null>') FROM recommendations WHERE id = %2")
                              .arg(QLatin1String(name))
                              .arg(id));
    }
    // The numbers of a parent's children (0: top level) in display order.
    QString order(qint64 parentId)
    {
        return test::text(
            *db, QStringLiteral("SELECT group_concat(number, ',') FROM (SELECT number FROM "
                                "recommendations WHERE review_id = %1 AND coalesce(parent_id, 0) = %2 "
                                "ORDER BY position, sort_key, id)")
                     .arg(childX)
                     .arg(parentId));
    }

    test::TempDir dir;
    std::unique_ptr<Database> db;
    qint64 childX = 0;
};

} // namespace

TEST_F(EditRecommendationTest, NewTopLevelRecommendationFollowsTheLastNumber)
{
    RecommendationRepository repo(db->connection());
    EXPECT_EQ(repo.nextNumber(childX, 0), QStringLiteral("11"));
    const qint64 id = repo.create(childX, 0, QStringLiteral("Audit the audit."));
    ASSERT_GT(id, 0) << repo.errorString().toStdString();
    EXPECT_EQ(column("number", id), QStringLiteral("11"));
    EXPECT_EQ(column("sort_key", id), PlanWriter::sortKey(QStringLiteral("11")));
    EXPECT_EQ(column("parent_id", id), QStringLiteral("<null>"));
    EXPECT_EQ(column("review_id", id), QString::number(childX));
    EXPECT_TRUE(order(0).endsWith(QStringLiteral(",10,11"))) << order(0).toStdString();
    EXPECT_EQ(repo.nextNumber(childX, 0), QStringLiteral("12"));
}

TEST_F(EditRecommendationTest, NewChildFollowsItsLastSibling)
{
    RecommendationRepository repo(db->connection());
    const qint64 two = rec("2");
    EXPECT_EQ(repo.nextNumber(childX, two), QStringLiteral("2.3"));
    const qint64 id = repo.create(childX, two, QStringLiteral("A third part."));
    ASSERT_GT(id, 0) << repo.errorString().toStdString();
    EXPECT_EQ(column("number", id), QStringLiteral("2.3"));
    EXPECT_EQ(column("parent_id", id), QString::number(two));
    EXPECT_EQ(order(two), QStringLiteral("2.1,2.2,2.3"));

    // A recommendation with no children yet starts at .1.
    const qint64 leaf = rec("2.1");
    EXPECT_EQ(repo.nextNumber(childX, leaf), QStringLiteral("2.1.1"));
    const qint64 grandchild = repo.create(childX, leaf, QStringLiteral("Deeper."));
    ASSERT_GT(grandchild, 0);
    EXPECT_EQ(column("number", grandchild), QStringLiteral("2.1.1"));
}

TEST_F(EditRecommendationTest, CreateRefusesBlankTextAndAParentFromAnotherReview)
{
    RecommendationRepository repo(db->connection());
    const qint64 before = count(QStringLiteral("SELECT count(*) FROM recommendations"));
    EXPECT_EQ(repo.create(childX, 0, QStringLiteral("  \n ")), 0);
    EXPECT_FALSE(repo.errorString().isEmpty());
    const qint64 philip = count(QStringLiteral("SELECT id FROM reviews WHERE title = 'Philip'"));
    EXPECT_EQ(repo.create(philip, rec("2"), QStringLiteral("Misplaced.")), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM recommendations")), before);
}

TEST_F(EditRecommendationTest, NumberIsUniqueWithinTheReviewAndKeepsTheSortKey)
{
    RecommendationRepository repo(db->connection());
    const qint64 id = rec("2.2");
    const QString before = column("number", id) + column("sort_key", id) + column("version", id);
    EXPECT_FALSE(repo.setField(id, RecommendationRepository::Field::Number, QStringLiteral("2.1")));
    EXPECT_EQ(repo.errorString(), QStringLiteral("Recommendation 2.1 already exists in this review."));
    EXPECT_FALSE(repo.setField(id, RecommendationRepository::Field::Number, QStringLiteral("   ")));
    EXPECT_EQ(column("number", id) + column("sort_key", id) + column("version", id), before);

    ASSERT_TRUE(repo.setField(id, RecommendationRepository::Field::Number, QStringLiteral(" 2.10a ")))
        << repo.errorString().toStdString();
    EXPECT_EQ(column("number", id), QStringLiteral("2.10a"));
    EXPECT_EQ(column("sort_key", id), PlanWriter::sortKey(QStringLiteral("2.10a")));
    // Any capitals: 2.10A is the same number.
    EXPECT_FALSE(repo.setField(rec("2.1"), RecommendationRepository::Field::Number, QStringLiteral("2.10A")));
    // Numbers of other reviews do not count ("12" is only in other reviews).
    EXPECT_TRUE(repo.setField(rec("2.1"), RecommendationRepository::Field::Number, QStringLiteral("12")));
}

TEST_F(EditRecommendationTest, DecisionAndKindAreStoredAsCodes)
{
    RecommendationRepository repo(db->connection());
    const qint64 id = rec("3.1");
    ASSERT_TRUE(
        repo.setField(id, RecommendationRepository::Field::Decision, QStringLiteral("Partly agreed")));
    EXPECT_EQ(column("decision", id), QStringLiteral("partly_agreed"));
    ASSERT_TRUE(repo.setField(id, RecommendationRepository::Field::Decision, QStringLiteral("not_agreed")));
    EXPECT_EQ(column("decision", id), QStringLiteral("not_agreed"));
    ASSERT_TRUE(repo.setField(id, RecommendationRepository::Field::Decision, QString()));
    EXPECT_EQ(column("decision", id), QString());
    ASSERT_TRUE(repo.setField(id, RecommendationRepository::Field::Kind, QStringLiteral("Finding")));
    EXPECT_EQ(column("kind", id), QStringLiteral("finding"));

    const QString before = column("decision", id) + column("kind", id) + column("version", id);
    EXPECT_FALSE(repo.setField(id, RecommendationRepository::Field::Decision, QStringLiteral("Maybe")));
    EXPECT_TRUE(repo.errorString().contains(QStringLiteral("Maybe")));
    EXPECT_FALSE(repo.setField(id, RecommendationRepository::Field::Kind, QStringLiteral("Observation")));
    EXPECT_EQ(column("decision", id) + column("kind", id) + column("version", id), before);
}

TEST_F(EditRecommendationTest, TextOrTitleMustRemain)
{
    RecommendationRepository repo(db->connection());
    const qint64 id = rec("4.1");
    const QString text = column("text", id);
    ASSERT_FALSE(text.trimmed().isEmpty());
    EXPECT_FALSE(repo.setField(id, RecommendationRepository::Field::Text, QStringLiteral("  ")));
    EXPECT_EQ(column("text", id), text);
    ASSERT_TRUE(repo.setField(id, RecommendationRepository::Field::Title, QStringLiteral("Supervision")));
    ASSERT_TRUE(repo.setField(id, RecommendationRepository::Field::Text, QString()));
    EXPECT_EQ(column("text", id), QString());
    EXPECT_FALSE(repo.setField(id, RecommendationRepository::Field::Title, QStringLiteral(" ")));
    EXPECT_EQ(column("title", id), QStringLiteral("Supervision"));
}

TEST_F(EditRecommendationTest, ThemesAreReplacedAndCreatedOnce)
{
    RecommendationRepository repo(db->connection());
    const qint64 id = rec("5.1");
    const qint64 themes = count(QStringLiteral("SELECT count(*) FROM themes"));
    const bool hadNeglect = count(QStringLiteral("SELECT count(*) FROM themes WHERE name = 'neglect'")) == 1;
    ASSERT_TRUE(repo.setThemes(id, {QStringLiteral("Neglect"), QStringLiteral(" neglect "), QString(),
                                    QStringLiteral("Quokka welfare")}))
        << repo.errorString().toStdString();
    EXPECT_EQ(test::text(*db, QStringLiteral(
                                  "SELECT group_concat(t.name, ',') FROM (SELECT t.name FROM themes t JOIN "
                                  "recommendation_themes rt ON rt.theme_id = t.id WHERE "
                                  "rt.recommendation_id = %1 ORDER BY t.name) t")
                                  .arg(id)),
              QStringLiteral("neglect,quokka welfare"));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM themes")), themes + (hadNeglect ? 1 : 2));
    ASSERT_TRUE(repo.setThemes(id, {}));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM recommendation_themes WHERE recommendation_id = %1")
                        .arg(id)),
              0);
}

TEST_F(EditRecommendationTest, DeleteTakesWhatTheImpactSaysAndKeepsSharedResponses)
{
    RecommendationRepository repo(db->connection());
    ResponseRepository responses(db->connection());
    const qint64 one = rec("1");
    // A response answering 1.1 and 2.1 survives; one answering only 1.2 goes.
    const qint64 shared = responses.create(rec("1.1"), QStringLiteral("Shared response."));
    ASSERT_GT(shared, 0) << responses.errorString().toStdString();
    ASSERT_TRUE(responses.setAnsweredNumbers(shared, QStringLiteral("1.1; 2.1")))
        << responses.errorString().toStdString();
    const qint64 own = responses.create(rec("1.2"), QStringLiteral("Own response."));
    ASSERT_GT(own, 0);

    const DeleteImpact impact = repo.impact(one);
    EXPECT_EQ(impact.recommendations, 5);
    EXPECT_EQ(impact.actions, 5);
    EXPECT_EQ(impact.updates, 5);
    EXPECT_EQ(impact.responses, 1);
    EXPECT_EQ(impact.describe(),
              QStringLiteral("5 sub-recommendations, 1 response, 5 actions and 5 progress updates"));

    const qint64 recs = count(QStringLiteral("SELECT count(*) FROM recommendations"));
    const qint64 actions = count(QStringLiteral("SELECT count(*) FROM actions"));
    const qint64 updates = count(QStringLiteral("SELECT count(*) FROM updates"));
    const qint64 resps = count(QStringLiteral("SELECT count(*) FROM responses"));
    const qint64 sharedVersion =
        count(QStringLiteral("SELECT version FROM responses WHERE id = %1").arg(shared));
    ASSERT_TRUE(repo.remove(one)) << repo.errorString().toStdString();
    EXPECT_EQ(recs - count(QStringLiteral("SELECT count(*) FROM recommendations")),
              impact.recommendations + 1);
    EXPECT_EQ(actions - count(QStringLiteral("SELECT count(*) FROM actions")), impact.actions);
    EXPECT_EQ(updates - count(QStringLiteral("SELECT count(*) FROM updates")), impact.updates);
    EXPECT_EQ(resps - count(QStringLiteral("SELECT count(*) FROM responses")), impact.responses);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM responses WHERE id = %1").arg(own)), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT version FROM responses WHERE id = %1").arg(shared)),
              sharedVersion + 1);
    EXPECT_EQ(
        count(QStringLiteral("SELECT recommendation_id FROM response_recommendations WHERE response_id = %1")
                  .arg(shared)),
        rec("2.1"));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM actions WHERE review_id = %1 AND number LIKE '1.%'")
                        .arg(childX)),
              0);
}

TEST_F(EditRecommendationTest, SampleResponseAnsweringSeveralRecommendationsSurvives)
{
    // The sample's "Response to Recommendations 5 to 9" and the like.
    const qint64 response =
        count(QStringLiteral("SELECT min(response_id) FROM (SELECT response_id FROM "
                             "response_recommendations GROUP BY response_id HAVING count(*) > 1)"));
    ASSERT_GT(response, 0);
    const qint64 answers = count(
        QStringLiteral("SELECT count(*) FROM response_recommendations WHERE response_id = %1").arg(response));
    const qint64 first = count(
        QStringLiteral("SELECT min(recommendation_id) FROM response_recommendations WHERE response_id = %1")
            .arg(response));
    RecommendationRepository repo(db->connection());
    EXPECT_EQ(repo.impact(first).responses, 0);
    ASSERT_TRUE(repo.remove(first)) << repo.errorString().toStdString();
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM responses WHERE id = %1").arg(response)), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM response_recommendations WHERE response_id = %1")
                        .arg(response)),
              answers - 1);

    // A response answering only the one deleted goes with it.
    const qint64 single =
        count(QStringLiteral("SELECT min(response_id) FROM (SELECT response_id FROM "
                             "response_recommendations GROUP BY response_id HAVING count(*) = 1)"));
    const qint64 answered =
        count(QStringLiteral("SELECT recommendation_id FROM response_recommendations WHERE response_id = %1")
                  .arg(single));
    EXPECT_EQ(repo.impact(answered).responses, 1);
    ASSERT_TRUE(repo.remove(answered));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM responses WHERE id = %1").arg(single)), 0);
}

TEST_F(EditRecommendationTest, MoveSwapsWithTheNeighbourAndRefusesAtTheEnds)
{
    RecommendationRepository repo(db->connection());
    const qint64 two = rec("2");
    const qint64 version =
        count(QStringLiteral("SELECT version FROM recommendations WHERE id = %1").arg(two));
    ASSERT_TRUE(repo.move(two, +1)) << repo.errorString().toStdString();
    EXPECT_EQ(order(0), QStringLiteral("1,3,2,4,5,6,7,8,9,10"));
    EXPECT_EQ(count(QStringLiteral("SELECT version FROM recommendations WHERE id = %1").arg(two)),
              version + 1);
    ASSERT_TRUE(repo.move(two, -1));
    EXPECT_EQ(order(0), QStringLiteral("1,2,3,4,5,6,7,8,9,10"));

    EXPECT_FALSE(repo.move(rec("1"), -1));
    EXPECT_EQ(repo.errorString(), QStringLiteral("Already first."));
    EXPECT_FALSE(repo.move(rec("10"), +1));
    EXPECT_EQ(repo.errorString(), QStringLiteral("Already last."));
    EXPECT_FALSE(repo.move(rec("1.5"), +1));
    EXPECT_EQ(order(0), QStringLiteral("1,2,3,4,5,6,7,8,9,10"));
    EXPECT_EQ(order(rec("1")), QStringLiteral("1.1,1.2,1.3,1.4,1.5"));
}

TEST_F(EditRecommendationTest, MoveRenumbersSiblingsThatShareAPosition)
{
    const qint64 one = rec("1");
    ASSERT_TRUE(
        db->exec(QStringLiteral("UPDATE recommendations SET position = 1 WHERE parent_id = %1").arg(one)));
    RecommendationRepository repo(db->connection());
    ASSERT_TRUE(repo.move(rec("1.3"), -1)) << repo.errorString().toStdString();
    EXPECT_EQ(order(one), QStringLiteral("1.1,1.3,1.2,1.4,1.5"));
    EXPECT_EQ(test::text(*db, QStringLiteral("SELECT group_concat(position, ',') FROM (SELECT position FROM "
                                             "recommendations WHERE parent_id = %1 ORDER BY position)")
                                  .arg(one)),
              QStringLiteral("1,2,3,4,5"));
}

TEST_F(EditRecommendationTest, ResponsesAnswerRecommendationsOfTheirReviewByNumber)
{
    ResponseRepository repo(db->connection());
    const qint64 responsesBefore =
        count(QStringLiteral("SELECT count(*) FROM responses WHERE review_id = %1").arg(childX));
    const qint64 lastPosition = count(
        QStringLiteral("SELECT coalesce(max(position), 0) FROM responses WHERE review_id = %1").arg(childX));
    EXPECT_EQ(repo.create(rec("2.2"), QStringLiteral("  ")), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM responses WHERE review_id = %1").arg(childX)),
              responsesBefore);

    const qint64 id = repo.create(rec("2.2"), QStringLiteral("The partnership agrees."));
    ASSERT_GT(id, 0) << repo.errorString().toStdString();
    EXPECT_EQ(
        test::text(
            *db, QStringLiteral("SELECT review_id || '|' || position FROM responses WHERE id = %1").arg(id)),
        QStringLiteral("%1|%2").arg(childX).arg(lastPosition + 1));
    auto answered = [&] {
        return test::text(
            *db, QStringLiteral("SELECT group_concat(number, ',') FROM (SELECT r.number FROM "
                                "response_recommendations rr JOIN recommendations r ON r.id = "
                                "rr.recommendation_id WHERE rr.response_id = %1 ORDER BY r.sort_key)")
                     .arg(id));
    };
    EXPECT_EQ(answered(), QStringLiteral("2.2"));

    ASSERT_TRUE(repo.setAnsweredNumbers(id, QStringLiteral("2.2, 3.1;1 4.2")))
        << repo.errorString().toStdString();
    EXPECT_EQ(answered(), QStringLiteral("1,2.2,3.1,4.2"));
    EXPECT_FALSE(repo.setAnsweredNumbers(id, QStringLiteral("2.2, 32")));
    EXPECT_EQ(repo.errorString(), QStringLiteral("This review has no recommendation 32."));
    EXPECT_FALSE(repo.setAnsweredNumbers(id, QStringLiteral(" ,; ")));
    EXPECT_FALSE(repo.errorString().isEmpty());
    EXPECT_EQ(answered(), QStringLiteral("1,2.2,3.1,4.2"));

    EXPECT_FALSE(repo.setField(id, ResponseRepository::Field::Text, QStringLiteral(" ")));
    EXPECT_EQ(test::text(*db, QStringLiteral("SELECT text FROM responses WHERE id = %1").arg(id)),
              QStringLiteral("The partnership agrees."));
    ASSERT_TRUE(repo.setField(id, ResponseRepository::Field::Number, QStringLiteral(" 2.2.1 ")));
    EXPECT_EQ(test::text(*db, QStringLiteral("SELECT number FROM responses WHERE id = %1").arg(id)),
              QStringLiteral("2.2.1"));

    ASSERT_TRUE(repo.remove(id));
    EXPECT_EQ(
        count(QStringLiteral("SELECT count(*) FROM response_recommendations WHERE response_id = %1").arg(id)),
        0);
    EXPECT_FALSE(repo.remove(id));
}
