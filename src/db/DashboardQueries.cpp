#include "DashboardQueries.h"

#include "StatusQueries.h"
#include "core/Vocabulary.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

namespace rt {

namespace {

qint64 julianDay(const QVariant& iso)
{
    if (iso.isNull())
        return 0;
    const QDate d = QDate::fromString(iso.toString(), Qt::ISODate);
    return d.isValid() ? d.toJulianDay() : 0;
}

char ragLetter(const QString& code)
{
    return code.isEmpty() ? 0 : code.at(0).toLatin1(); // red, amber, green, blue
}

// Reads "id, name" rows into named and their positions into index.
template <typename Named> void readNamed(QSqlQuery& q, QVector<Named>* named, QHash<qint64, int>* index)
{
    while (q.next()) {
        index->insert(q.value(0).toLongLong(), named->size());
        named->append({q.value(0).toLongLong(), q.value(1).toString(),
                       q.record().count() > 2 ? q.value(2).toString() : QString()});
    }
}

} // namespace

DashboardQueries::DashboardQueries(QSqlDatabase& db) : m_db(db) {}

bool DashboardQueries::exec(QSqlQuery& q, const QString& sql)
{
    q.setForwardOnly(true);
    if (q.exec(sql))
        return true;
    m_error = q.lastError().text();
    return false;
}

bool DashboardQueries::load(DashboardSnapshot* out)
{
    *out = DashboardSnapshot();
    QSqlQuery q(m_db);
    const QString open = StatusQueries::openCondition(QStringLiteral("a"));

    QHash<qint64, int> reviewIndex;
    if (!exec(q, QStringLiteral("SELECT id, title, kind FROM reviews ORDER BY position, id")))
        return false;
    while (q.next()) {
        DashboardSnapshot::Review r;
        r.id = q.value(0).toLongLong();
        r.title = q.value(1).toString();
        ReviewKind kind = ReviewKind::SCR;
        reviewkind::fromCode(q.value(2).toString(), &kind);
        r.kind = reviewkind::shortLabel(kind);
        reviewIndex.insert(r.id, out->reviews.size());
        out->reviews.append(r);
    }

    // A recommendation is complete when every one of its actions is closed;
    // one without actions is not counted either way.
    if (!exec(q, StatusQueries::completionByReviewSql()))
        return false;
    while (q.next()) {
        const int i = reviewIndex.value(q.value(0).toLongLong(), -1);
        if (i < 0)
            continue;
        out->reviews[i].recommendations = q.value(1).toInt();
        out->reviews[i].recommendationsComplete = q.value(2).toInt();
        out->reviews[i].actions = q.value(3).toInt();
        out->actions += q.value(3).toInt();
    }

    QHash<qint64, int> agencyIndex, ownerIndex, themeIndex;
    if (!exec(q, QStringLiteral("SELECT id, name, short_name FROM agencies ORDER BY position, name")))
        return false;
    readNamed(q, &out->agencies, &agencyIndex);
    if (!exec(q, QStringLiteral("SELECT id, name FROM owners ORDER BY name")))
        return false;
    readNamed(q, &out->owners, &ownerIndex);
    if (!exec(q, QStringLiteral("SELECT id, name FROM themes ORDER BY name")))
        return false;
    readNamed(q, &out->themes, &themeIndex);

    QHash<qint64, QVector<int>> themesOf; // recommendation id -> theme indices
    // Only the recommendations with open actions: in a kept-up tracker most are done.
    if (!exec(q, QStringLiteral(
                     "SELECT rt.recommendation_id, rt.theme_id FROM recommendation_themes rt "
                     "WHERE rt.recommendation_id IN (SELECT a.recommendation_id FROM actions a WHERE %1)")
                     .arg(open)))
        return false;
    while (q.next())
        themesOf[q.value(0).toLongLong()].append(themeIndex.value(q.value(1).toLongLong()));

    // Owners of open actions, in action order, merged with the actions below.
    QVector<QPair<qint64, int>> owners;
    if (!exec(q, QStringLiteral("SELECT ao.action_id, ao.owner_id FROM action_owners ao "
                                "JOIN actions a ON a.id = ao.action_id WHERE %1 "
                                "ORDER BY ao.action_id, ao.position")
                     .arg(open)))
        return false;
    while (q.next())
        owners.append({q.value(0).toLongLong(), ownerIndex.value(q.value(1).toLongLong())});

    if (!exec(q, QStringLiteral("SELECT a.id, a.review_id, a.agency_id, a.target_due, a.target_precision, "
                                "a.revised_target_precision, a.last_update, a.rag, a.recommendation_id "
                                "FROM actions a WHERE %1 ORDER BY a.id")
                     .arg(open)))
        return false;
    int o = 0;
    while (q.next()) {
        DashboardSnapshot::Action a;
        a.id = q.value(0).toLongLong();
        a.review = reviewIndex.value(q.value(1).toLongLong());
        a.agency = q.value(2).isNull() ? -1 : agencyIndex.value(q.value(2).toLongLong(), -1);
        a.due = julianDay(q.value(3));
        const QString precision = q.value(4).toString();
        a.noTarget = precision == QLatin1String("none") || precision == QLatin1String("ongoing");
        a.revised = q.value(5).toString() != QLatin1String("none");
        a.lastUpdate = julianDay(q.value(6));
        a.rag = ragLetter(q.value(7).toString());
        while (o < owners.size() && owners.at(o).first < a.id)
            ++o;
        a.ownerBegin = out->ownerIndex.size();
        for (; o < owners.size() && owners.at(o).first == a.id; ++o)
            out->ownerIndex.append(owners.at(o).second);
        a.ownerEnd = out->ownerIndex.size();
        a.themeBegin = out->themeIndex.size();
        out->themeIndex += themesOf.value(q.value(8).toLongLong());
        a.themeEnd = out->themeIndex.size();
        out->open.append(a);
    }
    return true;
}

bool DashboardQueries::actionRows(const QVector<qint64>& ids, QVector<DashboardActionRow>* out)
{
    out->clear();
    if (ids.isEmpty())
        return true;
    QStringList list;
    list.reserve(ids.size());
    for (qint64 id : ids)
        list << QString::number(id); // integers only: safe to inline
    QSqlQuery q(m_db);
    if (!exec(q,
              QStringLiteral(
                  "SELECT a.id, a.review_id, r.title, c.number, a.number, a.text, a.owner_text, "
                  "coalesce(g.name, ''), a.target_text, a.target_precision, a.target_due, "
                  "a.revised_target_text, a.revised_target_precision, a.revised_target_due, a.status, a.rag, "
                  "u.text, coalesce(u.date, ''), coalesce(g.short_name, '') "
                  "FROM actions a JOIN reviews r ON r.id = a.review_id "
                  "JOIN recommendations c ON c.id = a.recommendation_id "
                  "LEFT JOIN agencies g ON g.id = a.agency_id "
                  // The latest update in the order the timeline shows: dated
                  // ones newest first, then undated ones as written.
                  "LEFT JOIN updates u ON u.id = (SELECT id FROM updates WHERE action_id = a.id "
                  "  ORDER BY CASE WHEN date IS NULL THEN 1 ELSE 0 END, date DESC, position DESC LIMIT 1) "
                  "WHERE a.id IN (%1)")
                  .arg(list.join(QLatin1Char(',')))))
        return false;
    QHash<qint64, DashboardActionRow> rows;
    while (q.next()) {
        DashboardActionRow r;
        r.id = q.value(0).toLongLong();
        r.reviewId = q.value(1).toLongLong();
        r.review = q.value(2).toString();
        r.recommendationNumber = q.value(3).toString();
        r.number = q.value(4).toString();
        r.text = q.value(5).toString();
        r.owner = q.value(6).toString();
        r.agency = q.value(7).toString();
        r.targetText = q.value(8).toString();
        r.target = TargetDate::fromStorage(q.value(9).toString(), q.value(10).toString());
        r.revisedTargetText = q.value(11).toString();
        r.revisedTarget = TargetDate::fromStorage(q.value(12).toString(), q.value(13).toString());
        ActionStatus status = ActionStatus::NotStarted;
        status::fromCode(q.value(14).toString(), &status);
        r.status = status::label(status);
        r.rag = q.value(15).toString();
        r.latestUpdate = q.value(16).toString();
        r.latestUpdateDate = q.value(17).toString();
        r.agencyShort = q.value(18).toString();
        rows.insert(r.id, r);
    }
    out->reserve(rows.size());
    for (qint64 id : ids) {
        auto it = rows.constFind(id);
        if (it != rows.constEnd())
            out->append(*it);
    }
    return true;
}

} // namespace rt
