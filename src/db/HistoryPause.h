#pragma once

#include <QSqlDatabase>
#include <QString>

namespace rt {

// While alive, this connection's history triggers log nothing: for writes
// that are not changes — a backup restored with its own history. Other
// connections keep logging.
class HistoryPause
{
public:
    explicit HistoryPause(QSqlDatabase& db);
    ~HistoryPause();
    HistoryPause(const HistoryPause&) = delete;
    HistoryPause& operator=(const HistoryPause&) = delete;

    bool isPaused() const { return m_paused; }
    QString errorString() const { return m_error; }

private:
    QSqlDatabase& m_db;
    bool m_paused = false;
    bool m_wasLogging = true; // a pause inside a pause leaves logging off
    QString m_error;
};

} // namespace rt
