#pragma once

#include <QDialog>
#include <QString>
#include <functional>

class QLabel;

namespace rt {

// Two people, one record: someone else saved this field after the user
// opened it. The dialog shows both values and who saved theirs when, and
// lets the user keep theirs or save their own over it — never silently.
class ConflictDialog : public QDialog
{
    Q_OBJECT

public:
    struct Values
    {
        QString record; // "action 1.2"
        QString field;  // "Status"
        QString mine;
        QString theirs;
        QString who;  // who saved theirs
        QString when; // UTC ISO date-time
    };

    ConflictDialog(const Values& values, QWidget* parent = nullptr);

    // Settles the action table's conflicts: asks, and saves the person's
    // value over theirs when they choose so.
    static void settleConflictsOf(class ActionTableModel* model, QWidget* parent);
    // Asks, and answers whether to save the user's value over theirs.
    static bool saveMine(QWidget* parent, const Values& values);
    // Tests answer without a window: the function gets the dialog (to check
    // what it shows) and returns whether to save mine.
    static void setAnswerForTesting(std::function<bool(const ConflictDialog&)> answer);

    QString summary() const; // what the dialog says, as plain text
    bool choseMine() const { return m_mine; }

private:
    Values m_values;
    QLabel* m_text = nullptr;
    bool m_mine = false;
};

} // namespace rt
