#pragma once

#include <QDate>
#include <QIODevice>
#include <QSqlDatabase>
#include <QString>
#include <QVector>

struct lxw_workbook;
struct lxw_worksheet;

namespace rt {

// An owner's open actions as an .xlsx "return" for people who do not use the
// program: read-only cells say what each action is; three unlocked columns
// (new status, new RAG — drop-down lists — and update text) take their answer.
// Hidden cells carry each action's id and what it was when written, so
// OwnerReturnsImporter can match rows and see changes made meanwhile.
class OwnerReturnsWriter
{
public:
    // Where the writer puts things and the importer finds them (0-based).
    enum Column
    {
        ReviewColumn,
        RecommendationColumn,
        NumberColumn,
        ActionColumn,
        TargetColumn,
        StatusColumn,
        RagColumn,
        LatestUpdateColumn,
        NewStatusColumn,  // input
        NewRagColumn,     // input
        UpdateColumn,     // input
        UpdateDateColumn, // input; blank: the day the return is recorded
        // Hidden: the action and what it was when the return was written.
        ActionIdColumn,
        ReviewIdColumn,
        WrittenNumberColumn,
        WrittenStatusColumn,
        WrittenRagColumn,
        WrittenLastUpdateIdColumn,
        ColumnCount
    };
    static constexpr int kHeaderRow = 2;
    static constexpr int kFormatVersion = 1;
    static QString formatName() { return QStringLiteral("review-tracker-owner-return"); }
    static QString returnSheetName() { return QStringLiteral("Return"); }
    // The hidden sheet of key / value rows saying whose return it is and when
    // it was written (the newest change-log id then).
    static QString detailsSheetName() { return QStringLiteral("Return details"); }
    // The header of a hidden column: a key a person does not translate.
    static QString hiddenKey(Column column);

    explicit OwnerReturnsWriter(QSqlDatabase db);
    // Owner matched case-insensitively; no open actions is not an error (an
    // empty return is written) but an unknown owner is.
    bool write(const QString& owner, const QDate& asOf, QIODevice* device);
    int actionCount() const { return m_actions; }
    QString errorString() const { return m_error; }

private:
    struct Row;
    bool writeSheets(lxw_workbook* wb, const QString& ownerName, qint64 ownerId, const QDate& asOf,
                     qint64 historyMark, const QVector<Row>& rows);
    bool addValidation(lxw_worksheet* ws, int firstRow, int lastRow);

    QSqlDatabase m_db;
    QString m_error;
    int m_actions = 0;
};

} // namespace rt
