#pragma once

#include "db/Database.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace rt::test {

// A fresh folder per test, removed afterwards.
class TempDir
{
public:
    TempDir();
    QString file(const QString& name) const;

private:
    QTemporaryDir m_dir;
};

// A new database at path with the sample data loaded; fails the test if not.
std::unique_ptr<Database> sampleDatabase(const QString& path);
// A new empty database at path.
std::unique_ptr<Database> emptyDatabase(const QString& path);

QByteArray readAll(const QString& path);
// Overwrites the page type of a table's root page, as a disk fault would; the
// schema page stays intact so the file still opens. Returns the new bytes.
QByteArray damageTableRootPage(const QString& path, const QString& table);
qint64 scalar(Database& db, const QString& sql);
// The id of the action numbered number in the review titled title (0 if none).
qint64 actionId(Database& db, const QString& title, const QString& number);
QString text(Database& db, const QString& sql);

} // namespace rt::test
