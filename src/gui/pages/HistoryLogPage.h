#pragma once

#include "db/HistoryQueries.h"

#include <QPair>
#include <QSqlDatabase>
#include <QStringList>
#include <QVector>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace rt {

class HistoryTableModel;

// The change log of the whole database: every logged change, newest first,
// narrowed by free text, who, the kind of record, the field, the review and
// a range of days. Read-only; double-click (or Enter) on a change opens its
// action or review when it still exists. Rows are read a page at a time, so
// a log of millions opens at once.
class HistoryLogPage : public QWidget
{
    Q_OBJECT

public:
    struct Choice
    {
        QString label;
        QStringList codes; // history entity or field values
    };
    // The record kinds and fields offered, each standing for the values it matches.
    static QVector<Choice> kindChoices();
    static QVector<Choice> fieldChoices();

    explicit HistoryLogPage(QSqlDatabase db, QWidget* parent = nullptr);

    // Reads the rows again, and the users and reviews offered.
    void reload();
    // The filter the controls make.
    HistoryFilter filter() const;
    // Back to every change.
    void clearFilters();

    HistoryTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QLineEdit* textEdit() const { return m_text; }
    QComboBox* whoCombo() const { return m_who; }
    QComboBox* kindCombo() const { return m_kind; }
    QComboBox* fieldCombo() const { return m_field; }
    QComboBox* reviewCombo() const { return m_review; }
    QDateEdit* fromEdit() const { return m_from; }
    QDateEdit* toEdit() const { return m_to; }
    QLabel* statusLabel() const { return m_status; }

signals:
    void openAction(qint64 reviewId, qint64 actionId);
    void openReview(qint64 reviewId);
    void message(const QString& text);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void fillChoices(bool readUsers);
    void applyFilter();
    void openIndex(const class QModelIndex& index);
    void updateStatus();
    void sizeColumns();

    QSqlDatabase m_db;
    HistoryTableModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QLineEdit* m_text = nullptr;
    QComboBox* m_who = nullptr;
    QComboBox* m_kind = nullptr;
    QComboBox* m_field = nullptr;
    QComboBox* m_review = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QPushButton* m_clear = nullptr;
    QLabel* m_status = nullptr;
    QTimer* m_typing = nullptr;
    bool m_pending = true;   // not read yet: reads when first shown
    bool m_filling = false;  // choices being refilled: no filter applied meanwhile
    qint64 m_seenLogId = -1; // the newest history row when last read
};

} // namespace rt
