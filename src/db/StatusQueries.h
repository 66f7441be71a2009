#pragma once

#include <QDate>
#include <QSqlDatabase>
#include <QString>
#include <QVector>

namespace rt {

struct ReviewFigures
{
    qint64 reviewId = 0;
    QString reference;
    QString title;
    QString kind;      // short label: SCR, LCSPR, RR, S11, Audit
    QString year;      // "" when unknown
    QString published; // partial ISO, "" when unpublished
    int recommendations = 0;
    int actions = 0;
    int closed = 0; // actions complete or superseded
    int overdue = 0;
};

struct AgencyFigures
{
    qint64 agencyId = 0; // 0: actions with no agency
    QString agency;
    int overdue = 0;
    int red = 0;
    int amber = 0;
    int open = 0;
};

struct DatabaseFigures
{
    int schemaVersion = 0;
    int reviews = 0;
    int recommendations = 0; // every level; findings count as recommendations
    int actions = 0;
    int updates = 0;
    int agencies = 0;
    int s11Audits = 0;
    int s11Ratings = 0;
    QVector<ReviewFigures> byReview;
};

struct OverdueAction
{
    qint64 actionId = 0;
    QString review;
    QString recommendation;
    QString action;
    QString owner;
    QString target; // as written
    QDate due;
    QString status; // label of the normalised status
    QString statusText;
    QString rag; // label, empty when not rated
    int daysOverdue = 0;
};

// The read-only figures of the status views. The overdue rule lives in one
// place (overdueCondition): a dated target whose due day is before the as-of
// date, and a status that is not Complete or Superseded. Ongoing and undated
// actions are never overdue.
class StatusQueries
{
public:
    explicit StatusQueries(QSqlDatabase& db);

    // Not Complete and not Superseded: the actions every status figure is about.
    static QString openCondition(const QString& alias);
    // Per review: recommendations with actions, how many of them are
    // complete (all their actions closed) and their actions — the
    // completion rule of the dashboard and the status papers. SQL both
    // backends run; columns review_id, with actions, complete, actions.
    static QString completionByReviewSql();
    static QString overdueCondition(const QString& alias);

    bool figures(const QDate& asOf, DatabaseFigures* out);
    bool overdueActions(const QDate& asOf, QVector<OverdueAction>* out);
    int overdueCount(const QDate& asOf);
    bool byAgency(const QDate& asOf, QVector<AgencyFigures>* out);
    bool byReview(const QDate& asOf, QVector<ReviewFigures>* out);

    QString errorString() const { return m_error; }

private:
    int scalar(const QString& sql);

    QSqlDatabase& m_db;
    QString m_error;
};

} // namespace rt
