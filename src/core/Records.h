#pragma once

#include "TargetDate.h"
#include "Vocabulary.h"

#include <QString>
#include <QStringList>
#include <QVector>
#include <optional>

// Plain records of a plan as it is read in (sample data, imports, the
// generator) and written by PlanWriter. Ids are filled in once stored.
namespace rt {

struct AgencyRecord
{
    QString name;
    QString shortName;
    QStringList aliases;
};

struct ProgressUpdate
{
    QString date; // partial ISO date, empty when the source gives none
    QString label;
    QString author;
    QString text;
    Rag rag = Rag::None;
};

struct ActionLink
{
    QString targetNumber; // recommendation / action number within the review
    QString note;
};

struct ActionRecord
{
    qint64 id = 0;
    QString number;
    QString text;
    QString ownerText;
    QStringList owners;
    QString agency;
    QString targetText;
    TargetDate target;
    QString revisedTargetText;
    TargetDate revisedTarget;
    ActionStatus status = ActionStatus::NotStarted;
    QString statusText;
    Rag rag = Rag::None;
    QString successMeasure;
    QString evidence;
    QVector<ActionLink> links;
    QVector<ProgressUpdate> updates;
};

struct RecommendationRecord
{
    qint64 id = 0;
    RecommendationKind kind = RecommendationKind::Recommendation;
    QString number;
    QString title;
    QString section; // section number within the review
    QString text;
    QStringList addressedTo;
    Decision decision = Decision::None;
    DecisionReason decisionReason = DecisionReason::None;
    QString decisionExplanation;
    QString successMeasure;
    ResponseDecision responseDecision = ResponseDecision::None;
    QString answeredBy;
    QStringList themes;
    QVector<RecommendationRecord> children;
    QVector<ActionRecord> actions;
};

struct ResponseRecord
{
    QString number;
    QString title;
    QString text;
    QStringList recommendationNumbers;
};

struct SectionRecord
{
    QString number;
    QString title;
    QString description;
    QString successMeasure;
    ResponseDecision responseDecision = ResponseDecision::None;
};

struct PlanVersionRecord
{
    QString version;
    QString date; // partial ISO
    QString comment;
};

struct ReviewLinkRecord
{
    QString reviewKey; // another review in the same load, or empty
    QString reference;
    QString title;
    std::optional<int> year;
    QString note;
};

struct S11StandardRecord
{
    int number = 0;
    QString title;
    Rag partnershipRag = Rag::None;
    QString comment;
};

struct S11ThemeRecord
{
    QString title;
    Rag rag = Rag::None;
    QString comment;
};

struct S11AgencyRecord
{
    QString name;
    QString shortName;
    QString note;
};

struct S11RatingRecord
{
    QString agency;
    int standard = 0;
    S11Rating rating = S11Rating::Unable;
    QString ratingText;
    QStringList comments;
};

struct S11AuditRecord
{
    int year = 0;
    QStringList panel;
    QVector<S11StandardRecord> standards;
    QVector<S11ThemeRecord> themes;
    QVector<S11AgencyRecord> agencies;
    QVector<S11RatingRecord> ratings;
};

struct ReviewRecord
{
    qint64 id = 0;
    QString key;
    ReviewKind kind = ReviewKind::SCR;
    QString reference;
    QString title;
    QString body;
    std::optional<int> year;
    QString initiated, completed, published; // partial ISO
    bool publicationWithheld = false;
    QString withheldReason;
    QString summary;
    QString source;
    QVector<ReviewLinkRecord> links;
    QVector<PlanVersionRecord> planVersions;
    QVector<SectionRecord> sections;
    QVector<RecommendationRecord> recommendations;
    QVector<ResponseRecord> responses;
    std::optional<S11AuditRecord> s11;
};

} // namespace rt
