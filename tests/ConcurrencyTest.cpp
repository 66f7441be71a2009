// Two people, one file: two connections (as two copies of the program on a
// shared drive) editing the same action. Whoever saves second is told, sees
// both values and chooses; a change to another field of the record is not a
// conflict; a writer waits for the other's lock instead of failing.

#include "TestSupport.h"
#include "db/ActionRepository.h"
#include "gui/MainWindow.h"
#include "gui/dialogs/ConflictDialog.h"
#include "models/ActionTableModel.h"

#include <QApplication>
#include <QLabel>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <atomic>
#include <gtest/gtest.h>
#include <thread>

using namespace rt;

namespace {

class ConcurrencyTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        path = dir.file(QStringLiteral("shared.rtdb"));
        mine = test::sampleDatabase(path);
        ASSERT_TRUE(mine);
        theirs = std::make_unique<Database>();
        ASSERT_TRUE(theirs->open(path, Database::OpenMode::ReadWrite)) << theirs->errorString().toStdString();
        action = test::actionId(*mine, QStringLiteral("Child X"), QStringLiteral("1.1"));
        ASSERT_GT(action, 0);
    }
    void TearDown() override { ConflictDialog::setAnswerForTesting({}); }

    QString field(const char* column)
    {
        return test::text(
            *theirs,
            QStringLiteral("SELECT %1 FROM actions WHERE id = %2").arg(QLatin1String(column)).arg(action));
    }
    qint64 version() { return ActionRepository(mine->connection()).version(action); }
    // The row of the action in a model showing every action.
    static int rowOf(ActionTableModel& model, qint64 id)
    {
        for (int r = 0; r < model.rowCount(); ++r) {
            if (model.data(model.index(r, 0), ActionTableModel::ActionIdRole).toLongLong() == id)
                return r;
        }
        return -1;
    }

    test::TempDir dir;
    QString path;
    std::unique_ptr<Database> mine;
    std::unique_ptr<Database> theirs;
    qint64 action = 0;
};

} // namespace

TEST_F(ConcurrencyTest, TheSecondSaveOfARecordReadBeforeTheFirstIsRefusedNamingWhoSaved)
{
    const qint64 read = version();
    ActionRepository them(theirs->connection());
    ASSERT_TRUE(them.setField(action, ActionRepository::Field::Status, QStringLiteral("Complete")));

    ActionRepository me(mine->connection());
    me.expectVersion(read);
    EXPECT_FALSE(me.setField(action, ActionRepository::Field::Status, QStringLiteral("Superseded")));
    EXPECT_TRUE(me.conflict().happened);
    EXPECT_EQ(me.conflict().version, read + 1);
    EXPECT_EQ(me.conflict().who, Repository::currentUser());
    EXPECT_TRUE(me.errorString().contains(QLatin1String("changed this action after you opened it")))
        << me.errorString().toStdString();
    // One clear winner: theirs, untouched.
    EXPECT_EQ(field("status"), QStringLiteral("complete"));
    // With the version now read, the save goes ahead (the person chose so).
    me.expectVersion(version());
    EXPECT_TRUE(me.setField(action, ActionRepository::Field::Status, QStringLiteral("Superseded")));
    EXPECT_EQ(field("status"), QStringLiteral("superseded"));
}

TEST_F(ConcurrencyTest, TheLoserIsAskedAndKeepingTheirsLosesNothingOfTheirs)
{
    ActionTableModel model(mine->connection());
    model.setBackgroundCounting(false);
    const int row = rowOf(model, action);
    ASSERT_GE(row, 0);
    const QModelIndex status = model.index(row, ActionTableModel::StatusColumn);
    // They save while this window shows the row as it was.
    ASSERT_TRUE(ActionRepository(theirs->connection())
                    .setField(action, ActionRepository::Field::Status, QStringLiteral("Complete")));

    QStringList conflicts;
    QObject::connect(&model, &ActionTableModel::editConflict,
                     [&](const QModelIndex&, const QString& mineValue, const QString& theirValue,
                         const QString& who, const QString&) {
                         conflicts << mineValue + QLatin1Char('|') + theirValue + QLatin1Char('|') + who;
                     });
    EXPECT_FALSE(model.setData(status, QStringLiteral("In progress")));
    ASSERT_EQ(conflicts.size(), 1);
    EXPECT_TRUE(conflicts.first().startsWith(QStringLiteral("In progress|")));
    EXPECT_EQ(field("status"), QStringLiteral("complete"));
    // The row now shows theirs.
    EXPECT_EQ(model.data(status, Qt::EditRole).toString(), conflicts.first().section(QLatin1Char('|'), 1, 1));

    // Choosing to save mine over theirs does, and says whose was replaced.
    EXPECT_TRUE(model.saveOverTheirs(status, QStringLiteral("In progress")));
    EXPECT_EQ(field("status"), QStringLiteral("in_progress"));
}

TEST_F(ConcurrencyTest, AChangeToAnotherFieldOfTheRecordIsNotAConflict)
{
    ActionTableModel model(mine->connection());
    model.setBackgroundCounting(false);
    const int row = rowOf(model, action);
    ASSERT_GE(row, 0);
    ASSERT_TRUE(ActionRepository(theirs->connection())
                    .setField(action, ActionRepository::Field::Text, QStringLiteral("Their new wording.")));
    int conflicts = 0;
    QObject::connect(&model, &ActionTableModel::editConflict, [&] { ++conflicts; });
    EXPECT_TRUE(model.setData(model.index(row, ActionTableModel::RagColumn), QStringLiteral("Amber")));
    EXPECT_EQ(conflicts, 0);
    // Both changes stand.
    EXPECT_EQ(field("rag"), QStringLiteral("amber"));
    EXPECT_EQ(field("text"), QStringLiteral("Their new wording."));
}

TEST_F(ConcurrencyTest, TheConflictDialogShowsBothValuesAndWhoAndKeepsTheirsByDefault)
{
    ConflictDialog dialog({QStringLiteral("action 1.1"), QStringLiteral("Status"),
                           QStringLiteral("In progress"), QStringLiteral("Complete"),
                           QStringLiteral("kay.smith"), QStringLiteral("2026-11-24T10:15:00Z")});
    const QString summary = dialog.summary();
    EXPECT_TRUE(summary.contains(QLatin1String("kay.smith saved a different status for action 1.1 at")))
        << summary.toStdString();
    EXPECT_TRUE(summary.contains(QLatin1String("24/11/2026"))) << summary.toStdString();
    QStringList shown;
    for (QLabel* label : dialog.findChildren<QLabel*>())
        shown << label->text();
    EXPECT_TRUE(shown.contains(QStringLiteral("In progress")));
    EXPECT_TRUE(shown.contains(QStringLiteral("Complete")));
    EXPECT_FALSE(dialog.choseMine()); // closing it keeps theirs
    if (const QByteArray dirPath = qgetenv("RT_SCREENSHOT_DIR"); !dirPath.isEmpty()) {
        dialog.adjustSize();
        dialog.grab().save(QString::fromLocal8Bit(dirPath) + QStringLiteral("/conflict-dialog.png"));
    }
}

TEST_F(ConcurrencyTest, AWriterWaitsForTheOthersLockInsteadOfFailing)
{
    // Their copy holds the write lock for a moment (a long save); ours saves
    // meanwhile and must wait for it, not report "database is locked".
    std::atomic<bool> locked{false};
    std::atomic<bool> released{false};
    const QString file = path;
    std::thread other([&] {
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other-writer"));
            db.setDatabaseName(file);
            db.open();
            QSqlQuery q(db);
            q.exec(QStringLiteral("BEGIN IMMEDIATE"));
            locked = true;
            QThread::msleep(700);
            q.exec(QStringLiteral("COMMIT"));
            released = true;
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other-writer"));
    });
    while (!locked)
        QThread::msleep(5);
    ActionRepository me(mine->connection());
    const bool saved = me.setField(action, ActionRepository::Field::Rag, QStringLiteral("Green"));
    const bool waited = released;
    other.join();
    EXPECT_TRUE(saved) << me.errorString().toStdString();
    EXPECT_TRUE(waited);
    EXPECT_EQ(field("rag"), QStringLiteral("green"));
}

TEST_F(ConcurrencyTest, TheOtherWindowSeesTheChangeWhenItIsNextUsed)
{
    MainWindow window;
    auto db = std::make_unique<Database>();
    ASSERT_TRUE(db->open(path, Database::OpenMode::ReadWrite));
    window.setDatabase(std::move(db));
    window.show();
    QApplication::processEvents();
    EXPECT_FALSE(window.checkFile()); // nothing new
    ASSERT_TRUE(ActionRepository(theirs->connection())
                    .setField(action, ActionRepository::Field::Status, QStringLiteral("Complete")));
    EXPECT_TRUE(window.checkFile()); // read again
    EXPECT_FALSE(window.checkFile());
}
