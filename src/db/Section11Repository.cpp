#include "Section11Repository.h"

#include "SqlDialect.h"
#include "Transaction.h"
#include "core/Vocabulary.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::Section11Repository", text);
}

constexpr S11Rating kAllRatings[] = {S11Rating::Good, S11Rating::GoodWithAreasForImprovement,
                                     S11Rating::RequiresImprovement, S11Rating::Inadequate,
                                     S11Rating::Unable};

// A code as stored, or the label as the scale names it (any capitals), so a
// caller that only has the words still gets the right code.
bool ratingFrom(const QString& text, S11Rating* out)
{
    const QString t = text.trimmed();
    if (s11::fromCode(t, out))
        return true;
    for (S11Rating r : kAllRatings) {
        if (t.compare(s11::label(r), Qt::CaseInsensitive) == 0) {
            *out = r;
            return true;
        }
    }
    return false;
}

QString labelOf(const QString& code)
{
    S11Rating r;
    return s11::fromCode(code, &r) ? s11::label(r) : code;
}

int rankOf(const QString& code)
{
    S11Rating r;
    return s11::fromCode(code, &r) ? s11::rank(r) : 0;
}

QStringList splitComments(const QString& stored)
{
    QStringList out;
    const QStringList lines = stored.split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        if (!line.trimmed().isEmpty())
            out << line.trimmed();
    }
    return out;
}

} // namespace

Section11Repository::Section11Repository(QSqlDatabase& db) : Repository(db) {}

QVector<S11AuditRow> Section11Repository::audits()
{
    QVector<S11AuditRow> rows;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT a.id, a.review_id, a.year, r.title, a.panel FROM s11_audits a "
                             "JOIN reviews r ON r.id = a.review_id ORDER BY a.year, r.title, a.id"));
    if (!run(q))
        return rows;
    while (q.next())
        rows.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toInt(),
                     q.value(3).toString(), q.value(4).toString()});
    return rows;
}

bool Section11Repository::audit(qint64 auditId, S11AuditRow* out)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT a.id, a.review_id, a.year, r.title, a.panel FROM s11_audits a "
                             "JOIN reviews r ON r.id = a.review_id WHERE a.id = ?"));
    q.addBindValue(auditId);
    if (!run(q))
        return false;
    if (!q.next())
        return fail(tr("That Section 11 audit no longer exists."));
    *out = {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toInt(), q.value(3).toString(),
            q.value(4).toString()};
    return true;
}

qint64 Section11Repository::auditIdForReview(qint64 reviewId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM s11_audits WHERE review_id = ?"));
    q.addBindValue(reviewId);
    if (!run(q) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

QVector<S11StandardRow> Section11Repository::standards(qint64 auditId)
{
    QVector<S11StandardRow> rows;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, number, title, partnership_rag, comment FROM s11_standards "
                             "WHERE audit_id = ? ORDER BY number, id"));
    q.addBindValue(auditId);
    if (!run(q))
        return rows;
    while (q.next())
        rows.append({q.value(0).toLongLong(), q.value(1).toInt(), q.value(2).toString(),
                     q.value(3).toString(), q.value(4).toString()});
    return rows;
}

QVector<S11ThemeRow> Section11Repository::themes(qint64 auditId)
{
    QVector<S11ThemeRow> rows;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, title, rag, comment FROM s11_themes WHERE audit_id = ? "
                             "ORDER BY position, id"));
    q.addBindValue(auditId);
    if (!run(q))
        return rows;
    while (q.next())
        rows.append(
            {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()});
    return rows;
}

QVector<S11AgencyRow> Section11Repository::agencies(qint64 auditId)
{
    QVector<S11AgencyRow> rows;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT g.id, g.name, g.short_name, sa.note FROM s11_agencies sa "
                             "JOIN agencies g ON g.id = sa.agency_id WHERE sa.audit_id = ? "
                             "ORDER BY sa.position, g.name"));
    q.addBindValue(auditId);
    if (!run(q))
        return rows;
    while (q.next()) {
        S11AgencyRow a{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString().trimmed(),
                       q.value(3).toString()};
        if (a.shortName.isEmpty())
            a.shortName = a.name;
        rows.append(a);
    }
    return rows;
}

QVector<S11RatingRow> Section11Repository::ratings(qint64 auditId)
{
    QVector<S11RatingRow> rows;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT r.id, r.agency_id, r.standard_id, s.number, r.rating, r.rating_text, "
                             "r.comments, r.version FROM s11_ratings r "
                             "JOIN s11_standards s ON s.id = r.standard_id WHERE r.audit_id = ? "
                             "ORDER BY r.agency_id, s.number"));
    q.addBindValue(auditId);
    if (!run(q))
        return rows;
    while (q.next())
        rows.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                     q.value(3).toInt(), q.value(4).toString(), q.value(5).toString(),
                     splitComments(q.value(6).toString()), q.value(7).toInt()});
    return rows;
}

bool Section11Repository::rating(qint64 auditId, qint64 agencyId, qint64 standardId, S11RatingRow* out)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT r.id, r.agency_id, r.standard_id, s.number, r.rating, r.rating_text, "
                             "r.comments, r.version FROM s11_ratings r "
                             "JOIN s11_standards s ON s.id = r.standard_id "
                             "WHERE r.audit_id = ? AND r.agency_id = ? AND r.standard_id = ?"));
    q.addBindValue(auditId);
    q.addBindValue(agencyId);
    q.addBindValue(standardId);
    if (!run(q) || !q.next())
        return false;
    *out = {q.value(0).toLongLong(),
            q.value(1).toLongLong(),
            q.value(2).toLongLong(),
            q.value(3).toInt(),
            q.value(4).toString(),
            q.value(5).toString(),
            splitComments(q.value(6).toString()),
            q.value(7).toInt()};
    return true;
}

QString Section11Repository::standardKey(const QString& title)
{
    QString k = title.toLower();
    k.replace(QLatin1Char('&'), QStringLiteral(" and "));
    static const QRegularExpression endPunctuation(QStringLiteral("[\\s.:;,]+$"));
    k.remove(endPunctuation);
    return k.simplified();
}

QVector<S11ComparisonCell> Section11Repository::compare(qint64 auditId, qint64 otherAuditId)
{
    QVector<S11ComparisonCell> cells;
    const QVector<S11StandardRow> mine = standards(auditId);
    const QVector<S11StandardRow> theirs = standards(otherAuditId);
    const QVector<S11AgencyRow> agencyRows = agencies(auditId);

    QHash<QString, qint64> theirByKey;
    for (const S11StandardRow& s : theirs)
        theirByKey.insert(standardKey(s.title), s.id);
    QHash<QPair<qint64, qint64>, S11RatingRow> mineRated, theirRated;
    for (const S11RatingRow& r : ratings(auditId))
        mineRated.insert({r.agencyId, r.standardId}, r);
    for (const S11RatingRow& r : ratings(otherAuditId))
        theirRated.insert({r.agencyId, r.standardId}, r);

    for (const S11AgencyRow& a : agencyRows) {
        for (const S11StandardRow& s : mine) {
            S11ComparisonCell c;
            c.agencyId = a.id;
            c.standardId = s.id;
            c.otherStandardId = theirByKey.value(standardKey(s.title));
            const auto m = mineRated.constFind({a.id, s.id});
            if (m != mineRated.constEnd()) {
                c.rating = m->rating;
                c.ratingText = m->ratingText;
            }
            const auto t = theirRated.constFind({a.id, c.otherStandardId});
            if (c.otherStandardId != 0 && t != theirRated.constEnd()) {
                c.otherRating = t->rating;
                c.otherRatingText = t->ratingText;
            }
            const int now = rankOf(c.rating);
            const int before = rankOf(c.otherRating);
            // Rank 0 is "unable to rate" or no rating: nothing to weigh.
            if (now > 0 && before > 0)
                c.trend = now < before ? S11Trend::Better : now > before ? S11Trend::Worse : S11Trend::Same;
            cells.append(c);
        }
    }
    return cells;
}

bool Section11Repository::locate(qint64 auditId, qint64 agencyId, qint64 standardId, Cell* out)
{
    QSqlQuery a(m_db);
    a.prepare(QStringLiteral("SELECT g.name, g.short_name FROM s11_agencies sa JOIN agencies g ON g.id = "
                             "sa.agency_id WHERE sa.audit_id = ? AND sa.agency_id = ?"));
    a.addBindValue(auditId);
    a.addBindValue(agencyId);
    if (!run(a))
        return false;
    if (!a.next())
        return fail(tr("The change was not saved: that agency is not part of this Section 11 audit."));
    out->agency = a.value(1).toString().trimmed().isEmpty() ? a.value(0).toString() : a.value(1).toString();

    QSqlQuery s(m_db);
    s.prepare(QStringLiteral("SELECT number, title FROM s11_standards WHERE id = ? AND audit_id = ?"));
    s.addBindValue(standardId);
    s.addBindValue(auditId);
    if (!run(s))
        return false;
    if (!s.next())
        return fail(tr("The change was not saved for %1: that standard is not part of this Section 11 audit.")
                        .arg(out->agency));
    out->standard = tr("standard %1 (%2)").arg(s.value(0).toInt()).arg(s.value(1).toString());

    QSqlQuery r(m_db);
    r.prepare(QStringLiteral("SELECT id, rating, rating_text, comments FROM s11_ratings "
                             "WHERE audit_id = ? AND agency_id = ? AND standard_id = ?"));
    r.addBindValue(auditId);
    r.addBindValue(agencyId);
    r.addBindValue(standardId);
    if (!run(r))
        return false;
    if (r.next()) {
        out->ratingId = r.value(0).toLongLong();
        out->rating = r.value(1).toString();
        out->ratingText = r.value(2).toString();
        out->comments = r.value(3).toString();
    }
    return true;
}

bool Section11Repository::parseRating(const Cell& cell, const QString& code, QString* out)
{
    S11Rating r;
    if (!ratingFrom(code, &r))
        return fail(tr("%1, %2: “%3” is not a Section 11 rating. Choose Good, Good with areas for "
                       "improvement, Requires improvement, Inadequate or Unable to rate.")
                        .arg(cell.agency, cell.standard, code.trimmed()));
    *out = s11::code(r);
    return true;
}

bool Section11Repository::updateRating(const Cell& cell, const QString& rating, const QString& text,
                                       const QString& comments)
{
    if (rating == cell.rating && text == cell.ratingText && comments == cell.comments)
        return true; // nothing changed: no write, no new version
    Transaction tx(m_db);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE s11_ratings SET rating = ?, rating_text = ?, comments = ?, "
                             "version = version + 1 WHERE id = ?"));
    q.addBindValue(rating);
    q.addBindValue(sqlText(text));
    q.addBindValue(sqlText(comments));
    q.addBindValue(cell.ratingId);
    if (!run(q))
        return false;
    if (q.numRowsAffected() != 1)
        return fail(tr("%1, %2: the change was not saved: the rating no longer exists.")
                        .arg(cell.agency, cell.standard));
    if (!tx.commit())
        return fail(tr("%1, %2: the change was not saved: %3")
                        .arg(cell.agency, cell.standard, m_db.lastError().text()));
    return true;
}

bool Section11Repository::setRating(qint64 auditId, qint64 agencyId, qint64 standardId, const QString& code,
                                    const QString& wording)
{
    Cell cell;
    if (!locate(auditId, agencyId, standardId, &cell))
        return false;
    QString rating;
    if (!parseRating(cell, code, &rating))
        return false;
    if (cell.ratingId == 0)
        return fail(tr("%1, %2: there is no rating to change yet.").arg(cell.agency, cell.standard));
    QString text = cell.ratingText;
    if (!wording.trimmed().isEmpty())
        text = wording.trimmed();
    else if (rating != cell.rating)
        text = labelOf(rating); // the panel's words described the old rating, not this one
    return updateRating(cell, rating, text, cell.comments);
}

bool Section11Repository::setWording(qint64 auditId, qint64 agencyId, qint64 standardId,
                                     const QString& wording)
{
    Cell cell;
    if (!locate(auditId, agencyId, standardId, &cell))
        return false;
    if (cell.ratingId == 0)
        return fail(tr("%1, %2: choose a rating before writing the panel's wording.")
                        .arg(cell.agency, cell.standard));
    const QString text = wording.trimmed().isEmpty() ? labelOf(cell.rating) : wording.trimmed();
    return updateRating(cell, cell.rating, text, cell.comments);
}

bool Section11Repository::setComments(qint64 auditId, qint64 agencyId, qint64 standardId,
                                      const QStringList& bullets)
{
    Cell cell;
    if (!locate(auditId, agencyId, standardId, &cell))
        return false;
    if (cell.ratingId == 0)
        return fail(tr("%1, %2: choose a rating before adding comments.").arg(cell.agency, cell.standard));
    return updateRating(cell, cell.rating, cell.ratingText, cleanBullets(bullets).join(QLatin1Char('\n')));
}

qint64 Section11Repository::createRating(qint64 auditId, qint64 agencyId, qint64 standardId,
                                         const QString& code, const QString& wording,
                                         const QStringList& bullets)
{
    Cell cell;
    if (!locate(auditId, agencyId, standardId, &cell))
        return 0;
    QString rating;
    if (!parseRating(cell, code, &rating))
        return 0;
    if (cell.ratingId != 0) {
        fail(tr("%1, %2 already has a rating: change it rather than adding another.")
                 .arg(cell.agency, cell.standard));
        return 0;
    }
    const QString text = wording.trimmed().isEmpty() ? labelOf(rating) : wording.trimmed();
    Transaction tx(m_db);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO s11_ratings(audit_id, agency_id, standard_id, rating, rating_text, "
                             "comments) VALUES (?,?,?,?,?,?) RETURNING id"));
    q.addBindValue(auditId);
    q.addBindValue(agencyId);
    q.addBindValue(standardId);
    q.addBindValue(rating);
    q.addBindValue(text);
    q.addBindValue(sqlText(cleanBullets(bullets).join(QLatin1Char('\n'))));
    if (!run(q))
        return 0;
    const qint64 id = SqlDialect::insertedId(q);
    if (!tx.commit()) {
        fail(tr("%1, %2: the rating was not added: %3")
                 .arg(cell.agency, cell.standard, m_db.lastError().text()));
        return 0;
    }
    return id;
}

bool Section11Repository::clearRating(qint64 auditId, qint64 agencyId, qint64 standardId)
{
    Cell cell;
    if (!locate(auditId, agencyId, standardId, &cell))
        return false;
    if (cell.ratingId == 0)
        return fail(tr("%1, %2 has no rating to clear.").arg(cell.agency, cell.standard));
    Transaction tx(m_db);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM s11_ratings WHERE id = ?"));
    q.addBindValue(cell.ratingId);
    if (!run(q))
        return false;
    if (!tx.commit())
        return fail(tr("%1, %2: the rating was not cleared: %3")
                        .arg(cell.agency, cell.standard, m_db.lastError().text()));
    return true;
}

bool Section11Repository::setJudgement(const QString& table, const QString& column, qint64 id,
                                       const QVariant& value, const QString& missing)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE %1 SET %2 = ? WHERE id = ?").arg(table, column));
    q.addBindValue(value);
    q.addBindValue(id);
    return runOnOneRow(q, missing, tr("The change was not saved: %1"));
}

bool Section11Repository::setStandardRag(qint64 standardId, const QString& rag)
{
    Rag r;
    if (!parseRag(rag, &r))
        return false;
    const QString code = rag::code(r);
    return setJudgement(QStringLiteral("s11_standards"), QStringLiteral("partnership_rag"), standardId,
                        sqlText(code), tr("The change was not saved: the standard no longer exists."));
}

bool Section11Repository::setStandardComment(qint64 standardId, const QString& comment)
{
    return setJudgement(QStringLiteral("s11_standards"), QStringLiteral("comment"), standardId,
                        sqlText(comment.trimmed()),
                        tr("The change was not saved: the standard no longer exists."));
}

bool Section11Repository::setThemeRag(qint64 themeId, const QString& rag)
{
    Rag r;
    if (!parseRag(rag, &r))
        return false;
    const QString code = rag::code(r);
    return setJudgement(QStringLiteral("s11_themes"), QStringLiteral("rag"), themeId, sqlText(code),
                        tr("The change was not saved: the theme no longer exists."));
}

bool Section11Repository::setThemeComment(qint64 themeId, const QString& comment)
{
    return setJudgement(QStringLiteral("s11_themes"), QStringLiteral("comment"), themeId,
                        sqlText(comment.trimmed()),
                        tr("The change was not saved: the theme no longer exists."));
}

QStringList Section11Repository::cleanBullets(const QStringList& bullets)
{
    // Bullets pasted from the report keep their marks; the grid draws its own.
    static const QRegularExpression mark(QStringLiteral("^(?:•\\s*|[-*–·]\\s+)+"));
    QStringList out;
    for (const QString& b : bullets) {
        QString t = b.simplified(); // a line break inside a bullet would split it on reading
        t.remove(mark);
        t = t.trimmed();
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

qint64 Section11Repository::createNextAudit(qint64 fromAuditId, int year)
{
    if (year < 1990 || year > 2100) {
        fail(tr("The audit's year must be between 1990 and 2100, not %1.").arg(year));
        return 0;
    }
    S11AuditRow from;
    if (!audit(fromAuditId, &from)) {
        fail(tr("There is no such Section 11 audit to start from."));
        return 0;
    }
    for (const S11AuditRow& a : audits()) {
        if (a.year == year) {
            fail(tr("There is already a Section 11 audit for %1: “%2”.").arg(year).arg(a.title));
            return 0;
        }
    }
    Transaction tx(m_db);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO reviews(kind, title, year, body, position) VALUES ('s11', ?, ?, "
                             "(SELECT body FROM reviews WHERE id = ?), "
                             "(SELECT coalesce(max(position), 0) + 1 FROM reviews)) RETURNING id"));
    q.addBindValue(tr("Section 11 audit %1").arg(year));
    q.addBindValue(year);
    q.addBindValue(from.reviewId);
    if (!run(q))
        return 0;
    const qint64 reviewId = SqlDialect::insertedId(q);
    q.prepare(QStringLiteral("INSERT INTO s11_audits(review_id, year) VALUES (?, ?) RETURNING id"));
    q.addBindValue(reviewId);
    q.addBindValue(year);
    if (!run(q))
        return 0;
    const qint64 auditId = SqlDialect::insertedId(q);
    q.prepare(
        QStringLiteral("INSERT INTO s11_standards(audit_id, number, title) "
                       "SELECT ?, number, title FROM s11_standards WHERE audit_id = ? ORDER BY number"));
    q.addBindValue(auditId);
    q.addBindValue(fromAuditId);
    if (!run(q))
        return 0;
    q.prepare(QStringLiteral("INSERT INTO s11_agencies(audit_id, agency_id, position) "
                             "SELECT ?, agency_id, position FROM s11_agencies WHERE audit_id = ?"));
    q.addBindValue(auditId);
    q.addBindValue(fromAuditId);
    if (!run(q))
        return 0;
    if (!tx.commit()) {
        fail(tr("The audit was not added: %1").arg(m_db.lastError().text()));
        return 0;
    }
    return reviewId;
}

} // namespace rt
