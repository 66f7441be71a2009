#pragma once

#include <QDate>
#include <QString>

namespace rt {

// A target date as the plan wrote it. Plans say "March 2024", "2024", "31/03/2024"
// or "Ongoing"; the precision is kept so a month target is due at the end of the
// month, and so the date is shown back the way it was written.
class TargetDate
{
public:
    enum class Precision
    {
        None,
        Day,
        Month,
        Year,
        Ongoing
    };

    TargetDate() = default;
    static TargetDate day(const QDate& date);
    static TargetDate month(int year, int month);
    static TargetDate year(int year);
    static TargetDate ongoing();

    // Reads a written target. Returns false and sets *error for a form it does
    // not know; an empty text is a valid "no target".
    static bool parse(const QString& text, TargetDate* out, QString* error = nullptr);
    // 1–12 for a month name or an abbreviation plans use ("Dec", "Sept"); 0 otherwise.
    static int monthFromName(const QString& name);
    static TargetDate fromStorage(const QString& precision, const QString& isoDate);

    Precision precision() const { return m_precision; }
    bool isSet() const { return m_precision != Precision::None; }
    bool isDated() const;

    // The last day the target allows: the day itself, the end of the month or
    // 31 December. Invalid for Ongoing and None, which are never overdue.
    QDate due() const;
    bool isOverdue(const QDate& asOf) const;

    // UK form: 31/03/2024, March 2024, 2024, Ongoing.
    QString toDisplayString() const;
    // How the text was read, for the editor: "Month — due 31/03/2024".
    QString describe() const;

    QString precisionCode() const;
    static Precision precisionFromCode(const QString& code);

    bool operator==(const TargetDate& other) const
    {
        return m_precision == other.m_precision && m_date == other.m_date;
    }

private:
    Precision m_precision = Precision::None;
    QDate m_date; // first day of the period for Month and Year
};

} // namespace rt
