#pragma once

#include "db/BackupRotation.h"

#include <QDialog>
#include <QVector>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace rt {

// File ▸ Restore from backup…: the backups of the open database, newest
// first, with when each was taken, its size and how many reviews and actions
// it holds (read from the backup, read-only). Also where backups go and how
// many are kept (saved to the settings at once), and "Back up now".
// The dialog restores nothing itself: accepted, chosenBackup() is the file;
// the window closes the database, calls BackupRotation::restore and reopens.
class RestoreBackupDialog : public QDialog
{
    Q_OBJECT

public:
    enum Column
    {
        TakenColumn,
        SizeColumn,
        ReviewsColumn,
        ActionsColumn,
        NoteColumn,
        ColumnCount
    };

    RestoreBackupDialog(const QString& databasePath, QWidget* parent = nullptr);

    // The selected backup's path; empty when none is selected.
    QString chosenBackup() const;

    // For tests and the window.
    QVector<BackupEntry> backups() const { return m_backups; }
    int rowCount() const;
    QString cellText(int row, int column) const;
    void selectRow(int row);
    int keep() const;
    QString folder() const;
    QString statusText() const;
    QTableWidget* table() const { return m_table; }
    QPushButton* restoreButton() const { return m_restore; }

public slots:
    // Saved to the settings at once; the list is read again.
    void setKeep(int keep);
    // Empty: the default, a "Backups" folder beside the database.
    void setFolder(const QString& folder);
    // What the "Back up now" button does: true when a verified backup was taken.
    bool backUpNow();
    // Reads the folder again.
    void reload();

private:
    void chooseFolder();
    void updateButtons();
    void showStatus(const QString& text, bool isError);

    QString m_databasePath;
    QVector<BackupEntry> m_backups;
    QVector<bool> m_restorable;
    QLabel* m_intro = nullptr;
    QTableWidget* m_table = nullptr;
    QSpinBox* m_keep = nullptr;
    QLineEdit* m_folder = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_restore = nullptr;
    QPushButton* m_backUpNow = nullptr;
};

} // namespace rt
