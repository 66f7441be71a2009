#pragma once

#include <QDate>
#include <QString>

namespace rt {

// A date as precise as a document gives it: "2019", "2019-05" or "2020-06-18".
// Used for review, plan version and update dates, stored as that ISO text.
class PartialDate
{
public:
    static bool isValidIso(const QString& iso);
    // UK display: 18/06/2020, June 2020, 2019.
    static QString toDisplayString(const QString& iso);
    // The first day the date could mean, for ordering and "days since".
    static QDate earliest(const QString& iso);
};

} // namespace rt
