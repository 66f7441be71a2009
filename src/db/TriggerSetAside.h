#pragma once

#include <QPair>
#include <QSqlDatabase>
#include <QString>
#include <QVector>

namespace rt {

// SQLite triggers set aside for a bulk load and put back afterwards from their
// own text in the schema, exactly as they were. Both happen in the caller's
// transaction, so a rollback puts the triggers back too.
class TriggerSetAside
{
public:
    explicit TriggerSetAside(QSqlDatabase& db) : m_db(db) {}

    // Drops the triggers that condition (SQL over sqlite_master's columns)
    // selects, keeping their text.
    bool setAside(const QString& condition);
    bool restore();

    bool isEmpty() const { return m_triggers.isEmpty(); }
    bool contains(const QString& name) const;
    QString errorString() const { return m_error; }

private:
    bool fail(const QString& why);

    QSqlDatabase& m_db;
    QVector<QPair<QString, QString>> m_triggers; // name, CREATE TRIGGER text
    QString m_error;
};

} // namespace rt
