#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVector>

namespace rt {

class Database;

// One backup file of a database.
struct BackupEntry
{
    QString path;
    QDateTime taken; // local time, from the file name
    qint64 size = 0;
};

// Where backups go and how many are kept: the settings "backup/folder"
// (empty: a "Backups" folder beside the database; relative: to the
// database's folder) and "backup/keep" (at least 1). Read and written here
// only.
struct BackupSettings
{
    static constexpr int kDefaultKeep = 10;
    static const char* const kFolderKey;
    static const char* const kKeepKey;

    QString folder;
    int keep = kDefaultKeep;
    QString error; // set by load() when a stored value is unusable

    static BackupSettings load();
    void save() const;
};

// Verified copies of a database, taken with VACUUM INTO (a consistent
// snapshot, also from a read-only connection and while others write), named
// "<base name> YYYY-MM-DD HHMMSS.rtdb" so they sort by when they were taken.
// A copy is written under a temporary name in the target folder, checked with
// integrity_check, and only then renamed into place: a failed or interrupted
// backup never leaves a file with a backup's name, and old backups are removed
// only once the new one is known good.
class BackupRotation
{
public:
    enum class Result
    {
        Taken,
        Skipped, // nothing changed since the newest backup, or a read-only database
        Failed
    };

    // For the database at databasePath, with the settings as saved.
    explicit BackupRotation(const QString& databasePath);
    BackupRotation(const QString& databasePath, const BackupSettings& settings);

    QString databasePath() const { return m_databasePath; }
    // Absolute; the folder need not exist yet.
    QString folder() const { return m_folder; }
    int keep() const { return m_settings.keep; }
    // The cause of the last failure, naming the file; after Taken, a warning
    // when an old backup could not be removed.
    QString errorString() const { return m_error; }
    // The file the last Taken wrote, and the old ones it removed.
    QString lastBackup() const { return m_lastBackup; }
    QStringList removed() const { return m_removed; }

    // This database's backups in the folder, newest first.
    QVector<BackupEntry> backups() const;

    // Called once a database is open: a backup unless the newest one is newer
    // than the database's last change (so opening an unchanged file again and
    // again keeps the real history), then the oldest beyond keep() removed.
    Result backupOnOpen(Database& db);
    // The same through a read-only connection of its own, so it may run on a
    // worker thread (a 1.2 GB database takes about 50 s: copy, then verify).
    // A file its user may not write is skipped, as above.
    Result backupOnOpen();
    // A backup whatever the time of the last one ("Back up now"), then pruned.
    bool backupNow(Database& db);
    // The same, opening the database read-only for it.
    bool backupNow();

    // When the database last changed: the newest modification time of the
    // file and of its -wal (when that holds anything).
    static QDateTime lastChange(const QString& databasePath);

    // A verified copy of source as outFile. Refuses an existing outFile
    // unless overwrite; a missing folder is an error, not created.
    static bool backupTo(Database& source, const QString& outFile, QString* error, bool overwrite = false);

    // Replaces the database at targetPath with the backup, which the caller
    // has closed. The backup is checked first (a damaged one is refused,
    // naming why, and the target left as it was); the current target is kept
    // as a new backup (*keptAs) so the restore can itself be undone; the
    // target's stale -wal and -shm are removed and the copy renamed into place
    // in one step.
    static bool restore(const QString& backupPath, const QString& targetPath, QString* error,
                        QString* keptAs = nullptr);

private:
    Result decideAndTake(Database& db);
    bool take(Database& db);
    bool keepCopyOf(const QString& databasePath);
    bool ensureFolder();
    QString nextName() const;
    void prune();

    QString m_databasePath;
    BackupSettings m_settings;
    QString m_folder;
    QString m_error;
    QString m_lastBackup;
    QStringList m_removed;
};

} // namespace rt
