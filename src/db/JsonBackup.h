#pragma once

#include <QIODevice>
#include <QSqlDatabase>
#include <QString>

namespace rt {

// The whole database as one JSON document a person can read: every table of
// records (reviews, recommendations, actions, updates, owners, agencies,
// Section 11 audits, saved filters, the change log …) in a fixed order, rows
// in id order, so exporting the same data twice gives the same bytes.
// Restoring it into an empty database and exporting again gives an identical
// file.
class JsonBackup
{
public:
    struct Counts
    {
        int reviews = 0;
        int recommendations = 0;
        int actions = 0;
        int updates = 0;
    };

    explicit JsonBackup(QSqlDatabase db);

    bool write(QIODevice* device);
    // Into a database that holds no records yet, in one transaction: all of
    // it or (on any error, named by table, row and field) none of it.
    bool restore(QIODevice* device, const QString& sourceName, Counts* added);
    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};

} // namespace rt
