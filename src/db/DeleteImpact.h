#pragma once

#include <QString>

namespace rt {

// What goes with a record when it is deleted, so the confirmation can say
// "and 3 actions with 12 progress updates" before anything is lost.
struct DeleteImpact
{
    int recommendations = 0; // sub-recommendations (not counting the record itself)
    int responses = 0;       // responses that answered nothing else and so go too
    int actions = 0;
    int updates = 0;
    int planVersions = 0;
    int reviewLinks = 0;

    bool isEmpty() const;
    // British English list of what goes, e.g. "2 sub-recommendations, 4 actions
    // and 12 progress updates"; empty when nothing else goes.
    // A review's own recommendations are not "sub-recommendations": the
    // count there is said as "recommendations".
    QString describe() const;

private:
    friend class ReviewRepository;
    bool m_recommendationsAreTopLevel = false;
};

} // namespace rt
