// The main window's trust features: undo and redo over the change history,
// read-only opening, restoring a backup, and noticing what others did to the
// file — their saves (read again on focus) and the file itself being
// replaced, deleted or made read-only.

#include "MainWindow.h"
#include "UndoHistory.h"
#include "db/BackupRotation.h"
#include "db/Database.h"
#include "db/SqliteSession.h"
#include "dialogs/RestoreBackupDialog.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSqlQuery>
#include <QStatusBar>
#include <QUndoGroup>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

namespace rt {

void MainWindow::addTrustActions(QMenu* file, QMenu* edit)
{
    m_undoGroup = new QUndoGroup(this);
    QAction* undo = m_undoGroup->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_undoGroup->createRedoAction(this, tr("&Redo"));
    // Ctrl+Shift+Z everywhere, and Ctrl+Y too where the platform uses it.
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();

    m_readOnlyAction = file->addAction(tr("Open &read-only…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open read-only"), QString(), tr("Review Tracker databases (*.rtdb);;All files (*)"));
        if (!path.isEmpty())
            openPath(path, true);
    });
    m_reopenAction = file->addAction(tr("Reopen for &editing"), this, [this] {
        if (m_db)
            openPath(m_db->path(), !m_db->isReadOnly());
    });
    m_restoreAction = file->addAction(tr("Restore from &backup…"), this, &MainWindow::restoreBackup);
    updateTrustActions();
}

void MainWindow::updateTrustActions()
{
    if (!m_reopenAction)
        return;
    m_reopenAction->setEnabled(m_db != nullptr);
    m_reopenAction->setText(m_db && m_db->isReadOnly() ? tr("Reopen for &editing") : tr("Reopen &read-only"));
    m_restoreAction->setEnabled(m_db != nullptr);
}

// A new database gets a new undo stack: steps never cross files.
void MainWindow::attachUndo()
{
    delete m_undo;
    m_undo = nullptr;
    setWindowModified(false);
    if (!m_db || m_db->isReadOnly())
        return;
    m_undo = new UndoHistory(*m_db, this);
    m_undoGroup->addStack(m_undo->stack());
    m_undoGroup->setActiveStack(m_undo->stack());
    connect(m_undo, &UndoHistory::replayed, this, &MainWindow::refreshAll);
    connect(m_undo, &UndoHistory::refused, this, [this](const QString& reason) {
        QMessageBox::warning(this, tr("Cannot undo"), reason);
        refreshAll();
    });
    // Every change is saved at once; "modified" says there is something to
    // undo since the file was opened.
    connect(m_undo->stack(), &QUndoStack::cleanChanged, this,
            [this](bool clean) { setWindowModified(!clean); });
    rememberDataVersion();
}

void MainWindow::backupOnOpen()
{
    if (!m_db || m_db->isReadOnly())
        return;
    // On its own connection in the background: a national file takes most of
    // a minute to copy and verify, and the window is usable meanwhile.
    const QString path = m_db->path();
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        const QString problem = watcher->result();
        if (!problem.isEmpty())
            statusBar()->showMessage(tr("No backup was taken on opening: %1").arg(problem), 15000);
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([path] {
        BackupRotation rotation(path);
        return rotation.backupOnOpen() == BackupRotation::Result::Failed ? rotation.errorString() : QString();
    }));
}

void MainWindow::restoreBackup()
{
    if (!m_db)
        return;
    const QString target = m_db->path();
    RestoreBackupDialog dialog(target, this);
    if (dialog.exec() != QDialog::Accepted || dialog.chosenBackup().isEmpty())
        return;
    const bool readOnly = m_db->isReadOnly();
    setDatabase(nullptr); // the file must be closed to be replaced
    QString error;
    QString keptAs;
    if (!BackupRotation::restore(dialog.chosenBackup(), target, &error, &keptAs))
        QMessageBox::warning(this, tr("Not restored"), error);
    else
        statusBar()->showMessage(tr("Restored. The file as it was is kept as %1.").arg(keptAs), 15000);
    openPath(target, readOnly);
}

void MainWindow::rememberDataVersion()
{
    if (!m_db)
        return;
    QSqlQuery q(m_db->connection());
    if (q.exec(QStringLiteral("PRAGMA data_version")) && q.next())
        m_dataVersion = q.value(0).toLongLong();
}

// On coming back to the window: the file may have been changed by another
// copy of the program (read again, unless a cell is being edited), or
// replaced, deleted or made read-only (said at once, before any edit is lost).
bool MainWindow::checkFile()
{
    if (!m_db || !m_db->session())
        return false;
    if (!m_db->isReadOnly()) {
        const FileGuard::State state = m_db->session()->fileState();
        if (state != FileGuard::State::Unchanged) {
            m_db->releaseStaleLog();
            const QString why = m_db->session()->describe(state);
            m_banner->setText(why);
            m_banner->setStyleSheet(QStringLiteral("QLabel { background: #FBE3E3; padding: 6px; }"));
            m_banner->show();
            statusBar()->showMessage(why, 15000);
            return false;
        }
    }
    QSqlQuery q(m_db->connection());
    if (!q.exec(QStringLiteral("PRAGMA data_version")) || !q.next())
        return false;
    const qint64 now = q.value(0).toLongLong();
    q.finish();
    if (now == m_dataVersion)
        return false;
    // A cell editor is a child of its view's viewport: reading again would
    // close it and lose what is typed, so that waits for the next focus.
    const QWidget* focus = QApplication::focusWidget();
    if (focus && focus->parentWidget() &&
        qobject_cast<QAbstractItemView*>(focus->parentWidget()->parentWidget()))
        return false;
    m_dataVersion = now;
    refreshAll();
    statusBar()->showMessage(tr("Read again: someone else saved changes to this file."), 8000);
    return true;
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::ActivationChange && isActiveWindow())
        checkFile();
    QMainWindow::changeEvent(event);
}

} // namespace rt
