#pragma once

#include "core/Dashboard.h"
#include "core/TargetDate.h"

#include <QSqlDatabase>
#include <QString>
#include <QVector>

namespace rt {

// One action as the dashboard and meeting lists show it.
struct DashboardActionRow
{
    qint64 id = 0;
    qint64 reviewId = 0;
    QString review;
    QString recommendationNumber;
    QString number;
    QString text;
    QString owner;
    QString agency;
    QString agencyShort;
    QString targetText;
    TargetDate target;
    QString revisedTargetText;
    TargetDate revisedTarget;
    QString status; // label
    QString rag;    // code, "" when not rated
    QString latestUpdate;
    QString latestUpdateDate; // partial ISO, "" when undated
};

// The reads behind the dashboard: the snapshot every figure is recounted
// from, and the rows of the actions a list shows.
class DashboardQueries
{
public:
    explicit DashboardQueries(QSqlDatabase& db);

    bool load(DashboardSnapshot* out);
    // The actions of ids, in that order; ids not found are left out.
    bool actionRows(const QVector<qint64>& ids, QVector<DashboardActionRow>* out);

    QString errorString() const { return m_error; }

private:
    bool exec(class QSqlQuery& q, const QString& sql);

    QSqlDatabase& m_db;
    QString m_error;
};

} // namespace rt
