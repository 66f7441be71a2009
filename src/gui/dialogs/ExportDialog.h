#pragma once

#include "db/PaperQueries.h"
#include "io/Paper.h"

#include <QDialog>
#include <QSqlDatabase>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QPrinter;
class QPushButton;

namespace rt {

// File ▸ Export: choose a paper (a review's action plan, every plan, the QiiP
// highlight report, the Executive summary), an owner's update return or the
// whole database, its format and as-of date; preview and print PDF papers,
// or save any of them.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    enum class What
    {
        Plan,
        AllPlans,
        Highlight,
        Summary,
        OwnerReturn,
        Backup
    };

    // reviewId: the review the user is in, offered first (0: none).
    ExportDialog(QSqlDatabase db, qint64 reviewId, QWidget* parent = nullptr);

    void setWhat(What what);
    What what() const;
    void setFormat(PaperFormat format);
    void setAsOf(const QDate& date);
    // Writes the chosen export to path; false with *error set. Used by Save…
    // and by tests, which have no file dialog.
    bool exportTo(const QString& path, QString* error);
    // The paper as chosen now (for a preview or print); false with *error.
    bool buildPaper(Paper* out, QString* error);
    QString suggestedFileName() const;
    // The chosen paper in a print preview (with its Print button); PDF papers only.
    void preview();
    void print();

private:
    void updateControls();
    void save();
    // The chosen paper read into m_previewPaper and the printer set for it;
    // false (after saying why) when it cannot be read.
    bool preparePrinter(QPrinter* printer, const QString& action);
    void renderTo(QPrinter* printer);
    PaperFormat format() const;

    QSqlDatabase m_db;
    QComboBox* m_what = nullptr;
    QComboBox* m_review = nullptr;
    QComboBox* m_owner = nullptr;
    QComboBox* m_format = nullptr;
    QDateEdit* m_asOf = nullptr;
    QCheckBox* m_oneSheet = nullptr;
    QLabel* m_reviewLabel = nullptr;
    QLabel* m_ownerLabel = nullptr;
    QLabel* m_hint = nullptr;
    QPushButton* m_preview = nullptr;
    QPushButton* m_print = nullptr;
    QPushButton* m_save = nullptr;
    Paper m_previewPaper;
};

} // namespace rt
