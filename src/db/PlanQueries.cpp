#include "PlanQueries.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

namespace rt {

PlanQueries::PlanQueries(QSqlDatabase db) : m_db(std::move(db)) {}

bool PlanQueries::exec(QSqlQuery& q)
{
    if (q.exec())
        return true;
    m_error = q.lastError().text();
    return false;
}

bool PlanQueries::review(qint64 reviewId, ReviewDetail* out)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT id, kind, reference, title, body, summary, source, year, initiated, completed, published, "
        "publication_withheld, withheld_reason, "
        "(SELECT count(*) FROM recommendations c WHERE c.review_id = r.id), "
        "(SELECT count(*) FROM actions a WHERE a.review_id = r.id), "
        "(SELECT count(*) FROM actions a WHERE a.review_id = r.id AND a.status IN ('complete', "
        "'superseded')) "
        "FROM reviews r WHERE id = ?"));
    q.addBindValue(reviewId);
    if (!exec(q) || !q.next())
        return false;
    out->id = q.value(0).toLongLong();
    out->kind = q.value(1).toString();
    out->reference = q.value(2).toString();
    out->title = q.value(3).toString();
    out->body = q.value(4).toString();
    out->summary = q.value(5).toString();
    out->source = q.value(6).toString();
    out->year = q.value(7).isNull() ? QString() : q.value(7).toString();
    out->initiated = q.value(8).toString();
    out->completed = q.value(9).toString();
    out->published = q.value(10).toString();
    out->publicationWithheld = q.value(11).toInt() != 0;
    out->withheldReason = q.value(12).toString();
    out->recommendations = q.value(13).toInt();
    out->actions = q.value(14).toInt();
    out->complete = q.value(15).toInt();
    return true;
}

qint64 PlanQueries::findReview(const QString& ref)
{
    const QString key = ref.trimmed();
    if (key.isEmpty())
        return 0;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, reference, title FROM reviews ORDER BY position, id"));
    if (!exec(q))
        return 0;
    QVector<qint64> prefixMatches;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        if (QString::number(id) == key || q.value(1).toString().compare(key, Qt::CaseInsensitive) == 0 ||
            q.value(2).toString().compare(key, Qt::CaseInsensitive) == 0)
            return id;
        if (q.value(2).toString().startsWith(key, Qt::CaseInsensitive))
            prefixMatches << id;
    }
    return prefixMatches.size() == 1 ? prefixMatches.first() : 0;
}

QVector<RecommendationRow> PlanQueries::recommendations(qint64 reviewId)
{
    QVector<RecommendationRow> rows;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT c.id, coalesce(c.parent_id, 0), c.number, c.kind, c.title, c.text, c.decision, "
        "c.decision_explanation, c.success_measure, c.addressed_to, "
        "(SELECT count(*) FROM actions a WHERE a.recommendation_id = c.id) "
        "FROM recommendations c WHERE c.review_id = ? ORDER BY c.position, c.sort_key, c.id"));
    q.addBindValue(reviewId);
    if (!exec(q))
        return rows;
    QHash<qint64, int> byId;
    while (q.next()) {
        RecommendationRow r;
        r.id = q.value(0).toLongLong();
        r.parentId = q.value(1).toLongLong();
        r.number = q.value(2).toString();
        r.kind = q.value(3).toString();
        r.title = q.value(4).toString();
        r.text = q.value(5).toString();
        r.decision = q.value(6).toString();
        r.decisionExplanation = q.value(7).toString();
        r.successMeasure = q.value(8).toString();
        r.addressedTo = q.value(9).toString();
        r.actions = q.value(10).toInt();
        byId.insert(r.id, rows.size());
        rows.append(r);
    }
    // Themes in a second query rather than a string aggregate, which each SQL
    // dialect spells differently.
    QSqlQuery t(m_db);
    t.setForwardOnly(true);
    t.prepare(QStringLiteral("SELECT rt.recommendation_id, t.name FROM recommendation_themes rt "
                             "JOIN themes t ON t.id = rt.theme_id "
                             "JOIN recommendations c ON c.id = rt.recommendation_id "
                             "WHERE c.review_id = ? ORDER BY t.name"));
    t.addBindValue(reviewId);
    if (exec(t)) {
        while (t.next()) {
            const int i = byId.value(t.value(0).toLongLong(), -1);
            if (i >= 0)
                rows[i].themes << t.value(1).toString();
        }
    }
    return rows;
}

QVector<ResponseRow> PlanQueries::responsesFor(qint64 recommendationId)
{
    QVector<ResponseRow> rows;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT s.id, s.number, s.title, s.text FROM responses s "
                             "JOIN response_recommendations rr ON rr.response_id = s.id "
                             "WHERE rr.recommendation_id = ? ORDER BY s.position, s.id"));
    q.addBindValue(recommendationId);
    if (!exec(q))
        return rows;
    while (q.next()) {
        ResponseRow r;
        r.id = q.value(0).toLongLong();
        r.number = q.value(1).toString();
        r.title = q.value(2).toString();
        r.text = q.value(3).toString();
        rows.append(r);
    }
    QSqlQuery n(m_db);
    n.prepare(QStringLiteral("SELECT c.number FROM response_recommendations rr "
                             "JOIN recommendations c ON c.id = rr.recommendation_id "
                             "WHERE rr.response_id = ? ORDER BY c.sort_key, c.id"));
    for (ResponseRow& r : rows) {
        n.addBindValue(r.id);
        if (!exec(n))
            break;
        while (n.next())
            r.answers << n.value(0).toString();
    }
    return rows;
}

QVector<UpdateRow> PlanQueries::updates(qint64 actionId)
{
    QVector<UpdateRow> rows;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // Undated updates (the documents often give none) keep their written order
    // after the dated ones.
    q.prepare(QStringLiteral("SELECT id, coalesce(date, ''), label, author, text, rag FROM updates "
                             "WHERE action_id = ? "
                             "ORDER BY CASE WHEN date IS NULL THEN 1 ELSE 0 END, date DESC, position DESC"));
    q.addBindValue(actionId);
    if (!exec(q))
        return rows;
    while (q.next()) {
        UpdateRow u;
        u.id = q.value(0).toLongLong();
        u.date = q.value(1).toString();
        u.label = q.value(2).toString();
        u.author = q.value(3).toString();
        u.text = q.value(4).toString();
        u.rag = q.value(5).toString();
        rows.append(u);
    }
    return rows;
}

bool PlanQueries::action(qint64 actionId, ActionDetail* out)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT a.id, a.review_id, a.recommendation_id, r.title, c.number, a.number, a.text, a.owner_text, "
        "coalesce(g.name, ''), a.target_text, a.target_precision, a.target_due, a.revised_target_text, "
        "a.revised_target_precision, a.revised_target_due, a.status, a.status_text, a.rag, "
        "a.success_measure, a.evidence, a.version "
        "FROM actions a JOIN reviews r ON r.id = a.review_id "
        "JOIN recommendations c ON c.id = a.recommendation_id "
        "LEFT JOIN agencies g ON g.id = a.agency_id WHERE a.id = ?"));
    q.addBindValue(actionId);
    if (!exec(q) || !q.next())
        return false;
    ActionDetail d;
    d.id = q.value(0).toLongLong();
    d.reviewId = q.value(1).toLongLong();
    d.recommendationId = q.value(2).toLongLong();
    d.review = q.value(3).toString();
    d.recommendationNumber = q.value(4).toString();
    d.number = q.value(5).toString();
    d.text = q.value(6).toString();
    d.ownerText = q.value(7).toString();
    d.agency = q.value(8).toString();
    d.targetText = q.value(9).toString();
    d.target = TargetDate::fromStorage(q.value(10).toString(), q.value(11).toString());
    d.revisedTargetText = q.value(12).toString();
    d.revisedTarget = TargetDate::fromStorage(q.value(13).toString(), q.value(14).toString());
    d.status = q.value(15).toString();
    d.statusText = q.value(16).toString();
    d.rag = q.value(17).toString();
    d.successMeasure = q.value(18).toString();
    d.evidence = q.value(19).toString();
    d.version = q.value(20).toLongLong();

    QSqlQuery o(m_db);
    o.prepare(QStringLiteral("SELECT o.name FROM action_owners ao JOIN owners o ON o.id = ao.owner_id "
                             "WHERE ao.action_id = ? ORDER BY ao.position"));
    o.addBindValue(actionId);
    if (exec(o)) {
        while (o.next())
            d.owners << o.value(0).toString();
    }
    QSqlQuery l(m_db);
    l.prepare(QStringLiteral("SELECT a.number, l.note FROM action_links l "
                             "JOIN actions a ON a.id = l.linked_action_id WHERE l.action_id = ? "
                             "ORDER BY a.position, a.id"));
    l.addBindValue(actionId);
    QStringList numbers;
    if (exec(l)) {
        while (l.next()) {
            const QString number = l.value(0).toString();
            const QString note = l.value(1).toString();
            numbers << number;
            d.links << (note.isEmpty() ? number : QStringLiteral("%1 — %2").arg(number, note));
        }
    }
    d.linkedNumbers = numbers.join(QStringLiteral(", "));
    *out = d;
    return true;
}

QVector<PlanVersionRow> PlanQueries::planVersions(qint64 reviewId)
{
    QVector<PlanVersionRow> rows;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, version, coalesce(date, ''), comment FROM plan_versions "
                             "WHERE review_id = ? ORDER BY position, id"));
    q.addBindValue(reviewId);
    if (!exec(q))
        return rows;
    while (q.next())
        rows.append(
            {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()});
    return rows;
}

QVector<ReviewLinkRow> PlanQueries::reviewLinks(qint64 reviewId)
{
    QVector<ReviewLinkRow> rows;
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT l.id, coalesce(l.linked_review_id, 0), coalesce(r.title, l.linked_title), "
                       "coalesce(r.reference, l.linked_reference), coalesce(CAST(coalesce(r.year, "
                       "l.linked_year) AS TEXT), ''), "
                       "l.note FROM review_links l LEFT JOIN reviews r ON r.id = l.linked_review_id "
                       "WHERE l.review_id = ? ORDER BY l.id"));
    q.addBindValue(reviewId);
    if (!exec(q))
        return rows;
    while (q.next())
        rows.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                     q.value(3).toString(), q.value(4).toString(), q.value(5).toString()});
    return rows;
}

QVector<OwnerRow> PlanQueries::owners()
{
    QVector<OwnerRow> rows;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT o.id, o.name, coalesce(g.name, ''), coalesce(o.agency_id, 0), "
                             "(SELECT count(*) FROM action_owners ao WHERE ao.owner_id = o.id) "
                             "FROM owners o LEFT JOIN agencies g ON g.id = o.agency_id "
                             "ORDER BY lower(o.name)"));
    if (!exec(q))
        return rows;
    while (q.next())
        rows.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toLongLong(), q.value(4).toInt()});
    return rows;
}

QStringList PlanQueries::ownerNames()
{
    QStringList names;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT name FROM owners ORDER BY lower(name)")))
        return names;
    while (q.next())
        names << q.value(0).toString();
    return names;
}

QStringList PlanQueries::themeNames()
{
    QStringList names;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT name FROM themes ORDER BY lower(name)")))
        return names;
    while (q.next())
        names << q.value(0).toString();
    return names;
}

QVector<QPair<qint64, QString>> PlanQueries::reviewTitles()
{
    QVector<QPair<qint64, QString>> rows;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT id, title FROM reviews ORDER BY position, id")))
        return rows;
    while (q.next())
        rows.append({q.value(0).toLongLong(), q.value(1).toString()});
    return rows;
}

qint64 PlanQueries::agencyId(const QString& name)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM agencies WHERE lower(name) = lower(?) "
                             "UNION ALL SELECT agency_id FROM agency_aliases WHERE alias = lower(?)"));
    q.addBindValue(name.trimmed());
    q.addBindValue(name.trimmed());
    return exec(q) && q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace rt
