#include "gui/MainWindow.h"

#include "TestSupport.h"
#include "models/ActionTableModel.h"

#include <QImage>
#include <QLineEdit>
#include <QProcess>
#include <QTableView>
#include <QTest>
#include <gtest/gtest.h>

using namespace rt;

TEST(MainWindow, ShowsReviewsAndFiltersActionsFromTheKeyboard)
{
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("sample.rtdb"));
    test::sampleDatabase(path).reset();
    auto db = std::make_unique<Database>();
    ASSERT_TRUE(db->open(path, Database::OpenMode::ReadWrite));
    MainWindow window;
    window.setDatabase(std::move(db));
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    EXPECT_EQ(window.reviewsView()->model()->rowCount(), 5);
    const int all = window.actionsView()->model()->rowCount();
    EXPECT_EQ(all, 32);
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    EXPECT_TRUE(window.filterEdit()->hasFocus()) << "Ctrl+F focuses the filter box";
    QTest::keyClicks(window.filterEdit(), QStringLiteral("Workforce"));
    const int filtered = window.actionsView()->model()->rowCount();
    EXPECT_GT(filtered, 0);
    EXPECT_LT(filtered, all);
    EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("sample.rtdb")));
}
