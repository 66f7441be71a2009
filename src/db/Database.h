#pragma once

#include <QSqlDatabase>
#include <QString>
#include <functional>

class QFileInfo;
#include <memory>

namespace rt {

class SqliteSession;

// One open Review Tracker database: a SQLite file with the tracker's schema,
// or a PostgreSQL database (open() given postgresql://USER@HOST:PORT/DB).
// open() refuses anything it cannot trust (not a database, truncated, from a
// newer program, not ours) before writing a single byte, so a refused file is
// left exactly as it was.
class Database
{
public:
    enum class OpenMode
    {
        ReadWrite, // existing file, migrated to the current schema
        ReadOnly,  // existing file, never written (not even the journal mode)
        CreateNew  // a new file; refuses to overwrite an existing one
    };

    // Asked for a server login's password when neither PGPASSWORD nor
    // ~/.pgpass gives one; false when the user cancels. The password is
    // kept in memory for this connection only.
    using PasswordPrompt =
        std::function<bool(const QString& address, const QString& reason, QString* password)>;

    static constexpr int kSchemaVersion = 5;
    static constexpr int kApplicationId = 0x52545231; // "RTR1"

    Database();
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    bool open(const QString& path, OpenMode mode);
    // Read-write when the file and its folder can be written (so an older
    // schema is upgraded), read-only otherwise — or read-only when asked
    // (a reviewer's --read-only).
    bool openForReading(const QString& path, bool readOnly = false);
    // A server database for its administrator: the schema created when the
    // database has none, upgraded when it is older.
    bool openForSetup(const QString& address);
    void close();
    bool isOpen() const;
    bool isReadOnly() const { return m_readOnly; }
    bool isServer() const { return m_server; }
    // On a server: why the connection is read-only ("reviewer") or empty.
    QString serverRole() const { return m_serverRole; }
    static void setPasswordPrompt(PasswordPrompt prompt);

    // The file's path, or the server address (without a password).
    QString path() const { return m_path; }
    QString errorString() const { return m_error; }
    int schemaVersion() const;
    QSqlDatabase& connection() { return m_db; }
    // The connection's history functions, file guard and change journal.
    SqliteSession* session() const { return m_session.get(); }

    // When the file at the path was replaced or deleted behind the program,
    // writes the changes waiting in the write-ahead log into the file this
    // connection holds, so they never reach the file now at the path. True
    // when the file had gone.
    bool releaseStaleLog();

    // Runs one statement, for pragmas and DDL; false with errorString() set.
    bool exec(const QString& sql);

    // A file whose mode has no write bit is read-only to its users, even to
    // root, whom access() would let write it anyway.
    static bool isWritableFile(const QFileInfo& info);

private:
    bool checkFile(const QString& path, int* userVersion);
    // The identity and schema version as SQLite reads them (through the WAL).
    bool identify(const QString& path, int* userVersion);
    bool checkIdentity(const QString& path, qint64 applicationId, int userVersion);
    bool checkUpgradable(int version);
    static QString nextConnectionName();
    bool configure();
    bool openServer(const QString& address, OpenMode mode, bool createIfEmpty);
    bool connectServer(const QString& address);
    bool readServerSchema(int* version);
    bool readServerRole();

    QSqlDatabase m_db;
    std::unique_ptr<SqliteSession> m_session;
    QString m_connectionName;
    QString m_path;
    QString m_error;
    bool m_readOnly = false;
    bool m_server = false;
    QString m_serverRole;
};

} // namespace rt
