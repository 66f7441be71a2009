#include "RestoreBackupDialog.h"

#include "db/Database.h"
#include "db/DatabaseCheck.h"

#include <QAbstractItemView>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rt {

namespace {

QString sizeText(qint64 bytes)
{
    if (bytes >= 1024 * 1024)
        return RestoreBackupDialog::tr("%1 MB").arg(bytes / (1024.0 * 1024.0), 0, 'f', 1);
    return RestoreBackupDialog::tr("%1 KB").arg((bytes + 1023) / 1024);
}

QTableWidgetItem* cell(const QString& text, Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter)
{
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(alignment);
    return item;
}

} // namespace

RestoreBackupDialog::RestoreBackupDialog(const QString& databasePath, QWidget* parent)
    : QDialog(parent), m_databasePath(databasePath)
{
    const QString fileName = QFileInfo(databasePath).fileName();
    setWindowTitle(tr("Restore from backup — %1").arg(fileName));

    m_intro = new QLabel(tr("Backups of %1, newest first. Restoring replaces the open database with the "
                            "chosen backup; its present state is kept as a new backup first, so a restore "
                            "can be undone.")
                             .arg(fileName));
    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::PlainText);

    m_table = new QTableWidget(0, ColumnCount);
    m_table->setHorizontalHeaderLabels({tr("Taken"), tr("Size"), tr("Reviews"), tr("Actions"), tr("Note")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Figures are right-aligned: without padding they touch the grid line.
    m_table->setStyleSheet(QStringLiteral("QTableView::item { padding: 0 6px; }"));
    m_table->horizontalHeader()->setStyleSheet(QStringLiteral("QHeaderView::section { padding: 2px 6px; }"));
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    QHeaderView* header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    // Headings sit over their figures: numbers right, words left.
    for (int column = 0; column < ColumnCount; ++column) {
        const bool figure = column == SizeColumn || column == ReviewsColumn || column == ActionsColumn;
        m_table->horizontalHeaderItem(column)->setTextAlignment((figure ? Qt::AlignRight : Qt::AlignLeft) |
                                                                Qt::AlignVCenter);
    }
    m_table->setMinimumHeight(m_table->verticalHeader()->defaultSectionSize() * 8);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &RestoreBackupDialog::updateButtons);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row) {
        if (row >= 0 && row < m_restorable.size() && m_restorable.at(row))
            accept();
    });

    const BackupSettings settings = BackupSettings::load();
    m_keep = new QSpinBox;
    m_keep->setRange(1, 999);
    m_keep->setValue(settings.error.isEmpty() ? settings.keep : BackupSettings::kDefaultKeep);
    m_keep->setSuffix(tr(" backups"));
    m_keep->setToolTip(tr("A backup is taken when a changed database is opened; older ones beyond this "
                          "number are removed once the new one is verified."));
    connect(m_keep, qOverload<int>(&QSpinBox::valueChanged), this, &RestoreBackupDialog::setKeep);
    auto* keepLabel = new QLabel(tr("&Keep the last:"));
    keepLabel->setBuddy(m_keep);

    m_folder = new QLineEdit;
    m_folder->setReadOnly(true);
    auto* folderLabel = new QLabel(tr("Backup &folder:"));
    folderLabel->setBuddy(m_folder);
    auto* choose = new QPushButton(tr("&Choose…"));
    connect(choose, &QPushButton::clicked, this, &RestoreBackupDialog::chooseFolder);
    auto* useDefault = new QPushButton(tr("&Default"));
    useDefault->setToolTip(tr("A “Backups” folder beside the database"));
    connect(useDefault, &QPushButton::clicked, this, [this] { setFolder(QString()); });

    auto* settingsGrid = new QGridLayout;
    settingsGrid->addWidget(keepLabel, 0, 0);
    auto* keepRow = new QHBoxLayout;
    keepRow->addWidget(m_keep);
    keepRow->addStretch();
    settingsGrid->addLayout(keepRow, 0, 1, 1, 3);
    settingsGrid->addWidget(folderLabel, 1, 0);
    settingsGrid->addWidget(m_folder, 1, 1);
    settingsGrid->addWidget(choose, 1, 2);
    settingsGrid->addWidget(useDefault, 1, 3);
    settingsGrid->setColumnStretch(1, 1);

    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (!settings.error.isEmpty())
        showStatus(settings.error, true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_restore = buttons->addButton(tr("&Restore"), QDialogButtonBox::AcceptRole);
    m_restore->setDefault(true);
    // Apart from Restore and Close: it adds a backup, it does not end the dialog.
    m_backUpNow = new QPushButton(tr("&Back up now"));
    m_backUpNow->setToolTip(tr("Take a verified backup of the database as it is now"));
    m_restore->setToolTip(tr("Replace the open database with the chosen backup"));
    connect(m_backUpNow, &QPushButton::clicked, this, &RestoreBackupDialog::backUpNow);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(settingsGrid);
    layout->addWidget(m_status);
    auto* buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_backUpNow);
    buttonRow->addStretch();
    buttonRow->addWidget(buttons);
    layout->addLayout(buttonRow);

    resize(720, 440);
    reload();
}

QString RestoreBackupDialog::chosenBackup() const
{
    const int row = m_table->currentRow();
    const bool selected = row >= 0 && !m_table->selectedItems().isEmpty();
    if (!selected || row >= m_backups.size() || !m_restorable.at(row))
        return QString();
    return m_backups.at(row).path;
}

int RestoreBackupDialog::rowCount() const
{
    return m_table->rowCount();
}

QString RestoreBackupDialog::cellText(int row, int column) const
{
    const QTableWidgetItem* item = m_table->item(row, column);
    return item ? item->text() : QString();
}

void RestoreBackupDialog::selectRow(int row)
{
    m_table->selectRow(row);
    m_table->setCurrentCell(row, 0);
}

int RestoreBackupDialog::keep() const
{
    return m_keep->value();
}

QString RestoreBackupDialog::folder() const
{
    return m_folder->text();
}

QString RestoreBackupDialog::statusText() const
{
    return m_status->text();
}

void RestoreBackupDialog::setKeep(int keep)
{
    if (m_keep->value() != keep) {
        m_keep->setValue(keep); // comes back here through valueChanged
        return;
    }
    BackupSettings settings = BackupSettings::load();
    settings.keep = keep;
    settings.save();
}

void RestoreBackupDialog::setFolder(const QString& folder)
{
    BackupSettings settings = BackupSettings::load();
    settings.folder = folder;
    settings.keep = m_keep->value();
    settings.save();
    reload();
}

void RestoreBackupDialog::chooseFolder()
{
    const QString chosen = QFileDialog::getExistingDirectory(this, tr("Folder for backups"), folder());
    if (!chosen.isEmpty())
        setFolder(chosen);
}

bool RestoreBackupDialog::backUpNow()
{
    BackupRotation rotation(m_databasePath);
    if (!rotation.backupNow()) {
        showStatus(rotation.errorString(), true);
        return false;
    }
    reload();
    const QString taken = QFileInfo(rotation.lastBackup()).fileName();
    QString text =
        tr("Backed up and verified: %1 (%2).").arg(taken, sizeText(QFileInfo(rotation.lastBackup()).size()));
    if (!rotation.removed().isEmpty())
        text += QLatin1Char(' ') + (rotation.removed().size() == 1
                                        ? tr("The oldest backup was removed, keeping the last %1.")
                                        : tr("The %1 oldest backups were removed, keeping the last %2.")
                                              .arg(rotation.removed().size()))
                                       .arg(rotation.keep());
    if (!rotation.errorString().isEmpty())
        text += QLatin1Char(' ') + rotation.errorString();
    showStatus(text, false);
    return true;
}

void RestoreBackupDialog::reload()
{
    const BackupRotation rotation(m_databasePath);
    m_folder->setText(QDir::toNativeSeparators(rotation.folder()));
    m_folder->setToolTip(m_folder->text());
    m_backups = rotation.backups();
    m_restorable = QVector<bool>(m_backups.size(), false);
    m_table->clearSelection();
    m_table->setRowCount(static_cast<int>(m_backups.size()));
    const Qt::Alignment right = Qt::AlignRight | Qt::AlignVCenter;
    for (int row = 0; row < m_backups.size(); ++row) {
        const BackupEntry& backup = m_backups.at(row);
        auto* taken = cell(backup.taken.toString(QStringLiteral("dd/MM/yyyy HH:mm")));
        taken->setToolTip(QDir::toNativeSeparators(backup.path));
        m_table->setItem(row, TakenColumn, taken);
        m_table->setItem(row, SizeColumn, cell(sizeText(backup.size), right));
        CheckFigures figures;
        QString error;
        const bool readable = DatabaseCheck::figures(backup.path, &figures, &error);
        QString note;
        if (!readable)
            note = tr("Cannot be read");
        else if (figures.schemaVersion < Database::kSchemaVersion)
            note = tr("Older version; upgraded when restored");
        m_restorable[row] = readable;
        const QString dash = QStringLiteral("—");
        m_table->setItem(row, ReviewsColumn, cell(readable ? QString::number(figures.reviews) : dash, right));
        m_table->setItem(row, ActionsColumn, cell(readable ? QString::number(figures.actions) : dash, right));
        auto* noteItem = cell(note);
        if (!readable)
            noteItem->setToolTip(error);
        m_table->setItem(row, NoteColumn, noteItem);
    }
    const QString none = tr("No backups of this database in the folder yet.");
    // Fitted to the contents with room to breathe; the note takes the rest.
    for (int column = 0; column < NoteColumn; ++column) {
        m_table->resizeColumnToContents(column);
        m_table->setColumnWidth(column, m_table->columnWidth(column) + 24);
    }
    if (m_backups.isEmpty() && m_status->text().isEmpty())
        showStatus(none, false);
    else if (!m_backups.isEmpty() && m_status->text() == none)
        showStatus(QString(), false);
    updateButtons();
}

void RestoreBackupDialog::updateButtons()
{
    m_restore->setEnabled(!chosenBackup().isEmpty());
}

void RestoreBackupDialog::showStatus(const QString& text, bool isError)
{
    m_status->setText(text);
    m_status->setStyleSheet(isError ? QStringLiteral("color: #B01E1E;") : QString());
}

} // namespace rt
