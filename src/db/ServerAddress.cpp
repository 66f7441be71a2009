#include "ServerAddress.h"

#include <QCoreApplication>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::ServerAddress", text);
}

// The libpq options a user may give in the address; others are refused by
// name rather than passed on unread.
const QStringList& knownOptions()
{
    static const QStringList options = {QStringLiteral("sslmode"),
                                        QStringLiteral("sslrootcert"),
                                        QStringLiteral("sslcert"),
                                        QStringLiteral("sslkey"),
                                        QStringLiteral("connect_timeout"),
                                        QStringLiteral("application_name"),
                                        QStringLiteral("target_session_attrs")};
    return options;
}

const QStringList& sslModes()
{
    static const QStringList modes = {QStringLiteral("disable"),   QStringLiteral("allow"),
                                      QStringLiteral("prefer"),    QStringLiteral("require"),
                                      QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
    return modes;
}

} // namespace

bool ServerAddress::looksLikeServer(const QString& text)
{
    return text.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive) ||
           text.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

ServerAddress ServerAddress::parse(const QString& text, QString* error)
{
    ServerAddress out;
    const auto refuse = [&](const QString& why) {
        *error = tr("%1: %2").arg(text, why);
        return ServerAddress();
    };
    if (!looksLikeServer(text))
        return refuse(tr("a server address starts with postgresql://"));
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return refuse(tr("not a valid address (%1)").arg(url.errorString()));
    if (!url.password().isEmpty())
        return refuse(tr("the address holds a password; put it in PGPASSWORD or ~/.pgpass instead, "
                         "or leave it out to be asked for it"));
    out.m_user = url.userName();
    out.m_host = url.host();
    if (out.m_host.isEmpty())
        return refuse(tr("the server's name is missing (postgresql://USER@HOST:PORT/DATABASE)"));
    out.m_port = url.port(5432);
    if (out.m_port <= 0 || out.m_port > 65535)
        return refuse(tr("the port must be a number from 1 to 65535"));
    out.m_database = url.path().mid(1);
    if (out.m_database.isEmpty() || out.m_database.contains(QLatin1Char('/')))
        return refuse(tr("the database name is missing (postgresql://USER@HOST:PORT/DATABASE)"));
    const QUrlQuery query(url);
    for (const auto& [name, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (name == QLatin1String("password"))
            return refuse(tr("the address holds a password; put it in PGPASSWORD or ~/.pgpass instead"));
        if (!knownOptions().contains(name))
            return refuse(
                tr("unknown option “%1” (known: %2)").arg(name, knownOptions().join(QStringLiteral(", "))));
        if (name == QLatin1String("sslmode") && !sslModes().contains(value))
            return refuse(tr("sslmode must be one of %1").arg(sslModes().join(QStringLiteral(", "))));
        if (value.contains(QLatin1Char(';')))
            return refuse(tr("option “%1” may not contain “;”").arg(name));
        out.m_options.insert(name, value);
    }
    return out;
}

QString ServerAddress::connectOptions() const
{
    QStringList parts;
    QMap<QString, QString> options = m_options;
    // A server that does not answer is reported in seconds, not minutes.
    if (!options.contains(QStringLiteral("connect_timeout")))
        options.insert(QStringLiteral("connect_timeout"), QStringLiteral("10"));
    if (!options.contains(QStringLiteral("application_name")))
        options.insert(QStringLiteral("application_name"), QStringLiteral("Review Tracker"));
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
        QString value = it.value();
        // libpq's key=value form: a value with spaces is quoted.
        if (value.contains(QLatin1Char(' ')) || value.contains(QLatin1Char('\'')))
            value = QLatin1Char('\'') +
                    value.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
                        .replace(QLatin1Char('\''), QStringLiteral("\\'")) +
                    QLatin1Char('\'');
        parts << it.key() + QLatin1Char('=') + value;
    }
    return parts.join(QLatin1Char(';'));
}

QString ServerAddress::toString() const
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(m_user);
    url.setHost(m_host);
    url.setPort(m_port);
    url.setPath(QLatin1Char('/') + m_database);
    if (!m_options.isEmpty()) {
        QUrlQuery query;
        for (auto it = m_options.cbegin(); it != m_options.cend(); ++it)
            query.addQueryItem(it.key(), it.value());
        url.setQuery(query);
    }
    return url.toString();
}

ServerAddress ServerAddress::withDatabase(const QString& database) const
{
    ServerAddress out = *this;
    out.m_database = database;
    return out;
}

} // namespace rt
