#pragma once

#include "core/Records.h"

#include <QIODevice>
#include <QJsonObject>
#include <QString>
#include <QVector>

namespace rt {

// Reads plans in the sample-data JSON format (data/README.md) from any
// QIODevice. Every value is checked; the first bad one is reported with its
// place ("002-child-x.json: reviews[0].recommendations[2].actions[0].target")
// and its cause, and nothing is returned.
class PlanJsonReader
{
public:
    bool read(QIODevice* device, const QString& sourceName);
    QVector<ReviewRecord> takeReviews() { return std::move(m_reviews); }
    QVector<AgencyRecord> takeAgencies() { return std::move(m_agencies); }
    QString errorString() const { return m_error; }

private:
    bool readReview(const QJsonObject& o, const QString& path, ReviewRecord* out);
    bool readRecommendation(const QJsonObject& o, const QString& path, RecommendationRecord* out);
    bool readAction(const QJsonObject& o, const QString& path, ActionRecord* out);
    bool readS11(const QJsonObject& o, const QString& path, S11AuditRecord* out);
    bool fail(const QString& path, const QString& cause);

    QString m_source;
    QString m_error;
    QVector<ReviewRecord> m_reviews;
    QVector<AgencyRecord> m_agencies;
};

} // namespace rt
