#include "Transaction.h"

#include "SqlDialect.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace rt {

QString plainReason(const QString& reason)
{
    if (reason.contains(QLatin1String("disk I/O error")) || reason.contains(QLatin1String("disk is full")))
        return QCoreApplication::translate(
                   "rt::Transaction", "the disk is full or refused the write (%1); nothing was saved — free "
                                      "some space or save to another drive")
            .arg(reason.trimmed());
    return reason;
}

Transaction::Transaction(QSqlDatabase& db) : m_db(db)
{
    // IMMEDIATE takes the write lock up front (waiting up to the busy
    // timeout), so a transaction that reads before it writes cannot fail half
    // way with "database is locked" because another program saved meanwhile.
    // A read-only connection cannot take it and reads in a plain one.
    // PostgreSQL locks rows as they are written and has no such mode.
    QSqlQuery begin(m_db);
    if (SqlDialect::isPostgres(m_db)) {
        m_active = begin.exec(QStringLiteral("BEGIN"));
        return;
    }
    m_active = begin.exec(QStringLiteral("BEGIN IMMEDIATE"));
    if (!m_active)
        m_active = begin.exec(QStringLiteral("BEGIN"));
}

Transaction::~Transaction()
{
    if (m_active)
        QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
}

bool Transaction::commit()
{
    if (!m_active)
        return false;
    m_active = false;
    // The driver's COMMIT sets the connection's lastError() when it fails,
    // which is what callers report.
    if (m_db.commit())
        return true;
    // A failed COMMIT (disk full, busy) leaves the transaction open; end it
    // so the connection is usable and nothing half-done lingers.
    m_lastError = m_db.lastError().text();
    // Through a query, not m_db.rollback(): a failed COMMIT (a full disk)
    // has often rolled back already, and the driver's rollback would then
    // replace the reason callers report with "no transaction is active".
    QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
    return false;
}

} // namespace rt
