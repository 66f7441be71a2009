#pragma once

#include "core/Records.h"

#include <QSqlDatabase>
#include <QString>
#include <functional>
#include <random>

namespace rt {

// Makes a deterministic synthetic database for scale testing: per review about
// 15 recommendations (some with sub-recommendations), 30 actions and 60
// updates, with realistic spreads of kinds, dates, statuses, RAG ratings,
// agencies and owners. The same seed always gives the same database.
class SyntheticGenerator
{
public:
    explicit SyntheticGenerator(quint64 seed);

    ReviewRecord makeReview(int index);
    // Writes `count` reviews, committing every `batch` reviews; progress is
    // called after each batch with the number written so far.
    bool generate(QSqlDatabase& db, int count, QString* error, const std::function<void(int)>& progress = {},
                  int batch = 250);

private:
    int pick(int n);
    bool chance(int percent);
    template <typename T, size_t N> const T& pickFrom(const T (&list)[N]) { return list[pick(int(N))]; }
    RecommendationRecord makeRecommendation(const QString& number, int reviewYear, int actionCount);
    ActionRecord makeAction(int reviewYear);
    QString sentence(int clauses);

    std::mt19937_64 m_rng;
};

} // namespace rt
