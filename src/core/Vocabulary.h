#pragma once

#include <QColor>
#include <QString>
#include <QStringList>

// The closed sets of the domain. Each value has a stable storage code (what the
// database holds, portable to any SQL backend), a British English label, and —
// for words read from documents — the written forms it accepts.
namespace rt {

enum class ActionStatus
{
    NotStarted,
    Planned,
    InProgress,
    PartiallyComplete,
    Complete,
    Superseded
};
enum class Rag
{
    None,
    Red,
    Amber,
    Green,
    Blue
};
enum class Decision
{
    None,
    Agreed,
    PartlyAgreed,
    NotAgreed
};
enum class DecisionReason
{
    None,
    Commissioning,
    Policy,
    Operational,
    Affordability
};
enum class ReviewKind
{
    SCR,
    LCSPR,
    RapidReview,
    Section11,
    Audit
};
enum class RecommendationKind
{
    Recommendation,
    Finding
};
enum class ResponseDecision
{
    None,
    DoNothing,
    DoTheThinking,
    DoSomethingSpecific
};
// Ordered best to worst; Unable sits outside the order.
enum class S11Rating
{
    Good,
    GoodWithAreasForImprovement,
    RequiresImprovement,
    Inadequate,
    Unable
};

namespace status {
QString code(ActionStatus s);
QString label(ActionStatus s);
bool fromCode(const QString& code, ActionStatus* out);
// Reads a status word as plans write it ("Partially", "Completed", "Action
// Underway", blank). False for a word it cannot place.
bool fromWritten(const QString& written, ActionStatus* out);
bool isClosed(ActionStatus s); // Complete or Superseded: never overdue
QStringList allCodes();
} // namespace status

namespace rag {
QString code(Rag r); // "" for None
QString label(Rag r);
bool fromCode(const QString& code, Rag* out);
bool fromWritten(const QString& written, Rag* out);
QColor colour(Rag r);
} // namespace rag

namespace decision {
QString code(Decision d);
QString label(Decision d);
bool fromWritten(const QString& written, Decision* out);
bool fromCode(const QString& code, Decision* out);
QString reasonCode(DecisionReason r);
bool reasonFromWritten(const QString& written, DecisionReason* out);
} // namespace decision

namespace reviewkind {
QString code(ReviewKind k);
QString label(ReviewKind k);
QString shortLabel(ReviewKind k); // SCR, LCSPR, RR, S11, Audit
bool fromCode(const QString& code, ReviewKind* out);
bool fromWritten(const QString& written, ReviewKind* out);
} // namespace reviewkind

namespace recommendationkind {
QString code(RecommendationKind k);
bool fromWritten(const QString& written, RecommendationKind* out);
} // namespace recommendationkind

namespace responsedecision {
QString code(ResponseDecision d);
QString label(ResponseDecision d);
bool fromWritten(const QString& written, ResponseDecision* out);
} // namespace responsedecision

namespace s11 {
QString code(S11Rating r);
QString label(S11Rating r);
bool fromCode(const QString& code, S11Rating* out);
int rank(S11Rating r); // 1 best … 4 worst, 0 for Unable
} // namespace s11

} // namespace rt
