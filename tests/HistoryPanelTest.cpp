// The change history in the window: a record's History tab, and the change
// log page with its filters. Pictures are saved when RT_SCREENSHOT_DIR is set.

#include "gui/pages/HistoryPanel.h"

#include "HistoryTestSupport.h"
#include "db/ActionRepository.h"
#include "db/HistoryQueries.h"
#include "gui/MainWindow.h"
#include "gui/pages/ActionDetailPane.h"
#include "gui/pages/HistoryLogPage.h"
#include "gui/pages/ReviewPage.h"
#include "gui/pages/Section11Page.h"
#include "models/HistoryTableModel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <gtest/gtest.h>

using namespace rt;
using namespace rt::test;

namespace {

// A log page over rows the test controls, read whole at each filter.
struct LogFixture : Sample
{
    LogFixture()
    {
        secondReviewId =
            test::scalar(*db, QStringLiteral("SELECT min(id) FROM reviews WHERE id <> %1").arg(reviewId));
        const QString a = QStringLiteral("action");
        aliceStatus = addRow(*db, QStringLiteral("2031-06-15T09:00:00Z"), QStringLiteral("alice"), a,
                             actionId, reviewId, QStringLiteral("status"), QStringLiteral("planned"),
                             QStringLiteral("in_progress"));
        bobStatus = addRow(*db, QStringLiteral("2031-05-04T09:00:00Z"), QStringLiteral("bob"), a,
                           otherActionId, reviewId, QStringLiteral("status"), QStringLiteral("in_progress"),
                           QStringLiteral("complete"));
        aliceUpdate = addRow(*db, QStringLiteral("2031-07-01T09:00:00Z"), QStringLiteral("alice"),
                             QStringLiteral("update"), 91000, reviewId, QStringLiteral("created"), QVariant(),
                             json({{QStringLiteral("date"), QStringLiteral("2031-07-01")},
                                   {QStringLiteral("text"), QStringLiteral("Zebra crossing audit done")}}),
                             a, actionId);
        bobRecommendation =
            addRow(*db, QStringLiteral("2031-06-20T09:00:00Z"), QStringLiteral("bob"),
                   QStringLiteral("recommendation"), 92000, secondReviewId, QStringLiteral("title"),
                   QStringLiteral("Old title"), QStringLiteral("New title"));
        page = std::make_unique<HistoryLogPage>(db->connection());
        page->model()->setTimeBudget(0);
        page->reload();
    }

    // Every row now shown, read to the end.
    QVector<HistoryEntry> shown()
    {
        readAllRows(*page->model());
        QVector<HistoryEntry> rows;
        for (int row = 0; row < page->model()->rowCount(); ++row)
            rows << *page->model()->entryAt(row);
        return rows;
    }

    static bool has(const QVector<HistoryEntry>& rows, qint64 id)
    {
        return std::any_of(rows.begin(), rows.end(), [id](const HistoryEntry& e) { return e.id == id; });
    }

    static void choose(QComboBox* combo, const QString& text)
    {
        const int at = combo->findText(text);
        ASSERT_GE(at, 0) << text.toStdString();
        combo->setCurrentIndex(at);
    }

    qint64 secondReviewId = 0;
    qint64 aliceStatus = 0, bobStatus = 0, aliceUpdate = 0, bobRecommendation = 0;
    std::unique_ptr<HistoryLogPage> page;
};

} // namespace

TEST(HistoryLog, EachFilterNarrowsTheLog)
{
    LogFixture f;
    QVector<HistoryEntry> rows = f.shown();
    for (qint64 id : {f.aliceStatus, f.bobStatus, f.aliceUpdate, f.bobRecommendation})
        EXPECT_TRUE(f.has(rows, id)) << "unfiltered, row " << id << " is shown";
    EXPECT_EQ(rows.first().id, f.aliceUpdate) << "newest first";

    LogFixture::choose(f.page->whoCombo(), QStringLiteral("alice"));
    rows = f.shown();
    EXPECT_TRUE(f.has(rows, f.aliceStatus));
    EXPECT_TRUE(f.has(rows, f.aliceUpdate));
    for (const HistoryEntry& e : rows)
        EXPECT_EQ(e.who, QStringLiteral("alice"));
    f.page->clearFilters();

    LogFixture::choose(f.page->kindCombo(), QStringLiteral("Progress updates"));
    rows = f.shown();
    EXPECT_TRUE(f.has(rows, f.aliceUpdate));
    for (const HistoryEntry& e : rows)
        EXPECT_EQ(e.entity, QStringLiteral("update"));
    f.page->clearFilters();

    LogFixture::choose(f.page->fieldCombo(), QStringLiteral("Status"));
    rows = f.shown();
    EXPECT_TRUE(f.has(rows, f.aliceStatus));
    EXPECT_TRUE(f.has(rows, f.bobStatus));
    for (const HistoryEntry& e : rows)
        EXPECT_EQ(e.field, QStringLiteral("status"));
    f.page->clearFilters();

    f.page->reviewCombo()->setCurrentIndex(f.page->reviewCombo()->findData(f.secondReviewId));
    rows = f.shown();
    EXPECT_TRUE(f.has(rows, f.bobRecommendation));
    EXPECT_FALSE(f.has(rows, f.aliceStatus));
    for (const HistoryEntry& e : rows)
        EXPECT_EQ(e.reviewId, f.secondReviewId);
    f.page->clearFilters();

    f.page->fromEdit()->setDate(QDate(2031, 6, 1));
    f.page->toEdit()->setDate(QDate(2031, 6, 30));
    rows = f.shown();
    EXPECT_TRUE(f.has(rows, f.aliceStatus));
    EXPECT_TRUE(f.has(rows, f.bobRecommendation));
    EXPECT_FALSE(f.has(rows, f.bobStatus)) << "before the range";
    EXPECT_FALSE(f.has(rows, f.aliceUpdate)) << "after the range";
    for (const HistoryEntry& e : rows) {
        EXPECT_GE(e.at.toLocalTime().date(), QDate(2031, 6, 1));
        EXPECT_LE(e.at.toLocalTime().date(), QDate(2031, 6, 30));
    }
    f.page->clearFilters();

    // Free text: in a value (any case), a status as it reads, the record's number.
    f.page->textEdit()->setText(QStringLiteral("zebra"));
    emit f.page->textEdit()->returnPressed();
    rows = f.shown();
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows.first().id, f.aliceUpdate);
    f.page->textEdit()->setText(QStringLiteral("In progress"));
    emit f.page->textEdit()->returnPressed();
    rows = f.shown();
    EXPECT_TRUE(f.has(rows, f.aliceStatus));
    EXPECT_TRUE(f.has(rows, f.bobStatus));
    EXPECT_FALSE(f.has(rows, f.bobRecommendation));
    f.page->textEdit()->setText(f.actionNumber);
    emit f.page->textEdit()->returnPressed();
    rows = f.shown();
    EXPECT_TRUE(f.has(rows, f.aliceStatus)) << "a status change found by its action's number";
    f.page->clearFilters();

    // Combined: alice's status changes to actions.
    LogFixture::choose(f.page->whoCombo(), QStringLiteral("alice"));
    LogFixture::choose(f.page->kindCombo(), QStringLiteral("Actions"));
    LogFixture::choose(f.page->fieldCombo(), QStringLiteral("Status"));
    rows = f.shown();
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows.first().id, f.aliceStatus);
    EXPECT_TRUE(f.page->statusLabel()->text().contains(QStringLiteral("1 change")));

    f.page->clearFilters();
    EXPECT_TRUE(f.has(f.shown(), f.bobRecommendation));
}

TEST(HistoryLog, PagesAreFetchedAsTheViewAsks)
{
    Sample s;
    QSqlQuery q(s.db->connection());
    ASSERT_TRUE(q.exec(QStringLiteral(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 450) "
        "INSERT INTO history(at, who, entity, entity_id, review_id, field, old_value, new_value) "
        "SELECT printf('2031-08-01T10:%02d:%02dZ', i / 60, i % 60), 'pager', 'action', i, NULL, 'rag', "
        "'red', "
        "'amber' FROM n")))
        << q.lastError().text().toStdString();
    HistoryTableModel model(s.db->connection());
    model.setTimeBudget(0);
    HistoryFilter f;
    f.who = QStringLiteral("pager");
    model.setFilter(f);
    EXPECT_EQ(model.rowCount(), HistoryTableModel::kPageSize);
    EXPECT_TRUE(model.canFetchMore());
    model.fetchMore();
    EXPECT_EQ(model.rowCount(), 2 * HistoryTableModel::kPageSize);
    model.fetchMore();
    EXPECT_EQ(model.rowCount(), 450);
    EXPECT_FALSE(model.canFetchMore());
    EXPECT_TRUE(model.atEnd());
    // Every row once, newest first.
    QSet<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row) {
        ids.insert(model.entryAt(row)->id);
        if (row > 0)
            EXPECT_GE(model.entryAt(row - 1)->at, model.entryAt(row)->at);
    }
    EXPECT_EQ(ids.size(), 450);
}

TEST(HistoryLog, ARareMatchIsSearchedForSliceBySlice)
{
    Sample s;
    QSqlQuery q(s.db->connection());
    ASSERT_TRUE(q.exec(QStringLiteral(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60000) "
        "INSERT INTO history(at, who, entity, entity_id, review_id, field, old_value, new_value) "
        "SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 1930000000 + i * 60, 'unixepoch'), "
        "CASE WHEN i IN (10, 30000, 59990) THEN 'rare' ELSE 'common' END, 'action', i, NULL, 'rag', 'red', "
        "'amber' FROM n")))
        << q.lastError().text().toStdString();

    HistoryTableModel model(s.db->connection());
    model.setTimeBudget(1);
    HistoryFilter f;
    f.text = QStringLiteral("rare"); // matched against every row: no index helps
    model.setFilter(f);
    EXPECT_TRUE(model.isSearching()) << "the search yields to the event loop between slices";
    EXPECT_FALSE(model.canFetchMore()) << "a page already being looked for is not asked for twice";
    QElapsedTimer clock;
    clock.start();
    while (model.isSearching() && clock.elapsed() < 30000)
        QCoreApplication::processEvents();
    ASSERT_FALSE(model.isSearching());
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.entryAt(0)->entityId, 59990);
    EXPECT_EQ(model.entryAt(1)->entityId, 30000);
    EXPECT_EQ(model.entryAt(2)->entityId, 10);
    EXPECT_TRUE(model.atEnd());
}

TEST(HistoryLog, DoubleClickOrEnterOpensTheRecord)
{
    LogFixture f;
    const qint64 review =
        addRow(*f.db, QStringLiteral("2032-01-01T09:00:00Z"), QStringLiteral("erin"),
               QStringLiteral("review"), f.secondReviewId, f.secondReviewId, QStringLiteral("summary"),
               QStringLiteral(""), QStringLiteral("Short summary"));
    const qint64 gone = addRow(
        *f.db, QStringLiteral("2032-01-01T09:01:00Z"), QStringLiteral("erin"), QStringLiteral("owner"),
        999999, 0, QStringLiteral("deleted"),
        json({{QStringLiteral("id"), 999999}, {QStringLiteral("name"), QStringLiteral("Gone")}}), QVariant());
    f.page->resize(1200, 600);
    f.page->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(f.page.get()));
    f.page->reload();
    QTableView* view = f.page->view();
    QSignalSpy actions(f.page.get(), &HistoryLogPage::openAction);
    QSignalSpy reviews(f.page.get(), &HistoryLogPage::openReview);
    QSignalSpy messages(f.page.get(), &HistoryLogPage::message);

    const QModelIndex statusRow = f.page->model()->index(rowOf(*f.page->model(), f.aliceStatus), 1);
    view->scrollTo(statusRow);
    // As a person does it: a click, then the second click of the pair.
    const QPoint at = view->visualRect(statusRow).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
    ASSERT_EQ(actions.count(), 1);
    EXPECT_EQ(actions.first().at(0).toLongLong(), f.reviewId);
    EXPECT_EQ(actions.first().at(1).toLongLong(), f.actionId);

    view->setCurrentIndex(f.page->model()->index(rowOf(*f.page->model(), review), 1));
    QTest::keyClick(view, Qt::Key_Return);
    ASSERT_EQ(reviews.count(), 1);
    EXPECT_EQ(reviews.first().at(0).toLongLong(), f.secondReviewId);

    view->setCurrentIndex(f.page->model()->index(rowOf(*f.page->model(), gone), 1));
    QTest::keyClick(view, Qt::Key_Return);
    EXPECT_EQ(actions.count(), 1);
    EXPECT_EQ(reviews.count(), 1);
    ASSERT_EQ(messages.count(), 1);
    EXPECT_TRUE(messages.first().at(0).toString().contains(QStringLiteral("no longer")));
}

TEST(HistoryViews, CannotBeEdited)
{
    LogFixture f;
    HistoryTableModel* model = f.page->model();
    ASSERT_GT(model->rowCount(), 0);
    for (int column = 0; column < HistoryTableModel::ColumnCount; ++column) {
        const QModelIndex index = model->index(0, column);
        EXPECT_FALSE(model->flags(index) & Qt::ItemIsEditable);
        EXPECT_FALSE(model->setData(index, QStringLiteral("changed")));
    }
    HistoryPanel panel(f.db->connection());
    for (QTableView* view : {f.page->view(), panel.view()})
        EXPECT_EQ(view->editTriggers(), QAbstractItemView::NoEditTriggers);
    f.page->show();
    QTableView* view = f.page->view();
    view->setCurrentIndex(model->index(0, HistoryTableModel::ToColumn));
    QTest::keyClick(view, Qt::Key_F2);
    EXPECT_EQ(view->viewport()->findChild<QLineEdit*>(), nullptr);
}

TEST(HistoryViews, ReadOnlyDatabaseShowsHistory)
{
    QString path;
    qint64 row = 0;
    test::TempDir keep;
    {
        Sample s;
        row = addRow(*s.db, QStringLiteral("2031-09-09T09:09:00Z"), QStringLiteral("frank"),
                     QStringLiteral("action"), s.actionId, s.reviewId, QStringLiteral("rag"),
                     QStringLiteral("red"), QStringLiteral("green"));
        path = keep.file(QStringLiteral("copy.rtdb"));
        QSqlQuery q(s.db->connection());
        ASSERT_TRUE(q.exec(QStringLiteral("VACUUM INTO '%1'").arg(path)))
            << q.lastError().text().toStdString();
    }
    Database db;
    ASSERT_TRUE(db.open(path, Database::OpenMode::ReadOnly)) << db.errorString().toStdString();
    HistoryLogPage page(db.connection());
    page.model()->setTimeBudget(0);
    page.reload();
    ASSERT_GT(page.model()->rowCount(), 0);
    EXPECT_EQ(page.model()->entryAt(0)->id, row);
    EXPECT_EQ(page.model()->index(0, HistoryTableModel::ToColumn).data().toString(), QStringLiteral("Green"));
    EXPECT_GE(page.whoCombo()->findText(QStringLiteral("frank")), 0);
}

TEST(HistoryPanel, TheActionPaneShowsTheActionsHistoryAfterEachEdit)
{
    Sample s;
    ActionDetailPane pane(s.db->connection());
    pane.resize(560, 760);
    pane.setAction(s.actionId);
    HistoryPanel* panel = pane.findChild<HistoryPanel*>();
    ASSERT_NE(panel, nullptr) << "the action pane has a History tab";
    auto* tabs = qobject_cast<QTabWidget*>(panel->parentWidget()->parentWidget());
    ASSERT_NE(tabs, nullptr);
    tabs->setCurrentWidget(panel);
    pane.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&pane));

    // A status the action does not have yet, so the change is logged.
    const bool wasPartial =
        test::text(*s.db, QStringLiteral("SELECT status FROM actions WHERE id = %1").arg(s.actionId)) ==
        QLatin1String("partial");
    ActionRepository repo(s.db->connection());
    ASSERT_TRUE(repo.setField(s.actionId, ActionRepository::Field::Status,
                              wasPartial ? QStringLiteral("superseded") : QStringLiteral("partial")))
        << repo.errorString().toStdString();
    ASSERT_TRUE(repo.setField(s.actionId, ActionRepository::Field::Rag, QStringLiteral("amber")));
    ASSERT_TRUE(repo.setField(s.actionId, ActionRepository::Field::Target, QStringLiteral("March 2025")));
    pane.setAction(s.actionId); // the pane reloads after an edit
    HistoryTableModel* model = panel->model();
    readAllRows(*model);
    ASSERT_GT(model->rowCount(), 0);
    QStringList whats;
    for (int row = 0; row < model->rowCount(); ++row)
        whats << model->index(row, HistoryTableModel::WhatColumn).data().toString();
    EXPECT_TRUE(whats.contains(QStringLiteral("Status"))) << whats.join(QLatin1Char('|')).toStdString();
    EXPECT_TRUE(whats.contains(QStringLiteral("RAG rating")));
    EXPECT_TRUE(whats.contains(QStringLiteral("Target date")));
    bool partial = false;
    for (int row = 0; row < model->rowCount(); ++row)
        partial |= model->index(row, HistoryTableModel::ToColumn).data().toString() ==
                   (wasPartial ? QLatin1String("Superseded") : QLatin1String("Partially complete"));
    EXPECT_TRUE(partial) << "the status reads as its label";
    EXPECT_TRUE(panel->view()->isColumnHidden(HistoryTableModel::RecordColumn));
    saveShot(&pane, QStringLiteral("history-action-tab.png"));
}

TEST(HistoryPanel, TheReviewPageHasAHistoryTab)
{
    Sample s;
    addRow(*s.db, QStringLiteral("2031-10-10T10:10:00Z"), QStringLiteral("gina"), QStringLiteral("review"),
           s.reviewId, s.reviewId, QStringLiteral("title"), QStringLiteral("Old name"),
           QStringLiteral("New name"));
    ReviewPage page(s.db->connection(), s.reviewId, false);
    auto* tabs = page.findChild<QTabWidget*>();
    ASSERT_NE(tabs, nullptr);
    int historyTab = -1;
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->tabText(i) == QLatin1String("Histo&ry"))
            historyTab = i;
    }
    ASSERT_GE(historyTab, 0);
    auto* panel = qobject_cast<HistoryPanel*>(tabs->widget(historyTab));
    ASSERT_NE(panel, nullptr);
    tabs->setCurrentIndex(historyTab);
    page.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
    ASSERT_GT(panel->model()->rowCount(), 0);
    EXPECT_EQ(panel->model()->index(0, HistoryTableModel::ToColumn).data().toString(),
              QStringLiteral("New name"));
    // Everything in the review: its actions' changes too.
    addRow(*s.db, QStringLiteral("2031-10-10T10:11:00Z"), QStringLiteral("gina"), QStringLiteral("action"),
           s.actionId, s.reviewId, QStringLiteral("status"), QStringLiteral("planned"),
           QStringLiteral("complete"));
    panel->model()->setTimeBudget(0);
    panel->reviewWideBox()->setChecked(true);
    ASSERT_GT(panel->model()->rowCount(), 0);
    EXPECT_EQ(panel->model()->index(0, HistoryTableModel::WhatColumn).data().toString(),
              QStringLiteral("Status"));
    EXPECT_FALSE(panel->view()->isColumnHidden(HistoryTableModel::RecordColumn));
    page.resize(1400, 700);
    saveShot(&page, QStringLiteral("history-review-tab.png"));
}

TEST(HistoryLog, Screenshot)
{
    LogFixture f;
    ActionRepository repo(f.db->connection());
    ASSERT_TRUE(repo.setField(f.actionId, ActionRepository::Field::Status, QStringLiteral("complete")));
    f.page->resize(1400, 800);
    f.page->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(f.page.get()));
    f.page->reload();
    EXPECT_GT(f.page->model()->rowCount(), 3);
    saveShot(f.page.get(), QStringLiteral("history-change-log.png"));
}

TEST(HistoryLog, TheWindowShowsItFromTheViewMenu)
{
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("sample.rtdb"));
    test::sampleDatabase(path).reset();
    auto db = std::make_unique<Database>();
    ASSERT_TRUE(db->open(path, Database::OpenMode::ReadWrite)) << db->errorString().toStdString();
    MainWindow window;
    window.setDatabase(std::move(db));
    ASSERT_NE(window.changeLog(), nullptr);
    QAction* show = nullptr;
    int ctrlH = 0;
    for (QAction* menu : window.menuBar()->actions()) {
        if (!menu->menu())
            continue;
        for (QAction* a : menu->menu()->actions()) {
            if (a->text() == QLatin1String("Change &log"))
                show = a;
            ctrlH += a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_H) ? 1 : 0;
        }
    }
    ASSERT_NE(show, nullptr);
    EXPECT_EQ(show->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_H));
    EXPECT_EQ(ctrlH, 1) << "the shortcut is not taken by another command";
    show->trigger();
    EXPECT_EQ(window.tabs()->currentWidget(), window.changeLog());
    EXPECT_EQ(window.tabs()->tabText(window.tabs()->currentIndex()), QStringLiteral("Change log"));
}

TEST(HistoryPanel, ASection11CellShowsEveryRatingItHasHad)
{
    Sample s;
    Section11Page page(s.db->connection());
    page.setConfirm([](QWidget*, const QString&, const QString&) { return true; });
    page.resize(1600, 1000);
    page.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
    HistoryPanel* panel = page.cellHistory();
    ASSERT_NE(panel, nullptr);
    qobject_cast<QTabWidget*>(panel->parentWidget()->parentWidget())->setCurrentWidget(panel);
    panel->model()->setTimeBudget(0);

    auto rate = [&page](const char* code) {
        QComboBox* rating = page.ratingCombo();
        const int at = rating->findData(QLatin1String(code));
        rating->setCurrentIndex(at);
        emit rating->activated(at); // as a pick from the list does
    };
    ASSERT_TRUE(page.selectCell(QStringLiteral("GHT"), 3));
    rate("good");
    QPushButton* clear = nullptr;
    for (QPushButton* b : page.findChildren<QPushButton*>()) {
        if (b->text() == QStringLiteral("C&lear rating…"))
            clear = b;
    }
    ASSERT_NE(clear, nullptr);
    clear->click();     // the cell's row is deleted …
    rate("inadequate"); // … and a new one made
    ASSERT_TRUE(page.selectCell(QStringLiteral("GHT"), 3));
    readAllRows(*panel->model());
    QStringList whats;
    for (int row = 0; row < panel->model()->rowCount(); ++row) {
        whats << panel->model()->index(row, HistoryTableModel::WhatColumn).data().toString();
        EXPECT_EQ(panel->model()->entryAt(row)->entity, QStringLiteral("s11_rating"));
    }
    EXPECT_EQ(whats.value(0), QStringLiteral("Rating given")) << whats.join(QLatin1Char('|')).toStdString();
    EXPECT_TRUE(whats.contains(QStringLiteral("Rating cleared")));
    EXPECT_TRUE(whats.contains(QStringLiteral("Rating")));
    EXPECT_TRUE(panel->model()
                    ->index(0, HistoryTableModel::ChangeColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("Inadequate")));
    saveShot(&page, QStringLiteral("history-s11-cell.png"));
    // Another cell's changes are not this cell's.
    ASSERT_TRUE(page.selectCell(QStringLiteral("GHT"), 4));
    readAllRows(*panel->model());
    for (int row = 0; row < panel->model()->rowCount(); ++row)
        EXPECT_NE(panel->model()->index(row, HistoryTableModel::WhatColumn).data().toString(),
                  QStringLiteral("Rating cleared"));
}
