#include "Migrations.h"

#include "Database.h"
#include "HistoryTriggers.h"
#include "SqlDialect.h"
#include "Transaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

namespace rt {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("rt::Migrations", text);
}

QString scriptDir(Migrations::Dialect dialect)
{
    return dialect == Migrations::Dialect::Postgres ? QStringLiteral(":/migrations/postgresql")
                                                    : QStringLiteral(":/migrations/sqlite");
}

Migrations::Dialect dialectOf(const QSqlDatabase& db)
{
    return SqlDialect::isPostgres(db) ? Migrations::Dialect::Postgres : Migrations::Dialect::Sqlite;
}
} // namespace

int Migrations::latestVersion(Dialect dialect)
{
    return static_cast<int>(
        QDir(scriptDir(dialect)).entryList({QStringLiteral("*.sql")}, QDir::Files).size());
}

QString Migrations::scriptFor(int version, Dialect dialect)
{
    const QString dir = scriptDir(dialect);
    const QString prefix = QStringLiteral("%1-").arg(version, 3, 10, QLatin1Char('0'));
    const QStringList files = QDir(dir).entryList({prefix + QStringLiteral("*.sql")}, QDir::Files);
    if (files.size() != 1)
        return QString();
    QFile f(dir + QLatin1Char('/') + files.first());
    if (!f.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(f.readAll());
}

QStringList Migrations::splitStatements(const QString& script)
{
    QStringList statements;
    QString current;
    bool inTrigger = false;
    bool triggerBody = false;
    bool inBody = false; // inside a PostgreSQL $$ … $$ function body
    const QStringList lines = script.split(QLatin1Char('\n'));
    for (const QString& rawLine : lines) {
        const QString line = rawLine.trimmed();
        if (!inBody && (line.isEmpty() || line.startsWith(QLatin1String("--"))))
            continue;
        if (line.count(QLatin1String("$$")) % 2 == 1)
            inBody = !inBody;
        // A SQLite trigger's BEGIN … END; body holds statements of its own;
        // a PostgreSQL trigger calls a function and ends at its first ';'.
        if (current.isEmpty() && line.startsWith(QLatin1String("CREATE TRIGGER"), Qt::CaseInsensitive))
            inTrigger = true;
        if (inTrigger && (line.compare(QLatin1String("BEGIN"), Qt::CaseInsensitive) == 0 ||
                          line.endsWith(QLatin1String(" BEGIN"), Qt::CaseInsensitive)))
            triggerBody = true;
        current += rawLine + QLatin1Char('\n');
        const bool ends = line.endsWith(QLatin1Char(';'));
        if (ends && !inBody &&
            (!triggerBody || line.compare(QLatin1String("END;"), Qt::CaseInsensitive) == 0)) {
            statements << current.trimmed();
            current.clear();
            inTrigger = false;
            triggerBody = false;
        }
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();
    return statements;
}

// SQLite keeps the version in the file header, PostgreSQL in rt_schema.
bool Migrations::recordVersion(QSqlDatabase& db, Dialect dialect, int version)
{
    QSqlQuery q(db);
    if (dialect == Dialect::Sqlite)
        return q.exec(QStringLiteral("PRAGMA user_version = %1").arg(version));
    return q.exec(QStringLiteral("DELETE FROM rt_schema")) &&
           q.exec(QStringLiteral("INSERT INTO rt_schema(application_id, version) VALUES (%1, %2)")
                      .arg(Database::kApplicationId)
                      .arg(version));
}

bool Migrations::migrate(QSqlDatabase& db, int fromVersion, int toVersion, QString* error)
{
    const Dialect dialect = dialectOf(db);
    for (int v = fromVersion + 1; v <= toVersion; ++v) {
        const QString script = scriptFor(v, dialect);
        if (script.isEmpty()) {
            *error = tr("the upgrade script to schema %1 is missing from this build").arg(v);
            return false;
        }
        Transaction tx(db);
        if (!tx.isActive()) {
            *error = tr("could not start the upgrade to schema %1: %2").arg(v).arg(db.lastError().text());
            return false;
        }
        QSqlQuery q(db);
        for (const QString& statement : splitStatements(script)) {
            if (!q.exec(statement)) {
                *error = tr("upgrade to schema %1 failed: %2").arg(v).arg(q.lastError().text());
                return false;
            }
        }
        if (v == 1 && dialect == Dialect::Sqlite &&
            !q.exec(QStringLiteral("PRAGMA application_id = %1").arg(Database::kApplicationId))) {
            *error = q.lastError().text();
            return false;
        }
        // The history triggers follow the tables' columns, so every upgrade
        // that reaches schema 5 or later regenerates them.
        if (v >= 5) {
            QString triggerError;
            if (!HistoryTriggers::install(db, &triggerError)) {
                *error = tr("upgrade to schema %1 failed: the history triggers: %2").arg(v).arg(triggerError);
                return false;
            }
        }
        if (!recordVersion(db, dialect, v)) {
            *error = tr("could not record schema %1: %2").arg(v).arg(q.lastError().text());
            return false;
        }
        if (!tx.commit()) {
            *error = tr("could not commit the upgrade to schema %1: %2").arg(v).arg(db.lastError().text());
            return false;
        }
    }
    return true;
}

} // namespace rt
