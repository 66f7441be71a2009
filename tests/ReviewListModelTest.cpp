#include "models/ReviewListModel.h"

#include "TestSupport.h"

#include <QAbstractItemModelTester>
#include <gtest/gtest.h>

using namespace rt;

TEST(ReviewListModel, ListsTheSampleReviewsWithTheirFigures)
{
    test::TempDir dir;
    auto db = test::sampleDatabase(dir.file(QStringLiteral("sample.rtdb")));
    ReviewListModel model(db->connection());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_EQ(model.rowCount(), 5);
    QStringList titles;
    for (int row = 0; row < model.rowCount(); ++row)
        titles << model.data(model.index(row, ReviewListModel::TitleColumn)).toString();
    EXPECT_TRUE(titles.contains(QStringLiteral("Child X")));
    const int childX = static_cast<int>(titles.indexOf(QStringLiteral("Child X")));
    EXPECT_EQ(model.data(model.index(childX, ReviewListModel::KindColumn)).toString(),
              QStringLiteral("LCSPR"));
    EXPECT_EQ(model.data(model.index(childX, ReviewListModel::RecommendationsColumn)).toInt(), 31);
    model.setAsOf(QDate(2024, 6, 30));
    EXPECT_GT(model.data(model.index(childX, ReviewListModel::OverdueColumn)).toInt(), 0);
}
