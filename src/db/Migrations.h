#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace rt {

// Brings a database up to a schema version one step at a time. Each step is a
// script (resources :/migrations/<dialect>/NNN-*.sql) run inside its own
// transaction together with the new version (SQLite's PRAGMA user_version,
// PostgreSQL's rt_schema table), so a failed step leaves the database at the
// version before it. Both dialects have the same versions with the same
// tables and columns.
class Migrations
{
public:
    enum class Dialect
    {
        Sqlite,
        Postgres
    };

    static int latestVersion(Dialect dialect = Dialect::Sqlite);
    static bool migrate(QSqlDatabase& db, int fromVersion, int toVersion, QString* error);

    // Splits a script into statements; a SQLite trigger's body (BEGIN … END;)
    // and a PostgreSQL function's ($$ … $$) stay whole.
    static QStringList splitStatements(const QString& script);

private:
    static QString scriptFor(int version, Dialect dialect);
    static bool recordVersion(QSqlDatabase& db, Dialect dialect, int version);
};

} // namespace rt
