#include "TestSupport.h"
#include "db/StatusQueries.h"
#include "io/SyntheticGenerator.h"

#include <gtest/gtest.h>

using namespace rt;

namespace {

int countRecommendations(const QVector<RecommendationRecord>& recs, int* actions, int* updates)
{
    int n = 0;
    for (const RecommendationRecord& r : recs) {
        ++n;
        *actions += r.actions.size();
        for (const ActionRecord& a : r.actions)
            *updates += a.updates.size();
        n += countRecommendations(r.children, actions, updates);
    }
    return n;
}

} // namespace

TEST(SyntheticGenerator, SameSeedSameDatabase)
{
    SyntheticGenerator a(42), b(42), c(43);
    for (int i = 0; i < 5; ++i) {
        const ReviewRecord ra = a.makeReview(i);
        const ReviewRecord rb = b.makeReview(i);
        const ReviewRecord rc = c.makeReview(i);
        EXPECT_EQ(ra.title, rb.title);
        ASSERT_EQ(ra.recommendations.size(), rb.recommendations.size());
        EXPECT_EQ(ra.recommendations.first().text, rb.recommendations.first().text);
        if (i == 0) {
            EXPECT_NE(ra.recommendations.first().text + ra.title, rc.recommendations.first().text + rc.title);
        }
    }
}

TEST(SyntheticGenerator, ShapeMatchesTheNationalScalePlan)
{
    SyntheticGenerator g(7);
    int recs = 0, actions = 0, updates = 0;
    const int reviews = 200;
    for (int i = 0; i < reviews; ++i) {
        const ReviewRecord r = g.makeReview(i);
        recs += countRecommendations(r.recommendations, &actions, &updates);
    }
    // About 15 recommendations, 30 actions and 60 updates per review.
    EXPECT_NEAR(recs / double(reviews), 15.0, 1.5);
    EXPECT_NEAR(actions / double(reviews), 30.0, 3.0);
    EXPECT_NEAR(updates / double(reviews), 60.0, 8.0);
}

TEST(SyntheticGenerator, WritesARealisticSpread)
{
    test::TempDir dir;
    auto db = test::emptyDatabase(dir.file(QStringLiteral("gen.rtdb")));
    SyntheticGenerator g(1);
    QString error;
    int lastProgress = 0;
    ASSERT_TRUE(g.generate(
        db->connection(), 60, &error, [&](int n) { lastProgress = n; }, 25))
        << error.toStdString();
    EXPECT_EQ(lastProgress, 60);
    EXPECT_EQ(test::scalar(*db, QStringLiteral("SELECT count(*) FROM reviews")), 60);
    // Every status, every RAG and every target precision occurs.
    EXPECT_EQ(test::scalar(*db, QStringLiteral("SELECT count(DISTINCT status) FROM actions")), 6);
    EXPECT_EQ(test::scalar(*db, QStringLiteral("SELECT count(DISTINCT rag) FROM actions")), 5);
    EXPECT_EQ(test::scalar(*db, QStringLiteral("SELECT count(DISTINCT target_precision) FROM actions")), 5);
    EXPECT_GT(
        test::scalar(*db, QStringLiteral("SELECT count(*) FROM recommendations WHERE parent_id IS NOT NULL")),
        0);
    EXPECT_GT(test::scalar(*db, QStringLiteral("SELECT count(*) FROM owners")), 20);
    EXPECT_EQ(
        test::scalar(
            *db, QStringLiteral("SELECT count(*) FROM actions WHERE review_id <> "
                                "(SELECT review_id FROM recommendations c WHERE c.id = recommendation_id)")),
        0);
    StatusQueries q(db->connection());
    const int overdue = q.overdueCount(QDate(2026, 11, 23));
    const qint64 total = test::scalar(*db, QStringLiteral("SELECT count(*) FROM actions"));
    EXPECT_GT(overdue, total / 10);
    EXPECT_LT(overdue, total / 2);
}
