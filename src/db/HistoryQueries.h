#pragma once

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QPair>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVector>

// Reading the change history for the History tabs and the change log.
namespace rt {

// One row of the history table as stored (see docs/DATA-MODEL.md).
struct HistoryEntry
{
    qint64 id = 0;
    QDateTime at; // UTC
    QString who;
    QString entity; // singular table name: action, update, s11_rating …
    qint64 entityId = 0;
    qint64 reviewId = 0; // 0: none
    QString field;       // a column, or created / deleted (legacy: update, target …)
    QVariant oldValue;   // null when there was none
    QVariant newValue;
    QString parentEntity; // "" for a record that is not a detail of another
    qint64 parentId = 0;
};

// Which rows to read. A record scope (recordEntity set) is a History tab:
// those records and their details. Otherwise the whole log, narrowed by
// whichever filters are set (empty, 0 or an invalid date: any).
struct HistoryFilter
{
    QString recordEntity;
    QVector<qint64> recordIds;

    QString text; // in values, the user, or the record's number or text
    QString who;
    QStringList entities;
    QStringList fields;
    qint64 reviewId = 0;
    QDate from, to; // local days, both included

    bool isRecordScope() const { return !recordEntity.isEmpty(); }
    bool operator==(const HistoryFilter& o) const;
    bool operator!=(const HistoryFilter& o) const { return !(*this == o); }
};

// Where reading stopped. Rows come newest first, ordered by (at, id); the
// next rows are those before (at, id). The log is searched in windows of the
// history_at index so that a filter matching few rows of millions is read a
// slice at a time and never holds the window for long.
struct HistoryCursor
{
    bool started = false; // false: from the newest row (or the filter's "to" day)
    QString at;
    qint64 id = 0;
    bool done = false;
    int window = 0; // index entries per slice, sized to how fast the last one was read
    bool planned = false;
    bool byKind = false; // few rows of the kinds asked for: read them through history_entity
};

// What a row is about, as it is now or, once deleted, as last logged.
struct HistoryRecord
{
    QString entity;
    qint64 id = 0;
    QString label; // number, name or title; "" when none is known
    bool exists = false;
    qint64 reviewId = 0;         // its review, 0 when none (or gone)
    QString recommendationLabel; // an action's recommendation's number, for an action with none
};

class HistoryQueries
{
public:
    explicit HistoryQueries(QSqlDatabase db);

    // Appends to *out up to `wanted` rows after *cursor, advancing it.
    // Returns after about budgetMs even with fewer rows (0: no limit); the
    // cursor then says where to go on. False on a database error.
    bool fetch(const HistoryFilter& filter, HistoryCursor* cursor, int wanted, int budgetMs,
               QVector<HistoryEntry>* out);

    // The newest row's id (0 for an empty log): whether the log has grown.
    qint64 lastId();
    // Everyone named in the log, sorted.
    QStringList users();
    // The reviews of the file (id, "reference — title"), for a filter's choices.
    QVector<QPair<qint64, QString>> reviews();
    // Every s11_rating id logged for one cell of an audit, with the current one.
    QVector<qint64> s11RatingIds(qint64 auditId, qint64 agencyId, qint64 standardId);

    // Labels for what rows refer to; cached until clearCache().
    HistoryRecord record(const QString& entity, qint64 id);
    QString reviewLabel(qint64 reviewId);
    void clearCache();

    QString errorString() const { return m_error; }

    // The fields written alongside another (a target's precision and due
    // day, the status as written, the sort key): never shown.
    static QStringList derivedFields();

private:
    bool fail(const QSqlQuery& q);
    HistoryRecord readRecord(const QString& entity, qint64 id);
    QSqlQuery& statement(const QString& key, const QString& sql);
    bool windowBoundary(const HistoryCursor& cursor, int window, QString* at, qint64* id, bool* found);

    QSqlDatabase m_db;
    QString m_error;
    QHash<QString, HistoryRecord> m_records;
    QHash<qint64, QString> m_reviews;
    QHash<QString, QSqlQuery> m_statements;
};

} // namespace rt
