#include "RecommendationRepository.h"

#include "PlanWriter.h"
#include "SqlDialect.h"
#include "Transaction.h"
#include "core/Vocabulary.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVector>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::RecommendationRepository", text);
}

// The recommendation and all its descendants, as a CTE the queries below
// start with (WITH RECURSIVE reads the same on SQLite and PostgreSQL).
const char* const kSubtree =
    "WITH RECURSIVE subtree(id) AS (SELECT id FROM recommendations WHERE id = ? "
    "UNION ALL SELECT r.id FROM recommendations r JOIN subtree s ON r.parent_id = s.id) ";

// Each response answering something in the subtree, and whether it also
// answers a recommendation outside it (then it stays when the subtree goes).
const char* const kResponsesOfSubtree =
    "SELECT DISTINCT rr.response_id, CASE WHEN EXISTS (SELECT 1 FROM response_recommendations o "
    "WHERE o.response_id = rr.response_id AND o.recommendation_id NOT IN (SELECT id FROM subtree)) "
    "THEN 1 ELSE 0 END FROM response_recommendations rr WHERE rr.recommendation_id IN (SELECT id FROM "
    "subtree)";

} // namespace

RecommendationRepository::RecommendationRepository(QSqlDatabase& db) : Repository(db) {}

bool RecommendationRepository::numberTaken(qint64 reviewId, const QString& number, qint64 exceptId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*) FROM recommendations WHERE review_id = ? AND id <> ? "
                             "AND lower(trim(number)) = lower(?)"));
    q.addBindValue(reviewId);
    q.addBindValue(exceptId);
    q.addBindValue(number.trimmed());
    return q.exec() && q.next() && q.value(0).toLongLong() > 0;
}

QString RecommendationRepository::nextNumber(qint64 reviewId, qint64 parentId)
{
    QString prefix;
    QSqlQuery q(m_db);
    if (parentId > 0) {
        q.prepare(QStringLiteral("SELECT number FROM recommendations WHERE id = ?"));
        q.addBindValue(parentId);
        if (q.exec() && q.next() && !q.value(0).toString().trimmed().isEmpty())
            prefix = q.value(0).toString().trimmed() + QLatin1Char('.');
        q.finish();
        q.prepare(QStringLiteral("SELECT number FROM recommendations WHERE parent_id = ?"));
        q.addBindValue(parentId);
    } else {
        q.prepare(
            QStringLiteral("SELECT number FROM recommendations WHERE review_id = ? AND parent_id IS NULL"));
        q.addBindValue(reviewId);
    }
    // Top level follows the leading number ("11" after "10b"); a child the
    // last number of its siblings ("2.4" after "2.3").
    static const QRegularExpression leading(QStringLiteral("^\\s*(\\d+)"));
    static const QRegularExpression trailing(QStringLiteral("(\\d+)\\D*$"));
    const QRegularExpression& re = parentId > 0 ? trailing : leading;
    int largest = 0;
    if (q.exec()) {
        while (q.next()) {
            const auto m = re.match(q.value(0).toString());
            if (m.hasMatch())
                largest = qMax(largest, m.captured(1).toInt());
        }
    }
    // Odd numbering elsewhere in the review ("2.1" at top level) must not make
    // the suggestion a duplicate.
    int n = largest + 1;
    while (numberTaken(reviewId, prefix + QString::number(n), 0))
        ++n;
    return prefix + QString::number(n);
}

qint64 RecommendationRepository::create(qint64 reviewId, qint64 parentId, const QString& text)
{
    if (text.trimmed().isEmpty()) {
        fail(tr("A recommendation needs its text."));
        return 0;
    }
    Transaction tx(m_db);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*) FROM reviews WHERE id = ?"));
    q.addBindValue(reviewId);
    if (!run(q) || !q.next() || q.value(0).toLongLong() == 0) {
        fail(tr("The recommendation was not added: the review no longer exists."));
        return 0;
    }
    q.finish();

    // A new one sits in the same section as its parent or, at top level, as
    // the one before it; and is a finding if the one before it is.
    QVariant sectionId;
    QString kind = recommendationkind::code(RecommendationKind::Recommendation);
    if (parentId > 0) {
        q.prepare(QStringLiteral("SELECT review_id, section_id FROM recommendations WHERE id = ?"));
        q.addBindValue(parentId);
        if (!run(q))
            return 0;
        if (!q.next() || q.value(0).toLongLong() != reviewId) {
            fail(tr("The recommendation was not added: the recommendation above it is not in this review."));
            return 0;
        }
        sectionId = q.value(1);
        q.finish();
    }
    q.prepare(QStringLiteral("SELECT kind, section_id FROM recommendations WHERE review_id = ? AND "
                             "coalesce(parent_id, 0) = ? ORDER BY position DESC, sort_key DESC, id DESC"));
    q.addBindValue(reviewId);
    q.addBindValue(parentId);
    if (!run(q))
        return 0;
    if (q.next()) {
        kind = q.value(0).toString();
        if (parentId == 0)
            sectionId = q.value(1);
    }
    q.finish();

    const QString number = nextNumber(reviewId, parentId);
    QSqlQuery ins(m_db);
    ins.prepare(QStringLiteral(
        "INSERT INTO recommendations(review_id, parent_id, section_id, kind, number, sort_key, position, "
        "text) "
        "VALUES (?, ?, ?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM recommendations "
        "WHERE review_id = ? AND coalesce(parent_id, 0) = ?), ?) RETURNING id"));
    ins.addBindValue(reviewId);
    ins.addBindValue(parentId > 0 ? QVariant(parentId) : QVariant());
    ins.addBindValue(sectionId);
    ins.addBindValue(kind);
    ins.addBindValue(number);
    ins.addBindValue(PlanWriter::sortKey(number));
    ins.addBindValue(reviewId);
    ins.addBindValue(parentId);
    ins.addBindValue(text);
    if (!run(ins))
        return 0;
    const qint64 id = SqlDialect::insertedId(ins);
    if (!tx.commit()) {
        fail(tr("The recommendation was not added: %1").arg(m_db.lastError().text()));
        return 0;
    }
    return id;
}

bool RecommendationRepository::setField(qint64 recommendationId, Field field, const QString& value)
{
    Transaction tx(m_db);
    if (!checkVersion(QStringLiteral("recommendations"), QStringLiteral("recommendation"), recommendationId,
                      tr("recommendation")))
        return false;
    QSqlQuery cur(m_db);
    cur.prepare(QStringLiteral("SELECT review_id, title, text FROM recommendations WHERE id = ?"));
    cur.addBindValue(recommendationId);
    if (!run(cur))
        return false;
    if (!cur.next())
        return fail(tr("The change was not saved: the recommendation no longer exists."));
    const qint64 reviewId = cur.value(0).toLongLong();
    const QString title = cur.value(1).toString();
    const QString text = cur.value(2).toString();
    cur.finish();

    QString sql;
    QVariantList values;
    switch (field) {
    case Field::Number: {
        const QString number = value.trimmed();
        if (number.isEmpty())
            return fail(tr("A recommendation needs a number."));
        if (numberTaken(reviewId, number, recommendationId))
            return fail(tr("Recommendation %1 already exists in this review.").arg(number));
        sql = QStringLiteral("number = ?, sort_key = ?");
        values << number << PlanWriter::sortKey(number);
        break;
    }
    case Field::Title:
        if (value.trimmed().isEmpty() && text.trimmed().isEmpty())
            return fail(tr("A recommendation needs its text or its title."));
        sql = QStringLiteral("title = ?");
        values << sqlText(value.trimmed());
        break;
    case Field::Text:
        if (value.trimmed().isEmpty() && title.trimmed().isEmpty())
            return fail(tr("A recommendation needs its text or its title."));
        sql = QStringLiteral("text = ?");
        values << sqlText(value);
        break;
    case Field::Kind: {
        RecommendationKind k;
        if (!recommendationkind::fromWritten(value, &k))
            return fail(tr("“%1” is not a kind: choose Recommendation or Finding.").arg(value.trimmed()));
        sql = QStringLiteral("kind = ?");
        values << recommendationkind::code(k);
        break;
    }
    case Field::Decision: {
        Decision d = Decision::None;
        if (!value.trimmed().isEmpty() && !decision::fromCode(value.trimmed(), &d) &&
            !decision::fromWritten(value, &d))
            return fail(tr("“%1” is not a decision: choose Agreed, Partly agreed or Not agreed, or leave it "
                           "blank.")
                            .arg(value.trimmed()));
        sql = QStringLiteral("decision = ?");
        values << sqlText(decision::code(d));
        break;
    }
    case Field::DecisionExplanation:
        sql = QStringLiteral("decision_explanation = ?");
        values << sqlText(value);
        break;
    case Field::AddressedTo:
        sql = QStringLiteral("addressed_to = ?");
        values << sqlText(value);
        break;
    case Field::SuccessMeasure:
        sql = QStringLiteral("success_measure = ?");
        values << sqlText(value);
        break;
    }

    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE recommendations SET %1, version = version + 1 WHERE id = ?").arg(sql));
    for (const QVariant& v : values)
        q.addBindValue(v);
    q.addBindValue(recommendationId);
    if (!run(q))
        return false;
    if (!tx.commit())
        return fail(tr("The change was not saved: %1").arg(m_db.lastError().text()));
    return true;
}

bool RecommendationRepository::setThemes(qint64 recommendationId, const QStringList& themes)
{
    // Theme names are stored in lower case, as the importer does, so "Neglect"
    // and "neglect" are one theme.
    QStringList names;
    QSet<QString> seen;
    for (const QString& theme : themes) {
        const QString name = theme.simplified().toLower();
        if (!name.isEmpty() && !seen.contains(name)) {
            seen.insert(name);
            names << name;
        }
    }

    Transaction tx(m_db);
    QSqlQuery bump(m_db);
    bump.prepare(QStringLiteral("UPDATE recommendations SET version = version + 1 WHERE id = ?"));
    bump.addBindValue(recommendationId);
    if (!run(bump))
        return false;
    if (bump.numRowsAffected() != 1)
        return fail(tr("The themes were not saved: the recommendation no longer exists."));
    QSqlQuery clear(m_db);
    clear.prepare(QStringLiteral("DELETE FROM recommendation_themes WHERE recommendation_id = ?"));
    clear.addBindValue(recommendationId);
    if (!run(clear))
        return false;

    QSqlQuery find(m_db);
    find.prepare(QStringLiteral("SELECT id FROM themes WHERE name = ?"));
    QSqlQuery add(m_db);
    add.prepare(QStringLiteral("INSERT INTO themes(name) VALUES (?) RETURNING id"));
    QSqlQuery link(m_db);
    link.prepare(
        QStringLiteral("INSERT INTO recommendation_themes(recommendation_id, theme_id) VALUES (?, ?)"));
    for (const QString& name : names) {
        find.addBindValue(name);
        if (!run(find))
            return false;
        qint64 themeId = find.next() ? find.value(0).toLongLong() : 0;
        find.finish();
        if (themeId == 0) {
            add.addBindValue(name);
            if (!run(add))
                return false;
            themeId = SqlDialect::insertedId(add);
        }
        link.addBindValue(recommendationId);
        link.addBindValue(themeId);
        if (!run(link))
            return false;
    }
    if (!tx.commit())
        return fail(tr("The themes were not saved: %1").arg(m_db.lastError().text()));
    return true;
}

DeleteImpact RecommendationRepository::impact(qint64 recommendationId)
{
    DeleteImpact impact;
    QSqlQuery q(m_db);
    q.prepare(
        QLatin1String(kSubtree) +
        QStringLiteral("SELECT (SELECT count(*) FROM subtree), "
                       "(SELECT count(*) FROM actions WHERE recommendation_id IN (SELECT id FROM subtree)), "
                       "(SELECT count(*) FROM updates u JOIN actions a ON a.id = u.action_id "
                       "WHERE a.recommendation_id IN (SELECT id FROM subtree))"));
    q.addBindValue(recommendationId);
    if (q.exec() && q.next()) {
        impact.recommendations = qMax(0, q.value(0).toInt() - 1);
        impact.actions = q.value(1).toInt();
        impact.updates = q.value(2).toInt();
    }
    q.finish();
    q.prepare(QLatin1String(kSubtree) + QLatin1String(kResponsesOfSubtree));
    q.addBindValue(recommendationId);
    if (q.exec()) {
        while (q.next()) {
            if (q.value(1).toInt() == 0)
                ++impact.responses;
        }
    }
    return impact;
}

bool RecommendationRepository::remove(qint64 recommendationId)
{
    Transaction tx(m_db);
    QSqlQuery q(m_db);
    q.prepare(QLatin1String(kSubtree) + QLatin1String(kResponsesOfSubtree));
    q.addBindValue(recommendationId);
    if (!run(q))
        return false;
    QVector<qint64> doomed, shared;
    while (q.next())
        (q.value(1).toInt() == 0 ? doomed : shared) << q.value(0).toLongLong();

    // A response answering only what goes would be left answering nothing;
    // one that also answers a recommendation that stays loses a link, which is
    // a change to it.
    QSqlQuery drop(m_db);
    drop.prepare(QStringLiteral("DELETE FROM responses WHERE id = ?"));
    for (qint64 id : doomed) {
        drop.addBindValue(id);
        if (!run(drop))
            return false;
    }
    QSqlQuery bump(m_db);
    bump.prepare(QStringLiteral("UPDATE responses SET version = version + 1 WHERE id = ?"));
    for (qint64 id : shared) {
        bump.addBindValue(id);
        if (!run(bump))
            return false;
    }

    // Sub-recommendations, actions, updates and links go by ON DELETE CASCADE.
    QSqlQuery del(m_db);
    del.prepare(QStringLiteral("DELETE FROM recommendations WHERE id = ?"));
    del.addBindValue(recommendationId);
    if (!run(del))
        return false;
    if (del.numRowsAffected() != 1)
        return fail(tr("The recommendation was not deleted: it no longer exists."));
    if (!tx.commit())
        return fail(tr("The recommendation was not deleted: %1").arg(m_db.lastError().text()));
    return true;
}

bool RecommendationRepository::move(qint64 recommendationId, int delta)
{
    Transaction tx(m_db);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT review_id, coalesce(parent_id, 0) FROM recommendations WHERE id = ?"));
    q.addBindValue(recommendationId);
    if (!run(q))
        return false;
    if (!q.next())
        return fail(tr("The recommendation was not moved: it no longer exists."));
    const qint64 reviewId = q.value(0).toLongLong();
    const qint64 parentId = q.value(1).toLongLong();
    q.finish();

    // The display order: position, then number for ties, then age.
    q.prepare(QStringLiteral("SELECT id, position FROM recommendations WHERE review_id = ? AND "
                             "coalesce(parent_id, 0) = ? ORDER BY position, sort_key, id"));
    q.addBindValue(reviewId);
    q.addBindValue(parentId);
    if (!moveAmongSiblings(
            q, recommendationId, delta,
            QStringLiteral("UPDATE recommendations SET position = ?, version = version + 1 WHERE id = ?"),
            tr("The recommendation was not moved: it no longer exists.")))
        return false;
    if (!tx.commit())
        return fail(tr("The recommendation was not moved: %1").arg(m_db.lastError().text()));
    return true;
}

} // namespace rt
