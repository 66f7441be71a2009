// The papers' content, read from the sample data. Expected values are typed
// from the published Child X plan (seed 002) and its version history, not
// from the sample JSON, so a transcription or query slip shows up here.

#include "db/PaperQueries.h"

#include "TestSupport.h"
#include "db/PlanQueries.h"
#include "db/StatusQueries.h"

#include <QSqlQuery>
#include <gtest/gtest.h>

using namespace rt;

namespace {

int columnIndex(const PaperTable& t, const QString& header)
{
    for (int i = 0; i < t.columns.size(); ++i)
        if (t.columns[i].header == header)
            return i;
    return -1;
}

QStringList columnTexts(const PaperTable& t, const QString& header)
{
    const int c = columnIndex(t, header);
    QStringList out;
    for (const PaperRow& r : t.rows)
        out.append(c < 0 ? QStringLiteral("<no column %1>").arg(header) : r.cells.value(c).plainText());
    return out;
}

class PaperQueriesTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        db = test::sampleDatabase(dir.file(QStringLiteral("sample.rtdb")));
        ASSERT_TRUE(db);
        childX = PlanQueries(db->connection()).findReview(QStringLiteral("Child X"));
        ASSERT_NE(childX, 0);
    }

    test::TempDir dir;
    std::unique_ptr<Database> db;
    qint64 childX = 0;
    const QDate asOf{2024, 6, 30};
};

TEST_F(PaperQueriesTest, ChildXPlanListsEveryRecommendationInThePublishedOrder)
{
    PaperQueries queries(db->connection());
    Paper paper;
    ASSERT_TRUE(queries.actionPlan(childX, asOf, &paper)) << queries.errorString().toStdString();
    ASSERT_GE(paper.tables.size(), 1);
    const PaperTable& plan = paper.tables[0];
    // Parents (1, 2 …) head their sub-recommendations, as in the document.
    const QStringList expected = {
        QStringLiteral("1"),   QStringLiteral("1.1"), QStringLiteral("1.2"), QStringLiteral("1.3"),
        QStringLiteral("1.4"), QStringLiteral("1.5"), QStringLiteral("2"),   QStringLiteral("2.1"),
        QStringLiteral("2.2"), QStringLiteral("3"),   QStringLiteral("3.1"), QStringLiteral("4"),
        QStringLiteral("4.1"), QStringLiteral("4.2"), QStringLiteral("5"),   QStringLiteral("5.1"),
        QStringLiteral("6"),   QStringLiteral("6.1"), QStringLiteral("6.2"), QStringLiteral("7"),
        QStringLiteral("7.1"), QStringLiteral("8"),   QStringLiteral("8.1"), QStringLiteral("8.2"),
        QStringLiteral("8.3"), QStringLiteral("9"),   QStringLiteral("9.1"), QStringLiteral("9.2"),
        QStringLiteral("9.3"), QStringLiteral("10"),  QStringLiteral("10.1")};
    EXPECT_EQ(columnTexts(plan, QStringLiteral("#")), expected);

    const int row11 = expected.indexOf(QStringLiteral("1.1"));
    const QStringList owners = columnTexts(plan, QStringLiteral("Responsible Owner"));
    const QStringList targets = columnTexts(plan, QStringLiteral("Target Date"));
    const QStringList statuses = columnTexts(plan, QStringLiteral("Status"));
    const QStringList decisions = columnTexts(plan, QStringLiteral("Agreed / Partly Agreed / Not Agreed"));
    EXPECT_EQ(owners[row11], QStringLiteral("Interim Assistant Director Commissioning"));
    EXPECT_EQ(targets[row11], QStringLiteral("March 2024"));
    EXPECT_EQ(statuses[row11], QStringLiteral("Partially"));
    EXPECT_EQ(decisions[row11], QStringLiteral("Agreed"));
    EXPECT_EQ(decisions[expected.indexOf(QStringLiteral("3.1"))], QStringLiteral("Partly Agreed"));
    EXPECT_EQ(owners[expected.indexOf(QStringLiteral("10.1"))], QStringLiteral("GCC HoQ"));
    EXPECT_EQ(targets[expected.indexOf(QStringLiteral("1.2"))], QStringLiteral("Dec 2024"));
    EXPECT_EQ(statuses[expected.indexOf(QStringLiteral("9.1"))], QStringLiteral("Completed"));

    // The response cell reads as the published one: the action planned, then its update.
    const PaperCell& response =
        plan.rows[row11].cells[columnIndex(plan, QStringLiteral("Response / Action taken or planned"))];
    ASSERT_GE(response.paragraphs.size(), 2);
    EXPECT_EQ(response.paragraphs[0].label, QStringLiteral("Action Planned:"));
    EXPECT_TRUE(
        response.paragraphs[0].text.startsWith(QStringLiteral("The authority to undertake a comprehensive")));
    EXPECT_TRUE(response.paragraphs[1].label.startsWith(QStringLiteral("Action Update")));
    EXPECT_TRUE(response.paragraphs[1].text.contains(QStringLiteral("functional review of the whole Hub")));
    // A column only documents show, and one only spreadsheets show.
    EXPECT_EQ(plan.columns[columnIndex(plan, QStringLiteral("Response / Action taken or planned"))].use,
              PaperColumn::Use::DocumentOnly);
    EXPECT_EQ(plan.columns[columnIndex(plan, QStringLiteral("Review"))].use,
              PaperColumn::Use::SpreadsheetOnly);
}

TEST_F(PaperQueriesTest, ChildXPlanCarriesItsTitleBlockAndVersionHistory)
{
    PaperQueries queries(db->connection());
    Paper paper;
    ASSERT_TRUE(queries.actionPlan(childX, asOf, &paper));
    EXPECT_EQ(paper.title,
              QStringLiteral("Action Plan in Response to: Child X Local Child Safeguarding Practice Review"));
    EXPECT_EQ(paper.organisation, QStringLiteral("Gloucestershire Safeguarding Children Partnership"));
    QHash<QString, QString> facts;
    for (const auto& f : paper.facts)
        facts.insert(f.first, f.second);
    EXPECT_EQ(facts.value(QStringLiteral("Plan version")), QStringLiteral("8.0 of 26/02/2024"));
    EXPECT_EQ(paper.asOf, QDate(2024, 6, 30)); // the writers show it as "Figures as of"

    ASSERT_EQ(paper.tables.size(), 2);
    const PaperTable& versions = paper.tables[1];
    EXPECT_EQ(versions.role, PaperTable::Role::Supplementary);
    ASSERT_EQ(versions.rows.size(), 8);
    EXPECT_EQ(versions.rows[0].cells[0].plainText(), QStringLiteral("1.0"));
    EXPECT_EQ(versions.rows[0].cells[1].plainText(), QStringLiteral("23/08/2023"));
    EXPECT_EQ(versions.rows[0].cells[1].date, QDate(2023, 8, 23));
    EXPECT_EQ(versions.rows[7].cells[2].plainText(), QStringLiteral("Progress Update"));
}

TEST_F(PaperQueriesTest, HighlightReportListsExactlyTheOpenOverdueRedAndAmberActions)
{
    // Give some actions a RAG so Red and Amber both occur beside overdue.
    QSqlQuery q(db->connection());
    ASSERT_TRUE(
        q.exec(QStringLiteral("UPDATE actions SET rag = 'red' WHERE number = '1.2' AND review_id = %1")
                   .arg(childX)));
    ASSERT_TRUE(
        q.exec(QStringLiteral("UPDATE actions SET rag = 'amber' WHERE number = '5.1' AND review_id = %1")
                   .arg(childX)));
    ASSERT_TRUE(
        q.exec(QStringLiteral("UPDATE actions SET rag = 'amber' WHERE number = '4.2' AND review_id = %1")
                   .arg(childX)));

    PaperQueries queries(db->connection());
    Paper paper;
    ASSERT_TRUE(queries.highlightReport(asOf, &paper)) << queries.errorString().toStdString();
    ASSERT_EQ(paper.tables.size(), 1);
    const PaperTable& t = paper.tables[0];
    // 20 overdue (the dashboard's figure as of 30/06/2024) + 1.2 Red (Dec 2024,
    // not overdue) + 4.2 Amber; 5.1 is Amber but Complete, so not listed.
    EXPECT_EQ(t.rows.size(), 22);
    QHash<QString, QString> facts;
    for (const auto& f : paper.facts)
        facts.insert(f.first, f.second);
    EXPECT_EQ(facts.value(QStringLiteral("Overdue")), QStringLiteral("20"));
    EXPECT_EQ(facts.value(QStringLiteral("Red")), QStringLiteral("1"));
    EXPECT_EQ(facts.value(QStringLiteral("Amber")), QStringLiteral("1"));

    // Each agency is headed once, and its rows follow together.
    QStringList headings;
    for (const PaperRow& r : t.rows)
        if (!r.groupHeading.isEmpty())
            headings.append(r.groupHeading);
    QStringList agencies = columnTexts(t, QStringLiteral("Agency"));
    agencies.removeDuplicates();
    EXPECT_EQ(headings, agencies);
    EXPECT_EQ(headings.constLast(), QStringLiteral("No agency recorded"));

    // Days overdue count from the original target: 10.1 was due 31/03/2024.
    const QStringList actionsText = columnTexts(t, QStringLiteral("Action"));
    const QStringList days = columnTexts(t, QStringLiteral("Days overdue"));
    int row101 = -1;
    for (int i = 0; i < actionsText.size(); ++i)
        if (actionsText[i].startsWith(QStringLiteral("10.1:")))
            row101 = i;
    ASSERT_GE(row101, 0);
    EXPECT_EQ(days[row101], QString::number(QDate(2024, 3, 31).daysTo(asOf)));
}

TEST_F(PaperQueriesTest, ExecutiveSummaryAgreesWithTheDashboardRule)
{
    PaperQueries queries(db->connection());
    Paper paper;
    ASSERT_TRUE(queries.executiveSummary(asOf, &paper)) << queries.errorString().toStdString();
    const PaperTable& t = paper.tables[0];
    EXPECT_EQ(t.rows.size(), test::scalar(*db, QStringLiteral("SELECT count(*) FROM reviews")));
    int childRow = -1;
    for (int i = 0; i < t.rows.size(); ++i)
        if (t.rows[i].cells[0].plainText().startsWith(QStringLiteral("Child X")))
            childRow = i;
    ASSERT_GE(childRow, 0);
    const PaperRow& r = t.rows[childRow];
    // 16 recommendations carry actions; 5.1 and 9.1 are complete: 2 of 16.
    EXPECT_EQ(r.cells[columnIndex(t, QStringLiteral("Recommendations"))].number, 16.0);
    EXPECT_EQ(r.cells[columnIndex(t, QStringLiteral("Complete"))].plainText(), QStringLiteral("2"));
    EXPECT_EQ(r.cells[columnIndex(t, QStringLiteral("% complete"))].plainText(), QStringLiteral("13 %"));
    EXPECT_EQ(r.cells[columnIndex(t, QStringLiteral("Overdue"))].plainText(), QStringLiteral("6"));
    EXPECT_EQ(r.cells[columnIndex(t, QStringLiteral("Overdue"))].fill, Rag::Red);

    int overdue = 0;
    for (const PaperRow& row : t.rows)
        overdue += row.cells[columnIndex(t, QStringLiteral("Overdue"))].number.value_or(-1000);
    EXPECT_EQ(overdue, StatusQueries(db->connection()).overdueCount(asOf));
}

TEST_F(PaperQueriesTest, AnUnknownReviewIsAnErrorNotAnEmptyPaper)
{
    PaperQueries queries(db->connection());
    Paper paper;
    EXPECT_FALSE(queries.actionPlan(987654, asOf, &paper));
    EXPECT_TRUE(queries.errorString().contains(QStringLiteral("987654")));
}

} // namespace
