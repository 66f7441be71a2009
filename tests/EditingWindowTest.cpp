#include "TestSupport.h"
#include "db/PlanQueries.h"
#include "gui/MainWindow.h"
#include "gui/TablePanel.h"
#include "gui/dialogs/OwnersDialog.h"
#include "gui/editors/TargetDateEdit.h"
#include "gui/pages/ActionDetailPane.h"
#include "gui/pages/ReviewPage.h"
#include "models/ActionTableModel.h"
#include "models/OwnerTableModel.h"
#include "models/RecommendationTreeModel.h"

#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTreeView>
#include <gtest/gtest.h>

using namespace rt;

namespace {

// The window on a fresh copy of the sample data, with one review open.
struct Fixture
{
    test::TempDir dir;
    MainWindow window;
    Database* db = nullptr;
    ReviewPage* page = nullptr;

    explicit Fixture(const QString& review = QStringLiteral("Child X"))
    {
        const QString path = dir.file(QStringLiteral("plans.rtdb"));
        test::sampleDatabase(path).reset();
        auto opened = std::make_unique<Database>();
        EXPECT_TRUE(opened->open(path, Database::OpenMode::ReadWrite));
        db = opened.get();
        window.setDatabase(std::move(opened));
        window.resize(1500, 900);
        window.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&window));
        page = window.openReview(PlanQueries(db->connection()).findReview(review));
        EXPECT_NE(page, nullptr);
    }
    ~Fixture() { window.setDatabase(nullptr); }

    QString value(const QString& sql) { return test::text(*db, sql); }
    qint64 count(const QString& sql) { return test::scalar(*db, sql); }
};

// Qt 6.4 delivers a delegate's commit through a queued call.
void settle()
{
    for (int i = 0; i < 3; ++i)
        QApplication::processEvents();
}

} // namespace

TEST(EditingWindow, EditsAnActionCellFromTheKeyboardAndStoresIt)
{
    Fixture f;
    ASSERT_TRUE(f.page->selectByNumber(QStringLiteral("1.2")));
    QTableView* view = f.page->actionsView();
    ASSERT_GT(view->model()->rowCount(), 0);
    const qint64 id = view->model()->index(0, 0).data(ActionTableModel::ActionIdRole).toLongLong();
    view->setFocus();
    view->setCurrentIndex(view->model()->index(0, ActionTableModel::ActionColumn));
    QTest::keyClick(view, Qt::Key_F2);
    QWidget* editor = QApplication::focusWidget();
    ASSERT_NE(editor, view) << "F2 opens an editor";
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, QStringLiteral("Agree safe standards of care for unregistered placements"));
    QTest::keyClick(editor, Qt::Key_Return);
    settle();
    EXPECT_EQ(f.value(QStringLiteral("SELECT text FROM actions WHERE id = %1").arg(id)),
              QStringLiteral("Agree safe standards of care for unregistered placements"));
    EXPECT_EQ(f.count(QStringLiteral("SELECT version FROM actions WHERE id = %1").arg(id)), 2);
    // The details pane beside the table shows what was stored.
    EXPECT_EQ(f.page->detailPane()->actionId(), id);
    EXPECT_EQ(f.page->detailPane()->textEdit()->toPlainText(),
              QStringLiteral("Agree safe standards of care for unregistered placements"));
}

TEST(EditingWindow, EditsOwnersInTheAllActionsTableAndLinksThem)
{
    Fixture f;
    f.window.showAllActions();
    QTableView* view = f.window.actionsView();
    const qint64 id = view->model()->index(0, 0).data(ActionTableModel::ActionIdRole).toLongLong();
    view->setCurrentIndex(view->model()->index(0, ActionTableModel::OwnerColumn));
    QTest::keyClick(view, Qt::Key_F2);
    QWidget* editor = QApplication::focusWidget();
    ASSERT_NE(editor, view);
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    // A new name, which no existing owner completes to.
    QTest::keyClicks(editor, QStringLiteral("Kay Jones; Zara Quinn"));
    QTest::keyClick(editor, Qt::Key_Return);
    settle();
    EXPECT_EQ(f.value(QStringLiteral("SELECT owner_text FROM actions WHERE id = %1").arg(id)),
              QStringLiteral("Kay Jones; Zara Quinn"));
    EXPECT_EQ(
        f.count(QStringLiteral("SELECT count(*) FROM action_owners ao JOIN owners o ON o.id = ao.owner_id "
                               "WHERE ao.action_id = %1 AND o.name IN ('Kay Jones', 'Zara Quinn')")
                    .arg(id)),
        2);
}

TEST(EditingWindow, AddsAnActionWithAMonthTargetAndFindsItsDueDate)
{
    Fixture f;
    ASSERT_TRUE(f.page->selectByNumber(QStringLiteral("3.1")));
    const qint64 before = f.count(QStringLiteral("SELECT count(*) FROM actions"));
    QTableView* view = f.page->actionsView();
    view->setFocus();
    QTest::keyClick(view, Qt::Key_N, Qt::ControlModifier); // Edit ▸ Add row, on the actions table
    settle();
    ASSERT_EQ(f.count(QStringLiteral("SELECT count(*) FROM actions")), before + 1);
    const qint64 id = f.count(QStringLiteral("SELECT max(id) FROM actions"));
    // The new row's text cell is open for typing.
    QWidget* editor = QApplication::focusWidget();
    ASSERT_NE(editor, view);
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, QStringLiteral("Audit supervision records each quarter"));
    QTest::keyClick(editor, Qt::Key_Return);
    settle();
    EXPECT_EQ(f.value(QStringLiteral("SELECT text FROM actions WHERE id = %1").arg(id)),
              QStringLiteral("Audit supervision records each quarter"));

    const int row = f.page->actionModel()->rowOf(id);
    ASSERT_GE(row, 0);
    view->setFocus();
    view->setCurrentIndex(view->model()->index(row, ActionTableModel::TargetColumn));
    QTest::keyClick(view, Qt::Key_F2);
    QWidget* targetEditor = QApplication::focusWidget();
    ASSERT_NE(targetEditor, view);
    QTest::keyClicks(targetEditor, QStringLiteral("March 2025"));
    QTest::keyClick(targetEditor, Qt::Key_Return);
    settle();
    EXPECT_EQ(f.value(QStringLiteral("SELECT target_due FROM actions WHERE id = %1").arg(id)),
              QStringLiteral("2025-03-31"));
    EXPECT_EQ(f.value(QStringLiteral("SELECT target_precision FROM actions WHERE id = %1").arg(id)),
              QStringLiteral("month"));
    EXPECT_EQ(f.value(QStringLiteral("SELECT r.title FROM actions a JOIN reviews r ON r.id = a.review_id "
                                     "WHERE a.id = %1")
                          .arg(id)),
              QStringLiteral("Child X"));
}

TEST(EditingWindow, DeletesARecommendationWithWhatGoesWithItAfterSayingSo)
{
    Fixture f;
    ASSERT_TRUE(f.page->selectByNumber(QStringLiteral("8")));
    const qint64 rec =
        f.count(QStringLiteral("SELECT id FROM recommendations WHERE number = '8' AND review_id = "
                               "(SELECT id FROM reviews WHERE title = 'Child X')"));
    const qint64 subs =
        f.count(QStringLiteral("SELECT count(*) FROM recommendations WHERE parent_id = %1").arg(rec));
    const qint64 actions =
        f.count(QStringLiteral("SELECT count(*) FROM actions WHERE recommendation_id IN "
                               "(SELECT id FROM recommendations WHERE id = %1 OR parent_id = %1)")
                    .arg(rec));
    ASSERT_GT(subs, 0);
    ASSERT_GT(actions, 0);
    const qint64 recsBefore = f.count(QStringLiteral("SELECT count(*) FROM recommendations"));
    const qint64 actionsBefore = f.count(QStringLiteral("SELECT count(*) FROM actions"));

    QString asked;
    bool answer = false;
    f.page->setConfirm([&](QWidget*, const QString& question, const QString& detail) {
        asked = question + QLatin1Char('\n') + detail;
        return answer;
    });
    f.page->recommendationsView()->setFocus();
    QTest::keyClick(f.page->recommendationsView(), Qt::Key_Delete);
    settle();
    EXPECT_TRUE(asked.contains(QStringLiteral("recommendation 8"))) << asked.toStdString();
    EXPECT_TRUE(asked.contains(QStringLiteral("%1 sub-recommendation").arg(subs))) << asked.toStdString();
    EXPECT_TRUE(asked.contains(QStringLiteral("%1 action").arg(actions))) << asked.toStdString();
    EXPECT_EQ(f.count(QStringLiteral("SELECT count(*) FROM recommendations")), recsBefore)
        << "Cancel deletes nothing";

    answer = true;
    QTest::keyClick(f.page->recommendationsView(), Qt::Key_Delete);
    settle();
    EXPECT_EQ(f.count(QStringLiteral("SELECT count(*) FROM recommendations")), recsBefore - 1 - subs);
    EXPECT_EQ(f.count(QStringLiteral("SELECT count(*) FROM actions")), actionsBefore - actions);
    EXPECT_EQ(f.count(QStringLiteral("SELECT count(*) FROM recommendations WHERE id = %1").arg(rec)), 0);
    EXPECT_FALSE(f.page->recommendationModel()->indexOf(rec).isValid()) << "gone from the tree too";
}

TEST(EditingWindow, AddsAProgressUpdateWithoutTouchingEarlierOnes)
{
    Fixture f;
    ASSERT_TRUE(f.page->selectByNumber(QStringLiteral("1.1"), QStringLiteral("1.1")));
    ActionDetailPane* pane = f.page->detailPane();
    const qint64 id = pane->actionId();
    ASSERT_GT(id, 0);
    const QString earlier =
        f.value(QStringLiteral("SELECT group_concat(text, '|') FROM updates WHERE action_id = %1 ORDER BY id")
                    .arg(id));
    const qint64 before =
        f.count(QStringLiteral("SELECT count(*) FROM updates WHERE action_id = %1").arg(id));
    pane->setToday(QDate(2026, 11, 23));
    pane->setAction(id);
    pane->updateTextEdit()->setFocus();
    QTest::keyClicks(pane->updateTextEdit(), QStringLiteral("Quality assurance framework agreed at QiiP."));
    pane->updateRagBox()->setCurrentIndex(pane->updateRagBox()->findData(QStringLiteral("green")));
    QTest::keyClick(pane->updateTextEdit(), Qt::Key_Return, Qt::ControlModifier);
    settle();
    EXPECT_EQ(f.count(QStringLiteral("SELECT count(*) FROM updates WHERE action_id = %1").arg(id)),
              before + 1);
    EXPECT_EQ(
        f.value(
            QStringLiteral("SELECT date FROM updates WHERE action_id = %1 ORDER BY id DESC LIMIT 1").arg(id)),
        QStringLiteral("2026-11-23"));
    EXPECT_EQ(f.value(QStringLiteral("SELECT rag FROM actions WHERE id = %1").arg(id)),
              QStringLiteral("green"));
    EXPECT_EQ(f.value(QStringLiteral(
                          "SELECT group_concat(text, '|') FROM updates WHERE action_id = %1 AND id IN "
                          "(SELECT id FROM updates WHERE action_id = %1 ORDER BY id LIMIT %2) ORDER BY id")
                          .arg(id)
                          .arg(before)),
              earlier);
    EXPECT_TRUE(pane->updateTextEdit()->toPlainText().isEmpty());
    EXPECT_EQ(pane->updatesView()->model()->rowCount(), before + 1);
}

TEST(EditingWindow, ARefusedTargetIsShownNextToTheFieldAndNothingIsStored)
{
    Fixture f;
    ASSERT_TRUE(f.page->selectByNumber(QStringLiteral("1.1"), QStringLiteral("1.1")));
    ActionDetailPane* pane = f.page->detailPane();
    const qint64 id = pane->actionId();
    const QString stored = f.value(QStringLiteral("SELECT target_text FROM actions WHERE id = %1").arg(id));
    QLineEdit* target = pane->targetEdit()->lineEdit();
    target->setFocus();
    target->selectAll();
    QTest::keyClicks(target, QStringLiteral("Marchh 2025"));
    QTest::keyClick(target, Qt::Key_Return);
    settle();
    EXPECT_FALSE(pane->fieldError(ActionRepository::Field::Target).isEmpty());
    EXPECT_EQ(target->text(), QStringLiteral("Marchh 2025")) << "the typed text stays for correcting";
    EXPECT_EQ(f.value(QStringLiteral("SELECT target_text FROM actions WHERE id = %1").arg(id)), stored);
}

TEST(EditingWindow, CtrlFFocusesTheFilterOfTheTableInUse)
{
    Fixture f;
    f.page->actionsView()->setFocus();
    QTest::keyClick(f.page->actionsView(), Qt::Key_F, Qt::ControlModifier);
    EXPECT_TRUE(f.page->actionsPanel()->filterEdit()->hasFocus());
    f.page->recommendationsView()->setFocus();
    QTest::keyClick(f.page->recommendationsView(), Qt::Key_F, Qt::ControlModifier);
    EXPECT_TRUE(f.page->recommendationsPanel()->filterEdit()->hasFocus());
    QTest::keyClicks(f.page->recommendationsPanel()->filterEdit(), QStringLiteral("commissioning"));
    QAbstractItemModel* shown = f.page->recommendationsView()->model();
    EXPECT_GT(shown->rowCount(), 0);
    EXPECT_LT(shown->rowCount(), f.page->recommendationModel()->rowCount());
}

TEST(EditingWindow, AltDownMovesAnActionWithinItsRecommendation)
{
    Fixture f(QStringLiteral("Philip"));
    // Philip's finding 2 has four actions.
    ASSERT_TRUE(f.page->selectByNumber(QStringLiteral("2")));
    QTableView* view = f.page->actionsView();
    ASSERT_GE(view->model()->rowCount(), 2);
    const qint64 first = view->model()->index(0, 0).data(ActionTableModel::ActionIdRole).toLongLong();
    view->setFocus();
    view->setCurrentIndex(view->model()->index(0, ActionTableModel::ActionColumn));
    QTest::keyClick(view, Qt::Key_Down, Qt::AltModifier);
    settle();
    EXPECT_EQ(view->model()->index(1, 0).data(ActionTableModel::ActionIdRole).toLongLong(), first);
    EXPECT_EQ(view->currentIndex().row(), 1) << "the moved action stays selected";
}

TEST(OwnersDialog, RenamesAnOwnerOnEveryActionAndRefusesRemovingOneInUse)
{
    Fixture f;
    OwnersDialog dialog(f.db->connection(), false, &f.window);
    dialog.show();
    OwnerTableModel* model = dialog.model();
    int row = -1;
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->index(r, OwnerTableModel::NameColumn).data().toString() == QLatin1String("Kay Jones"))
            row = r;
    }
    ASSERT_GE(row, 0);
    if (!qEnvironmentVariableIsEmpty("RT_SAVE_SCREENSHOTS"))
        dialog.grab().save(qEnvironmentVariable("RT_SAVE_SCREENSHOTS") + QStringLiteral("/owners.png"));
    dialog.view()->setCurrentIndex(dialog.view()->model()->index(row, OwnerTableModel::NameColumn));
    EXPECT_FALSE(dialog.removeCurrent()) << "Kay Jones still owns actions";
    EXPECT_GT(f.count(QStringLiteral("SELECT count(*) FROM owners WHERE name = 'Kay Jones'")), 0);
    EXPECT_TRUE(
        model->setData(model->index(row, OwnerTableModel::NameColumn), QStringLiteral("Kay Jones-Smith")));
    EXPECT_EQ(f.count(QStringLiteral("SELECT count(*) FROM actions WHERE owner_text LIKE '%Kay Jones%' AND "
                                     "owner_text NOT LIKE '%Kay Jones-Smith%'")),
              0);
    EXPECT_TRUE(dialog.addOwner(QStringLiteral("Zara Quinn")));
    EXPECT_EQ(f.count(QStringLiteral("SELECT count(*) FROM owners WHERE name = 'Zara Quinn'")), 1);
}
