#pragma once

#include "DeleteImpact.h"
#include "Repository.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace rt {

// Edits of recommendations (and findings): each call is one transaction,
// saved or refused with a reason in errorString().
class RecommendationRepository : public Repository
{
public:
    enum class Field
    {
        Number, // unique within the review; keeps sort_key in step; may not be blank
        Title,
        Text,     // a recommendation needs its text or its title
        Kind,     // "recommendation" / "finding" (code or written form)
        Decision, // code or written form ("Agreed", "Partly agreed", "Not agreed") or blank
        DecisionExplanation,
        AddressedTo,
        SuccessMeasure
    };

    explicit RecommendationRepository(QSqlDatabase& db);

    // The number a new recommendation would take: after the last top-level
    // number ("11"), or after the parent's last child ("2.4" under "2").
    QString nextNumber(qint64 reviewId, qint64 parentId);
    // A new recommendation under parentId (0 for top level), numbered
    // nextNumber(), placed after its siblings. Returns its id, 0 when refused.
    qint64 create(qint64 reviewId, qint64 parentId, const QString& text);
    bool setField(qint64 recommendationId, Field field, const QString& value);
    // Replaces the themes; unknown theme names are created. Blank names ignored.
    bool setThemes(qint64 recommendationId, const QStringList& themes);
    DeleteImpact impact(qint64 recommendationId);
    // Deletes it with its sub-recommendations, their actions and updates, and
    // the responses that answered nothing else; shared responses stay.
    bool remove(qint64 recommendationId);
    // Swaps places with the previous (-1) or next (+1) sibling.
    bool move(qint64 recommendationId, int delta);

private:
    // Another recommendation of the review has this number (any capitals).
    bool numberTaken(qint64 reviewId, const QString& number, qint64 exceptId);
};

} // namespace rt
