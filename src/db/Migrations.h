#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace rt {

// Brings a database up to a schema version one step at a time. Each step is a
// script (resources :/migrations/<dialect>/NNN-*.sql) run inside its own
// transaction together with the new PRAGMA user_version, so a failed step
// leaves the file at the version before it.
class Migrations
{
public:
    static int latestVersion();
    static bool migrate(QSqlDatabase& db, int fromVersion, int toVersion, QString* error);

    // Splits a script into statements; a trigger's body (BEGIN … END;) stays whole.
    static QStringList splitStatements(const QString& script);

private:
    static QString scriptFor(int version);
};

} // namespace rt
