#include "gui/pages/Section11Page.h"

#include "TestSupport.h"
#include "db/PlanQueries.h"
#include "models/Section11GridModel.h"

#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTextEdit>
#include <gtest/gtest.h>

using namespace rt;

namespace {

// The page on a fresh copy of the sample data, shown at a meeting-room size.
struct PageFixture : ::testing::Test
{
    test::TempDir dir;
    std::unique_ptr<Database> db;
    std::unique_ptr<Section11Page> page;
    qint64 review2020 = 0;

    void SetUp() override
    {
        db = test::sampleDatabase(dir.file(QStringLiteral("plans.rtdb")));
        ASSERT_TRUE(db);
        review2020 = PlanQueries(db->connection())
                         .findReview(QStringLiteral("Report of the Gloucestershire Section 11 Audit 2020"));
        ASSERT_GT(review2020, 0);
        page = std::make_unique<Section11Page>(db->connection());
        page->resize(1600, 1000);
        page->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(page.get()));
    }
    void TearDown() override { page.reset(); }

    QString cell(const QString& column, const QString& shortName, int number)
    {
        return test::text(
            *db, QStringLiteral("SELECT r.%1 FROM s11_ratings r JOIN agencies g ON g.id = r.agency_id "
                                "JOIN s11_standards s ON s.id = r.standard_id "
                                "WHERE g.short_name = '%2' AND s.number = %3")
                     .arg(column, shortName)
                     .arg(number));
    }
};

void settle()
{
    for (int i = 0; i < 3; ++i)
        QApplication::processEvents();
}

} // namespace

TEST_F(PageFixture, OpensOnThe2020AuditWithItsGrid)
{
    EXPECT_EQ(page->reviewId(), review2020);
    EXPECT_TRUE(page->auditCombo()->currentText().startsWith(QStringLiteral("2020")));
    QTableView* grid = page->gridView();
    ASSERT_EQ(grid->model()->rowCount(), 10);
    ASSERT_EQ(grid->model()->columnCount(), 4);
    EXPECT_EQ(grid->model()->headerData(2, Qt::Vertical).toString(), QStringLiteral("GHT"));
    EXPECT_EQ(grid->model()->index(6, 2).data().toString(),
              QStringLiteral("Good. Query link to local policies and procedures"));
    // The wrapped standard titles fit: the header is taller than one line.
    EXPECT_GT(grid->horizontalHeader()->height(), 2 * grid->horizontalHeader()->fontMetrics().lineSpacing());
    // The partnership panel: four standards and two themes, RAG in a combo.
    QTableWidget* partnership = page->partnershipView();
    ASSERT_EQ(partnership->rowCount(), 6);
    auto* rag2 = qobject_cast<QComboBox*>(partnership->cellWidget(1, 1));
    ASSERT_NE(rag2, nullptr);
    EXPECT_EQ(rag2->currentData().toString(), QStringLiteral("amber"));
    auto* james = qobject_cast<QComboBox*>(partnership->cellWidget(5, 1));
    ASSERT_NE(james, nullptr);
    EXPECT_EQ(james->currentData().toString(), QStringLiteral("red"));
    EXPECT_FALSE(page->selectAudit(999999));
}

TEST_F(PageFixture, SelectingACellShowsItsRatingWordingAndComments)
{
    ASSERT_TRUE(page->selectCell(QStringLiteral("GCCG"), 2));
    EXPECT_EQ(page->ratingCombo()->currentData().toString(), QStringLiteral("good_aif"));
    EXPECT_EQ(page->wordingEdit()->text(), QStringLiteral("Good with areas for improvement"));
    EXPECT_EQ(page->commentsEdit()->toPlainText(),
              QStringLiteral("Mandatory level 1 training for all new staff\n"
                             "Effectiveness of Primary Care audit\n"
                             "Work on consolidating the training offer across the NHS economy\n"
                             "Safeguarding supervision policy to be rolled out to other roles\n"
                             "Consistency of training across the NHS economy\n"
                             "Links with GSCP training"));
    ASSERT_TRUE(page->selectCell(QStringLiteral("Gloucestershire Health and Care NHS Foundation Trust"), 2));
    EXPECT_EQ(page->wordingEdit()->text(), QStringLiteral("Good areas to improve"));
    EXPECT_EQ(page->commentsEdit()->toPlainText(),
              QStringLiteral("The challenge of continuing to develop the new Trust's culture"));
    EXPECT_FALSE(page->selectCell(QStringLiteral("Nobody"), 1));
    EXPECT_FALSE(page->selectCell(QStringLiteral("GHT"), 9));
}

TEST_F(PageFixture, ChangingTheRatingAndCommentsInTheCellPanelSaves)
{
    ASSERT_TRUE(page->selectCell(QStringLiteral("GHT"), 3));
    QComboBox* rating = page->ratingCombo();
    const int good = rating->findData(QStringLiteral("good"));
    ASSERT_GE(good, 0);
    rating->setCurrentIndex(good);
    emit rating->activated(good); // as a pick from the list does
    settle();
    EXPECT_EQ(cell(QStringLiteral("rating"), QStringLiteral("GHT"), 3), QStringLiteral("good"));
    EXPECT_EQ(cell(QStringLiteral("rating_text"), QStringLiteral("GHT"), 3), QStringLiteral("Good"));
    EXPECT_EQ(cell(QStringLiteral("version"), QStringLiteral("GHT"), 3), QStringLiteral("2"));
    EXPECT_EQ(page->gridView()->currentIndex().data().toString(), QStringLiteral("Good"));
    EXPECT_EQ(page->wordingEdit()->text(), QStringLiteral("Good"));

    // The panel's wording, typed and confirmed with Enter.
    page->wordingEdit()->setFocus();
    page->wordingEdit()->selectAll();
    QTest::keyClicks(page->wordingEdit(), QStringLiteral("Good, with policies now updated"));
    QTest::keyClick(page->wordingEdit(), Qt::Key_Return);
    settle();
    EXPECT_EQ(cell(QStringLiteral("rating_text"), QStringLiteral("GHT"), 3),
              QStringLiteral("Good, with policies now updated"));

    // Comment bullets, one a line; empty lines are dropped.
    QTextEdit* comments = page->commentsEdit();
    comments->setFocus();
    comments->selectAll();
    QTest::keyClicks(comments, QStringLiteral("Policies reviewed"));
    QTest::keyClick(comments, Qt::Key_Return);
    QTest::keyClick(comments, Qt::Key_Return);
    QTest::keyClicks(comments, QStringLiteral("  SCR learning included  "));
    ASSERT_TRUE(page->saveCommentsButton()->isEnabled());
    QTest::mouseClick(page->saveCommentsButton(), Qt::LeftButton);
    settle();
    EXPECT_EQ(cell(QStringLiteral("comments"), QStringLiteral("GHT"), 3),
              QStringLiteral("Policies reviewed\nSCR learning included"));
    EXPECT_EQ(page->commentsEdit()->toPlainText(),
              QStringLiteral("Policies reviewed\nSCR learning included"));

    // Comments typed and left unsaved go with the cell when the user moves on.
    comments->setFocus();
    comments->selectAll();
    QTest::keyClicks(comments, QStringLiteral("Moved on without saving"));
    ASSERT_TRUE(page->selectCell(QStringLiteral("GHT"), 4));
    settle();
    EXPECT_EQ(cell(QStringLiteral("comments"), QStringLiteral("GHT"), 3),
              QStringLiteral("Moved on without saving"));
    EXPECT_EQ(page->commentsEdit()->toPlainText(),
              QStringLiteral("Note the planned QI initiative of 'voice of the child/young person'"));
}

TEST_F(PageFixture, ClearingACellAsksFirst)
{
    int asked = 0;
    bool answer = false;
    page->setConfirm([&](QWidget*, const QString&, const QString&) {
        ++asked;
        return answer;
    });
    ASSERT_TRUE(page->selectCell(QStringLiteral("YOS"), 4));
    QComboBox* rating = page->ratingCombo();
    rating->setCurrentIndex(0); // "Not rated"
    emit rating->activated(0);
    settle();
    EXPECT_EQ(asked, 1);
    EXPECT_EQ(cell(QStringLiteral("rating"), QStringLiteral("YOS"), 4), QStringLiteral("good")) << "declined";
    EXPECT_EQ(rating->currentData().toString(), QStringLiteral("good"));
    answer = true;
    rating->setCurrentIndex(0);
    emit rating->activated(0);
    settle();
    EXPECT_EQ(test::scalar(*db, QStringLiteral("SELECT count(*) FROM s11_ratings")), 35);
}

TEST_F(PageFixture, ListsTheAuditsRecommendationsAndOpensTheirReview)
{
    QTableWidget* list = page->recommendationsView();
    ASSERT_EQ(list->rowCount(), 8);
    EXPECT_EQ(list->item(0, 0)->text(), QStringLiteral("1"));
    EXPECT_TRUE(
        list->item(0, 1)->text().startsWith(QStringLiteral("The GSCP should consider giving greater")));
    EXPECT_EQ(list->item(6, 1)->text(), QStringLiteral("Include an ambassador on any future S11 panels"));
    EXPECT_EQ(list->item(7, 0)->text(), QStringLiteral("8"));
    EXPECT_EQ(list->item(0, 2)->data(Qt::UserRole).toInt(), 0) << "no actions yet";

    QSignalSpy open(page.get(), &Section11Page::openReview);
    const QModelIndex item = list->model()->index(2, 1);
    list->scrollTo(item);
    const QPoint at = list->visualRect(item).center();
    // As a person does it: a click, then the second click of the pair.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::NoModifier, at);
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, Qt::NoModifier, at);
    settle();
    ASSERT_EQ(open.count(), 1);
    EXPECT_EQ(open.at(0).at(0).toLongLong(), review2020);
}

TEST_F(PageFixture, ComparisonWithAnotherAuditIsOfferedOnlyWhenThereIsOne)
{
    EXPECT_EQ(page->comparisonCombo()->count(), 1) << "None: the sample has one audit";
    EXPECT_FALSE(page->setComparison(review2020)) << "not with itself";
    EXPECT_TRUE(page->setComparison(0));
    EXPECT_EQ(page->gridModel()->comparisonAuditId(), 0);
}

TEST_F(PageFixture, ANewAuditYearOpensComparedWithTheLastOne)
{
    QSignalSpy changed(page.get(), &Section11Page::changed);
    EXPECT_FALSE(page->startNextAudit(2020)) << "2020 has its audit already";
    ASSERT_TRUE(page->startNextAudit(2021));
    EXPECT_EQ(changed.count(), 1);
    EXPECT_NE(page->reviewId(), review2020);
    EXPECT_EQ(page->comparisonReviewId(), review2020);
    EXPECT_EQ(page->auditCombo()->count(), 2);
    // Nine agencies and four standards, nothing rated yet; and the Partnership row.
    EXPECT_EQ(page->gridModel()->rowCount(), 10);
    EXPECT_EQ(page->gridModel()->columnCount(), 4);
    EXPECT_EQ(test::scalar(*db, QStringLiteral("SELECT count(*) FROM s11_ratings r JOIN s11_audits a ON "
                                               "a.id = r.audit_id WHERE a.year = 2021")),
              0);
}
