#include "TestSupport.h"

#include "io/SampleData.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <gtest/gtest.h>

namespace rt::test {

TempDir::TempDir()
{
    EXPECT_TRUE(m_dir.isValid());
}

QString TempDir::file(const QString& name) const
{
    return m_dir.filePath(name);
}

std::unique_ptr<Database> emptyDatabase(const QString& path)
{
    auto db = std::make_unique<Database>();
    EXPECT_TRUE(db->open(path, Database::OpenMode::CreateNew)) << db->errorString().toStdString();
    return db;
}

std::unique_ptr<Database> sampleDatabase(const QString& path)
{
    auto db = emptyDatabase(path);
    QString error;
    EXPECT_TRUE(SampleData::load(db->connection(), &error)) << error.toStdString();
    return db;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QByteArray();
    return f.readAll();
}

QByteArray damageTableRootPage(const QString& path, const QString& table)
{
    qint64 rootPage = 0;
    {
        Database db;
        EXPECT_TRUE(db.open(path, Database::OpenMode::ReadOnly)) << db.errorString().toStdString();
        rootPage =
            scalar(db, QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name = '%1'").arg(table));
    }
    EXPECT_GT(rootPage, 1);
    QByteArray bytes = readAll(path);
    const qint64 pageSize = (quint8(bytes[16]) << 8) | quint8(bytes[17]);
    bytes[(rootPage - 1) * pageSize] = char(0x7F); // not a b-tree page type
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    return bytes;
}

qint64 scalar(Database& db, const QString& sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next()) {
        ADD_FAILURE() << sql.toStdString() << ": " << q.lastError().text().toStdString();
        return -1;
    }
    return q.value(0).toLongLong();
}

qint64 actionId(Database& db, const QString& title, const QString& number)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT min(a.id) FROM actions a JOIN reviews r ON r.id = a.review_id "
                             "WHERE r.title = ? AND a.number = ?"));
    q.addBindValue(title);
    q.addBindValue(number);
    if (!q.exec() || !q.next()) {
        ADD_FAILURE() << q.lastError().text().toStdString();
        return 0;
    }
    return q.value(0).toLongLong();
}

QString text(Database& db, const QString& sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next()) {
        ADD_FAILURE() << sql.toStdString() << ": " << q.lastError().text().toStdString();
        return QString();
    }
    return q.value(0).toString();
}

} // namespace rt::test
