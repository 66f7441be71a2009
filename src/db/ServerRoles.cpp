#include "ServerRoles.h"

#include "Database.h"
#include "HistoryTriggers.h"
#include "Transaction.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::ServerRoles", text);
}

// The statements in one transaction: all of them or none.
bool runAll(QSqlDatabase& c, const QStringList& statements, QString* error)
{
    Transaction tx(c);
    QSqlQuery q(c);
    for (const QString& s : statements) {
        if (!q.exec(s)) {
            *error = QStringLiteral("%1: %2").arg(s, q.lastError().text());
            return false;
        }
    }
    if (!tx.commit()) {
        *error = c.lastError().text();
        return false;
    }
    return true;
}

// Whether the server has a role of that name; false with error set when it
// cannot say.
bool roleExists(QSqlQuery& q, const QString& name, bool* exists, QString* error)
{
    q.prepare(QStringLiteral("SELECT rolcanlogin FROM pg_roles WHERE rolname = ?"));
    q.addBindValue(name);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    *exists = q.next();
    return true;
}

bool onServer(Database& db, QString* error)
{
    if (!db.isServer())
        *error = tr("roles are for a server database, not a file");
    return db.isServer();
}

} // namespace

QString ServerRoles::roleName(Role role)
{
    return role == Role::Editor ? QStringLiteral("tracker_editor") : QStringLiteral("tracker_reviewer");
}

bool ServerRoles::setUp(Database& db, QString* error)
{
    if (!onServer(db, error))
        return false;
    QSqlDatabase& c = db.connection();
    QSqlQuery q(c);
    QStringList statements;
    for (const QString& role : {roleName(Role::Editor), roleName(Role::Reviewer)}) {
        bool exists = false;
        if (!roleExists(q, role, &exists, error))
            return false;
        if (!exists)
            statements << QStringLiteral("CREATE ROLE %1 NOLOGIN").arg(role);
    }
    const QString editor = roleName(Role::Editor);
    const QString reviewer = roleName(Role::Reviewer);
    // Start from nothing, so a right taken away in a later schema goes too.
    statements
        << QStringLiteral("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC, %1, %2")
               .arg(editor, reviewer)
        << QStringLiteral("REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC, %1, %2")
               .arg(editor, reviewer)
        << QStringLiteral("REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC")
        << QStringLiteral("GRANT USAGE ON SCHEMA public TO %1, %2").arg(editor, reviewer)
        << QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA public TO %1, %2").arg(editor, reviewer)
        << QStringLiteral("GRANT EXECUTE ON FUNCTION rt_update_day(TEXT) TO %1, %2").arg(editor, reviewer)
        << QStringLiteral("GRANT EXECUTE ON FUNCTION rt_updates_last_update(), rt_action_search(), rt_log(), "
                          "rt_notify_change(), rt_updates_never_overwritten(), "
                          "rt_history_never_rewritten() TO %1")
               .arg(editor)
        << QStringLiteral("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO %1").arg(editor);
    // Editors change records; the log and the search index are written only
    // by the owner's trigger functions.
    for (const HistoryTriggers::Table& t : HistoryTriggers::tables())
        statements << QStringLiteral("GRANT INSERT, UPDATE, DELETE ON %1 TO %2").arg(t.table, editor);
    return runAll(c, statements, error);
}

bool ServerRoles::grant(Database& db, Role role, const QString& login, QString* error)
{
    if (!onServer(db, error))
        return false;
    QSqlDatabase& c = db.connection();
    QSqlQuery q(c);
    bool exists = false;
    if (!roleExists(q, login, &exists, error))
        return false;
    if (!exists) {
        *error = tr("the server has no login “%1”; IT creates it first (CREATE ROLE … LOGIN)").arg(login);
        return false;
    }
    if (!q.value(0).toBool()) {
        *error = tr("“%1” is a role that cannot log in, not a person's login").arg(login);
        return false;
    }
    if (!roleExists(q, roleName(role), &exists, error))
        return false;
    if (!exists) {
        *error = tr("the roles are missing; run “review-tracker admin setup” first");
        return false;
    }
    const QString who = c.driver()->escapeIdentifier(login, QSqlDriver::FieldName);
    const Role other = role == Role::Editor ? Role::Reviewer : Role::Editor;
    return runAll(c,
                  {QStringLiteral("REVOKE %1 FROM %2").arg(roleName(other), who),
                   QStringLiteral("GRANT %1 TO %2").arg(roleName(role), who)},
                  error);
}

} // namespace rt
