#include "db/Database.h"

#include "TestSupport.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <gtest/gtest.h>

using namespace rt;
using rt::test::TempDir;

namespace {

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

// Opening must fail with a message containing `expected`, and leave the file
// exactly as it was.
void expectRefused(const QString& path, Database::OpenMode mode, const char* expected)
{
    const QByteArray before = test::readAll(path);
    Database db;
    EXPECT_FALSE(db.open(path, mode));
    EXPECT_TRUE(db.errorString().contains(QLatin1String(expected), Qt::CaseInsensitive))
        << db.errorString().toStdString();
    EXPECT_TRUE(db.errorString().contains(path)) << "the message names the file";
    EXPECT_EQ(test::readAll(path), before) << "a refused file is left byte-for-byte unchanged";
    EXPECT_FALSE(QFile::exists(path + QStringLiteral("-wal")));
}

void closeAndCheckpoint(std::unique_ptr<Database>& db)
{
    db->close();
    db.reset();
}

} // namespace

TEST(Database, NewDatabaseHasTheCurrentSchemaAndSafePragmas)
{
    TempDir dir;
    auto db = test::emptyDatabase(dir.file(QStringLiteral("new.rtdb")));
    EXPECT_EQ(db->schemaVersion(), Database::kSchemaVersion);
    EXPECT_EQ(test::scalar(*db, QStringLiteral("PRAGMA foreign_keys")), 1);
    EXPECT_EQ(test::text(*db, QStringLiteral("PRAGMA journal_mode")), QStringLiteral("wal"));
    EXPECT_EQ(test::scalar(*db, QStringLiteral("PRAGMA application_id")), Database::kApplicationId);
}

TEST(Database, MissingFileIsAnErrorAndIsNotCreated)
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("missing.rtdb"));
    Database db;
    EXPECT_FALSE(db.open(path, Database::OpenMode::ReadWrite));
    EXPECT_TRUE(db.errorString().contains(QStringLiteral("no such file")));
    EXPECT_FALSE(QFile::exists(path));
}

TEST(Database, CreateNewNeverOverwrites)
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("existing.rtdb"));
    writeFile(path, "precious");
    expectRefused(path, Database::OpenMode::CreateNew, "already exists");
}

TEST(Database, TextFileIsRefused)
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("notes.rtdb"));
    writeFile(path, QByteArray("Recommendation,Owner\n1,Police\n").repeated(50));
    expectRefused(path, Database::OpenMode::ReadWrite, "not a Review Tracker database");
    expectRefused(path, Database::OpenMode::ReadOnly, "not a Review Tracker database");
}

TEST(Database, EmptyFileIsRefused)
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("empty.rtdb"));
    writeFile(path, QByteArray());
    expectRefused(path, Database::OpenMode::ReadWrite, "empty");
}

TEST(Database, TruncatedFileIsRefused)
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("sample.rtdb"));
    {
        auto db = test::sampleDatabase(path);
        closeAndCheckpoint(db);
    }
    QByteArray bytes = test::readAll(path);
    ASSERT_GT(bytes.size(), 8192);
    bytes.truncate(bytes.size() / 2);
    writeFile(path, bytes);
    expectRefused(path, Database::OpenMode::ReadWrite, "truncated");
    bytes.truncate(bytes.size() - 100); // not even whole pages
    writeFile(path, bytes);
    expectRefused(path, Database::OpenMode::ReadWrite, "truncated");
}

TEST(Database, DamagedSchemaPageIsRefused)
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("sample.rtdb"));
    {
        auto db = test::sampleDatabase(path);
        closeAndCheckpoint(db);
    }
    QByteArray bytes = test::readAll(path);
    // Scribble over the b-tree header of page 1, which holds the schema.
    for (int i = 100; i < 112; ++i)
        bytes[i] = char(0xFF);
    writeFile(path, bytes);
    expectRefused(path, Database::OpenMode::ReadWrite, "damaged");
}

TEST(Database, NewerSchemaIsRefusedAndNotDowngraded)
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("future.rtdb"));
    {
        auto db = test::emptyDatabase(path);
        ASSERT_TRUE(db->exec(QStringLiteral("PRAGMA user_version = %1").arg(Database::kSchemaVersion + 5)));
        closeAndCheckpoint(db);
    }
    expectRefused(path, Database::OpenMode::ReadWrite, "newer");
    expectRefused(path, Database::OpenMode::ReadOnly, "newer");
}

TEST(Database, ForeignSqliteFileIsRefused)
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("other.sqlite"));
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
        raw.setDatabaseName(path);
        ASSERT_TRUE(raw.open());
        QSqlQuery(raw).exec(QStringLiteral("CREATE TABLE t(x)"));
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
    expectRefused(path, Database::OpenMode::ReadWrite, "not one made by Review Tracker");
}

TEST(Database, ReadOnlyFileIsRefusedForWritingAndReadableReadOnly)
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("locked.rtdb"));
    {
        auto db = test::sampleDatabase(path);
        closeAndCheckpoint(db);
    }
    ASSERT_TRUE(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup));
    expectRefused(path, Database::OpenMode::ReadWrite, "read-only");
    const QByteArray before = test::readAll(path);
    Database db;
    ASSERT_TRUE(db.open(path, Database::OpenMode::ReadOnly)) << db.errorString().toStdString();
    EXPECT_GT(test::scalar(db, QStringLiteral("SELECT count(*) FROM recommendations")), 0);
    db.close();
    EXPECT_EQ(test::readAll(path), before);
}

TEST(Database, ReadOnlyOpenNeverWrites)
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("sample.rtdb"));
    {
        auto db = test::sampleDatabase(path);
        closeAndCheckpoint(db);
    }
    const QByteArray before = test::readAll(path);
    Database db;
    ASSERT_TRUE(db.open(path, Database::OpenMode::ReadOnly)) << db.errorString().toStdString();
    EXPECT_TRUE(db.isReadOnly());
    QSqlQuery q(db.connection());
    EXPECT_FALSE(q.exec(QStringLiteral("DELETE FROM reviews")));
    db.close();
    EXPECT_EQ(test::readAll(path), before);
}

TEST(Database, ForeignKeysAreEnforced)
{
    TempDir dir;
    auto db = test::emptyDatabase(dir.file(QStringLiteral("fk.rtdb")));
    QSqlQuery q(db->connection());
    EXPECT_FALSE(q.exec(
        QStringLiteral("INSERT INTO recommendations(review_id, number, text) VALUES (999, '1', 'x')")));
}
