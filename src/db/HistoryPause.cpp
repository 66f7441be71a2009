#include "HistoryPause.h"

#include <QSqlError>
#include <QSqlQuery>

namespace rt {

HistoryPause::HistoryPause(QSqlDatabase& db) : m_db(db)
{
    QSqlQuery q(m_db);
    m_paused = q.exec(QStringLiteral("SELECT rt_set_history(0)")) && q.next();
    if (m_paused)
        m_wasLogging = q.value(0).toBool();
    else
        m_error = q.lastError().text();
}

HistoryPause::~HistoryPause()
{
    if (m_paused)
        QSqlQuery(m_db).exec(QStringLiteral("SELECT rt_set_history(%1)").arg(m_wasLogging ? 1 : 0));
}

} // namespace rt
