#include "PaperQueries.h"

#include "PaperQueriesParts.h"
#include "PlanQueries.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <functional>

namespace rt {

using namespace papercells;

// A review as the title block and the plan need it: PlanQueries' details
// with its kind read and its plan versions.
struct PaperQueries::ReviewHead : ReviewDetail
{
    ReviewKind kindValue = ReviewKind::SCR;
    QVector<PlanVersionRow> versions;
};

PaperQueries::PaperQueries(QSqlDatabase db) : m_db(std::move(db)) {}

bool PaperQueries::fail(const QSqlQuery& q)
{
    m_error = q.lastError().text();
    return false;
}

QString PaperQueries::organisation(const QString& body)
{
    if (body.isEmpty())
        return QString();
    if (m_organisations.contains(body))
        return m_organisations.value(body);
    // The body is written as the document names it (GSCB, GSCP, GSCE); the
    // agencies table knows the partnership's full name under those aliases.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT a.name FROM agencies a WHERE lower(a.short_name) = lower(:b) OR "
                             "lower(a.name) = lower(:b) OR a.id IN (SELECT agency_id FROM agency_aliases "
                             "WHERE lower(alias) = lower(:b)) LIMIT 1"));
    q.bindValue(QStringLiteral(":b"), body);
    const QString name = q.exec() && q.next() ? q.value(0).toString() : body;
    m_organisations.insert(body, name);
    return name;
}

bool PaperQueries::readReview(qint64 reviewId, ReviewHead* out)
{
    PlanQueries plan(m_db);
    if (!plan.review(reviewId, out)) {
        m_error = plan.errorString().isEmpty() ? tr("There is no review %1 in this database.").arg(reviewId)
                                               : plan.errorString();
        return false;
    }
    reviewkind::fromCode(out->kind, &out->kindValue);
    out->versions = plan.planVersions(reviewId);
    if (!plan.errorString().isEmpty()) {
        m_error = plan.errorString();
        return false;
    }
    return true;
}

void PaperQueries::titleBlock(const ReviewHead& review, const QDate& asOf, Paper* out)
{
    out->organisation = organisation(review.body);
    out->title =
        tr("Action Plan in Response to: %1 %2").arg(review.title, reviewkind::label(review.kindValue));
    out->asOf = asOf;
    auto fact = [out](const QString& name, const QString& value) {
        if (!value.isEmpty())
            out->facts.append({name, value});
    };
    fact(tr("Review"), review.reference.isEmpty()
                           ? review.title
                           : QStringLiteral("%1 (%2)").arg(review.title, review.reference));
    fact(tr("Kind"), reviewkind::label(review.kindValue));
    fact(tr("Initiated"), PartialDate::toDisplayString(review.initiated));
    fact(tr("Completed"), PartialDate::toDisplayString(review.completed));
    if (review.publicationWithheld)
        fact(tr("Published"), review.withheldReason.isEmpty()
                                  ? tr("Withheld")
                                  : tr("Withheld: %1").arg(review.withheldReason));
    else
        fact(tr("Published"), PartialDate::toDisplayString(review.published));
    if (!review.versions.isEmpty()) {
        const PlanVersionRow& last = review.versions.constLast();
        fact(tr("Plan version"),
             last.date.isEmpty() ? last.version
                                 : tr("%1 of %2").arg(last.version, PartialDate::toDisplayString(last.date)));
    }
    fact(tr("Progress"), tr("%1 of %2 actions complete or superseded; %3 recommendations")
                             .arg(review.complete)
                             .arg(review.actions)
                             .arg(review.recommendations));
    out->footer = tr("%1 · action plan as of %2").arg(review.title, ukDate(asOf));
}

bool PaperQueries::planTable(const ReviewHead& review, PaperTable* out)
{
    out->heading = review.title;
    out->sheetName = review.reference.isEmpty() ? review.title : review.reference;
    out->role = PaperTable::Role::Main;
    out->columns = {
        column(tr("Review"), 0, 24, kSheet),
        column(tr("Type"), 0, 8, kSheet),
        column(tr("#"), 0.45, 6, PaperColumn::Use::Everywhere, true),
        column(tr("Recommendation"), 2.9, 50, PaperColumn::Use::Everywhere, true),
        column(tr("Agreed / Partly Agreed / Not Agreed"), 0.95, 14, PaperColumn::Use::Everywhere, true),
        column(tr("Response / Action taken or planned"), 4.2, 0, kDoc),
        column(tr("Response"), 0, 40, kSheet),
        column(tr("Action"), 0, 50, kSheet),
        column(tr("Responsible Owner"), 1.25, 26),
        column(tr("Target Date"), 1.0, 12),
        column(tr("Status"), 0.8, 14),
        column(tr("RAG"), 0.55, 8),
        column(tr("Latest update"), 0, 50, kSheet),
        column(tr("Update date"), 0, 12, kSheet),
        column(tr("Themes"), 0, 22, kSheet),
    };

    // Recommendations in tree order: a parent ("1 Undertake a review … to:")
    // before its children (1.1 … 1.5), as the published plan reads.
    PlanQueries plan(m_db);
    const QVector<RecommendationRow> recs = plan.recommendations(review.id);
    if (!plan.errorString().isEmpty()) {
        m_error = plan.errorString();
        return false;
    }
    QHash<qint64, int> recIndex;
    for (int i = 0; i < recs.size(); ++i)
        recIndex.insert(recs[i].id, i);
    QHash<qint64, QVector<int>> children;
    for (int i = 0; i < recs.size(); ++i)
        children[recIndex.contains(recs[i].parentId) ? recs[i].parentId : 0].append(i);
    QVector<int> order;
    std::function<void(qint64)> walk = [&](qint64 parent) {
        for (int i : children.value(parent)) {
            order.append(i);
            walk(recs[i].id);
        }
    };
    walk(0);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);

    // A response can answer several recommendations ("Response to
    // Recommendations 5 to 9"): its text is given once, under the first.
    QHash<qint64, QPair<qint64, QString>> responseOf; // rec -> (response id, text)
    q.prepare(QStringLiteral("SELECT rr.recommendation_id, p.id, p.text FROM response_recommendations rr "
                             "JOIN responses p ON p.id = rr.response_id WHERE p.review_id = ? "
                             "ORDER BY p.position, p.id"));
    q.addBindValue(review.id);
    if (!q.exec())
        return fail(q);
    while (q.next())
        if (!responseOf.contains(q.value(0).toLongLong()))
            responseOf.insert(q.value(0).toLongLong(), {q.value(1).toLongLong(), q.value(2).toString()});

    struct Act
    {
        qint64 id = 0;
        QString number, text, owner, targetText, targetPrecision, targetDue, revisedText, revisedPrecision,
            revisedDue, status, statusText, rag;
    };
    QHash<qint64, QVector<Act>> actionsOf;
    q.prepare(QStringLiteral("SELECT a.id, a.recommendation_id, a.number, a.text, a.owner_text, "
                             "a.target_text, a.target_precision, "
                             "coalesce(a.target_due, ''), a.revised_target_text, a.revised_target_precision, "
                             "coalesce(a.revised_target_due, ''), a.status, a.status_text, a.rag "
                             "FROM actions a WHERE a.review_id = ? ORDER BY a.position, a.id"));
    q.addBindValue(review.id);
    if (!q.exec())
        return fail(q);
    while (q.next())
        actionsOf[q.value(1).toLongLong()].append(
            {q.value(0).toLongLong(), q.value(2).toString(), q.value(3).toString(), q.value(4).toString(),
             q.value(5).toString(), q.value(6).toString(), q.value(7).toString(), q.value(8).toString(),
             q.value(9).toString(), q.value(10).toString(), q.value(11).toString(), q.value(12).toString(),
             q.value(13).toString()});

    struct Upd
    {
        QString date, label, text;
    };
    QHash<qint64, QVector<Upd>> updatesOf; // oldest first, as the plan reads
    q.prepare(QStringLiteral("SELECT u.action_id, coalesce(u.date, ''), u.label, u.text FROM updates u "
                             "JOIN actions a ON a.id = u.action_id WHERE a.review_id = ? "
                             "ORDER BY u.action_id, CASE WHEN u.date IS NULL THEN 1 ELSE 0 END, u.date, "
                             "u.position, u.id"));
    q.addBindValue(review.id);
    if (!q.exec())
        return fail(q);
    while (q.next())
        updatesOf[q.value(0).toLongLong()].append(
            {q.value(1).toString(), q.value(2).toString(), q.value(3).toString()});

    const QString kind = reviewkind::shortLabel(review.kindValue);
    // Each response's text goes under the first recommendation, in plan order, that it answers.
    QHash<qint64, QString> firstAnswered; // response id -> recommendation number
    for (int i : order)
        if (responseOf.contains(recs[i].id) && !firstAnswered.contains(responseOf.value(recs[i].id).first))
            firstAnswered.insert(responseOf.value(recs[i].id).first, recs[i].number);
    for (int i : order) {
        const RecommendationRow& rec = recs[i];
        PaperCell recCell;
        if (!rec.title.trimmed().isEmpty())
            recCell.paragraphs.append({QString(), rec.title.trimmed()});
        if (!rec.text.trimmed().isEmpty())
            recCell.paragraphs.append({QString(), rec.text.trimmed()});
        Decision d = Decision::None;
        decision::fromCode(rec.decision, &d);

        // What is said once per recommendation, before its actions.
        QVector<PaperParagraph> recParagraphs;
        QString responseText;
        if (responseOf.contains(rec.id)) {
            const auto& [responseId, text] = responseOf.value(rec.id);
            const QString firstNumber = firstAnswered.value(responseId);
            responseText =
                firstNumber == rec.number ? text.trimmed() : tr("As for recommendation %1.").arg(firstNumber);
            if (!responseText.isEmpty())
                recParagraphs.append({tr("Response:"), responseText});
        }
        if (!rec.decisionExplanation.trimmed().isEmpty())
            recParagraphs.append({tr("Reason:"), rec.decisionExplanation.trimmed()});
        if (!rec.successMeasure.trimmed().isEmpty())
            recParagraphs.append({tr("How we will know:"), rec.successMeasure.trimmed()});

        const QVector<Act> acts = actionsOf.value(rec.id);
        const int rowsForRec = std::max<int>(1, static_cast<int>(acts.size()));
        for (int k = 0; k < rowsForRec; ++k) {
            const Act* a = k < acts.size() ? &acts[k] : nullptr;
            PaperRow row;
            row.cells.resize(out->columns.size());
            row.cells[0] = PaperCell::plain(review.title);
            row.cells[1] = PaperCell::plain(kind);
            row.cells[2] = PaperCell::plain(rec.number);
            row.cells[3] = recCell;
            row.cells[4] = PaperCell::plain(d == Decision::None ? QString() : decision::label(d));
            PaperCell response;
            if (k == 0)
                response.paragraphs = recParagraphs;
            row.cells[6] = PaperCell::plain(responseText);
            if (a) {
                const QString label =
                    acts.size() > 1
                        ? tr("Action %1:").arg(a->number.isEmpty() ? QString::number(k + 1) : a->number)
                        : tr("Action Planned:");
                response.paragraphs.append({label, a->text.trimmed()});
                const QVector<Upd> ups = updatesOf.value(a->id);
                for (const Upd& u : ups) {
                    const QString name = u.label.trimmed().isEmpty() ? tr("Update") : u.label.trimmed();
                    response.paragraphs.append(
                        {u.date.isEmpty() ? tr("%1:").arg(name)
                                          : tr("%1 (%2):").arg(name, PartialDate::toDisplayString(u.date)),
                         u.text.trimmed()});
                }
                row.cells[7] = PaperCell::plain(a->text.trimmed());
                row.cells[8] = PaperCell::plain(a->owner);
                PaperCell target = targetCell(a->targetText, a->targetPrecision, a->targetDue);
                const TargetDate revised = TargetDate::fromStorage(a->revisedPrecision, a->revisedDue);
                if (revised.precision() != TargetDate::Precision::None) {
                    // Documents show the revision under the original, which still sets overdue.
                    const QString shown = a->revisedText.trimmed().isEmpty() ? revised.toDisplayString()
                                                                             : a->revisedText.trimmed();
                    response.paragraphs.append({tr("Revised target:"), shown});
                }
                row.cells[9] = target;
                row.cells[10] = PaperCell::plain(statusShown(a->status, a->statusText));
                row.cells[11] = ragOf(a->rag);
                if (!ups.isEmpty()) {
                    row.cells[12] = PaperCell::plain(ups.constLast().text.trimmed());
                    row.cells[13] = dateCell(ups.constLast().date);
                }
            }
            row.cells[5] = response;
            row.cells[14] = PaperCell::plain(rec.themes.join(QStringLiteral(", ")));
            out->rows.append(row);
        }
    }
    if (out->rows.isEmpty())
        out->note = tr("This review has no recommendations yet.");
    return true;
}

bool PaperQueries::actionPlan(qint64 reviewId, const QDate& asOf, Paper* out)
{
    ReviewHead review;
    if (!readReview(reviewId, &review))
        return false;
    *out = Paper();
    titleBlock(review, asOf, out);
    if (!review.summary.trimmed().isEmpty())
        out->introduction.append(review.summary.trimmed());
    PaperTable plan;
    if (!planTable(review, &plan))
        return false;
    plan.heading = tr("Action plan");
    out->tables.append(plan);

    PaperTable versions;
    versions.heading = tr("Version history");
    versions.sheetName = tr("Version history");
    versions.role = PaperTable::Role::Supplementary;
    versions.columns = {column(tr("Version"), 0.6, 10), column(tr("Date"), 0.9, 12),
                        column(tr("Comment"), 6, 70)};
    for (const PlanVersionRow& v : review.versions)
        versions.rows.append(
            {QString(), {PaperCell::plain(v.version), dateCell(v.date), PaperCell::plain(v.comment)}});
    if (versions.rows.isEmpty())
        versions.note = tr("No versions are recorded for this plan.");
    out->tables.append(versions);
    return true;
}

bool PaperQueries::allPlans(const QDate& asOf, Paper* out)
{
    *out = Paper();
    out->title = tr("Action plans of every review");
    out->asOf = asOf;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT r.id FROM reviews r WHERE EXISTS (SELECT 1 FROM recommendations c "
                               "WHERE c.review_id = r.id) ORDER BY r.position, r.id")))
        return fail(q);
    QVector<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    out->organisation = mainOrganisation();
    int actions = 0;
    for (qint64 id : ids) {
        ReviewHead review;
        if (!readReview(id, &review))
            return false;
        PaperTable table;
        if (!planTable(review, &table))
            return false;
        actions += review.actions;
        out->tables.append(table);
    }
    out->facts = {{tr("Reviews"), QString::number(ids.size())}, {tr("Actions"), QString::number(actions)}};
    out->footer = tr("Action plans as of %1").arg(ukDate(asOf));
    return true;
}

bool PaperQueries::build(Kind kind, qint64 reviewId, const QDate& asOf, Paper* out)
{
    switch (kind) {
    case Kind::Plan:
        return actionPlan(reviewId, asOf, out);
    case Kind::AllPlans:
        return allPlans(asOf, out);
    case Kind::Highlight:
        return highlightReport(asOf, out);
    case Kind::Summary:
        return executiveSummary(asOf, out);
    }
    return false;
}

QString PaperQueries::suggestedFileName(Kind kind, qint64 reviewId, const QDate& asOf)
{
    // Dashes, not slashes: a UK date is still readable and a valid file name.
    const QString day = asOf.toString(QStringLiteral("dd-MM-yyyy"));
    QString name;
    switch (kind) {
    case Kind::Plan: {
        ReviewHead review;
        name = readReview(reviewId, &review) ? tr("%1 action plan %2").arg(review.title, day)
                                             : tr("Action plan %1").arg(day);
        break;
    }
    case Kind::AllPlans:
        name = tr("Action plans %1").arg(day);
        break;
    case Kind::Highlight:
        name = tr("QiiP highlight report %1").arg(day);
        break;
    case Kind::Summary:
        name = tr("Executive summary %1").arg(day);
        break;
    }
    static const QRegularExpression unsafe(QStringLiteral("[\\\\/:*?\"<>|]"));
    return name.replace(unsafe, QStringLiteral("-"));
}

} // namespace rt
