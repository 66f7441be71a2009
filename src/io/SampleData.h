#pragma once

#include <QSqlDatabase>
#include <QString>

namespace rt {

// The sample data shipped with the program (data/sample/*.json, compiled in
// as resources under :/sample): the five published documents.
class SampleData
{
public:
    static QString resourceDir() { return QStringLiteral(":/sample"); }
    // Reads every *.json in dir (in name order) and writes all of it in one
    // transaction: on any error nothing is written.
    static bool load(QSqlDatabase& db, QString* error, const QString& dir = resourceDir());
    // Creates a new database file at path holding the sample data. On any
    // error the half-made file is removed, so a later start does not mistake
    // an empty file for the user's data.
    static bool createDatabase(const QString& path, QString* error);
};

} // namespace rt
