#pragma once

#include <QDate>
#include <QIODevice>
#include <QMap>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVector>

namespace rt {

// Reads a filled-in owner return (.xlsx from OwnerReturnsWriter) and records
// each filled row as a dated progress update plus any status / RAG change,
// in one transaction. A row whose action changed in the database after the
// return was written is reported as a conflict and not applied.
class OwnerReturnsImporter
{
public:
    struct Result
    {
        int rowsApplied = 0;
        int updates = 0;
        int statusChanges = 0;
        int ragChanges = 0;
        int rowsBlank = 0;
        QStringList unmatched; // "Row 7: no action 123 in this database"
        // "Row 5 (action 1.2 of Child X): changed since the return was written (status changed …)"
        QStringList conflicts;
    };

    explicit OwnerReturnsImporter(QSqlDatabase db);
    // false (nothing recorded) when the file cannot be read, is not a return,
    // or the database refuses the changes; rows that cannot be matched or
    // changed meanwhile are listed in the result and do not stop the others.
    // Each update is dated as the row says, or the day the return is recorded;
    // its author is the owner the return was written for.
    bool apply(QIODevice* device, const QString& sourceName, Result* result);
    QString errorString() const { return m_error; }
    // The day the return is recorded: the default update date, and the latest
    // an update may be dated. For tests.
    void setToday(const QDate& today) { m_today = today; }

private:
    struct Row;
    bool readRows(QIODevice* device, const QString& sourceName, QVector<Row>* rows, Result* result);
    // The changes to the action since the return was written; "" when none.
    QString changesSince(const Row& row);
    bool record(const Row& row, Result* result);

    QSqlDatabase m_db;
    QString m_error;
    QDate m_today = QDate::currentDate();
    QString m_owner;                // the update's author
    qint64 m_historyMark = 0;       // the newest change-log id when the return was written
    QMap<int, QString> m_unmatched; // by spreadsheet row
};

} // namespace rt
