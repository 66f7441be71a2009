#include "MainWindow.h"

#include "db/Database.h"
#include "dialogs/AboutDialog.h"
#include "models/ActionTableModel.h"
#include "models/ReviewListModel.h"

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
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QToolTip>
#include <QVBoxLayout>

namespace rt {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Review Tracker"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/review-tracker.svg")));

    m_reviewsView = new QTableView;
    m_reviewsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_reviewsView->verticalHeader()->hide();
    m_reviewsView->setAlternatingRowColors(true);
    m_reviewsView->setWordWrap(false);
    m_reviewsView->verticalHeader()->setDefaultSectionSize(m_reviewsView->fontMetrics().height() + 8);

    m_filter = new QLineEdit;
    m_filter->setPlaceholderText(tr("Filter actions by words in the text or owner (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    auto* focusFilter = new QAction(this);
    focusFilter->setShortcut(QKeySequence::Find);
    connect(focusFilter, &QAction::triggered, m_filter, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    addAction(focusFilter);

    m_actionsView = new QTableView;
    m_actionsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_actionsView->setAlternatingRowColors(true);
    m_actionsView->setWordWrap(false);
    m_actionsView->verticalHeader()->setDefaultSectionSize(m_actionsView->fontMetrics().height() + 8);
    m_actionsView->verticalHeader()->hide();

    m_banner = new QLabel;
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(
        QStringLiteral("QLabel { background: #FFF4D6; padding: 6px; border-bottom: 1px solid #E0C97A; }"));
    m_banner->hide();

    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_filter);
    rightLayout->addWidget(m_actionsView);

    auto* splitter = new QSplitter;
    splitter->addWidget(m_reviewsView);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);
    splitter->setSizes({400, 1000});

    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    m_count = new QLabel;
    statusBar()->addPermanentWidget(m_count);
    createMenus();

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    if (!settings.contains(QStringLiteral("mainWindow/geometry")))
        resize(1400, 900);
}

MainWindow::~MainWindow()
{
    // Models hold the connection: they go before the database closes.
    delete m_actions;
    delete m_reviews;
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New…"), QKeySequence::New, this, &MainWindow::newFile);
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::openFile);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Review Tracker"), this, [this] {
        AboutDialog dialog(m_db ? m_db->path() : QString(), m_db ? m_db->schemaVersion() : 0, this);
        dialog.exec();
    });
}

void MainWindow::setDatabase(std::unique_ptr<Database> db)
{
    m_actionsView->setModel(nullptr);
    m_reviewsView->setModel(nullptr);
    delete m_actions;
    delete m_reviews;
    m_actions = nullptr;
    m_reviews = nullptr;
    m_db = std::move(db);
    if (!m_db)
        return;

    m_reviews = new ReviewListModel(m_db->connection(), this);
    m_reviewsView->setModel(m_reviews);
    QHeaderView* reviewHeader = m_reviewsView->horizontalHeader();
    reviewHeader->setSectionResizeMode(QHeaderView::ResizeToContents);
    reviewHeader->setSectionResizeMode(ReviewListModel::TitleColumn, QHeaderView::Stretch);

    m_actions = new ActionTableModel(m_db->connection(), this);
    m_actions->setReadOnly(m_db->isReadOnly());
    m_actionsView->setModel(m_actions);
    QHeaderView* header = m_actionsView->horizontalHeader();
    // Widths from the longest values each column can hold, not from the rows:
    // resizing to contents would read every row of a lazy model.
    const QFontMetrics fm = m_actionsView->fontMetrics();
    auto widthOf = [&fm](const QString& sample) { return fm.horizontalAdvance(sample) + 16; };
    header->resizeSection(ActionTableModel::ReviewColumn, widthOf(QStringLiteral("Children of Family Y")));
    header->resizeSection(ActionTableModel::RecommendationColumn, widthOf(QStringLiteral("10.10")));
    header->resizeSection(ActionTableModel::OwnerColumn,
                          widthOf(QStringLiteral("Interim Assistant Director")));
    header->resizeSection(ActionTableModel::TargetColumn, widthOf(QStringLiteral("September 2024")));
    header->resizeSection(ActionTableModel::StatusColumn, widthOf(QStringLiteral("Partially complete")));
    header->resizeSection(ActionTableModel::RagColumn, widthOf(QStringLiteral("Amber")));
    header->setSectionResizeMode(ActionTableModel::ActionColumn, QHeaderView::Stretch);
    // A refused edit says why, next to the cell and in the status bar; the
    // cell keeps its stored value.
    connect(m_actions, &ActionTableModel::editRefused, this,
            [this](const QModelIndex& index, const QString& reason) {
                const QRect cell = m_actionsView->visualRect(index);
                QToolTip::showText(m_actionsView->viewport()->mapToGlobal(cell.bottomLeft()), reason,
                                   m_actionsView);
                statusBar()->showMessage(tr("Not saved: %1").arg(reason), 10000);
            });
    connect(m_filter, &QLineEdit::textChanged, m_actions, [this](const QString& text) {
        m_actions->setTextFilter(text);
        updateStatus();
    });

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
    setWindowTitle(
        tr("%1 — Review Tracker%2")
            .arg(QFileInfo(m_db->path()).fileName(), m_db->isReadOnly() ? tr(" (read-only)") : QString()));
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
    if (path.isEmpty())
        return;
    auto db = std::make_unique<Database>();
    if (!db->openForReading(path)) {
        QMessageBox::warning(this, tr("Cannot open"), db->errorString());
        return;
    }
    setDatabase(std::move(db));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings().setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    event->accept();
}

} // namespace rt
