#pragma once

#include "TrackerColumns.h"
#include "core/Records.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

namespace rt {

// A cell that cannot be read, named the way the person sees the sheet.
struct TrackerProblem
{
    int row = 0;     // from 1, as the spreadsheet numbers it
    int column = -1; // from 0; -1 for the row as a whole
    QString header;  // the column's header as written
    QString message;

    // "Row 14, column G (Target Date): “Sprung 2024” is not a date this program reads"
    QString toString() const;
};

// Turns a tracker's rows into reviews, recommendations, actions and progress
// updates, or lists every cell it cannot read. One row is one action:
//
// - A blank review, recommendation number or recommendation cell takes the
//   value of the row above (merged cells): the number only within the same
//   review, the text only within the same recommendation. A blank action
//   cell on a row that gives anything about an action (owner, status, an
//   update …) is the action of the row above in the same recommendation.
// - Rows with the same review, recommendation and action text are one action
//   (matched ignoring case and spacing); each such row may add a progress
//   update. The action's owner, target, agency, number, success measure and
//   evidence come from the first row giving them, and a later row giving a
//   different one is a problem (it would otherwise be lost). Status and RAG
//   are read top to bottom: a later row's value is the newer one, and its RAG
//   is also recorded on that row's update.
// - A recommendation's text, decision and response likewise come from the
//   first row giving them; a different one later is a problem. Themes add up.
//   A recommendation the tracker gives no text for (only its number) reads
//   "(No recommendation text in the tracker)"; when merging, one the review
//   has keeps its own text.
// - A review's kind comes from the Type column, or the default kind when the
//   sheet has none or leaves it blank for every row of that review.
// - An update cell makes a progress update dated by the Update date column
//   (undated when there is none), labelled with the update column's header.
// - Owners "A / B", "A; B", "A, B" are several owners; the text is kept as
//   written. "and" is not split: "Policy and Procedure Sub-Group" is one.
// - Fully blank rows are skipped, as is a repeat of the header row.
class TrackerParser
{
public:
    void setDefaultKind(ReviewKind kind) { m_defaultKind = kind; }
    ReviewKind defaultKind() const { return m_defaultKind; }

    // False when any row cannot be read: problems() lists them all, and no
    // review is given.
    bool parse(const SheetTable& sheet, const TrackerMapping& mapping, const QString& sourceName);

    const QVector<ReviewRecord>& reviews() const { return m_reviews; }
    QVector<ReviewRecord> takeReviews() { return std::move(m_reviews); }
    const QVector<TrackerProblem>& problems() const { return m_problems; }
    int rowsRead() const { return m_rowsRead; } // rows that gave something (not blank, not headers)

    // The text a cell shows: a date cell as a UK date ("31/03/2024", or
    // "March 2024" for a month format), anything else as read.
    static QString displayText(const SheetCell& cell);
    // Owners as written, split: "A / B" → A, B.
    static QStringList splitOwners(const QString& written);

private:
    struct RowState;
    void readRow(int r, const QVector<SheetCell>& cells, RowState& state);
    void problem(int row, int column, const QString& message);
    bool readTarget(int r, int column, const SheetCell& cell, QString* text, TargetDate* out);

    ReviewKind m_defaultKind = ReviewKind::LCSPR;
    const TrackerMapping* m_mapping = nullptr;
    QVector<ReviewRecord> m_reviews;
    QVector<TrackerProblem> m_problems;
    QHash<int, int> m_columns; // TrackerField → column, -1 for none
    int m_rowsRead = 0;
};

} // namespace rt
