#include "CliSupport.h"
#include "TestSupport.h"
#include "XlsxFixtureWriter.h"
#include "db/ActionRepository.h"
#include "db/OwnerReturnsImporter.h"
#include "db/OwnerReturnsWriter.h"
#include "db/Repository.h"
#include "io/XlsxReader.h"
#include "io/ZipArchive.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <gtest/gtest.h>

using namespace rt;

namespace {

using W = OwnerReturnsWriter;

const QString kOwner = QStringLiteral("GCC HoQ");
const QDate kAsOf(2024, 6, 30);
const QDate kToday(2024, 7, 10);

QMap<QString, QByteArray> unzip(const QString& path)
{
    QMap<QString, QByteArray> parts;
    ZipReader zip;
    EXPECT_TRUE(zip.open(test::readAll(path))) << path.toStdString();
    const QStringList names = zip.entryNames();
    for (const QString& name : names) {
        QByteArray data;
        EXPECT_TRUE(zip.read(name, &data)) << zip.errorString().toStdString();
        parts.insert(name, data);
    }
    return parts;
}

void zipTo(const QString& path, const QMap<QString, QByteArray>& parts)
{
    ZipWriter zip;
    for (auto it = parts.begin(); it != parts.end(); ++it)
        ASSERT_TRUE(zip.add(it.key(), it.value())) << zip.errorString().toStdString();
    QByteArray bytes;
    ASSERT_TRUE(zip.finish(&bytes)) << zip.errorString().toStdString();
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    ASSERT_EQ(f.write(bytes), bytes.size());
}

// A cell as Excel saves what a person typed: text inline, a date as its
// serial number keeping the cell's date style.
void setCell(QByteArray* sheetXml, const QString& ref, const QString& text, bool number = false)
{
    const QRegularExpression cell(
        QStringLiteral("<c r=\"%1\"( s=\"\\d+\")?( t=\"\\w+\")?(/>|>.*?</c>)").arg(ref));
    QString xml = QString::fromUtf8(*sheetXml);
    const QRegularExpressionMatch m = cell.match(xml);
    ASSERT_TRUE(m.hasMatch()) << ref.toStdString();
    const QString style = m.captured(1);
    QString escaped = text.toHtmlEscaped();
    const QString replacement =
        number
            ? QStringLiteral("<c r=\"%1\"%2><v>%3</v></c>").arg(ref, style, text)
            : QStringLiteral("<c r=\"%1\"%2 t=\"inlineStr\"><is><t>%3</t></is></c>").arg(ref, style, escaped);
    xml.replace(m.capturedStart(), m.capturedLength(), replacement);
    *sheetXml = xml.toUtf8();
}

QString columnRef(int column, int sheetRow)
{
    return SheetTable::columnLetter(column) + QString::number(sheetRow);
}

// Excel's serial number of a day.
QString serial(const QDate& d)
{
    return QString::number(QDate(1899, 12, 30).daysTo(d));
}

class OwnerReturnsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        dbPath = dir.file(QStringLiteral("plans.rtdb"));
        db = test::sampleDatabase(dbPath);
        returnPath = dir.file(QStringLiteral("return.xlsx"));
        Repository::setClockForTesting([] { return QDateTime(QDate(2024, 7, 5), QTime(9, 30), Qt::UTC); });
    }
    void TearDown() override { Repository::setClockForTesting({}); }

    void writeReturn(const QString& owner = kOwner)
    {
        QFile f(returnPath);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        OwnerReturnsWriter writer(db->connection());
        ASSERT_TRUE(writer.write(owner, kAsOf, &f)) << writer.errorString().toStdString();
        written = writer.actionCount();
        f.close();
        XlsxReader reader;
        QFile in(returnPath);
        ASSERT_TRUE(reader.read(&in, QStringLiteral("return.xlsx"))) << reader.errorString().toStdString();
        sheet = reader.sheets().first();
        for (int r = W::kHeaderRow + 1; r < sheet.rows.size(); ++r)
            ids << sheet.text(r, W::ActionIdColumn).toLongLong();
    }
    // The sheet row (1-based) of the nth action of the return.
    int rowOf(int n) const { return W::kHeaderRow + 2 + n; }

    // Fills cells of the return as a person would and saves it as filled.xlsx.
    QString fill(const QList<std::tuple<int, int, QString>>& cells)
    {
        QMap<QString, QByteArray> parts = unzip(returnPath);
        QByteArray& xml = parts[QStringLiteral("xl/worksheets/sheet1.xml")];
        for (const auto& [n, column, text] : cells)
            setCell(&xml, columnRef(column, rowOf(n)), text, column == W::UpdateDateColumn);
        const QString path = dir.file(QStringLiteral("filled.xlsx"));
        zipTo(path, parts);
        return path;
    }

    OwnerReturnsImporter::Result import(const QString& path, bool expectOk = true)
    {
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::ReadOnly));
        OwnerReturnsImporter importer(db->connection());
        importer.setToday(kToday);
        OwnerReturnsImporter::Result result;
        EXPECT_EQ(importer.apply(&f, QStringLiteral("filled.xlsx"), &result), expectOk)
            << importer.errorString().toStdString();
        error = importer.errorString();
        return result;
    }

    QString actionField(qint64 id, const char* column)
    {
        return test::text(*db, QStringLiteral("SELECT coalesce(%1, '<null>') FROM actions WHERE id = %2")
                                   .arg(QLatin1String(column))
                                   .arg(id));
    }

    test::TempDir dir;
    QString dbPath;
    QString returnPath;
    std::unique_ptr<Database> db;
    int written = 0;
    SheetTable sheet;
    QList<qint64> ids;
    QString error;
};

} // namespace

TEST_F(OwnerReturnsTest, ReturnListsTheOwnersOpenActions)
{
    writeReturn(QStringLiteral("gcc hoq")); // any capitals
    const qint64 open = test::scalar(
        *db, QStringLiteral(
                 "SELECT count(*) FROM action_owners ao JOIN owners o ON o.id = ao.owner_id JOIN actions a "
                 "ON a.id = ao.action_id WHERE o.name = 'GCC HoQ' AND a.status NOT IN ('complete', "
                 "'superseded')"));
    ASSERT_GE(open, 3);
    EXPECT_EQ(written, open);
    ASSERT_EQ(ids.size(), open);
    EXPECT_TRUE(sheet.text(0, 0).contains(QLatin1String("GCC HoQ")));
    EXPECT_TRUE(sheet.text(0, 0).contains(QLatin1String("30/06/2024")));
    EXPECT_EQ(sheet.text(W::kHeaderRow, W::NewStatusColumn), QStringLiteral("New status"));
    EXPECT_EQ(sheet.text(W::kHeaderRow, W::ActionIdColumn), QStringLiteral("rt:action_id"));
    for (int n = 0; n < ids.size(); ++n) {
        const int r = W::kHeaderRow + 1 + n;
        EXPECT_EQ(sheet.text(r, W::NumberColumn), actionField(ids.at(n), "number"));
        EXPECT_EQ(sheet.text(r, W::ActionColumn), actionField(ids.at(n), "text"));
        EXPECT_EQ(sheet.text(r, W::WrittenStatusColumn), actionField(ids.at(n), "status"));
        EXPECT_TRUE(sheet.text(r, W::NewStatusColumn).isEmpty());
    }
}

TEST_F(OwnerReturnsTest, ReturnIsProtectedWithDropDownsAndUnlockedInputs)
{
    writeReturn();
    const QMap<QString, QByteArray> parts = unzip(returnPath);
    const QString xml = QString::fromUtf8(parts.value(QStringLiteral("xl/worksheets/sheet1.xml")));
    EXPECT_TRUE(xml.contains(QLatin1String("<sheetProtection "))) << "the sheet is protected";
    EXPECT_TRUE(xml.contains(QLatin1String("<pane ")) && xml.contains(QLatin1String("state=\"frozen\"")));
    EXPECT_TRUE(xml.contains(QLatin1String(
        "<formula1>\"Not started,Planned,In progress,Partially complete,Complete,Superseded\"</formula1>")));
    EXPECT_TRUE(xml.contains(QLatin1String("<formula1>\"Red,Amber,Green,Blue\"</formula1>")));
    EXPECT_EQ(xml.count(QLatin1String("<dataValidation ")), 3);
    const int last = rowOf(ids.size() - 1);
    EXPECT_TRUE(xml.contains(QStringLiteral("sqref=\"I%1:I%2\"").arg(rowOf(0)).arg(last)));
    // Columns M to R (13–18) hidden.
    EXPECT_TRUE(
        xml.contains(QRegularExpression(QStringLiteral("<col min=\"13\" max=\"18\"[^>]*hidden=\"1\""))));

    // The input cells' style is unlocked; the reference cells' is not.
    const QString styles = QString::fromUtf8(parts.value(QStringLiteral("xl/styles.xml")));
    const QString cellXfs =
        styles.section(QLatin1String("<cellXfs"), 1).section(QLatin1String("</cellXfs>"), 0, 0);
    QSet<int> unlocked;
    const QStringList xfs = cellXfs.split(QLatin1String("<xf "));
    for (int i = 1; i < xfs.size(); ++i) {
        if (xfs.at(i).contains(QLatin1String("locked=\"0\"")))
            unlocked.insert(i - 1);
    }
    ASSERT_FALSE(unlocked.isEmpty());
    const auto styleOf = [&](int column, int row) {
        const QRegularExpression c(QStringLiteral("<c r=\"%1\" s=\"(\\d+)\"").arg(columnRef(column, row)));
        const QRegularExpressionMatch m = c.match(xml);
        return m.hasMatch() ? m.captured(1).toInt() : 0;
    };
    for (const int column : {W::NewStatusColumn, W::NewRagColumn, W::UpdateColumn, W::UpdateDateColumn})
        EXPECT_TRUE(unlocked.contains(styleOf(column, rowOf(0)))) << column;
    for (const int column : {W::ReviewColumn, W::ActionColumn, W::StatusColumn})
        EXPECT_FALSE(unlocked.contains(styleOf(column, rowOf(0)))) << column;
    // The details sheet is hidden.
    EXPECT_TRUE(
        QString::fromUtf8(parts.value(QStringLiteral("xl/workbook.xml")))
            .contains(QRegularExpression(QStringLiteral("name=\"Return details\"[^>]*state=\"hidden\""))));
}

TEST_F(OwnerReturnsTest, UnknownOwnerIsAnError)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    OwnerReturnsWriter writer(db->connection());
    EXPECT_FALSE(writer.write(QStringLiteral("Nobody Atall"), kAsOf, &buffer));
    EXPECT_TRUE(writer.errorString().contains(QStringLiteral("no owner called “Nobody Atall”")))
        << writer.errorString().toStdString();
    EXPECT_TRUE(bytes.isEmpty());
    EXPECT_FALSE(writer.write(QStringLiteral("HoQ"), kAsOf, &buffer));
    EXPECT_TRUE(writer.errorString().contains(QStringLiteral("did you mean")))
        << writer.errorString().toStdString();
    EXPECT_TRUE(writer.errorString().contains(QStringLiteral("“GCC HoQ”")))
        << writer.errorString().toStdString();
}

TEST_F(OwnerReturnsTest, FilledRowsBecomeUpdatesAndChangesWithHistory)
{
    writeReturn();
    ASSERT_GE(ids.size(), 3);
    const qint64 a = ids.at(0);
    const qint64 b = ids.at(1);
    const qint64 updatesBefore = test::scalar(*db, QStringLiteral("SELECT count(*) FROM updates"));
    const qint64 mark = test::scalar(*db, QStringLiteral("SELECT max(id) FROM history"));
    const QString path = fill({{0, W::NewStatusColumn, QStringLiteral("Complete")},
                               {0, W::NewRagColumn, QStringLiteral("Blue")},
                               {0, W::UpdateColumn, QStringLiteral("Audit done & reported to QiiP")},
                               {0, W::UpdateDateColumn, serial(QDate(2024, 7, 3))},
                               {1, W::UpdateColumn, QStringLiteral("Briefing drafted")}});
    const OwnerReturnsImporter::Result r = import(path);
    EXPECT_EQ(r.rowsApplied, 2);
    EXPECT_EQ(r.updates, 2);
    EXPECT_EQ(r.statusChanges, 1);
    EXPECT_EQ(r.ragChanges, 1);
    EXPECT_EQ(r.rowsBlank, ids.size() - 2);
    EXPECT_TRUE(r.unmatched.isEmpty()) << r.unmatched.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(r.conflicts.isEmpty()) << r.conflicts.join(QLatin1Char('\n')).toStdString();

    EXPECT_EQ(actionField(a, "status"), QStringLiteral("complete"));
    EXPECT_EQ(actionField(a, "status_text"), QStringLiteral("Complete"));
    EXPECT_EQ(actionField(a, "rag"), QStringLiteral("blue"));
    EXPECT_EQ(actionField(a, "last_update"), QStringLiteral("2024-07-03"));
    EXPECT_EQ(test::scalar(*db, QStringLiteral("SELECT count(*) FROM updates")), updatesBefore + 2);
    EXPECT_EQ(test::text(*db, QStringLiteral(
                                  "SELECT date || '|' || author || '|' || text || '|' || rag FROM updates "
                                  "WHERE action_id = %1 ORDER BY id DESC LIMIT 1")
                                  .arg(a)),
              QStringLiteral("2024-07-03|GCC HoQ|Audit done & reported to QiiP|blue"));
    // No date given: the day the return is recorded.
    EXPECT_EQ(
        test::text(
            *db,
            QStringLiteral("SELECT date FROM updates WHERE action_id = %1 ORDER BY id DESC LIMIT 1").arg(b)),
        QStringLiteral("2024-07-10"));
    // The change log names each change, by the person who recorded the return.
    const QString who = Repository::currentUser();
    EXPECT_EQ(
        test::text(*db, QStringLiteral("SELECT group_concat(x, ',') FROM (SELECT CASE WHEN entity = "
                                       "'update' THEN 'update:' || json_extract(new_value, '$.text') ELSE "
                                       "field || ':' || coalesce(new_value, '') END AS x FROM history "
                                       "WHERE id > %1 AND ((entity = 'action' AND entity_id = %2 AND field "
                                       "IN ('status', 'rag')) OR (entity = 'update' AND parent_id = %2)) "
                                       "ORDER BY id)")
                            .arg(mark)
                            .arg(a)),
        QStringLiteral("status:complete,update:Audit done & reported to QiiP,rag:blue"));
    // Status, its text, RAG and an update on a; an update on b; all by them.
    EXPECT_EQ(
        test::scalar(
            *db,
            QStringLiteral("SELECT count(*) FROM history WHERE id > %1 AND who = '%2'").arg(mark).arg(who)),
        test::scalar(*db, QStringLiteral("SELECT count(*) FROM history WHERE id > %1").arg(mark)));
    EXPECT_EQ(test::scalar(*db, QStringLiteral("SELECT count(*) FROM history WHERE id > %1 AND (entity_id IN "
                                               "(%2, %3) AND entity = 'action' OR parent_id IN (%2, %3))")
                                    .arg(mark)
                                    .arg(a)
                                    .arg(b)),
              5);
    EXPECT_EQ(test::scalar(
                  *db, QStringLiteral("SELECT count(*) FROM action_search WHERE action_search MATCH 'QiiP' "
                                      "AND rowid = %1")
                           .arg(a)),
              1);
}

TEST_F(OwnerReturnsTest, ChangesMadeMeanwhileAreConflictsNotOverwritten)
{
    writeReturn();
    ASSERT_GE(ids.size(), 3);
    const qint64 a = ids.at(0);
    const qint64 c = ids.at(2);
    // Someone edits action a in the program after the return went out, and
    // someone else changes c's RAG without the change log (an older import).
    ActionRepository repo(db->connection());
    ASSERT_TRUE(repo.setField(a, ActionRepository::Field::Status, QStringLiteral("Superseded")));
    QSqlQuery q(db->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT rt_set_history(0)")));
    ASSERT_TRUE(q.exec(QStringLiteral("UPDATE actions SET rag = 'red' WHERE id = %1").arg(c)));
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT rt_set_history(1)")));
    const QString path = fill({{0, W::NewStatusColumn, QStringLiteral("Complete")},
                               {0, W::UpdateColumn, QStringLiteral("Finished")},
                               {1, W::NewStatusColumn, QStringLiteral("In progress")},
                               {2, W::UpdateColumn, QStringLiteral("On track")}});
    const OwnerReturnsImporter::Result r = import(path);
    ASSERT_EQ(r.conflicts.size(), 2) << r.conflicts.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(r.conflicts.at(0).startsWith(QStringLiteral("Row %1 (action ").arg(rowOf(0))));
    EXPECT_TRUE(
        r.conflicts.at(0).contains(QStringLiteral("status changed from %1 to Superseded on 05/07/2024")
                                       .arg(sheet.text(W::kHeaderRow + 1, W::StatusColumn))))
        << r.conflicts.at(0).toStdString();
    EXPECT_TRUE(r.conflicts.at(0).contains(QStringLiteral("by %1").arg(Repository::currentUser())));
    EXPECT_TRUE(r.conflicts.at(1).contains(QLatin1String("the RAG is now Red")))
        << r.conflicts.at(1).toStdString();
    EXPECT_EQ(r.rowsApplied, 1);
    EXPECT_EQ(r.statusChanges, 1);
    EXPECT_EQ(actionField(a, "status"), QStringLiteral("superseded"));
    EXPECT_EQ(actionField(ids.at(1), "status"), QStringLiteral("in_progress"));
    EXPECT_EQ(test::scalar(
                  *db, QStringLiteral("SELECT count(*) FROM updates WHERE text IN ('Finished', 'On track')")),
              0);
}

TEST_F(OwnerReturnsTest, RowsThatCannotBeMatchedOrReadAreReported)
{
    ActionRepository repo(db->connection());
    ASSERT_GT(repo.create(test::scalar(*db, QStringLiteral("SELECT min(id) FROM recommendations")),
                          QStringLiteral("Audit the audits"), QStringLiteral("March 2025"), kOwner),
              0)
        << repo.errorString().toStdString();
    writeReturn();
    ASSERT_GE(ids.size(), 4);
    ASSERT_TRUE(repo.remove(ids.at(1)));
    QMap<QString, QByteArray> parts = unzip(returnPath);
    QByteArray& xml = parts[QStringLiteral("xl/worksheets/sheet1.xml")];
    setCell(&xml, columnRef(W::UpdateColumn, rowOf(0)), QStringLiteral("Meeting held"));
    setCell(&xml, columnRef(W::ActionIdColumn, rowOf(0)), QStringLiteral("999999"));
    setCell(&xml, columnRef(W::UpdateColumn, rowOf(1)), QStringLiteral("Done"));
    setCell(&xml, columnRef(W::NewStatusColumn, rowOf(2)), QStringLiteral("Done-ish"));
    setCell(&xml, columnRef(W::UpdateColumn, rowOf(3)), QStringLiteral("Next year"));
    setCell(&xml, columnRef(W::UpdateDateColumn, rowOf(3)), serial(QDate(2025, 1, 1)), true);
    const QString path = dir.file(QStringLiteral("filled.xlsx"));
    zipTo(path, parts);

    const OwnerReturnsImporter::Result r = import(path);
    ASSERT_EQ(r.unmatched.size(), 4) << r.unmatched.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(r.unmatched.at(0).contains(QLatin1String("there is no action 999999 in this database")));
    EXPECT_TRUE(r.unmatched.at(1).contains(QLatin1String("the action was deleted on 05/07/2024")))
        << r.unmatched.at(1).toStdString();
    EXPECT_TRUE(r.unmatched.at(2).contains(QStringLiteral("“Done-ish” is not a status")));
    EXPECT_TRUE(r.unmatched.at(3).contains(QLatin1String("dated 01/01/2025, after today")))
        << r.unmatched.at(3).toStdString();
    EXPECT_TRUE(r.unmatched.at(2).startsWith(QStringLiteral("Row %1 (action ").arg(rowOf(2))));
    EXPECT_EQ(r.rowsApplied, 0);
    EXPECT_EQ(
        test::scalar(
            *db, QStringLiteral("SELECT count(*) FROM updates WHERE text IN ('Meeting held', 'Next year')")),
        0);
}

TEST_F(OwnerReturnsTest, FileThatIsNotAReturnChangesNothing)
{
    // A workbook, but not a return.
    const QString other = dir.file(QStringLiteral("other.xlsx"));
    lxw_workbook* wb = lxw::workbook_new(QFile::encodeName(other).constData());
    lxw_worksheet* ws = lxw::workbook_add_worksheet(wb, nullptr);
    lxw::worksheet_write_string(ws, 0, 0, "Action", nullptr);
    ASSERT_EQ(lxw::workbook_close(wb), LXW_NO_ERROR);
    const QString garbage = dir.file(QStringLiteral("garbage.xlsx"));
    {
        QFile f(garbage);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("this is not a workbook");
    }
    db.reset();
    const QByteArray before = test::readAll(dbPath);
    db = std::make_unique<Database>();
    ASSERT_TRUE(db->open(dbPath, Database::OpenMode::ReadWrite));
    import(other, false);
    EXPECT_TRUE(error.contains(QLatin1String("not an update return written by Review Tracker")))
        << error.toStdString();
    EXPECT_TRUE(error.contains(QLatin1String("nothing was recorded")));
    import(garbage, false);
    EXPECT_TRUE(error.contains(QLatin1String("nothing was recorded"))) << error.toStdString();
    db.reset();
    EXPECT_TRUE(test::readAll(dbPath) == before);
}

TEST_F(OwnerReturnsTest, CommandLineRecordsAReturn)
{
    writeReturn();
    const QString path = fill({{0, W::NewRagColumn, QStringLiteral("Amber")},
                               {1, W::UpdateColumn, QStringLiteral("Policy signed off")},
                               {2, W::NewStatusColumn, QStringLiteral("Nearly")}});
    db.reset();
    const test::CliResult run =
        test::runCli({QStringLiteral("import-returns"), QStringLiteral("--db"), dbPath, path});
    EXPECT_EQ(run.code, 0) << run.err.toStdString();
    EXPECT_TRUE(run.out.startsWith(QLatin1String("{\n  \"rows_applied\": 2,\n  \"updates\": 1,")))
        << run.out.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(run.out.toUtf8()).object();
    EXPECT_EQ(o.value(QLatin1String("rows_applied")).toInt(), 2);
    EXPECT_EQ(o.value(QLatin1String("updates")).toInt(), 1);
    EXPECT_EQ(o.value(QLatin1String("rag_changes")).toInt(), 1);
    EXPECT_EQ(o.value(QLatin1String("status_changes")).toInt(), 0);
    EXPECT_EQ(o.value(QLatin1String("rows_blank")).toInt(), ids.size() - 3);
    EXPECT_EQ(o.value(QLatin1String("unmatched")).toArray().size(), 1);
    EXPECT_TRUE(o.value(QLatin1String("conflicts")).toArray().isEmpty());
    EXPECT_TRUE(run.err.contains(QStringLiteral("“Nearly” is not a status"))) << run.err.toStdString();

    db = std::make_unique<Database>();
    ASSERT_TRUE(db->open(dbPath, Database::OpenMode::ReadWrite));
    EXPECT_EQ(actionField(ids.at(0), "rag"), QStringLiteral("amber"));
    db.reset();

    // A file that is not a return: exit 2, the database as it was.
    const QByteArray before = test::readAll(dbPath);
    const test::CliResult bad =
        test::runCli({QStringLiteral("import-returns"), QStringLiteral("--db"), dbPath, dbPath});
    EXPECT_EQ(bad.code, 2);
    EXPECT_TRUE(bad.err.contains(QLatin1String("nothing was recorded"))) << bad.err.toStdString();
    EXPECT_TRUE(test::readAll(dbPath) == before);
    EXPECT_EQ(test::runCli({QStringLiteral("import-returns"), QStringLiteral("--db"), dbPath}).code, 1);
}

TEST_F(OwnerReturnsTest, ReturnIsRecordedWhollyOrNotAtAll)
{
    writeReturn();
    const qint64 a = ids.at(0);
    const QString status = actionField(a, "status");
    const qint64 history = test::scalar(*db, QStringLiteral("SELECT count(*) FROM history"));
    // The database refuses the second row's update, after the first row's
    // status change was written: that change must be undone too.
    QSqlQuery q(db->connection());
    ASSERT_TRUE(
        q.exec(QStringLiteral("CREATE TEMP TRIGGER refuse BEFORE INSERT ON updates WHEN new.text = 'boom' "
                              "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END")));
    const QString path = fill(
        {{0, W::NewStatusColumn, QStringLiteral("Complete")}, {1, W::UpdateColumn, QStringLiteral("boom")}});
    const OwnerReturnsImporter::Result r = import(path, false);
    EXPECT_TRUE(error.contains(QStringLiteral("row %1").arg(rowOf(1)))) << error.toStdString();
    EXPECT_TRUE(error.contains(QLatin1String("disk on fire"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QLatin1String("nothing was recorded")));
    EXPECT_EQ(r.rowsApplied, 0);
    EXPECT_EQ(actionField(a, "status"), status);
    EXPECT_EQ(test::scalar(*db, QStringLiteral("SELECT count(*) FROM history")), history);
}
