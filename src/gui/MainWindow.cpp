#include "MainWindow.h"

#include "TablePanel.h"
#include "db/ActionRepository.h"
#include "db/Database.h"
#include "db/PlanQueries.h"
#include "db/ReviewRepository.h"
#include "dialogs/AboutDialog.h"
#include "dialogs/ConfirmDelete.h"
#include "dialogs/OwnersDialog.h"
#include "editors/ActionEditors.h"
#include "editors/OwnerDelegate.h"
#include "models/ActionTableModel.h"
#include "models/ReviewListModel.h"
#include "pages/ActionsPage.h"
#include "pages/FilterBar.h"
#include "pages/ReviewPage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

// The window's icons live in rtgui, a static library: its resources are
// registered by hand, or the linker drops them.
static void initGuiResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace rt {

namespace {

constexpr int kMaxRecent = 8;

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    initGuiResources();
    setWindowTitle(tr("Review Tracker"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/review-tracker.svg")));

    auto* reviewsView = TablePanel::newTable();
    reviewsView->setWordWrap(false);
    reviewsView->verticalHeader()->setDefaultSectionSize(reviewsView->fontMetrics().height() + 8);
    reviewsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_reviewsPanel = new TablePanel(tr("Reviews — Enter or double-click opens one for editing"), reviewsView);
    m_reviewsPanel->setFilterPlaceholder(tr("Filter reviews (Ctrl+F)"));
    connect(reviewsView, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        const QModelIndex source = m_reviewsPanel->toSource(index);
        openReview(m_reviews->data(source, ReviewListModel::ReviewIdRole).toLongLong());
    });

    m_tabs = new QTabWidget;
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(false);
    m_tabs->addTab(m_reviewsPanel, tr("Reviews"));
    // The fixed tabs cannot be closed; review tabs can.
    for (int i = 0; i < m_tabs->count(); ++i)
        keepTabOpen(i);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    // Edits in a review page leave the reviews' figures and the all-actions
    // table stale; they are read again when shown, not on every keystroke.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        QWidget* page = m_tabs->widget(index);
        if (page == m_reviewsPanel && m_reviewsStale)
            refreshReviews();
        else if (page == m_actionsPage && m_actionsStale && m_actionsPage) {
            m_actionsStale = false;
            m_actionsPage->refresh();
            updateStatus();
        }
        statusPageShown(page);
    });

    m_banner = new QLabel;
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(
        QStringLiteral("QLabel { background: #FFF4D6; padding: 6px; border-bottom: 1px solid #E0C97A; }"));
    m_banner->hide();

    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    m_count = new QLabel;
    statusBar()->addPermanentWidget(m_count);
    createMenus();

    // Edit commands act on the table the user last worked in.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget*, QWidget* now) {
        if (TablePanel* p = TablePanel::owning(now); p && isAncestorOf(p))
            m_lastPanel = p;
    });

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    if (!settings.contains(QStringLiteral("mainWindow/geometry")))
        resize(1500, 900);
}

MainWindow::~MainWindow()
{
    // Models and pages hold the connection: they go before the database closes.
    setDatabase(nullptr);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New database…"), this, &MainWindow::newFile);
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::openFile);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    rebuildRecentMenu();
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    addTrustActions(file, edit);
    file->addSeparator();
    addExchangeActions(file);
    file->addSeparator();
    file->addAction(tr("&Close tab"), QKeySequence::Close, this,
                    [this] { closeTab(m_tabs->currentIndex()); });
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    edit->addAction(tr("&Add row"), QKeySequence(Qt::CTRL | Qt::Key_N), this, [this] { addRow(false); });
    edit->addAction(tr("Add &sub-recommendation"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), this,
                    [this] { addRow(true); });
    edit->addAction(tr("&Delete row…"), QKeySequence(Qt::Key_Delete), this, [this] { deleteRow(); });
    edit->addSeparator();
    edit->addAction(tr("Move &up"), QKeySequence(Qt::ALT | Qt::Key_Up), this, [this] { moveRow(-1); });
    edit->addAction(tr("Move do&wn"), QKeySequence(Qt::ALT | Qt::Key_Down), this, [this] { moveRow(1); });
    edit->addSeparator();
    edit->addAction(tr("&Find in this table"), QKeySequence::Find, this, &MainWindow::focusFilter);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Dashboard"), QKeySequence(Qt::CTRL | Qt::Key_0), this, &MainWindow::showDashboard);
    view->addAction(tr("&Reviews"), QKeySequence(Qt::CTRL | Qt::Key_1), this, &MainWindow::showReviews);
    view->addAction(tr("All &actions"), QKeySequence(Qt::CTRL | Qt::Key_2), this,
                    &MainWindow::showAllActions);
    view->addAction(tr("Change &log"), QKeySequence(Qt::CTRL | Qt::Key_H), this, &MainWindow::showChangeLog);
    view->addSeparator();
    view->addAction(tr("Agencies and &owners…"), this, &MainWindow::showOwners);
    view->addAction(tr("Re&fresh"), QKeySequence::Refresh, this, &MainWindow::refreshAll);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Review Tracker"), this, [this] {
        AboutDialog dialog(m_db ? m_db->path() : QString(), m_db ? m_db->schemaVersion() : 0, this);
        dialog.exec();
    });
}

QTableView* MainWindow::actionsView() const
{
    return m_actionsPage ? m_actionsPage->view() : nullptr;
}

QTableView* MainWindow::reviewsView() const
{
    return static_cast<QTableView*>(m_reviewsPanel->view());
}

QLineEdit* MainWindow::filterEdit() const
{
    return m_actionsPage ? m_actionsPage->filterBar()->textEdit() : nullptr;
}

void MainWindow::setDatabase(std::unique_ptr<Database> db)
{
    for (int i = m_tabs->count() - 1; i >= 0; --i) {
        if (auto* page = qobject_cast<ReviewPage*>(m_tabs->widget(i))) {
            m_tabs->removeTab(i);
            delete page;
        }
    }
    detachStatusPages();
    if (m_actionsPage) {
        m_tabs->removeTab(m_tabs->indexOf(m_actionsPage));
        delete m_actionsPage; // owns its model
    }
    m_actionsPage = nullptr;
    m_reviewsPanel->view()->setModel(nullptr);
    delete m_reviews;
    m_actions = nullptr;
    m_reviews = nullptr;
    m_db = std::move(db);
    attachUndo();
    updateTrustActions();
    for (QAction* action : std::as_const(m_exchangeActions))
        action->setEnabled(m_db && (!m_db->isReadOnly() || !action->property("writes").toBool()));
    if (!m_db)
        return;
    rememberRecent(m_db->path());

    m_reviews = new ReviewListModel(m_db->connection(), this);
    m_reviewsPanel->setModel(m_reviews, TablePanel::Filtering::Proxy);
    // Widths from the longest value each column holds, not ResizeToContents,
    // which measures every title of a national database on each layout.
    QHeaderView* reviewHeader = reviewsView()->horizontalHeader();
    const QPair<int, const char*> reviewWidths[] = {{ReviewListModel::KindColumn, "LCSPR"},
                                                    {ReviewListModel::ReferenceColumn, "Ref. 0000"},
                                                    {ReviewListModel::YearColumn, "0000"},
                                                    {ReviewListModel::PublishedColumn, "September 2024"},
                                                    {ReviewListModel::RecommendationsColumn, "Recs 00"},
                                                    {ReviewListModel::ActionsColumn, "Actions"},
                                                    {ReviewListModel::OverdueColumn, "Overdue"},
                                                    {ReviewListModel::CompletionColumn, "Complete"}};
    for (const auto& [column, sample] : reviewWidths)
        reviewHeader->resizeSection(column, TablePanel::sampleWidth(reviewsView(), QLatin1String(sample)));
    reviewHeader->setSectionResizeMode(ReviewListModel::TitleColumn, QHeaderView::Stretch);
    reviewsView()->setCurrentIndex(reviewsView()->model()->index(0, ReviewListModel::TitleColumn));

    // Every action, with the filter bar; its filter is kept between sessions.
    m_actionsPage = new ActionsPage(m_db->connection(), QStringLiteral("allActions"));
    m_actions = m_actionsPage->model();
    m_actions->setReadOnly(m_db->isReadOnly());
    m_actionsPage->ownerDelegate()->setNames(ownerNames());
    const int actionsTab =
        m_tabs->insertTab(m_tabs->indexOf(m_reviewsPanel) + 1, m_actionsPage, tr("All actions"));
    m_tabs->setTabToolTip(actionsTab, tr("Every action of every review, filtered (Ctrl+2)"));
    keepTabOpen(actionsTab);
    connect(m_actions, &ActionTableModel::editRefused, this,
            [this](const QModelIndex&, const QString& reason) {
                statusBar()->showMessage(tr("Not saved: %1").arg(reason), 10000);
            });
    connect(m_actions, &QAbstractItemModel::dataChanged, this, [this] {
        m_reviewsStale = true;
        markStatusStale();
    });
    connect(m_actionsPage, &ActionsPage::filterChanged, this, &MainWindow::updateStatus);
    connect(m_actions, &ActionTableModel::countFinished, this, &MainWindow::updateStatus);
    connect(m_actionsPage, &ActionsPage::openAction, this, &MainWindow::openAction);

    const bool sample = m_db->path().endsWith(QLatin1String("sample.rtdb"));
    if (m_actions->rowCount() > 0)
        m_actions->data(m_actions->index(0, 0)); // reads the first block now, so damage shows at once
    if (!m_actions->lastError().isEmpty()) {
        // Shown in the window rather than in a modal box: the rest of the file
        // may still be readable, and nothing is written to it.
        m_banner->setText(
            tr("Part of this database could not be read: %1. Nothing has been changed; restore a "
               "backup or ask for the file to be repaired.")
                .arg(m_actions->lastError()));
        m_banner->setStyleSheet(QStringLiteral("QLabel { background: #FBE3E3; padding: 6px; }"));
        m_banner->show();
    } else if (m_db->isReadOnly()) {
        m_banner->setText(
            tr("This file is read-only: you can read and filter it, but changes cannot be saved."));
        m_banner->show();
    } else {
        m_banner->setText(tr("Sample data from published plans — File ▸ New to start your own"));
        m_banner->setVisible(sample);
    }
    // [*]: there is something to undo since the file was opened.
    setWindowTitle(
        tr("%1[*] — Review Tracker%2")
            .arg(QFileInfo(m_db->path()).fileName(), m_db->isReadOnly() ? tr(" (read-only)") : QString()));
    backupOnOpen();
    attachStatusPages();
    updateStatus();
}

QStringList MainWindow::ownerNames() const
{
    return m_db ? PlanQueries(m_db->connection()).ownerNames() : QStringList();
}

void MainWindow::refreshAll()
{
    refreshReviews();
    if (m_actionsPage)
        m_actionsPage->refresh();
    if (ReviewPage* page = currentReviewPage())
        page->reloadAll();
    refreshStatusPages();
}

void MainWindow::refreshReviews()
{
    if (!m_reviews)
        return;
    m_reviewsStale = false;
    const QModelIndex current = m_reviewsPanel->currentSourceIndex();
    const qint64 id =
        current.isValid() ? m_reviews->data(current, ReviewListModel::ReviewIdRole).toLongLong() : 0;
    m_reviews->refresh();
    const int row = m_reviews->rowOf(id);
    if (row >= 0)
        m_reviewsPanel->setCurrentSource(m_reviews->index(row, ReviewListModel::TitleColumn));
    updateStatus();
}

void MainWindow::updateStatus()
{
    if (!m_actions)
        return;
    const int reviews = m_reviews->rowCount();
    const int actions = m_actions->rowCount();
    m_count->setText((reviews == 1 ? tr("1 review") : tr("%L1 reviews").arg(reviews)) +
                     QStringLiteral(" · ") +
                     (actions == 1 ? tr("1 action shown") : tr("%L1 actions shown").arg(actions)));
}

ReviewPage* MainWindow::openReview(qint64 reviewId)
{
    if (!m_db || reviewId <= 0)
        return nullptr;
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto* page = qobject_cast<ReviewPage*>(m_tabs->widget(i));
        if (page && page->reviewId() == reviewId) {
            m_tabs->setCurrentIndex(i);
            return page;
        }
    }
    auto* page = new ReviewPage(m_db->connection(), reviewId, m_db->isReadOnly());
    page->setOwnerNames(ownerNames());
    connect(page, &ReviewPage::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 10000); });
    connect(page, &ReviewPage::reviewChanged, this, [this] {
        m_reviewsStale = true;
        m_actionsStale = true;
        markStatusStale();
    });
    connect(page, &ReviewPage::titleChanged, this,
            [this, page](const QString& title) { m_tabs->setTabText(m_tabs->indexOf(page), title); });
    const int index = m_tabs->addTab(page, page->title());
    m_tabs->setTabToolTip(index, page->title());
    m_tabs->setCurrentIndex(index);
    page->recommendationsView()->setFocus();
    return page;
}

ReviewPage* MainWindow::currentReviewPage() const
{
    return qobject_cast<ReviewPage*>(m_tabs->currentWidget());
}

void MainWindow::showReviews()
{
    m_tabs->setCurrentWidget(m_reviewsPanel);
    reviewsView()->setFocus();
}

void MainWindow::showAllActions()
{
    if (!m_actionsPage)
        return;
    m_tabs->setCurrentWidget(m_actionsPage);
    actionsView()->setFocus();
}

void MainWindow::closeTab(int index)
{
    QWidget* page = m_tabs->widget(index);
    if (!qobject_cast<ReviewPage*>(page))
        return;
    m_tabs->removeTab(index);
    page->deleteLater();
}

TablePanel* MainWindow::activePanel() const
{
    QWidget* current = m_tabs->currentWidget();
    if (m_lastPanel && current && current->isAncestorOf(m_lastPanel) && m_lastPanel->isVisible())
        return m_lastPanel;
    if (current == m_reviewsPanel)
        return m_reviewsPanel;
    return nullptr;
}

bool MainWindow::addRow(bool child)
{
    if (!m_db || m_db->isReadOnly())
        return false;
    if (ReviewPage* page = currentReviewPage())
        return page->addRow(activePanel(), child);
    if (m_tabs->currentWidget() == m_reviewsPanel) {
        ReviewRepository repo(m_db->connection());
        const qint64 id = repo.create(QStringLiteral("lcspr"), tr("New review"));
        if (id == 0) {
            statusBar()->showMessage(repo.errorString(), 10000);
            return false;
        }
        refreshReviews();
        ReviewPage* page = openReview(id);
        page->showTab(1); // its details: title and kind first
        return true;
    }
    statusBar()->showMessage(tr("Open a review to add an action to one of its recommendations."), 10000);
    return false;
}

bool MainWindow::deleteRow()
{
    if (!m_db || m_db->isReadOnly())
        return false;
    if (ReviewPage* page = currentReviewPage())
        return page->deleteRow(activePanel());
    if (m_tabs->currentWidget() == m_reviewsPanel) {
        const QModelIndex i = m_reviewsPanel->currentSourceIndex();
        const qint64 id = i.isValid() ? m_reviews->data(i, ReviewListModel::ReviewIdRole).toLongLong() : 0;
        if (id == 0)
            return false;
        ReviewRepository repo(m_db->connection());
        const QString title =
            m_reviews->data(m_reviews->index(i.row(), ReviewListModel::TitleColumn)).toString();
        if (!confirmDelete(this, tr("Delete the review “%1”?").arg(title), deleteDetail(repo.impact(id))))
            return false;
        for (int t = m_tabs->count() - 1; t >= 0; --t) {
            if (auto* page = qobject_cast<ReviewPage*>(m_tabs->widget(t)); page && page->reviewId() == id)
                closeTab(t);
        }
        if (!repo.remove(id)) {
            statusBar()->showMessage(repo.errorString(), 10000);
            return false;
        }
        refreshReviews();
        m_actions->refresh();
        return true;
    }
    if (m_actionsPage && m_tabs->currentWidget() == m_actionsPage) {
        const QModelIndex i = actionsView()->currentIndex();
        const qint64 id = i.isValid() ? m_actions->data(i, ActionTableModel::ActionIdRole).toLongLong() : 0;
        if (id == 0)
            return false;
        ActionRepository repo(m_db->connection());
        if (!confirmDelete(this, tr("Delete this action?"), deleteDetail(repo.impact(id))))
            return false;
        if (!repo.remove(id)) {
            statusBar()->showMessage(repo.errorString(), 10000);
            return false;
        }
        m_actions->refresh();
        refreshReviews();
        return true;
    }
    return false;
}

bool MainWindow::moveRow(int delta)
{
    if (ReviewPage* page = currentReviewPage())
        return page->moveRow(activePanel(), delta);
    return false;
}

void MainWindow::focusFilter()
{
    if (m_actionsPage && m_tabs->currentWidget() == m_actionsPage) {
        m_actionsPage->focusFilter();
        return;
    }
    TablePanel* panel = activePanel();
    if (!panel) {
        if (ReviewPage* page = currentReviewPage())
            panel = page->defaultPanel();
    }
    if (panel)
        panel->focusFilter();
}

void MainWindow::showOwners()
{
    if (!m_db)
        return;
    OwnersDialog dialog(m_db->connection(), m_db->isReadOnly(), this);
    dialog.exec();
    // Renames show everywhere at once.
    const QStringList names = ownerNames();
    m_actionsPage->ownerDelegate()->setNames(names);
    m_actionsPage->refresh();
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto* page = qobject_cast<ReviewPage*>(m_tabs->widget(i))) {
            page->setOwnerNames(names);
            page->reloadAll();
        }
    }
}

QStringList MainWindow::recentFiles()
{
    return QSettings().value(QStringLiteral("recentFiles")).toStringList();
}

void MainWindow::rememberRecent(const QString& path)
{
    QStringList recent = recentFiles();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    QSettings().setValue(QStringLiteral("recentFiles"), recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = recentFiles();
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent.at(i);
        m_recentMenu
            ->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()), this,
                        [this, path] { openPath(path); })
            ->setToolTip(path);
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::newFile()
{
    QString path = QFileDialog::getSaveFileName(this, tr("New database"), QString(),
                                                tr("Review Tracker databases (*.rtdb)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".rtdb");
    auto db = std::make_unique<Database>();
    // The save dialog has already asked before replacing a file; the database
    // layer still never overwrites one, so say so rather than lose it.
    if (!db->open(path, Database::OpenMode::CreateNew)) {
        QMessageBox::warning(this, tr("Cannot create"), db->errorString());
        return;
    }
    setDatabase(std::move(db));
}

void MainWindow::openFile()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open database"), QString(),
                                     tr("Review Tracker databases (*.rtdb *.sqlite *.db);;All files (*)"));
    if (!path.isEmpty())
        openPath(path);
}

bool MainWindow::openPath(const QString& path, bool readOnly)
{
    auto db = std::make_unique<Database>();
    if (!db->openForReading(path, readOnly)) {
        QMessageBox::warning(this, tr("Cannot open"), db->errorString());
        return false;
    }
    setDatabase(std::move(db));
    return true;
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings().setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    event->accept();
}

} // namespace rt
