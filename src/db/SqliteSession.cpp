#include "SqliteSession.h"

#include "Repository.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDriver>
#include <QVariant>
#include <sqlite3.h>

namespace rt {

// The SQL functions' bodies; a struct so they may reach the session's privates.
struct SqliteSessionFunctions
{
    // Who and when are taken once per transaction: every change of one
    // commit carries the same moment, and an import logging 150,000 rows
    // does not format the clock and read the environment 150,000 times.
    static void now(sqlite3_context* ctx, int, sqlite3_value**)
    {
        auto* self = static_cast<SqliteSession*>(sqlite3_user_data(ctx));
        if (self->m_at.isEmpty())
            self->m_at = Repository::now().toUTC().toString(Qt::ISODate).toUtf8();
        sqlite3_result_text(ctx, self->m_at.constData(), int(self->m_at.size()), SQLITE_TRANSIENT);
    }

    static void who(sqlite3_context* ctx, int, sqlite3_value**)
    {
        auto* self = static_cast<SqliteSession*>(sqlite3_user_data(ctx));
        if (!self->m_whoKnown) {
            self->m_who = Repository::currentUser().toUtf8();
            self->m_whoKnown = true;
        }
        sqlite3_result_text(ctx, self->m_who.constData(), int(self->m_who.size()), SQLITE_TRANSIENT);
    }

    static void history(sqlite3_context* ctx, int, sqlite3_value**)
    {
        auto* self = static_cast<SqliteSession*>(sqlite3_user_data(ctx));
        // Once per transaction: a stat() per written row would cost an
        // import of 50,000 rows a noticeable fraction of a second.
        if (!self->m_guardChecked) {
            const FileGuard::State state = self->m_guard.check();
            if (state != FileGuard::State::Unchanged) {
                const QByteArray why = self->m_guard.describe(state).toUtf8();
                sqlite3_result_error(ctx, why.constData(), why.size());
                return;
            }
            self->m_guardChecked = true;
        }
        sqlite3_result_int(ctx, self->m_logging ? 1 : 0);
    }

    static void setHistory(sqlite3_context* ctx, int, sqlite3_value** argv)
    {
        auto* self = static_cast<SqliteSession*>(sqlite3_user_data(ctx));
        const bool before = self->m_logging;
        self->m_logging = sqlite3_value_int(argv[0]) != 0;
        sqlite3_result_int(ctx, before ? 1 : 0); // so a pause inside a pause can put back what it found
    }
};

SqliteSession::SqliteSession(QObject* parent) : QObject(parent) {}

SqliteSession::~SqliteSession()
{
    uninstall();
}

sqlite3* SqliteSession::handleOf(const QSqlDatabase& db)
{
    if (!db.driver())
        return nullptr;
    const QVariant v = db.driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(v.data());
}

bool SqliteSession::install(QSqlDatabase& db, const QString& guardPath, QString* error)
{
    m_handle = handleOf(db);
    if (!m_handle) {
        *error = QCoreApplication::translate("rt::SqliteSession", "not an SQLite connection");
        return false;
    }
    if (!guardPath.isEmpty())
        m_guard = FileGuard(guardPath);
    // SQLITE_INNOCUOUS: the functions are used by triggers in the schema,
    // which SQLite refuses for untrusted functions when trusted_schema is off.
    const int flags = SQLITE_UTF8 | SQLITE_INNOCUOUS;
    struct Def
    {
        const char* name;
        int args;
        void (*fn)(sqlite3_context*, int, sqlite3_value**);
    };
    const Def defs[] = {{"rt_now", 0, &SqliteSessionFunctions::now},
                        {"rt_who", 0, &SqliteSessionFunctions::who},
                        {"rt_history", 0, &SqliteSessionFunctions::history},
                        {"rt_set_history", 1, &SqliteSessionFunctions::setHistory}};
    for (const Def& d : defs) {
        if (sqlite3_create_function_v2(m_handle, d.name, d.args, flags, this, d.fn, nullptr, nullptr,
                                       nullptr) != SQLITE_OK) {
            *error = QString::fromUtf8(sqlite3_errmsg(m_handle));
            return false;
        }
    }
    sqlite3_update_hook(m_handle, &SqliteSession::updateHook, this);
    sqlite3_commit_hook(m_handle, &SqliteSession::commitHook, this);
    sqlite3_rollback_hook(m_handle, &SqliteSession::rollbackHook, this);
    return true;
}

void SqliteSession::uninstall()
{
    if (!m_handle)
        return;
    sqlite3_update_hook(m_handle, nullptr, nullptr);
    sqlite3_commit_hook(m_handle, nullptr, nullptr);
    sqlite3_rollback_hook(m_handle, nullptr, nullptr);
    m_handle = nullptr;
}

void SqliteSession::updateHook(void* p, int op, const char* database, const char* table, long long rowid)
{
    auto* self = static_cast<SqliteSession*>(p);
    self->promote();
    if (op != SQLITE_INSERT || qstrcmp(database, "main") != 0 || qstrcmp(table, "history") != 0)
        return;
    if (self->m_pending.first == 0)
        self->m_pending.first = rowid;
    self->m_pending.last = rowid;
}

int SqliteSession::commitHook(void* p)
{
    auto* self = static_cast<SqliteSession*>(p);
    self->promote();
    self->forgetTransaction();
    self->m_committing = self->m_pending;
    self->m_pending = Range();
    if (self->m_committing.first != 0)
        QMetaObject::invokeMethod(self, &SqliteSession::committed, Qt::QueuedConnection);
    return 0; // let the commit go ahead
}

void SqliteSession::rollbackHook(void* p)
{
    // Also called when a commit the hook let through fails after all.
    auto* self = static_cast<SqliteSession*>(p);
    self->forgetTransaction();
    self->m_pending = Range();
    self->m_committing = Range();
}

void SqliteSession::forgetTransaction()
{
    m_guardChecked = false;
    m_at.clear();
    m_who.clear();
    m_whoKnown = false;
}

// A commit handed over by the hook has held once anything else happens on
// the connection without a rollback in between.
void SqliteSession::promote()
{
    if (m_committing.first != 0) {
        m_committed.append(m_committing);
        m_committing = Range();
    }
}

QVector<SqliteSession::Range> SqliteSession::takeCommitted()
{
    promote();
    QVector<Range> out;
    out.swap(m_committed);
    return out;
}

} // namespace rt
