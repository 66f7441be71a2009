#include "TestSupport.h"
#include "db/ActionRepository.h"
#include "db/UpdateRepository.h"

#include <gtest/gtest.h>

using namespace rt;

namespace {

class EditActionTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        db = test::sampleDatabase(dir.file(QStringLiteral("actions.rtdb")));
        childX = test::scalar(*db, QStringLiteral("SELECT id FROM reviews WHERE title = 'Child X'"));
        ASSERT_GT(childX, 0);
    }
    qint64 count(const QString& sql) { return test::scalar(*db, sql); }
    qint64 rec(const char* number)
    {
        return count(QStringLiteral("SELECT id FROM recommendations WHERE review_id = %1 AND number = '%2'")
                         .arg(childX)
                         .arg(QLatin1String(number)));
    }
    qint64 action(const char* number)
    {
        return count(QStringLiteral("SELECT min(id) FROM actions WHERE review_id = %1 AND number = '%2'")
                         .arg(childX)
                         .arg(QLatin1String(number)));
    }
    QString column(const char* name, qint64 id)
    {
        return test::text(*db, QStringLiteral("SELECT coalesce(%1, '<null>') FROM actions WHERE id = %2")
                                   .arg(QLatin1String(name))
                                   .arg(id));
    }
    QString owners(qint64 id)
    {
        return test::text(
            *db, QStringLiteral("SELECT coalesce(group_concat(name, '|'), '') FROM (SELECT o.name FROM "
                                "action_owners ao JOIN owners o ON o.id = ao.owner_id WHERE "
                                "ao.action_id = %1 ORDER BY ao.position)")
                     .arg(id));
    }
    QString links(qint64 id)
    {
        return test::text(
            *db, QStringLiteral("SELECT coalesce(group_concat(link, '|'), '') FROM (SELECT a.number || "
                                "'=' || l.note AS link FROM action_links l JOIN actions a ON a.id = "
                                "l.linked_action_id WHERE l.action_id = %1 ORDER BY a.number)")
                     .arg(id));
    }
    // Every update of the action, oldest first, to show none is ever rewritten.
    QString updates(qint64 id)
    {
        return test::text(
            *db, QStringLiteral("SELECT coalesce(group_concat(u, '#'), '') FROM (SELECT id || '|' || "
                                "coalesce(date, '-') || '|' || label || '|' || author || '|' || text "
                                "|| '|' || rag || '|' || position AS u FROM updates WHERE action_id = "
                                "%1 ORDER BY id)")
                     .arg(id));
    }

    test::TempDir dir;
    std::unique_ptr<Database> db;
    qint64 childX = 0;
};

} // namespace

TEST_F(EditActionTest, CreateReadsTheTargetAndNumbersTheFirstActionAfterItsRecommendation)
{
    ActionRepository repo(db->connection());
    const qint64 recommendation = rec("6.2"); // has no actions yet
    ASSERT_EQ(
        count(
            QStringLiteral("SELECT count(*) FROM actions WHERE recommendation_id = %1").arg(recommendation)),
        0);
    const qint64 ownersBefore = count(QStringLiteral("SELECT count(*) FROM owners"));
    const qint64 id = repo.create(recommendation, QStringLiteral("Audit the new pathway."),
                                  QStringLiteral("March 2025"), QStringLiteral("kay jones; Quentin Quokka"));
    ASSERT_GT(id, 0) << repo.errorString().toStdString();
    EXPECT_EQ(column("target_text", id), QStringLiteral("March 2025"));
    EXPECT_EQ(column("target_precision", id), QStringLiteral("month"));
    EXPECT_EQ(column("target_due", id), QStringLiteral("2025-03-31"));
    EXPECT_EQ(column("number", id), QStringLiteral("6.2.1"));
    EXPECT_EQ(column("review_id", id), QString::number(childX));
    EXPECT_EQ(column("position", id), QStringLiteral("1"));
    EXPECT_EQ(column("status", id), QStringLiteral("not_started"));
    // The existing owner is reused with its own spelling; the new one is added.
    EXPECT_EQ(column("owner_text", id), QStringLiteral("Kay Jones; Quentin Quokka"));
    EXPECT_EQ(owners(id), QStringLiteral("Kay Jones|Quentin Quokka"));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM owners")), ownersBefore + 1);
}

TEST_F(EditActionTest, CreateFollowsTheNumbersOfTheOtherActions)
{
    ActionRepository repo(db->connection());
    const qint64 recommendation = rec("1.1"); // its action is numbered "1.1"
    const qint64 id = repo.create(recommendation, QStringLiteral("A second step."));
    ASSERT_GT(id, 0) << repo.errorString().toStdString();
    EXPECT_EQ(column("number", id), QStringLiteral("1.2"));
    EXPECT_EQ(column("position", id), QStringLiteral("2"));
    EXPECT_EQ(column("target_precision", id), QStringLiteral("none"));
    EXPECT_EQ(column("target_due", id), QStringLiteral("<null>"));

    // Where the plan does not number its actions, neither does a new one.
    const qint64 unnumbered =
        count(QStringLiteral("SELECT min(recommendation_id) FROM actions WHERE number = ''"));
    ASSERT_GT(unnumbered, 0);
    const qint64 plain = repo.create(unnumbered, QStringLiteral("Another step."));
    ASSERT_GT(plain, 0);
    EXPECT_EQ(column("number", plain), QString());
}

TEST_F(EditActionTest, CreateRefusalsAddNothing)
{
    ActionRepository repo(db->connection());
    const qint64 before = count(QStringLiteral("SELECT count(*) FROM actions"));
    const qint64 ownersBefore = count(QStringLiteral("SELECT count(*) FROM owners"));
    EXPECT_EQ(repo.create(rec("6.2"), QStringLiteral("  "), QString(), QStringLiteral("New Owner")), 0);
    EXPECT_EQ(repo.errorString(), QStringLiteral("An action needs its text."));
    EXPECT_EQ(repo.create(rec("6.2"), QStringLiteral("Do it."), QStringLiteral("Marchh 2025")), 0);
    EXPECT_EQ(repo.errorString(),
              QStringLiteral("“Marchh 2025” is not a target date: “Marchh” is not a month name."));
    EXPECT_EQ(repo.create(999999, QStringLiteral("Do it."), QString(), QStringLiteral("New Owner")), 0);
    EXPECT_FALSE(repo.errorString().isEmpty());
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM actions")), before);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM owners")), ownersBefore);
}

TEST_F(EditActionTest, OwnerTextAndOwnerRowsStayInStep)
{
    ActionRepository repo(db->connection());
    const qint64 id = action("4.2");
    const qint64 version = count(QStringLiteral("SELECT version FROM actions WHERE id = %1").arg(id));
    ASSERT_TRUE(repo.setField(id, ActionRepository::Field::Owner,
                              QStringLiteral(" kay jones ;  ; Brand New Owner ;Kay Jones")))
        << repo.errorString().toStdString();
    EXPECT_EQ(column("owner_text", id), QStringLiteral("Kay Jones; Brand New Owner"));
    EXPECT_EQ(owners(id), QStringLiteral("Kay Jones|Brand New Owner"));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM owners WHERE lower(name) = 'kay jones'")), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT version FROM actions WHERE id = %1").arg(id)), version + 1);
    // The filter box finds the action by its new owner.
    EXPECT_EQ(
        count(QStringLiteral("SELECT rowid FROM action_search WHERE action_search MATCH 'owner:brand'")), id);

    ASSERT_TRUE(repo.setField(id, ActionRepository::Field::Owner, QString()));
    EXPECT_EQ(column("owner_text", id), QString());
    EXPECT_EQ(owners(id), QString());
}

TEST_F(EditActionTest, NumberIsStoredTrimmed)
{
    ActionRepository repo(db->connection());
    const qint64 id = action("4.2");
    ASSERT_TRUE(repo.setField(id, ActionRepository::Field::Number, QStringLiteral(" 4.2a ")));
    EXPECT_EQ(column("number", id), QStringLiteral("4.2a"));
}

TEST_F(EditActionTest, DeleteTakesItsUpdatesAsTheImpactSays)
{
    const qint64 id = count(QStringLiteral("SELECT min(action_id) FROM updates"));
    ActionRepository repo(db->connection());
    const DeleteImpact impact = repo.impact(id);
    EXPECT_GT(impact.updates, 0);
    EXPECT_EQ(impact.actions, 0);
    const qint64 updates = count(QStringLiteral("SELECT count(*) FROM updates"));
    const qint64 actions = count(QStringLiteral("SELECT count(*) FROM actions"));
    ASSERT_TRUE(repo.remove(id)) << repo.errorString().toStdString();
    EXPECT_EQ(updates - count(QStringLiteral("SELECT count(*) FROM updates")), impact.updates);
    EXPECT_EQ(actions - count(QStringLiteral("SELECT count(*) FROM actions")), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM action_owners WHERE action_id = %1").arg(id)), 0);
    EXPECT_FALSE(repo.remove(id));
    EXPECT_FALSE(repo.errorString().isEmpty());
}

TEST_F(EditActionTest, MoveSwapsWithinItsRecommendation)
{
    const qint64 recommendation = count(
        QStringLiteral("SELECT min(recommendation_id) FROM (SELECT recommendation_id FROM actions GROUP BY "
                       "recommendation_id HAVING count(*) >= 3)"));
    ASSERT_GT(recommendation, 0);
    auto order = [&] {
        return test::text(*db,
                          QStringLiteral("SELECT group_concat(id, ',') FROM (SELECT id FROM actions WHERE "
                                         "recommendation_id = %1 ORDER BY position, id)")
                              .arg(recommendation));
    };
    const QStringList before = order().split(QLatin1Char(','));
    ActionRepository repo(db->connection());
    ASSERT_TRUE(repo.move(before.at(1).toLongLong(), -1)) << repo.errorString().toStdString();
    QStringList expected = before;
    expected.swapItemsAt(0, 1);
    EXPECT_EQ(order(), expected.join(QLatin1Char(',')));

    EXPECT_FALSE(repo.move(expected.first().toLongLong(), -1));
    EXPECT_EQ(repo.errorString(), QStringLiteral("Already first."));
    EXPECT_FALSE(repo.move(expected.last().toLongLong(), +1));
    EXPECT_EQ(repo.errorString(), QStringLiteral("Already last."));
    EXPECT_EQ(order(), expected.join(QLatin1Char(',')));

    // Actions sharing a position are numbered 1..n first, so the move shows.
    ASSERT_TRUE(db->exec(
        QStringLiteral("UPDATE actions SET position = 0 WHERE recommendation_id = %1").arg(recommendation)));
    const QStringList tied = order().split(QLatin1Char(','));
    ASSERT_TRUE(repo.move(tied.last().toLongLong(), -1));
    QStringList moved = tied;
    moved.swapItemsAt(tied.size() - 1, tied.size() - 2);
    EXPECT_EQ(order(), moved.join(QLatin1Char(',')));
    EXPECT_EQ(
        count(QStringLiteral("SELECT count(DISTINCT position) FROM actions WHERE recommendation_id = %1")
                  .arg(recommendation)),
        tied.size());
}

TEST_F(EditActionTest, LinksAreSetByNumberKeepingNotes)
{
    ActionRepository repo(db->connection());
    const qint64 id = action("5.1");
    ASSERT_EQ(links(id), QStringLiteral("1.2=Links to action 1.2 and 3.1|3.1=Links to action 1.2 and 3.1"));

    EXPECT_FALSE(repo.setLinkedNumbers(id, QStringLiteral("1.2, 99.9")));
    EXPECT_TRUE(repo.errorString().contains(QStringLiteral("99.9"))) << repo.errorString().toStdString();
    EXPECT_FALSE(repo.setLinkedNumbers(id, QStringLiteral("5.1")));
    EXPECT_FALSE(repo.errorString().isEmpty());
    EXPECT_EQ(links(id), QStringLiteral("1.2=Links to action 1.2 and 3.1|3.1=Links to action 1.2 and 3.1"));

    ASSERT_TRUE(repo.setLinkedNumbers(id, QStringLiteral("1.2; 7.1")));
    EXPECT_EQ(links(id), QStringLiteral("1.2=Links to action 1.2 and 3.1|7.1="));
    ASSERT_TRUE(repo.setLinkedNumbers(id, QString()));
    EXPECT_EQ(links(id), QString());
}

TEST_F(EditActionTest, AnUpdateWithARagSetsTheActionsRag)
{
    const qint64 id = count(QStringLiteral("SELECT min(action_id) FROM updates"));
    const QString earlier = updates(id);
    ASSERT_FALSE(earlier.isEmpty());
    const qint64 version = count(QStringLiteral("SELECT version FROM actions WHERE id = %1").arg(id));
    const qint64 lastPosition =
        count(QStringLiteral("SELECT max(position) FROM updates WHERE action_id = %1").arg(id));

    UpdateRepository repo(db->connection());
    repo.setToday(QDate(2025, 6, 15));
    const qint64 update = repo.add(id, QString(), QStringLiteral(" Kay Jones "),
                                   QStringLiteral("Audit booked."), QStringLiteral("Red"));
    ASSERT_GT(update, 0) << repo.errorString().toStdString();
    EXPECT_EQ(
        test::text(*db, QStringLiteral("SELECT date || '|' || label || '|' || author || '|' || rag || '|' || "
                                       "position FROM updates WHERE id = %1")
                            .arg(update)),
        QStringLiteral("2025-06-15||Kay Jones|red|%1").arg(lastPosition + 1));
    EXPECT_EQ(column("rag", id), QStringLiteral("red"));
    EXPECT_EQ(count(QStringLiteral("SELECT version FROM actions WHERE id = %1").arg(id)), version + 1);
    // The earlier updates are exactly as they were.
    EXPECT_TRUE(updates(id).startsWith(earlier + QLatin1Char('#')));

    // Without a RAG the action's rating and version stay.
    ASSERT_GT(
        repo.add(id, QStringLiteral("June 2025"), QString(), QStringLiteral("Still booked."), QString()), 0);
    EXPECT_EQ(column("rag", id), QStringLiteral("red"));
    EXPECT_EQ(count(QStringLiteral("SELECT version FROM actions WHERE id = %1").arg(id)), version + 1);
    EXPECT_EQ(
        test::text(
            *db,
            QStringLiteral("SELECT date FROM updates WHERE action_id = %1 ORDER BY position DESC").arg(id)),
        QStringLiteral("2025-06"));
    ASSERT_GT(repo.add(id, QStringLiteral("12/06/2025"), QString(), QStringLiteral("Done."),
                       QStringLiteral("blue")),
              0);
    EXPECT_EQ(column("rag", id), QStringLiteral("blue"));
}

TEST_F(EditActionTest, UpdatesCannotBeDatedInTheFutureAndRefusalsAddNothing)
{
    const qint64 id = count(QStringLiteral("SELECT min(action_id) FROM updates"));
    const QString before = updates(id) + column("rag", id) + column("version", id);
    const qint64 total = count(QStringLiteral("SELECT count(*) FROM updates"));
    UpdateRepository repo(db->connection());
    repo.setToday(QDate(2025, 6, 15));
    EXPECT_EQ(repo.add(id, QStringLiteral("16/06/2025"), QString(), QStringLiteral("Tomorrow."),
                       QStringLiteral("Red")),
              0);
    EXPECT_EQ(repo.errorString(), QStringLiteral("An update cannot be dated in the future."));
    EXPECT_EQ(repo.add(id, QStringLiteral("July 2025"), QString(), QStringLiteral("Next month."), QString()),
              0);
    EXPECT_EQ(repo.add(id, QStringLiteral("2026"), QString(), QStringLiteral("Next year."), QString()), 0);
    EXPECT_EQ(repo.add(id, QStringLiteral("Marchh 2025"), QString(), QStringLiteral("Typo."), QString()), 0);
    EXPECT_TRUE(repo.errorString().contains(QStringLiteral("Marchh 2025")));
    EXPECT_EQ(repo.add(id, QString(), QString(), QStringLiteral("   "), QStringLiteral("Red")), 0);
    EXPECT_EQ(repo.add(id, QString(), QString(), QStringLiteral("Colourful."), QStringLiteral("Purple")), 0);
    EXPECT_TRUE(repo.errorString().contains(QStringLiteral("Purple")));
    EXPECT_EQ(repo.add(999999, QString(), QString(), QStringLiteral("Nobody's."), QString()), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM updates")), total);
    EXPECT_EQ(updates(id) + column("rag", id) + column("version", id), before);
}
