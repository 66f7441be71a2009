#include "HistoryDeferral.h"

#include "db/HistoryTriggers.h"

#include <QSqlError>
#include <QSqlQuery>

namespace rt {

HistoryDeferral::HistoryDeferral(QSqlDatabase& db) : m_db(db), m_triggers(db) {}

bool HistoryDeferral::begin()
{
    if (!m_triggers.setAside(QStringLiteral("name LIKE 'log\\_%\\_insert' ESCAPE '\\'")))
        return fail(QStringLiteral("insert triggers"), m_triggers.errorString());
    const auto& tables = HistoryTriggers::tables();
    QSqlQuery q(m_db);
    for (int i = 0; i < tables.size(); ++i) {
        if (!m_triggers.contains(QStringLiteral("log_%1_insert").arg(tables[i].table)))
            continue; // a schema before history triggers: nothing to defer
        if (!q.exec(QStringLiteral("SELECT coalesce(max(rowid), 0) FROM %1").arg(tables[i].table)) ||
            !q.next())
            return fail(tables[i].table, q.lastError().text());
        m_deferred.append({i, q.value(0).toLongLong()});
    }
    return true;
}

bool HistoryDeferral::finish()
{
    const auto& tables = HistoryTriggers::tables();
    QSqlQuery q(m_db);
    // What the triggers' WHEN asks, asked once: it refuses a file replaced
    // behind our back and says whether a HistoryPause is in force.
    if (!q.exec(QStringLiteral("SELECT rt_history()")) || !q.next())
        return fail(QStringLiteral("history"), q.lastError().text());
    const bool logging = q.value(0).toBool();
    // Parents first, each table's rows in the order they were made, as the
    // triggers would have logged them.
    for (const Deferred& d : std::as_const(m_deferred)) {
        if (!logging)
            break;
        const HistoryTriggers::Table& t = tables[d.table];
        const QStringList columns = HistoryTriggers::columns(m_db, t.table);
        q.prepare(
            QStringLiteral("%1 SELECT %2 FROM %3 AS created WHERE created.rowid > ? ORDER BY created.rowid")
                .arg(HistoryTriggers::historyInsertHead(),
                     HistoryTriggers::createdValues(t, columns, QStringLiteral("created")), t.table));
        q.addBindValue(d.lastRowBefore);
        if (!q.exec())
            return fail(t.table, q.lastError().text());
    }
    if (!m_triggers.restore())
        return fail(QStringLiteral("insert triggers"), m_triggers.errorString());
    m_deferred.clear();
    return true;
}

bool HistoryDeferral::fail(const QString& what, const QString& why)
{
    m_error = QStringLiteral("change history (%1): %2").arg(what, why);
    return false;
}

} // namespace rt
