// `review-tracker import`: trackers and backups from the command line, the
// JSON it prints and its exit codes.

#include "CliSupport.h"
#include "TestSupport.h"
#include "db/JsonBackup.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <gtest/gtest.h>

using namespace rt;
using rt::test::runCli;
using rt::test::scalar;

namespace {

void writeText(const QString& path, const QByteArray& text)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(text);
}

const QByteArray kTracker = "Review,Type,Rec No,Recommendation,Action,Owner,Target Date,Status,RAG,Update\r\n"
                            "Child Z,LCSPR,1,Share information,Write the protocol,GSCP Business Unit,March "
                            "2024,Underway,A,Draft written\r\n"
                            ",,,,Train staff,Workforce Development Sub-Group,2024,Planned,G,\r\n"
                            ",,2,Supervise,Audit supervision,,Ongoing,,,\r\n";

QJsonObject json(const QString& out)
{
    return QJsonDocument::fromJson(out.toUtf8()).object();
}

} // namespace

TEST(ImportCommand, ImportsATrackerIntoANewDatabaseAndPrintsWhatWasAdded)
{
    test::TempDir dir;
    const QString csv = dir.file(QStringLiteral("tracker.csv"));
    writeText(csv, kTracker);
    const QString db = dir.file(QStringLiteral("new.rtdb"));
    ASSERT_FALSE(QFileInfo::exists(db));

    const auto r = runCli({QStringLiteral("import"), QStringLiteral("--db"), db, csv});
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_EQ(r.out, QStringLiteral("{\"reviews\":1,\"recommendations\":2,\"actions\":3,\"updates\":1}\n"));
    EXPECT_TRUE(r.err.isEmpty()) << r.err.toStdString();

    Database opened;
    ASSERT_TRUE(opened.open(db, Database::OpenMode::ReadOnly)) << opened.errorString().toStdString();
    EXPECT_EQ(scalar(opened, QStringLiteral("SELECT count(*) FROM actions")), 3);
}

TEST(ImportCommand, AReviewItHasIsRefusedUnlessMerging)
{
    test::TempDir dir;
    const QString csv = dir.file(QStringLiteral("tracker.csv"));
    writeText(csv, kTracker);
    const QString db = dir.file(QStringLiteral("plans.rtdb"));
    ASSERT_EQ(runCli({QStringLiteral("import"), QStringLiteral("--db"), db, csv}).code, 0);

    auto again = runCli({QStringLiteral("import"), QStringLiteral("--db"), db, csv});
    EXPECT_EQ(again.code, 2);
    EXPECT_TRUE(again.out.isEmpty());
    EXPECT_TRUE(again.err.contains(QStringLiteral("“Child Z”"))) << again.err.toStdString();
    EXPECT_TRUE(again.err.contains(QStringLiteral("merge"))) << again.err.toStdString();

    writeText(csv, kTracker + ",,2,,Brief the Executive,,,,,Briefed\r\n");
    auto merged =
        runCli({QStringLiteral("import"), QStringLiteral("--db"), db, csv, QStringLiteral("--merge")});
    EXPECT_EQ(merged.code, 0) << merged.err.toStdString();
    const QJsonObject o = json(merged.out);
    EXPECT_EQ(o.value(QStringLiteral("reviews")).toInt(), 0);
    EXPECT_EQ(o.value(QStringLiteral("recommendations")).toInt(), 0);
    EXPECT_EQ(o.value(QStringLiteral("actions")).toInt(), 1);
    EXPECT_EQ(o.value(QStringLiteral("updates")).toInt(), 1);
}

TEST(ImportCommand, UnreadableRowsAreListedOnePerLineAndNothingIsCreated)
{
    test::TempDir dir;
    const QString csv = dir.file(QStringLiteral("bad.csv"));
    writeText(csv, "Review,Rec No,Action,Target Date,Status\r\n"
                   "Child Z,1,Write it,Sprung 2024,Done-ish\r\n"
                   ",2,Check it,Ongoing,\r\n"
                   ",3,Share it,Spring,\r\n");
    const QString db = dir.file(QStringLiteral("never.rtdb"));
    const auto r = runCli({QStringLiteral("import"), QStringLiteral("--db"), db, csv});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(r.out.isEmpty());
    const QStringList lines = r.err.trimmed().split(QLatin1Char('\n'));
    ASSERT_EQ(lines.size(), 4) << r.err.toStdString();
    EXPECT_TRUE(
        lines.at(0).startsWith(QStringLiteral("review-tracker: bad.csv: Row 2, column D (Target Date): "
                                              "“Sprung 2024” is not a date")))
        << lines.at(0).toStdString();
    EXPECT_TRUE(lines.at(1).startsWith(QStringLiteral("review-tracker: bad.csv: Row 2, column E (Status): "
                                                      "“Done-ish”")))
        << lines.at(1).toStdString();
    EXPECT_TRUE(lines.at(2).contains(QStringLiteral("Row 4, column D"))) << lines.at(2).toStdString();
    EXPECT_TRUE(lines.at(3).contains(QStringLiteral("nothing was imported"))) << lines.at(3).toStdString();
    EXPECT_FALSE(QFileInfo::exists(db)) << "a refused tracker must not create the database";
}

TEST(ImportCommand, TheKindAndTheSheetCanBeGiven)
{
    test::TempDir dir;
    const QString csv = dir.file(QStringLiteral("no-type.csv"));
    writeText(csv, "Review,Rec,Action\r\nChild Q,1,Do the thing\r\n");
    const QString db = dir.file(QStringLiteral("k.rtdb"));
    const auto r = runCli({QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--kind"),
                           QStringLiteral("SCR"), csv});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    Database opened;
    ASSERT_TRUE(opened.open(db, Database::OpenMode::ReadOnly));
    EXPECT_EQ(test::text(opened, QStringLiteral("SELECT kind FROM reviews")), QStringLiteral("scr"));
    // No Recommendation column: the number alone, and the text says so.
    EXPECT_EQ(test::text(opened, QStringLiteral("SELECT number || ' ' || text FROM recommendations")),
              QStringLiteral("1 (No recommendation text in the tracker)"));
    opened.close();

    const auto badKind = runCli({QStringLiteral("import"), QStringLiteral("--db"), db,
                                 QStringLiteral("--kind"), QStringLiteral("Inquiry"), csv});
    EXPECT_EQ(badKind.code, 1);
    EXPECT_TRUE(badKind.err.contains(QStringLiteral("“Inquiry”"))) << badKind.err.toStdString();

    const auto noSheet = runCli({QStringLiteral("import"), QStringLiteral("--db"), db,
                                 QStringLiteral("--sheet"), QStringLiteral("Plans"), csv});
    EXPECT_EQ(noSheet.code, 2);
    EXPECT_TRUE(noSheet.err.contains(QStringLiteral("no sheet “Plans”"))) << noSheet.err.toStdString();
}

TEST(ImportCommand, UsageAndFileErrors)
{
    test::TempDir dir;
    const QString db = dir.file(QStringLiteral("u.rtdb"));
    const QString csv = dir.file(QStringLiteral("t.csv"));
    writeText(csv, kTracker);

    EXPECT_EQ(runCli({QStringLiteral("import"), csv}).code, 1);                        // no --db
    EXPECT_EQ(runCli({QStringLiteral("import"), QStringLiteral("--db"), db}).code, 1); // no FILE
    EXPECT_EQ(runCli({QStringLiteral("import"), QStringLiteral("--db"), db, csv, csv}).code, 1);

    const QString txt = dir.file(QStringLiteral("notes.txt"));
    writeText(txt, "hello");
    const auto unknown = runCli({QStringLiteral("import"), QStringLiteral("--db"), db, txt});
    EXPECT_EQ(unknown.code, 2);
    EXPECT_TRUE(unknown.err.contains(txt)) << unknown.err.toStdString();
    EXPECT_TRUE(unknown.err.contains(QStringLiteral(".csv or .xlsx"))) << unknown.err.toStdString();
    EXPECT_TRUE(unknown.err.contains(QStringLiteral(".json"))) << unknown.err.toStdString();

    const auto missing = runCli(
        {QStringLiteral("import"), QStringLiteral("--db"), db, dir.file(QStringLiteral("absent.xlsx"))});
    EXPECT_EQ(missing.code, 2);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("absent.xlsx"))) << missing.err.toStdString();

    const QString notXlsx = dir.file(QStringLiteral("renamed.xlsx"));
    writeText(notXlsx, kTracker);
    const auto renamed = runCli({QStringLiteral("import"), QStringLiteral("--db"), db, notXlsx});
    EXPECT_EQ(renamed.code, 2);
    EXPECT_TRUE(renamed.err.contains(QStringLiteral("not a zip file"))) << renamed.err.toStdString();

    const QString backup = dir.file(QStringLiteral("backup.json"));
    writeText(backup, "{}");
    const auto mergeJson =
        runCli({QStringLiteral("import"), QStringLiteral("--db"), db, backup, QStringLiteral("--merge")});
    EXPECT_EQ(mergeJson.code, 1);
    EXPECT_TRUE(mergeJson.err.contains(QStringLiteral("--merge"))) << mergeJson.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(db)) << "no error above may create the database";
}

TEST(ImportCommand, ABackupIsRestoredAndCountedTheSameWay)
{
    test::TempDir dir;
    auto sample = test::sampleDatabase(dir.file(QStringLiteral("sample.rtdb")));
    const QString backup = dir.file(QStringLiteral("backup.json"));
    {
        QFile f(backup);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        JsonBackup writer(sample->connection());
        ASSERT_TRUE(writer.write(&f)) << writer.errorString().toStdString();
    }
    const QString db = dir.file(QStringLiteral("restored.rtdb"));
    const auto r = runCli({QStringLiteral("import"), QStringLiteral("--db"), db, backup});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QJsonObject o = json(r.out);
    EXPECT_EQ(o.value(QStringLiteral("reviews")).toInt(),
              scalar(*sample, QStringLiteral("SELECT count(*) FROM reviews")));
    EXPECT_EQ(o.value(QStringLiteral("recommendations")).toInt(),
              scalar(*sample, QStringLiteral("SELECT count(*) FROM recommendations")));
    EXPECT_EQ(o.value(QStringLiteral("actions")).toInt(),
              scalar(*sample, QStringLiteral("SELECT count(*) FROM actions")));
    EXPECT_EQ(o.value(QStringLiteral("updates")).toInt(),
              scalar(*sample, QStringLiteral("SELECT count(*) FROM updates")));
    EXPECT_TRUE(r.out.startsWith(QStringLiteral("{\"reviews\":"))) << r.out.toStdString();
}

// The import writes each action's latest-update day once at the end instead
// of through the trigger row by row; the result must be the trigger's, and
// the trigger must be back afterwards.
TEST(ImportCommand, LatestUpdateDaysAreThoseTheTriggerGivesAndTheTriggerIsBack)
{
    test::TempDir dir;
    const QString csv = dir.file(QStringLiteral("tracker.csv"));
    writeText(csv, "Review,Rec No,Recommendation,Action,Update,Update date\r\n"
                   "Child Q,1,Share information,Write the protocol,Draft written,Feb 2024\r\n"
                   ",,,Train staff,Booked,2023\r\n"
                   ",,,Audit files,Audit done,15/03/2024\r\n"
                   ",,,Brief the Executive,,\r\n");
    const QString path = dir.file(QStringLiteral("new.rtdb"));
    const auto r = runCli({QStringLiteral("import"), QStringLiteral("--db"), path, csv});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();

    Database db;
    ASSERT_TRUE(db.open(path, Database::OpenMode::ReadWrite));
    auto lastUpdate = [&](const char* action) {
        return test::text(
            db, QStringLiteral("SELECT coalesce(last_update, 'none') FROM actions WHERE text = '%1'")
                    .arg(QLatin1String(action)));
    };
    EXPECT_EQ(lastUpdate("Write the protocol"), QStringLiteral("2024-02-29"));
    EXPECT_EQ(lastUpdate("Train staff"), QStringLiteral("2023-12-31"));
    EXPECT_EQ(lastUpdate("Audit files"), QStringLiteral("2024-03-15"));
    EXPECT_EQ(lastUpdate("Brief the Executive"), QStringLiteral("none"));

    // The triggers are back: a new update moves the day, and search finds it.
    QSqlQuery q(db.connection());
    ASSERT_TRUE(
        q.exec(QStringLiteral("INSERT INTO updates(action_id, date, text) SELECT id, '2024-05-01', "
                              "'Protocol signed off' FROM actions WHERE text = 'Write the protocol'")));
    EXPECT_EQ(lastUpdate("Write the protocol"), QStringLiteral("2024-05-01"));
    EXPECT_EQ(
        scalar(db, QStringLiteral("SELECT count(*) FROM action_search WHERE action_search MATCH 'signed'")),
        1);
    auto fresh = test::emptyDatabase(dir.file(QStringLiteral("fresh.rtdb")));
    ASSERT_TRUE(fresh);
    const QString triggers =
        QStringLiteral("SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_master "
                       "WHERE type = 'trigger' ORDER BY name)");
    EXPECT_EQ(test::text(db, triggers), test::text(*fresh, triggers));
}
