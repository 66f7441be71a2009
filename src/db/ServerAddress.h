#pragma once

#include <QMap>
#include <QString>

namespace rt {

// Where a server database is: postgresql://USER@HOST:PORT/DBNAME?sslmode=…,
// the form libpq documents. The password never appears in it: libpq reads
// PGPASSWORD or ~/.pgpass, and the window asks for it when neither has one,
// so the program never writes a password down.
class ServerAddress
{
public:
    // Whether text is meant as a server address (and not a file path).
    static bool looksLikeServer(const QString& text);
    // The address, or an invalid one with error set naming what is wrong.
    static ServerAddress parse(const QString& text, QString* error);

    bool isValid() const { return !m_database.isEmpty(); }
    QString user() const { return m_user; }
    QString host() const { return m_host; }
    int port() const { return m_port; }
    QString database() const { return m_database; }
    QString option(const QString& name) const { return m_options.value(name); }
    // The connection options for QPSQL ("sslmode=require;connect_timeout=10").
    QString connectOptions() const;
    // The address as the user wrote it, without a password: for titles,
    // messages and the recent-files list.
    QString toString() const;
    // The same server and login with another database name.
    ServerAddress withDatabase(const QString& database) const;

private:
    QString m_user;
    QString m_host;
    int m_port = 5432;
    QString m_database;
    QMap<QString, QString> m_options;
};

} // namespace rt
