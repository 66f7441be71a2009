// Importing spreadsheet trackers: headers, merged cells, every written form of
// dates, statuses and RAG, problems listed by row and column, all or nothing,
// and merging into reviews the database already has.

#include "TestSupport.h"
#include "XlsxFixtureWriter.h"
#include "core/Vocabulary.h"
#include "db/TrackerImporter.h"
#include "io/TrackerColumns.h"
#include "io/TrackerParser.h"

#include <QFile>
#include <gtest/gtest.h>

using namespace rt;
using rt::test::scalar;
using rt::test::text;

namespace {

SheetCell textCell(const QString& text)
{
    SheetCell c;
    c.text = text;
    return c;
}

QString csvField(const QString& s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')))
        return s;
    QString q = s;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

void writeCsv(const QString& path, const QList<QStringList>& rows)
{
    QString text;
    for (const QStringList& row : rows) {
        QStringList fields;
        for (const QString& f : row)
            fields << csvField(f);
        text += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QByteArray("\xEF\xBB\xBF") + text.toUtf8());
}

QStringList row(std::initializer_list<const char*> cells)
{
    QStringList r;
    for (const char* c : cells)
        r << QString::fromUtf8(c);
    return r;
}

// The tracker a partnership keeps: a title row above the headers, headers as
// people write them, review / number / recommendation cells left blank under
// the first row of each (merged cells saved as CSV), every form of target
// date, every status word and RAG form.
//
// How a person counts it: three reviews (Child X, Family Y, Philip);
// recommendations Child X 1, 2, 3 + Family Y 1, 2 + Philip 1 = 6; actions:
// one per row with action text, 15 rows, less the row repeating action
// "Commission the audit" (row 9) = 14; updates: the cells in "Latest update"
// (rows 4, 9 and 12) = 3. Row 13 is blank, rows 1 and 2 are the title.
QList<QStringList> goodTracker()
{
    return {
        row({"Gloucestershire Safeguarding Children Partnership: review tracker 2024"}),
        row({""}),
        row({"Review", "Type", "Rec No.", "Recommendation", "Agreed / Partly Agreed / Not Agreed",
             "What are we going to do?", "Who will lead?", "By when", "Status", "RAG rating", "Latest update",
             "Update date", "Themes"}),
        // row 4
        row({"Child X", "LCSPR", "1", "Review placement commissioning", "Agreed",
             "Write the commissioning guidance", "GCC HoQ / ICB", "2024-03-31", "Not started", "R",
             "Draft circulated", "12/02/2024", "commissioning; Voice of the Child"}),
        row({"", "", "", "", "", "Train the placement team", "Workforce Development Sub-Group", "31/03/2024",
             "Planned", "Red", "", "", ""}),
        row({"", "", "", "", "", "Publish the standard operating procedure", "Policy and Procedure Sub-Group",
             "31/3/24", "Action Planned", "A", "", "", ""}),
        row({"", "", "2", "Executive oversight of unregistered placements", "Partly Agreed",
             "Commission the audit", "Kay Jones, GSCB Business Unit", "March 2024", "Underway", "Amber", "",
             "", "escalation"}),
        row({"", "", "", "", "", "Report to the Executive", "Independent Scrutineer", "Mar 2024",
             "Action Underway", "G", "", "", ""}),
        // row 9: the same action again, with a newer status and a second update
        row({"", "", "", "", "", "commission the  AUDIT", "", "", "In progress", "Green", "Audit under way",
             "March 2024", ""}),
        row({"", "", "3", "Strengthen the role of the IRO", "Not Agreed", "", "", "", "", "", "", "", ""}),
        // row 11
        row({"Family Y", "SCR", "1", "Neglect training for all staff", "agreed", "Run neglect training",
             "Izzy Dougan", "Mar-24", "On track", "B", "", "", "neglect"}),
        row({"", "", "", "", "", "Audit neglect cases", "", "2024", "Partially", "Blue", "First audit done",
             "", ""}),
        row({"", "", "", "", "", "", "", "", "", "", "", "", ""}),
        row({"", "", "2", "Escalation policy", "", "Revise the escalation policy", "", "Ongoing",
             "Partially complete", "g", "", "", ""}),
        row({"", "", "", "", "", "Promote the escalation policy", "", "TBC", "Complete", "b", "", "", ""}),
        row({"", "", "", "", "", "Audit use of the escalation policy", "", "", "Completed", "", "", "", ""}),
        // row 17: no Type, so the default kind
        row({"Philip", "", "1", "Information sharing", "", "Share the findings", "", "2024-12", "Closed", "",
             "", "", ""}),
        row({"", "", "", "", "", "Replace the old protocol", "", "", "Superseded", "", "", "", ""}),
        row({"", "", "", "", "", "Check the protocol is used", "", "", "", "", "", "", ""}),
        row({"", "", "", "", "", "Hold a learning event", "", "", "NOT STARTED", "", "", "", ""}),
    };
}

struct Counts
{
    qint64 reviews, recommendations, actions, updates;
};

Counts countsOf(Database& db)
{
    return {scalar(db, QStringLiteral("SELECT count(*) FROM reviews")),
            scalar(db, QStringLiteral("SELECT count(*) FROM recommendations")),
            scalar(db, QStringLiteral("SELECT count(*) FROM actions")),
            scalar(db, QStringLiteral("SELECT count(*) FROM updates"))};
}

QString actionField(Database& db, const QString& action, const QString& column)
{
    return text(db,
                QStringLiteral("SELECT coalesce(%1, '') FROM actions WHERE text = '%2'").arg(column, action));
}

} // namespace

TEST(TrackerColumns, HeadersMatchIgnoringCaseAndPunctuation)
{
    EXPECT_EQ(TrackerColumns::fieldForHeader(QStringLiteral("Agreed / Partly Agreed / Not Agreed")),
              TrackerField::Decision);
    EXPECT_EQ(TrackerColumns::fieldForHeader(QStringLiteral("Who will lead?")), TrackerField::Owner);
    EXPECT_EQ(TrackerColumns::fieldForHeader(QStringLiteral("WHAT ARE WE GOING TO DO")),
              TrackerField::Action);
    EXPECT_EQ(TrackerColumns::fieldForHeader(QStringLiteral("Rec No.")), TrackerField::RecommendationNumber);
    EXPECT_EQ(TrackerColumns::fieldForHeader(QStringLiteral("#")), TrackerField::RecommendationNumber);
    EXPECT_EQ(TrackerColumns::fieldForHeader(QStringLiteral(" rag-rating ")), TrackerField::Rag);
    EXPECT_EQ(TrackerColumns::fieldForHeader(QStringLiteral("Action Update")), TrackerField::Update);
    EXPECT_EQ(TrackerColumns::fieldForHeader(QStringLiteral("Action")), TrackerField::Action);
    EXPECT_EQ(TrackerColumns::fieldForHeader(QStringLiteral("Deadline")), TrackerField::Target);
    EXPECT_EQ(TrackerColumns::fieldForHeader(QStringLiteral("Case review")), TrackerField::Review);
    EXPECT_EQ(TrackerColumns::fieldForHeader(QStringLiteral("Comments")), TrackerField::Ignore);
    // Two columns naming one field: the first holds it.
    EXPECT_EQ(TrackerColumns::mapHeaders({QStringLiteral("Target"), QStringLiteral("Due")}),
              (QVector<TrackerField>{TrackerField::Target, TrackerField::Ignore}));
}

TEST(TrackerColumns, TheHeaderRowIsTheFirstNamingThreeFields)
{
    SheetTable t;
    auto cells = [](QStringList texts) {
        QVector<SheetCell> r;
        for (const QString& s : texts)
            r << textCell(s);
        return r;
    };
    t.rows = {cells({QStringLiteral("Review tracker")}),
              cells({QStringLiteral("Review"), QStringLiteral("Notes")}), // two only: not yet
              cells({QStringLiteral("Review"), QStringLiteral("Rec"), QStringLiteral("Action")}),
              cells({QStringLiteral("Child X"), QStringLiteral("1"), QStringLiteral("Do it"),
                     QStringLiteral("x")})};
    const TrackerMapping m = TrackerColumns::detect(t);
    EXPECT_EQ(m.headerRow, 2);
    EXPECT_EQ(m.fields.size(), 4); // the widest row's columns
    EXPECT_EQ(m.column(TrackerField::Action), 2);
    EXPECT_TRUE(m.isComplete());
}

TEST(TrackerImport, ReadsAWholeTrackerAsAPersonWould)
{
    test::TempDir dir;
    const QString csv = dir.file(QStringLiteral("tracker.csv"));
    writeCsv(csv, goodTracker());
    auto db = test::emptyDatabase(dir.file(QStringLiteral("t.rtdb")));
    TrackerImporter importer(db->connection());
    ASSERT_TRUE(importer.importFile(csv)) << importer.errorString().toStdString();

    const TrackerImporter::Counts added = importer.added();
    EXPECT_EQ(added.reviews, 3);
    EXPECT_EQ(added.recommendations, 6);
    EXPECT_EQ(added.actions, 14);
    EXPECT_EQ(added.updates, 3);
    const Counts stored = countsOf(*db);
    EXPECT_EQ(stored.reviews, 3);
    EXPECT_EQ(stored.recommendations, 6);
    EXPECT_EQ(stored.actions, 14);
    EXPECT_EQ(stored.updates, 3);

    // Kinds: given, and the default where the Type is blank.
    EXPECT_EQ(text(*db, QStringLiteral("SELECT group_concat(kind || ':' || title, ', ') FROM (SELECT * FROM "
                                       "reviews ORDER BY position)")),
              QStringLiteral("lcspr:Child X, scr:Family Y, lcspr:Philip"));
    EXPECT_EQ(text(*db, QStringLiteral("SELECT source FROM reviews WHERE title = 'Philip'")),
              QStringLiteral("tracker.csv"));

    // Blank (merged) cells inherit: three actions under Child X recommendation 1.
    EXPECT_EQ(
        scalar(*db, QStringLiteral("SELECT count(*) FROM actions a JOIN recommendations r ON r.id = "
                                   "a.recommendation_id JOIN reviews v ON v.id = r.review_id WHERE v.title = "
                                   "'Child X' AND r.number = '1'")),
        3);
    EXPECT_EQ(
        text(*db, QStringLiteral("SELECT group_concat(number || '=' || decision, ' ') FROM (SELECT * FROM "
                                 "recommendations ORDER BY id)")),
        QStringLiteral("1=agreed 2=partly_agreed 3=not_agreed 1=agreed 2= 1="));
    EXPECT_EQ(
        scalar(*db, QStringLiteral("SELECT count(*) FROM actions WHERE recommendation_id = (SELECT id FROM "
                                   "recommendations WHERE text = 'Strengthen the role of the IRO')")),
        0);

    // Every target form.
    struct Target
    {
        const char* action;
        const char* precision;
        const char* due;
        const char* written;
    };
    const Target targets[] = {
        {"Write the commissioning guidance", "day", "2024-03-31", "2024-03-31"},
        {"Train the placement team", "day", "2024-03-31", "31/03/2024"},
        {"Publish the standard operating procedure", "day", "2024-03-31", "31/3/24"},
        {"Commission the audit", "month", "2024-03-31", "March 2024"},
        {"Report to the Executive", "month", "2024-03-31", "Mar 2024"},
        {"Run neglect training", "month", "2024-03-31", "Mar-24"},
        {"Audit neglect cases", "year", "2024-12-31", "2024"},
        {"Revise the escalation policy", "ongoing", "", "Ongoing"},
        {"Promote the escalation policy", "none", "", "TBC"},
        {"Audit use of the escalation policy", "none", "", ""},
        {"Share the findings", "month", "2024-12-31", "2024-12"},
    };
    for (const Target& t : targets) {
        const QString a = QString::fromUtf8(t.action);
        EXPECT_EQ(actionField(*db, a, QStringLiteral("target_precision")), QLatin1String(t.precision))
            << t.action;
        EXPECT_EQ(actionField(*db, a, QStringLiteral("target_due")), QLatin1String(t.due)) << t.action;
        EXPECT_EQ(actionField(*db, a, QStringLiteral("target_text")), QLatin1String(t.written)) << t.action;
    }

    // Every status word, kept as written beside its code; a later row's
    // status is the newer one.
    EXPECT_EQ(
        text(*db, QStringLiteral("SELECT group_concat(status || '/' || status_text, ', ') FROM (SELECT * "
                                 "FROM actions ORDER BY id)")),
        QStringLiteral(
            "not_started/Not started, planned/Planned, planned/Action Planned, "
            "in_progress/In progress, in_progress/Action Underway, in_progress/On track, "
            "partial/Partially, partial/Partially complete, complete/Complete, complete/Completed, "
            "complete/Closed, superseded/Superseded, not_started/, not_started/NOT STARTED"));
    // Every RAG form.
    EXPECT_EQ(
        text(*db, QStringLiteral("SELECT group_concat(rag, ',') FROM (SELECT * FROM actions ORDER BY id)")),
        QStringLiteral("red,red,amber,green,green,blue,blue,green,blue,,,,,"));

    // Owners: "/" and "," split; "and" inside a name does not.
    EXPECT_EQ(
        text(*db, QStringLiteral("SELECT group_concat(name, ' | ') FROM (SELECT o.name FROM action_owners ao "
                                 "JOIN owners o ON o.id = ao.owner_id JOIN actions a ON a.id = ao.action_id "
                                 "WHERE a.text = 'Commission the audit' ORDER BY ao.position)")),
        QStringLiteral("Kay Jones | GSCB Business Unit"));
    EXPECT_EQ(actionField(*db, QStringLiteral("Commission the audit"), QStringLiteral("owner_text")),
              QStringLiteral("Kay Jones, GSCB Business Unit"));
    EXPECT_EQ(scalar(*db, QStringLiteral("SELECT count(*) FROM owners WHERE name = 'Policy and Procedure "
                                         "Sub-Group'")),
              1);

    // Updates: dated from the Update date column, labelled with its header,
    // the row's RAG recorded with it.
    EXPECT_EQ(
        text(*db, QStringLiteral("SELECT group_concat(coalesce(date, '-') || '|' || label || '|' || rag || "
                                 "'|' || text, '; ') FROM (SELECT * FROM updates ORDER BY id)")),
        QStringLiteral("2024-02-12|Latest update|red|Draft circulated; 2024-03|Latest update|green|Audit "
                       "under way; -|Latest update|blue|First audit done"));
    // Every action is found by the search, by its own text and its update's,
    // and the triggers that keep the search are all still there.
    EXPECT_EQ(scalar(*db, QStringLiteral("SELECT count(*) FROM action_search")), 14);
    EXPECT_EQ(
        text(*db, QStringLiteral("SELECT a.text FROM action_search s JOIN actions a ON a.id = s.rowid WHERE "
                                 "action_search MATCH 'circulated'")),
        QStringLiteral("Write the commissioning guidance"));
    EXPECT_EQ(
        scalar(*db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE "
                                   "'action_search%'")),
        7);
    // Themes add up per recommendation, stored in lower case.
    EXPECT_EQ(text(*db, QStringLiteral(
                            "SELECT group_concat(t.name, ', ') FROM recommendation_themes rt JOIN themes "
                            "t ON t.id = rt.theme_id JOIN recommendations r ON r.id = "
                            "rt.recommendation_id WHERE r.text = 'Review placement commissioning'")),
              QStringLiteral("commissioning, voice of the child"));
}

TEST(TrackerImport, EveryUnreadableCellIsListedAndNothingIsImported)
{
    test::TempDir dir;
    const QString csv = dir.file(QStringLiteral("bad.csv"));
    writeCsv(csv, {
                      row({"Rec No", "Review", "Action", "Target Date", "Status", "RAG", "Agreed", "Type",
                           "Update date", "Update"}),
                      row({"1", "", "Orphan action", "", "", "", "", "", "", ""}), // 2: no review
                      row({"1", "Child X", "Write it", "Sprung 2024", "", "", "", "", "", ""}),     // 3
                      row({"", "", "Check it", "", "Nearly done", "Purple", "", "", "", ""}),       // 4
                      row({"2", "", "Teach it", "31/02/2024", "", "", "Maybe", "Inquiry", "", ""}), // 5
                      row({"", "", "", "", "", "", "", "", "last Tuesday", "An update"}),           // 6
                      row({"3", "", "Fine", "March 2024", "Complete", "G", "Agreed", "", "", ""}),  // 7
                  });
    const QString path = dir.file(QStringLiteral("t.rtdb"));
    auto db = test::sampleDatabase(path);
    db->close();
    const QByteArray before = test::readAll(path);

    Database reopened;
    ASSERT_TRUE(reopened.open(path, Database::OpenMode::ReadWrite));
    QStringList lines;
    {
        TrackerImporter importer(reopened.connection());
        EXPECT_FALSE(importer.importFile(csv));
        EXPECT_TRUE(importer.errorString().contains(QStringLiteral("nothing was imported")))
            << importer.errorString().toStdString();
        EXPECT_TRUE(importer.errorString().contains(QStringLiteral("5 rows")))
            << importer.errorString().toStdString();
        for (const TrackerProblem& p : importer.problems())
            lines << p.toString();
    }
    const QStringList expected = {
        QStringLiteral(
            "Row 2, column B (Review): recommendation “1” has no review: the cell is blank and no row "
            "above names one"),
        QStringLiteral("Row 3, column D (Target Date): “Sprung 2024” is not a date this program reads (write "
                       "31/03/2024, March 2024, Mar-24, 2024, Ongoing or TBC)"),
        QStringLiteral(
            "Row 4, column E (Status): “Nearly done” is not a status this program reads (Not started, "
            "Planned, Underway, In progress, Partially complete, Complete, Closed, Superseded)"),
        QStringLiteral(
            "Row 4, column F (RAG): “Purple” is not a RAG rating this program reads (Red, Amber, Green, "
            "Blue or R, A, G, B)"),
        QStringLiteral("Row 5, column D (Target Date): “31/02/2024” is not a date this program reads (write "
                       "31/03/2024, March 2024, Mar-24, 2024, Ongoing or TBC)"),
        QStringLiteral(
            "Row 5, column G (Agreed): “Maybe” is not a decision this program reads (Agreed, Partly "
            "Agreed, Not Agreed)"),
        QStringLiteral(
            "Row 5, column H (Type): “Inquiry” is not a kind of review this program reads (SCR, LCSPR, "
            "Rapid Review, Section 11, Audit)"),
        QStringLiteral(
            "Row 6, column I (Update date): “last Tuesday” is not a date this program reads (write "
            "31/03/2024, March 2024 or 2024)"),
    };
    EXPECT_EQ(lines, expected) << lines.join(QLatin1Char('\n')).toStdString();
    reopened.close();
    EXPECT_EQ(test::readAll(path), before) << "a refused import must not change a byte";
}

TEST(TrackerImport, DifferentValuesForOneRecordAreProblemsNotSilentLosses)
{
    test::TempDir dir;
    const QString csv = dir.file(QStringLiteral("conflict.csv"));
    writeCsv(csv, {
                      row({"Review", "Rec", "Recommendation", "Action", "Owner", "Target"}),
                      row({"Child X", "1", "First text", "Write it", "Kay Jones", "March 2024"}),
                      row({"", "1", "Other text", "write it", "Alison Croft", "April 2024"}),
                  });
    auto db = test::emptyDatabase(dir.file(QStringLiteral("t.rtdb")));
    TrackerImporter importer(db->connection());
    ASSERT_FALSE(importer.importFile(csv));
    QStringList lines;
    for (const TrackerProblem& p : importer.problems())
        lines << p.toString();
    EXPECT_EQ(lines,
              (QStringList{
                  QStringLiteral("Row 3, column C (Recommendation): “Other text” differs from “First text” "
                                 "given for recommendation 1 in row 2"),
                  QStringLiteral("Row 3, column E (Owner): “Alison Croft” differs from “Kay Jones” given for "
                                 "this action in row 2"),
                  QStringLiteral("Row 3, column F (Target): “April 2024” differs from “March 2024” given for "
                                 "this action in row 2"),
              }))
        << lines.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(countsOf(*db).reviews, 0);
}

TEST(TrackerImport, AReviewTheDatabaseHasIsRefusedUnlessMerging)
{
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("t.rtdb"));
    auto db = test::sampleDatabase(path);
    const QString existingAction =
        text(*db, QStringLiteral(
                      "SELECT a.text FROM actions a JOIN recommendations r ON r.id = a.recommendation_id "
                      "JOIN reviews v ON v.id = r.review_id WHERE v.title = 'Child X' AND r.number = "
                      "'2.1'"));
    const QString updatedAction = text(
        *db, QStringLiteral(
                 "SELECT a.text FROM actions a JOIN recommendations r ON r.id = a.recommendation_id JOIN "
                 "reviews v ON v.id = r.review_id WHERE v.title = 'Child X' AND r.number = '1.1'"));
    const QString existingUpdate =
        text(*db, QStringLiteral("SELECT u.text FROM updates u JOIN actions a ON a.id = "
                                 "u.action_id WHERE a.text = '%1'")
                      .arg(QString(updatedAction).replace(QLatin1Char('\''), QStringLiteral("''"))));
    ASSERT_FALSE(existingAction.isEmpty());
    ASSERT_FALSE(existingUpdate.isEmpty());

    const QString csv = dir.file(QStringLiteral("merge.csv"));
    writeCsv(csv,
             {
                 row({"Review", "Rec No", "Recommendation", "Action", "Status", "Update date", "Update"}),
                 // An action it has (any capitals and spacing), with a new update.
                 QStringList{QStringLiteral("child x"), QStringLiteral("2.1"), QString(),
                             existingAction.toUpper() + QStringLiteral("  "), QString(),
                             QStringLiteral("01/03/2024"), QStringLiteral("Merged update")},
                 // An action and an update it has: nothing new.
                 QStringList{QString(), QStringLiteral("1.1"), QString(), updatedAction, QString(), QString(),
                             existingUpdate},
                 // A new action under a recommendation it has.
                 row({"", "8.2", "", "New action for 8.2", "Planned", "", ""}),
                 // A new recommendation with an action and an update.
                 row({"", "11", "A new recommendation", "New action for 11", "", "", "First update"}),
                 // A new review beside it.
                 row({"Child Z", "1", "Another review's recommendation", "Its action", "", "", ""}),
             });
    const Counts before = countsOf(*db);
    const qint64 mark = scalar(*db, QStringLiteral("SELECT max(id) FROM history"));
    {
        TrackerImporter importer(db->connection());
        EXPECT_FALSE(importer.importFile(csv));
        EXPECT_TRUE(importer.errorString().contains(QStringLiteral("“child x”")))
            << importer.errorString().toStdString();
        EXPECT_EQ(importer.existingReviews(), QStringList{QStringLiteral("child x")});
        const Counts after = countsOf(*db);
        EXPECT_EQ(after.reviews, before.reviews);
        EXPECT_EQ(after.actions, before.actions);
    }
    {
        TrackerImporter importer(db->connection());
        importer.setMerge(true);
        ASSERT_TRUE(importer.importFile(csv)) << importer.errorString().toStdString();
        const TrackerImporter::Counts added = importer.added();
        EXPECT_EQ(added.reviews, 1);         // Child Z
        EXPECT_EQ(added.recommendations, 2); // Child X 11, Child Z 1
        EXPECT_EQ(added.actions, 3);         // 8.2's, 11's, Child Z's
        EXPECT_EQ(added.updates, 2);         // "Merged update", "First update"
        const Counts after = countsOf(*db);
        EXPECT_EQ(after.reviews, before.reviews + 1);
        EXPECT_EQ(after.recommendations, before.recommendations + 2);
        EXPECT_EQ(after.actions, before.actions + 3);
        EXPECT_EQ(after.updates, before.updates + 2);
    }
    EXPECT_EQ(scalar(*db, QStringLiteral("SELECT count(*) FROM reviews WHERE title = 'Child X'")), 1);
    EXPECT_EQ(
        text(*db, QStringLiteral("SELECT coalesce(date, '') FROM updates WHERE text = 'Merged update'")),
        QStringLiteral("2024-03-01"));
    EXPECT_EQ(text(*db, QStringLiteral("SELECT r.number FROM actions a JOIN recommendations r ON r.id = "
                                       "a.recommendation_id WHERE a.text = 'New action for 8.2'")),
              QStringLiteral("8.2"));
    EXPECT_EQ(
        text(*db, QStringLiteral("SELECT r.text FROM recommendations r JOIN reviews v ON v.id = r.review_id "
                                 "WHERE r.number = '11' AND v.title = 'Child X'")),
        QStringLiteral("A new recommendation"));
    // Recommendations it has keep their text: the tracker's blank is no change.
    EXPECT_EQ(scalar(*db, QStringLiteral(
                              "SELECT count(*) FROM recommendations WHERE text LIKE '(No recommendation%'")),
              0);
    // The search finds the new update on the action the review had, and the new action.
    EXPECT_EQ(
        text(*db, QStringLiteral("SELECT a.text FROM action_search s JOIN actions a ON a.id = s.rowid WHERE "
                                 "action_search MATCH '\"merged update\"'")),
        existingAction);
    EXPECT_EQ(scalar(*db, QStringLiteral("SELECT count(*) FROM action_search WHERE action_search MATCH "
                                         "'\"New action for 8.2\"'")),
              1);
    EXPECT_EQ(scalar(*db, QStringLiteral("SELECT count(*) FROM action_search")),
              scalar(*db, QStringLiteral("SELECT count(*) FROM actions")));
    // The change history shows what merging added, and nothing else changed.
    auto created = [&](const char* entity) {
        return scalar(*db, QStringLiteral("SELECT count(*) FROM history WHERE id > %1 AND field = 'created' "
                                          "AND entity = '%2'")
                               .arg(mark)
                               .arg(QLatin1String(entity)));
    };
    EXPECT_EQ(created("review"), 1);
    EXPECT_EQ(created("recommendation"), 2);
    EXPECT_EQ(created("action"), 3);
    EXPECT_EQ(created("update"), 2);
    EXPECT_EQ(
        scalar(*db,
               QStringLiteral("SELECT count(*) FROM history WHERE id > %1 AND field = 'deleted'").arg(mark)),
        0);

    // Merging the same tracker again adds nothing.
    const Counts once = countsOf(*db);
    TrackerImporter again(db->connection());
    again.setMerge(true);
    ASSERT_TRUE(again.importFile(csv)) << again.errorString().toStdString();
    EXPECT_EQ(again.added().reviews + again.added().recommendations + again.added().actions +
                  again.added().updates,
              0);
    const Counts twice = countsOf(*db);
    EXPECT_EQ(twice.actions, once.actions);
    EXPECT_EQ(twice.updates, once.updates);
}

TEST(TrackerImport, CancellingRollsEverythingBack)
{
    test::TempDir dir;
    const QString csv = dir.file(QStringLiteral("big.csv"));
    QList<QStringList> rows = {row({"Review", "Rec No", "Recommendation", "Action", "Target"})};
    for (int i = 0; i < 3000; ++i)
        rows << QStringList{QStringLiteral("Review %1").arg(i / 300), QString::number(i % 30 + 1),
                            QStringLiteral("Recommendation %1").arg(i % 30 + 1),
                            QStringLiteral("Action %1").arg(i), QStringLiteral("March 2024")};
    writeCsv(csv, rows);
    const QString path = dir.file(QStringLiteral("t.rtdb"));
    auto db = test::sampleDatabase(path);
    db->close();
    const QByteArray before = test::readAll(path);

    Database reopened;
    ASSERT_TRUE(reopened.open(path, Database::OpenMode::ReadWrite));
    QVector<int> seen;
    int total = 0;
    {
        TrackerImporter importer(reopened.connection());
        importer.setProgress([&](int done, int all) {
            seen << done;
            total = all;
            return done < all / 2; // the user presses Cancel half way
        });
        EXPECT_FALSE(importer.importFile(csv));
        EXPECT_TRUE(importer.wasCancelled());
        EXPECT_TRUE(importer.errorString().contains(QStringLiteral("cancelled")))
            << importer.errorString().toStdString();
    }
    // Called now and then, not for every row.
    EXPECT_GT(seen.size(), 2);
    EXPECT_LT(seen.size(), 3000 / 10);
    EXPECT_GT(total, 3000);
    EXPECT_EQ(scalar(reopened, QStringLiteral("SELECT count(*) FROM reviews WHERE title LIKE 'Review %'")),
              0);
    reopened.close();
    EXPECT_EQ(test::readAll(path), before);
}

TEST(TrackerImport, ReadsAnXlsxTrackerWithExcelDatesAndMergedCells)
{
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("tracker.xlsx"));
    lxw_workbook* wb = lxw::workbook_new(path.toUtf8().constData());
    lxw_format* day = lxw::workbook_add_format(wb);
    lxw::format_set_num_format(day, "dd/mm/yyyy");
    lxw_format* month = lxw::workbook_add_format(wb);
    lxw::format_set_num_format(month, "mmm-yy");
    lxw_format* builtIn = lxw::workbook_add_format(wb);
    lxw::format_set_num_format_index(builtIn, 15); // d-mmm-yy
    lxw_worksheet* cover = lxw::workbook_add_worksheet(wb, "Cover");
    lxw::worksheet_write_string(cover, 0, 0, "Review tracker — read me first", nullptr);
    lxw_worksheet* ws = lxw::workbook_add_worksheet(wb, "Tracker");
    const char* headers[] = {"Case review", "Rec", "Recommendation", "Action planned", "Lead",
                             "Target Date", "RAG", "Action Update",  "Update date"};
    for (int c = 0; c < 9; ++c)
        lxw::worksheet_write_string(ws, 1, c, headers[c], nullptr); // row 2: a blank row above
    // The review merged over three rows, recommendation 1 over two.
    lxw::worksheet_merge_range(ws, 2, 0, 4, 0, "Child X", nullptr);
    lxw::worksheet_merge_range(ws, 2, 1, 3, 1, "1", nullptr);
    lxw::worksheet_merge_range(ws, 2, 2, 3, 2, "Review placements", nullptr);
    lxw::worksheet_write_number(ws, 4, 1, 2, nullptr); // recommendation 2, a number cell
    lxw::worksheet_write_string(ws, 4, 2, "Oversight", nullptr);
    lxw::worksheet_write_string(ws, 2, 3, "Write the guidance", nullptr);
    lxw::worksheet_write_string(ws, 3, 3, "Train the team", nullptr);
    lxw::worksheet_write_string(ws, 4, 3, "Report to the Executive", nullptr);
    lxw_datetime d31 = {2024, 3, 31, 0, 0, 0};
    lxw_datetime d1 = {2024, 6, 1, 0, 0, 0};
    lxw_datetime feb = {2024, 2, 12, 0, 0, 0};
    lxw::worksheet_write_datetime(ws, 2, 5, &d31, day);
    lxw::worksheet_write_datetime(ws, 3, 5, &d1, month);
    lxw::worksheet_write_datetime(ws, 4, 5, &d31, builtIn);
    lxw::worksheet_write_string(ws, 2, 6, "Amber", nullptr);
    lxw::worksheet_write_string(ws, 2, 7, "Guidance drafted", nullptr);
    lxw::worksheet_write_datetime(ws, 2, 8, &feb, day);
    ASSERT_EQ(lxw::workbook_close(wb), LXW_NO_ERROR);

    auto db = test::emptyDatabase(dir.file(QStringLiteral("t.rtdb")));
    TrackerImporter importer(db->connection());
    importer.setDefaultKind(ReviewKind::SCR);
    ASSERT_TRUE(importer.importFile(path)) << importer.errorString().toStdString();
    EXPECT_EQ(importer.added().reviews, 1);
    EXPECT_EQ(importer.added().recommendations, 2);
    EXPECT_EQ(importer.added().actions, 3);
    EXPECT_EQ(importer.added().updates, 1);
    EXPECT_EQ(text(*db, QStringLiteral("SELECT kind FROM reviews")), QStringLiteral("scr"));
    EXPECT_EQ(text(*db, QStringLiteral("SELECT group_concat(number, ',') FROM recommendations")),
              QStringLiteral("1,2"));
    EXPECT_EQ(actionField(*db, QStringLiteral("Write the guidance"),
                          QStringLiteral("target_precision || ' ' || "
                                         "target_due || ' ' || "
                                         "target_text")),
              QStringLiteral("day 2024-03-31 31/03/2024"));
    EXPECT_EQ(actionField(*db, QStringLiteral("Train the team"),
                          QStringLiteral("target_precision || ' ' || target_due || ' ' || target_text")),
              QStringLiteral("month 2024-06-30 June 2024"));
    EXPECT_EQ(actionField(*db, QStringLiteral("Report to the Executive"),
                          QStringLiteral("target_precision || ' ' || target_due")),
              QStringLiteral("day 2024-03-31"));
    EXPECT_EQ(text(*db, QStringLiteral("SELECT date || ' ' || label || ' ' || rag FROM updates")),
              QStringLiteral("2024-02-12 Action Update amber"));
}

TEST(TrackerImport, TheSheetIsChosenByItsHeaderRowOrByName)
{
    QVector<SheetTable> sheets(2);
    sheets[0].name = QStringLiteral("Cover");
    sheets[0].rows = {{textCell(QStringLiteral("Read me"))}};
    sheets[1].name = QStringLiteral("Tracker");
    sheets[1].rows = {{textCell(QStringLiteral("Review")), textCell(QStringLiteral("Rec")),
                       textCell(QStringLiteral("Action"))}};
    QString error;
    EXPECT_EQ(TrackerColumns::chooseSheet(sheets, QString(), &error), 1);
    EXPECT_EQ(TrackerColumns::chooseSheet(sheets, QStringLiteral("cover"), &error), 0);
    EXPECT_EQ(TrackerColumns::chooseSheet(sheets, QStringLiteral("Plans"), &error), -1);
    EXPECT_EQ(error, QStringLiteral("there is no sheet “Plans” (the sheets are “Cover”, “Tracker”)"));
    sheets.removeLast();
    EXPECT_EQ(TrackerColumns::chooseSheet(sheets, QString(), &error), -1);
    EXPECT_TRUE(error.startsWith(QStringLiteral("no sheet has a header row"))) << error.toStdString();
}

TEST(TrackerParser, ShowsDateCellsTheUkWay)
{
    SheetCell c;
    c.isDate = true;
    c.number = 45382;
    c.format = QStringLiteral("dd/mm/yyyy");
    EXPECT_EQ(TrackerParser::displayText(c), QStringLiteral("31/03/2024"));
    c.format = QStringLiteral("mmm-yy");
    EXPECT_EQ(TrackerParser::displayText(c), QStringLiteral("March 2024"));
    c.isDate = false;
    c.text = QStringLiteral("45382");
    EXPECT_EQ(TrackerParser::displayText(c), QStringLiteral("45382"));
    EXPECT_EQ(
        TrackerParser::splitOwners(QStringLiteral("A / B; C,\nD / a")),
        (QStringList{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("D")}));
    EXPECT_EQ(TrackerParser::splitOwners(QStringLiteral("Director of Safeguarding and Care")),
              QStringList{QStringLiteral("Director of Safeguarding and Care")});
}
