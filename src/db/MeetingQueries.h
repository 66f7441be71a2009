#pragma once

#include <QDate>
#include <QSqlDatabase>
#include <QString>
#include <QVector>

namespace rt {

// One line of the QiiP meeting view: something that happened to an action
// between the last meeting and the as-of date.
struct MeetingItem
{
    enum Kind
    {
        NewUpdate,
        StatusChange,
        RagChange,
        NewlyOverdue,
        Completed,
        KindCount
    };

    Kind kind = NewUpdate;
    qint64 actionId = 0;
    qint64 reviewId = 0;
    QString reviewTitle;
    QString recommendationNumber;
    QString actionNumber;
    QString actionText;
    QString owner;
    // When it happened: the update's first possible day, the day the change
    // was logged, or the original target's due day (NewlyOverdue).
    QDate when;
    QString whenText; // as stored: partial ISO for updates ("2024-02"), ISO date otherwise
    // Stored codes: status or RAG codes for StatusChange / RagChange /
    // Completed (oldValue empty when the completion came from a Blue update);
    // empty for NewUpdate and NewlyOverdue.
    QString oldValue;
    QString newValue;
    // Readable labels of the same ("In progress", "Amber"); for NewlyOverdue
    // newLabel is the original target as written ("March 2024").
    QString oldLabel;
    QString newLabel;
    // The action's latest progress update dated on or before the as-of date
    // (undated updates count as the oldest); for NewUpdate, the new update itself.
    QString latestUpdateText;
    QString latestUpdateDate; // partial ISO, empty when undated
    bool hasLatestUpdate = false;
    bool targetRevised = false; // the action has a revised target
    // Where the action sits, for ordering by review, recommendation, action.
    int reviewPosition = 0;
    int recommendationPosition = 0;
    QString recommendationSortKey;
    qint64 recommendationId = 0;
    int actionPosition = 0;
};

// What changed since a chosen date (the last QiiP meeting), read for the
// meeting view. Sources:
// - NewUpdate: progress updates dated in [since, asOf]. Updates may be dated
//   by month or year ("2024-02"); such a date counts as its first day, so an
//   update of "February 2024" is new since 01/02/2024 but not since 02/02/2024.
// - StatusChange / RagChange: the change history (history.at from the start of
//   since to the end of asOf, UTC). RAG changes are also read from consecutive
//   progress updates — how the imported documents record them: an update in
//   the period rated differently from the action's previous rated update. The
//   same change (action, from, to) found both ways is listed once.
// - NewlyOverdue: open actions whose original target falls due in
//   [since, asOf): not overdue at the last meeting, overdue now (the rule of
//   StatusQueries::overdueCondition).
// - Completed: status changes to Complete or Superseded in the history, and
//   updates in the period rated Blue; one item per action.
// Actions since deleted are left out. Items are ordered by kind, then review,
// recommendation and action, then date.
class MeetingQueries
{
public:
    explicit MeetingQueries(QSqlDatabase& db);

    bool changesSince(const QDate& since, const QDate& asOf, QVector<MeetingItem>* out);
    // Items per kind, indexed by MeetingItem::Kind.
    static QVector<int> countsByKind(const QVector<MeetingItem>& items);

    QString errorString() const { return m_error; }

private:
    bool exec(class QSqlQuery& q);
    bool newUpdates(const QString& since, const QString& asOf, QVector<MeetingItem>* out);
    bool impliedRagChanges(const QString& since, const QString& asOf, QVector<MeetingItem>* out);
    bool loggedChanges(const QString& since, const QString& asOf, QVector<MeetingItem>* out);
    bool newlyOverdue(const QString& since, const QString& asOf, QVector<MeetingItem>* out);
    bool fillLatestUpdates(const QString& asOf, QVector<MeetingItem>* items);

    QSqlDatabase& m_db;
    QString m_error;
};

} // namespace rt
