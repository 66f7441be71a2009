// Widget tests of the item editors the editing window installs: each drives
// the editor through a real QTableView from the keyboard, the way staff use it.
#include "core/TargetDate.h"
#include "core/Vocabulary.h"
#include "gui/editors/ChoiceDelegate.h"
#include "gui/editors/LongTextDelegate.h"
#include "gui/editors/OwnerDelegate.h"
#include "gui/editors/TargetDateDelegate.h"
#include "gui/editors/TargetDateEdit.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>
#include <gtest/gtest.h>

using namespace rt;

namespace {

// A table with one editable row, shown and active so that focus (and with it
// focus-out commits) behaves as on a desktop.
class EditorsFixture : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_model.setRowCount(2);
        m_model.setColumnCount(3);
        for (int r = 0; r < 2; ++r)
            for (int c = 0; c < 3; ++c)
                m_model.setItem(r, c, new QStandardItem());
        m_view.setModel(&m_model);
        m_view.resize(700, 300);
        m_view.show();
        m_view.activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(&m_view));
    }

    QModelIndex cell(int row, int column) const { return m_model.index(row, column); }
    QString value(int row, int column) const
    {
        return m_model.index(row, column).data(Qt::EditRole).toString();
    }
    void setValue(int row, int column, const QString& v)
    {
        m_model.setData(cell(row, column), v, Qt::EditRole);
    }

    // As the window does it: make the cell current and open its editor.
    QWidget* startEditing(const QModelIndex& index)
    {
        m_view.setCurrentIndex(index);
        m_view.edit(index);
        return m_view.indexWidget(index);
    }

    // The view may deliver a commit through a queued call.
    static void settle()
    {
        QApplication::processEvents();
        QApplication::processEvents();
    }

    bool editorClosed(const QModelIndex& index)
    {
        return QTest::qWaitFor([&] { return m_view.indexWidget(index) == nullptr; }, 1000);
    }

    QStandardItemModel m_model;
    QTableView m_view;
};

QLabel* readingLabel(TargetDateEdit& edit)
{
    return edit.findChild<QLabel*>();
}

// Counts the writes a delegate makes, to see that one edit commits once.
class CountingLongTextDelegate : public LongTextDelegate
{
public:
    using LongTextDelegate::LongTextDelegate;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override
    {
        ++commits;
        LongTextDelegate::setModelData(editor, model, index);
    }
    mutable int commits = 0;
};

QStringList codes(const QVector<ChoiceDelegate::Choice>& choices)
{
    QStringList out;
    for (const auto& c : choices)
        out << c.code;
    return out;
}

} // namespace

// --- TargetDateEdit ----------------------------------------------------------

TEST(TargetDateEdit, ReadsAMonthAsDueOnItsLastDay)
{
    TargetDateEdit edit;
    QTest::keyClicks(edit.lineEdit(), QStringLiteral("March 2024"));
    EXPECT_EQ(edit.text(), QStringLiteral("March 2024"));
    EXPECT_TRUE(edit.isAcceptable());
    EXPECT_TRUE(edit.interpretation().contains(QStringLiteral("31/03/2024")))
        << qPrintable(edit.interpretation());
    EXPECT_TRUE(edit.interpretation().startsWith(QStringLiteral("Month")))
        << qPrintable(edit.interpretation());
}

TEST(TargetDateEdit, ShowsWhyAMisspeltMonthCannotBeRead)
{
    TargetDateEdit edit;
    QTest::keyClicks(edit.lineEdit(), QStringLiteral("March 2024"));
    const QColor readColour = readingLabel(edit)->palette().color(QPalette::WindowText);
    edit.lineEdit()->clear();
    QTest::keyClicks(edit.lineEdit(), QStringLiteral("Marchh 2024"));
    EXPECT_FALSE(edit.isAcceptable());
    QString expected;
    TargetDate unused;
    ASSERT_FALSE(TargetDate::parse(QStringLiteral("Marchh 2024"), &unused, &expected));
    EXPECT_EQ(edit.interpretation(), expected);
    EXPECT_TRUE(edit.interpretation().contains(QStringLiteral("Marchh")));
    // The error is told apart by colour: a red clearly stronger than green.
    const QColor errorColour = readingLabel(edit)->palette().color(QPalette::WindowText);
    EXPECT_NE(errorColour, readColour);
    EXPECT_GT(errorColour.red(), errorColour.green() + 60);
}

TEST(TargetDateEdit, ReadsOngoingAsOngoing)
{
    TargetDateEdit edit;
    QTest::keyClicks(edit.lineEdit(), QStringLiteral("Ongoing"));
    EXPECT_TRUE(edit.isAcceptable());
    EXPECT_EQ(edit.interpretation(), TargetDate::ongoing().describe());
}

TEST(TargetDateEdit, BlankMeansNoTargetAndRereadsOnEveryChange)
{
    TargetDateEdit edit;
    EXPECT_EQ(edit.interpretation(), QStringLiteral("No target"));
    EXPECT_TRUE(edit.isAcceptable());
    EXPECT_EQ(edit.lineEdit()->placeholderText(),
              QStringLiteral("e.g. March 2024, 31/03/2024, 2024, Ongoing"));

    QSignalSpy changed(&edit, &TargetDateEdit::textChanged);
    QTest::keyClicks(edit.lineEdit(), QStringLiteral("2024"));
    EXPECT_EQ(changed.count(), 4);
    EXPECT_TRUE(edit.interpretation().contains(QStringLiteral("31/12/2024")));
    QTest::keyClick(edit.lineEdit(), Qt::Key_Backspace);
    EXPECT_FALSE(edit.isAcceptable()) << "\"202\" is not a target";
    edit.setText(QString());
    EXPECT_EQ(edit.interpretation(), QStringLiteral("No target"));

    QSignalSpy finished(&edit, &TargetDateEdit::editingFinished);
    QTest::keyClick(edit.lineEdit(), Qt::Key_Return);
    EXPECT_EQ(finished.count(), 1);
}

// --- TargetDateDelegate ------------------------------------------------------

using TargetDateDelegateTest = EditorsFixture;

TEST_F(TargetDateDelegateTest, TypedMonthAndReturnIsWritten)
{
    TargetDateDelegate delegate;
    m_view.setItemDelegateForColumn(1, &delegate);
    setValue(0, 1, QStringLiteral("31/12/2023"));
    auto* edit = qobject_cast<TargetDateEdit*>(startEditing(cell(0, 1)));
    ASSERT_NE(edit, nullptr);
    EXPECT_EQ(edit->text(), QStringLiteral("31/12/2023"));
    EXPECT_TRUE(edit->lineEdit()->hasFocus());
    // The view selects the old text on opening, so typing replaces it.
    QTest::keyClicks(edit->lineEdit(), QStringLiteral("March 2024"));
    EXPECT_TRUE(edit->interpretation().contains(QStringLiteral("31/03/2024")));
    QTest::keyClick(edit->lineEdit(), Qt::Key_Return);
    settle();
    EXPECT_TRUE(QTest::qWaitFor([&] { return value(0, 1) == QStringLiteral("March 2024"); }, 1000))
        << qPrintable(value(0, 1));
    EXPECT_TRUE(editorClosed(cell(0, 1)));
}

TEST_F(TargetDateDelegateTest, UnreadableTargetLeavesTheStoredValue)
{
    TargetDateDelegate delegate;
    m_view.setItemDelegateForColumn(1, &delegate);
    setValue(0, 1, QStringLiteral("31/12/2023"));
    auto* edit = qobject_cast<TargetDateEdit*>(startEditing(cell(0, 1)));
    ASSERT_NE(edit, nullptr);
    QTest::keyClicks(edit->lineEdit(), QStringLiteral("not a date"));
    QTest::keyClick(edit->lineEdit(), Qt::Key_Return);
    settle();
    EXPECT_EQ(value(0, 1), QStringLiteral("31/12/2023"));
    // The editor stays open with the reason showing, so nothing typed is lost.
    ASSERT_EQ(m_view.indexWidget(cell(0, 1)), edit);
    EXPECT_FALSE(edit->isAcceptable());
    EXPECT_TRUE(edit->interpretation().contains(QStringLiteral("not a date")));
    QTest::keyClick(edit->lineEdit(), Qt::Key_Escape);
    EXPECT_TRUE(editorClosed(cell(0, 1)));
    EXPECT_EQ(value(0, 1), QStringLiteral("31/12/2023"));
}

TEST_F(TargetDateDelegateTest, UnreadableTargetIsNotWrittenOnFocusOut)
{
    TargetDateDelegate delegate;
    m_view.setItemDelegateForColumn(1, &delegate);
    setValue(0, 1, QStringLiteral("31/12/2023"));
    auto* edit = qobject_cast<TargetDateEdit*>(startEditing(cell(0, 1)));
    ASSERT_NE(edit, nullptr);
    QTest::keyClicks(edit->lineEdit(), QStringLiteral("Marchh 2024"));
    m_view.setFocus(); // focus leaves the editor: the base filter commits
    settle();
    EXPECT_TRUE(editorClosed(cell(0, 1)));
    EXPECT_EQ(value(0, 1), QStringLiteral("31/12/2023"));
}

TEST_F(TargetDateDelegateTest, ValidTargetIsWrittenOnFocusOutAndTabMovesOn)
{
    TargetDateDelegate delegate;
    m_view.setItemDelegateForColumn(1, &delegate);
    auto* edit = qobject_cast<TargetDateEdit*>(startEditing(cell(0, 1)));
    ASSERT_NE(edit, nullptr);
    QTest::keyClicks(edit->lineEdit(), QStringLiteral("Ongoing"));
    QTest::keyClick(edit->lineEdit(), Qt::Key_Tab);
    settle();
    EXPECT_EQ(value(0, 1), QStringLiteral("Ongoing"));
    EXPECT_EQ(m_view.currentIndex(), cell(0, 2)) << "Tab moves to the next cell";
}

TEST_F(TargetDateDelegateTest, EditorIsWideAndTallEnoughForTheReading)
{
    TargetDateDelegate delegate;
    m_view.setItemDelegateForColumn(1, &delegate);
    m_view.setColumnWidth(1, 80);
    const QRect cellRect = m_view.visualRect(cell(0, 1));
    auto* edit = qobject_cast<TargetDateEdit*>(startEditing(cell(0, 1)));
    ASSERT_NE(edit, nullptr);
    EXPECT_EQ(edit->geometry().topLeft(), cellRect.topLeft());
    EXPECT_TRUE(edit->autoFillBackground()) << "opaque over the cells it covers";
    EXPECT_GE(edit->width(), 220);
    QLabel* label = readingLabel(*edit);
    ASSERT_NE(label, nullptr);
    EXPECT_TRUE(label->isVisible());
    EXPECT_GE(edit->height(), edit->lineEdit()->sizeHint().height() + label->sizeHint().height());
    // A long error wraps; the editor grows so its last line is not cut off.
    QTest::keyClicks(edit->lineEdit(), QStringLiteral("sometime after the summer holidays"));
    EXPECT_GE(label->height(), label->heightForWidth(label->width()));
    EXPECT_LE(label->geometry().bottom(), edit->rect().bottom());
}

// --- ChoiceDelegate ----------------------------------------------------------

using ChoiceDelegateTest = EditorsFixture;

TEST_F(ChoiceDelegateTest, StatusChosenFromTheKeyboardWritesItsCode)
{
    ChoiceDelegate delegate(ChoiceDelegate::statusChoices());
    m_view.setItemDelegateForColumn(0, &delegate);
    setValue(0, 0, QStringLiteral("not_started"));
    auto* combo = qobject_cast<QComboBox*>(startEditing(cell(0, 0)));
    ASSERT_NE(combo, nullptr);
    EXPECT_TRUE(combo->hasFocus());
    EXPECT_EQ(combo->currentText(), QStringLiteral("Not started"));
    for (int i = 0; i < combo->count() && combo->currentText() != QStringLiteral("Complete"); ++i)
        QTest::keyClick(combo, Qt::Key_Down);
    ASSERT_EQ(combo->currentText(), QStringLiteral("Complete"));
    settle();
    // Arrow keys only change the choice: nothing written, editor still open.
    EXPECT_EQ(value(0, 0), QStringLiteral("not_started"));
    EXPECT_EQ(m_view.indexWidget(cell(0, 0)), combo);
    QTest::keyClick(combo, Qt::Key_Return);
    settle();
    EXPECT_EQ(value(0, 0), QStringLiteral("complete"));
    EXPECT_TRUE(editorClosed(cell(0, 0)));
}

TEST_F(ChoiceDelegateTest, EscapeAfterArrowsKeepsTheStoredCode)
{
    ChoiceDelegate delegate(ChoiceDelegate::statusChoices());
    m_view.setItemDelegateForColumn(0, &delegate);
    setValue(0, 0, QStringLiteral("in_progress"));
    auto* combo = qobject_cast<QComboBox*>(startEditing(cell(0, 0)));
    ASSERT_NE(combo, nullptr);
    EXPECT_EQ(combo->currentText(), QStringLiteral("In progress"));
    QTest::keyClick(combo, Qt::Key_End);
    EXPECT_EQ(combo->currentText(), QStringLiteral("Superseded"));
    QTest::keyClick(combo, Qt::Key_Escape);
    settle();
    EXPECT_TRUE(editorClosed(cell(0, 0)));
    EXPECT_EQ(value(0, 0), QStringLiteral("in_progress"));
}

TEST_F(ChoiceDelegateTest, TypingALetterPicksAndCommitsAtOnce)
{
    ChoiceDelegate delegate(ChoiceDelegate::statusChoices());
    m_view.setItemDelegateForColumn(0, &delegate);
    setValue(0, 0, QStringLiteral("planned"));
    auto* combo = qobject_cast<QComboBox*>(startEditing(cell(0, 0)));
    ASSERT_NE(combo, nullptr);
    QTest::keyClicks(combo, QStringLiteral("c"));
    settle();
    EXPECT_EQ(value(0, 0), QStringLiteral("complete"));
    EXPECT_TRUE(editorClosed(cell(0, 0)));
}

TEST_F(ChoiceDelegateTest, RagChoicesCarryTheirColoursIntoTheList)
{
    const auto choices = ChoiceDelegate::ragChoices();
    ASSERT_EQ(choices.size(), 5);
    EXPECT_EQ(choices[0].code, QString());
    EXPECT_EQ(choices[0].label, QStringLiteral("No rating"));
    EXPECT_FALSE(choices[0].colour.isValid());
    const Rag rags[] = {Rag::Red, Rag::Amber, Rag::Green, Rag::Blue};
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(choices[i + 1].code, rag::code(rags[i]));
        EXPECT_EQ(choices[i + 1].colour, rag::colour(rags[i]));
        EXPECT_TRUE(choices[i + 1].colour.isValid());
    }

    ChoiceDelegate delegate(choices);
    m_view.setItemDelegateForColumn(2, &delegate);
    setValue(0, 2, QStringLiteral("amber"));
    auto* combo = qobject_cast<QComboBox*>(startEditing(cell(0, 2)));
    ASSERT_NE(combo, nullptr);
    EXPECT_EQ(combo->currentText(), QStringLiteral("Amber"));
    ASSERT_EQ(combo->count(), 5);
    for (int i = 1; i < 5; ++i) {
        const QImage image = combo->itemIcon(i).pixmap(combo->iconSize()).toImage();
        ASSERT_FALSE(image.isNull()) << i;
        EXPECT_EQ(image.pixelColor(image.width() / 2, image.height() / 2), choices[i].colour) << i;
    }
    // The blank choice has no colour to show.
    const QImage blank = combo->itemIcon(0).pixmap(combo->iconSize()).toImage();
    EXPECT_TRUE(blank.isNull() || blank.pixelColor(blank.width() / 2, blank.height() / 2).alpha() == 0);

    // Choosing the blank clears the rating.
    QTest::keyClick(combo, Qt::Key_Home);
    QTest::keyClick(combo, Qt::Key_Return);
    settle();
    EXPECT_EQ(value(0, 2), QString());
}

TEST(ChoiceDelegate, ListsHoldTheVocabularyCodes)
{
    EXPECT_EQ(codes(ChoiceDelegate::statusChoices()), status::allCodes());
    EXPECT_EQ(codes(ChoiceDelegate::decisionChoices()),
              (QStringList{QString(), decision::code(Decision::Agreed),
                           decision::code(Decision::PartlyAgreed), decision::code(Decision::NotAgreed)}));
    EXPECT_EQ(ChoiceDelegate::decisionChoices().front().label, QStringLiteral("Not recorded"));
    EXPECT_EQ(codes(ChoiceDelegate::recommendationKindChoices()),
              (QStringList{QStringLiteral("recommendation"), QStringLiteral("finding")}));
    EXPECT_EQ(ChoiceDelegate::recommendationKindChoices().at(1).label, QStringLiteral("Finding"));
    const auto kinds = ChoiceDelegate::reviewKindChoices();
    ASSERT_EQ(kinds.size(), 5);
    EXPECT_EQ(kinds[0].code, reviewkind::code(ReviewKind::SCR));
    EXPECT_EQ(kinds[0].label, reviewkind::label(ReviewKind::SCR));
    EXPECT_EQ(kinds[3].code, reviewkind::code(ReviewKind::Section11));
    for (const auto& c : ChoiceDelegate::statusChoices())
        EXPECT_FALSE(c.label.isEmpty()) << qPrintable(c.code);
}

TEST_F(ChoiceDelegateTest, UnknownStoredCodeIsKeptOnEnter)
{
    ChoiceDelegate delegate(ChoiceDelegate::decisionChoices());
    m_view.setItemDelegateForColumn(0, &delegate);
    setValue(0, 0, QStringLiteral("deferred"));
    auto* combo = qobject_cast<QComboBox*>(startEditing(cell(0, 0)));
    ASSERT_NE(combo, nullptr);
    EXPECT_EQ(combo->currentText(), QStringLiteral("deferred"));
    QTest::keyClick(combo, Qt::Key_Return);
    settle();
    EXPECT_TRUE(editorClosed(cell(0, 0)));
    EXPECT_EQ(value(0, 0), QStringLiteral("deferred"));
}

// --- LongTextDelegate --------------------------------------------------------

using LongTextDelegateTest = EditorsFixture;

TEST_F(LongTextDelegateTest, ShiftEnterStartsALineAndEnterCommitsBoth)
{
    CountingLongTextDelegate delegate;
    m_view.setItemDelegateForColumn(0, &delegate);
    setValue(0, 0, QStringLiteral("Old"));
    auto* edit = qobject_cast<QPlainTextEdit*>(startEditing(cell(0, 0)));
    ASSERT_NE(edit, nullptr);
    EXPECT_EQ(edit->toPlainText(), QStringLiteral("Old"));
    ASSERT_EQ(QApplication::focusWidget(), edit) << "keys typed go to the editor the delegate filters";
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(edit, QStringLiteral("First line"));
    QTest::keyClick(edit, Qt::Key_Return, Qt::ShiftModifier);
    EXPECT_EQ(edit->toPlainText(), QStringLiteral("First line\n"));
    EXPECT_EQ(m_view.indexWidget(cell(0, 0)), edit) << "Shift+Enter does not close the editor";
    EXPECT_EQ(value(0, 0), QStringLiteral("Old"));
    QTest::keyClicks(edit, QStringLiteral("Second line"));
    QTest::keyClick(edit, Qt::Key_Return);
    settle();
    EXPECT_EQ(value(0, 0), QStringLiteral("First line\nSecond line"));
    EXPECT_TRUE(editorClosed(cell(0, 0)));
    settle();
    EXPECT_EQ(delegate.commits, 1) << "the focus-out after closing must not commit again";
}

TEST_F(LongTextDelegateTest, EscapeLeavesTheOldText)
{
    CountingLongTextDelegate delegate;
    m_view.setItemDelegateForColumn(0, &delegate);
    setValue(0, 0, QStringLiteral("Old"));
    auto* edit = qobject_cast<QPlainTextEdit*>(startEditing(cell(0, 0)));
    ASSERT_NE(edit, nullptr);
    QTest::keyClicks(edit, QStringLiteral(" and more"));
    QTest::keyClick(edit, Qt::Key_Escape);
    settle();
    EXPECT_TRUE(editorClosed(cell(0, 0)));
    EXPECT_EQ(value(0, 0), QStringLiteral("Old"));
    EXPECT_EQ(delegate.commits, 0);
}

TEST_F(LongTextDelegateTest, TabCommitsAndMovesToTheNextCell)
{
    LongTextDelegate delegate;
    m_view.setItemDelegate(&delegate);
    setValue(0, 0, QStringLiteral("Old"));
    auto* edit = qobject_cast<QPlainTextEdit*>(startEditing(cell(0, 0)));
    ASSERT_NE(edit, nullptr);
    QTest::keyClicks(edit, QStringLiteral(" text"));
    QTest::keyClick(edit, Qt::Key_Tab);
    settle();
    EXPECT_EQ(value(0, 0), QStringLiteral("Old text"));
    EXPECT_EQ(m_view.currentIndex(), cell(0, 1));
    EXPECT_NE(qobject_cast<QPlainTextEdit*>(m_view.indexWidget(cell(0, 1))), nullptr)
        << "the next cell is being edited";

    auto* next = qobject_cast<QPlainTextEdit*>(m_view.indexWidget(cell(0, 1)));
    ASSERT_NE(next, nullptr);
    QTest::keyClicks(next, QStringLiteral("B"));
    QTest::keyClick(next, Qt::Key_Backtab);
    settle();
    EXPECT_EQ(value(0, 1), QStringLiteral("B"));
    EXPECT_EQ(m_view.currentIndex(), cell(0, 0));
}

TEST_F(LongTextDelegateTest, FocusLeavingTheEditorCommitsOnce)
{
    CountingLongTextDelegate delegate;
    m_view.setItemDelegateForColumn(0, &delegate);
    setValue(0, 0, QStringLiteral("Old"));
    auto* edit = qobject_cast<QPlainTextEdit*>(startEditing(cell(0, 0)));
    ASSERT_NE(edit, nullptr);
    ASSERT_TRUE(edit->hasFocus());
    QTest::keyClicks(edit, QStringLiteral(" and new"));
    m_view.setFocus();
    settle();
    EXPECT_TRUE(editorClosed(cell(0, 0)));
    EXPECT_EQ(value(0, 0), QStringLiteral("Old and new"));
    EXPECT_EQ(delegate.commits, 1);
}

TEST_F(LongTextDelegateTest, EditorIsAtLeastFourLinesAndInsideTheViewport)
{
    LongTextDelegate delegate;
    m_view.setItemDelegate(&delegate);
    m_view.setColumnWidth(0, 100);
    m_view.setColumnWidth(1, 100);
    m_view.horizontalHeader()->setStretchLastSection(true);
    setValue(0, 2, QStringLiteral("Old"));
    auto* edit = qobject_cast<QPlainTextEdit*>(startEditing(cell(0, 2)));
    ASSERT_NE(edit, nullptr);
    EXPECT_GE(edit->width(), qMin(360, m_view.viewport()->width()));
    EXPECT_GE(edit->viewport()->height(), 4 * edit->fontMetrics().lineSpacing());
    EXPECT_TRUE(m_view.viewport()->rect().contains(edit->geometry())) << "not clipped at the viewport's edge";
    EXPECT_EQ(edit->lineWrapMode(), QPlainTextEdit::WidgetWidth);
}

// --- OwnerDelegate -----------------------------------------------------------

using OwnerDelegateTest = EditorsFixture;

TEST_F(OwnerDelegateTest, CompletesTheNameAfterTheLastSemicolon)
{
    OwnerDelegate delegate;
    delegate.setNames(
        {QStringLiteral("Kay Jones"), QStringLiteral("Isobel Dougan"), QStringLiteral("Ian Smith")});
    m_view.setItemDelegateForColumn(1, &delegate);
    setValue(0, 1, QStringLiteral("Kay Jones"));
    auto* edit = qobject_cast<QLineEdit*>(startEditing(cell(0, 1)));
    ASSERT_NE(edit, nullptr);
    ASSERT_NE(edit->completer(), nullptr);
    QTest::keyClick(edit, Qt::Key_End);
    QTest::keyClicks(edit, QStringLiteral("; isob"));
    QCompleter* completer = edit->completer();
    QAbstractItemView* popup = completer->popup();
    ASSERT_TRUE(QTest::qWaitFor([&] { return popup->isVisible(); }, 1000)) << "the list is offered";
    ASSERT_EQ(completer->completionCount(), 1);
    // The list shows the name alone; taking it keeps the names before the ';'.
    EXPECT_EQ(completer->completionModel()->index(0, 0).data().toString(), QStringLiteral("Isobel Dougan"));
    EXPECT_EQ(completer->currentCompletion(), QStringLiteral("Kay Jones; Isobel Dougan"));
    QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Return);
    EXPECT_EQ(edit->text(), QStringLiteral("Kay Jones; Isobel Dougan"));
    EXPECT_FALSE(popup->isVisible());
    QTest::keyClick(edit, Qt::Key_Return);
    settle();
    EXPECT_EQ(value(0, 1), QStringLiteral("Kay Jones; Isobel Dougan"));
    EXPECT_TRUE(editorClosed(cell(0, 1)));
}

TEST_F(OwnerDelegateTest, MatchesWithinNamesAndTidiesTheList)
{
    OwnerDelegate delegate;
    delegate.setNames({QStringLiteral("Kay Jones"), QStringLiteral("Isobel Dougan")});
    m_view.setItemDelegateForColumn(1, &delegate);
    auto* edit = qobject_cast<QLineEdit*>(startEditing(cell(0, 1)));
    ASSERT_NE(edit, nullptr);
    QTest::keyClicks(edit, QStringLiteral("doug"));
    EXPECT_EQ(edit->completer()->completionCount(), 1) << "a surname part finds the owner";
    EXPECT_EQ(edit->completer()->currentCompletion(), QStringLiteral("Isobel Dougan"))
        << "no ';': the name alone";
    edit->completer()->popup()->hide();
    edit->setText(QStringLiteral("Kay Jones;Isobel Dougan ; "));
    QTest::keyClick(edit, Qt::Key_Return);
    settle();
    EXPECT_EQ(value(0, 1), QStringLiteral("Kay Jones; Isobel Dougan"));
}
