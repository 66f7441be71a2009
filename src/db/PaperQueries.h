#pragma once

#include "PlanQueries.h"
#include "io/Paper.h"

#include <QDate>
#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QVector>

namespace rt {

// Reads the three papers the partnership sends out, as format-free Papers:
//  - a review's action plan in the published layout (# · Recommendation ·
//    Agreed / Partly Agreed / Not Agreed · Response / action taken or planned
//    · Responsible owner · Target date · Status · RAG), with its version history;
//  - the QiiP highlight report: open actions that are overdue, Red or Amber,
//    by agency and review, each with its latest update;
//  - the Executive summary: one row per review with its actions by status and
//    RAG and its completion.
// The spreadsheet columns of the plan carry the header names the tracker
// importer reads, so an exported plan imports again as it was.
class PaperQueries
{
public:
    enum class Kind
    {
        Plan,      // one review's action plan
        AllPlans,  // every review's plan
        Highlight, // the QiiP highlight report
        Summary    // the Executive summary
    };

    explicit PaperQueries(QSqlDatabase db);

    // One of the papers below; reviewId is read for Plan only.
    bool build(Kind kind, qint64 reviewId, const QDate& asOf, Paper* out);
    // A file name for the paper: "Child X action plan 30-06-2024" (no suffix).
    QString suggestedFileName(Kind kind, qint64 reviewId, const QDate& asOf);

    bool actionPlan(qint64 reviewId, const QDate& asOf, Paper* out);
    // Every review that has recommendations, one table each (one sheet each
    // in Excel unless oneSheet).
    bool allPlans(const QDate& asOf, Paper* out);
    bool highlightReport(const QDate& asOf, Paper* out);
    bool executiveSummary(const QDate& asOf, Paper* out);

    QString errorString() const { return m_error; }

private:
    struct ReviewHead;
    bool readReview(qint64 reviewId, ReviewHead* out);
    bool planTable(const ReviewHead& review, PaperTable* out);
    void titleBlock(const ReviewHead& review, const QDate& asOf, Paper* out);
    QString organisation(const QString& body);
    QString mainOrganisation();
    bool fail(const class QSqlQuery& q);

    QSqlDatabase m_db;
    QString m_error;
    QHash<QString, QString> m_organisations; // body code -> agency name
};

} // namespace rt
