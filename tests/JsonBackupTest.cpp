#include "db/JsonBackup.h"

#include "TestSupport.h"
#include "core/ActionFilter.h"
#include "db/ActionRepository.h"
#include "db/SavedFilterRepository.h"
#include "db/UpdateRepository.h"
#include "io/SyntheticGenerator.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSqlRecord>
#include <gtest/gtest.h>

using namespace rt;

namespace {

QByteArray backupOf(Database& db)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    JsonBackup backup(db.connection());
    EXPECT_TRUE(backup.write(&buffer)) << backup.errorString().toStdString();
    return buffer.data();
}

bool restoreInto(Database& db, const QByteArray& bytes, JsonBackup::Counts* counts, QString* error)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    JsonBackup backup(db.connection());
    const bool ok = backup.restore(&buffer, QStringLiteral("backup.json"), counts);
    *error = backup.errorString();
    return ok;
}

// Every row of a query as one text, to compare two databases.
QString dump(Database& db, const QString& sql)
{
    QSqlQuery q(db.connection());
    EXPECT_TRUE(q.exec(sql)) << sql.toStdString();
    QStringList rows;
    while (q.next()) {
        QStringList cells;
        for (int i = 0; i < q.record().count(); ++i)
            cells << (q.value(i).isNull() ? QStringLiteral("<null>") : q.value(i).toString());
        rows << cells.join(QLatin1Char('|'));
    }
    return rows.join(QLatin1Char('\n'));
}

class JsonBackupTest : public ::testing::Test
{
protected:
    // Restores bytes into a new empty database and checks that exporting it
    // gives the same bytes again.
    std::unique_ptr<Database> roundTrip(const QByteArray& bytes, JsonBackup::Counts* counts = nullptr)
    {
        auto target = test::emptyDatabase(dir.file(QStringLiteral("restored%1.rtdb").arg(++restored)));
        JsonBackup::Counts added;
        QString error;
        EXPECT_TRUE(restoreInto(*target, bytes, &added, &error)) << error.toStdString();
        if (counts)
            *counts = added;
        const QByteArray again = backupOf(*target);
        EXPECT_EQ(again.size(), bytes.size());
        EXPECT_TRUE(again == bytes) << "the second export differs from the first";
        return target;
    }

    test::TempDir dir;
    int restored = 0;
};

} // namespace

TEST_F(JsonBackupTest, SampleRoundTripGivesIdenticalBytes)
{
    auto source = test::sampleDatabase(dir.file(QStringLiteral("sample.rtdb")));
    const QByteArray first = backupOf(*source);
    ASSERT_FALSE(first.isEmpty());
    JsonBackup::Counts counts;
    auto target = roundTrip(first, &counts);
    EXPECT_EQ(counts.reviews, test::scalar(*source, QStringLiteral("SELECT count(*) FROM reviews")));
    EXPECT_EQ(counts.recommendations,
              test::scalar(*source, QStringLiteral("SELECT count(*) FROM recommendations")));
    EXPECT_EQ(counts.actions, test::scalar(*source, QStringLiteral("SELECT count(*) FROM actions")));
    EXPECT_EQ(counts.updates, test::scalar(*source, QStringLiteral("SELECT count(*) FROM updates")));
    EXPECT_GT(counts.actions, 20);
    EXPECT_GT(counts.updates, 0);
    // The derived columns came back as they were, not just the export text.
    EXPECT_EQ(dump(*target, QStringLiteral("SELECT id, last_update, version FROM actions ORDER BY id")),
              dump(*source, QStringLiteral("SELECT id, last_update, version FROM actions ORDER BY id")));
}

TEST_F(JsonBackupTest, FileIsReadableJsonWithHeaderAndSchemaOrder)
{
    auto source = test::sampleDatabase(dir.file(QStringLiteral("sample.rtdb")));
    const QByteArray bytes = backupOf(*source);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    ASSERT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString();
    const QJsonObject root = doc.object();
    EXPECT_EQ(root.value(QLatin1String("format")).toString(), QStringLiteral("review-tracker-backup"));
    EXPECT_EQ(root.value(QLatin1String("version")).toInt(), 1);
    EXPECT_EQ(root.value(QLatin1String("schema_version")).toInt(), Database::kSchemaVersion);
    const QJsonArray tables = root.value(QLatin1String("tables")).toArray();
    QStringList names;
    for (const QJsonValue& t : tables)
        names << t.toObject().value(QLatin1String("table")).toString();
    // Parents before children; no FTS index or shadow tables.
    EXPECT_LT(names.indexOf(QStringLiteral("reviews")), names.indexOf(QStringLiteral("recommendations")));
    EXPECT_LT(names.indexOf(QStringLiteral("recommendations")), names.indexOf(QStringLiteral("actions")));
    EXPECT_LT(names.indexOf(QStringLiteral("actions")), names.indexOf(QStringLiteral("updates")));
    EXPECT_TRUE(names.contains(QStringLiteral("history")));
    EXPECT_TRUE(names.contains(QStringLiteral("saved_filters")));
    for (const QString& n : names)
        EXPECT_FALSE(n.startsWith(QLatin1String("action_search"))) << n.toStdString();
    // Pretty-printed, two spaces, columns in the schema's order (not sorted).
    EXPECT_TRUE(bytes.startsWith("{\n  \"format\": \"review-tracker-backup\",\n"));
    const qsizetype reviews = bytes.indexOf("\"table\": \"reviews\"");
    const qsizetype kind = bytes.indexOf("\"kind\":", reviews);
    const qsizetype title = bytes.indexOf("\"title\":", reviews);
    EXPECT_LT(bytes.indexOf("\"id\": 1,", reviews), kind);
    EXPECT_LT(kind, title); // alphabetical order would put "body" first
    EXPECT_FALSE(bytes.contains("exported_at"));
}

TEST_F(JsonBackupTest, NullEmptyTextAndZeroStayDistinct)
{
    auto source = test::sampleDatabase(dir.file(QStringLiteral("sample.rtdb")));
    QSqlQuery q(source->connection());
    ASSERT_TRUE(q.exec(
        QStringLiteral("UPDATE reviews SET initiated = NULL, year = 0, summary = 'Line one\n"
                       "\"quoted\" \\ tab\there \u00e9\u2014' WHERE id = (SELECT min(id) FROM reviews)")));
    ASSERT_TRUE(q.exec(QStringLiteral("UPDATE reviews SET initiated = '', year = NULL "
                                      "WHERE id = (SELECT max(id) FROM reviews)")));
    // A last_update the triggers would not compute is still restored as it was.
    ASSERT_TRUE(q.exec(QStringLiteral("UPDATE actions SET last_update = '2001-02-03' "
                                      "WHERE id = (SELECT min(action_id) FROM updates)")));
    const QByteArray bytes = backupOf(*source);
    EXPECT_TRUE(bytes.contains("\"initiated\": null")) << "NULL written as null";
    EXPECT_TRUE(bytes.contains("\"initiated\": \"\"")) << "empty text written as \"\"";
    EXPECT_TRUE(bytes.contains("\"year\": 0,")) << "integers written as numbers";
    EXPECT_TRUE(bytes.contains("\\\"quoted\\\" \\\\ tab\\there"));
    auto target = roundTrip(bytes);
    const QString check = QStringLiteral(
        "SELECT id, typeof(initiated), initiated, typeof(year), year, summary FROM reviews ORDER BY id");
    EXPECT_EQ(dump(*target, check), dump(*source, check));
    EXPECT_EQ(
        test::text(*target, QStringLiteral("SELECT typeof(year) FROM reviews WHERE id = (SELECT min(id) FROM "
                                           "reviews)")),
        QStringLiteral("integer"));
    EXPECT_EQ(test::scalar(*target,
                           QStringLiteral("SELECT count(*) FROM actions WHERE last_update = '2001-02-03'")),
              1);
}

TEST_F(JsonBackupTest, HistorySavedFiltersAndDeletionsSurvive)
{
    auto source = test::sampleDatabase(dir.file(QStringLiteral("sample.rtdb")));
    const qint64 first = test::scalar(*source, QStringLiteral("SELECT min(id) FROM actions"));
    const qint64 last = test::scalar(*source, QStringLiteral("SELECT max(id) FROM actions"));
    ActionRepository actions(source->connection());
    ASSERT_TRUE(actions.setField(first, ActionRepository::Field::Status, QStringLiteral("Complete")));
    ASSERT_TRUE(actions.setField(first, ActionRepository::Field::Rag, QStringLiteral("Blue")));
    UpdateRepository updates(source->connection());
    updates.setToday(QDate(2025, 6, 15));
    ASSERT_GT(updates.add(first, QStringLiteral("14/06/2025"), QStringLiteral("Sam Smith"),
                          QStringLiteral("Signed off by the panel"), QStringLiteral("Green")),
              0)
        << updates.errorString().toStdString();
    ASSERT_TRUE(actions.remove(last)) << actions.errorString().toStdString();
    ActionFilter filter;
    filter.text = QStringLiteral("neglect");
    SavedFilterRepository filters(source->connection());
    ASSERT_GT(filters.save(QStringLiteral("QiiP monthly"), filter), 0) << filters.errorString().toStdString();
    ASSERT_GE(test::scalar(*source, QStringLiteral("SELECT count(*) FROM history")), 4);

    const QByteArray bytes = backupOf(*source);
    auto target = roundTrip(bytes);
    const QString history = QStringLiteral("SELECT * FROM history ORDER BY id");
    EXPECT_EQ(dump(*target, history), dump(*source, history));
    EXPECT_EQ(dump(*target, QStringLiteral("SELECT * FROM saved_filters")),
              dump(*source, QStringLiteral("SELECT * FROM saved_filters")));
    EXPECT_EQ(test::scalar(*target, QStringLiteral("SELECT count(*) FROM actions WHERE id = %1").arg(last)),
              0);
    // The action's deletion, and its owners' and updates' that went with it.
    EXPECT_EQ(test::scalar(*target, QStringLiteral("SELECT count(*) FROM history WHERE field = 'deleted'")),
              test::scalar(*source, QStringLiteral("SELECT count(*) FROM history WHERE field = 'deleted'")));
    EXPECT_EQ(test::scalar(*target, QStringLiteral("SELECT count(*) FROM history WHERE field = 'deleted' AND "
                                                   "entity = 'action'")),
              1);
    // The restored change log is still protected by its trigger.
    QSqlQuery q(target->connection());
    EXPECT_FALSE(q.exec(QStringLiteral("UPDATE history SET who = 'x'")));
}

TEST_F(JsonBackupTest, SearchIndexIsRebuiltIdentically)
{
    auto source = test::sampleDatabase(dir.file(QStringLiteral("sample.rtdb")));
    UpdateRepository updates(source->connection());
    updates.setToday(QDate(2025, 6, 15));
    ASSERT_GT(updates.add(test::scalar(*source, QStringLiteral("SELECT min(id) FROM actions")), QString(),
                          QStringLiteral("Zoë Quillfeather"), QStringLiteral("Xylophone workshop booked"),
                          QString()),
              0);
    auto target = roundTrip(backupOf(*source));
    const QString index = QStringLiteral("SELECT rowid, action, owner, detail, recommendation, review, "
                                         "updates FROM action_search ORDER BY rowid");
    EXPECT_EQ(dump(*target, index), dump(*source, index));
    EXPECT_EQ(test::scalar(*target, QStringLiteral("SELECT count(*) FROM action_search")),
              test::scalar(*target, QStringLiteral("SELECT count(*) FROM actions")));
    const QString match =
        QStringLiteral("SELECT rowid FROM action_search WHERE action_search MATCH '%1' ORDER BY rowid");
    EXPECT_EQ(dump(*target, match.arg(QStringLiteral("xylophone"))),
              dump(*source, match.arg(QStringLiteral("xylophone"))));
    EXPECT_FALSE(dump(*target, match.arg(QStringLiteral("zoe"))).isEmpty());
    EXPECT_FALSE(dump(*target, match.arg(QStringLiteral("neglect"))).isEmpty());
}

TEST_F(JsonBackupTest, SyntheticDatabaseRoundTrips)
{
    auto source = test::emptyDatabase(dir.file(QStringLiteral("synthetic.rtdb")));
    SyntheticGenerator generator(7);
    QString error;
    ASSERT_TRUE(generator.generate(source->connection(), 4, &error)) << error.toStdString();
    const QByteArray bytes = backupOf(*source);
    JsonBackup::Counts counts;
    auto target = roundTrip(bytes, &counts);
    EXPECT_EQ(counts.reviews, 4);
    EXPECT_EQ(counts.actions, test::scalar(*source, QStringLiteral("SELECT count(*) FROM actions")));
    EXPECT_EQ(dump(*target, QStringLiteral("SELECT id, last_update FROM actions ORDER BY id")),
              dump(*source, QStringLiteral("SELECT id, last_update FROM actions ORDER BY id")));
}

namespace {

class JsonBackupRefusalTest : public JsonBackupTest
{
protected:
    void SetUp() override
    {
        auto source = test::sampleDatabase(dir.file(QStringLiteral("sample.rtdb")));
        good = backupOf(*source);
        targetPath = dir.file(QStringLiteral("target.rtdb"));
        test::emptyDatabase(targetPath).reset();
        before = test::readAll(targetPath);
        ASSERT_FALSE(before.isEmpty());
    }

    // The refusal's message; the target file must be as it was.
    QString refused(const QByteArray& bytes)
    {
        QString error;
        {
            Database db;
            EXPECT_TRUE(db.open(targetPath, Database::OpenMode::ReadWrite)) << db.errorString().toStdString();
            JsonBackup::Counts counts;
            EXPECT_FALSE(restoreInto(db, bytes, &counts, &error));
            EXPECT_EQ(counts.actions, 0);
            EXPECT_EQ(test::scalar(db, QStringLiteral("SELECT count(*) FROM agencies")), 0);
        }
        EXPECT_TRUE(test::readAll(targetPath) == before) << "the refused restore changed the file";
        EXPECT_TRUE(error.startsWith(QLatin1String("backup.json: "))) << error.toStdString();
        EXPECT_TRUE(error.contains(QLatin1String("nothing was restored"))) << error.toStdString();
        return error;
    }

    // The good backup with the first occurrence of from replaced.
    QByteArray edited(const QByteArray& from, const QByteArray& to)
    {
        QByteArray bytes = good;
        const qsizetype at = bytes.indexOf(from);
        EXPECT_GE(at, 0) << from.toStdString();
        return bytes.replace(at, from.size(), to);
    }

    QByteArray good;
    QString targetPath;
    QByteArray before;
};

} // namespace

TEST_F(JsonBackupRefusalTest, TargetWithRecordsIsRefusedNamingThem)
{
    auto other = test::sampleDatabase(dir.file(QStringLiteral("full.rtdb")));
    other.reset();
    const QByteArray fullBefore = test::readAll(dir.file(QStringLiteral("full.rtdb")));
    Database db;
    ASSERT_TRUE(db.open(dir.file(QStringLiteral("full.rtdb")), Database::OpenMode::ReadWrite));
    JsonBackup::Counts counts;
    QString error;
    EXPECT_FALSE(restoreInto(db, good, &counts, &error));
    EXPECT_TRUE(error.contains(QLatin1String("already holds records"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QLatin1String(" reviews"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QLatin1String(" actions"))) << error.toStdString();
    db.close();
    EXPECT_TRUE(test::readAll(dir.file(QStringLiteral("full.rtdb"))) == fullBefore);
}

TEST_F(JsonBackupRefusalTest, BrokenJsonIsRefusedWithItsPlace)
{
    const QString error = refused(good.left(good.size() / 2));
    EXPECT_TRUE(error.contains(QLatin1String("not valid JSON at line "))) << error.toStdString();
    const QString comma = refused(edited("\"version\": 1,", "\"version\": 1,,"));
    EXPECT_TRUE(comma.contains(QLatin1String("line 3, column"))) << comma.toStdString();
}

TEST_F(JsonBackupRefusalTest, WrongTypeIsRefusedNamingTableRowAndColumn)
{
    const qsizetype reviews = good.indexOf("\"table\": \"reviews\"");
    QByteArray bytes = good;
    const qsizetype at = bytes.indexOf("\"publication_withheld\": 0", reviews);
    ASSERT_GT(at, 0);
    bytes.replace(at, 25, "\"publication_withheld\": \"no\"");
    const QString error = refused(bytes);
    EXPECT_TRUE(
        error.contains(QLatin1String("table reviews, row 2, column publication_withheld: must be a whole "
                                     "number, not text")))
        << error.toStdString();
    const QString real = refused(edited("\"position\": 1", "\"position\": 1.5"));
    EXPECT_TRUE(real.contains(QLatin1String("column position: must be a whole number, not 1.5")))
        << real.toStdString();
    const QString null = refused(edited("\"name\": \"", "\"name\": null, \"x\": \""));
    EXPECT_TRUE(null.contains(QStringLiteral("row 1: unknown column “x”"))) << null.toStdString();
}

TEST_F(JsonBackupRefusalTest, HeaderTablesAndColumnsAreChecked)
{
    EXPECT_TRUE(refused(edited("\"format\": \"review-tracker-backup\"", "\"format\": \"something\""))
                    .contains(QLatin1String("not a Review Tracker backup")));
    EXPECT_TRUE(refused("[1, 2, 3]").contains(QLatin1String("not a Review Tracker backup")));
    const QString newer = refused(edited("\"schema_version\": 5", "\"schema_version\": 6"));
    EXPECT_TRUE(newer.contains(QLatin1String("schema 6 by a newer Review Tracker"))) << newer.toStdString();
    const QString table = refused(edited("\"table\": \"themes\"", "\"table\": \"thymes\""));
    EXPECT_TRUE(table.contains(QStringLiteral("unknown table “thymes”"))) << table.toStdString();
    const QString column = refused(edited("\"columns\": [\"id\", \"name\"", "\"columns\": [\"id\", \"nom\""));
    EXPECT_TRUE(column.contains(QStringLiteral("unknown column “nom”"))) << column.toStdString();
    // A derived column left out would be restored wrongly, so none may be.
    const QString missing = refused(edited("\"version\", \"last_update\"]", "\"version\"]"));
    EXPECT_TRUE(missing.contains(QLatin1String("table actions: the column last_update is missing")))
        << missing.toStdString();
}

TEST_F(JsonBackupRefusalTest, DatabaseRulesAreCheckedAndEverythingRolledBack)
{
    // A value the schema's CHECK refuses: found while inserting, after the
    // agencies and reviews before it went in; all of them are rolled back.
    const qsizetype actions = good.indexOf("\"table\": \"actions\"");
    QByteArray bytes = good;
    const qsizetype at = bytes.indexOf("\"status\": \"", actions);
    ASSERT_GT(at, 0);
    bytes.insert(at + 11, "done-ish ");
    const QString check = refused(bytes);
    EXPECT_TRUE(check.contains(QLatin1String("table actions, row "))) << check.toStdString();
    EXPECT_TRUE(check.contains(QLatin1String("CHECK constraint failed"))) << check.toStdString();

    // A reference to nothing: named by table, row and column.
    bytes = good;
    const qsizetype rec = bytes.indexOf("\"recommendation_id\": ", actions);
    ASSERT_GT(rec, 0);
    bytes.insert(rec + 21, "9999");
    const QString fk = refused(bytes);
    EXPECT_TRUE(fk.contains(QLatin1String("table actions, row 1, column recommendation_id: 9999")))
        << fk.toStdString();
    EXPECT_TRUE(fk.contains(QLatin1String("names no row of recommendations"))) << fk.toStdString();
}
