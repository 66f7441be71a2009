#include "gui/pages/MeetingPage.h"

#include "TestSupport.h"
#include "models/MeetingModel.h"

#include <QDateEdit>
#include <QHeaderView>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>
#include <gtest/gtest.h>

using namespace rt;

namespace {

class MeetingPageTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QSettings().remove(QStringLiteral("meeting/since"));
        db = test::sampleDatabase(dir.file(QStringLiteral("meeting-page.rtdb")));
        childX = test::scalar(*db, QStringLiteral("SELECT id FROM reviews WHERE title = 'Child X'"));
    }
    void TearDown() override { QSettings().remove(QStringLiteral("meeting/since")); }

    qint64 action(const char* number)
    {
        return test::scalar(*db,
                            QStringLiteral("SELECT id FROM actions WHERE review_id = %1 AND number = '%2'")
                                .arg(childX)
                                .arg(QLatin1String(number)));
    }
    // The page as the meeting opens it: since New Year, as of the end of June.
    std::unique_ptr<MeetingPage> openPage()
    {
        auto page = std::make_unique<MeetingPage>(db->connection());
        page->setAsOf(QDate(2024, 6, 30));
        page->setSince(QDate(2024, 1, 1));
        page->resize(1600, 1000);
        page->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(page.get()));
        QCoreApplication::processEvents(); // the queued re-measure of wrapped rows
        return page;
    }
    // The view's rows as "heading" or "  review|rec|change", top to bottom.
    static QStringList rows(const MeetingPage& page)
    {
        QStringList out;
        const QAbstractItemModel* m = page.view()->model();
        for (int k = 0; k < m->rowCount(); ++k) {
            const QModelIndex kind = m->index(k, 0);
            out << kind.data().toString();
            for (int r = 0; r < m->rowCount(kind); ++r) {
                out << QStringLiteral("  %1|%2|%3")
                           .arg(m->index(r, MeetingModel::ReviewColumn, kind).data().toString(),
                                m->index(r, MeetingModel::RecommendationColumn, kind).data().toString(),
                                m->index(r, MeetingModel::ChangeColumn, kind).data().toString());
            }
        }
        return out;
    }

    test::TempDir dir;
    std::unique_ptr<Database> db;
    qint64 childX = 0;
};

} // namespace

TEST_F(MeetingPageTest, ShowsTheCountsAndTheChangesSinceTheChosenDate)
{
    auto page = openPage();
    EXPECT_EQ(page->summaryLabel()->text(),
              QStringLiteral(
                  "Since 01/01/2024: 1 new update · 0 status changes · 0 RAG changes · 6 newly overdue · "
                  "0 completed"));
    EXPECT_EQ(rows(*page), QStringList({
                               QStringLiteral("New updates (1)"),
                               QStringLiteral("  Child X|1.3|Update of February 2024"),
                               QStringLiteral("Status changes: none"),
                               QStringLiteral("RAG changes: none"),
                               QStringLiteral("Newly overdue (6)"),
                               QStringLiteral("  Child X|1.1|Due 31/03/2024"),
                               QStringLiteral("  Child X|2.1|Due 30/04/2024"),
                               QStringLiteral("  Child X|6.1|Due 31/03/2024"),
                               QStringLiteral("  Child X|7.1|Due 31/03/2024"),
                               QStringLiteral("  Child X|8.1|Due 30/04/2024"),
                               QStringLiteral("  Child X|10.1|Due 31/03/2024"),
                               QStringLiteral("Completed: none"),
                           }));
    // Every group open, its heading across the row; dates the UK way.
    QTreeView* view = page->view();
    EXPECT_TRUE(view->isExpanded(view->model()->index(MeetingItem::NewlyOverdue, 0)));
    EXPECT_TRUE(view->isFirstColumnSpanned(MeetingItem::NewlyOverdue, QModelIndex()));
    EXPECT_EQ(page->sinceEdit()->displayFormat(), QStringLiteral("dd/MM/yyyy"));
    EXPECT_TRUE(page->sinceEdit()->calendarPopup());
    // Wrapped rows: the 1.1 row (a long action and update) is taller than one line.
    const QModelIndex overdue = view->model()->index(MeetingItem::NewlyOverdue, 0);
    EXPECT_GT(view->visualRect(view->model()->index(0, MeetingModel::LatestUpdateColumn, overdue)).height(),
              3 * view->fontMetrics().lineSpacing());
}

TEST_F(MeetingPageTest, ChangingSinceReloadsAndIsRemembered)
{
    auto page = openPage();
    page->sinceEdit()->setDate(QDate(2024, 4, 1)); // as the user picks it
    EXPECT_EQ(page->summaryLabel()->text(),
              QStringLiteral(
                  "Since 01/04/2024: 0 new updates · 0 status changes · 0 RAG changes · 2 newly overdue · "
                  "0 completed"));
    EXPECT_EQ(page->model()->rowCount(page->model()->kindIndex(MeetingItem::NewlyOverdue)), 2);
    EXPECT_EQ(QSettings().value(QStringLiteral("meeting/since")).toString(), QStringLiteral("2024-04-01"));

    page->asOfEdit()->setDate(QDate(2024, 4, 30));
    EXPECT_EQ(page->model()->rowCount(page->model()->kindIndex(MeetingItem::NewlyOverdue)), 0);

    // The next meeting starts from the date last used.
    MeetingPage next(db->connection());
    EXPECT_EQ(next.since(), QDate(2024, 4, 1));
    EXPECT_EQ(next.asOf(), QDate::currentDate());
}

TEST_F(MeetingPageTest, WithoutARememberedDateSinceIsAMonthAgo)
{
    MeetingPage page(db->connection());
    EXPECT_EQ(page.since(), QDate::currentDate().addMonths(-1));
    EXPECT_EQ(page.asOf(), QDate::currentDate());
    // Nothing is read until the page is first shown.
    EXPECT_FALSE(page.model()->since().isValid());
    page.show();
    EXPECT_EQ(page.model()->since(), QDate::currentDate().addMonths(-1));
}

TEST_F(MeetingPageTest, ASinceDateAfterTheAsOfDateShowsNothingAndSaysWhy)
{
    auto page = openPage();
    page->setSince(QDate(2024, 7, 1));
    EXPECT_TRUE(page->summaryLabel()->text().contains(QStringLiteral("after the as-of date")));
    EXPECT_EQ(page->model()->rowCount(page->model()->kindIndex(MeetingItem::NewlyOverdue)), 0);
}

TEST_F(MeetingPageTest, DoubleClickOpensTheAction)
{
    auto page = openPage();
    QSignalSpy spy(page.get(), &MeetingPage::openAction);
    QTreeView* view = page->view();
    const QModelIndex overdue = view->model()->index(MeetingItem::NewlyOverdue, 0);
    const QModelIndex second = view->model()->index(1, MeetingModel::OwnerColumn, overdue); // 2.1
    const QRect rect = view->visualRect(second);
    ASSERT_TRUE(rect.isValid());
    // As a person does it: a click, then the second click of the pair.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, rect.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, rect.center());
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).toLongLong(), childX);
    EXPECT_EQ(spy.at(0).at(1).toLongLong(), action("2.1"));

    // A heading opens nothing.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, view->visualRect(overdue).center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, view->visualRect(overdue).center());
    EXPECT_EQ(spy.count(), 1);

    // Return on the current row opens it too.
    view->setFocus();
    view->setCurrentIndex(view->model()->index(0, 0, view->model()->index(MeetingItem::NewUpdate, 0)));
    QTest::keyClick(view, Qt::Key_Return);
    ASSERT_EQ(spy.count(), 2);
    EXPECT_EQ(spy.at(1).at(1).toLongLong(), action("1.3"));
}
