#include "BackupRotation.h"

#include "Database.h"
#include "DatabaseCheck.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QTemporaryFile>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace rt {

const char* const BackupSettings::kFolderKey = "backup/folder";
const char* const BackupSettings::kKeepKey = "backup/keep";

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::BackupRotation", text);
}

const QString kSuffix = QStringLiteral(".rtdb");
const QString kTimeFormat = QStringLiteral("yyyy-MM-dd HHmmss");

// The files SQLite keeps beside a database; they belong to that one file.
const QStringList kSidecars = {QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")};

// Why a folder cannot be made: the nearest part of the path that exists says.
QString folderProblem(const QString& folder)
{
    QFileInfo existing(folder);
    while (!existing.exists() && !existing.isRoot() && existing.absolutePath() != existing.absoluteFilePath())
        existing = QFileInfo(existing.absolutePath());
    if (existing.exists() && !existing.isDir())
        return tr("the backup folder %1 cannot be created: %2 is a file, not a folder")
            .arg(folder, existing.absoluteFilePath());
    if (existing.exists() && !existing.isWritable())
        return tr("the backup folder %1 cannot be created: no permission to write in %2")
            .arg(folder, existing.absoluteFilePath());
    return tr("the backup folder %1 cannot be created").arg(folder);
}

// The cause of a failed VACUUM INTO in words, from SQLite's primary code.
QString sqliteCause(const QSqlError& e)
{
    const int code = e.nativeErrorCode().toInt();
    switch (code & 0xff) {
    case 13: // SQLITE_FULL
        return tr("the disk is full");
    case 14: // SQLITE_CANTOPEN
        return tr("the file cannot be created there (%1)").arg(e.databaseText());
    case 10: // SQLITE_IOERR
        return tr("a read or write failed (%1)").arg(e.databaseText());
    case 11: // SQLITE_CORRUPT
        return tr("the database is damaged (%1)").arg(e.databaseText());
    default:
        return e.text();
    }
}

bool syncToDisk(QFileDevice& file, QString* error)
{
    if (!file.flush() || ::fsync(file.handle()) != 0) {
        *error = tr("%1: cannot be written to the disk: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

void removeWithSidecars(const QString& path)
{
    QFile::remove(path);
    for (const QString& s : kSidecars)
        QFile::remove(path + s);
}

// Renames into place in one step. Without overwrite an existing file of
// that name is never replaced (QFile::rename refuses it atomically).
bool renameInto(const QString& from, const QString& to, bool overwrite, QString* error)
{
    if (!overwrite) {
        QFile f(from);
        if (!f.rename(to)) {
            *error = QFileInfo::exists(to) ? tr("%1: the file already exists").arg(to)
                                           : tr("%1: cannot be put in place: %2").arg(to, f.errorString());
            return false;
        }
        return true;
    }
    if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0) {
        *error = tr("%1: cannot be put in place: %2").arg(to, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    return true;
}

// Copies bytes into an open file, noticing every failed read and write (a
// full disk shows as a short write), then forces them to the disk.
bool copyInto(const QString& from, QFile& to, QString* error)
{
    QFile in(from);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = tr("%1: cannot be read: %2").arg(from, in.errorString());
        return false;
    }
    QByteArray chunk;
    while (!(chunk = in.read(1 << 20)).isEmpty()) {
        if (to.write(chunk) != chunk.size()) {
            *error = tr("%1: cannot be written: %2").arg(to.fileName(), to.errorString());
            return false;
        }
    }
    if (in.error() != QFileDevice::NoError) {
        *error = tr("%1: cannot be read: %2").arg(from, in.errorString());
        return false;
    }
    return syncToDisk(to, error);
}

QString sizeText(qint64 bytes)
{
    if (bytes >= 1024 * 1024)
        return tr("%1 MB").arg(bytes / (1024.0 * 1024.0), 0, 'f', 1);
    return tr("%1 KB").arg((bytes + 1023) / 1024);
}

} // namespace

BackupSettings BackupSettings::load()
{
    QSettings settings;
    BackupSettings b;
    b.folder = settings.value(QLatin1String(kFolderKey)).toString().trimmed();
    const QVariant keep = settings.value(QLatin1String(kKeepKey));
    if (keep.isValid()) {
        bool ok = false;
        const int n = keep.toString().trimmed().toInt(&ok);
        if (!ok || n < 1)
            b.error = tr("the setting %1 is “%2”: keep must be a whole number of at least 1 "
                         "(File ▸ Restore from backup ▸ Keep the last)")
                          .arg(QLatin1String(kKeepKey), keep.toString());
        else
            b.keep = n;
    }
    return b;
}

void BackupSettings::save() const
{
    QSettings settings;
    if (folder.trimmed().isEmpty())
        settings.remove(QLatin1String(kFolderKey));
    else
        settings.setValue(QLatin1String(kFolderKey), folder.trimmed());
    settings.setValue(QLatin1String(kKeepKey), keep);
}

BackupRotation::BackupRotation(const QString& databasePath)
    : BackupRotation(databasePath, BackupSettings::load())
{
}

BackupRotation::BackupRotation(const QString& databasePath, const BackupSettings& settings)
    : m_databasePath(databasePath), m_settings(settings)
{
    const QDir databaseDir = QFileInfo(databasePath).absoluteDir();
    const QString folder = settings.folder.isEmpty() ? QStringLiteral("Backups") : settings.folder;
    m_folder = QDir::cleanPath(databaseDir.absoluteFilePath(folder));
    if (m_settings.error.isEmpty() && m_settings.keep < 1)
        m_settings.error = tr("keep must be at least 1 backup, not %1").arg(m_settings.keep);
}

QVector<BackupEntry> BackupRotation::backups() const
{
    const QString base = QFileInfo(m_databasePath).completeBaseName();
    const QRegularExpression pattern(QStringLiteral("^%1 (\\d{4}-\\d{2}-\\d{2} \\d{6})(?:_(\\d+))?\\.rtdb$")
                                         .arg(QRegularExpression::escape(base)));
    struct Found
    {
        BackupEntry entry;
        int sequence;
    };
    QVector<Found> found;
    const QFileInfoList files = QDir(m_folder).entryInfoList({QStringLiteral("*.rtdb")}, QDir::Files);
    for (const QFileInfo& f : files) {
        const QRegularExpressionMatch m = pattern.match(f.fileName());
        if (!m.hasMatch())
            continue;
        const QDateTime taken = QDateTime::fromString(m.captured(1), kTimeFormat);
        if (!taken.isValid())
            continue;
        found.append(
            {{f.absoluteFilePath(), taken, f.size()}, m.captured(2).isEmpty() ? 1 : m.captured(2).toInt()});
    }
    // By time, then by the collision number: "_10" is newer than "_9".
    std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
        if (a.entry.taken != b.entry.taken)
            return a.entry.taken > b.entry.taken;
        return a.sequence > b.sequence;
    });
    QVector<BackupEntry> list;
    for (const Found& f : found)
        list.append(f.entry);
    return list;
}

QDateTime BackupRotation::lastChange(const QString& databasePath)
{
    QDateTime last = QFileInfo(databasePath).lastModified();
    const QFileInfo wal(databasePath + QStringLiteral("-wal"));
    // Opening a database creates an empty -wal: only one holding frames is a change.
    if (wal.exists() && wal.size() > 0 && wal.lastModified() > last)
        last = wal.lastModified();
    return last;
}

BackupRotation::Result BackupRotation::backupOnOpen(Database& db)
{
    m_error.clear();
    m_lastBackup.clear();
    m_removed.clear();
    // Nothing opened read-only can change through this program.
    if (db.isReadOnly())
        return Result::Skipped;
    return decideAndTake(db);
}

BackupRotation::Result BackupRotation::decideAndTake(Database& db)
{
    m_error.clear();
    m_lastBackup.clear();
    m_removed.clear();
    if (!m_settings.error.isEmpty()) {
        m_error = m_settings.error;
        return Result::Failed;
    }
    const QVector<BackupEntry> existing = backups();
    if (!existing.isEmpty()) {
        // A backup's file time is set to when its snapshot began. The name's
        // time caps it, in case the file was copied and took a new time.
        const BackupEntry& newest = existing.first();
        const QDateTime snapshot =
            std::min(QFileInfo(newest.path).lastModified(), newest.taken.addMSecs(999));
        // Strictly newer: a change in the very millisecond may have missed it.
        if (snapshot > lastChange(m_databasePath))
            return Result::Skipped;
    }
    return take(db) ? Result::Taken : Result::Failed;
}

BackupRotation::Result BackupRotation::backupOnOpen()
{
    const QFileInfo info(m_databasePath);
    if (info.exists() && !Database::isWritableFile(info))
        return Result::Skipped;
    Database db;
    if (!db.open(m_databasePath, Database::OpenMode::ReadOnly)) {
        m_error = db.errorString();
        return Result::Failed;
    }
    // Read-only here, but the file is one its user changes: treat it so.
    return decideAndTake(db);
}

bool BackupRotation::backupNow(Database& db)
{
    m_error.clear();
    m_lastBackup.clear();
    m_removed.clear();
    if (!m_settings.error.isEmpty()) {
        m_error = m_settings.error;
        return false;
    }
    return take(db);
}

bool BackupRotation::backupNow()
{
    Database db;
    if (!db.open(m_databasePath, Database::OpenMode::ReadOnly)) {
        m_error = db.errorString();
        return false;
    }
    return backupNow(db);
}

bool BackupRotation::ensureFolder()
{
    const QFileInfo info(m_folder);
    if (info.isDir())
        return true;
    if (info.exists() || !QDir().mkpath(m_folder)) {
        m_error = folderProblem(m_folder);
        return false;
    }
    return true;
}

QString BackupRotation::nextName() const
{
    const QString stem =
        QDir(m_folder).filePath(QFileInfo(m_databasePath).completeBaseName() + QLatin1Char(' ') +
                                QDateTime::currentDateTime().toString(kTimeFormat));
    // Two backups in one second (Back up now twice) get _2, _3… numbered past
    // the highest there, so a removed "_1" is never reused for a newer one,
    // which would then sort as older.
    int highest = QFileInfo::exists(stem + kSuffix) ? 1 : 0;
    const QString stemName = QFileInfo(stem).fileName();
    const QRegularExpression numbered(
        QStringLiteral("^%1_(\\d+)\\.rtdb$").arg(QRegularExpression::escape(stemName)));
    const QStringList siblings = QDir(m_folder).entryList({QStringLiteral("*.rtdb")}, QDir::Files);
    for (const QString& sibling : siblings) {
        const QRegularExpressionMatch m = numbered.match(sibling);
        if (m.hasMatch())
            highest = std::max(highest, m.captured(1).toInt());
    }
    if (highest == 0)
        return stem + kSuffix;
    return stem + QStringLiteral("_%1").arg(highest + 1) + kSuffix;
}

bool BackupRotation::take(Database& db)
{
    if (!ensureFolder())
        return false;
    // Another process may take the same name between choosing and renaming:
    // backupTo never overwrites, so choose again.
    for (int attempt = 0; attempt < 5; ++attempt) {
        const QString name = nextName();
        if (backupTo(db, name, &m_error)) {
            m_error.clear();
            m_lastBackup = name;
            prune();
            return true;
        }
        if (!QFileInfo::exists(name))
            return false;
    }
    return false;
}

void BackupRotation::prune()
{
    const QVector<BackupEntry> list = backups();
    QStringList failed;
    for (int i = m_settings.keep; i < list.size(); ++i) {
        const QString& path = list.at(i).path;
        if (path == m_lastBackup)
            continue; // never the one just verified, whatever the clock says
        removeWithSidecars(path);
        if (QFileInfo::exists(path))
            failed << path;
        else
            m_removed << path;
    }
    if (!failed.isEmpty())
        m_error = tr("the old backup %1 could not be removed").arg(failed.join(QStringLiteral(", ")));
}

bool BackupRotation::backupTo(Database& source, const QString& outFile, QString* error, bool overwrite)
{
    const QFileInfo out(outFile);
    const QFileInfo folder(out.absolutePath());
    if (!folder.exists()) {
        *error = tr("%1: the folder %2 does not exist").arg(outFile, folder.absoluteFilePath());
        return false;
    }
    if (!folder.isDir()) {
        *error = tr("%1: %2 is a file, not a folder").arg(outFile, folder.absoluteFilePath());
        return false;
    }
    if (out.exists() && QFileInfo(source.path()).canonicalFilePath() == out.canonicalFilePath()) {
        *error = tr("%1: is the database itself; choose another file for the backup").arg(outFile);
        return false;
    }
    if (out.exists() && !overwrite) {
        *error = tr("%1: the file already exists; choose a new name or remove it first").arg(outFile);
        return false;
    }
    if (out.exists() && out.isDir()) {
        *error = tr("%1: is a folder").arg(outFile);
        return false;
    }

    // Enough room for a copy the size of the database's used pages?
    QSqlQuery pages(source.connection());
    if (pages.exec(
            QStringLiteral("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")) &&
        pages.next()) {
        const qint64 needed = pages.value(0).toLongLong();
        const QStorageInfo storage(folder.absoluteFilePath());
        if (storage.isValid() && storage.isReadOnly()) {
            *error = tr("%1: the folder %2 is on a read-only disk").arg(outFile, folder.absoluteFilePath());
            return false;
        }
        // A pseudo file system (size 0) says nothing about space; the write will.
        if (storage.isValid() && storage.bytesTotal() > 0 && storage.bytesAvailable() < needed) {
            *error = tr("%1: the disk is full: the backup needs up to %2, %3 is free")
                         .arg(outFile, sizeText(needed), sizeText(storage.bytesAvailable()));
            return false;
        }
    }
    pages.finish();

    // An empty file reserves a name no one else uses; VACUUM INTO accepts an
    // empty file. It is removed again unless renamed into place.
    QTemporaryFile temp(folder.absoluteFilePath() + QStringLiteral("/.") + out.fileName() +
                        QStringLiteral(".XXXXXX"));
    if (!temp.open()) {
        *error = tr("%1: cannot write in the folder %2: %3")
                     .arg(outFile, folder.absoluteFilePath(), temp.errorString());
        return false;
    }
    const QString tempPath = temp.fileName();
    struct Cleanup
    {
        QString path;
        ~Cleanup()
        {
            for (const QString& s : kSidecars)
                QFile::remove(path + s);
        }
    } cleanup{tempPath};

    const QDateTime snapshotStart = QDateTime::currentDateTime();
    QSqlQuery vacuum(source.connection());
    vacuum.prepare(QStringLiteral("VACUUM INTO ?"));
    vacuum.addBindValue(tempPath);
    if (!vacuum.exec()) {
        *error = tr("%1: the backup could not be written: %2").arg(outFile, sqliteCause(vacuum.lastError()));
        return false;
    }
    vacuum.finish();
    if (!syncToDisk(temp, error))
        return false;

    QString why;
    if (!DatabaseCheck::verifyCopy(tempPath, &why)) {
        *error = tr("%1: the copy did not read back whole, so it was not kept: %2").arg(outFile, why);
        return false;
    }
    // The copy is as readable as the database it came from; its time is
    // when the snapshot began, which is what "newer than the last change" asks.
    temp.setPermissions(QFileInfo(source.path()).permissions() | QFileDevice::ReadOwner |
                        QFileDevice::WriteOwner);
    temp.setFileTime(snapshotStart, QFileDevice::FileModificationTime);
    temp.close();
    if (overwrite) {
        for (const QString& s : kSidecars)
            QFile::remove(outFile + s);
    }
    if (!renameInto(tempPath, outFile, overwrite, error))
        return false;
    temp.setAutoRemove(false);
    return true;
}

bool BackupRotation::keepCopyOf(const QString& databasePath)
{
    m_error.clear();
    m_lastBackup.clear();
    if (!m_settings.error.isEmpty()) {
        m_error = m_settings.error;
        return false;
    }
    Database db;
    if (db.open(databasePath, Database::OpenMode::ReadOnly)) {
        if (!ensureFolder())
            return false;
        const QString name = nextName();
        if (!backupTo(db, name, &m_error))
            return false;
        m_lastBackup = name;
        return true;
    }
    // A file that will not open (the reason to restore, perhaps) is kept byte
    // for byte, with its -wal, so nothing of it is lost either.
    if (!ensureFolder())
        return false;
    const QString name = nextName();
    for (const QString& suffix : {QString(), QStringLiteral("-wal")}) {
        const QString from = databasePath + suffix;
        if (!QFileInfo::exists(from))
            continue;
        QTemporaryFile temp(m_folder + QStringLiteral("/.restore.XXXXXX"));
        if (!temp.open()) {
            m_error = tr("%1: cannot write in the folder %2: %3").arg(name, m_folder, temp.errorString());
            removeWithSidecars(name);
            return false;
        }
        if (!copyInto(from, temp, &m_error) || !renameInto(temp.fileName(), name + suffix, false, &m_error)) {
            removeWithSidecars(name);
            return false;
        }
        temp.setAutoRemove(false);
    }
    m_lastBackup = name;
    return true;
}

bool BackupRotation::restore(const QString& backupPath, const QString& targetPath, QString* error,
                             QString* keptAs)
{
    if (keptAs)
        keptAs->clear();
    const QFileInfo target(targetPath);
    if (target.exists() && target.canonicalFilePath() == QFileInfo(backupPath).canonicalFilePath()) {
        *error = tr("%1: is the database itself").arg(backupPath);
        return false;
    }
    const CheckReport report = DatabaseCheck::check(backupPath);
    if (!report.isRestorable()) {
        *error = tr("%1: cannot be restored, so nothing was changed: %2")
                     .arg(backupPath, report.messages().join(QStringLiteral("; ")));
        return false;
    }
    const QString folder = target.absolutePath();
    if (!QFileInfo(folder).isDir()) {
        *error = tr("%1: the folder %2 does not exist").arg(targetPath, folder);
        return false;
    }

    // The whole copy is made first, beside the target, so that replacing it
    // is one rename: the target is either the old file or the new, never half.
    QTemporaryFile temp(folder + QStringLiteral("/.") + target.fileName() +
                        QStringLiteral(".restore.XXXXXX"));
    if (!temp.open()) {
        *error = tr("%1: cannot write in the folder %2: %3").arg(targetPath, folder, temp.errorString());
        return false;
    }
    if (!copyInto(backupPath, temp, error))
        return false;
    const QFileDevice::Permissions permissions =
        target.exists() ? target.permissions()
                        : QFileInfo(backupPath).permissions() | QFileDevice::WriteOwner;
    temp.setPermissions(permissions);
    temp.close();
    // A backup kept byte for byte may have committed pages still in its -wal
    // (see keepCopyOf): they travel with it.
    const QFileInfo backupWal(backupPath + QStringLiteral("-wal"));
    QTemporaryFile tempWal(temp.fileName() + QStringLiteral("-wal.XXXXXX"));
    const bool withWal = backupWal.exists() && backupWal.size() > 0;
    if (withWal) {
        if (!tempWal.open()) {
            *error =
                tr("%1: cannot write in the folder %2: %3").arg(targetPath, folder, tempWal.errorString());
            return false;
        }
        if (!copyInto(backupWal.filePath(), tempWal, error))
            return false;
        tempWal.setPermissions(permissions);
        tempWal.close();
    }

    if (target.exists()) {
        BackupRotation rotation(targetPath);
        if (!rotation.keepCopyOf(targetPath)) {
            *error = tr("%1: the current database could not be kept as a backup first, so nothing was "
                        "restored: %2")
                         .arg(targetPath, rotation.errorString());
            return false;
        }
        if (keptAs)
            *keptAs = rotation.lastBackup();
    }
    // A -wal left beside the target belongs to the old file; SQLite would
    // replay it into the restored one.
    for (const QString& s : kSidecars) {
        const QString sidecar = targetPath + s;
        if (QFileInfo::exists(sidecar) && !QFile::remove(sidecar)) {
            *error = tr("%1: cannot be removed, so the backup was not restored; close every program using "
                        "the database and try again")
                         .arg(sidecar);
            return false;
        }
    }
    if (!renameInto(temp.fileName(), targetPath, true, error))
        return false;
    temp.setAutoRemove(false);
    if (withWal) {
        if (!renameInto(tempWal.fileName(), targetPath + QStringLiteral("-wal"), true, error))
            return false;
        tempWal.setAutoRemove(false);
    }
    return true;
}

} // namespace rt
