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

qint64 scalar(Database& db, const QString& sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next()) {
        ADD_FAILURE() << sql.toStdString() << ": " << q.lastError().text().toStdString();
        return -1;
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
