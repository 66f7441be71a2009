#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QVector>

namespace rt {

// One thing wrong with a database file, as a person reads it.
struct CheckProblem
{
    enum class Kind
    {
        File,         // not a Review Tracker file, truncated, unreadable, newer program
        Integrity,    // PRAGMA integrity_check found damage
        ForeignKey,   // a row refers to a row that is not there
        SchemaOlder,  // an older schema: opening it read-write once upgrades it
        SchemaObject, // a table, index or trigger of the schema is missing
        Other
    };
    Kind kind = Kind::Other;
    QString message; // names the file and the cause

    static QString kindName(Kind kind); // "file", "integrity", ... for JSON
};

// What a report says about a file besides its problems; -1 when unknown
// (the file could not be read that far).
struct CheckFigures
{
    int schemaVersion = -1;
    qint64 reviews = -1;
    qint64 actions = -1;
    qint64 history = -1;
    qint64 pageCount = -1;
    qint64 pageSize = -1;
    qint64 fileSize = -1;
};

struct CheckReport
{
    QString path;
    QVector<CheckProblem> problems;
    CheckFigures figures;

    bool isSound() const { return problems.isEmpty(); }
    // Sound except for an older schema, which the next read-write open
    // upgrades: such a file is still fit to restore.
    bool isRestorable() const;
    QStringList messages() const;
};

// Checks a database file without writing it: the header (the same refusal
// Database::open gives), PRAGMA integrity_check, PRAGMA foreign_key_check,
// the schema version, and that every table, index and trigger a new database
// has is there (a dropped history trigger would silently stop the log).
// The file is only ever opened read-only, so a damaged file stays as it was
// for whoever tries to rescue it.
class DatabaseCheck
{
public:
    static CheckReport check(const QString& path);

    // Figures only (no integrity scan), for listing backups; false with *error
    // when the file cannot be read.
    static bool figures(const QString& path, CheckFigures* figures, QString* error);

    // Whether a freshly written copy reads back whole: opens it read-only and
    // runs integrity_check. *error names the file and the first damage found.
    static bool verifyCopy(const QString& path, QString* error);

    // The messages of PRAGMA integrity_check on an open connection, empty
    // when it says "ok".
    static QStringList integrityMessages(QSqlDatabase& db, QString* error);

    // Names (type:name) of every schema object a new database has.
    static QStringList expectedObjects(QString* error);
};

} // namespace rt
