#pragma once

#include <QSqlDatabase>
#include <QString>

class QSqlQuery;

namespace rt {

// The few places where SQLite and PostgreSQL need different SQL, named in
// one class so the rest of the data layer asks rather than guesses.
class SqlDialect
{
public:
    static bool isPostgres(const QSqlDatabase& db);
    // SELECT name … of a table's columns in table order; one bound value,
    // the table's name.
    static QString columnsQuery(const QSqlDatabase& db);
    // One row, one column: the schema version (SQLite's user_version,
    // PostgreSQL's rt_schema).
    static QString schemaVersionQuery(const QSqlDatabase& db);
    // The id an executed INSERT … RETURNING id gave (0 if none), and the
    // query finished: SQLite refuses to commit while it is still open.
    // Not lastInsertId(): QPSQL answers that with lastval(), which the
    // history trigger has by then moved on to the history row.
    static qint64 insertedId(QSqlQuery& q);
};

} // namespace rt
