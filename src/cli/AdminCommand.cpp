// The admin verbs for a server database: setup (schema and roles) and grant
// (a login becomes an editor or a reviewer). Run by the database's owner.

#include "CommandLine.h"
#include "db/Database.h"
#include "db/ServerAddress.h"
#include "db/ServerRoles.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::CommandLine", text);
}

} // namespace

int CommandLine::runAdmin(const QStringList& args)
{
    const QString action = args.size() > 1 ? args.at(1) : QString();
    if (action != QLatin1String("setup") && action != QLatin1String("grant"))
        return usage(tr("admin: use “admin setup --db URL” or “admin grant --db URL --role editor|reviewer "
                        "LOGIN”"));
    QStringList rest = args;
    rest.removeAt(1);
    QCommandLineParser p;
    p.addOption(
        {QStringLiteral("db"), tr("The server database: postgresql://USER@HOST:PORT/DATABASE."), tr("URL")});
    if (action == QLatin1String("grant")) {
        p.setApplicationDescription(tr("Makes an existing server login an editor or a reviewer."));
        p.addOption({QStringLiteral("role"), tr("editor or reviewer."), tr("ROLE")});
        p.addPositionalArgument(tr("LOGIN"), tr("The server login to give the role."));
    } else {
        p.setApplicationDescription(
            tr("Creates (or upgrades) the Review Tracker schema in a PostgreSQL database and the roles "
               "tracker_editor and tracker_reviewer with their rights. The login in the URL becomes the "
               "schema's owner."));
    }
    int code = Ok;
    if (!parseOptions(p, rest, &code))
        return code;
    const QString url = p.value(QStringLiteral("db"));
    if (url.isEmpty())
        return usage(tr("admin %1: --db URL is required").arg(action));
    if (!ServerAddress::looksLikeServer(url))
        return usage(tr("admin %1: --db must be a server address (postgresql://USER@HOST:PORT/DATABASE), "
                        "not “%2”")
                         .arg(action, url));

    if (action == QLatin1String("setup")) {
        Database db;
        if (!db.openForSetup(url))
            return dataError(db.errorString());
        QString error;
        if (!ServerRoles::setUp(db, &error))
            return dataError(tr("%1: the roles could not be set up: %2").arg(db.path(), error));
        m_out << tr("%1: schema %2, roles %3 and %4 ready")
                     .arg(db.path())
                     .arg(db.schemaVersion())
                     .arg(ServerRoles::roleName(ServerRoles::Role::Editor),
                          ServerRoles::roleName(ServerRoles::Role::Reviewer))
              << '\n';
        return Ok;
    }

    const QString roleText = p.value(QStringLiteral("role"));
    if (roleText != QLatin1String("editor") && roleText != QLatin1String("reviewer"))
        return usage(tr("admin grant: --role must be editor or reviewer, not “%1”").arg(roleText));
    const QStringList logins = p.positionalArguments();
    if (logins.size() != 1)
        return usage(tr("admin grant: give one LOGIN"));
    const ServerRoles::Role role =
        roleText == QLatin1String("editor") ? ServerRoles::Role::Editor : ServerRoles::Role::Reviewer;
    Database db;
    if (!db.open(url, Database::OpenMode::ReadWrite))
        return dataError(db.errorString());
    QString error;
    if (!ServerRoles::grant(db, role, logins.first(), &error))
        return dataError(tr("%1: %2").arg(db.path(), error));
    m_out << tr("%1: %2 is now a %3").arg(db.path(), logins.first(), roleText) << '\n';
    return Ok;
}

} // namespace rt
