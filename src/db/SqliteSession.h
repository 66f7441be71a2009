#pragma once

#include "FileGuard.h"

#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <QVector>

struct sqlite3;

namespace rt {

// What one SQLite connection adds to SQL for the tracker, installed on every
// connection rt::Database opens:
//  - rt_now(), rt_who(): when and by whom, for the history triggers;
//  - rt_history(): whether the triggers log (1) or not (0, while a backup is
//    restored verbatim); before the first write of each transaction it also
//    checks that the file is still the one opened and still writable, and
//    fails the statement with the reason when not — so every write path is
//    refused the same way, whichever repository it comes through;
//  - rt_set_history(on): switches logging for this connection only and
//    returns whether it was on;
//  - a journal of the history rows this connection committed, one range per
//    transaction, which the window's undo stack is built from.
class SqliteSession : public QObject
{
    Q_OBJECT

public:
    struct Range
    {
        qint64 first = 0;
        qint64 last = 0;
    };

    explicit SqliteSession(QObject* parent = nullptr);
    ~SqliteSession() override;

    // Installs the functions and hooks; guardPath empty: no file guard.
    bool install(QSqlDatabase& db, const QString& guardPath, QString* error);
    // Detaches the hooks before the connection closes.
    void uninstall();

    // The history ranges committed since the last call, oldest first.
    QVector<Range> takeCommitted();
    // Whether the open file is still the one opened, and writable.
    FileGuard::State fileState() const { return m_guard.check(); }
    QString describe(FileGuard::State state) const { return m_guard.describe(state); }

    // The sqlite3 handle of a Qt connection (nullptr when not SQLite).
    static sqlite3* handleOf(const QSqlDatabase& db);

signals:
    // Queued after a commit that wrote history rows.
    void committed();

private:
    static void updateHook(void* self, int op, const char* database, const char* table, long long rowid);
    static int commitHook(void* self);
    static void rollbackHook(void* self);
    void promote();
    void forgetTransaction();

    sqlite3* m_handle = nullptr;
    FileGuard m_guard;
    bool m_logging = true;
    bool m_guardChecked = false; // in the current transaction
    QByteArray m_at;             // rt_now() of the current transaction
    QByteArray m_who;            // rt_who() of the current transaction
    bool m_whoKnown = false;     // the login may be empty
    Range m_pending;             // history rows written in the open transaction
    Range m_committing;          // handed over by the commit hook, until it is known to have held
    QVector<Range> m_committed;

    friend struct SqliteSessionFunctions;
};

} // namespace rt
