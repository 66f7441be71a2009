#pragma once

#include <QSqlDatabase>
#include <QString>

namespace rt {

// A database's reason made plain where SQLite's words would puzzle a person:
// a write the disk refused (full, over a size limit, gone) is said so.
QString plainReason(const QString& sqliteReason);

// Rolls back unless commit() succeeded, so an early return or a failed step
// can never leave half a change in the file.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    bool isActive() const { return m_active; }
    bool commit();
    // Why the last commit() failed (the database's words).
    QString errorString() const { return m_lastError; }

private:
    QSqlDatabase& m_db;
    bool m_active = false;
    QString m_lastError;
};

} // namespace rt
