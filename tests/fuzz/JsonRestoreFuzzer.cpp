// Fuzzes restoring a JSON backup (JsonBackup::restore) into an empty
// database, the way `review-tracker import copy.rtdb backup.json` does.
//
// One empty migrated database is made once (in /dev/shm when there is one,
// so no disk is involved) and kept open. Most inputs are refused, and a
// refusal must leave it exactly as empty as it was, so it is used again as
// it is; after a restore that succeeds it is thrown away and copied afresh
// from the template. A refusal must name the file; a success must leave no
// reference leading nowhere and count what it restored.

#include "FuzzSupport.h"
#include "db/Database.h"
#include "db/JsonBackup.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

namespace {

struct Fixture
{
    std::unique_ptr<QTemporaryDir> dir;
    QString templatePath;
    QString path;
    rt::Database db;
    QStringList tables;           // every table of the schema
    QHash<QString, qint64> empty; // the rows each holds in a new database
};

// Made once and never destroyed: at exit it is closed by closeAtExit(), before
// Qt's own globals (the SQL connection list) are gone.
Fixture& fixture()
{
    static Fixture* f = new Fixture;
    return *f;
}

void closeAtExit()
{
    Fixture& f = fixture();
    f.db.close();
    f.dir.reset(); // the folder in /dev/shm goes too
}

QStringList tablesOf(QSqlDatabase& db)
{
    QStringList names;
    QSqlQuery q(db);
    RT_FUZZ_CHECK(q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")),
                  QString());
    while (q.next())
        names << q.value(0).toString();
    return names;
}

QHash<QString, qint64> rowCounts(QSqlDatabase& db, const QStringList& tables)
{
    QHash<QString, qint64> counts;
    for (const QString& table : tables) {
        QSqlQuery q(db);
        RT_FUZZ_CHECK(q.exec(QStringLiteral("SELECT count(*) FROM \"%1\"").arg(table)) && q.next(), table);
        counts.insert(table, q.value(0).toLongLong());
    }
    return counts;
}

// A fresh copy of the empty database, open.
void reset()
{
    Fixture& f = fixture();
    f.db.close();
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(f.path + suffix);
    RT_FUZZ_CHECK(QFile::copy(f.templatePath, f.path), f.path);
    RT_FUZZ_CHECK(f.db.open(f.path, rt::Database::OpenMode::ReadWrite), f.db.errorString());
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    rt::fuzz::ensureCoreApplication();
    Fixture& f = fixture();
    const QString shm = QStringLiteral("/dev/shm");
    const QString base = QFileInfo(shm).isDir() && QFileInfo(shm).isWritable() ? shm : QDir::tempPath();
    f.dir = std::make_unique<QTemporaryDir>(base + QStringLiteral("/rt-fuzz-restore-XXXXXX"));
    RT_FUZZ_CHECK(f.dir->isValid(), f.dir->errorString());
    f.templatePath = f.dir->filePath(QStringLiteral("template.rtdb"));
    f.path = f.dir->filePath(QStringLiteral("fuzz.rtdb"));
    {
        rt::Database made;
        RT_FUZZ_CHECK(made.open(f.templatePath, rt::Database::OpenMode::CreateNew), made.errorString());
        // One file: the copy must not depend on a -wal beside it.
        RT_FUZZ_CHECK(made.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")), made.errorString());
    }
    reset();
    f.tables = tablesOf(f.db.connection());
    f.empty = rowCounts(f.db.connection(), f.tables);
    std::atexit(closeAtExit); // after Qt's globals were made, so it runs before they go
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    Fixture& f = fixture();
    QBuffer buffer;
    buffer.setData(reinterpret_cast<const char*>(data), qsizetype(size));
    buffer.open(QIODevice::ReadOnly);

    rt::JsonBackup backup(f.db.connection());
    rt::JsonBackup::Counts added;
    const bool ok = backup.restore(&buffer, QStringLiteral("fuzz.json"), &added);
    RT_FUZZ_CHECK(ok == backup.errorString().isEmpty(), backup.errorString());

    // Whatever happened, no row names a row that is not there.
    QSqlQuery fk(f.db.connection());
    RT_FUZZ_CHECK(fk.exec(QStringLiteral("PRAGMA foreign_key_check")), QString());
    RT_FUZZ_CHECK(!fk.next(), fk.value(0).toString());
    fk.finish();

    if (!ok) {
        RT_FUZZ_CHECK(backup.errorString().startsWith(QStringLiteral("fuzz.json: ")), backup.errorString());
        RT_FUZZ_CHECK(added.reviews == 0 && added.actions == 0, QString());
        // All or nothing: still as empty as a new database.
        const QHash<QString, qint64> now = rowCounts(f.db.connection(), f.tables);
        for (auto it = now.cbegin(); it != now.cend(); ++it)
            RT_FUZZ_CHECK(it.value() == f.empty.value(it.key()), it.key());
        return 0;
    }
    const QHash<QString, qint64> now = rowCounts(f.db.connection(), f.tables);
    RT_FUZZ_CHECK(now.value(QStringLiteral("reviews")) == added.reviews, QString::number(added.reviews));
    RT_FUZZ_CHECK(now.value(QStringLiteral("actions")) == added.actions, QString::number(added.actions));
    RT_FUZZ_CHECK(now.value(QStringLiteral("updates")) == added.updates, QString::number(added.updates));
    QSqlQuery check(f.db.connection());
    RT_FUZZ_CHECK(check.exec(QStringLiteral("PRAGMA quick_check")) && check.next() &&
                      check.value(0).toString() == QLatin1String("ok"),
                  check.value(0).toString());
    check.finish();
    // What was restored can be backed up again.
    QBuffer again;
    again.open(QIODevice::WriteOnly);
    rt::JsonBackup writer(f.db.connection());
    RT_FUZZ_CHECK(writer.write(&again), writer.errorString());
    reset();
    return 0;
}
