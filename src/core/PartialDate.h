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
    // Reads a date as people type it in the UK: "18/06/2020" (always day
    // first; also 18/6/2020, 18-06-2020), "June 2020", "Jun 2020", "2020", or
    // ISO "2020-06-18" / "2020-06". Sets *iso to the ISO text at the precision
    // written; a blank text is valid and gives an empty *iso. Returns false
    // with a reason in *error for anything else.
    static bool parse(const QString& text, QString* iso, QString* error = nullptr);
    // UK display: 18/06/2020, June 2020, 2019.
    static QString toDisplayString(const QString& iso);
    // A whole day the UK way, 18/06/2020; "" for an invalid date.
    static QString dayString(const QDate& date);
    // A logged moment (the change history's UTC ISO date-time) as a person
    // reads it: local time, 21/11/2026 14:05; any other text as it is.
    static QString momentString(const QString& utcIso);
    // The first day the date could mean, for ordering and "days since".
    static QDate earliest(const QString& iso);
};

} // namespace rt
