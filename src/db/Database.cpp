#include "Database.h"

#include "Migrations.h"
#include "ServerAddress.h"
#include "SqlDialect.h"
#include "SqliteSession.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QtEndian>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::Database", text);
}

} // namespace

bool Database::isWritableFile(const QFileInfo& info)
{
    const auto writeBits = QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther;
    return info.isWritable() && (info.permissions() & writeBits);
}

QString Database::nextConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("rt-db-%1").arg(counter.fetchAndAddRelaxed(1));
}

Database::Database() = default;

Database::~Database()
{
    close();
}

bool Database::isOpen() const
{
    return m_db.isValid() && m_db.isOpen();
}

void Database::close()
{
    if (m_connectionName.isEmpty())
        return;
    if (m_session) {
        releaseStaleLog();
        m_session->uninstall();
    }
    if (m_db.isOpen())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
    m_session.reset();
}

int Database::schemaVersion() const
{
    QSqlQuery q(m_db);
    if (q.exec(SqlDialect::schemaVersionQuery(m_db)) && q.next())
        return q.value(0).toInt();
    return -1;
}

bool Database::exec(const QString& sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql)) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

// Reads the 100-byte SQLite header directly, so a file that is not a database,
// or has been cut short, is named as such before SQLite is let near it.
bool Database::checkFile(const QString& path, int* userVersion)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        m_error = tr("%1: cannot be read: %2").arg(path, f.errorString());
        return false;
    }
    const qint64 size = f.size();
    if (size == 0) {
        m_error = tr("%1: the file is empty, not a Review Tracker database").arg(path);
        return false;
    }
    const QByteArray header = f.read(100);
    static const QByteArray magic("SQLite format 3\0", 16);
    if (header.size() < 100 || !header.startsWith(magic)) {
        m_error = tr("%1: not a Review Tracker database (not an SQLite file)").arg(path);
        return false;
    }
    auto be32 = [&](int offset) { return qFromBigEndian<quint32>(header.constData() + offset); };
    quint32 pageSize = qFromBigEndian<quint16>(header.constData() + 16);
    if (pageSize == 1)
        pageSize = 65536;
    const quint32 pageCount = be32(28);
    const quint32 changeCounter = be32(24);
    const quint32 versionValidFor = be32(92);
    if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0) {
        m_error = tr("%1: the database header is damaged (page size %2)").arg(path).arg(pageSize);
        return false;
    }
    // While changes wait in the write-ahead log (a file just created, edited
    // by a copy of the program still open, or one killed while copying the
    // log in), the main file's header and size may lag behind the database;
    // SQLite completes it on opening. Identity and version are then read
    // through SQLite (identify()).
    const QFileInfo wal(path + QStringLiteral("-wal"));
    if (wal.exists() && wal.size() > 0) {
        *userVersion = -1;
        return true;
    }
    // The page count in the header is only trustworthy when written by a
    // SQLite new enough to keep it (version-valid-for equals change counter).
    if (versionValidFor == changeCounter && pageCount > 0 &&
        static_cast<qint64>(pageCount) * pageSize > size) {
        m_error = tr("%1: the database is truncated (%2 bytes, the header says %3)")
                      .arg(path)
                      .arg(size)
                      .arg(static_cast<qint64>(pageCount) * pageSize);
        return false;
    }
    if (size % pageSize != 0) {
        m_error =
            tr("%1: the database is truncated or damaged (size is not a whole number of pages)").arg(path);
        return false;
    }
    const quint32 applicationId = be32(68);
    *userVersion = static_cast<int>(be32(60));
    return checkIdentity(path, applicationId, *userVersion);
}

// The file is ours and not from a newer program, from the header or from
// SQLite's own reading of it.
bool Database::checkIdentity(const QString& path, qint64 applicationId, int userVersion)
{
    if (applicationId != kApplicationId) {
        m_error = m_server ? tr("%1: a PostgreSQL database, but not one made by Review Tracker").arg(path)
                           : tr("%1: an SQLite database, but not one made by Review Tracker").arg(path);
        return false;
    }
    if (userVersion > kSchemaVersion) {
        m_error = tr("%1: made by a newer Review Tracker (schema %2; this program knows up to %3) — "
                     "open it with the newer program")
                      .arg(path)
                      .arg(userVersion)
                      .arg(kSchemaVersion);
        return false;
    }
    return true;
}

// An older schema is upgraded on opening, which a read-only open cannot do.
bool Database::checkUpgradable(int version)
{
    if (!m_readOnly || version >= kSchemaVersion)
        return true;
    m_error = tr("%1: uses schema %2 and must be upgraded to %3, which a read-only open cannot do")
                  .arg(m_path)
                  .arg(version)
                  .arg(kSchemaVersion);
    return false;
}

bool Database::open(const QString& path, OpenMode mode)
{
    close();
    m_error.clear();
    m_path = path;
    m_readOnly = mode == OpenMode::ReadOnly;
    m_server = ServerAddress::looksLikeServer(path);
    m_serverRole.clear();
    if (m_server)
        return openServer(path, mode, false);

    const QFileInfo info(path);
    int userVersion = 0;
    if (mode == OpenMode::CreateNew) {
        if (info.exists()) {
            m_error = tr("%1: the file already exists; choose a new name").arg(path);
            return false;
        }
        if (!QFileInfo(info.absolutePath()).isDir()) {
            m_error = tr("%1: the folder %2 does not exist").arg(path, info.absolutePath());
            return false;
        }
    } else {
        if (!info.exists()) {
            m_error = tr("%1: no such file").arg(path);
            return false;
        }
        if (!checkFile(path, &userVersion))
            return false;
        if (mode == OpenMode::ReadWrite && !isWritableFile(info)) {
            m_error = tr("%1: the file is read-only; open it read-only or ask for write access").arg(path);
            return false;
        }
        if (mode == OpenMode::ReadWrite && !QFileInfo(info.absolutePath()).isWritable()) {
            m_error = tr("%1: the folder is read-only, so changes cannot be saved safely").arg(path);
            return false;
        }
    }

    m_connectionName = nextConnectionName();
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (m_readOnly) {
        // A file nobody can write is opened immutable: SQLite then needs no
        // -shm file beside it, which read-only media would refuse. A writable
        // file is read through the WAL, so another program's saves are seen.
        const bool others = isWritableFile(info) && QFileInfo(info.absolutePath()).isWritable();
        m_db.setDatabaseName(
            QStringLiteral("file:%1%2")
                .arg(info.absoluteFilePath(), others ? QString() : QStringLiteral("?immutable=1")));
        m_db.setConnectOptions(
            QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=5000"));
    } else {
        m_db.setDatabaseName(info.absoluteFilePath());
        m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    }
    if (!m_db.open()) {
        m_error = tr("%1: cannot be opened: %2").arg(path, m_db.lastError().text());
        close();
        return false;
    }
    // The history triggers call the session's functions, so it comes before
    // any migration; the file guard only matters where writes are made.
    m_session = std::make_unique<SqliteSession>();
    QString sessionError;
    if (!m_session->install(m_db, m_readOnly ? QString() : info.absoluteFilePath(), &sessionError)) {
        m_error = tr("%1: cannot be opened: %2").arg(path, sessionError);
        close();
        return false;
    }
    // Touch the schema once: a damaged page shows up here, still read-only.
    QSqlQuery probe(m_db);
    if (!probe.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !probe.next()) {
        m_error = tr("%1: the database is damaged: %2").arg(path, probe.lastError().text());
        probe.finish();
        close();
        return false;
    }
    probe.finish();

    if (!configure()) {
        close();
        return false;
    }
    if (userVersion < 0 && !identify(path, &userVersion)) {
        close();
        return false;
    }
    if (!checkUpgradable(userVersion)) {
        close();
        return false;
    }
    if (m_readOnly)
        return true;
    QString migrateError;
    if (!Migrations::migrate(m_db, userVersion, kSchemaVersion, &migrateError)) {
        m_error = tr("%1: %2").arg(path, migrateError);
        close();
        return false;
    }
    return true;
}

bool Database::releaseStaleLog()
{
    if (!m_session || m_readOnly || !m_db.isOpen())
        return false;
    const FileGuard::State state = m_session->fileState();
    if (state != FileGuard::State::Deleted && state != FileGuard::State::Replaced)
        return false;
    // SQLite pairs a database with "<name>-wal" by name alone: changes this
    // connection committed before the file was swapped would otherwise be
    // read into whatever file now has the name. Copy them into the file they
    // belong to (the one this connection still holds) and empty the log.
    QSqlQuery(m_db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    return true;
}

bool Database::identify(const QString& path, int* userVersion)
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT (SELECT application_id FROM pragma_application_id), "
                               "(SELECT user_version FROM pragma_user_version)")) ||
        !q.next()) {
        m_error = tr("%1: the database is damaged: %2").arg(path, q.lastError().text());
        return false;
    }
    *userVersion = q.value(1).toInt();
    return checkIdentity(path, q.value(0).toLongLong(), *userVersion);
}

bool Database::openForReading(const QString& path, bool readOnly)
{
    if (readOnly)
        return open(path, OpenMode::ReadOnly);
    // On a server the login's privileges decide (a reviewer reads only).
    if (ServerAddress::looksLikeServer(path))
        return open(path, OpenMode::ReadWrite);
    const QFileInfo info(path);
    const bool writable =
        info.exists() && isWritableFile(info) && QFileInfo(info.absolutePath()).isWritable();
    return open(path, writable ? OpenMode::ReadWrite : OpenMode::ReadOnly);
}

bool Database::configure()
{
    QStringList pragmas = {QStringLiteral("PRAGMA foreign_keys = ON")};
    if (!m_readOnly) {
        pragmas << QStringLiteral("PRAGMA journal_mode = WAL")
                << QStringLiteral("PRAGMA synchronous = NORMAL");
    }
    pragmas << QStringLiteral("PRAGMA cache_size = -32000") << QStringLiteral("PRAGMA temp_store = MEMORY");
    QSqlQuery q(m_db);
    for (const QString& p : pragmas) {
        if (!q.exec(p)) {
            m_error = tr("%1: cannot be configured (%2): %3").arg(m_path, p, q.lastError().text());
            return false;
        }
    }
    return true;
}

} // namespace rt
