#include "TriggerSetAside.h"

#include <QSqlError>
#include <QSqlQuery>

namespace rt {

bool TriggerSetAside::setAside(const QString& condition)
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND (%1)")
                    .arg(condition)))
        return fail(q.lastError().text());
    QVector<QPair<QString, QString>> found;
    while (q.next())
        found.append({q.value(0).toString(), q.value(1).toString()});
    for (const auto& trigger : std::as_const(found)) {
        if (!q.exec(QStringLiteral("DROP TRIGGER \"%1\"").arg(trigger.first)))
            return fail(q.lastError().text());
        m_triggers.append(trigger);
    }
    return true;
}

bool TriggerSetAside::restore()
{
    QSqlQuery q(m_db);
    for (const auto& [name, sql] : std::as_const(m_triggers)) {
        if (!q.exec(sql))
            return fail(QStringLiteral("%1: %2").arg(name, q.lastError().text()));
    }
    m_triggers.clear();
    return true;
}

bool TriggerSetAside::contains(const QString& name) const
{
    for (const auto& trigger : m_triggers) {
        if (trigger.first == name)
            return true;
    }
    return false;
}

bool TriggerSetAside::fail(const QString& why)
{
    m_error = why;
    return false;
}

} // namespace rt
