#include "Vocabulary.h"

#include <QCoreApplication>
#include <array>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::Vocabulary", text);
}

// Normalises a written word for matching: case, surrounding space and
// punctuation do not change its meaning ("Complete.", " completed ").
QString key(const QString& written)
{
    QString k = written.simplified().toLower();
    while (!k.isEmpty() && !k.back().isLetterOrNumber())
        k.chop(1);
    k.replace(QLatin1Char('-'), QLatin1Char(' '));
    return k;
}

template <typename E> struct Entry
{
    E value;
    const char* code;
    const char* label;
    std::initializer_list<const char*> written;
};

template <typename E, size_t N>
bool matchWritten(const std::array<Entry<E>, N>& table, const QString& written, E* out)
{
    const QString k = key(written);
    for (const auto& e : table) {
        if (k == QLatin1String(e.code) || k == key(QLatin1String(e.label))) {
            *out = e.value;
            return true;
        }
        for (const char* w : e.written) {
            if (k == QLatin1String(w)) {
                *out = e.value;
                return true;
            }
        }
    }
    return false;
}

template <typename E, size_t N>
bool matchCode(const std::array<Entry<E>, N>& table, const QString& code, E* out)
{
    for (const auto& e : table) {
        if (code == QLatin1String(e.code)) {
            *out = e.value;
            return true;
        }
    }
    return false;
}

template <typename E, size_t N> const Entry<E>& find(const std::array<Entry<E>, N>& table, E value)
{
    for (const auto& e : table) {
        if (e.value == value)
            return e;
    }
    return table.front();
}

const std::array<Entry<ActionStatus>, 6> kStatus = {{
    {ActionStatus::NotStarted,
     "not_started",
     QT_TRANSLATE_NOOP("rt::Vocabulary", "Not started"),
     {"", "not started", "none", "to do"}},
    {ActionStatus::Planned,
     "planned",
     QT_TRANSLATE_NOOP("rt::Vocabulary", "Planned"),
     {"action planned", "planned"}},
    {ActionStatus::InProgress,
     "in_progress",
     QT_TRANSLATE_NOOP("rt::Vocabulary", "In progress"),
     {"action underway", "underway", "in progress", "ongoing", "on track", "started", "progressing"}},
    {ActionStatus::PartiallyComplete,
     "partial",
     QT_TRANSLATE_NOOP("rt::Vocabulary", "Partially complete"),
     {"partially", "partial", "partially complete", "partially completed", "partly complete"}},
    {ActionStatus::Complete,
     "complete",
     QT_TRANSLATE_NOOP("rt::Vocabulary", "Complete"),
     {"complete", "completed", "done", "closed", "achieved"}},
    {ActionStatus::Superseded,
     "superseded",
     QT_TRANSLATE_NOOP("rt::Vocabulary", "Superseded"),
     {"superseded", "withdrawn", "no longer required"}},
}};

const std::array<Entry<Rag>, 5> kRag = {{
    {Rag::None, "", QT_TRANSLATE_NOOP("rt::Vocabulary", "Not rated"), {"", "none", "n/a", "not rated"}},
    {Rag::Red, "red", QT_TRANSLATE_NOOP("rt::Vocabulary", "Red"), {"r", "red"}},
    {Rag::Amber, "amber", QT_TRANSLATE_NOOP("rt::Vocabulary", "Amber"), {"a", "amber"}},
    {Rag::Green, "green", QT_TRANSLATE_NOOP("rt::Vocabulary", "Green"), {"g", "green"}},
    {Rag::Blue, "blue", QT_TRANSLATE_NOOP("rt::Vocabulary", "Blue"), {"b", "blue", "blue (complete)"}},
}};

const std::array<Entry<Decision>, 4> kDecision = {{
    {Decision::None, "", QT_TRANSLATE_NOOP("rt::Vocabulary", "Not decided"), {"", "none"}},
    {Decision::Agreed, "agreed", QT_TRANSLATE_NOOP("rt::Vocabulary", "Agreed"), {"agreed", "agree", "yes"}},
    {Decision::PartlyAgreed,
     "partly_agreed",
     QT_TRANSLATE_NOOP("rt::Vocabulary", "Partly Agreed"),
     {"partly agreed", "partially agreed", "partly"}},
    {Decision::NotAgreed,
     "not_agreed",
     QT_TRANSLATE_NOOP("rt::Vocabulary", "Not Agreed"),
     {"not agreed", "disagreed", "no"}},
}};

const std::array<Entry<DecisionReason>, 5> kReason = {{
    {DecisionReason::None, "", "", {"", "none"}},
    {DecisionReason::Commissioning,
     "commissioning",
     QT_TRANSLATE_NOOP("rt::Vocabulary", "Commissioning"),
     {}},
    {DecisionReason::Policy, "policy", QT_TRANSLATE_NOOP("rt::Vocabulary", "Policy"), {}},
    {DecisionReason::Operational, "operational", QT_TRANSLATE_NOOP("rt::Vocabulary", "Operational"), {}},
    {DecisionReason::Affordability,
     "affordability",
     QT_TRANSLATE_NOOP("rt::Vocabulary", "Affordability"),
     {}},
}};

const std::array<Entry<ReviewKind>, 5> kKind = {{
    {ReviewKind::SCR,
     "scr",
     QT_TRANSLATE_NOOP("rt::Vocabulary", "Serious Case Review"),
     {"scr", "serious case review"}},
    {ReviewKind::LCSPR,
     "lcspr",
     QT_TRANSLATE_NOOP("rt::Vocabulary", "Local Child Safeguarding Practice Review"),
     {"lcspr", "local child safeguarding practice review", "cspr"}},
    {ReviewKind::RapidReview,
     "rr",
     QT_TRANSLATE_NOOP("rt::Vocabulary", "Rapid Review"),
     {"rr", "rapid review"}},
    {ReviewKind::Section11,
     "s11",
     QT_TRANSLATE_NOOP("rt::Vocabulary", "Section 11 audit"),
     {"s11", "section 11", "section 11 audit"}},
    {ReviewKind::Audit,
     "audit",
     QT_TRANSLATE_NOOP("rt::Vocabulary", "Multi-agency audit"),
     {"audit", "thematic audit", "multi agency audit"}},
}};

const std::array<Entry<RecommendationKind>, 2> kRecKind = {{
    {RecommendationKind::Recommendation, "recommendation", "Recommendation", {""}},
    {RecommendationKind::Finding, "finding", "Finding", {}},
}};

const std::array<Entry<ResponseDecision>, 4> kResponseDecision = {{
    {ResponseDecision::None, "", "", {""}},
    {ResponseDecision::DoNothing,
     "do_nothing",
     QT_TRANSLATE_NOOP("rt::Vocabulary", "Do nothing"),
     {"do nothing"}},
    {ResponseDecision::DoTheThinking,
     "do_thinking",
     QT_TRANSLATE_NOOP("rt::Vocabulary", "Do the thinking"),
     {"do the thinking", "do thinking"}},
    {ResponseDecision::DoSomethingSpecific,
     "do_something",
     QT_TRANSLATE_NOOP("rt::Vocabulary", "Do something specific"),
     {"do something", "do something specific"}},
}};

const std::array<Entry<S11Rating>, 5> kS11 = {{
    {S11Rating::Good, "good", QT_TRANSLATE_NOOP("rt::Vocabulary", "Good"), {}},
    {S11Rating::GoodWithAreasForImprovement,
     "good_aif",
     QT_TRANSLATE_NOOP("rt::Vocabulary", "Good with areas for improvement"),
     {}},
    {S11Rating::RequiresImprovement,
     "requires_improvement",
     QT_TRANSLATE_NOOP("rt::Vocabulary", "Requires improvement"),
     {}},
    {S11Rating::Inadequate, "inadequate", QT_TRANSLATE_NOOP("rt::Vocabulary", "Inadequate"), {}},
    {S11Rating::Unable, "unable", QT_TRANSLATE_NOOP("rt::Vocabulary", "Unable to rate"), {}},
}};

} // namespace

namespace status {
QString code(ActionStatus s)
{
    return QLatin1String(find(kStatus, s).code);
}
QString label(ActionStatus s)
{
    return tr(find(kStatus, s).label);
}
bool fromCode(const QString& c, ActionStatus* out)
{
    return matchCode(kStatus, c, out);
}
bool fromWritten(const QString& w, ActionStatus* out)
{
    return matchWritten(kStatus, w, out);
}
bool isClosed(ActionStatus s)
{
    return s == ActionStatus::Complete || s == ActionStatus::Superseded;
}
QStringList allCodes()
{
    QStringList codes;
    for (const auto& e : kStatus)
        codes << QLatin1String(e.code);
    return codes;
}
} // namespace status

namespace rag {
QString code(Rag r)
{
    return QLatin1String(find(kRag, r).code);
}
QString label(Rag r)
{
    return tr(find(kRag, r).label);
}
bool fromCode(const QString& c, Rag* out)
{
    return matchCode(kRag, c, out);
}
bool fromWritten(const QString& w, Rag* out)
{
    return matchWritten(kRag, w, out);
}
QColor colour(Rag r)
{
    switch (r) {
    case Rag::Red:
        return QColor(0xE0, 0x4B, 0x4B);
    case Rag::Amber:
        return QColor(0xF2, 0xB1, 0x34);
    case Rag::Green:
        return QColor(0x4C, 0xAF, 0x50);
    case Rag::Blue:
        return QColor(0x3F, 0x7F, 0xD0);
    case Rag::None:
        break;
    }
    return QColor();
}
} // namespace rag

namespace decision {
QString code(Decision d)
{
    return QLatin1String(find(kDecision, d).code);
}
QString label(Decision d)
{
    return tr(find(kDecision, d).label);
}
bool fromWritten(const QString& w, Decision* out)
{
    return matchWritten(kDecision, w, out);
}
bool fromCode(const QString& c, Decision* out)
{
    return matchCode(kDecision, c, out);
}
QString reasonCode(DecisionReason r)
{
    return QLatin1String(find(kReason, r).code);
}
bool reasonFromWritten(const QString& w, DecisionReason* out)
{
    return matchWritten(kReason, w, out);
}
} // namespace decision

namespace reviewkind {
QString code(ReviewKind k)
{
    return QLatin1String(find(kKind, k).code);
}
QString label(ReviewKind k)
{
    return tr(find(kKind, k).label);
}
bool fromWritten(const QString& w, ReviewKind* out)
{
    return matchWritten(kKind, w, out);
}
bool fromCode(const QString& c, ReviewKind* out)
{
    return matchCode(kKind, c, out);
}
QString shortLabel(ReviewKind k)
{
    return k == ReviewKind::Audit ? tr("Audit") : code(k).toUpper();
}
} // namespace reviewkind

namespace recommendationkind {
QString code(RecommendationKind k)
{
    return QLatin1String(find(kRecKind, k).code);
}
bool fromWritten(const QString& w, RecommendationKind* out)
{
    return matchWritten(kRecKind, w, out);
}
} // namespace recommendationkind

namespace responsedecision {
QString code(ResponseDecision d)
{
    return QLatin1String(find(kResponseDecision, d).code);
}
QString label(ResponseDecision d)
{
    return tr(find(kResponseDecision, d).label);
}
bool fromWritten(const QString& w, ResponseDecision* out)
{
    return matchWritten(kResponseDecision, w, out);
}
} // namespace responsedecision

namespace s11 {
QString code(S11Rating r)
{
    return QLatin1String(find(kS11, r).code);
}
QString label(S11Rating r)
{
    return tr(find(kS11, r).label);
}
bool fromCode(const QString& c, S11Rating* out)
{
    return matchCode(kS11, c, out);
}
int rank(S11Rating r)
{
    switch (r) {
    case S11Rating::Good:
        return 1;
    case S11Rating::GoodWithAreasForImprovement:
        return 2;
    case S11Rating::RequiresImprovement:
        return 3;
    case S11Rating::Inadequate:
        return 4;
    case S11Rating::Unable:
        break;
    }
    return 0;
}
} // namespace s11

} // namespace rt
