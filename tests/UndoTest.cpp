// Undo and redo over the change history: a mistaken edit, a deletion or an
// import taken back with Ctrl+Z, the history keeping both, and someone
// else's later value never overwritten by an undo.

#include "TestSupport.h"
#include "db/ActionRepository.h"
#include "db/HistoryReplay.h"
#include "db/SqliteSession.h"
#include "db/UpdateRepository.h"
#include "gui/MainWindow.h"
#include "gui/UndoHistory.h"

#include <QAction>
#include <QApplication>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <gtest/gtest.h>

using namespace rt;

namespace {

class UndoTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        path = dir.file(QStringLiteral("undo.rtdb"));
        auto db = test::sampleDatabase(path);
        ASSERT_TRUE(db);
        window.setDatabase(std::move(db));
        window.show();
        QApplication::processEvents();
        ASSERT_NE(window.undoHistory(), nullptr);
        stack = window.undoHistory()->stack();
        action11 = test::actionId(*window.database(), QStringLiteral("Child X"), QStringLiteral("1.1"));
        ASSERT_GT(action11, 0);
    }

    Database& db() { return *window.database(); }
    qint64 scalar(const QString& sql) { return test::scalar(db(), sql); }
    QString text(const QString& sql) { return test::text(db(), sql); }
    QString field(const char* column, qint64 id)
    {
        return text(
            QStringLiteral("SELECT %1 FROM actions WHERE id = %2").arg(QLatin1String(column)).arg(id));
    }
    // Lets the journal's queued signal turn the commit into a step.
    static void settle() { QApplication::processEvents(); }
    void press(int key, Qt::KeyboardModifiers modifiers)
    {
        QTest::keyClick(&window, Qt::Key(key), modifiers);
        settle();
    }
    void undo() { press(Qt::Key_Z, Qt::ControlModifier); }
    void redo() { press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier); }

    test::TempDir dir;
    QString path;
    MainWindow window;
    QUndoStack* stack = nullptr;
    qint64 action11 = 0;
};

} // namespace

TEST_F(UndoTest, AMistakenStatusChangeIsUndoneWithCtrlZAndTheHistoryShowsBoth)
{
    ASSERT_EQ(field("status", action11), QStringLiteral("partial"));
    ActionRepository repo(db().connection());
    ASSERT_TRUE(repo.setField(action11, ActionRepository::Field::Status, QStringLiteral("Complete")));
    settle();
    ASSERT_EQ(stack->count(), 1);
    EXPECT_TRUE(stack->undoText().contains(QLatin1String("status"))) << stack->undoText().toStdString();
    EXPECT_TRUE(window.isWindowModified());

    undo();
    EXPECT_EQ(field("status", action11), QStringLiteral("partial"));
    EXPECT_EQ(field("status_text", action11), QStringLiteral("Partially"));
    EXPECT_FALSE(window.isWindowModified()); // the modified state follows the stack
    // The mistake and its undoing are both in the history, in order.
    EXPECT_EQ(
        text(QStringLiteral("SELECT group_concat(old_value || '>' || new_value, ',') FROM (SELECT * FROM "
                            "history WHERE entity = 'action' AND entity_id = %1 AND field = 'status' "
                            "ORDER BY id)")
                 .arg(action11)),
        QStringLiteral("partial>complete,complete>partial"));

    redo();
    EXPECT_EQ(field("status", action11), QStringLiteral("complete"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM history WHERE entity = 'action' AND entity_id = %1 "
                                    "AND field = 'status'")
                         .arg(action11)),
              3);
}

TEST_F(UndoTest, RepeatedEditsOfOneCellMergeIntoOneStep)
{
    // Three saves of one field, as someone trying values in one cell.
    ActionRepository editor(db().connection());
    for (const char* word : {"In progress", "Complete", "Superseded"})
        ASSERT_TRUE(editor.setField(action11, ActionRepository::Field::Status, QLatin1String(word)));
    settle();
    EXPECT_EQ(stack->count(), 1);
    EXPECT_EQ(field("status", action11), QStringLiteral("superseded"));
    undo();
    EXPECT_EQ(field("status", action11), QStringLiteral("partial"));
    // A different field is a step of its own.
    ActionRepository repo(db().connection());
    ASSERT_TRUE(repo.setField(action11, ActionRepository::Field::Rag, QStringLiteral("Red")));
    ASSERT_TRUE(repo.setField(action11, ActionRepository::Field::Status, QStringLiteral("Complete")));
    settle();
    EXPECT_EQ(stack->index(), 2);
}

TEST_F(UndoTest, ADeletedActionComesBackWithItsUpdatesOwnersAndSearchRow)
{
    const auto snapshot = [&] {
        return text(
            QStringLiteral("SELECT json_object('a', (SELECT json_group_array(json_array(id, number, "
                           "text, owner_text, status, rag, target_due, position)) FROM actions WHERE id = "
                           "%1), 'u', (SELECT json_group_array(json_array(id, date, text, position)) FROM "
                           "updates WHERE action_id = %1), 'o', (SELECT json_group_array(json_array("
                           "owner_id, position)) FROM action_owners WHERE action_id = %1))")
                .arg(action11));
    };
    const QString before = snapshot();
    ASSERT_GT(scalar(QStringLiteral("SELECT count(*) FROM updates WHERE action_id = %1").arg(action11)), 0);
    ActionRepository repo(db().connection());
    ASSERT_TRUE(repo.remove(action11));
    settle();
    ASSERT_EQ(scalar(QStringLiteral("SELECT count(*) FROM actions WHERE id = %1").arg(action11)), 0);
    EXPECT_TRUE(stack->undoText().contains(QLatin1String("deletion of action 1.1")))
        << stack->undoText().toStdString();

    undo();
    EXPECT_EQ(snapshot(), before);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM action_search WHERE rowid = %1").arg(action11)), 1);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")), 0);

    redo();
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM actions WHERE id = %1").arg(action11)), 0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM updates WHERE action_id = %1").arg(action11)), 0);
}

TEST_F(UndoTest, AnUndoNeverOverwritesWhatSomeoneElseSavedSince)
{
    ActionRepository repo(db().connection());
    ASSERT_TRUE(repo.setField(action11, ActionRepository::Field::Rag, QStringLiteral("Amber")));
    settle();
    // Another copy of the program changes the same field afterwards.
    Database other;
    ASSERT_TRUE(other.open(path, Database::OpenMode::ReadWrite)) << other.errorString().toStdString();
    ActionRepository theirs(other.connection());
    ASSERT_TRUE(theirs.setField(action11, ActionRepository::Field::Rag, QStringLiteral("Red")));

    QString refusal;
    QObject::connect(window.undoHistory(), &UndoHistory::refused, [&](const QString& why) { refusal = why; });
    // The refusal is shown in a message box; answer it as a person would.
    QTimer::singleShot(0, [] {
        if (QWidget* box = QApplication::activeModalWidget())
            box->close();
    });
    undo();
    EXPECT_EQ(field("rag", action11), QStringLiteral("red"));
    EXPECT_TRUE(refusal.contains(QLatin1String("has been changed since"))) << refusal.toStdString();
    // The step that could not be undone is dropped, not left to try again.
    EXPECT_EQ(stack->count(), 0);
}

TEST_F(UndoTest, AnUpdateAddedIsTakenBackAndTheRagWithIt)
{
    UpdateRepository updates(db().connection());
    updates.setToday(QDate(2024, 3, 5));
    const qint64 count =
        scalar(QStringLiteral("SELECT count(*) FROM updates WHERE action_id = %1").arg(action11));
    ASSERT_GT(updates.add(action11, QStringLiteral("March 2024"), QStringLiteral("Kay"),
                          QStringLiteral("Begun."), QStringLiteral("Red")),
              0);
    settle();
    ASSERT_EQ(field("rag", action11), QStringLiteral("red"));
    undo();
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM updates WHERE action_id = %1").arg(action11)),
              count);
    EXPECT_EQ(field("rag", action11), QString());
}

TEST_F(UndoTest, HistoryReplayRefusesARangeThatIsNotInTheHistory)
{
    HistoryReplay replay(db().connection());
    EXPECT_FALSE(replay.undo({{999999, 999999}}));
    EXPECT_TRUE(replay.errorString().contains(QLatin1String("nothing to undo")))
        << replay.errorString().toStdString();
}

TEST_F(UndoTest, AReadOnlyDatabaseHasNoUndo)
{
    auto ro = std::make_unique<Database>();
    window.setDatabase(nullptr);
    ASSERT_TRUE(ro->open(path, Database::OpenMode::ReadOnly));
    window.setDatabase(std::move(ro));
    EXPECT_EQ(window.undoHistory(), nullptr);
    EXPECT_TRUE(window.windowTitle().contains(QLatin1String("read-only")));
    // Read-only at the driver: even hand-written SQL cannot change it.
    QSqlQuery q(window.database()->connection());
    EXPECT_FALSE(q.exec(QStringLiteral("UPDATE actions SET rag = 'red'")));
}
