#include "gui/pages/ActionsPage.h"

#include "TestSupport.h"
#include "gui/editors/HighlightDelegate.h"
#include "gui/pages/FilterBar.h"
#include "models/ActionTableModel.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QWidgetAction>
#include <gtest/gtest.h>

using namespace rt;

namespace {

const QString kKey = QStringLiteral("tests/actionsPage");

class ActionsPageTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        // Settings go to this test's own folder, never the user's.
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           dir.file(QStringLiteral("settings")));
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.file(QStringLiteral("settings")));
        QSettings().remove(kKey);
        db = test::sampleDatabase(dir.file(QStringLiteral("sample.rtdb")));
        ASSERT_TRUE(db->exec(QStringLiteral("UPDATE actions SET rag = 'red' WHERE id IN (1, 2, 17)")));
        ASSERT_TRUE(db->exec(QStringLiteral("UPDATE actions SET rag = 'amber' WHERE id IN (3, 18)")));
    }

    void TearDown() override { QSettings().remove(kKey); }

    static QListWidget* choiceList(ActionsPage& page, const char* name)
    {
        auto* button = page.filterBar()->findChild<QToolButton*>(QLatin1String(name));
        if (!button || !button->menu())
            return nullptr;
        for (QAction* a : button->menu()->actions()) {
            if (auto* w = qobject_cast<QWidgetAction*>(a))
                return w->defaultWidget()->findChild<QListWidget*>();
        }
        return nullptr;
    }

    static void tick(QListWidget* list, const QString& label)
    {
        const auto items = list->findItems(label, Qt::MatchExactly);
        ASSERT_EQ(items.size(), 1) << label.toStdString();
        items.first()->setCheckState(Qt::Checked);
    }

    static qint64 idAt(ActionsPage& page, int row)
    {
        return page.model()->data(page.model()->index(row, 0), ActionTableModel::ActionIdRole).toLongLong();
    }

    test::TempDir dir;
    std::unique_ptr<Database> db;
};

} // namespace

TEST_F(ActionsPageTest, TypingInTheFilterBoxNarrowsTheTableAfterAPause)
{
    ActionsPage page(db->connection(), kKey);
    page.resize(1400, 800);
    page.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
    EXPECT_EQ(page.model()->rowCount(), 32);
    auto* box = page.filterBar()->findChild<QLineEdit*>(QStringLiteral("filterText"));
    ASSERT_NE(box, nullptr);
    page.focusFilter();
    EXPECT_EQ(QApplication::focusWidget(), box) << "Ctrl+F lands in the box";
    QTest::keyClicks(box, QStringLiteral("Philip"));
    QTest::qWait(30);
    EXPECT_EQ(page.model()->rowCount(), 32) << "no query until typing pauses";
    EXPECT_TRUE(QTest::qWaitFor([&] { return page.model()->rowCount() == 16; }, 2000));
    EXPECT_EQ(idAt(page, 0), 17);
    auto* count = page.findChild<QLabel*>(QStringLiteral("actionCount"));
    ASSERT_NE(count, nullptr);
    EXPECT_EQ(count->text(), QStringLiteral("16 of 32 actions"));
    EXPECT_EQ(page.model()->termsToHighlight(), QStringList{QStringLiteral("philip")});
}

TEST_F(ActionsPageTest, ChoosingRedInTheBarNarrowsAndSaysSo)
{
    ActionsPage page(db->connection(), kKey);
    QListWidget* rags = choiceList(page, "ragChoice");
    ASSERT_NE(rags, nullptr);
    QSignalSpy changed(page.filterBar(), &FilterBar::filterChanged);
    tick(rags, QStringLiteral("Red"));
    EXPECT_EQ(changed.count(), 1) << "a choice applies at once";
    EXPECT_EQ(page.model()->rowCount(), 3);
    EXPECT_EQ(page.filter().rags, QStringList{QStringLiteral("red")});
    tick(rags, QStringLiteral("Amber"));
    EXPECT_EQ(page.model()->rowCount(), 5);
    auto* summary = page.filterBar()->findChild<QLabel*>(QStringLiteral("filterSummary"));
    ASSERT_NE(summary, nullptr);
    EXPECT_EQ(summary->text(), QStringLiteral("Red or Amber"));

    // Overdue as of a fixed day joins with "and".
    ActionFilter f = page.filter();
    f.overdue = true;
    f.asOf = QDate(2024, 6, 30);
    f.agencyIds = {1};
    page.setFilter(f);
    EXPECT_EQ(
        summary->text(),
        QStringLiteral("Red or Amber · overdue as of 30/06/2024 · Gloucestershire Safeguarding Children "
                       "Partnership"));
    EXPECT_EQ(page.model()->rowCount(), 2) << "actions 17 and 18 of Philip";
    EXPECT_EQ(rags->findItems(QStringLiteral("Red"), Qt::MatchExactly).first()->checkState(), Qt::Checked)
        << "the bar shows a filter set from outside";
    page.filterBar()->findChild<QToolButton*>(QStringLiteral("clearFilter"))->click();
    EXPECT_EQ(page.model()->rowCount(), 32);
    EXPECT_TRUE(page.filter().isEmpty());
}

TEST_F(ActionsPageTest, TheFilterComesBackInANewPageWithTheSameKey)
{
    ActionFilter f;
    f.rags = {QStringLiteral("red")};
    f.text = QStringLiteral("commissioning");
    int rows = 0;
    {
        ActionsPage page(db->connection(), kKey);
        page.setFilter(f);
        rows = page.model()->rowCount();
        ASSERT_GT(rows, 0);
        ASSERT_LT(rows, 3);
    }
    ActionsPage again(db->connection(), kKey);
    EXPECT_TRUE(again.filter() == f);
    EXPECT_EQ(again.model()->rowCount(), rows);
    EXPECT_EQ(again.filterBar()->findChild<QLineEdit*>(QStringLiteral("filterText"))->text(), f.text);

    ActionsPage other(db->connection(), QStringLiteral("tests/otherView"));
    EXPECT_TRUE(other.filter().isEmpty()) << "each view keeps its own filter";
    QSettings().remove(QStringLiteral("tests/otherView"));
}

TEST_F(ActionsPageTest, ASavedFilterIsAppliedByName)
{
    ActionsPage page(db->connection(), kKey);
    tick(choiceList(page, "ragChoice"), QStringLiteral("Amber"));
    QString error;
    ASSERT_TRUE(page.filterBar()->saveCurrentAs(QStringLiteral("QiiP: Amber"), false, &error))
        << error.toStdString();
    bool taken = false;
    EXPECT_FALSE(page.filterBar()->saveCurrentAs(QStringLiteral("qiip: amber"), false, &error, &taken));
    EXPECT_TRUE(taken);
    EXPECT_EQ(page.filterBar()->savedNames(), QStringList{QStringLiteral("QiiP: Amber")});

    page.setFilter(ActionFilter());
    EXPECT_EQ(page.model()->rowCount(), 32);
    ASSERT_TRUE(page.filterBar()->applySaved(QStringLiteral("QiiP: Amber"), &error)) << error.toStdString();
    EXPECT_EQ(page.model()->rowCount(), 2);
    EXPECT_EQ(page.filter().rags, QStringList{QStringLiteral("amber")});
    EXPECT_FALSE(page.filterBar()->applySaved(QStringLiteral("No such filter"), &error));
    EXPECT_FALSE(error.isEmpty());

    // The menu lists it, ticked while it is the filter shown.
    auto* saved = page.filterBar()->findChild<QToolButton*>(QStringLiteral("savedFilters"));
    ASSERT_NE(saved, nullptr);
    emit saved->menu()->aboutToShow();
    bool listed = false;
    for (QAction* a : saved->menu()->actions())
        listed = listed || (a->text() == QStringLiteral("QiiP: Amber") && a->isChecked());
    EXPECT_TRUE(listed);
}

TEST_F(ActionsPageTest, MyActionsShowsTheRememberedOwner)
{
    {
        ActionsPage page(db->connection(), kKey);
        auto* me = page.findChild<QComboBox*>(QStringLiteral("myOwner"));
        ASSERT_NE(me, nullptr);
        EXPECT_GT(me->count(), 10) << "every owner to choose from";
        me->setCurrentText(QStringLiteral("Kay Jones"));
        page.findChild<QPushButton*>(QStringLiteral("myActions"))->click();
        EXPECT_EQ(page.filter().owners, QStringList{QStringLiteral("Kay Jones")});
        EXPECT_EQ(page.model()->rowCount(), 3);
        EXPECT_EQ(page.myOwner(), QStringLiteral("Kay Jones"));
        page.setFilter(ActionFilter());
    }
    ActionsPage again(db->connection(), kKey);
    EXPECT_EQ(again.myOwner(), QStringLiteral("Kay Jones"));
    EXPECT_EQ(again.findChild<QComboBox*>(QStringLiteral("myOwner"))->currentText(),
              QStringLiteral("Kay Jones"));
    again.showMyActions();
    EXPECT_EQ(again.model()->rowCount(), 3);
    QList<qint64> ids;
    for (int row = 0; row < 3; ++row)
        ids << idAt(again, row);
    EXPECT_EQ(ids, (QList<qint64>{18, 25, 26}));
}

TEST_F(ActionsPageTest, DoubleClickAndEnterOpenTheAction)
{
    ActionsPage page(db->connection(), kKey);
    page.resize(1400, 800);
    page.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
    ActionFilter f;
    f.text = QStringLiteral("Philip");
    page.setFilter(f);
    QSignalSpy open(&page, &ActionsPage::openAction);
    QTableView* view = page.view();
    // On an editable cell: a double-click there opens the action, not an editor.
    const QModelIndex second = page.model()->index(1, ActionTableModel::ActionColumn);
    const QPoint at = view->visualRect(second).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
    ASSERT_EQ(open.count(), 1);
    EXPECT_EQ(open.at(0).at(0).toLongLong(), 5) << "review Philip";
    EXPECT_EQ(open.at(0).at(1).toLongLong(), 18);
    EXPECT_EQ(QApplication::focusWidget(), view) << "a double-click opens, it does not edit";

    view->setCurrentIndex(page.model()->index(0, ActionTableModel::StatusColumn));
    QTest::keyClick(view, Qt::Key_Return);
    ASSERT_EQ(open.count(), 2);
    EXPECT_EQ(open.at(1).at(1).toLongLong(), 17);
}

TEST_F(ActionsPageTest, HighlightedColumnsKeepTheirEditors)
{
    ActionsPage page(db->connection(), kKey);
    page.resize(1400, 800);
    page.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
    ActionFilter f;
    f.text = QStringLiteral("Kay");
    page.setFilter(f);
    QTableView* view = page.view();
    auto* highlight =
        qobject_cast<HighlightDelegate*>(view->itemDelegateForColumn(ActionTableModel::ActionColumn));
    ASSERT_NE(highlight, nullptr);
    ASSERT_NE(qobject_cast<HighlightDelegate*>(view->itemDelegateForColumn(ActionTableModel::OwnerColumn)),
              nullptr);

    // The Action column still edits in the long-text editor, Enter commits.
    const QModelIndex action = page.model()->index(0, ActionTableModel::ActionColumn);
    const qint64 id = page.model()->data(action, ActionTableModel::ActionIdRole).toLongLong();
    view->setFocus();
    view->setCurrentIndex(action);
    QTest::keyClick(view, Qt::Key_F2);
    auto* text = qobject_cast<QPlainTextEdit*>(QApplication::focusWidget());
    ASSERT_NE(text, nullptr) << "the long-text editor, not a line edit";
    QTest::keyClicks(text, QStringLiteral(" Reviewed."));
    QTest::keyClick(text, Qt::Key_Return);
    QApplication::processEvents();
    EXPECT_TRUE(test::text(*db, QStringLiteral("SELECT text FROM actions WHERE id = %1").arg(id))
                    .endsWith(QStringLiteral(" Reviewed.")));
    EXPECT_FALSE(view->isPersistentEditorOpen(action));

    // The Owner column still has its completing line edit.
    view->setCurrentIndex(page.model()->index(0, ActionTableModel::OwnerColumn));
    QTest::keyClick(view, Qt::Key_F2);
    auto* owner = qobject_cast<QLineEdit*>(QApplication::focusWidget());
    ASSERT_NE(owner, nullptr);
    EXPECT_NE(owner->completer(), nullptr);
    QTest::keyClick(owner, Qt::Key_Escape);

    if (!qEnvironmentVariableIsEmpty("RT_SAVE_SCREENSHOTS")) {
        ActionFilter shot;
        shot.text = QStringLiteral("commissioning plan");
        shot.openOnly = true;
        page.setFilter(shot);
        page.resize(1600, 1000);
        QApplication::processEvents();
        page.grab().save(qEnvironmentVariable("RT_SAVE_SCREENSHOTS") + QStringLiteral("/actions-page.png"));
    }
}

TEST(HighlightDelegate, MarksWordStartsWhateverTheCapitalsAndAccents)
{
    using Marks = QVector<QPair<int, int>>;
    EXPECT_EQ(
        HighlightDelegate::matches(QStringLiteral("Supervision and supervisors"), {QStringLiteral("superv")}),
        (Marks{{0, 6}, {16, 6}}));
    EXPECT_EQ(HighlightDelegate::matches(QStringLiteral("unsupervised"), {QStringLiteral("superv")}), Marks{})
        << "only where a word starts, as the index matches";
    EXPECT_EQ(HighlightDelegate::matches(QStringLiteral("Zoë and Zoe"), {QStringLiteral("zoe")}),
              (Marks{{0, 3}, {8, 3}}));
    // A combining accent stays marked with its letter.
    EXPECT_EQ(HighlightDelegate::matches(QStringLiteral("Zoe\u0308!"), {QStringLiteral("zoe")}),
              (Marks{{0, 4}}));
    EXPECT_EQ(HighlightDelegate::matches(QStringLiteral("Dŵr Cymru"), {QStringLiteral("dwr")}),
              (Marks{{0, 3}}));
    EXPECT_EQ(HighlightDelegate::matches(QStringLiteral("child's plan"), {QStringLiteral("s")}),
              (Marks{{6, 1}}));
    // Overlapping terms mark once.
    EXPECT_EQ(HighlightDelegate::matches(QStringLiteral("supervision"),
                                         {QStringLiteral("supervision"), QStringLiteral("super")}),
              (Marks{{0, 11}}));
}
