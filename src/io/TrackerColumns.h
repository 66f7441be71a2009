#pragma once

#include "SheetTable.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVector>

namespace rt {

// What a tracker column holds. One row of a tracker is one action.
enum class TrackerField
{
    Ignore,
    Review,
    ReviewKind,
    RecommendationNumber,
    Recommendation,
    Decision,
    Response,
    Theme,
    ActionNumber,
    Action,
    Owner,
    Agency,
    Target,
    RevisedTarget,
    Status,
    Rag,
    Update,
    UpdateDate,
    SuccessMeasure,
    Evidence
};

// Which column of a sheet holds which field, and the row the headers are on.
struct TrackerMapping
{
    int headerRow = -1;           // from 0; -1 when none was found
    QStringList headers;          // the header row's cells, as written
    QVector<TrackerField> fields; // one per column

    // The first column mapped to the field, -1 when none is.
    int column(TrackerField field) const;
    // Fields the import cannot do without that no column holds, as labels.
    QStringList missingFields() const;
    bool isComplete() const { return headerRow >= 0 && missingFields().isEmpty(); }
};

// The fields a tracker may have and the headers people give them. A header
// is matched ignoring case, punctuation and spacing: "Rec No.", "REC NO" and
// "Rec no" are one header; "Agreed / Partly Agreed / Not Agreed" is the
// decision and "Who will lead?" the owner.
class TrackerColumns
{
public:
    // Every field but Ignore, in the order a tracker usually has them.
    static QList<TrackerField> fields();
    // The field's name for people ("Recommendation number").
    static QString label(TrackerField field);
    // The field a header names; Ignore when none.
    static TrackerField fieldForHeader(const QString& header);
    // Lower case, letters and digits only, single spaces; a header of
    // punctuation alone ("#") is kept as it is.
    static QString headerKey(const QString& header);

    // The first of the first 30 rows in which at least three cells name a
    // field, mapped column by column; a field named twice goes to its first
    // column and the later ones are ignored. headerRow -1 when no row does.
    static TrackerMapping detect(const SheetTable& sheet);
    // Maps a row of headers as detect() does.
    static QVector<TrackerField> mapHeaders(const QStringList& headers);
    // The sheet named (any capitals), or when name is blank the first sheet
    // with a header row (a workbook may open on a cover sheet); -1 with
    // *error otherwise.
    static int chooseSheet(const QVector<SheetTable>& sheets, const QString& name, QString* error);

    static constexpr int kHeaderSearchRows = 30;
    static constexpr int kMinimumHeaders = 3;
};

} // namespace rt
