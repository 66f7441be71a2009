// A tracker import logs the rows it creates in one statement per table
// (HistoryDeferral) instead of one trigger run per row: the log must read as
// if the triggers had written it, undo and redo must work on it, and a
// cancelled or paused import must leave the triggers and the log as they were.

#include "TestSupport.h"
#include "db/HistoryPause.h"
#include "db/HistoryReplay.h"
#include "db/HistoryTriggers.h"
#include "db/TrackerImporter.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <gtest/gtest.h>

using namespace rt;

namespace {

// Two reviews, three recommendations, four actions with owners, three
// updates: every table an import writes.
void writeTracker(const QString& path)
{
    const QByteArray csv =
        "Review,Rec No,Recommendation,Action,Owner,Target date,Status,Update date,Update\r\n"
        "Child Q,1,Share plans earlier,Write the protocol,Police,31/03/2025,In progress,"
        "01/02/2025,Draft circulated\r\n"
        ",,,Train the front door,Health,30/06/2025,Not started,,\r\n"
        ",2,Audit the referrals,Run the audit,Children's Social Care,2025-09,Complete,"
        "05/2025,Audit reported\r\n"
        "Child R,1,Check the chronology,Agree a template,Education,,Not started,"
        "12/01/2025,Template agreed\r\n";
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(csv);
}

int logTriggers(Database& db)
{
    return int(test::scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                               "AND name LIKE 'log\\_%' ESCAPE '\\'")));
}

qint64 maxRow(Database& db, const QString& table)
{
    return test::scalar(db, QStringLiteral("SELECT coalesce(max(rowid), 0) FROM %1").arg(table));
}

QHash<QString, qint64> lastRows(Database& db)
{
    QHash<QString, qint64> out;
    for (const HistoryTriggers::Table& t : HistoryTriggers::tables())
        out.insert(t.table, maxRow(db, t.table));
    return out;
}

// The sample database and a tracker to import into it.
class HistoryImport : public ::testing::Test
{
protected:
    void SetUp() override
    {
        db = test::sampleDatabase(dir.file(QStringLiteral("h.rtdb")));
        csv = dir.file(QStringLiteral("t.csv"));
        writeTracker(csv);
    }

    test::TempDir dir;
    std::unique_ptr<Database> db;
    QString csv;
};

} // namespace

TEST_F(HistoryImport, EveryRowAnImportCreatesIsLoggedOnceAsTheTriggersWould)
{
    const int triggers = logTriggers(*db);
    ASSERT_EQ(triggers, 3 * int(HistoryTriggers::tables().size()));
    const QHash<QString, qint64> before = lastRows(*db);
    const qint64 mark = test::scalar(*db, QStringLiteral("SELECT max(id) FROM history"));

    TrackerImporter importer(db->connection());
    ASSERT_TRUE(importer.importFile(csv)) << importer.errorString().toStdString();
    EXPECT_EQ(importer.added().actions, 4);
    EXPECT_EQ(logTriggers(*db), triggers); // set aside for the load, back afterwards

    // Each new row of each table once, nothing else, no other kind of entry.
    int tablesWritten = 0;
    for (const HistoryTriggers::Table& t : HistoryTriggers::tables()) {
        const qint64 made = test::scalar(
            *db,
            QStringLiteral("SELECT count(*) FROM %1 WHERE rowid > %2").arg(t.table).arg(before[t.table]));
        tablesWritten += made > 0 ? 1 : 0;
        EXPECT_EQ(test::scalar(*db, QStringLiteral("SELECT count(*) FROM %1 AS r WHERE r.rowid > %2 AND "
                                                   "(SELECT count(*) FROM history h WHERE h.id > %3 AND "
                                                   "h.entity = '%4' AND h.entity_id = r.rowid) = 1")
                                        .arg(t.table)
                                        .arg(before[t.table])
                                        .arg(mark)
                                        .arg(t.entity)),
                  made)
            << t.table.toStdString();
        EXPECT_EQ(
            test::scalar(*db, QStringLiteral("SELECT count(*) FROM history WHERE id > %1 AND entity = '%2'")
                                  .arg(mark)
                                  .arg(t.entity)),
            made)
            << t.table.toStdString();
    }
    EXPECT_GE(tablesWritten, 6); // reviews, recommendations, actions, owners, action owners, updates
    EXPECT_EQ(
        test::scalar(*db, QStringLiteral("SELECT count(*) FROM history WHERE id > %1 AND (field <> "
                                         "'created' OR old_value IS NOT NULL OR who <> '%2' OR at = '')")
                              .arg(mark)
                              .arg(Repository::currentUser())),
        0);

    // The row as it stands after the load, the day of the latest update included.
    EXPECT_EQ(test::scalar(*db, QStringLiteral("SELECT count(*) FROM actions a JOIN history h ON h.entity = "
                                               "'action' AND h.entity_id = a.id AND h.id > %1 WHERE "
                                               "json_extract(h.new_value, '$.text') = a.text AND "
                                               "json_extract(h.new_value, '$.last_update') IS a.last_update "
                                               "AND h.review_id = a.review_id")
                                    .arg(mark)),
              4);
    EXPECT_EQ(test::text(*db, QStringLiteral("SELECT json_extract(h.new_value, '$.last_update') FROM history "
                                             "h JOIN actions a ON a.id = h.entity_id WHERE h.entity = "
                                             "'action' AND h.id > %1 AND a.text = 'Run the audit'")
                                  .arg(mark)),
              QStringLiteral("2025-05-31"));
    // A detail names its parent record and its review, as the trigger does.
    EXPECT_EQ(test::scalar(*db, QStringLiteral("SELECT count(*) FROM updates u JOIN actions a ON a.id = "
                                               "u.action_id JOIN history h ON h.entity = 'update' AND "
                                               "h.entity_id = u.id AND h.id > %1 WHERE h.parent_entity = "
                                               "'action' AND h.parent_id = u.action_id AND h.review_id = "
                                               "a.review_id")
                                    .arg(mark)),
              3);
    // Parents before their details, as the triggers would have written them.
    EXPECT_LT(test::scalar(*db, QStringLiteral("SELECT max(id) FROM history WHERE id > %1 AND entity = "
                                               "'review'")
                                    .arg(mark)),
              test::scalar(*db, QStringLiteral("SELECT min(id) FROM history WHERE id > %1 AND entity = "
                                               "'action'")
                                    .arg(mark)));

    // Once loaded, a row inserted the ordinary way is logged by its trigger again.
    ASSERT_TRUE(db->exec(QStringLiteral("INSERT INTO themes(name) VALUES ('After the import')")));
    EXPECT_EQ(test::scalar(*db, QStringLiteral("SELECT count(*) FROM history WHERE entity = 'theme' AND "
                                               "field = 'created' AND json_extract(new_value, '$.name') = "
                                               "'After the import'")),
              1);
}

TEST_F(HistoryImport, UndoRemovesTheWholeImportAndRedoPutsItBack)
{
    const qint64 actionsBefore = test::scalar(*db, QStringLiteral("SELECT count(*) FROM actions"));
    const qint64 reviewsBefore = test::scalar(*db, QStringLiteral("SELECT count(*) FROM reviews"));
    db->session()->takeCommitted();

    TrackerImporter importer(db->connection());
    ASSERT_TRUE(importer.importFile(csv)) << importer.errorString().toStdString();
    const QVector<SqliteSession::Range> import = db->session()->takeCommitted();
    ASSERT_EQ(import.size(), 1); // one transaction, one undo step

    HistoryReplay replay(db->connection());
    ASSERT_TRUE(replay.undo(import)) << replay.errorString().toStdString();
    EXPECT_EQ(test::scalar(*db, QStringLiteral("SELECT count(*) FROM actions")), actionsBefore);
    EXPECT_EQ(test::scalar(*db, QStringLiteral("SELECT count(*) FROM reviews")), reviewsBefore);
    EXPECT_EQ(test::scalar(*db, QStringLiteral("SELECT count(*) FROM owners WHERE name = 'Education'")), 0);

    ASSERT_TRUE(replay.redo(import)) << replay.errorString().toStdString();
    EXPECT_EQ(test::scalar(*db, QStringLiteral("SELECT count(*) FROM actions")), actionsBefore + 4);
    EXPECT_EQ(
        test::text(*db, QStringLiteral("SELECT a.last_update || ' ' || u.text FROM actions a JOIN "
                                       "updates u ON u.action_id = a.id WHERE a.text = 'Run the audit'")),
        QStringLiteral("2025-05-31 Audit reported"));
    EXPECT_EQ(test::text(*db, QStringLiteral("SELECT o.name FROM actions a JOIN action_owners ao ON "
                                             "ao.action_id = a.id JOIN owners o ON o.id = ao.owner_id WHERE "
                                             "a.text = 'Agree a template'")),
              QStringLiteral("Education"));
}

TEST_F(HistoryImport, ACancelledImportLeavesTheTriggersAndTheLogAsTheyWere)
{
    const int triggers = logTriggers(*db);
    const qint64 logged = test::scalar(*db, QStringLiteral("SELECT count(*) FROM history"));

    // Cancelled at the last moment: after the load, before the commit.
    TrackerImporter importer(db->connection());
    importer.setProgress([](int done, int total) { return done < total; });
    ASSERT_FALSE(importer.importFile(csv));
    EXPECT_TRUE(importer.wasCancelled());
    EXPECT_EQ(logTriggers(*db), triggers);
    EXPECT_EQ(test::scalar(*db, QStringLiteral("SELECT count(*) FROM history")), logged);
    ASSERT_TRUE(db->exec(QStringLiteral("INSERT INTO themes(name) VALUES ('Still logged')")));
    EXPECT_EQ(test::scalar(*db, QStringLiteral("SELECT count(*) FROM history")), logged + 1);
}

TEST_F(HistoryImport, AnImportUnderAPauseLogsNothingAndAPauseWithinAPauseKeepsItPaused)
{
    const qint64 logged = test::scalar(*db, QStringLiteral("SELECT count(*) FROM history"));
    {
        HistoryPause outer(db->connection());
        ASSERT_TRUE(outer.isPaused());
        {
            HistoryPause inner(db->connection());
            ASSERT_TRUE(inner.isPaused());
        }
        // The import pauses for its bookkeeping too; neither may switch logging back on.
        TrackerImporter importer(db->connection());
        ASSERT_TRUE(importer.importFile(csv)) << importer.errorString().toStdString();
        ASSERT_TRUE(db->exec(QStringLiteral("UPDATE themes SET name = name || '.'")));
        EXPECT_EQ(test::scalar(*db, QStringLiteral("SELECT count(*) FROM history")), logged);
    }
    ASSERT_TRUE(db->exec(QStringLiteral("UPDATE themes SET name = name || '.'")));
    EXPECT_GT(test::scalar(*db, QStringLiteral("SELECT count(*) FROM history")), logged);
}
