#include "TestSupport.h"
#include "db/ActionRepository.h"
#include "db/MeetingQueries.h"
#include "db/UpdateRepository.h"
#include "models/MeetingModel.h"

#include <QAbstractItemModelTester>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <gtest/gtest.h>

using namespace rt;

namespace {

QDateTime utc(const char* iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate).toUTC();
}

// The sample data (Child X: updates mostly undated, one of "2024-02"; targets
// of March, April and December 2024. Philip: targets in 2017) with a fixed
// clock and a known user, so the log's at and who can be checked.
class MeetingTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_user = qgetenv("USER");
        m_userName = qgetenv("USERNAME");
        qputenv("USER", "qiip.tester");
        setClock("2024-03-05T10:00:00Z");
        db = test::sampleDatabase(dir.file(QStringLiteral("meeting.rtdb")));
        childX = test::scalar(*db, QStringLiteral("SELECT id FROM reviews WHERE title = 'Child X'"));
        ASSERT_GT(childX, 0);
        // Loading the sample logged its records' creation; the tests look
        // at what comes after.
        mark = test::scalar(*db, QStringLiteral("SELECT coalesce(max(id), 0) FROM history"));
    }
    void TearDown() override
    {
        Repository::setClockForTesting({});
        restore("USER", m_user);
        restore("USERNAME", m_userName);
    }
    static void restore(const char* name, const QByteArray& value)
    {
        if (value.isNull())
            qunsetenv(name);
        else
            qputenv(name, value);
    }
    static void setClock(const char* iso)
    {
        const QDateTime at = utc(iso);
        Repository::setClockForTesting([at] { return at; });
    }
    qint64 count(const QString& sql) { return test::scalar(*db, sql); }
    qint64 historyRows()
    {
        return count(QStringLiteral("SELECT count(*) FROM history WHERE id > %1").arg(mark));
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
    // Every history row, oldest first: "at|who|entity|entity_id|review_id|field|old|new".
    QStringList history()
    {
        QStringList rows;
        QSqlQuery q(db->connection());
        EXPECT_TRUE(q.exec(
            QStringLiteral(
                "SELECT at || '|' || who || '|' || entity || '|' || entity_id || '|' || coalesce(review_id, "
                "'<null>') || '|' || field || '|' || coalesce(old_value, '<null>') || '|' || "
                "coalesce(new_value, '<null>') FROM history WHERE id > %1 ORDER BY id")
                .arg(mark)));
        while (q.next())
            rows << q.value(0).toString();
        return rows;
    }
    QString row(const char* at, qint64 id, const char* field, const char16_t* oldValue,
                const char16_t* newValue)
    {
        return row(at, id, field, QString::fromUtf16(oldValue), QString::fromUtf16(newValue));
    }
    QString row(const char* at, qint64 id, const char* field, const QString& oldValue,
                const QString& newValue)
    {
        return QStringLiteral("%1|qiip.tester|action|%2|%3|%4|%5|%6")
            .arg(QLatin1String(at))
            .arg(id)
            .arg(childX)
            .arg(QLatin1String(field), oldValue, newValue);
    }
    QVector<MeetingItem> changes(const QDate& since, const QDate& asOf)
    {
        MeetingQueries queries(db->connection());
        QVector<MeetingItem> items;
        EXPECT_TRUE(queries.changesSince(since, asOf, &items)) << queries.errorString().toStdString();
        return items;
    }
    QVector<MeetingItem> sinceNewYear() { return changes(QDate(2024, 1, 1), QDate(2024, 6, 30)); }
    // The items of one kind as "action number:old>new@when" (action id when unnumbered).
    static QStringList ofKind(const QVector<MeetingItem>& items, MeetingItem::Kind kind)
    {
        QStringList out;
        for (const MeetingItem& i : items) {
            if (i.kind == kind)
                out << QStringLiteral("%1:%2>%3@%4")
                           .arg(i.actionNumber.isEmpty() ? QString::number(i.actionId) : i.actionNumber,
                                i.oldValue, i.newValue, i.when.toString(Qt::ISODate));
        }
        return out;
    }

    test::TempDir dir;
    std::unique_ptr<Database> db;
    qint64 childX = 0;
    qint64 mark = 0;
    QByteArray m_user;
    QByteArray m_userName;
};

} // namespace

// --- Part A: the change log -------------------------------------------------

TEST_F(MeetingTest, SetFieldLogsStatusRagAndTargetsWithOldAndNewValues)
{
    ActionRepository repo(db->connection());
    const qint64 id = action("1.1"); // Partially, not rated, target March 2024
    ASSERT_EQ(historyRows(), 0);
    ASSERT_TRUE(repo.setField(id, ActionRepository::Field::Status, QStringLiteral("Complete")));
    setClock("2024-03-06T11:30:00Z");
    ASSERT_TRUE(repo.setField(id, ActionRepository::Field::Rag, QStringLiteral("Amber")));
    ASSERT_TRUE(repo.setField(id, ActionRepository::Field::Target, QStringLiteral(" June 2024 ")));
    ASSERT_TRUE(repo.setField(id, ActionRepository::Field::RevisedTarget, QStringLiteral("September 2024")));
    ASSERT_TRUE(repo.setField(id, ActionRepository::Field::Rag, QStringLiteral("r")));
    // Every column that changed, with what it held before and after: the
    // target's text and the due date read from it alike.
    EXPECT_EQ(history(), QStringList({
                             row("2024-03-05T10:00:00Z", id, "status", u"partial", u"complete"),
                             row("2024-03-05T10:00:00Z", id, "status_text", u"Partially", u"Complete"),
                             row("2024-03-06T11:30:00Z", id, "rag", u"", u"amber"),
                             row("2024-03-06T11:30:00Z", id, "target_text", u"March 2024", u"June 2024"),
                             row("2024-03-06T11:30:00Z", id, "target_due", u"2024-03-31", u"2024-06-30"),
                             row("2024-03-06T11:30:00Z", id, "revised_target_text", u"", u"September 2024"),
                             row("2024-03-06T11:30:00Z", id, "revised_target_precision", u"none", u"month"),
                             row("2024-03-06T11:30:00Z", id, "revised_target_due", u"<null>", u"2024-09-30"),
                             row("2024-03-06T11:30:00Z", id, "rag", u"amber", u"red"),
                         }));
}

TEST_F(MeetingTest, AnUnchangedValueLogsNothing)
{
    ActionRepository repo(db->connection());
    const qint64 id = action("1.1");
    // "Partial" is stored as the same code as "Partially": the status did not change.
    ASSERT_TRUE(repo.setField(id, ActionRepository::Field::Status, QStringLiteral("Partially")));
    ASSERT_TRUE(repo.setField(id, ActionRepository::Field::Target, QStringLiteral("March 2024")));
    ASSERT_TRUE(repo.setField(id, ActionRepository::Field::RevisedTarget, QString()));
    ASSERT_TRUE(repo.setField(id, ActionRepository::Field::Rag, QStringLiteral("Not rated")));
    EXPECT_EQ(historyRows(), 0);
    // An update without a RAG, or with the action's own RAG, logs the update only.
    ASSERT_TRUE(repo.setField(id, ActionRepository::Field::Rag, QStringLiteral("Green")));
    UpdateRepository updates(db->connection());
    updates.setToday(QDate(2024, 3, 5));
    ASSERT_GT(updates.add(id, QString(), QString(), QStringLiteral("Still green."), QStringLiteral("green")),
              0);
    ASSERT_GT(updates.add(id, QString(), QString(), QStringLiteral("No rating."), QString()), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM history WHERE id > %1 AND field = 'rag'").arg(mark)),
              1);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM history WHERE id > %1 AND entity = 'update' AND "
                                   "field = 'created' AND parent_entity = 'action' AND parent_id = %2")
                        .arg(mark)
                        .arg(id)),
              2);
}

TEST_F(MeetingTest, AFailedEditLogsNothing)
{
    ActionRepository repo(db->connection());
    const qint64 id = action("1.1");
    EXPECT_FALSE(repo.setField(id, ActionRepository::Field::Status, QStringLiteral("Finished-ish")));
    EXPECT_FALSE(repo.setField(id, ActionRepository::Field::Rag, QStringLiteral("Purple")));
    EXPECT_FALSE(repo.setField(id, ActionRepository::Field::Target, QStringLiteral("Marchh 2024")));
    EXPECT_FALSE(repo.setField(999999, ActionRepository::Field::Status, QStringLiteral("Complete")));
    EXPECT_FALSE(repo.remove(999999));
    EXPECT_EQ(repo.create(999999, QStringLiteral("Orphan.")), 0);
    UpdateRepository updates(db->connection());
    updates.setToday(QDate(2024, 3, 5));
    EXPECT_EQ(updates.add(999999, QString(), QString(), QStringLiteral("Lost."), QStringLiteral("red")), 0);
    EXPECT_EQ(updates.add(id, QString(), QString(), QStringLiteral("Odd."), QStringLiteral("Purple")), 0);
    EXPECT_EQ(historyRows(), 0);
    EXPECT_EQ(column("status", id), QStringLiteral("partial"));
}

TEST_F(MeetingTest, AChangeWhoseLogCannotBeWrittenIsRefusedWhole)
{
    // A stand-in for a full disk or a broken log: every history insert fails.
    ASSERT_TRUE(db->exec(QStringLiteral("CREATE TEMP TRIGGER no_log BEFORE INSERT ON history "
                                        "BEGIN SELECT RAISE(ABORT, 'log unavailable'); END")));
    ActionRepository repo(db->connection());
    const qint64 id = action("1.1");
    const qint64 actions = count(QStringLiteral("SELECT count(*) FROM actions"));
    EXPECT_FALSE(repo.setField(id, ActionRepository::Field::Status, QStringLiteral("Complete")));
    EXPECT_TRUE(repo.errorString().contains(QStringLiteral("log unavailable")))
        << repo.errorString().toStdString();
    EXPECT_EQ(column("status", id), QStringLiteral("partial"));
    EXPECT_EQ(column("version", id), QStringLiteral("1"));
    EXPECT_FALSE(repo.setField(id, ActionRepository::Field::Target, QStringLiteral("June 2024")));
    EXPECT_EQ(column("target_due", id), QStringLiteral("2024-03-31"));
    EXPECT_EQ(
        repo.create(
            test::scalar(*db, QStringLiteral("SELECT recommendation_id FROM actions WHERE id = %1").arg(id)),
            QStringLiteral("A new step.")),
        0);
    EXPECT_FALSE(repo.remove(id));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM actions")), actions);
    UpdateRepository updates(db->connection());
    updates.setToday(QDate(2024, 3, 5));
    EXPECT_EQ(updates.add(id, QString(), QString(), QStringLiteral("Red now."), QStringLiteral("red")), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM updates WHERE action_id = %1").arg(id)), 1);
    EXPECT_EQ(column("rag", id), QString());
    // Every field is logged now, so nothing at all can be saved unlogged.
    EXPECT_FALSE(repo.setField(id, ActionRepository::Field::Evidence, QStringLiteral("Minutes.")));
    EXPECT_EQ(column("evidence", id), QString());
}

TEST_F(MeetingTest, CreateDeleteAndUpdatesAreLogged)
{
    ActionRepository repo(db->connection());
    const qint64 rec = test::scalar(
        *db, QStringLiteral("SELECT recommendation_id FROM actions WHERE id = %1").arg(action("2.1")));
    const qint64 id = repo.create(rec, QStringLiteral("Audit the pathway."), QStringLiteral("May 2024"));
    ASSERT_GT(id, 0) << repo.errorString().toStdString();
    UpdateRepository updates(db->connection());
    updates.setToday(QDate(2024, 3, 5));
    setClock("2024-03-07T08:00:00Z");
    const qint64 update = updates.add(id, QStringLiteral("March 2024"), QStringLiteral("Kay"),
                                      QStringLiteral("Begun."), QStringLiteral("Amber"));
    ASSERT_GT(update, 0);
    setClock("2024-03-08T08:00:00Z");
    ASSERT_TRUE(repo.remove(id));
    // "entity:id:field@at" and, for a whole row, its text.
    QStringList rows;
    QSqlQuery q(db->connection());
    ASSERT_TRUE(
        q.exec(QStringLiteral("SELECT entity || ':' || entity_id || ':' || field || '@' || at || ' ' || "
                              "CASE WHEN field IN ('created', 'deleted') THEN json_extract(coalesce("
                              "new_value, old_value), '$.text') ELSE '' END "
                              "FROM history WHERE id > %1 AND (entity = 'action' OR parent_id = %2) "
                              "ORDER BY id")
                   .arg(mark)
                   .arg(id)));
    while (q.next())
        rows << q.value(0).toString();
    const QString a = QString::number(id);
    const QString u = QString::number(update);
    EXPECT_EQ(rows, QStringList({
                        QStringLiteral("action:%1:created@2024-03-05T10:00:00Z Audit the pathway.").arg(a),
                        QStringLiteral("update:%1:created@2024-03-07T08:00:00Z Begun.").arg(u),
                        QStringLiteral("action:%1:rag@2024-03-07T08:00:00Z ").arg(a),
                        // The log outlives the action and its update, whole rows kept.
                        QStringLiteral("update:%1:deleted@2024-03-08T08:00:00Z Begun.").arg(u),
                        QStringLiteral("action:%1:deleted@2024-03-08T08:00:00Z Audit the pathway.").arg(a),
                    }))
        << rows.join(QLatin1Char('\n')).toStdString();
}

TEST_F(MeetingTest, WhoIsTheOperatingSystemUser)
{
    ActionRepository repo(db->connection());
    const qint64 id = action("1.1");
    qunsetenv("USER");
    qputenv("USERNAME", "windows.user");
    ASSERT_TRUE(repo.setField(id, ActionRepository::Field::Rag, QStringLiteral("Red")));
    qunsetenv("USERNAME");
    const QByteArray logname = qgetenv("LOGNAME");
    qputenv("LOGNAME", "login.name");
    ASSERT_TRUE(repo.setField(id, ActionRepository::Field::Rag, QStringLiteral("Amber")));
    restore("LOGNAME", logname);
    EXPECT_EQ(test::text(*db, QStringLiteral("SELECT group_concat(who, '|') FROM (SELECT who FROM history "
                                             "WHERE id > %1 ORDER BY id)")
                                  .arg(mark)),
              QStringLiteral("windows.user|login.name"));
}

TEST_F(MeetingTest, AHistoryRowCannotBeRewrittenOrRemoved)
{
    ActionRepository repo(db->connection());
    ASSERT_TRUE(repo.setField(action("1.1"), ActionRepository::Field::Rag, QStringLiteral("Red")));
    QSqlQuery q(db->connection());
    EXPECT_FALSE(q.exec(QStringLiteral("UPDATE history SET new_value = 'green'")));
    EXPECT_TRUE(q.lastError().text().contains(QStringLiteral("cannot be edited")))
        << q.lastError().text().toStdString();
    EXPECT_FALSE(q.exec(QStringLiteral("DELETE FROM history WHERE id > %1").arg(mark)));
    EXPECT_TRUE(q.lastError().text().contains(QStringLiteral("cannot be edited")))
        << q.lastError().text().toStdString();
    EXPECT_EQ(test::text(*db, QStringLiteral("SELECT new_value FROM history WHERE id > %1").arg(mark)),
              QStringLiteral("red"));
}

// --- Part B: what changed since the last meeting ---------------------------
//
// Worked out with sqlite3 on the sample database and data/sample/002-child-x.json
// / 004-philip.json, since 01/01/2024 as of 30/06/2024:
// - the only dated update is Child X 1.3's "(Feb 2024)", stored as "2024-02";
// - no update carries a RAG and nothing is logged, so no status, RAG or
//   completion changes (5.1 and 9.1 were already complete when imported);
// - open actions due in [01/01/2024, 30/06/2024): Child X 1.1, 6.1, 7.1, 10.1
//   (March 2024) and 2.1, 8.1 (April 2024); Philip's 2017 targets were already
//   overdue, so none is newly overdue; 5.1 and 9.1 (March 2024) are complete.

TEST_F(MeetingTest, SampleSinceNewYearListsTheFebruaryUpdateAndSixNewlyOverdue)
{
    const QVector<MeetingItem> items = sinceNewYear();
    EXPECT_EQ(ofKind(items, MeetingItem::NewUpdate), QStringList({QStringLiteral("1.3:>@2024-02-01")}));
    EXPECT_EQ(ofKind(items, MeetingItem::StatusChange), QStringList());
    EXPECT_EQ(ofKind(items, MeetingItem::RagChange), QStringList());
    EXPECT_EQ(ofKind(items, MeetingItem::Completed), QStringList());
    EXPECT_EQ(ofKind(items, MeetingItem::NewlyOverdue),
              QStringList({QStringLiteral("1.1:>@2024-03-31"), QStringLiteral("2.1:>@2024-04-30"),
                           QStringLiteral("6.1:>@2024-03-31"), QStringLiteral("7.1:>@2024-03-31"),
                           QStringLiteral("8.1:>@2024-04-30"), QStringLiteral("10.1:>@2024-03-31")}));
    EXPECT_EQ(MeetingQueries::countsByKind(items), QVector<int>({1, 0, 0, 6, 0}));

    const MeetingItem& update = items.first();
    EXPECT_EQ(update.actionId, action("1.3"));
    EXPECT_EQ(update.reviewId, childX);
    EXPECT_EQ(update.reviewTitle, QStringLiteral("Child X"));
    EXPECT_EQ(update.recommendationNumber, QStringLiteral("1.3"));
    EXPECT_EQ(update.whenText, QStringLiteral("2024-02"));
    EXPECT_EQ(update.latestUpdateDate, QStringLiteral("2024-02"));
    EXPECT_TRUE(update.latestUpdateText.startsWith(
        QStringLiteral("The Heads of Quality and Placements are currently (Feb 2024)")))
        << update.latestUpdateText.toStdString();

    // Beside each overdue action, its latest update (the documents' are undated).
    for (const MeetingItem& i : items) {
        if (i.kind != MeetingItem::NewlyOverdue)
            continue;
        EXPECT_EQ(i.reviewTitle, QStringLiteral("Child X"));
        EXPECT_EQ(i.recommendationNumber, i.actionNumber);
        EXPECT_FALSE(i.targetRevised);
        const bool hasUpdate =
            i.actionNumber != QLatin1String("2.1") && i.actionNumber != QLatin1String("8.1");
        EXPECT_EQ(i.hasLatestUpdate, hasUpdate) << i.actionNumber.toStdString();
        EXPECT_EQ(i.latestUpdateDate, QString());
        EXPECT_EQ(i.newLabel,
                  i.when.month() == 3 ? QStringLiteral("March 2024") : QStringLiteral("April 2024"));
    }
    const auto overdue11 = std::find_if(items.begin(), items.end(), [](const MeetingItem& i) {
        return i.kind == MeetingItem::NewlyOverdue && i.actionNumber == QLatin1String("1.1");
    });
    ASSERT_NE(overdue11, items.end());
    EXPECT_TRUE(overdue11->latestUpdateText.startsWith(
        QStringLiteral("The AD Integrated Commissioning has undertaken a functional")));
    EXPECT_EQ(overdue11->owner, column("owner_text", action("1.1")));
    EXPECT_EQ(overdue11->actionText, column("text", action("1.1")));
}

TEST_F(MeetingTest, AMonthDatedUpdateCountsFromTheFirstOfTheMonth)
{
    auto updates = [this](const QDate& since, const QDate& asOf) {
        return ofKind(changes(since, asOf), MeetingItem::NewUpdate).size();
    };
    EXPECT_EQ(updates(QDate(2024, 2, 1), QDate(2024, 2, 1)), 1);
    EXPECT_EQ(updates(QDate(2024, 2, 2), QDate(2024, 6, 30)), 0);
    EXPECT_EQ(updates(QDate(2023, 1, 1), QDate(2024, 1, 31)), 0);
    // A year-dated update counts from 1 January.
    ASSERT_TRUE(
        db->exec(QStringLiteral("INSERT INTO updates(action_id, date, text) VALUES (%1, '2024', 'Year.')")
                     .arg(action("4.2"))));
    EXPECT_EQ(updates(QDate(2024, 1, 1), QDate(2024, 1, 1)), 1);
    EXPECT_EQ(updates(QDate(2024, 1, 2), QDate(2024, 1, 31)), 0);
}

TEST_F(MeetingTest, NewlyOverdueIsDueFromSinceAndBeforeTheAsOfDate)
{
    // Due 30/04/2024 is overdue from 01/05/2024, not on the day itself.
    EXPECT_EQ(ofKind(changes(QDate(2024, 4, 1), QDate(2024, 4, 30)), MeetingItem::NewlyOverdue),
              QStringList());
    EXPECT_EQ(ofKind(changes(QDate(2024, 4, 1), QDate(2024, 5, 1)), MeetingItem::NewlyOverdue),
              QStringList({QStringLiteral("2.1:>@2024-04-30"), QStringLiteral("8.1:>@2024-04-30")}));
    // Already overdue at a meeting on 01/04/2024: not news.
    EXPECT_EQ(ofKind(changes(QDate(2024, 3, 31), QDate(2024, 4, 1)), MeetingItem::NewlyOverdue).size(), 4);
    EXPECT_EQ(ofKind(changes(QDate(2024, 4, 1), QDate(2024, 4, 1)), MeetingItem::NewlyOverdue),
              QStringList());
    // Philip's 2017 targets, for a meeting then; the Ongoing ones never.
    const QVector<MeetingItem> philip = changes(QDate(2017, 3, 1), QDate(2017, 4, 1));
    EXPECT_EQ(ofKind(philip, MeetingItem::NewlyOverdue).size(), 9);
    for (const MeetingItem& i : philip)
        EXPECT_EQ(i.reviewTitle, QStringLiteral("Philip"));
}

TEST_F(MeetingTest, ARevisedTargetIsFlaggedOnTheOverdueAction)
{
    ActionRepository repo(db->connection());
    ASSERT_TRUE(
        repo.setField(action("2.1"), ActionRepository::Field::RevisedTarget, QStringLiteral("Dec 2024")));
    for (const MeetingItem& i : sinceNewYear()) {
        if (i.kind == MeetingItem::NewlyOverdue) {
            EXPECT_EQ(i.targetRevised, i.actionNumber == QLatin1String("2.1"))
                << i.actionNumber.toStdString();
        }
    }
}

TEST_F(MeetingTest, AStatusChangeToCompleteIsListedAsCompletedAndAsAStatusChange)
{
    ActionRepository repo(db->connection());
    setClock("2024-03-10T09:00:00Z");
    ASSERT_TRUE(repo.setField(action("1.1"), ActionRepository::Field::Status, QStringLiteral("Complete")));
    ASSERT_TRUE(repo.setField(action("4.2"), ActionRepository::Field::Status, QStringLiteral("In progress")));
    const QVector<MeetingItem> items = sinceNewYear();
    EXPECT_EQ(ofKind(items, MeetingItem::StatusChange),
              QStringList({QStringLiteral("1.1:partial>complete@2024-03-10"),
                           QStringLiteral("4.2:not_started>in_progress@2024-03-10")}));
    EXPECT_EQ(ofKind(items, MeetingItem::Completed),
              QStringList({QStringLiteral("1.1:partial>complete@2024-03-10")}));
    // Complete now, so no longer overdue.
    EXPECT_FALSE(
        ofKind(items, MeetingItem::NewlyOverdue).join(QLatin1Char(' ')).contains(QStringLiteral("1.1:")));
    const auto completed = std::find_if(
        items.begin(), items.end(), [](const MeetingItem& i) { return i.kind == MeetingItem::Completed; });
    ASSERT_NE(completed, items.end());
    EXPECT_EQ(completed->oldLabel, QStringLiteral("Partially complete"));
    EXPECT_EQ(completed->newLabel, QStringLiteral("Complete"));
    EXPECT_EQ(completed->whenText, QStringLiteral("2024-03-10T09:00:00Z"));
    EXPECT_TRUE(completed->hasLatestUpdate); // 1.1's undated update
    EXPECT_EQ(MeetingModel::changeText(*completed),
              QStringLiteral("Partially complete → Complete on\u00a010/03/2024"));
}

TEST_F(MeetingTest, ARagChangeIsListed)
{
    ActionRepository repo(db->connection());
    setClock("2024-05-02T16:00:00Z");
    ASSERT_TRUE(repo.setField(action("2.2"), ActionRepository::Field::Rag, QStringLiteral("Amber")));
    setClock("2024-05-03T16:00:00Z");
    ASSERT_TRUE(repo.setField(action("2.2"), ActionRepository::Field::Rag, QStringLiteral("Red")));
    const QVector<MeetingItem> items = sinceNewYear();
    EXPECT_EQ(
        ofKind(items, MeetingItem::RagChange),
        QStringList({QStringLiteral("2.2:>amber@2024-05-02"), QStringLiteral("2.2:amber>red@2024-05-03")}));
    const auto change = std::find_if(items.begin(), items.end(), [](const MeetingItem& i) {
        return i.kind == MeetingItem::RagChange && i.newValue == QLatin1String("red");
    });
    ASSERT_NE(change, items.end());
    EXPECT_EQ(MeetingModel::changeText(*change), QStringLiteral("Amber → Red on\u00a003/05/2024"));
    EXPECT_EQ(ofKind(items, MeetingItem::StatusChange), QStringList());
}

TEST_F(MeetingTest, ChangesBeforeTheSinceDateOrAfterTheAsOfDateAreNotListed)
{
    ActionRepository repo(db->connection());
    setClock("2023-12-31T23:59:59Z");
    ASSERT_TRUE(repo.setField(action("4.2"), ActionRepository::Field::Status, QStringLiteral("Complete")));
    ASSERT_TRUE(repo.setField(action("4.1"), ActionRepository::Field::Rag, QStringLiteral("Red")));
    setClock("2024-07-01T00:00:00Z");
    ASSERT_TRUE(repo.setField(action("2.2"), ActionRepository::Field::Status, QStringLiteral("Complete")));
    QVector<MeetingItem> items = sinceNewYear();
    EXPECT_EQ(ofKind(items, MeetingItem::StatusChange), QStringList());
    EXPECT_EQ(ofKind(items, MeetingItem::RagChange), QStringList());
    EXPECT_EQ(ofKind(items, MeetingItem::Completed), QStringList());
    // The same changes, seen from a meeting before them.
    items = changes(QDate(2023, 12, 31), QDate(2024, 7, 1));
    EXPECT_EQ(ofKind(items, MeetingItem::StatusChange),
              QStringList({QStringLiteral("2.2:partial>complete@2024-07-01"),
                           QStringLiteral("4.2:not_started>complete@2023-12-31")}));
    EXPECT_EQ(ofKind(items, MeetingItem::RagChange), QStringList({QStringLiteral("4.1:>red@2023-12-31")}));
}

TEST_F(MeetingTest, RagChangesAndCompletionsAreReadFromConsecutiveImportedUpdates)
{
    // As the importer writes them: no history, the RAG on each dated update.
    const qint64 id = action("4.1");
    ASSERT_TRUE(db->exec(QStringLiteral("INSERT INTO updates(action_id, date, text, rag, position) VALUES "
                                        "(%1, '2023-10', 'Begun.', 'amber', 2), "
                                        "(%1, '2024-03', 'Slipping.', 'red', 3), "
                                        "(%1, '2024-04-12', 'Still slipping.', 'red', 4), "
                                        "(%1, '2024-04-20', 'Not rated this time.', '', 5), "
                                        "(%1, '2024-05', 'Done.', 'blue', 6), "
                                        "(%1, '2024-08', 'After the as-of date.', 'green', 7)")
                             .arg(id)));
    const QVector<MeetingItem> items = sinceNewYear();
    EXPECT_EQ(
        ofKind(items, MeetingItem::RagChange),
        QStringList({QStringLiteral("4.1:amber>red@2024-03-01"), QStringLiteral("4.1:red>blue@2024-05-01")}));
    EXPECT_EQ(ofKind(items, MeetingItem::Completed), QStringList({QStringLiteral("4.1:>blue@2024-05-01")}));
    EXPECT_EQ(ofKind(items, MeetingItem::NewUpdate),
              QStringList({QStringLiteral("1.3:>@2024-02-01"), QStringLiteral("4.1:>@2024-03-01"),
                           QStringLiteral("4.1:>@2024-04-12"), QStringLiteral("4.1:>@2024-04-20"),
                           QStringLiteral("4.1:>@2024-05-01")}));
    for (const MeetingItem& i : items) {
        if (i.kind == MeetingItem::Completed) {
            EXPECT_EQ(i.latestUpdateText, QStringLiteral("Done."));
            EXPECT_EQ(MeetingModel::changeText(i), QStringLiteral("Rated Blue in the update of May 2024"));
        }
    }
}

TEST_F(MeetingTest, ARagChangeLoggedAndRecordedByUpdatesIsListedOnce)
{
    UpdateRepository updates(db->connection());
    updates.setToday(QDate(2024, 6, 30));
    const qint64 id = action("4.1");
    setClock("2023-11-10T12:00:00Z");
    ASSERT_GT(updates.add(id, QStringLiteral("10/11/2023"), QString(), QStringLiteral("Begun."),
                          QStringLiteral("Amber")),
              0);
    setClock("2024-03-01T12:00:00Z");
    ASSERT_GT(updates.add(id, QStringLiteral("01/03/2024"), QString(), QStringLiteral("Slipping."),
                          QStringLiteral("Red")),
              0);
    const QVector<MeetingItem> items = sinceNewYear();
    EXPECT_EQ(ofKind(items, MeetingItem::RagChange),
              QStringList({QStringLiteral("4.1:amber>red@2024-03-01")}));
    // The latest update beside the other listings of the action is the newest one.
    EXPECT_EQ(ofKind(items, MeetingItem::NewUpdate),
              QStringList({QStringLiteral("1.3:>@2024-02-01"), QStringLiteral("4.1:>@2024-03-01")}));
}

TEST_F(MeetingTest, TheLatestUpdateIsTheNewestOnOrBeforeTheAsOfDate)
{
    ActionRepository repo(db->connection());
    const qint64 id = action("2.1"); // no updates in the documents; due April 2024
    ASSERT_TRUE(db->exec(QStringLiteral("INSERT INTO updates(action_id, date, text, position) VALUES "
                                        "(%1, '2023-12-01', 'December.', 1), (%1, '2024-05', 'May.', 2), "
                                        "(%1, NULL, 'Undated.', 3), (%1, '2024-07-02', 'July.', 4)")
                             .arg(id)));
    auto latest = [&](const QDate& asOf) {
        for (const MeetingItem& i : changes(QDate(2024, 1, 1), asOf)) {
            if (i.kind == MeetingItem::NewlyOverdue && i.actionId == id)
                return QStringLiteral("%1|%2").arg(i.latestUpdateDate, i.latestUpdateText);
        }
        return QStringLiteral("not listed");
    };
    EXPECT_EQ(latest(QDate(2024, 6, 30)), QStringLiteral("2024-05|May."));
    EXPECT_EQ(latest(QDate(2024, 5, 15)), QStringLiteral("2024-05|May."));
    EXPECT_EQ(latest(QDate(2024, 5, 1)), QStringLiteral("2024-05|May."));
    EXPECT_EQ(latest(QDate(2024, 4, 30)), QStringLiteral("not listed"));
    EXPECT_EQ(latest(QDate(2024, 7, 2)), QStringLiteral("2024-07-02|July."));
}

TEST_F(MeetingTest, ItemsAreOrderedByReviewRecommendationAndAction)
{
    // Philip (the last review) before Child X's 10.1 would be wrong; so would 10.1 before 2.1.
    ActionRepository repo(db->connection());
    const qint64 philip = count(QStringLiteral("SELECT min(a.id) FROM actions a JOIN reviews r ON "
                                               "r.id = a.review_id WHERE r.title = 'Philip'"));
    ASSERT_TRUE(repo.setField(philip, ActionRepository::Field::Rag, QStringLiteral("Red")));
    ASSERT_TRUE(repo.setField(action("10.1"), ActionRepository::Field::Rag, QStringLiteral("Red")));
    ASSERT_TRUE(repo.setField(action("2.1"), ActionRepository::Field::Rag, QStringLiteral("Red")));
    ASSERT_TRUE(repo.setField(action("1.1"), ActionRepository::Field::Rag, QStringLiteral("Red")));
    EXPECT_EQ(ofKind(sinceNewYear(), MeetingItem::RagChange),
              QStringList({QStringLiteral("1.1:>red@2024-03-05"), QStringLiteral("2.1:>red@2024-03-05"),
                           QStringLiteral("10.1:>red@2024-03-05"),
                           QStringLiteral("%1:>red@2024-03-05").arg(philip)}));
}

TEST_F(MeetingTest, ActionsSinceDeletedAreLeftOut)
{
    ActionRepository repo(db->connection());
    const qint64 id = action("4.2");
    ASSERT_TRUE(repo.setField(id, ActionRepository::Field::Status, QStringLiteral("Complete")));
    ASSERT_TRUE(repo.remove(id));
    EXPECT_EQ(ofKind(sinceNewYear(), MeetingItem::StatusChange), QStringList());
}

TEST_F(MeetingTest, AnInvalidDateIsRefused)
{
    MeetingQueries queries(db->connection());
    QVector<MeetingItem> items;
    EXPECT_FALSE(queries.changesSince(QDate(), QDate(2024, 6, 30), &items));
    EXPECT_FALSE(queries.errorString().isEmpty());
}

// --- The model -------------------------------------------------------------

TEST_F(MeetingTest, TheModelGroupsTheChangesByKind)
{
    ActionRepository repo(db->connection());
    ASSERT_TRUE(
        repo.setField(action("2.1"), ActionRepository::Field::RevisedTarget, QStringLiteral("Dec 2024")));
    MeetingModel model(db->connection());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_TRUE(model.load(QDate(2024, 1, 1), QDate(2024, 6, 30))) << model.errorString().toStdString();

    ASSERT_EQ(model.rowCount(), 5);
    EXPECT_EQ(model.columnCount(), int(MeetingModel::ColumnCount));
    EXPECT_EQ(model.summary(),
              QStringLiteral("1 new update · 0 status changes · 0 RAG changes · 6 newly overdue · "
                             "0 completed"));
    EXPECT_EQ(model.kindIndex(MeetingItem::NewUpdate).data().toString(), QStringLiteral("New updates (1)"));
    EXPECT_EQ(model.kindIndex(MeetingItem::StatusChange).data().toString(),
              QStringLiteral("Status changes: none"));
    EXPECT_EQ(model.kindIndex(MeetingItem::NewlyOverdue).data().toString(),
              QStringLiteral("Newly overdue (6)"));
    EXPECT_EQ(model.rowCount(model.kindIndex(MeetingItem::NewlyOverdue)), 6);
    EXPECT_EQ(model.rowCount(model.kindIndex(MeetingItem::Completed)), 0);
    EXPECT_EQ(model.itemAt(model.kindIndex(MeetingItem::NewUpdate)), nullptr);

    const QModelIndex update = model.index(0, 0, model.kindIndex(MeetingItem::NewUpdate));
    auto cell = [&](const QModelIndex& row, int column, int role = Qt::DisplayRole) {
        return model.index(row.row(), column, row.parent()).data(role);
    };
    EXPECT_EQ(cell(update, MeetingModel::ReviewColumn).toString(), QStringLiteral("Child X"));
    EXPECT_EQ(cell(update, MeetingModel::RecommendationColumn).toString(), QStringLiteral("1.3"));
    EXPECT_TRUE(cell(update, MeetingModel::ActionColumn).toString().startsWith(QStringLiteral("1.3  ")));
    EXPECT_EQ(cell(update, MeetingModel::ChangeColumn).toString(), QStringLiteral("Update of February 2024"));
    EXPECT_TRUE(cell(update, MeetingModel::LatestUpdateColumn)
                    .toString()
                    .startsWith(QStringLiteral("February 2024: The Heads of Quality")));
    EXPECT_EQ(cell(update, MeetingModel::ActionColumn, MeetingModel::ActionIdRole).toLongLong(),
              action("1.3"));
    EXPECT_EQ(cell(update, MeetingModel::LatestUpdateColumn, MeetingModel::ReviewIdRole).toLongLong(),
              childX);

    const QModelIndex overdue = model.kindIndex(MeetingItem::NewlyOverdue);
    EXPECT_EQ(cell(model.index(0, 0, overdue), MeetingModel::ChangeColumn).toString(),
              QStringLiteral("Due 31/03/2024"));
    EXPECT_EQ(cell(model.index(1, 0, overdue), MeetingModel::ChangeColumn).toString(),
              QStringLiteral("Due 30/04/2024 (target revised)"));
    EXPECT_EQ(cell(model.index(1, 0, overdue), MeetingModel::LatestUpdateColumn).toString(),
              QStringLiteral("No update"));
    // 1.1's update runs to 685 characters: shortened in the cell, whole in the tooltip.
    const QModelIndex longest = model.index(0, 0, overdue);
    const QString shown = cell(longest, MeetingModel::LatestUpdateColumn).toString();
    EXPECT_TRUE(shown.startsWith(QStringLiteral("Undated: The AD Integrated"))) << shown.toStdString();
    EXPECT_LT(shown.size(), 360);
    EXPECT_TRUE(shown.endsWith(QStringLiteral("…")));
    EXPECT_EQ(
        cell(longest, MeetingModel::LatestUpdateColumn, Qt::ToolTipRole).toString(),
        test::text(*db, QStringLiteral("SELECT text FROM updates WHERE action_id = %1").arg(action("1.1"))));

    // Reloading for another period is a reset the tester accepts.
    ASSERT_TRUE(model.load(QDate(2024, 4, 1), QDate(2024, 5, 1)));
    EXPECT_EQ(model.rowCount(model.kindIndex(MeetingItem::NewlyOverdue)), 2);
    EXPECT_EQ(model.rowCount(model.kindIndex(MeetingItem::NewUpdate)), 0);
    ASSERT_FALSE(model.load(QDate(), QDate()));
    EXPECT_EQ(model.rowCount(model.kindIndex(MeetingItem::NewlyOverdue)), 0);
}
