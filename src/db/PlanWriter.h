#pragma once

#include "core/Records.h"

#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <map>
#include <memory>

namespace rt {

// Writes whole reviews — recommendations, responses, actions, updates, Section
// 11 audits — with prepared statements. It never opens a transaction itself:
// the caller wraps a whole load in one, so a load is all there or not at all.
class PlanWriter
{
public:
    explicit PlanWriter(QSqlDatabase& db);

    // Stores the review and everything under it; fills in the ids.
    bool writeReview(ReviewRecord& review, int position);
    // One action (its row and owners, not its updates); fills in a.id. For
    // adding to a review already stored (a merge).
    bool insertAction(qint64 reviewId, qint64 recommendationId, ActionRecord& a, int position);
    bool insertUpdate(qint64 actionId, const ProgressUpdate& update, int position);
    // Review links name other reviews by key; call once every review is written.
    bool resolveReviewLinks(const QVector<ReviewRecord>& reviews);

    // The agency of that name or alias, 0 when none; never creates one.
    qint64 knownAgencyId(const QString& name);
    // The agency of that name or alias, created when unknown.
    qint64 agencyId(const QString& name, const QString& shortName = QString());
    bool addAgency(const AgencyRecord& agency);
    qint64 ownerId(const QString& name, qint64 agencyId = 0);
    qint64 themeId(const QString& name);

    QString errorString() const { return m_error; }

    // "1.10" sorts after "1.9": numeric parts are zero-padded.
    static QString sortKey(const QString& number);

private:
    bool writeRecommendation(qint64 reviewId, qint64 parentId, RecommendationRecord& rec, int position,
                             const QHash<QString, qint64>& sections, QHash<QString, qint64>& byNumber,
                             QVector<QPair<qint64, ActionRecord*>>& actions);
    bool writeAction(qint64 reviewId, qint64 recommendationId, ActionRecord& action, int position);
    bool writeS11(qint64 reviewId, const S11AuditRecord& audit);
    bool run(QSqlQuery& q, const char* what);
    QSqlQuery& prepared(const QString& sql);

    QSqlDatabase& m_db;
    QString m_error;
    // One prepared statement per SQL text, reused for every row of a load.
    std::map<QString, std::unique_ptr<QSqlQuery>> m_queries;
    QHash<QString, qint64> m_agencies, m_owners, m_themes;
    QSet<QString> m_notAgencies; // names looked up and not found
};

} // namespace rt
