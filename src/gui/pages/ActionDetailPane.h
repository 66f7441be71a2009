#pragma once

#include "db/ActionRepository.h"

#include <QDate>
#include <QHash>
#include <QSqlDatabase>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace rt {

struct ActionDetail;

class HistoryPanel;
class TargetDateEdit;
class UpdateTableModel;

// One action's details and its updates timeline. Each field saves when the
// user leaves it (or picks from a list); a refusal is shown under that field
// and the typed text stays, so nothing typed is lost. Updates are only ever
// added.
class ActionDetailPane : public QWidget
{
    Q_OBJECT

public:
    explicit ActionDetailPane(QSqlDatabase db, QWidget* parent = nullptr);

    void setAction(qint64 actionId); // 0: nothing selected
    qint64 actionId() const { return m_actionId; }
    void setReadOnly(bool readOnly);
    void setOwnerNames(const QStringList& names);
    void setToday(const QDate& today) { m_today = today; } // for tests and screenshots

    QPlainTextEdit* textEdit() const { return m_text; }
    QComboBox* statusBox() const { return m_status; }
    TargetDateEdit* targetEdit() const { return m_target; }
    QPlainTextEdit* updateTextEdit() const { return m_updateText; }
    QLineEdit* updateDateEdit() const { return m_updateDate; }
    QComboBox* updateRagBox() const { return m_updateRag; }
    QPushButton* addUpdateButton() const { return m_addUpdate; }
    QTableView* updatesView() const { return m_updatesView; }
    HistoryPanel* historyPanel() const { return m_history; }
    // The refusal shown under a field, "" when none.
    QString fieldError(ActionRepository::Field field) const;

signals:
    // A field of the action was saved or an update added: tables showing the
    // action refresh.
    void actionSaved(qint64 actionId);
    void message(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    static QString storedValue(const ActionDetail& d, ActionRepository::Field field);
    static QString fieldName(ActionRepository::Field field);
    QWidget* withError(QWidget* editor, int key); // key: a Field, or kLinksKey
    void commit(ActionRepository::Field field, const QString& value);
    void load();
    void addUpdate();
    void updateEnabled();

    QSqlDatabase m_db;
    qint64 m_actionId = 0;
    bool m_readOnly = false;
    bool m_loading = false;
    QDate m_today = QDate::currentDate();

    QLabel* m_heading = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QLineEdit* m_owners = nullptr;
    TargetDateEdit* m_target = nullptr;
    TargetDateEdit* m_revised = nullptr;
    QComboBox* m_status = nullptr;
    QComboBox* m_rag = nullptr;
    QPlainTextEdit* m_success = nullptr;
    QPlainTextEdit* m_evidence = nullptr;
    QLineEdit* m_links = nullptr;
    QHash<int, QLabel*> m_errors;
    QHash<int, QString> m_stored; // the value each field holds in the database
    qint64 m_version = 0;         // the action's version when it was shown

    UpdateTableModel* m_updates = nullptr;
    QTableView* m_updatesView = nullptr;
    QLineEdit* m_updateDate = nullptr;
    QLineEdit* m_updateAuthor = nullptr;
    QComboBox* m_updateRag = nullptr;
    QPlainTextEdit* m_updateText = nullptr;
    QPushButton* m_addUpdate = nullptr;
    QLabel* m_updateError = nullptr;
    QWidget* m_form = nullptr;
    HistoryPanel* m_history = nullptr;
};

} // namespace rt
