#include "ReviewRepository.h"

#include "SqlDialect.h"
#include "Transaction.h"
#include "core/PartialDate.h"
#include "core/Vocabulary.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVector>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::ReviewRepository", text);
}

// A year as typed: blank (NULL) or four digits in a plausible range.
bool parseYear(const QString& text, QVariant* year, QString* error)
{
    const QString t = text.trimmed();
    if (t.isEmpty()) {
        *year = QVariant();
        return true;
    }
    static const QRegularExpression fourDigits(QStringLiteral("^\\d{4}$"));
    const int y = t.toInt();
    if (!fourDigits.match(t).hasMatch() || y < 1900 || y > 2100) {
        *error = tr("“%1” is not a year: write four digits between 1900 and 2100, such as 2023.").arg(t);
        return false;
    }
    *year = y;
    return true;
}

// A partial date as typed, stored as ISO text or NULL when blank.
bool parseDate(const QString& text, QVariant* stored, QString* error)
{
    QString iso;
    if (!PartialDate::parse(text, &iso, error))
        return false;
    *stored = iso.isEmpty() ? QVariant() : QVariant(iso);
    return true;
}

bool parseKind(const QString& text, QString* code, QString* error)
{
    ReviewKind k;
    if (!reviewkind::fromCode(text.trimmed(), &k) && !reviewkind::fromWritten(text, &k)) {
        *error = tr("“%1” is not a kind of review: choose SCR, LCSPR, Rapid Review, Section 11 audit or "
                    "Multi-agency audit.")
                     .arg(text.trimmed());
        return false;
    }
    *code = reviewkind::code(k);
    return true;
}

} // namespace

ReviewRepository::ReviewRepository(QSqlDatabase& db) : Repository(db) {}

qint64 ReviewRepository::create(const QString& kind, const QString& title)
{
    QString code;
    QString error;
    if (!parseKind(kind, &code, &error)) {
        fail(error);
        return 0;
    }
    if (title.trimmed().isEmpty()) {
        fail(tr("A review needs its title."));
        return 0;
    }
    Transaction tx(m_db);
    QSqlQuery ins(m_db);
    ins.prepare(QStringLiteral("INSERT INTO reviews(kind, title, position) VALUES (?, ?, "
                               "(SELECT coalesce(max(position), 0) + 1 FROM reviews)) RETURNING id"));
    ins.addBindValue(code);
    ins.addBindValue(title.trimmed());
    if (!run(ins))
        return 0;
    const qint64 id = SqlDialect::insertedId(ins);
    if (!tx.commit()) {
        fail(tr("The review was not added: %1").arg(m_db.lastError().text()));
        return 0;
    }
    return id;
}

bool ReviewRepository::setField(qint64 reviewId, Field field, const QString& value)
{
    QString column;
    QVariant stored;
    QString error;
    switch (field) {
    case Field::Kind: {
        QString code;
        if (!parseKind(value, &code, &error))
            return fail(error);
        column = QStringLiteral("kind");
        stored = code;
        break;
    }
    case Field::Reference:
        column = QStringLiteral("reference");
        stored = sqlText(value.trimmed());
        break;
    case Field::Title:
        if (value.trimmed().isEmpty())
            return fail(tr("A review needs its title."));
        column = QStringLiteral("title");
        stored = value.trimmed();
        break;
    case Field::Body:
        column = QStringLiteral("body");
        stored = sqlText(value.trimmed());
        break;
    case Field::Year:
        if (!parseYear(value, &stored, &error))
            return fail(error);
        column = QStringLiteral("year");
        break;
    case Field::Initiated:
    case Field::Completed:
    case Field::Published:
        if (!parseDate(value, &stored, &error))
            return fail(error);
        column = field == Field::Initiated   ? QStringLiteral("initiated")
                 : field == Field::Completed ? QStringLiteral("completed")
                                             : QStringLiteral("published");
        break;
    case Field::Summary:
        column = QStringLiteral("summary");
        stored = sqlText(value);
        break;
    }

    Transaction tx(m_db);
    if (!checkVersion(QStringLiteral("reviews"), QStringLiteral("review"), reviewId, tr("review")))
        return false;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE reviews SET %1 = ?, version = version + 1 WHERE id = ?").arg(column));
    q.addBindValue(stored);
    q.addBindValue(reviewId);
    if (!run(q))
        return false;
    if (q.numRowsAffected() != 1)
        return fail(tr("The change was not saved: the review no longer exists."));
    if (!tx.commit())
        return fail(tr("The change was not saved: %1").arg(m_db.lastError().text()));
    return true;
}

DeleteImpact ReviewRepository::impact(qint64 reviewId)
{
    DeleteImpact impact;
    impact.m_recommendationsAreTopLevel = true;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT (SELECT count(*) FROM recommendations WHERE review_id = ?), "
        "(SELECT count(*) FROM responses WHERE review_id = ?), "
        "(SELECT count(*) FROM actions WHERE review_id = ?), "
        "(SELECT count(*) FROM updates u JOIN actions a ON a.id = u.action_id WHERE a.review_id = ?), "
        "(SELECT count(*) FROM plan_versions WHERE review_id = ?), "
        "(SELECT count(*) FROM review_links WHERE review_id = ?)"));
    for (int i = 0; i < 6; ++i)
        q.addBindValue(reviewId);
    if (q.exec() && q.next()) {
        impact.recommendations = q.value(0).toInt();
        impact.responses = q.value(1).toInt();
        impact.actions = q.value(2).toInt();
        impact.updates = q.value(3).toInt();
        impact.planVersions = q.value(4).toInt();
        impact.reviewLinks = q.value(5).toInt();
    }
    return impact;
}

bool ReviewRepository::remove(qint64 reviewId)
{
    Transaction tx(m_db);
    // Other reviews' links to this one would lose their target (ON DELETE SET
    // NULL); they keep its name instead, so the link still says something.
    QSqlQuery keep(m_db);
    keep.prepare(
        QStringLiteral("UPDATE review_links SET linked_title = (SELECT title FROM reviews WHERE id = ?), "
                       "linked_reference = (SELECT reference FROM reviews WHERE id = ?), "
                       "linked_year = (SELECT year FROM reviews WHERE id = ?) "
                       "WHERE linked_review_id = ? AND review_id <> ? AND trim(linked_title) = ''"));
    for (int i = 0; i < 5; ++i)
        keep.addBindValue(reviewId);
    if (!run(keep))
        return false;

    // Everything under it goes by ON DELETE CASCADE.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM reviews WHERE id = ?"));
    q.addBindValue(reviewId);
    if (!run(q))
        return false;
    if (q.numRowsAffected() != 1)
        return fail(tr("The review was not deleted: it no longer exists."));
    if (!tx.commit())
        return fail(tr("The review was not deleted: %1").arg(m_db.lastError().text()));
    return true;
}

qint64 ReviewRepository::addPlanVersion(qint64 reviewId, const QString& version, const QString& date,
                                        const QString& comment)
{
    if (version.trimmed().isEmpty()) {
        fail(tr("A plan version needs its version number."));
        return 0;
    }
    QVariant storedDate;
    QString error;
    if (!parseDate(date, &storedDate, &error)) {
        fail(error);
        return 0;
    }
    Transaction tx(m_db);
    QSqlQuery exists(m_db);
    exists.prepare(QStringLiteral("SELECT count(*) FROM reviews WHERE id = ?"));
    exists.addBindValue(reviewId);
    if (!run(exists))
        return 0;
    if (!exists.next() || exists.value(0).toLongLong() == 0) {
        fail(tr("The plan version was not added: the review no longer exists."));
        return 0;
    }
    exists.finish();
    QSqlQuery ins(m_db);
    ins.prepare(
        QStringLiteral("INSERT INTO plan_versions(review_id, version, date, comment, position) VALUES "
                       "(?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM plan_versions "
                       "WHERE review_id = ?)) RETURNING id"));
    ins.addBindValue(reviewId);
    ins.addBindValue(version.trimmed());
    ins.addBindValue(storedDate);
    ins.addBindValue(sqlText(comment));
    ins.addBindValue(reviewId);
    if (!run(ins))
        return 0;
    const qint64 id = SqlDialect::insertedId(ins);
    if (!tx.commit()) {
        fail(tr("The plan version was not added: %1").arg(m_db.lastError().text()));
        return 0;
    }
    return id;
}

bool ReviewRepository::setPlanVersionField(qint64 versionId, VersionField field, const QString& value)
{
    QString column;
    QVariant stored;
    QString error;
    switch (field) {
    case VersionField::Version:
        if (value.trimmed().isEmpty())
            return fail(tr("A plan version needs its version number."));
        column = QStringLiteral("version");
        stored = value.trimmed();
        break;
    case VersionField::Date:
        if (!parseDate(value, &stored, &error))
            return fail(error);
        column = QStringLiteral("date");
        break;
    case VersionField::Comment:
        column = QStringLiteral("comment");
        stored = sqlText(value);
        break;
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE plan_versions SET %1 = ? WHERE id = ?").arg(column));
    q.addBindValue(stored);
    q.addBindValue(versionId);
    return runOnOneRow(q, tr("The change was not saved: the plan version no longer exists."),
                       tr("The change was not saved: %1"));
}

bool ReviewRepository::removePlanVersion(qint64 versionId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM plan_versions WHERE id = ?"));
    q.addBindValue(versionId);
    return runOnOneRow(q, tr("The plan version was not deleted: it no longer exists."),
                       tr("The plan version was not deleted: %1"));
}

bool ReviewRepository::movePlanVersion(qint64 versionId, int delta)
{
    Transaction tx(m_db);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, position FROM plan_versions WHERE review_id = "
                             "(SELECT review_id FROM plan_versions WHERE id = ?) ORDER BY position, id"));
    q.addBindValue(versionId);
    if (!moveAmongSiblings(q, versionId, delta,
                           QStringLiteral("UPDATE plan_versions SET position = ? WHERE id = ?"),
                           tr("The plan version was not moved: it no longer exists.")))
        return false;
    if (!tx.commit())
        return fail(tr("The plan version was not moved: %1").arg(m_db.lastError().text()));
    return true;
}

qint64 ReviewRepository::addLink(qint64 reviewId, qint64 linkedReviewId, const QString& linkedTitle,
                                 const QString& linkedYear, const QString& note)
{
    QVariant year;
    QString error;
    if (linkedReviewId < 0 || (linkedReviewId == 0 && linkedTitle.trimmed().isEmpty())) {
        fail(tr("A link needs the other review: pick one, or give its title."));
        return 0;
    }
    if (linkedReviewId == reviewId) {
        fail(tr("A review cannot be linked to itself."));
        return 0;
    }
    if (!parseYear(linkedYear, &year, &error)) {
        fail(error);
        return 0;
    }

    Transaction tx(m_db);
    QSqlQuery exists(m_db);
    exists.prepare(QStringLiteral("SELECT count(*) FROM reviews WHERE id = ? OR id = ?"));
    exists.addBindValue(reviewId);
    exists.addBindValue(linkedReviewId);
    if (!run(exists))
        return 0;
    const qint64 wanted = linkedReviewId > 0 ? 2 : 1;
    if (!exists.next() || exists.value(0).toLongLong() != wanted) {
        fail(tr("The link was not added: the review no longer exists."));
        return 0;
    }
    exists.finish();
    QSqlQuery ins(m_db);
    ins.prepare(QStringLiteral("INSERT INTO review_links(review_id, linked_review_id, linked_title, "
                               "linked_year, note) VALUES (?, ?, ?, ?, ?) RETURNING id"));
    ins.addBindValue(reviewId);
    ins.addBindValue(linkedReviewId > 0 ? QVariant(linkedReviewId) : QVariant());
    ins.addBindValue(sqlText(linkedTitle.trimmed()));
    ins.addBindValue(year);
    ins.addBindValue(sqlText(note));
    if (!run(ins))
        return 0;
    const qint64 id = SqlDialect::insertedId(ins);
    if (!tx.commit()) {
        fail(tr("The link was not added: %1").arg(m_db.lastError().text()));
        return 0;
    }
    return id;
}

bool ReviewRepository::setLinkNote(qint64 linkId, const QString& note)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE review_links SET note = ? WHERE id = ?"));
    q.addBindValue(sqlText(note));
    q.addBindValue(linkId);
    return runOnOneRow(q, tr("The change was not saved: the link no longer exists."),
                       tr("The change was not saved: %1"));
}

bool ReviewRepository::removeLink(qint64 linkId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM review_links WHERE id = ?"));
    q.addBindValue(linkId);
    return runOnOneRow(q, tr("The link was not deleted: it no longer exists."),
                       tr("The link was not deleted: %1"));
}

} // namespace rt
