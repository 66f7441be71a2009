#include "Migrations.h"

#include "HistoryTriggers.h"
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

const QString kScriptDir = QStringLiteral(":/migrations/sqlite");
} // namespace

int Migrations::latestVersion()
{
    return static_cast<int>(QDir(kScriptDir).entryList({QStringLiteral("*.sql")}, QDir::Files).size());
}

QString Migrations::scriptFor(int version)
{
    const QString prefix = QStringLiteral("%1-").arg(version, 3, 10, QLatin1Char('0'));
    const QStringList files = QDir(kScriptDir).entryList({prefix + QStringLiteral("*.sql")}, QDir::Files);
    if (files.size() != 1)
        return QString();
    QFile f(kScriptDir + QLatin1Char('/') + files.first());
    if (!f.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(f.readAll());
}

QStringList Migrations::splitStatements(const QString& script)
{
    QStringList statements;
    QString current;
    bool inTrigger = false;
    const QStringList lines = script.split(QLatin1Char('\n'));
    for (const QString& rawLine : lines) {
        const QString line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1String("--")))
            continue;
        if (current.isEmpty() && line.startsWith(QLatin1String("CREATE TRIGGER"), Qt::CaseInsensitive))
            inTrigger = true;
        current += rawLine + QLatin1Char('\n');
        const bool ends = line.endsWith(QLatin1Char(';'));
        if (ends && (!inTrigger || line.compare(QLatin1String("END;"), Qt::CaseInsensitive) == 0)) {
            statements << current.trimmed();
            current.clear();
            inTrigger = false;
        }
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();
    return statements;
}

bool Migrations::migrate(QSqlDatabase& db, int fromVersion, int toVersion, QString* error)
{
    for (int v = fromVersion + 1; v <= toVersion; ++v) {
        const QString script = scriptFor(v);
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
        if (v == 1 && !q.exec(QStringLiteral("PRAGMA application_id = %1").arg(0x52545231))) {
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
        if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(v))) {
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
