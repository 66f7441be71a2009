// Database on a PostgreSQL server: connecting (password from libpq's own
// sources or the prompt), the schema's identity and version, and what the
// login may do. The file-only parts (header checks, WAL, the file guard)
// have no server counterpart; the server keeps its own consistency.
#include "Database.h"
#include "Migrations.h"
#include "ServerAddress.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::Database", text);
}

Database::PasswordPrompt& passwordPrompt()
{
    static Database::PasswordPrompt prompt;
    return prompt;
}

// libpq's words for "a password is needed, or the one given was wrong".
bool needsPassword(const QString& error)
{
    return error.contains(QLatin1String("no password supplied")) ||
           error.contains(QLatin1String("password authentication failed"));
}

} // namespace

void Database::setPasswordPrompt(PasswordPrompt prompt)
{
    passwordPrompt() = std::move(prompt);
}

bool Database::connectServer(const QString& text)
{
    QString parseError;
    const ServerAddress address = ServerAddress::parse(text, &parseError);
    if (!address.isValid()) {
        m_error = parseError;
        return false;
    }
    m_path = address.toString();
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        m_error = tr("%1: this installation has no PostgreSQL driver for Qt (Debian package "
                     "libqt6sql6-psql)")
                      .arg(m_path);
        return false;
    }
    m_connectionName = nextConnectionName();
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    m_db.setHostName(address.host());
    m_db.setPort(address.port());
    m_db.setDatabaseName(address.database());
    m_db.setUserName(address.user());
    m_db.setConnectOptions(address.connectOptions());
    // No password set: libpq takes PGPASSWORD or ~/.pgpass. Only when the
    // server asks for one that neither gave is the user asked, twice at most.
    for (int attempt = 0; attempt < 3; ++attempt) {
        if (m_db.open())
            return true;
        const QString why = m_db.lastError().text();
        QString password;
        if (!needsPassword(why) || !passwordPrompt() || attempt == 2 ||
            !passwordPrompt()(m_path, attempt == 0 ? QString() : tr("The password was not accepted."),
                              &password)) {
            m_error = tr("%1: cannot connect: %2").arg(m_path, why.trimmed());
            return false;
        }
        m_db.setPassword(password);
    }
    return false;
}

bool Database::readServerSchema(int* version)
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT to_regclass('rt_schema') IS NOT NULL")) || !q.next()) {
        m_error = tr("%1: cannot read the database: %2").arg(m_path, q.lastError().text());
        return false;
    }
    if (!q.value(0).toBool()) {
        *version = 0;
        return true;
    }
    if (!q.exec(QStringLiteral("SELECT application_id, version FROM rt_schema")) || !q.next()) {
        m_error = tr("%1: the schema's version cannot be read: %2").arg(m_path, q.lastError().text());
        return false;
    }
    *version = q.value(1).toInt();
    return checkIdentity(m_path, q.value(0).toLongLong(), *version);
}

// A login that may not change actions is a reviewer: the window then opens
// read-only and says so. The server refuses the writes either way.
bool Database::readServerRole()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT has_table_privilege('actions', 'UPDATE'), "
                               "current_setting('default_transaction_read_only')")) ||
        !q.next()) {
        m_error = tr("%1: cannot read what this login may do: %2").arg(m_path, q.lastError().text());
        return false;
    }
    if (!q.value(0).toBool()) {
        m_readOnly = true;
        m_serverRole = QStringLiteral("reviewer");
    } else if (q.value(1).toString() == QLatin1String("on")) {
        m_readOnly = true;
    }
    return true;
}

bool Database::openForSetup(const QString& address)
{
    close();
    m_error.clear();
    m_path = address;
    m_readOnly = false;
    m_server = true;
    m_serverRole.clear();
    return openServer(address, OpenMode::ReadWrite, true);
}

bool Database::openServer(const QString& address, OpenMode mode, bool createIfEmpty)
{
    const auto refuse = [this](const QString& why) {
        if (!why.isEmpty())
            m_error = why;
        close();
        return false;
    };
    if (!connectServer(address))
        return refuse(QString());
    QSqlQuery q(m_db);
    // Notices ("trigger … does not exist, skipping" while the history
    // triggers are made again) are not problems; warnings and errors are.
    if (!q.exec(QStringLiteral("SET client_min_messages = warning")))
        return refuse(tr("%1: cannot be configured: %2").arg(m_path, q.lastError().text()));
    int version = 0;
    if (!readServerSchema(&version))
        return refuse(QString());
    if (mode == OpenMode::CreateNew && version > 0)
        return refuse(tr("%1: already holds a Review Tracker database; choose another database").arg(m_path));
    if (mode != OpenMode::CreateNew && version == 0 && !createIfEmpty)
        return refuse(tr("%1: holds no Review Tracker database; an administrator sets one up with "
                         "“review-tracker admin setup --db %1”")
                          .arg(m_path));
    if (mode == OpenMode::ReadOnly &&
        !q.exec(QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")))
        return refuse(tr("%1: cannot be opened read-only: %2").arg(m_path, q.lastError().text()));
    if (!checkUpgradable(version))
        return refuse(QString());
    QString migrateError;
    if (version < kSchemaVersion && !Migrations::migrate(m_db, version, kSchemaVersion, &migrateError))
        return refuse(tr("%1: %2 (an administrator upgrades it with “review-tracker admin setup --db %1”)")
                          .arg(m_path, migrateError));
    if (!readServerRole())
        return refuse(QString());
    return true;
}

} // namespace rt
