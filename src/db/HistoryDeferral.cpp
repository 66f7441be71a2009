#include "HistoryDeferral.h"

#include "db/HistoryTriggers.h"

#include <QSqlError>
#include <QSqlQuery>

namespace rt {

HistoryDeferral::HistoryDeferral(QSqlDatabase& db) : m_db(db) {}

bool HistoryDeferral::begin()
{
    const auto& tables = HistoryTriggers::tables();
    QSqlQuery q(m_db);
    for (int i = 0; i < tables.size(); ++i) {
        const QString trigger = QStringLiteral("log_%1_insert").arg(tables[i].table);
        q.prepare(QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?"));
        q.addBindValue(trigger);
        if (!q.exec())
            return fail(trigger, q.lastError().text());
        if (!q.next())
            continue; // a schema before history triggers: nothing to defer
        Deferred d;
        d.table = i;
        d.triggerSql = q.value(0).toString();
        if (!q.exec(QStringLiteral("SELECT coalesce(max(rowid), 0) FROM %1").arg(tables[i].table)) ||
            !q.next())
            return fail(tables[i].table, q.lastError().text());
        d.lastRowBefore = q.value(0).toLongLong();
        if (!q.exec(QStringLiteral("DROP TRIGGER %1").arg(trigger)))
            return fail(trigger, q.lastError().text());
        m_deferred.append(d);
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
    for (const Deferred& d : std::as_const(m_deferred)) {
        if (!q.exec(d.triggerSql))
            return fail(tables[d.table].table, q.lastError().text());
    }
    m_deferred.clear();
    return true;
}

bool HistoryDeferral::fail(const QString& what, const QString& why)
{
    m_error = QStringLiteral("change history (%1): %2").arg(what, why);
    return false;
}

} // namespace rt
