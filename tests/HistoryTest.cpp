// The change history as the database keeps it: every table logged by its
// triggers, an upgrade that keeps the older log, and a pause that only the
// restoring connection sees.

#include "TestSupport.h"
#include "db/HistoryPause.h"
#include "db/HistoryTriggers.h"
#include "db/Migrations.h"
#include "db/ReviewRepository.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <gtest/gtest.h>

using namespace rt;

namespace {

QStringList names(Database& db, const QString& sql)
{
    QStringList out;
    QSqlQuery q(db.connection());
    EXPECT_TRUE(q.exec(sql)) << q.lastError().text().toStdString();
    while (q.next())
        out << q.value(0).toString();
    return out;
}

} // namespace

TEST(History, EveryTableOfRecordsHasItsThreeTriggers)
{
    test::TempDir dir;
    auto db = test::emptyDatabase(dir.file(QStringLiteral("h.rtdb")));
    // Every table but the log itself and the search index's own: a table
    // added later without a line in HistoryTriggers::tables() fails here.
    const QStringList tables =
        names(*db, QStringLiteral(
                       "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                       "'sqlite_%' AND name NOT LIKE 'action_search%' AND name <> 'history' ORDER BY name"));
    QSet<QString> logged;
    for (const HistoryTriggers::Table& t : HistoryTriggers::tables())
        logged.insert(t.table);
    for (const QString& table : tables) {
        EXPECT_TRUE(logged.contains(table)) << table.toStdString() << " is not logged";
        const QStringList triggers = names(
            *db, QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = '%1' "
                                "AND name LIKE 'log_%' ORDER BY name")
                     .arg(table));
        EXPECT_EQ(triggers.size(), 3) << table.toStdString();
    }
}

TEST(History, AReviewEditAndACascadedDeletionAreLoggedWithTheirParents)
{
    test::TempDir dir;
    auto db = test::sampleDatabase(dir.file(QStringLiteral("h.rtdb")));
    const qint64 review = test::scalar(*db, QStringLiteral("SELECT id FROM reviews WHERE title = 'Child X'"));
    const qint64 mark = test::scalar(*db, QStringLiteral("SELECT max(id) FROM history"));
    ReviewRepository repo(db->connection());
    ASSERT_TRUE(repo.setField(review, ReviewRepository::Field::Title, QStringLiteral("Child X (2023)")))
        << repo.errorString().toStdString();
    EXPECT_EQ(test::text(
                  *db, QStringLiteral("SELECT entity || ':' || field || ':' || old_value || '>' || new_value "
                                      "|| ':' || review_id FROM history WHERE id > %1")
                           .arg(mark)),
              QStringLiteral("review:title:Child X>Child X (2023):%1").arg(review));
    // A plan version goes with a note of which review it belonged to.
    const qint64 version = test::scalar(
        *db, QStringLiteral("SELECT min(id) FROM plan_versions WHERE review_id = %1").arg(review));
    QSqlQuery q(db->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("DELETE FROM plan_versions WHERE id = %1").arg(version)));
    EXPECT_EQ(
        test::text(*db, QStringLiteral("SELECT parent_entity || ':' || parent_id || ':' || review_id || ':' "
                                       "|| json_extract(old_value, '$.version') FROM history WHERE id > %1 "
                                       "AND field = 'deleted'")
                            .arg(mark)),
        QStringLiteral("review:%1:%1:1.0").arg(review));
}

TEST(History, APauseStopsLoggingOnlyOnItsOwnConnection)
{
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("h.rtdb"));
    auto db = test::sampleDatabase(path);
    Database other;
    ASSERT_TRUE(other.open(path, Database::OpenMode::ReadWrite));
    const qint64 before = test::scalar(*db, QStringLiteral("SELECT count(*) FROM history"));
    {
        HistoryPause pause(db->connection());
        ASSERT_TRUE(pause.isPaused()) << pause.errorString().toStdString();
        ASSERT_TRUE(db->exec(QStringLiteral("UPDATE themes SET name = name || ' (restored)'")));
        ASSERT_TRUE(other.exec(QStringLiteral("UPDATE agencies SET short_name = 'X' WHERE id = 1")));
    }
    EXPECT_EQ(test::scalar(*db, QStringLiteral("SELECT count(*) FROM history")), before + 1);
    ASSERT_TRUE(db->exec(QStringLiteral("UPDATE themes SET name = name || '.'")));
    EXPECT_GT(test::scalar(*db, QStringLiteral("SELECT count(*) FROM history")), before + 1);
}

TEST(History, UpgradingASchemaFourFileKeepsItsLogAndStartsLoggingEverything)
{
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("old.rtdb"));
    {
        // A file as the previous program left it: schema 4, one logged change.
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("schema4"));
        raw.setDatabaseName(path);
        ASSERT_TRUE(raw.open());
        QString error;
        ASSERT_TRUE(Migrations::migrate(raw, 0, 4, &error)) << error.toStdString();
        QSqlQuery q(raw);
        ASSERT_TRUE(
            q.exec(QStringLiteral("INSERT INTO agencies(name, short_name, position) VALUES ('Police', "
                                  "'Police', 1)")));
        ASSERT_TRUE(
            q.exec(QStringLiteral("INSERT INTO history(at, who, entity, entity_id, field, old_value, "
                                  "new_value) VALUES ('2024-01-02T09:00:00Z', 'old.user', 'action', 7, "
                                  "'status', 'not_started', 'complete')")));
        q.finish();
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("schema4"));
    Database db;
    ASSERT_TRUE(db.open(path, Database::OpenMode::ReadWrite)) << db.errorString().toStdString();
    EXPECT_EQ(db.schemaVersion(), Database::kSchemaVersion);
    EXPECT_EQ(test::text(db, QStringLiteral("SELECT who || ':' || field FROM history")),
              QStringLiteral("old.user:status"));
    ASSERT_TRUE(db.exec(QStringLiteral("UPDATE agencies SET short_name = 'Constabulary'")));
    EXPECT_EQ(
        test::scalar(db, QStringLiteral("SELECT count(*) FROM history WHERE entity = 'agency' AND field = "
                                        "'short_name'")),
        1);
}
