#include "gui/MainWindow.h"

#include "TestSupport.h"
#include "gui/GuiLauncher.h"
#include "gui/dialogs/AboutDialog.h"
#include "models/ActionTableModel.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QStandardPaths>
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
    window.showAllActions();
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    EXPECT_TRUE(window.filterEdit()->hasFocus()) << "Ctrl+F focuses the filter box";
    QTest::keyClicks(window.filterEdit(), QStringLiteral("Workforce"));
    // The table follows after a short pause in typing.
    int filtered = all;
    for (int i = 0; i < 100 && filtered == all; ++i) {
        QTest::qWait(10);
        filtered = window.actionsView()->model()->rowCount();
    }
    EXPECT_GT(filtered, 0);
    EXPECT_LT(filtered, all);
    EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("sample.rtdb")));
}

TEST(AboutDialog, NamesTheOpenDatabase)
{
    rt::AboutDialog dialog(QStringLiteral("/shared/plans.rtdb"), 3);
    const auto labels = dialog.findChildren<QLabel*>();
    bool named = false;
    for (const QLabel* l : labels)
        named = named || l->text().contains(QStringLiteral("/shared/plans.rtdb (schema 3)"));
    EXPECT_TRUE(named);
    if (!qEnvironmentVariableIsEmpty("RT_SAVE_SCREENSHOTS"))
        dialog.grab().save(qEnvironmentVariable("RT_SAVE_SCREENSHOTS") + QStringLiteral("/about.png"));
}

TEST(GuiLauncher, FirstStartCreatesTheSampleDatabaseOnce)
{
    QStandardPaths::setTestModeEnabled(true);
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir(dir).removeRecursively();
    QString error;
    const QString path = rt::GuiLauncher::defaultDatabase(&error);
    ASSERT_FALSE(path.isEmpty()) << error.toStdString();
    EXPECT_TRUE(path.startsWith(dir));
    {
        Database db;
        ASSERT_TRUE(db.open(path, Database::OpenMode::ReadWrite));
        EXPECT_EQ(test::scalar(db, QStringLiteral("SELECT count(*) FROM reviews")), 5);
        db.exec(QStringLiteral("DELETE FROM reviews WHERE kind = 's11'"));
    }
    // The second start opens the user's file as it is, never reloading over it.
    EXPECT_EQ(rt::GuiLauncher::defaultDatabase(&error), path);
    Database again;
    ASSERT_TRUE(again.open(path, Database::OpenMode::ReadWrite));
    EXPECT_EQ(test::scalar(again, QStringLiteral("SELECT count(*) FROM reviews")), 4);
    again.close();
    QDir(dir).removeRecursively();
}

TEST(MainWindow, ADamagedTableIsReportedInTheWindow)
{
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("damaged.rtdb"));
    test::sampleDatabase(path).reset();
    const QByteArray bytes = test::damageTableRootPage(path, QStringLiteral("actions"));
    auto db = std::make_unique<Database>();
    ASSERT_TRUE(db->open(path, Database::OpenMode::ReadWrite)) << "the schema page is intact";
    MainWindow window;
    window.setDatabase(std::move(db));
    bool reported = false;
    for (const QLabel* label : window.findChildren<QLabel*>())
        reported = reported || (label->isVisibleTo(&window) &&
                                label->text().contains(QStringLiteral("could not be read")));
    EXPECT_TRUE(reported);
    window.setDatabase(nullptr);
    EXPECT_EQ(test::readAll(path), bytes);
}

TEST(MainWindow, AReadOnlyFileOpensForReadingWithNoEditors)
{
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("locked.rtdb"));
    test::sampleDatabase(path).reset();
    ASSERT_TRUE(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup));
    const QByteArray before = test::readAll(path);
    auto db = std::make_unique<Database>();
    ASSERT_TRUE(db->openForReading(path)) << db->errorString().toStdString();
    EXPECT_TRUE(db->isReadOnly());
    MainWindow window;
    window.setDatabase(std::move(db));
    QAbstractItemModel* model = window.actionsView()->model();
    const QModelIndex owner = model->index(0, rt::ActionTableModel::OwnerColumn);
    EXPECT_FALSE(model->flags(owner) & Qt::ItemIsEditable);
    EXPECT_FALSE(model->setData(owner, QStringLiteral("Someone else")));
    EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("read-only")));
    window.setDatabase(nullptr);
    EXPECT_EQ(test::readAll(path), before);
}
