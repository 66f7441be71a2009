#include "HistoryPause.h"

#include "SqlDialect.h"

#include <QSqlError>
#include <QSqlQuery>

namespace rt {

namespace {

// SQLite: the session's rt_set_history(), which answers what it was.
// PostgreSQL: the setting rt.history that rt_log() reads, for this session.
QString switchSql(const QSqlDatabase& db, bool on)
{
    if (SqlDialect::isPostgres(db))
        return QStringLiteral("SELECT coalesce(current_setting('rt.history', true), '') <> 'off', "
                              "set_config('rt.history', '%1', false)")
            .arg(on ? QStringLiteral("on") : QStringLiteral("off"));
    return QStringLiteral("SELECT rt_set_history(%1)").arg(on ? 1 : 0);
}

} // namespace

HistoryPause::HistoryPause(QSqlDatabase& db) : m_db(db)
{
    QSqlQuery q(m_db);
    m_paused = q.exec(switchSql(m_db, false)) && q.next();
    if (m_paused)
        m_wasLogging = q.value(0).toBool();
    else
        m_error = q.lastError().text();
}

HistoryPause::~HistoryPause()
{
    if (m_paused)
        QSqlQuery(m_db).exec(switchSql(m_db, m_wasLogging));
}

} // namespace rt
