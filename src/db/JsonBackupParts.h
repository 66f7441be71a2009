#pragma once

// What the backup's writer (JsonBackup.cpp) and its restore
// (JsonBackupRestore.cpp) share: the tables in order and how each column is
// read from the schema. Not part of the library's interface.

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVector>

namespace rt::jsonbackup {

inline QString tr(const char* text)
{
    return QCoreApplication::translate("rt::JsonBackup", text);
}

inline const char kFormat[] = "review-tracker-backup";
inline constexpr int kFormatVersion = 1;

// Every table of records, parents before children, so the file reads top
// down (agencies and owners before the actions that name them). A restore
// inserts in this order too, but for updates (see restore()). The FTS5 index
// (action_search) is not here: its triggers rebuild it from these tables.
inline const char* const kTables[] = {
    "agencies",        "agency_aliases",        "owners",        "themes",
    "reviews",         "review_links",          "plan_versions", "sections",
    "recommendations", "recommendation_themes", "responses",     "response_recommendations",
    "actions",         "action_owners",         "action_links",  "updates",
    "s11_audits",      "s11_standards",         "s11_themes",    "s11_agencies",
    "s11_ratings",     "saved_filters",         "history"};

// SQLite's type affinity of a declared column type (sqlite.org/datatype3.html §3.1).
enum class Affinity
{
    Integer,
    Text,
    Blob,
    Real,
    Numeric
};

inline Affinity affinityOf(const QString& declared)
{
    const QString t = declared.toUpper();
    if (t.contains(QLatin1String("INT")))
        return Affinity::Integer;
    if (t.contains(QLatin1String("CHAR")) || t.contains(QLatin1String("CLOB")) ||
        t.contains(QLatin1String("TEXT")))
        return Affinity::Text;
    if (t.isEmpty() || t.contains(QLatin1String("BLOB")))
        return Affinity::Blob;
    if (t.contains(QLatin1String("REAL")) || t.contains(QLatin1String("FLOA")) ||
        t.contains(QLatin1String("DOUB")))
        return Affinity::Real;
    return Affinity::Numeric;
}

struct Column
{
    QString name;
    Affinity affinity = Affinity::Blob;
    bool notNull = false;
};

struct Table
{
    QString name;
    QVector<Column> columns;
    QStringList primaryKey; // in key order, for "rows in id order"
    QString rowidAlias;     // the INTEGER PRIMARY KEY column, if any

    int indexOf(const QString& column) const
    {
        for (int i = 0; i < columns.size(); ++i) {
            if (columns.at(i).name == column)
                return i;
        }
        return -1;
    }
};

inline QString quoted(const QString& identifier)
{
    QString s = identifier;
    s.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + s + QLatin1Char('"');
}

inline bool readTable(QSqlDatabase& db, const QString& name, Table* out, QString* error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(quoted(name)))) {
        *error = tr("cannot read the columns of %1: %2").arg(name, q.lastError().text());
        return false;
    }
    out->name = name;
    QMap<int, QString> key;
    bool integerKey = false;
    while (q.next()) {
        Column c;
        c.name = q.value(1).toString();
        c.affinity = affinityOf(q.value(2).toString());
        c.notNull = q.value(3).toInt() != 0;
        if (q.value(5).toInt() > 0) {
            key.insert(q.value(5).toInt(), c.name);
            integerKey = q.value(2).toString().compare(QLatin1String("INTEGER"), Qt::CaseInsensitive) == 0;
        }
        out->columns << c;
    }
    if (out->columns.isEmpty()) {
        *error = tr("the database has no table %1 (is it a Review Tracker database?)").arg(name);
        return false;
    }
    out->primaryKey = key.values();
    if (key.size() == 1 && integerKey)
        out->rowidAlias = key.first();
    if (out->primaryKey.isEmpty())
        out->primaryKey << QStringLiteral("rowid");
    return true;
}

// The tables of this schema the backup must cover: all but SQLite's own, the
// virtual tables and their shadow tables, which are derived. A table the list
// above does not know stops the export, so a new table is never silently left
// out of backups.
inline bool checkCoverage(QSqlDatabase& db, QString* error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                               "'sqlite_%' ORDER BY name"))) {
        *error = q.lastError().text();
        return false;
    }
    QStringList names;
    QStringList virtualPrefixes;
    while (q.next()) {
        names << q.value(0).toString();
        if (q.value(1).toString().startsWith(QLatin1String("CREATE VIRTUAL TABLE"), Qt::CaseInsensitive))
            virtualPrefixes << q.value(0).toString();
    }
    QSet<QString> known;
    for (const char* t : kTables)
        known.insert(QLatin1String(t));
    for (const QString& name : names) {
        bool derived = false;
        for (const QString& v : virtualPrefixes)
            derived = derived || name == v || name.startsWith(v + QLatin1Char('_'));
        if (!derived && !known.contains(name)) {
            *error = tr("the table %1 is not covered by this program's backup; use a newer Review Tracker")
                         .arg(name);
            return false;
        }
    }
    return true;
}

} // namespace rt::jsonbackup
