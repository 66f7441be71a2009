#pragma once

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace rt {

// Which actions a list shows. Every part is optional; the parts combine with
// AND, and the values inside one part with OR ("Red or Amber, and overdue, and
// owned by the Constabulary"). Closed sets hold storage codes (status
// "in_progress", RAG "red", kind "lcspr", decision "agreed"); an empty string
// in rags or decisions means "not given". The dashboard builds these for its
// counts, the filter bar edits them, and saved filters store them as JSON.
struct ActionFilter
{
    QList<qint64> reviewIds;
    QStringList kinds;       // review kind codes
    QList<qint64> agencyIds; // 0: actions with no agency
    QStringList owners;      // owner names, matched against action_owners
    QStringList statuses;    // status codes
    QStringList rags;        // RAG codes; "" = not rated
    QStringList themes;      // theme names of the action's recommendation
    QStringList decisions;   // decision codes; "" = no decision recorded
    QDate targetFrom;        // due day of the original target, inclusive
    QDate targetTo;

    // Flags read as of asOf, with the dashboard's thresholds.
    bool openOnly = false; // not Complete, not Superseded
    bool overdue = false;  // original target passed, open
    bool dueSoon = false;  // original target within dueSoonDays of asOf, open
    bool stale = false;    // open, no update for staleDays (or never)
    bool noTarget = false; // open, Ongoing or no target
    bool revised = false;  // has a revised target
    QDate asOf;            // invalid: today
    int staleDays = 90;
    int dueSoonDays = 30;

    // Free text over every text field (full-text index, word prefixes).
    QString text;

    bool isEmpty() const;
    bool operator==(const ActionFilter& other) const;
    bool operator!=(const ActionFilter& other) const { return !(*this == other); }

    QJsonObject toJson() const;
    // Unknown keys are ignored; a value of the wrong type is an error naming
    // the key, and the result is then empty.
    static ActionFilter fromJson(const QJsonObject& json, QString* error = nullptr);

    // The as-of date the flags use: asOf, or today when unset.
    QDate effectiveAsOf() const { return asOf.isValid() ? asOf : QDate::currentDate(); }
};

} // namespace rt
