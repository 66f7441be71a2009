#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QVector>
#include <QWidget>

class QCheckBox;
class QLabel;
class QTableView;

namespace rt {

class HistoryTableModel;

// A record's History tab: every logged change to the record and to its
// details (an action's owners, links and progress updates; a review's plan
// versions, links and sections), newest first. Read-only. The rows are read
// when the tab is shown, and again whenever the log has grown since.
class HistoryPanel : public QWidget
{
    Q_OBJECT

public:
    explicit HistoryPanel(QSqlDatabase db, QWidget* parent = nullptr);

    // The record whose history to show; id 0: none. Panes call it whenever
    // they load a record.
    void setRecord(const QString& entity, qint64 id);
    // Several rows that stood for one thing (a Section 11 cell cleared and
    // rated again is a new rating row).
    void setRecords(const QString& entity, const QVector<qint64>& ids);
    // One cell of a Section 11 audit: every rating that has stood in it.
    void setS11Cell(qint64 auditId, qint64 agencyId, qint64 standardId);
    // Offers "everything in this review" beside a review's own history.
    void setReviewWideOption(bool offered);
    // Reads the rows again now if shown, else when next shown.
    void refresh();

    HistoryTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QLabel* summaryLabel() const { return m_summary; }
    QCheckBox* reviewWideBox() const { return m_reviewWide; }

protected:
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    // Room for each column on one line (a whole tab rather than a pane).
    bool isWide() const { return width() >= 900; }
    void load();
    void updateSummary();
    void sizeColumns();

    QSqlDatabase m_db;
    QString m_entity;
    QVector<qint64> m_ids;
    qint64 m_cellAudit = 0, m_cellAgency = 0, m_cellStandard = 0;
    bool m_pending = false;
    bool m_wide = false;     // columns sized for a whole tab rather than a pane
    qint64 m_seenLogId = -1; // the newest history row when last read
    HistoryTableModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_summary = nullptr;
    QCheckBox* m_reviewWide = nullptr;
};

} // namespace rt
