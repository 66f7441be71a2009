#pragma once

#include "core/TargetDate.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVector>

namespace rt {

// Read-side rows of the editing window. Each query reads one review's worth
// of records at most, so the window loads only what it shows.
struct ReviewDetail
{
    qint64 id = 0;
    QString kind; // code
    QString reference, title, body, summary, source;
    QString year;                            // "" when unknown
    QString initiated, completed, published; // partial ISO
    bool publicationWithheld = false;
    QString withheldReason;
    int recommendations = 0;
    int actions = 0;
    int complete = 0; // actions complete or superseded
};

struct RecommendationRow
{
    qint64 id = 0;
    qint64 parentId = 0;
    QString number, kind, title, text, decision, decisionExplanation, successMeasure, addressedTo;
    QStringList themes;
    int actions = 0; // its own actions
};

struct ResponseRow
{
    qint64 id = 0;
    QString number, title, text;
    QStringList answers; // numbers of the recommendations it answers, in order
};

struct UpdateRow
{
    qint64 id = 0;
    QString date; // partial ISO
    QString label, author, text, rag;
};

struct ActionDetail
{
    qint64 id = 0;
    qint64 reviewId = 0;
    qint64 recommendationId = 0;
    QString review, recommendationNumber, number, text, ownerText;
    QStringList owners;
    QString agency;
    QString targetText, revisedTargetText;
    TargetDate target, revisedTarget;
    QString status, statusText, rag, successMeasure, evidence;
    QStringList links;     // "1.2 — As action 1.2"
    QString linkedNumbers; // "1.2, 3.1" as the editor takes them
    qint64 version = 0;    // what an editor expects when it saves
};

struct PlanVersionRow
{
    qint64 id = 0;
    QString version, date, comment;
};

struct ReviewLinkRow
{
    qint64 id = 0;
    qint64 linkedReviewId = 0;
    QString title, reference, year, note;
};

struct OwnerRow
{
    qint64 id = 0;
    QString name, agency;
    qint64 agencyId = 0;
    int actions = 0;
};

class PlanQueries
{
public:
    explicit PlanQueries(QSqlDatabase db);

    bool review(qint64 reviewId, ReviewDetail* out);
    // The review whose id, reference or title is ref (case-insensitive; a
    // unique title prefix also matches). 0 when none or ambiguous.
    qint64 findReview(const QString& ref);
    QVector<RecommendationRow> recommendations(qint64 reviewId);
    QVector<ResponseRow> responsesFor(qint64 recommendationId);
    QVector<UpdateRow> updates(qint64 actionId); // newest first
    bool action(qint64 actionId, ActionDetail* out);
    QVector<PlanVersionRow> planVersions(qint64 reviewId);
    QVector<ReviewLinkRow> reviewLinks(qint64 reviewId);
    QVector<OwnerRow> owners();
    QStringList ownerNames();
    QStringList themeNames();
    QVector<QPair<qint64, QString>> reviewTitles(); // in list order
    // The agency of that name or alias (any capitals); 0 when none.
    qint64 agencyId(const QString& name);

    QString errorString() const { return m_error; }

private:
    bool exec(class QSqlQuery& q);

    QSqlDatabase m_db;
    QString m_error;
};

} // namespace rt
