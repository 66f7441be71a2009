#pragma once

#include <QDate>
#include <QSqlDatabase>
#include <QWidget>

class QDateEdit;
class QLabel;
class QTreeView;

namespace rt {

class MeetingModel;

// The QiiP meeting view: since a chosen date (the last meeting), what changed
// — new updates, status and RAG changes, newly overdue, completed — with the
// latest update beside each action. Read-only; double-click opens the action.
class MeetingPage : public QWidget
{
    Q_OBJECT

public:
    // Since defaults to the date last chosen (QSettings "meeting/since"),
    // else a month before today; as of defaults to today.
    explicit MeetingPage(QSqlDatabase db, QWidget* parent = nullptr);
    ~MeetingPage() override;

    // Both reload; a new since date is remembered for next time.
    void setSince(const QDate& since);
    void setAsOf(const QDate& asOf);
    QDate since() const;
    QDate asOf() const;
    // Reads the changes again (after edits elsewhere).
    void reload();

    MeetingModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }
    QLabel* summaryLabel() const { return m_summary; }
    QDateEdit* sinceEdit() const { return m_sinceEdit; }
    QDateEdit* asOfEdit() const { return m_asOfEdit; }

protected:
    void showEvent(QShowEvent* event) override;

signals:
    void openAction(qint64 reviewId, qint64 actionId);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void openIndex(const QModelIndex& index);
    void sizeColumns();

    QSqlDatabase m_db;
    MeetingModel* m_model = nullptr;
    QTreeView* m_view = nullptr;
    QDateEdit* m_sinceEdit = nullptr;
    QDateEdit* m_asOfEdit = nullptr;
    QLabel* m_summary = nullptr;
    bool m_relayoutPending = false;
    bool m_pending = false; // not read yet: reads when first shown
};

} // namespace rt
