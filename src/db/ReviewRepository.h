#pragma once

#include "DeleteImpact.h"
#include "Repository.h"

#include <QSqlDatabase>
#include <QString>

namespace rt {

// Edits of a review and of what hangs off its page: plan versions and links
// to other reviews. Each call is one transaction: saved, or refused with a
// reason in errorString() and the database left as it was.
class ReviewRepository : public Repository
{
public:
    enum class Field
    {
        Kind,      // a kind code ("lcspr") or written form ("LCSPR", "Serious Case Review")
        Reference, // free text, may be empty
        Title,     // required
        Body,
        Year,      // "2023" or blank
        Initiated, // dates: "18/06/2020", "June 2020", "2020", ISO, or blank
        Completed,
        Published,
        Summary
    };
    enum class VersionField
    {
        Version, // required
        Date,    // as for review dates
        Comment
    };

    explicit ReviewRepository(QSqlDatabase& db);

    // A new review placed after the others; returns its id, 0 when refused.
    qint64 create(const QString& kind, const QString& title);
    bool setField(qint64 reviewId, Field field, const QString& value);
    DeleteImpact impact(qint64 reviewId);
    bool remove(qint64 reviewId);

    qint64 addPlanVersion(qint64 reviewId, const QString& version, const QString& date,
                          const QString& comment);
    bool setPlanVersionField(qint64 versionId, VersionField field, const QString& value);
    bool removePlanVersion(qint64 versionId);
    bool movePlanVersion(qint64 versionId, int delta); // -1 up, +1 down; swaps with the neighbour

    // A link to a review in this database (linkedReviewId > 0), or to one known
    // only by name (linkedReviewId 0, linkedTitle required).
    qint64 addLink(qint64 reviewId, qint64 linkedReviewId, const QString& linkedTitle,
                   const QString& linkedYear, const QString& note);
    bool setLinkNote(qint64 linkId, const QString& note);
    bool removeLink(qint64 linkId);
};

} // namespace rt
