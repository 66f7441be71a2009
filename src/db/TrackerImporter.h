#pragma once

#include "core/Records.h"
#include "io/SheetTable.h"
#include "io/TrackerColumns.h"
#include "io/TrackerParser.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVector>
#include <functional>

namespace rt {

// Imports a spreadsheet tracker (.csv or .xlsx) into the database in one
// transaction: every row or none. Any row that cannot be read stops it with
// every such problem listed (TrackerParser); a review the database already
// has stops it too, unless merging.
//
// Merging adds to an existing review (same title, any capitals and spacing)
// only what it does not have, and never changes what it has:
// - a recommendation it does not have: none with the same number (any
//   capitals), or for a tracker without numbers none with the same text;
// - an action of that recommendation it does not have: none with the same
//   text (ignoring capitals and spacing);
// - a progress update of that action it does not have: none with the same
//   date (or both undated) and the same text.
// Existing records keep their status, RAG, target, owner and decision; the
// actions and updates added are written to the change history, as the
// editing window's are, so the QiiP meeting view shows them as new.
class TrackerImporter
{
public:
    struct Counts
    {
        int reviews = 0;
        int recommendations = 0;
        int actions = 0;
        int updates = 0;
    };
    // Called while writing, now and then (not every row): records written so
    // far and in all. Return false to cancel: everything is rolled back.
    using Progress = std::function<bool(int done, int total)>;

    explicit TrackerImporter(QSqlDatabase db);

    void setMerge(bool merge) { m_merge = merge; }
    // The kind of a review whose kind the tracker does not give (no Type
    // column, or blank for all its rows). LCSPR unless set.
    void setDefaultKind(ReviewKind kind) { m_defaultKind = kind; }
    void setProgress(Progress progress) { m_progress = std::move(progress); }
    // The file name messages start with (importFile and importSheet set it).
    void setSourceName(const QString& name) { m_source = name; }

    // Reads the file, finds the header row, reads the rows and writes them.
    bool importFile(const QString& path, const QString& sheetName = QString());
    // Reads the rows of a sheet with a mapping (perhaps changed by the user) and writes them.
    bool importSheet(const SheetTable& sheet, const TrackerMapping& mapping, const QString& sourceName);
    // Writes reviews already read.
    bool importReviews(QVector<ReviewRecord> reviews);

    Counts added() const { return m_added; }
    // The rows that could not be read; empty when the import failed otherwise.
    const QVector<TrackerProblem>& problems() const { return m_problems; }
    // What stopped the import, one line; problems() has the rows.
    QString errorString() const { return m_error; }
    bool wasCancelled() const { return m_cancelled; }
    // Titles of reviews of the file the database already has (why an import
    // without merge was refused).
    const QStringList& existingReviews() const { return m_existing; }

private:
    bool fail(const QString& error);
    bool parse(const SheetTable& sheet, const TrackerMapping& mapping, QVector<ReviewRecord>* reviews);

    QSqlDatabase m_db;
    bool m_merge = false;
    ReviewKind m_defaultKind = ReviewKind::LCSPR;
    Progress m_progress;
    Counts m_added;
    QVector<TrackerProblem> m_problems;
    QStringList m_existing;
    QString m_error;
    QString m_source;
    bool m_cancelled = false;
};

} // namespace rt
