#include "db/ActionRepository.h"

#include "TestSupport.h"

#include <QSqlQuery>
#include <gtest/gtest.h>

using namespace rt;

namespace {

class ActionRepositoryTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        db = test::sampleDatabase(dir.file(QStringLiteral("edit.rtdb")));
        actionId = test::scalar(*db, QStringLiteral("SELECT min(id) FROM actions"));
        ASSERT_GT(actionId, 0);
    }
    QString field(const char* column)
    {
        return test::text(*db, QStringLiteral("SELECT coalesce(%1, '<null>') FROM actions WHERE id = %2")
                                   .arg(QLatin1String(column))
                                   .arg(actionId));
    }

    test::TempDir dir;
    std::unique_ptr<Database> db;
    qint64 actionId = 0;
};

} // namespace

TEST_F(ActionRepositoryTest, MonthTargetIsStoredWithItsDueDate)
{
    ActionRepository repo(db->connection());
    ASSERT_TRUE(repo.setField(actionId, ActionRepository::Field::Target, QStringLiteral("Sept 2025")))
        << repo.errorString().toStdString();
    EXPECT_EQ(field("target_text"), QStringLiteral("Sept 2025"));
    EXPECT_EQ(field("target_precision"), QStringLiteral("month"));
    EXPECT_EQ(field("target_due"), QStringLiteral("2025-09-30"));
    ASSERT_TRUE(repo.setField(actionId, ActionRepository::Field::Target, QStringLiteral("Ongoing")));
    EXPECT_EQ(field("target_due"), QStringLiteral("<null>"));
}

TEST_F(ActionRepositoryTest, BadInputIsRefusedAndNothingChanges)
{
    ActionRepository repo(db->connection());
    const QString before = field("target_text") + field("text") + field("status") + field("rag");
    const qint64 version =
        test::scalar(*db, QStringLiteral("SELECT version FROM actions WHERE id = %1").arg(actionId));
    EXPECT_FALSE(repo.setField(actionId, ActionRepository::Field::Target, QStringLiteral("next spring")));
    EXPECT_TRUE(repo.errorString().contains(QStringLiteral("next spring")));
    EXPECT_FALSE(repo.setField(actionId, ActionRepository::Field::Text, QStringLiteral("   ")));
    EXPECT_FALSE(repo.setField(actionId, ActionRepository::Field::Status, QStringLiteral("Nearly")));
    EXPECT_FALSE(repo.setField(actionId, ActionRepository::Field::Rag, QStringLiteral("Purple")));
    EXPECT_EQ(field("target_text") + field("text") + field("status") + field("rag"), before);
    EXPECT_EQ(test::scalar(*db, QStringLiteral("SELECT version FROM actions WHERE id = %1").arg(actionId)),
              version);
}

TEST_F(ActionRepositoryTest, StatusKeepsTheWrittenWord)
{
    ActionRepository repo(db->connection());
    ASSERT_TRUE(repo.setField(actionId, ActionRepository::Field::Status, QStringLiteral("Completed")));
    EXPECT_EQ(field("status"), QStringLiteral("complete"));
    EXPECT_EQ(field("status_text"), QStringLiteral("Completed"));
}

TEST_F(ActionRepositoryTest, EditsBumpTheVersionAndFeedTheTextIndex)
{
    ActionRepository repo(db->connection());
    const qint64 version =
        test::scalar(*db, QStringLiteral("SELECT version FROM actions WHERE id = %1").arg(actionId));
    ASSERT_TRUE(
        repo.setField(actionId, ActionRepository::Field::Text, QStringLiteral("Zanzibar quokka audit")));
    EXPECT_EQ(test::scalar(*db, QStringLiteral("SELECT version FROM actions WHERE id = %1").arg(actionId)),
              version + 1);
    EXPECT_EQ(test::scalar(
                  *db, QStringLiteral("SELECT rowid FROM action_search WHERE action_search MATCH 'quokk*'")),
              actionId);
}

TEST_F(ActionRepositoryTest, ProgressUpdatesAreNeverOverwritten)
{
    QSqlQuery q(db->connection());
    ASSERT_TRUE(
        q.exec(QStringLiteral("INSERT INTO updates(action_id, date, text) VALUES (%1, '2024-02', 'First')")
                   .arg(actionId)));
    EXPECT_FALSE(q.exec(QStringLiteral("UPDATE updates SET text = 'Rewritten'")));
    EXPECT_EQ(test::scalar(*db, QStringLiteral("SELECT count(*) FROM updates WHERE text = 'First'")), 1);
}
