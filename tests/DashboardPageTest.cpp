// The dashboard page as a user meets it: figures read in the background,
// moving the as-of date, and counts and rows that lead to the actions.

#include "gui/pages/DashboardPage.h"

#include "TestSupport.h"
#include "db/PlanQueries.h"
#include "gui/MainWindow.h"
#include "gui/pages/ActionsPage.h"
#include "gui/pages/ReviewPage.h"
#include "models/ActionTableModel.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
#include <gtest/gtest.h>

using namespace rt;

namespace {

class DashboardPageTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        db = test::sampleDatabase(dir.file(QStringLiteral("sample.rtdb")));
        ASSERT_TRUE(db);
        page = std::make_unique<DashboardPage>(db->connection());
        page->resize(1400, 900);
        page->setAsOf(QDate(2024, 6, 30));
    }

    test::TempDir dir;
    std::unique_ptr<Database> db;
    std::unique_ptr<DashboardPage> page;
};

} // namespace

TEST_F(DashboardPageTest, ReadsTheFiguresInTheBackgroundAndShowsThem)
{
    QSignalSpy loaded(page.get(), &DashboardPage::loaded);
    page->reload();
    // The figures arrive through the event loop, never during reload() itself.
    EXPECT_TRUE(page->countButton(QStringLiteral("overdue"))->text().isEmpty());
    ASSERT_TRUE(loaded.wait(10000));
    EXPECT_EQ(page->countButton(QStringLiteral("overdue"))->text(), QStringLiteral("20"));
    EXPECT_EQ(page->countButton(QStringLiteral("no_target"))->text(), QStringLiteral("5"));
    EXPECT_EQ(page->countButton(QStringLiteral("open"))->text(), QStringLiteral("30"));
    EXPECT_EQ(page->overdueTable()->rowCount(), 20);
}

TEST_F(DashboardPageTest, MovingTheAsOfDateRecountsWithoutReadingAgain)
{
    ASSERT_TRUE(page->reloadNow());
    EXPECT_EQ(page->countButton(QStringLiteral("overdue"))->text(), QStringLiteral("20"));
    // 01/02/2017: only Philip's January 2017 action had passed its target.
    page->setAsOf(QDate(2017, 2, 1));
    EXPECT_FALSE(page->isLoading());
    EXPECT_EQ(page->figures().overdue, 1);
    EXPECT_EQ(page->countButton(QStringLiteral("overdue"))->text(), QStringLiteral("1"));
    EXPECT_EQ(page->overdueTable()->rowCount(), 1);
    // 15/03/2024 with a 46-day window: Child X's March and April targets.
    page->setAsOf(QDate(2024, 3, 15));
    page->setDueSoonDays(46);
    EXPECT_EQ(page->countButton(QStringLiteral("due_soon"))->text(), QStringLiteral("6"));
}

TEST_F(DashboardPageTest, ClickingACountAsksForItsFilteredList)
{
    ASSERT_TRUE(page->reloadNow());
    page->show();
    QSignalSpy asked(page.get(), &DashboardPage::showActions);
    QTest::mouseClick(page->countButton(QStringLiteral("overdue")), Qt::LeftButton);
    ASSERT_EQ(asked.count(), 1);
    const ActionFilter overdue = asked.takeFirst().at(0).value<ActionFilter>();
    EXPECT_TRUE(overdue.overdue);
    EXPECT_TRUE(overdue.openOnly);
    EXPECT_EQ(overdue.asOf, QDate(2024, 6, 30));

    QTest::mouseClick(page->countButton(QStringLiteral("red")), Qt::LeftButton);
    ASSERT_EQ(asked.count(), 1);
    EXPECT_EQ(asked.takeFirst().at(0).value<ActionFilter>().rags, QStringList{QStringLiteral("red")});

    // The Overdue count of an owner's row: that owner's overdue actions.
    QTableWidget* owners = page->ownerTable();
    int kay = -1;
    for (int r = 0; r < owners->rowCount(); ++r) {
        if (owners->item(r, 0)->text() == QLatin1String("Kay Jones"))
            kay = r;
    }
    ASSERT_GE(kay, 0);
    EXPECT_EQ(owners->item(kay, 2)->text(), QStringLiteral("3"));
    emit owners->itemClicked(owners->item(kay, 2));
    ASSERT_EQ(asked.count(), 1);
    const ActionFilter f = asked.takeFirst().at(0).value<ActionFilter>();
    EXPECT_EQ(f.owners, QStringList{QStringLiteral("Kay Jones")});
    EXPECT_TRUE(f.overdue);
}

TEST_F(DashboardPageTest, DoubleClickingAnOverdueActionOpensIt)
{
    ASSERT_TRUE(page->reloadNow());
    QSignalSpy open(page.get(), &DashboardPage::openAction);
    QTableWidget* table = page->overdueTable();
    ASSERT_GT(table->rowCount(), 0);
    emit table->itemActivated(table->item(0, 3));
    ASSERT_EQ(open.count(), 1);
    const qint64 reviewId = open.at(0).at(0).toLongLong();
    const qint64 actionId = open.at(0).at(1).toLongLong();
    ActionDetail detail;
    ASSERT_TRUE(PlanQueries(db->connection()).action(actionId, &detail));
    EXPECT_EQ(detail.reviewId, reviewId);
    EXPECT_EQ(detail.review, QStringLiteral("Philip")); // the longest overdue
    EXPECT_EQ(table->item(0, 3)->text(), detail.text);
}

TEST_F(DashboardPageTest, ARevisedTargetIsMarkedInTheOverdueList)
{
    QSqlQuery q(db->connection());
    ASSERT_TRUE(q.exec(QStringLiteral(
        "UPDATE actions SET revised_target_text = 'December 2024', revised_target_precision = 'month', "
        "revised_target_due = '2024-12-31' WHERE number = '1.1'")));
    ASSERT_TRUE(page->reloadNow());
    QTableWidget* table = page->overdueTable();
    int revised = 0;
    for (int r = 0; r < table->rowCount(); ++r) {
        if (table->item(r, 7)->text() == QLatin1String("revised: December 2024"))
            ++revised;
    }
    EXPECT_EQ(revised, 1);
    EXPECT_EQ(page->figures().overdueRevised, 1);
}

TEST(DashboardInWindow, ClickingACountLandsOnTheFilteredListAndARowOpensTheAction)
{
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("sample.rtdb"));
    test::sampleDatabase(path).reset();
    auto db = std::make_unique<Database>();
    ASSERT_TRUE(db->open(path, Database::OpenMode::ReadWrite));
    MainWindow window;
    window.setDatabase(std::move(db));
    window.resize(1400, 900);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    // The dashboard is the first page.
    ASSERT_EQ(window.tabs()->currentWidget(), window.dashboard());
    window.dashboard()->setAsOf(QDate(2024, 6, 30));
    ASSERT_TRUE(window.dashboard()->reloadNow());

    QTest::mouseClick(window.dashboard()->countButton(QStringLiteral("overdue")), Qt::LeftButton);
    ASSERT_EQ(window.tabs()->currentWidget(), window.actionsPage());
    ActionTableModel* model = window.actionsPage()->model();
    ASSERT_TRUE(model->waitForCount(5000));
    ASSERT_EQ(model->rowCount(), 20);
    model->setAsOf(QDate(2024, 6, 30));
    for (int row = 0; row < model->rowCount(); ++row)
        EXPECT_TRUE(model->data(model->index(row, 0), ActionTableModel::OverdueRole).toBool()) << row;
    EXPECT_TRUE(window.actionsPage()->filter().overdue);

    // Back on the dashboard, Enter on an overdue action opens it in its review.
    window.showDashboard();
    QTableWidget* list = window.dashboard()->overdueTable();
    QSignalSpy opened(window.dashboard(), &DashboardPage::openAction);
    emit list->itemActivated(list->item(0, 3));
    ASSERT_EQ(opened.count(), 1);
    ReviewPage* page = window.currentReviewPage();
    ASSERT_TRUE(page);
    EXPECT_EQ(page->title(), QStringLiteral("Philip"));
    EXPECT_EQ(page->currentActionId(), opened.at(0).at(1).toLongLong());
}

TEST(DashboardReadOnly, AReadOnlyFileShowsItsFiguresAndIsNotWritten)
{
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("locked.rtdb"));
    test::sampleDatabase(path).reset();
    ASSERT_TRUE(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup));
    const QByteArray before = test::readAll(path);
    {
        Database db;
        ASSERT_TRUE(db.openForReading(path)) << db.errorString().toStdString();
        DashboardPage page(db.connection());
        page.setAsOf(QDate(2024, 6, 30));
        QSignalSpy loaded(&page, &DashboardPage::loaded);
        page.reload();
        ASSERT_TRUE(loaded.wait(10000));
        EXPECT_EQ(page.figures().overdue, 20);
    }
    EXPECT_EQ(test::readAll(path), before);
}
