#include "ResponseRepository.h"

#include "SqlDialect.h"
#include "Transaction.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVector>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::ResponseRepository", text);
}

} // namespace

ResponseRepository::ResponseRepository(QSqlDatabase& db) : Repository(db) {}

qint64 ResponseRepository::create(qint64 recommendationId, const QString& text)
{
    if (text.trimmed().isEmpty()) {
        fail(tr("A response needs its text."));
        return 0;
    }
    Transaction tx(m_db);
    QSqlQuery rec(m_db);
    rec.prepare(QStringLiteral("SELECT review_id FROM recommendations WHERE id = ?"));
    rec.addBindValue(recommendationId);
    if (!run(rec))
        return 0;
    if (!rec.next()) {
        fail(tr("The response was not added: the recommendation no longer exists."));
        return 0;
    }
    const qint64 reviewId = rec.value(0).toLongLong();
    rec.finish();

    QSqlQuery ins(m_db);
    ins.prepare(QStringLiteral(
        "INSERT INTO responses(review_id, text, position) VALUES (?, ?, "
        "(SELECT coalesce(max(position), 0) + 1 FROM responses WHERE review_id = ?)) RETURNING id"));
    ins.addBindValue(reviewId);
    ins.addBindValue(text);
    ins.addBindValue(reviewId);
    if (!run(ins))
        return 0;
    const qint64 id = SqlDialect::insertedId(ins);
    QSqlQuery link(m_db);
    link.prepare(
        QStringLiteral("INSERT INTO response_recommendations(response_id, recommendation_id) VALUES (?, ?)"));
    link.addBindValue(id);
    link.addBindValue(recommendationId);
    if (!run(link))
        return 0;
    if (!tx.commit()) {
        fail(tr("The response was not added: %1").arg(m_db.lastError().text()));
        return 0;
    }
    return id;
}

bool ResponseRepository::setField(qint64 responseId, Field field, const QString& value)
{
    Transaction tx(m_db);
    QSqlQuery cur(m_db);
    cur.prepare(QStringLiteral("SELECT title, text FROM responses WHERE id = ?"));
    cur.addBindValue(responseId);
    if (!run(cur))
        return false;
    if (!cur.next())
        return fail(tr("The change was not saved: the response no longer exists."));
    const QString title = cur.value(0).toString();
    const QString text = cur.value(1).toString();
    cur.finish();

    QString column;
    QString stored = value;
    switch (field) {
    case Field::Number:
        column = QStringLiteral("number");
        stored = value.trimmed();
        break;
    case Field::Title:
        if (value.trimmed().isEmpty() && text.trimmed().isEmpty())
            return fail(tr("A response needs its text or its title."));
        column = QStringLiteral("title");
        stored = value.trimmed();
        break;
    case Field::Text:
        if (value.trimmed().isEmpty() && title.trimmed().isEmpty())
            return fail(tr("A response needs its text or its title."));
        column = QStringLiteral("text");
        break;
    }
    if (!checkVersion(QStringLiteral("responses"), QStringLiteral("response"), responseId, tr("response")))
        return false;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE responses SET %1 = ?, version = version + 1 WHERE id = ?").arg(column));
    q.addBindValue(sqlText(stored));
    q.addBindValue(responseId);
    if (!run(q))
        return false;
    if (!tx.commit())
        return fail(tr("The change was not saved: %1").arg(m_db.lastError().text()));
    return true;
}

bool ResponseRepository::setAnsweredNumbers(qint64 responseId, const QString& numbers)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    const QStringList wanted = numbers.split(separators, Qt::SkipEmptyParts);
    if (wanted.isEmpty())
        return fail(tr("A response must answer at least one recommendation: delete the response instead."));

    Transaction tx(m_db);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT r.id, r.number FROM recommendations r JOIN responses p "
                             "ON p.review_id = r.review_id WHERE p.id = ? ORDER BY r.id"));
    q.addBindValue(responseId);
    if (!run(q))
        return false;
    QHash<QString, qint64> byNumber;
    while (q.next()) {
        const QString number = q.value(1).toString().trimmed().toLower();
        if (!number.isEmpty() && !byNumber.contains(number))
            byNumber.insert(number, q.value(0).toLongLong());
    }
    QVector<qint64> ids;
    for (const QString& number : wanted) {
        const qint64 id = byNumber.value(number.toLower());
        if (id == 0)
            return fail(tr("This review has no recommendation %1.").arg(number));
        if (!ids.contains(id))
            ids << id;
    }

    QSqlQuery bump(m_db);
    bump.prepare(QStringLiteral("UPDATE responses SET version = version + 1 WHERE id = ?"));
    bump.addBindValue(responseId);
    if (!run(bump))
        return false;
    if (bump.numRowsAffected() != 1)
        return fail(tr("The change was not saved: the response no longer exists."));
    QSqlQuery clear(m_db);
    clear.prepare(QStringLiteral("DELETE FROM response_recommendations WHERE response_id = ?"));
    clear.addBindValue(responseId);
    if (!run(clear))
        return false;
    QSqlQuery link(m_db);
    link.prepare(
        QStringLiteral("INSERT INTO response_recommendations(response_id, recommendation_id) VALUES (?, ?)"));
    for (qint64 id : ids) {
        link.addBindValue(responseId);
        link.addBindValue(id);
        if (!run(link))
            return false;
    }
    if (!tx.commit())
        return fail(tr("The change was not saved: %1").arg(m_db.lastError().text()));
    return true;
}

bool ResponseRepository::remove(qint64 responseId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM responses WHERE id = ?"));
    q.addBindValue(responseId);
    return runOnOneRow(q, tr("The response was not deleted: it no longer exists."),
                       tr("The response was not deleted: %1"));
}

} // namespace rt
