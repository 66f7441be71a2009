#pragma once

#include <QSqlDatabase>
#include <QWidget>
#include <functional>

class QAbstractItemView;
class QLabel;
class QTabWidget;
class QTableView;
class QTreeView;

namespace rt {

class ActionDetailPane;
class HistoryPanel;
class ActionTableModel;
class PlanVersionTableModel;
class RecommendationTreeModel;
class ResponseTableModel;
class ReviewDetailsForm;
class ReviewLinkTableModel;
class TablePanel;

// One review's page: its recommendations as a tree, the selected
// recommendation's responses and actions, the selected action's details and
// updates; the review's own details, plan versions and links on other tabs.
class ReviewPage : public QWidget
{
    Q_OBJECT

public:
    // Asks the user to confirm a deletion: question and what goes with it.
    using Confirm = std::function<bool(QWidget* parent, const QString& question, const QString& detail)>;

    ReviewPage(QSqlDatabase db, qint64 reviewId, bool readOnly, QWidget* parent = nullptr);

    qint64 reviewId() const { return m_reviewId; }
    QString title() const { return m_title; }
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    void setOwnerNames(const QStringList& names);

    // The window's Add / Delete / Move commands, acting on the panel the user
    // is in (or the recommendations when none). False when nothing was done.
    bool addRow(TablePanel* panel, bool child);
    bool deleteRow(TablePanel* panel);
    bool moveRow(TablePanel* panel, int delta);
    TablePanel* defaultPanel() const;

    // Selects the recommendation with that number and, when given, its action
    // with that number. False when not found.
    bool selectByNumber(const QString& recommendation, const QString& action = QString());
    // Shows that action of this review in the plan tab; false when it is not one.
    bool selectAction(qint64 actionId);
    // The action selected in the plan tab, 0 when none.
    qint64 currentActionId() const;
    void showTab(int index);
    void reloadAll();

    QTreeView* recommendationsView() const;
    QTableView* actionsView() const;
    QTableView* responsesView() const;
    TablePanel* recommendationsPanel() const { return m_recPanel; }
    TablePanel* actionsPanel() const { return m_actionsPanel; }
    TablePanel* responsesPanel() const { return m_responsesPanel; }
    ActionDetailPane* detailPane() const { return m_detail; }
    RecommendationTreeModel* recommendationModel() const { return m_recs; }
    ActionTableModel* actionModel() const { return m_actions; }

signals:
    // Something of this review changed: the reviews list refreshes its figures.
    void reviewChanged(qint64 reviewId);
    void titleChanged(const QString& title);
    void message(const QString& text);

private:
    QWidget* buildPlanTab();
    void updateHeading();
    void recommendationSelected();
    void actionSelected();
    void refreshActions(qint64 keepActionId);
    void showRefusal(TablePanel* panel, const QModelIndex& sourceIndex, const QString& reason);
    void updateCountTitles();
    bool confirm(const QString& question, const QString& detail);
    qint64 currentRecommendationId() const;
    void editNew(TablePanel* panel, const QModelIndex& sourceIndex);

    QSqlDatabase m_db;
    qint64 m_reviewId = 0;
    bool m_readOnly = false;
    QString m_title;
    Confirm m_confirm;

    QLabel* m_heading = nullptr;
    QTabWidget* m_tabs = nullptr;
    RecommendationTreeModel* m_recs = nullptr;
    ResponseTableModel* m_responses = nullptr;
    ActionTableModel* m_actions = nullptr;
    PlanVersionTableModel* m_versions = nullptr;
    ReviewLinkTableModel* m_links = nullptr;
    TablePanel* m_recPanel = nullptr;
    TablePanel* m_responsesPanel = nullptr;
    TablePanel* m_actionsPanel = nullptr;
    TablePanel* m_versionsPanel = nullptr;
    TablePanel* m_linksPanel = nullptr;
    QLabel* m_recText = nullptr;
    ActionDetailPane* m_detail = nullptr;
    ReviewDetailsForm* m_details = nullptr;
    HistoryPanel* m_history = nullptr;
    class OwnerDelegate* m_ownerDelegate = nullptr;
};

} // namespace rt
