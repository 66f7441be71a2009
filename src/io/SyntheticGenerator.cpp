#include "SyntheticGenerator.h"

#include "db/PlanWriter.h"
#include "db/Transaction.h"

#include <QDate>
#include <QSqlError>

namespace rt {

namespace {

const char* const kAgencies[][2] = {
    {"Constabulary", "Police"},
    {"Children's Social Care", "CSC"},
    {"Hospitals NHS Foundation Trust", "GHT"},
    {"Health and Care NHS Trust", "GHC"},
    {"Integrated Care Board", "ICB"},
    {"Youth Offending Service", "YOS"},
    {"Probation Service", "Probation"},
    {"District Councils", "Districts"},
    {"Education", "Education"},
    {"Commissioning", "Commissioning"},
    {"Safeguarding Children Partnership", "SCP"},
    {"Ambulance Service", "Ambulance"},
};

const char* const kRoles[] = {
    "Head of Service",     "Designated Nurse",          "Named Doctor",      "Safeguarding Lead",
    "Assistant Director",  "Quality Assurance Manager", "Training Lead",     "Head of Quality",
    "Detective Inspector", "Service Manager",           "Practice Educator", "Business Manager",
};

const char* const kVerbs[] = {"Review", "Develop", "Embed",      "Audit",    "Refresh",   "Deliver",
                              "Agree",  "Publish", "Strengthen", "Evaluate", "Introduce", "Monitor"};
const char* const kObjects[] = {"the escalation policy",
                                "multi-agency training on neglect",
                                "supervision arrangements",
                                "the pre-birth protocol",
                                "information sharing at MASH",
                                "strategy meeting practice",
                                "the voice of the child in plans",
                                "guidance on was-not-brought",
                                "the neglect toolkit",
                                "professional curiosity briefings",
                                "record keeping standards",
                                "the LADO awareness programme",
                                "assessment quality",
                                "the disguised compliance guidance",
                                "fathers' involvement in plans"};
const char* const kPurposes[] = {"so that practitioners act on early signs of harm",
                                 "with assurance reported to the QiiP subgroup",
                                 "across all partner agencies",
                                 "and test impact through a multi-agency audit",
                                 "including refresher sessions for existing staff",
                                 "with findings shared at the Executive"};
const char* const kThemes[] = {"voice of the child",  "neglect",     "child sexual abuse",
                               "escalation",          "supervision", "professional curiosity",
                               "information sharing", "pre-birth",   "disguised compliance",
                               "was not brought"};
const char* const kUpdateTexts[] = {"Draft circulated to partners for comment.",
                                    "Training sessions delivered; attendance recorded.",
                                    "Audit completed; findings to QiiP.",
                                    "Delayed by staffing pressures; new date agreed.",
                                    "Guidance published on the partnership website.",
                                    "Awaiting sign-off by the Executive.",
                                    "Task and finish group met; actions assigned.",
                                    "Evidence of impact requested from agencies."};
const char* const kNames[] = {"Liam",    "Lauren",   "Megan",  "James", "Ben",  "Lucy", "Abigail", "Child A",
                              "Child B", "Family Z", "Oliver", "Ava",   "Noah", "Isla", "Leo",     "Mia"};

} // namespace

SyntheticGenerator::SyntheticGenerator(quint64 seed) : m_rng(seed) {}

int SyntheticGenerator::pick(int n)
{
    // Modulo rather than std::uniform_int_distribution: the distribution's
    // algorithm differs between standard libraries, the engine's output does not.
    return static_cast<int>(m_rng() % static_cast<quint64>(n));
}

bool SyntheticGenerator::chance(int percent)
{
    return pick(100) < percent;
}

QString SyntheticGenerator::sentence(int clauses)
{
    QString s = QLatin1String(pickFrom(kVerbs)) + QLatin1Char(' ') + QLatin1String(pickFrom(kObjects));
    for (int i = 1; i < clauses; ++i)
        s += QLatin1Char(' ') + QLatin1String(pickFrom(kPurposes));
    return s + QLatin1Char('.');
}

ActionRecord SyntheticGenerator::makeAction(int reviewYear)
{
    ActionRecord a;
    a.text = sentence(1 + pick(3));
    const auto& agency = kAgencies[pick(int(std::size(kAgencies)))];
    a.agency = QLatin1String(agency[0]);
    const QString owner = QLatin1String(agency[1]) + QLatin1Char(' ') + QLatin1String(pickFrom(kRoles));
    a.owners << owner;
    if (chance(15)) {
        const auto& other = kAgencies[pick(int(std::size(kAgencies)))];
        a.owners << QLatin1String(other[1]) + QLatin1Char(' ') + QLatin1String(pickFrom(kRoles));
    }
    a.ownerText = a.owners.join(QStringLiteral(" / "));

    const int targetYear = reviewYear + pick(3);
    const int roll = pick(100);
    if (roll < 50) {
        a.target = TargetDate::month(targetYear, 1 + pick(12));
        a.targetText = a.target.toDisplayString();
    } else if (roll < 75) {
        a.target = TargetDate::day(QDate(targetYear, 1 + pick(12), 1 + pick(28)));
        a.targetText = a.target.toDisplayString();
    } else if (roll < 85) {
        a.target = TargetDate::year(targetYear);
        a.targetText = a.target.toDisplayString();
    } else if (roll < 95) {
        a.target = TargetDate::ongoing();
        a.targetText = QStringLiteral("Ongoing");
    }
    if (a.target.isDated() && chance(10)) {
        const QDate revised = a.target.due().addMonths(3 + pick(9));
        a.revisedTarget = TargetDate::month(revised.year(), revised.month());
        a.revisedTargetText = a.revisedTarget.toDisplayString();
    }

    // Older actions are mostly closed, as in a tracker that is kept up to date:
    // the reference date is fixed so the same seed gives the same database.
    static const QDate kReference(2026, 6, 30);
    const QDate due = a.target.isDated() ? a.target.due() : QDate(reviewYear + 1, 6, 30);
    const int monthsAgo = static_cast<int>(due.daysTo(kReference) / 30);
    const int closedShare = monthsAgo > 24 ? 92 : monthsAgo > 6 ? 70 : monthsAgo > 0 ? 50 : 20;
    if (chance(closedShare)) {
        const bool superseded = chance(6);
        a.status = superseded ? ActionStatus::Superseded : ActionStatus::Complete;
        a.statusText = superseded ? QStringLiteral("Superseded") : QStringLiteral("Complete");
    } else {
        // Open actions, weighted as plans write them.
        static const struct
        {
            int upTo;
            ActionStatus status;
            const char* written;
        } kOpen[] = {{29, ActionStatus::PartiallyComplete, "Partially"},
                     {67, ActionStatus::InProgress, "Action Underway"},
                     {87, ActionStatus::Planned, "Action Planned"},
                     {100, ActionStatus::NotStarted, ""}};
        const int s = pick(100);
        for (const auto& st : kOpen) {
            if (s < st.upTo) {
                a.status = st.status;
                a.statusText = QLatin1String(st.written);
                break;
            }
        }
    }
    if (a.status == ActionStatus::Complete)
        a.rag = chance(90) ? Rag::Blue : Rag::Green;
    else if (a.status != ActionStatus::Superseded) {
        const int r = pick(100);
        a.rag = r < 15 ? Rag::Red : r < 50 ? Rag::Amber : r < 95 ? Rag::Green : Rag::None;
    }
    if (chance(30))
        a.successMeasure = QStringLiteral("Audit shows ") + QLatin1String(pickFrom(kObjects)) +
                           QStringLiteral(" embedded in practice.");

    const int updates = pick(5); // 0..4, mean 2
    QDate date(reviewYear, 1 + pick(12), 1 + pick(28));
    for (int i = 0; i < updates; ++i) {
        date = date.addDays(20 + pick(120));
        ProgressUpdate u;
        u.date = date.toString(Qt::ISODate);
        u.label = QStringLiteral("Action Update");
        u.author = a.owners.first();
        u.text = QLatin1String(pickFrom(kUpdateTexts));
        u.rag = a.rag;
        a.updates.append(u);
    }
    return a;
}

RecommendationRecord SyntheticGenerator::makeRecommendation(const QString& number, int reviewYear,
                                                            int actionCount)
{
    RecommendationRecord rec;
    rec.number = number;
    rec.text = QStringLiteral("The partnership should ") + sentence(2).toLower();
    const int d = pick(100);
    rec.decision = d < 85 ? Decision::Agreed : d < 95 ? Decision::PartlyAgreed : Decision::NotAgreed;
    if (rec.decision != Decision::Agreed) {
        static const DecisionReason reasons[] = {DecisionReason::Commissioning, DecisionReason::Policy,
                                                 DecisionReason::Operational, DecisionReason::Affordability};
        rec.decisionReason = pickFrom(reasons);
        rec.decisionExplanation = QStringLiteral("Only part can be delivered within current resources.");
    }
    rec.themes << QLatin1String(pickFrom(kThemes));
    if (chance(30))
        rec.themes << QLatin1String(pickFrom(kThemes));
    rec.themes.removeDuplicates();
    for (int i = 0; i < actionCount; ++i)
        rec.actions.append(makeAction(reviewYear));
    return rec;
}

ReviewRecord SyntheticGenerator::makeReview(int index)
{
    ReviewRecord r;
    const int k = pick(100);
    r.kind = k < 35   ? ReviewKind::SCR
             : k < 65 ? ReviewKind::LCSPR
             : k < 85 ? ReviewKind::RapidReview
                      : ReviewKind::Audit;
    const int year = 2014 + pick(12);
    r.year = year;
    r.reference = QStringLiteral("%1%2")
                      .arg(index % 100, 2, 10, QLatin1Char('0'))
                      .arg(year % 100, 2, 10, QLatin1Char('0'));
    r.title = QLatin1String(pickFrom(kNames)) + QStringLiteral(" (%1)").arg(index + 1);
    r.body = year < 2019 ? QStringLiteral("GSCB") : QStringLiteral("GSCP");
    r.initiated = QStringLiteral("%1-%2").arg(year).arg(1 + pick(12), 2, 10, QLatin1Char('0'));
    r.publicationWithheld = chance(10);
    if (r.publicationWithheld)
        r.withheldReason = QStringLiteral("Ongoing criminal proceedings");
    r.planVersions.append(
        {QStringLiteral("1.0"), r.initiated, QStringLiteral("Initial Action Plan Drafted")});

    // 10–20 recommendations at every level (mean 15), 30 actions spread over them.
    int remaining = 10 + pick(11);
    int actionsLeft = 24 + pick(13);
    for (int i = 1; remaining > 0; ++i) {
        const bool nested = chance(35) && remaining > 2;
        const int subs = nested ? 2 + pick(3) : 0;
        const int perRec = std::max(1, actionsLeft / std::max(1, remaining));
        RecommendationRecord rec = makeRecommendation(QString::number(i), year, nested ? 0 : perRec);
        --remaining;
        actionsLeft -= nested ? 0 : perRec;
        for (int j = 1; j <= subs && remaining > 0; ++j) {
            const int per = std::max(1, actionsLeft / std::max(1, remaining));
            rec.children.append(makeRecommendation(QStringLiteral("%1.%2").arg(i).arg(j), year, per));
            --remaining;
            actionsLeft -= per;
        }
        r.recommendations.append(std::move(rec));
    }
    if (!r.recommendations.isEmpty() && actionsLeft > 0) {
        RecommendationRecord& last = r.recommendations.last();
        RecommendationRecord& target = last.children.isEmpty() ? last : last.children.last();
        for (int i = 0; i < actionsLeft; ++i)
            target.actions.append(makeAction(year));
    }
    ResponseRecord response;
    response.number = QStringLiteral("1");
    response.title = QStringLiteral("Response to Recommendation 1");
    response.text =
        QStringLiteral("The partnership agrees this recommendation and has set out actions below.");
    response.recommendationNumbers << QStringLiteral("1");
    r.responses.append(response);
    return r;
}

bool SyntheticGenerator::generate(QSqlDatabase& db, int count, QString* error,
                                  const std::function<void(int)>& progress, int batch)
{
    PlanWriter writer(db);
    // Agencies first, in a fixed order, so their ids do not depend on the draw.
    {
        Transaction tx(db);
        for (const auto& a : kAgencies) {
            if (writer.agencyId(QLatin1String(a[0]), QLatin1String(a[1])) == 0) {
                *error = writer.errorString();
                return false;
            }
        }
        if (!tx.commit()) {
            *error = db.lastError().text();
            return false;
        }
    }
    for (int start = 0; start < count; start += batch) {
        Transaction tx(db);
        const int end = std::min(count, start + batch);
        for (int i = start; i < end; ++i) {
            ReviewRecord r = makeReview(i);
            if (!writer.writeReview(r, i + 1)) {
                *error = writer.errorString();
                return false;
            }
        }
        if (!tx.commit()) {
            *error = db.lastError().text();
            return false;
        }
        if (progress)
            progress(end);
    }
    return true;
}

} // namespace rt
