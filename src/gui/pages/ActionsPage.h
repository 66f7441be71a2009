#pragma once

#include "core/ActionFilter.h"

#include <QSqlDatabase>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace rt {

class ActionTableModel;
class FilterBar;
class OwnerDelegate;

// Every action of the file, filtered: the filter bar above the lazy table,
// with the words searched for marked in the Action and Owner columns. The
// filter is kept in the settings under settingsKey and comes back when the
// page is made again; "My actions" narrows to the owner the user says they
// are. Enter or a double-click on a row opens that action.
class ActionsPage : public QWidget
{
    Q_OBJECT

public:
    ActionsPage(QSqlDatabase db, const QString& settingsKey, QWidget* parent = nullptr);

    // Shows, applies and remembers the filter.
    void setFilter(const ActionFilter& filter);
    ActionFilter filter() const;
    ActionTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    FilterBar* filterBar() const { return m_bar; }
    // The owner editor of the table, whose list of names the window keeps current.
    OwnerDelegate* ownerDelegate() const { return m_ownerDelegate; }
    // Reads the rows and the filter bar's lists again (after edits elsewhere).
    void refresh();
    void setAsOf(const QDate& date);
    void focusFilter();

    // "My actions": the owner the user is, remembered in the settings.
    QString myOwner() const;
    void setMyOwner(const QString& owner);
    // Narrows the filter to the remembered owner (the rest of the filter stays).
    void showMyActions();

signals:
    void openAction(qint64 reviewId, qint64 actionId);
    void filterChanged(const ActionFilter& filter);

private:
    void apply(const ActionFilter& filter, bool showInBar);
    void updateCount();
    void fillOwners();
    QString key(const char* name) const;

    QSqlDatabase m_db;
    QString m_settingsKey;
    ActionTableModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    FilterBar* m_bar = nullptr;
    OwnerDelegate* m_ownerDelegate = nullptr;
    QLabel* m_count = nullptr;
    QComboBox* m_me = nullptr;
    QPushButton* m_myActions = nullptr;
};

} // namespace rt
