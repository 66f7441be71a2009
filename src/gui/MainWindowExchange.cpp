// File ▸ Export, Print preview, Import tracker and Import owner return: the
// main window's side of papers and spreadsheets (issue 5).

#include "MainWindow.h"
#include "db/Database.h"
#include "db/OwnerReturnsImporter.h"
#include "dialogs/ExportDialog.h"
#include "dialogs/ImportDialog.h"
#include "pages/ReviewPage.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>

namespace rt {

namespace {

const char* const kImportFolderKey = "import/folder";

QString importFolder()
{
    return QSettings()
        .value(QLatin1String(kImportFolderKey),
               QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
        .toString();
}

} // namespace

void MainWindow::addExchangeActions(QMenu* file)
{
    auto add = [&](const QString& text, const QKeySequence& key, bool writes, auto slot) {
        QAction* action = file->addAction(text, key, this, slot);
        action->setProperty("writes", writes);
        action->setEnabled(false);
        m_exchangeActions.append(action);
    };
    add(tr("&Export…"), QKeySequence(Qt::CTRL | Qt::Key_E), false, [this] { exportPaper(false); });
    add(tr("Print pre&view…"), QKeySequence::Print, false, [this] { exportPaper(true); });
    file->addSeparator();
    add(tr("&Import spreadsheet tracker…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I), true,
        [this] { importTracker(); });
    add(tr("Import owner &return…"), QKeySequence(), true, [this] { importReturns(); });
}

qint64 MainWindow::currentReviewId() const
{
    if (ReviewPage* page = currentReviewPage())
        return page->reviewId();
    return 0;
}

void MainWindow::exportPaper(bool previewOnly)
{
    if (!m_db)
        return;
    ExportDialog dialog(m_db->connection(), currentReviewId(), this);
    if (previewOnly) {
        // Ctrl+P previews what the user is looking at: the review's plan in a
        // review tab, the QiiP highlight report elsewhere.
        dialog.setFormat(PaperFormat::Pdf);
        dialog.preview();
        return;
    }
    if (dialog.exec() == QDialog::Accepted)
        statusBar()->showMessage(tr("Exported."), 5000);
}

void MainWindow::importTracker()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import spreadsheet tracker"), importFolder(),
                                                      tr("Spreadsheets (*.xlsx *.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    QSettings().setValue(QLatin1String(kImportFolderKey), QFileInfo(path).absolutePath());
    importTrackerFile(path);
}

void MainWindow::importTrackerFile(const QString& path)
{
    if (!m_db)
        return;
    ImportDialog dialog(*m_db, path, this);
    if (!dialog.isLoaded()) {
        QMessageBox::warning(this, tr("Import spreadsheet tracker"), dialog.loadError());
        return;
    }
    if (dialog.exec() == QDialog::Accepted) {
        refreshAll();
        statusBar()->showMessage(dialog.resultText(), 10000);
    }
}

void MainWindow::importReturns()
{
    if (!m_db)
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Import owner return"), importFolder(),
                                                      tr("Excel workbooks (*.xlsx)"));
    if (path.isEmpty())
        return;
    QSettings().setValue(QLatin1String(kImportFolderKey), QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(this, tr("Import owner return"),
                             tr("Cannot read %1: %2").arg(path, file.errorString()));
        return;
    }
    OwnerReturnsImporter importer(m_db->connection());
    OwnerReturnsImporter::Result result;
    if (!importer.apply(&file, QFileInfo(path).fileName(), &result)) {
        QMessageBox::warning(this, tr("Import owner return"), importer.errorString());
        return;
    }
    refreshAll();
    QString text = tr("%1 rows recorded: %2 progress updates, %3 status changes, %4 RAG changes.")
                       .arg(result.rowsApplied)
                       .arg(result.updates)
                       .arg(result.statusChanges)
                       .arg(result.ragChanges);
    QStringList details;
    if (!result.conflicts.isEmpty())
        details << tr("Not applied, because the action changed after the return was sent:")
                << result.conflicts;
    if (!result.unmatched.isEmpty())
        details << tr("Not matched:") << result.unmatched;
    QMessageBox box(details.isEmpty() ? QMessageBox::Information : QMessageBox::Warning,
                    tr("Import owner return"), text, QMessageBox::Ok, this);
    if (!details.isEmpty()) {
        box.setInformativeText(tr("%1 rows need a look; see the details.")
                                   .arg(result.conflicts.size() + result.unmatched.size()));
        box.setDetailedText(details.join(QLatin1Char('\n')));
    }
    box.exec();
}

} // namespace rt
