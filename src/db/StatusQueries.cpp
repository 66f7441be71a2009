#include "StatusQueries.h"

#include "SqlDialect.h"
#include "core/Vocabulary.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace rt {

StatusQueries::StatusQueries(QSqlDatabase& db) : m_db(db) {}

QString StatusQueries::openCondition(const QString& a)
{
    // Written exactly as in the partial indexes of schema 3, so the planner
    // can use them.
    return QStringLiteral("%1.status NOT IN ('complete', 'superseded')").arg(a);
}

QString StatusQueries::completionByReviewSql()
{
    return QStringLiteral(
               "SELECT review_id, count(*), sum(CASE WHEN open_n = 0 THEN 1 ELSE 0 END), sum(n) FROM ("
               "  SELECT a.review_id AS review_id, count(*) AS n,"
               "    sum(CASE WHEN %1 THEN 1 ELSE 0 END) AS open_n"
               "  FROM actions a GROUP BY a.recommendation_id, a.review_id) AS recs "
               "GROUP BY review_id")
        .arg(openCondition(QStringLiteral("a")));
}

QString StatusQueries::overdueCondition(const QString& a)
{
    return QStringLiteral("(%1 AND %2.target_due < :asof)").arg(openCondition(a), a);
}

int StatusQueries::scalar(const QString& sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql) || !q.next()) {
        m_error = q.lastError().text();
        return -1;
    }
    return q.value(0).toInt();
}

bool StatusQueries::figures(const QDate& asOf, DatabaseFigures* out)
{
    struct Count
    {
        int* target;
        const char* sql;
    };
    const Count counts[] = {
        {&out->reviews, "SELECT count(*) FROM reviews"},
        {&out->recommendations, "SELECT count(*) FROM recommendations"},
        {&out->actions, "SELECT count(*) FROM actions"},
        {&out->updates, "SELECT count(*) FROM updates"},
        {&out->agencies, "SELECT count(*) FROM agencies"},
        {&out->s11Audits, "SELECT count(*) FROM s11_audits"},
        {&out->s11Ratings, "SELECT count(*) FROM s11_ratings"},
    };
    out->schemaVersion = scalar(SqlDialect::schemaVersionQuery(m_db));
    if (out->schemaVersion < 0)
        return false;
    for (const Count& c : counts) {
        *c.target = scalar(QLatin1String(c.sql));
        if (*c.target < 0)
            return false;
    }
    return byReview(asOf, &out->byReview);
}

bool StatusQueries::byReview(const QDate& asOf, QVector<ReviewFigures>* out)
{
    out->clear();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT id, reference, title, kind, coalesce(year, 0), coalesce(published, '') FROM reviews "
            "ORDER BY position, id"))) {
        m_error = q.lastError().text();
        return false;
    }
    QHash<qint64, int> index;
    while (q.next()) {
        ReviewFigures f;
        f.reviewId = q.value(0).toLongLong();
        f.reference = q.value(1).toString();
        f.title = q.value(2).toString();
        ReviewKind kind = ReviewKind::SCR;
        reviewkind::fromCode(q.value(3).toString(), &kind);
        f.kind = reviewkind::shortLabel(kind);
        f.year = q.value(4).toInt() > 0 ? q.value(4).toString() : QString();
        f.published = q.value(5).toString();
        index.insert(f.reviewId, out->size());
        out->append(f);
    }
    // Grouped passes over covering indexes, rather than one correlated
    // subquery per review: 10,000 reviews stay well inside the 50 ms budget.
    QSqlQuery recs(m_db);
    recs.setForwardOnly(true);
    if (!recs.exec(QStringLiteral("SELECT review_id, count(*) FROM recommendations GROUP BY review_id"))) {
        m_error = recs.lastError().text();
        return false;
    }
    while (recs.next())
        (*out)[index.value(recs.value(0).toLongLong())].recommendations = recs.value(1).toInt();

    QSqlQuery acts(m_db);
    acts.setForwardOnly(true);
    if (!acts.exec(
            QStringLiteral("SELECT review_id, count(*), sum(CASE WHEN status IN ('complete', 'superseded') "
                           "THEN 1 ELSE 0 END) FROM actions GROUP BY review_id"))) {
        m_error = acts.lastError().text();
        return false;
    }
    while (acts.next()) {
        ReviewFigures& f = (*out)[index.value(acts.value(0).toLongLong())];
        f.actions = acts.value(1).toInt();
        f.closed = acts.value(2).toInt();
    }

    QSqlQuery overdue(m_db);
    overdue.setForwardOnly(true);
    overdue.prepare(
        QStringLiteral("SELECT a.review_id, count(*) FROM actions a WHERE %1 GROUP BY a.review_id")
            .arg(overdueCondition(QStringLiteral("a"))));
    overdue.bindValue(QStringLiteral(":asof"), asOf.toString(Qt::ISODate));
    if (!overdue.exec()) {
        m_error = overdue.lastError().text();
        return false;
    }
    while (overdue.next())
        (*out)[index.value(overdue.value(0).toLongLong())].overdue = overdue.value(1).toInt();
    return true;
}

int StatusQueries::overdueCount(const QDate& asOf)
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT count(*) FROM actions a WHERE %1").arg(overdueCondition(QStringLiteral("a"))));
    q.bindValue(QStringLiteral(":asof"), asOf.toString(Qt::ISODate));
    if (!q.exec() || !q.next()) {
        m_error = q.lastError().text();
        return -1;
    }
    return q.value(0).toInt();
}

bool StatusQueries::byAgency(const QDate& asOf, QVector<AgencyFigures>* out)
{
    out->clear();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // Only open actions count towards any of these figures, so the scan runs
    // over the partial index of open actions.
    q.prepare(
        QStringLiteral("SELECT f.agency_id, coalesce(g.name, ''), f.overdue, f.red, f.amber, f.open FROM ("
                       "  SELECT a.agency_id AS agency_id,"
                       "    sum(CASE WHEN a.target_due < :asof THEN 1 ELSE 0 END) AS overdue,"
                       "    sum(CASE WHEN a.rag = 'red' THEN 1 ELSE 0 END) AS red,"
                       "    sum(CASE WHEN a.rag = 'amber' THEN 1 ELSE 0 END) AS amber,"
                       "    count(*) AS open"
                       "  FROM actions a WHERE %1 GROUP BY a.agency_id) f "
                       "LEFT JOIN agencies g ON g.id = f.agency_id ORDER BY f.overdue DESC, g.name")
            .arg(openCondition(QStringLiteral("a"))));
    q.bindValue(QStringLiteral(":asof"), asOf.toString(Qt::ISODate));
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    while (q.next()) {
        AgencyFigures f;
        f.agencyId = q.value(0).toLongLong();
        f.agency = q.value(1).toString();
        f.overdue = q.value(2).toInt();
        f.red = q.value(3).toInt();
        f.amber = q.value(4).toInt();
        f.open = q.value(5).toInt();
        out->append(f);
    }
    return true;
}

bool StatusQueries::overdueActions(const QDate& asOf, QVector<OverdueAction>* out)
{
    out->clear();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT a.id, r.title, c.number, a.text, a.owner_text, a.target_text, a.target_due, "
                       "a.status, a.status_text, a.rag FROM actions a "
                       "JOIN reviews r ON r.id = a.review_id "
                       "JOIN recommendations c ON c.id = a.recommendation_id "
                       "WHERE %1 ORDER BY a.target_due, r.position, c.sort_key, a.position")
            .arg(overdueCondition(QStringLiteral("a"))));
    q.bindValue(QStringLiteral(":asof"), asOf.toString(Qt::ISODate));
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    while (q.next()) {
        OverdueAction o;
        o.actionId = q.value(0).toLongLong();
        o.review = q.value(1).toString();
        o.recommendation = q.value(2).toString();
        o.action = q.value(3).toString();
        o.owner = q.value(4).toString();
        o.target = q.value(5).toString();
        o.due = QDate::fromString(q.value(6).toString(), Qt::ISODate);
        ActionStatus s = ActionStatus::NotStarted;
        status::fromCode(q.value(7).toString(), &s);
        o.status = status::label(s);
        o.statusText = q.value(8).toString();
        Rag r = Rag::None;
        rag::fromCode(q.value(9).toString(), &r);
        o.rag = r == Rag::None ? QString() : rag::label(r);
        o.daysOverdue = static_cast<int>(o.due.daysTo(asOf));
        out->append(o);
    }
    return true;
}

} // namespace rt
