#pragma once

#include "core/ActionFilter.h"
#include "core/Dashboard.h"

#include <QFutureWatcher>
#include <QSqlDatabase>
#include <QWidget>
#include <memory>

class QChartView;
class QDateEdit;
class QLabel;
class QSpinBox;
class QTabWidget;
class QTableWidget;
class QTableWidgetItem;
class QToolButton;

namespace rt {

// The first page of the window: where the QiiP subgroup sees, as of a date,
// what is overdue, due soon, stale, undated, Red and Amber — in total and by
// agency, owner, theme and review. Every count opens the filtered list of its
// actions (showActions); a double-click on an action opens it for editing.
//
// The figures come from a DashboardSnapshot read off the GUI thread; moving
// the as-of date or a threshold recounts the snapshot in memory, so typing a
// date never waits for the database.
class DashboardPage : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardPage(QSqlDatabase db, QWidget* parent = nullptr);
    ~DashboardPage() override;

    // Reads the database again, in the background.
    void reload();
    // Reads it now, on this thread (the screenshot verb and tests).
    bool reloadNow();
    bool isLoading() const;

    void setAsOf(const QDate& date);
    QDate asOf() const;
    void setStaleDays(int days);
    void setDueSoonDays(int days);
    const DashboardFigures& figures() const { return m_figures; }

    // The count buttons by name: overdue, due_soon, stale, no_target, red,
    // amber, open — for tests and the keyboard.
    QToolButton* countButton(const QString& key) const;
    QTableWidget* overdueTable() const { return m_overdueTable; }
    QTableWidget* agencyTable() const { return m_agencyTable; }
    QTableWidget* ownerTable() const { return m_ownerTable; }

    static constexpr int kListLimit = 500;

signals:
    void showActions(const rt::ActionFilter& filter);
    void openAction(qint64 reviewId, qint64 actionId);
    void loaded();
    void loadFailed(const QString& reason);

private:
    enum GroupKind
    {
        AgencyGroup,
        OwnerGroup,
        ThemeGroup,
        ReviewGroup
    };

    void buildUi();
    QWidget* buildCounts();
    void recompute();
    void showFigures();
    void fillCounts();
    void fillGroups(QTableWidget* table, const QVector<DashboardGroup>& groups, GroupKind kind);
    void fillReviews();
    void fillOverdue();
    void fillAgencyChart();
    void fillCompletionChart();
    void snapshotReady(const DashboardSnapshot& snapshot);
    ActionFilter baseFilter() const;
    // The open actions a count stands for: "overdue", "red", "all" …
    ActionFilter filterFor(const QString& flag) const;
    ActionFilter filterForCell(const QTableWidgetItem* item) const;

    QSqlDatabase m_db;
    DashboardSnapshot m_snapshot;
    DashboardFigures m_figures;
    bool m_haveSnapshot = false;
    QFutureWatcher<std::shared_ptr<DashboardSnapshot>>* m_watcher = nullptr;

    QDateEdit* m_asOf = nullptr;
    QSpinBox* m_staleDays = nullptr;
    QSpinBox* m_dueSoonDays = nullptr;
    QLabel* m_state = nullptr;
    QHash<QString, QToolButton*> m_countButtons;
    QLabel* m_revisedNote = nullptr;
    QChartView* m_agencyChart = nullptr;
    QChartView* m_completionChart = nullptr;
    QTabWidget* m_lists = nullptr;
    QTableWidget* m_overdueTable = nullptr;
    QTableWidget* m_agencyTable = nullptr;
    QTableWidget* m_ownerTable = nullptr;
    QTableWidget* m_themeTable = nullptr;
    QTableWidget* m_reviewTable = nullptr;
    QLabel* m_overdueNote = nullptr;
    // What the overdue list shows, so a threshold change does not read it again.
    bool m_overdueShown = false;
    QVector<qint64> m_overdueIds;
    QDate m_overdueAsOf;
};

} // namespace rt
