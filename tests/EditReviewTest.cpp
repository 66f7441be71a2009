#include "TestSupport.h"
#include "db/DeleteImpact.h"
#include "db/ReviewRepository.h"

#include <gtest/gtest.h>

using namespace rt;

namespace {

class EditReviewTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        db = test::sampleDatabase(dir.file(QStringLiteral("reviews.rtdb")));
        childX = test::scalar(*db, QStringLiteral("SELECT id FROM reviews WHERE title = 'Child X'"));
        ASSERT_GT(childX, 0);
    }
    qint64 count(const QString& sql) { return test::scalar(*db, sql); }
    // Every column of the review, to show a refused edit changed nothing.
    QString reviewRow(qint64 id)
    {
        return test::text(
            *db, QStringLiteral("SELECT kind || '|' || reference || '|' || title || '|' || body || '|' "
                                "|| coalesce(year, '-') || '|' || coalesce(initiated, '-') || '|' || "
                                "coalesce(completed, '-') || '|' || coalesce(published, '-') || '|' "
                                "|| summary || '|' || version FROM reviews WHERE id = %1")
                     .arg(id));
    }
    QString column(const char* name, qint64 id)
    {
        return test::text(*db, QStringLiteral("SELECT coalesce(%1, '<null>') FROM reviews WHERE id = %2")
                                   .arg(QLatin1String(name))
                                   .arg(id));
    }

    test::TempDir dir;
    std::unique_ptr<Database> db;
    qint64 childX = 0;
};

} // namespace

TEST_F(EditReviewTest, CreateTakesTheKindCodeOrWordAndGoesLast)
{
    ReviewRepository repo(db->connection());
    const qint64 lastPosition = count(QStringLiteral("SELECT max(position) FROM reviews"));
    const qint64 id =
        repo.create(QStringLiteral("Local Child Safeguarding Practice Review"), QStringLiteral(" Child Z "));
    ASSERT_GT(id, 0) << repo.errorString().toStdString();
    EXPECT_EQ(column("kind", id), QStringLiteral("lcspr"));
    EXPECT_EQ(column("title", id), QStringLiteral("Child Z"));
    EXPECT_EQ(count(QStringLiteral("SELECT position FROM reviews WHERE id = %1").arg(id)), lastPosition + 1);
    EXPECT_GT(repo.create(QStringLiteral("rr"), QStringLiteral("Rapid one")), 0);
}

TEST_F(EditReviewTest, CreateRefusesAnUnknownKindOrABlankTitle)
{
    ReviewRepository repo(db->connection());
    const qint64 before = count(QStringLiteral("SELECT count(*) FROM reviews"));
    EXPECT_EQ(repo.create(QStringLiteral("Inquiry"), QStringLiteral("Child Z")), 0);
    EXPECT_TRUE(repo.errorString().contains(QStringLiteral("Inquiry")));
    EXPECT_EQ(repo.create(QStringLiteral("scr"), QStringLiteral("   ")), 0);
    EXPECT_FALSE(repo.errorString().isEmpty());
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM reviews")), before);
}

TEST_F(EditReviewTest, DatesAreReadTheUkWayAndStoredAsPartialIso)
{
    ReviewRepository repo(db->connection());
    const qint64 version = count(QStringLiteral("SELECT version FROM reviews WHERE id = %1").arg(childX));
    ASSERT_TRUE(repo.setField(childX, ReviewRepository::Field::Published, QStringLiteral("18/06/2020")))
        << repo.errorString().toStdString();
    EXPECT_EQ(column("published", childX), QStringLiteral("2020-06-18"));
    ASSERT_TRUE(repo.setField(childX, ReviewRepository::Field::Initiated, QStringLiteral("June 2019")));
    EXPECT_EQ(column("initiated", childX), QStringLiteral("2019-06"));
    ASSERT_TRUE(repo.setField(childX, ReviewRepository::Field::Completed, QStringLiteral("")));
    EXPECT_EQ(column("completed", childX), QStringLiteral("<null>"));
    ASSERT_TRUE(repo.setField(childX, ReviewRepository::Field::Year, QStringLiteral("2021")));
    EXPECT_EQ(column("year", childX), QStringLiteral("2021"));
    ASSERT_TRUE(repo.setField(childX, ReviewRepository::Field::Year, QString()));
    EXPECT_EQ(column("year", childX), QStringLiteral("<null>"));
    ASSERT_TRUE(repo.setField(childX, ReviewRepository::Field::Kind, QStringLiteral("SCR")));
    EXPECT_EQ(column("kind", childX), QStringLiteral("scr"));
    ASSERT_TRUE(repo.setField(childX, ReviewRepository::Field::Reference, QStringLiteral(" 0421 ")));
    EXPECT_EQ(column("reference", childX), QStringLiteral("0421"));
    EXPECT_EQ(count(QStringLiteral("SELECT version FROM reviews WHERE id = %1").arg(childX)), version + 7);
}

TEST_F(EditReviewTest, RefusedFieldEditsLeaveTheReviewAsItWas)
{
    ReviewRepository repo(db->connection());
    const QString before = reviewRow(childX);
    EXPECT_FALSE(repo.setField(childX, ReviewRepository::Field::Published, QStringLiteral("Marchh 2024")));
    EXPECT_TRUE(repo.errorString().contains(QStringLiteral("“Marchh 2024”")))
        << repo.errorString().toStdString();
    EXPECT_FALSE(repo.setField(childX, ReviewRepository::Field::Initiated, QStringLiteral("31/02/2020")));
    EXPECT_FALSE(repo.setField(childX, ReviewRepository::Field::Year, QStringLiteral("23")));
    EXPECT_FALSE(repo.setField(childX, ReviewRepository::Field::Year, QStringLiteral("1850")));
    EXPECT_FALSE(repo.setField(childX, ReviewRepository::Field::Year, QStringLiteral("2023a")));
    EXPECT_FALSE(repo.setField(childX, ReviewRepository::Field::Title, QStringLiteral("  ")));
    EXPECT_FALSE(repo.setField(childX, ReviewRepository::Field::Kind, QStringLiteral("Inquiry")));
    EXPECT_FALSE(repo.setField(9999, ReviewRepository::Field::Title, QStringLiteral("Ghost")));
    EXPECT_EQ(reviewRow(childX), before);
}

TEST_F(EditReviewTest, DeleteRemovesWhatTheImpactCounted)
{
    ReviewRepository repo(db->connection());
    const DeleteImpact impact = repo.impact(childX);
    const QString where = QStringLiteral("review_id = %1").arg(childX);
    const qint64 recs = count(QStringLiteral("SELECT count(*) FROM recommendations"));
    const qint64 responses = count(QStringLiteral("SELECT count(*) FROM responses"));
    const qint64 actions = count(QStringLiteral("SELECT count(*) FROM actions"));
    const qint64 updates = count(QStringLiteral("SELECT count(*) FROM updates"));
    const qint64 versions = count(QStringLiteral("SELECT count(*) FROM plan_versions"));
    const qint64 links = count(QStringLiteral("SELECT count(*) FROM review_links"));
    EXPECT_GT(impact.recommendations, 0);
    EXPECT_GT(impact.actions, 0);
    EXPECT_GT(impact.updates, 0);
    EXPECT_EQ(impact.planVersions, 8);
    EXPECT_EQ(impact.recommendations,
              count(QStringLiteral("SELECT count(*) FROM recommendations WHERE ") + where));
    // A review's own recommendations are not "sub-recommendations".
    EXPECT_TRUE(
        impact.describe().startsWith(QStringLiteral("%1 recommendations, ").arg(impact.recommendations)))
        << impact.describe().toStdString();

    ASSERT_TRUE(repo.remove(childX)) << repo.errorString().toStdString();
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM reviews WHERE id = %1").arg(childX)), 0);
    EXPECT_EQ(recs - count(QStringLiteral("SELECT count(*) FROM recommendations")), impact.recommendations);
    EXPECT_EQ(responses - count(QStringLiteral("SELECT count(*) FROM responses")), impact.responses);
    EXPECT_EQ(actions - count(QStringLiteral("SELECT count(*) FROM actions")), impact.actions);
    EXPECT_EQ(updates - count(QStringLiteral("SELECT count(*) FROM updates")), impact.updates);
    EXPECT_EQ(versions - count(QStringLiteral("SELECT count(*) FROM plan_versions")), impact.planVersions);
    EXPECT_EQ(links - count(QStringLiteral("SELECT count(*) FROM review_links")), impact.reviewLinks);
    EXPECT_FALSE(repo.remove(childX));
}

TEST_F(EditReviewTest, LinksFromOtherReviewsKeepTheDeletedReviewsName)
{
    const qint64 familyY =
        count(QStringLiteral("SELECT id FROM reviews WHERE title = 'Children of Family Y'"));
    const qint64 link =
        count(QStringLiteral("SELECT min(id) FROM review_links WHERE linked_review_id = %1").arg(familyY));
    ASSERT_GT(link, 0);
    ReviewRepository repo(db->connection());
    ASSERT_TRUE(repo.remove(familyY)) << repo.errorString().toStdString();
    EXPECT_EQ(test::text(
                  *db, QStringLiteral("SELECT coalesce(linked_review_id, 0) || '|' || linked_title || '|' || "
                                      "coalesce(linked_year, '') FROM review_links WHERE id = %1")
                           .arg(link)),
              QStringLiteral("0|Children of Family Y|2019"));
}

TEST_F(EditReviewTest, PlanVersionsAreAddedEditedMovedAndRemoved)
{
    ReviewRepository repo(db->connection());
    const qint64 id = repo.addPlanVersion(childX, QStringLiteral("9.0"), QStringLiteral("04/03/2024"),
                                          QStringLiteral("Progress Update"));
    ASSERT_GT(id, 0) << repo.errorString().toStdString();
    EXPECT_EQ(
        test::text(*db,
                   QStringLiteral("SELECT date || '|' || position FROM plan_versions WHERE id = %1").arg(id)),
        QStringLiteral("2024-03-04|9"));

    ASSERT_TRUE(
        repo.setPlanVersionField(id, ReviewRepository::VersionField::Date, QStringLiteral("March 2024")));
    EXPECT_EQ(test::text(*db, QStringLiteral("SELECT date FROM plan_versions WHERE id = %1").arg(id)),
              QStringLiteral("2024-03"));

    // Refusals change nothing.
    const qint64 versions = count(QStringLiteral("SELECT count(*) FROM plan_versions"));
    EXPECT_EQ(repo.addPlanVersion(childX, QStringLiteral("  "), QString(), QString()), 0);
    EXPECT_EQ(repo.addPlanVersion(childX, QStringLiteral("10.0"), QStringLiteral("soon"), QString()), 0);
    EXPECT_TRUE(repo.errorString().contains(QStringLiteral("soon")));
    EXPECT_FALSE(repo.setPlanVersionField(id, ReviewRepository::VersionField::Version, QStringLiteral(" ")));
    EXPECT_FALSE(
        repo.setPlanVersionField(id, ReviewRepository::VersionField::Date, QStringLiteral("Smarch 2024")));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM plan_versions")), versions);
    EXPECT_EQ(
        test::text(*db,
                   QStringLiteral("SELECT version || '|' || date FROM plan_versions WHERE id = %1").arg(id)),
        QStringLiteral("9.0|2024-03"));

    // The last one moves up past 8.0 and cannot go further down.
    EXPECT_FALSE(repo.movePlanVersion(id, +1));
    EXPECT_EQ(repo.errorString(), QStringLiteral("Already last."));
    ASSERT_TRUE(repo.movePlanVersion(id, -1)) << repo.errorString().toStdString();
    EXPECT_EQ(test::text(*db, QStringLiteral(
                                  "SELECT group_concat(version, ',') FROM (SELECT version FROM plan_versions "
                                  "WHERE review_id = %1 ORDER BY position, id)")
                                  .arg(childX)),
              QStringLiteral("1.0,2.0,3.0,4.0,5.0,6.0,7.0,9.0,8.0"));
    const qint64 first = count(
        QStringLiteral("SELECT id FROM plan_versions WHERE review_id = %1 AND version = '1.0'").arg(childX));
    EXPECT_FALSE(repo.movePlanVersion(first, -1));
    EXPECT_EQ(repo.errorString(), QStringLiteral("Already first."));

    ASSERT_TRUE(repo.removePlanVersion(id));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM plan_versions WHERE id = %1").arg(id)), 0);
}

TEST_F(EditReviewTest, LinksNeedAnotherReviewOrATitle)
{
    ReviewRepository repo(db->connection());
    const qint64 philip = count(QStringLiteral("SELECT id FROM reviews WHERE title = 'Philip'"));
    const qint64 links = count(QStringLiteral("SELECT count(*) FROM review_links"));
    EXPECT_EQ(repo.addLink(childX, childX, QString(), QString(), QString()), 0);
    EXPECT_EQ(repo.addLink(childX, 9999, QString(), QString(), QString()), 0);
    EXPECT_EQ(repo.addLink(childX, 0, QStringLiteral("  "), QString(), QString()), 0);
    EXPECT_EQ(repo.addLink(childX, 0, QStringLiteral("Abigail"), QStringLiteral("soon"), QString()), 0);
    EXPECT_TRUE(repo.errorString().contains(QStringLiteral("soon")));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM review_links")), links);

    const qint64 inside =
        repo.addLink(childX, philip, QString(), QString(), QStringLiteral("similar themes"));
    ASSERT_GT(inside, 0) << repo.errorString().toStdString();
    const qint64 outside = repo.addLink(childX, 0, QStringLiteral("Abigail"), QStringLiteral("2014"),
                                        QStringLiteral("links with findings from 'Abigail' (2014)"));
    ASSERT_GT(outside, 0) << repo.errorString().toStdString();
    EXPECT_EQ(test::text(
                  *db, QStringLiteral("SELECT coalesce(linked_review_id, 0) || '|' || linked_title || '|' || "
                                      "coalesce(linked_year, '') FROM review_links WHERE id = %1")
                           .arg(outside)),
              QStringLiteral("0|Abigail|2014"));
    EXPECT_EQ(count(QStringLiteral("SELECT linked_review_id FROM review_links WHERE id = %1").arg(inside)),
              philip);

    ASSERT_TRUE(repo.setLinkNote(inside, QStringLiteral("same agencies")));
    EXPECT_EQ(test::text(*db, QStringLiteral("SELECT note FROM review_links WHERE id = %1").arg(inside)),
              QStringLiteral("same agencies"));
    ASSERT_TRUE(repo.removeLink(inside));
    EXPECT_FALSE(repo.removeLink(inside));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM review_links")), links + 1);
}

TEST(DeleteImpact, DescribesWhatGoesInBritishEnglish)
{
    DeleteImpact none;
    EXPECT_TRUE(none.isEmpty());
    EXPECT_EQ(none.describe(), QString());

    DeleteImpact many;
    many.recommendations = 2;
    many.actions = 4;
    many.updates = 12;
    EXPECT_FALSE(many.isEmpty());
    EXPECT_EQ(many.describe(), QStringLiteral("2 sub-recommendations, 4 actions and 12 progress updates"));

    DeleteImpact one;
    one.recommendations = 1;
    one.responses = 1;
    one.actions = 1;
    one.updates = 1;
    one.planVersions = 1;
    one.reviewLinks = 1;
    EXPECT_EQ(one.describe(), QStringLiteral("1 sub-recommendation, 1 response, 1 action, 1 progress update, "
                                             "1 plan version and 1 review link"));

    DeleteImpact updatesOnly;
    updatesOnly.updates = 3;
    EXPECT_EQ(updatesOnly.describe(), QStringLiteral("3 progress updates"));
    DeleteImpact two;
    two.responses = 2;
    two.planVersions = 2;
    EXPECT_EQ(two.describe(), QStringLiteral("2 responses and 2 plan versions"));
}
