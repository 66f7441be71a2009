#include "Transaction.h"

#include <QSqlError>
#include <QSqlQuery>

namespace rt {

Transaction::Transaction(QSqlDatabase& db) : m_db(db)
{
    // IMMEDIATE takes the write lock up front (waiting up to the busy
    // timeout), so a transaction that reads before it writes cannot fail half
    // way with "database is locked" because another program saved meanwhile.
    // A read-only connection cannot take it and reads in a plain one.
    QSqlQuery begin(m_db);
    m_active = begin.exec(QStringLiteral("BEGIN IMMEDIATE"));
    if (!m_active)
        m_active = begin.exec(QStringLiteral("BEGIN"));
}

Transaction::~Transaction()
{
    if (m_active)
        m_db.rollback();
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
    m_db.rollback();
    return false;
}

} // namespace rt
