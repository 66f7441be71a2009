#pragma once

#include "Repository.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVector>

namespace rt {

struct S11AuditRow
{
    qint64 auditId = 0;
    qint64 reviewId = 0;
    int year = 0;
    QString title; // the review's title
    QString panel; // one member a line
};

struct S11StandardRow
{
    qint64 id = 0;
    int number = 0;
    QString title;
    QString partnershipRag; // rag code: "", red, amber, green, blue
    QString comment;        // the report's bullets, "- " a line
};

struct S11ThemeRow
{
    qint64 id = 0;
    QString title;
    QString rag; // rag code
    QString comment;
};

struct S11AgencyRow
{
    qint64 id = 0; // agencies.id: the same agency in every audit
    QString name;
    QString shortName; // the name when the agency has no short name
    QString note;
};

struct S11RatingRow
{
    qint64 id = 0;
    qint64 agencyId = 0;
    qint64 standardId = 0;
    int standardNumber = 0;
    QString rating;     // s11 code: good, good_aif, requires_improvement, inadequate, unable
    QString ratingText; // the panel's own wording, exactly as the report gives it
    QStringList comments;
    int version = 0;
};

// How one agency's rating of one standard moved from the other audit to this one.
enum class S11Trend
{
    Better,
    Same,
    Worse,
    NotComparable // either side unrated or "unable to rate", or no such standard/agency there
};

struct S11ComparisonCell
{
    qint64 agencyId = 0;
    qint64 standardId = 0;      // this audit's standard
    qint64 otherStandardId = 0; // 0: no matching standard in the other audit
    QString rating, ratingText; // this audit's cell ("" when empty)
    QString otherRating, otherRatingText;
    S11Trend trend = S11Trend::NotComparable;
};

// Reads and edits one Section 11 audit: its standards, themes, agencies and
// the panel's rating of each agency against each standard. Every write is one
// transaction, validated first; a refusal says which agency and standard it
// was about, and leaves the database as it was.
class Section11Repository : public Repository
{
public:
    explicit Section11Repository(QSqlDatabase& db);

    QVector<S11AuditRow> audits(); // by year, then title
    bool audit(qint64 auditId, S11AuditRow* out);
    qint64 auditIdForReview(qint64 reviewId);          // 0 when the review has no audit
    QVector<S11StandardRow> standards(qint64 auditId); // by number
    QVector<S11ThemeRow> themes(qint64 auditId);       // in the report's order
    QVector<S11AgencyRow> agencies(qint64 auditId);    // in the report's order
    QVector<S11RatingRow> ratings(qint64 auditId);     // only the cells that hold a rating
    bool rating(qint64 auditId, qint64 agencyId, qint64 standardId, S11RatingRow* out);

    // A standard of another audit is the same standard when its title is the
    // same once case, spacing, "&"/"and" and end punctuation are set aside.
    // Numbers are not used: each audit numbers the standards it chose 1..n,
    // so "standard 2" of two years can be different standards, and comparing
    // them would mislead the panel.
    static QString standardKey(const QString& title);

    // Every agency × standard cell of auditId against otherAuditId. Agencies
    // match by identity (agencies.id); standards by standardKey(); the trend
    // compares s11::rank, and "unable to rate" is never comparable.
    QVector<S11ComparisonCell> compare(qint64 auditId, qint64 otherAuditId);

    // code: a rating code (or its label). When the code changes, the wording
    // becomes wording if given, otherwise the rating's standard label; when
    // the code stays, the panel's wording is kept unless wording is given.
    bool setRating(qint64 auditId, qint64 agencyId, qint64 standardId, const QString& code,
                   const QString& wording = QString());
    // Blank wording falls back to the rating's standard label, so a cell never
    // shows nothing while it holds a rating.
    bool setWording(qint64 auditId, qint64 agencyId, qint64 standardId, const QString& wording);
    // One bullet an entry: trimmed, leading "•", "-" or "*" marks dropped,
    // line breaks inside a bullet joined, empty bullets left out.
    bool setComments(qint64 auditId, qint64 agencyId, qint64 standardId, const QStringList& bullets);
    // A rating for a cell that has none; returns its id, 0 when refused.
    qint64 createRating(qint64 auditId, qint64 agencyId, qint64 standardId, const QString& code,
                        const QString& wording = QString(), const QStringList& bullets = QStringList());
    bool clearRating(qint64 auditId, qint64 agencyId, qint64 standardId);

    // rag: a rag code or word ("Green"); blank for none.
    bool setStandardRag(qint64 standardId, const QString& rag);
    bool setStandardComment(qint64 standardId, const QString& comment);
    bool setThemeRag(qint64 themeId, const QString& rag);
    bool setThemeComment(qint64 themeId, const QString& comment);

    // The next audit, made from this one: a new Section 11 review for year
    // with the same standards (number and title) and the same agencies, and
    // no ratings yet, so the panel fills in the new year and compares it with
    // the last. Refused when an audit of that year already exists. Returns
    // the new review's id, 0 when refused.
    qint64 createNextAudit(qint64 fromAuditId, int year);

    static QStringList cleanBullets(const QStringList& bullets);

private:
    struct Cell
    {
        QString agency;   // short name, for messages
        QString standard; // "standard 2 (Staff safe recruitment…)"
        qint64 ratingId = 0;
        QString rating, ratingText, comments;
    };
    // Checks the agency and standard belong to the audit; fills in names and
    // the stored rating, if any.
    bool locate(qint64 auditId, qint64 agencyId, qint64 standardId, Cell* out);
    bool parseRating(const Cell& cell, const QString& code, QString* out);
    bool updateRating(const Cell& cell, const QString& rating, const QString& text, const QString& comments);
    bool setJudgement(const QString& table, const QString& column, qint64 id, const QVariant& value,
                      const QString& missing);
};

} // namespace rt
