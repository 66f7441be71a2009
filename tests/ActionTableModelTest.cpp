#include "models/ActionTableModel.h"

#include "TestSupport.h"
#include "io/SyntheticGenerator.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>
#include <QTest>
#include <gtest/gtest.h>

using namespace rt;

namespace {

class ActionTableModelTest : public ::testing::Test
{
protected:
    void SetUp() override { db = test::sampleDatabase(dir.file(QStringLiteral("sample.rtdb"))); }

    test::TempDir dir;
    std::unique_ptr<Database> db;
};

} // namespace

TEST_F(ActionTableModelTest, PassesTheModelTester)
{
    ActionTableModel model(db->connection());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(model.rowCount(), test::scalar(*db, QStringLiteral("SELECT count(*) FROM actions")));
    model.setTextFilter(QStringLiteral("supervision"));
    model.setTextFilter(QString());
}

TEST_F(ActionTableModelTest, ShowsTheWrittenTargetTheUkWayAndColoursOverdue)
{
    ActionTableModel model(db->connection());
    model.setAsOf(QDate(2024, 6, 30));
    bool sawMonth = false;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex target = model.index(row, ActionTableModel::TargetColumn);
        if (model.data(target, Qt::EditRole).toString() == QLatin1String("March 2024")) {
            sawMonth = true;
            EXPECT_EQ(model.data(target).toString(), QStringLiteral("March 2024"));
            EXPECT_EQ(model.data(target, ActionTableModel::DueDateRole).toDate(), QDate(2024, 3, 31));
        }
        if (model.data(target, ActionTableModel::OverdueRole).toBool()) {
            EXPECT_TRUE(model.data(target, Qt::ForegroundRole).isValid());
        }
    }
    EXPECT_TRUE(sawMonth) << "Child X action 1.1 has target March 2024";
}

TEST_F(ActionTableModelTest, FilterMatchesWordPrefixesInTextAndOwner)
{
    ActionTableModel model(db->connection());
    const int all = model.rowCount();
    model.setTextFilter(QStringLiteral("Workforce Devel"));
    ASSERT_GT(model.rowCount(), 0);
    ASSERT_LT(model.rowCount(), all);
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString both = model.data(model.index(row, ActionTableModel::ActionColumn)).toString() +
                             model.data(model.index(row, ActionTableModel::OwnerColumn)).toString();
        EXPECT_TRUE(both.contains(QStringLiteral("Workforce"), Qt::CaseInsensitive)) << both.toStdString();
    }
    model.setTextFilter(QStringLiteral("\"unbalanced (quote* AND"));
    EXPECT_TRUE(model.lastError().isEmpty()) << "user text never reaches FTS as syntax";
    model.setTextFilter(QString());
    EXPECT_EQ(model.rowCount(), all);
}

TEST_F(ActionTableModelTest, LoadsDeepRowsLazilyAtScale)
{
    test::TempDir genDir;
    auto gen = test::emptyDatabase(genDir.file(QStringLiteral("gen.rtdb")));
    SyntheticGenerator g(3);
    QString error;
    ASSERT_TRUE(g.generate(gen->connection(), 40, &error)) << error.toStdString();
    ActionTableModel model(gen->connection());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const int rows = model.rowCount();
    ASSERT_GT(rows, 3 * ActionTableModel::kBlockSize);
    // The last row's id is the largest: blocks are fetched in id order.
    EXPECT_EQ(model.data(model.index(rows - 1, 0), ActionTableModel::ActionIdRole).toLongLong(),
              test::scalar(*gen, QStringLiteral("SELECT max(id) FROM actions")));
    EXPECT_EQ(
        model.data(model.index(ActionTableModel::kBlockSize, 0), ActionTableModel::ActionIdRole).toLongLong(),
        test::scalar(*gen, QStringLiteral("SELECT id FROM actions ORDER BY id LIMIT 1 OFFSET %1")
                               .arg(ActionTableModel::kBlockSize)));
}

TEST_F(ActionTableModelTest, EditingACellThroughTheViewCommitsToTheDatabase)
{
    ActionTableModel model(db->connection());
    QTableView view;
    view.setModel(&model);
    view.resize(1000, 600);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    const QModelIndex owner = model.index(0, ActionTableModel::OwnerColumn);
    const qint64 id = model.data(owner, ActionTableModel::ActionIdRole).toLongLong();
    view.setCurrentIndex(owner);
    view.setFocus();
    QTest::keyClick(&view, Qt::Key_F2);
    auto* editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
    ASSERT_NE(editor, nullptr) << "F2 opens an editor on the cell";
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Head of Quality Assurance"));
    EXPECT_EQ(editor->text(), QStringLiteral("Head of Quality Assurance"));
    QTest::keyClick(editor, Qt::Key_Return);
    QApplication::processEvents(); // the delegate commits through a queued call
    EXPECT_TRUE(model.lastError().isEmpty()) << model.lastError().toStdString();
    EXPECT_EQ(test::text(*db, QStringLiteral("SELECT owner_text FROM actions WHERE id = %1").arg(id)),
              QStringLiteral("Head of Quality Assurance"));
    EXPECT_EQ(model.data(owner).toString(), QStringLiteral("Head of Quality Assurance"));
}

TEST_F(ActionTableModelTest, ABadTargetIsRefusedWithTheReason)
{
    ActionTableModel model(db->connection());
    const QModelIndex target = model.index(0, ActionTableModel::TargetColumn);
    const QString before = model.data(target, Qt::EditRole).toString();
    QString shown;
    QObject::connect(&model, &ActionTableModel::editRefused,
                     [&](const QModelIndex& index, const QString& reason) {
                         EXPECT_EQ(index, target);
                         shown = reason;
                     });
    EXPECT_FALSE(model.setData(target, QStringLiteral("after Easter")));
    EXPECT_TRUE(shown.contains(QStringLiteral("after Easter"))) << "the reason reaches the window";
    EXPECT_TRUE(model.lastError().contains(QStringLiteral("after Easter")));
    EXPECT_EQ(model.data(target, Qt::EditRole).toString(), before);
    EXPECT_TRUE(model.setData(target, QStringLiteral("31/03/2025")));
    EXPECT_EQ(model.data(target, ActionTableModel::DueDateRole).toDate(), QDate(2025, 3, 31));
}

TEST(ActionTableModelQuery, UserTextBecomesQuotedPrefixTermsAndOneLetterWordsWait)
{
    EXPECT_EQ(ActionTableModel::ftsQuery(QStringLiteral("supervision a")),
              QStringLiteral("\"supervision\"*"));
    EXPECT_EQ(ActionTableModel::ftsQuery(QStringLiteral("Voice of")), QStringLiteral("\"Voice\"* \"of\"*"));
    EXPECT_EQ(ActionTableModel::ftsQuery(QStringLiteral("s")), QString());
    EXPECT_EQ(ActionTableModel::ftsQuery(QStringLiteral("NEAR(\"x\" OR y*)")),
              QStringLiteral("\"NEAR\"* \"OR\"*"));
}
