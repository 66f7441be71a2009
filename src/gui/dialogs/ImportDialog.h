#pragma once

#include "db/TrackerImporter.h"
#include "io/SheetTable.h"
#include "io/TrackerColumns.h"

#include <QDialog>
#include <QHash>
#include <QSet>
#include <QVector>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QSpinBox;
class QTableWidget;

namespace rt {

class Database;

// Imports a spreadsheet tracker (.csv, .xlsx). Shows the sheet with the
// column mapping it detected — a list per column: a field or "(ignore)" —
// reads the rows again whenever the mapping changes, marks and lists every
// cell it cannot read, and imports in one transaction with a progress bar;
// Cancel rolls everything back.
class ImportDialog : public QDialog
{
    Q_OBJECT

public:
    // Reads the file at once; isLoaded() says whether it could.
    ImportDialog(Database& db, const QString& file, QWidget* parent = nullptr);

    bool isLoaded() const { return !m_sheets.isEmpty(); }
    QString loadError() const { return m_loadError; }
    // What was added, once accepted.
    TrackerImporter::Counts added() const { return m_added; }
    // "Imported 3 reviews, 6 recommendations, 14 actions and 3 updates from tracker.xlsx."
    QString resultText() const { return m_resultText; }

    // For tests and the screenshot verb.
    QComboBox* fieldBox(int column) const { return m_fieldBoxes.value(column); }
    QCheckBox* mergeBox() const { return m_merge; }
    QComboBox* kindBox() const { return m_kind; }
    QComboBox* sheetBox() const { return m_sheet; }
    QSpinBox* headerRowBox() const { return m_headerRow; }
    QTableWidget* preview() const { return m_preview; }
    QStringList problemLines() const;
    QString summary() const;
    bool canImport() const;
    const TrackerMapping& mapping() const { return m_mapping; }

public slots:
    // What the Import button does: true when imported (the dialog is then accepted).
    bool runImport();

private:
    void loadSheet(int index);
    void setHeaderRow(int row);
    void buildPreview();
    void fitColumn(int column);
    void reparse();
    void showProblems();
    const SheetTable& sheet() const { return m_sheets.at(m_sheetIndex); }

    Database& m_db;
    QString m_file;
    QString m_fileName;
    QString m_loadError;
    QVector<SheetTable> m_sheets;
    int m_sheetIndex = 0;
    TrackerMapping m_mapping;
    QSet<QString> m_existingTitles; // match keys of the reviews the database has
    QVector<TrackerProblem> m_problems;
    QStringList m_existingInFile;
    QHash<QPair<int, int>, QString> m_problemAt; // (sheet row from 1, column) → message
    int m_reviews = 0, m_recommendations = 0, m_actions = 0, m_updates = 0;
    TrackerImporter::Counts m_added;
    QString m_resultText;

    QComboBox* m_sheet = nullptr;
    QSpinBox* m_headerRow = nullptr;
    QComboBox* m_kind = nullptr;
    QTableWidget* m_preview = nullptr;
    QVector<QComboBox*> m_fieldBoxes;
    QLabel* m_summary = nullptr;
    QListWidget* m_problemList = nullptr;
    QCheckBox* m_merge = nullptr;
    QLabel* m_mergeNote = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace rt
