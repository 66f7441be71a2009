#include "TestSupport.h"
#include "db/PlanQueries.h"
#include "models/ActionTableModel.h"
#include "models/OwnerTableModel.h"
#include "models/PlanVersionTableModel.h"
#include "models/RecommendationTreeModel.h"
#include "models/ResponseTableModel.h"
#include "models/ReviewLinkTableModel.h"
#include "models/ReviewListModel.h"
#include "models/UpdateTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <gtest/gtest.h>

using namespace rt;

namespace {

struct SampleFixture : ::testing::Test
{
    test::TempDir dir;
    std::unique_ptr<Database> db;
    qint64 childX = 0;
    qint64 philip = 0;

    void SetUp() override
    {
        db = test::sampleDatabase(dir.file(QStringLiteral("plans.rtdb")));
        ASSERT_TRUE(db);
        childX = PlanQueries(db->connection()).findReview(QStringLiteral("Child X"));
        philip = PlanQueries(db->connection()).findReview(QStringLiteral("Philip"));
        ASSERT_GT(childX, 0);
        ASSERT_GT(philip, 0);
    }
    qint64 id(const QString& sql) { return test::scalar(*db, sql); }
};

// Fatal: a broken model contract aborts the test binary, which fails the test.
using Tester = QAbstractItemModelTester;
constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

} // namespace

TEST_F(SampleFixture, RecommendationTreeNestsByNumberAndPassesTheModelTester)
{
    RecommendationTreeModel model(db->connection());
    Tester tester(&model, kFatal);
    model.setReview(childX);
    ASSERT_EQ(model.rowCount(), 10);
    const QModelIndex first = model.index(0, 0);
    EXPECT_EQ(first.data().toString(), QStringLiteral("1"));
    ASSERT_EQ(model.rowCount(first), 5);
    EXPECT_EQ(model.index(0, 0, first).data().toString(), QStringLiteral("1.1"));
    EXPECT_EQ(model.index(0, RecommendationTreeModel::DecisionColumn, first).data().toString(),
              QStringLiteral("Agreed"));
    // An edit through the model is stored, and a refusal is reported.
    const QModelIndex text = model.index(0, RecommendationTreeModel::TextColumn, first);
    EXPECT_TRUE(model.setData(text, QStringLiteral("Ensure robust quality assurance.")));
    EXPECT_EQ(
        test::text(*db,
                   QStringLiteral("SELECT text FROM recommendations WHERE id = %1").arg(model.idOf(text))),
        QStringLiteral("Ensure robust quality assurance."));
    QSignalSpy refused(&model, &RecommendationTreeModel::editRefused);
    EXPECT_FALSE(model.setData(model.index(1, 0, first), QStringLiteral("1.1"))) << "duplicate number";
    EXPECT_EQ(refused.count(), 1);
    model.setReview(philip);
    EXPECT_EQ(model.index(0, RecommendationTreeModel::KindColumn).data().toString(),
              QStringLiteral("Finding"));
}

TEST_F(SampleFixture, ResponsesShowEveryRecommendationTheyAnswer)
{
    ResponseTableModel model(db->connection());
    Tester tester(&model, kFatal);
    // A response of the sample that answers more than one recommendation.
    const qint64 rec = id(QStringLiteral("SELECT min(recommendation_id) FROM response_recommendations WHERE "
                                         "response_id IN (SELECT response_id FROM response_recommendations "
                                         "GROUP BY response_id HAVING count(*) > 1)"));
    ASSERT_GT(rec, 0);
    model.setRecommendation(rec);
    ASSERT_GT(model.rowCount(), 0);
    bool shared = false;
    for (int row = 0; row < model.rowCount(); ++row)
        shared =
            shared ||
            model.index(row, ResponseTableModel::AnswersColumn).data().toString().contains(QLatin1Char(','));
    EXPECT_TRUE(shared);
    model.setRecommendation(0);
    EXPECT_EQ(model.rowCount(), 0);
}

TEST_F(SampleFixture, UpdatesAreListedNewestFirstAndCannotBeEdited)
{
    UpdateTableModel model(db->connection());
    Tester tester(&model, kFatal);
    const qint64 action =
        id(QStringLiteral("SELECT action_id FROM updates GROUP BY action_id ORDER BY count(*) DESC LIMIT 1"));
    model.setAction(action);
    ASSERT_EQ(model.rowCount(),
              id(QStringLiteral("SELECT count(*) FROM updates WHERE action_id = %1").arg(action)));
    EXPECT_FALSE(model.flags(model.index(0, UpdateTableModel::TextColumn)) & Qt::ItemIsEditable);
    EXPECT_FALSE(model.setData(model.index(0, UpdateTableModel::TextColumn), QStringLiteral("rewritten")));
}

TEST_F(SampleFixture, PlanVersionsAndReviewLinksPassTheModelTester)
{
    PlanVersionTableModel versions(db->connection());
    Tester t1(&versions, kFatal);
    versions.setReview(childX);
    ASSERT_EQ(versions.rowCount(), 8);
    EXPECT_EQ(versions.index(0, PlanVersionTableModel::DateColumn).data().toString(),
              QStringLiteral("23/08/2023"));
    EXPECT_FALSE(
        versions.setData(versions.index(0, PlanVersionTableModel::DateColumn), QStringLiteral("31/02/2024")));
    EXPECT_TRUE(
        versions.setData(versions.index(0, PlanVersionTableModel::DateColumn), QStringLiteral("24/08/2023")));
    EXPECT_EQ(
        test::text(*db, QStringLiteral("SELECT date FROM plan_versions WHERE id = %1").arg(versions.idAt(0))),
        QStringLiteral("2023-08-24"));

    ReviewLinkTableModel links(db->connection());
    Tester t2(&links, kFatal);
    links.setReview(philip);
    ASSERT_EQ(links.rowCount(), 3);
    EXPECT_FALSE(links.flags(links.index(0, ReviewLinkTableModel::ReviewColumn)) & Qt::ItemIsEditable);
    EXPECT_TRUE(
        links.setData(links.index(0, ReviewLinkTableModel::NoteColumn), QStringLiteral("See Ben, 2016")));
}

TEST_F(SampleFixture, OwnersRenameEverywhereThroughTheModel)
{
    OwnerTableModel model(db->connection());
    Tester tester(&model, kFatal);
    ASSERT_GT(model.rowCount(), 10);
    int row = -1;
    for (int r = 0; r < model.rowCount(); ++r) {
        if (model.index(r, OwnerTableModel::NameColumn).data().toString() == QLatin1String("Kay Jones"))
            row = r;
    }
    ASSERT_GE(row, 0);
    const qint64 owned = model.index(row, OwnerTableModel::ActionsColumn).data().toInt();
    ASSERT_GT(owned, 0);
    EXPECT_TRUE(
        model.setData(model.index(row, OwnerTableModel::NameColumn), QStringLiteral("Kay Jones-Smith")));
    EXPECT_EQ(id(QStringLiteral("SELECT count(*) FROM actions WHERE owner_text LIKE '%Kay Jones-Smith%'")),
              owned);
}

TEST_F(SampleFixture, ActionsOfOneRecommendationComeInPlanOrder)
{
    ActionTableModel model(db->connection());
    Tester tester(&model, kFatal);
    const qint64 rec = id(
        QStringLiteral("SELECT id FROM recommendations WHERE review_id = %1 AND number = '2'").arg(philip));
    model.setRecommendation(rec);
    ASSERT_EQ(model.rowCount(), 4);
    model.setTextFilter(QStringLiteral("zzzz-no-such-word"));
    EXPECT_EQ(model.rowCount(), 0);
    model.setTextFilter(QString());
    EXPECT_EQ(model.rowCount(), 4);
    // A review page before a recommendation is chosen shows none, not all.
    model.setRecommendation(-1);
    EXPECT_EQ(model.rowCount(), 0);
    ReviewListModel reviews(db->connection());
    Tester t2(&reviews, kFatal);
    EXPECT_EQ(reviews.rowCount(), 5);
}
