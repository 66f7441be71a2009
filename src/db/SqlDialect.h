#pragma once

#include <QSqlDatabase>
#include <QString>

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
};

} // namespace rt
