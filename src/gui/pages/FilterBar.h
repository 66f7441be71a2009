#pragma once

#include "core/ActionFilter.h"
#include "db/ActionFilterSql.h"

#include <QSqlDatabase>
#include <QWidget>

class QDateEdit;
class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;

namespace rt {

class ChoiceButton;

// The filter of an actions list in one compact bar: free text (applied a
// moment after typing stops), a drop-down of choices per part (review, kind,
// agency, owner, status, RAG, theme, decision), a target date range, the
// status flags with their as-of date, Clear, and filters saved by name. A
// line under it says in words what is shown ("Red or Amber · overdue as of
// 30/06/2024 · Constabulary").
class FilterBar : public QWidget
{
    Q_OBJECT

public:
    explicit FilterBar(QSqlDatabase db, QWidget* parent = nullptr);

    // Shows that filter in the controls; emits nothing (the caller applies it).
    void setFilter(const ActionFilter& filter);
    ActionFilter filter() const { return m_filter; }
    // The filter in plain words, for the summary line.
    QString summary() const;

    // Reads the lists of reviews, agencies, owners and themes again.
    void reloadChoices();
    const FilterChoices& choices() const { return m_choices; }

    QLineEdit* textEdit() const { return m_text; }
    void focusText();

    // Saved filters without dialogs (the menu asks, then calls these).
    QStringList savedNames();
    // False with the reason in error; *taken (when given) says the name was
    // refused only because it is already used: ask, then overwrite.
    bool saveCurrentAs(const QString& name, bool overwrite, QString* error = nullptr, bool* taken = nullptr);
    // Shows and applies the saved filter of that name (emits filterChanged).
    bool applySaved(const QString& name, QString* error = nullptr);

signals:
    void filterChanged(const ActionFilter& filter);

private:
    void buildChoiceButtons();
    void fillChoices();
    void showFilter(); // the controls from m_filter
    void changed();    // m_filter was edited through a control
    void readDate(QLineEdit* edit, QDate* into);
    void rebuildSavedMenu();
    void saveInteractively();
    void renameInteractively(qint64 id, const QString& name);
    void removeInteractively(qint64 id, const QString& name);

    QSqlDatabase m_db;
    ActionFilter m_filter;
    FilterChoices m_choices;

    QLineEdit* m_text = nullptr;
    QTimer* m_textTimer = nullptr;
    ChoiceButton* m_reviews = nullptr;
    ChoiceButton* m_kinds = nullptr;
    ChoiceButton* m_agencies = nullptr;
    ChoiceButton* m_owners = nullptr;
    ChoiceButton* m_statuses = nullptr;
    ChoiceButton* m_rags = nullptr;
    ChoiceButton* m_themes = nullptr;
    ChoiceButton* m_decisions = nullptr;
    QLineEdit* m_targetFrom = nullptr;
    QLineEdit* m_targetTo = nullptr;
    QToolButton* m_overdue = nullptr;
    QToolButton* m_dueSoon = nullptr;
    QToolButton* m_stale = nullptr;
    QToolButton* m_noTarget = nullptr;
    QToolButton* m_openOnly = nullptr;
    QDateEdit* m_asOf = nullptr;
    QToolButton* m_clear = nullptr;
    QToolButton* m_saved = nullptr;
    QLabel* m_summary = nullptr;
};

} // namespace rt
