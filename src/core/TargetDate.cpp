#include "TargetDate.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::TargetDate", text);
}

bool plausibleYear(int year)
{
    return year >= 1900 && year <= 2200;
}

const QStringList& monthNames()
{
    static const QStringList names = {
        QStringLiteral("January"), QStringLiteral("February"), QStringLiteral("March"),
        QStringLiteral("April"),   QStringLiteral("May"),      QStringLiteral("June"),
        QStringLiteral("July"),    QStringLiteral("August"),   QStringLiteral("September"),
        QStringLiteral("October"), QStringLiteral("November"), QStringLiteral("December")};
    return names;
}

} // namespace

TargetDate TargetDate::day(const QDate& date)
{
    TargetDate t;
    if (date.isValid()) {
        t.m_precision = Precision::Day;
        t.m_date = date;
    }
    return t;
}

TargetDate TargetDate::month(int year, int month)
{
    TargetDate t;
    const QDate first(year, month, 1);
    if (first.isValid()) {
        t.m_precision = Precision::Month;
        t.m_date = first;
    }
    return t;
}

TargetDate TargetDate::year(int year)
{
    TargetDate t;
    const QDate first(year, 1, 1);
    if (first.isValid()) {
        t.m_precision = Precision::Year;
        t.m_date = first;
    }
    return t;
}

TargetDate TargetDate::ongoing()
{
    TargetDate t;
    t.m_precision = Precision::Ongoing;
    return t;
}

int TargetDate::monthFromName(const QString& name)
{
    static const QStringList full = {
        QStringLiteral("january"), QStringLiteral("february"), QStringLiteral("march"),
        QStringLiteral("april"),   QStringLiteral("may"),      QStringLiteral("june"),
        QStringLiteral("july"),    QStringLiteral("august"),   QStringLiteral("september"),
        QStringLiteral("october"), QStringLiteral("november"), QStringLiteral("december")};
    const QString n = name.toLower();
    if (n.size() < 3)
        return 0;
    if (n == QLatin1String("sept"))
        return 9;
    for (int i = 0; i < full.size(); ++i) {
        if (full.at(i) == n || (n.size() == 3 && full.at(i).startsWith(n)))
            return i + 1;
    }
    return 0;
}

bool TargetDate::parse(const QString& input, TargetDate* out, QString* error)
{
    auto fail = [&](const QString& why) {
        if (error)
            *error = why;
        return false;
    };

    QString text = input.simplified();
    // Plans write "By March 2024", "End of Dec 2024", "March 2024." — the
    // qualifier adds nothing to the due date.
    static const QRegularExpression prefix(QStringLiteral("^(by|by end of|end of|before)\\s+"),
                                           QRegularExpression::CaseInsensitiveOption);
    text.remove(prefix);
    while (text.endsWith(QLatin1Char('.')) || text.endsWith(QLatin1Char(',')))
        text.chop(1);

    if (text.isEmpty()) {
        *out = TargetDate();
        return true;
    }
    if (text.compare(QLatin1String("ongoing"), Qt::CaseInsensitive) == 0) {
        *out = ongoing();
        return true;
    }
    // "TBC": a target not set yet — no target, the words kept as written.
    static const QRegularExpression notSet(QStringLiteral("^(tbc|tba|tbd|to be (confirmed|agreed))$"),
                                           QRegularExpression::CaseInsensitiveOption);
    if (notSet.match(text).hasMatch()) {
        *out = TargetDate();
        return true;
    }

    // 31/03/2024, 31/3/24, 31.03.2024, 31-03-2024 — always day first (UK).
    static const QRegularExpression dmy(
        QStringLiteral("^(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{2}|\\d{4})$"));
    if (const auto m = dmy.match(text); m.hasMatch()) {
        int y = m.captured(3).toInt();
        if (m.captured(3).size() == 2)
            y += 2000;
        const QDate d(y, m.captured(2).toInt(), m.captured(1).toInt());
        if (!d.isValid())
            return fail(tr("“%1” is not a real date (day/month/year)").arg(input.trimmed()));
        // As for every other form: "31/03/0024" is a slip, not a target
        // (and no spreadsheet can hold a day before 1900).
        if (!plausibleYear(y))
            return fail(tr("%1 is not a plausible target year").arg(y));
        *out = day(d);
        return true;
    }
    // ISO forms: 2024-03-31 and 2024-03.
    static const QRegularExpression iso(QStringLiteral("^(\\d{4})-(\\d{1,2})(?:-(\\d{1,2}))?$"));
    if (const auto m = iso.match(text); m.hasMatch()) {
        const int y = m.captured(1).toInt();
        const int mo = m.captured(2).toInt();
        if (m.captured(3).isEmpty()) {
            if (mo < 1 || mo > 12 || !plausibleYear(y))
                return fail(tr("“%1” is not a real month").arg(input.trimmed()));
            *out = month(y, mo);
            return true;
        }
        const QDate d(y, mo, m.captured(3).toInt());
        if (!d.isValid() || !plausibleYear(y))
            return fail(tr("“%1” is not a real date").arg(input.trimmed()));
        *out = day(d);
        return true;
    }
    // 03/2024 — a month.
    static const QRegularExpression my(QStringLiteral("^(\\d{1,2})/(\\d{4})$"));
    if (const auto m = my.match(text); m.hasMatch()) {
        const int mo = m.captured(1).toInt();
        const int y = m.captured(2).toInt();
        if (mo < 1 || mo > 12 || !plausibleYear(y))
            return fail(tr("“%1” is not a real month").arg(input.trimmed()));
        *out = month(y, mo);
        return true;
    }
    // 2024
    static const QRegularExpression yearOnly(QStringLiteral("^(\\d{4})$"));
    if (const auto m = yearOnly.match(text); m.hasMatch()) {
        const int y = m.captured(1).toInt();
        if (!plausibleYear(y))
            return fail(tr("%1 is not a plausible target year").arg(y));
        *out = year(y);
        return true;
    }
    // March 2024, Dec 2024, Sept 24, 31 March 2024, 31st March 2024, and
    // Mar-24 / 31-Mar-2024 as Excel shows its "mmm-yy" and "d-mmm-yy" dates.
    static const QRegularExpression named(
        QStringLiteral("^(?:(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+|-))?([A-Za-z]+)(?:\\s+|-)'?(\\d{2}|\\d{4})$"));
    if (const auto m = named.match(text); m.hasMatch()) {
        const int mo = monthFromName(m.captured(2));
        if (mo == 0)
            return fail(tr("“%1” is not a month name").arg(m.captured(2)));
        int y = m.captured(3).toInt();
        if (m.captured(3).size() == 2)
            y += 2000;
        if (!plausibleYear(y))
            return fail(tr("%1 is not a plausible target year").arg(y));
        if (m.captured(1).isEmpty()) {
            *out = month(y, mo);
            return true;
        }
        const QDate d(y, mo, m.captured(1).toInt());
        if (!d.isValid())
            return fail(tr("“%1” is not a real date").arg(input.trimmed()));
        *out = day(d);
        return true;
    }
    return fail(tr("“%1” is not a date form Review Tracker knows: write 31/03/2024, March 2024, 2024 or "
                   "Ongoing")
                    .arg(input.trimmed()));
}

TargetDate TargetDate::fromStorage(const QString& precision, const QString& isoDate)
{
    const Precision p = precisionFromCode(precision);
    const QDate d = QDate::fromString(isoDate, Qt::ISODate);
    switch (p) {
    case Precision::Day:
        return day(d);
    case Precision::Month:
        return d.isValid() ? month(d.year(), d.month()) : TargetDate();
    case Precision::Year:
        return d.isValid() ? year(d.year()) : TargetDate();
    case Precision::Ongoing:
        return ongoing();
    case Precision::None:
        break;
    }
    return TargetDate();
}

bool TargetDate::isDated() const
{
    return m_precision == Precision::Day || m_precision == Precision::Month || m_precision == Precision::Year;
}

QDate TargetDate::due() const
{
    switch (m_precision) {
    case Precision::Day:
        return m_date;
    case Precision::Month:
        return QDate(m_date.year(), m_date.month(), m_date.daysInMonth());
    case Precision::Year:
        return QDate(m_date.year(), 12, 31);
    case Precision::Ongoing:
    case Precision::None:
        break;
    }
    return QDate();
}

bool TargetDate::isOverdue(const QDate& asOf) const
{
    return isDated() && due() < asOf;
}

QString TargetDate::toDisplayString() const
{
    switch (m_precision) {
    case Precision::Day:
        return m_date.toString(QStringLiteral("dd/MM/yyyy"));
    case Precision::Month:
        return monthNames().at(m_date.month() - 1) + QLatin1Char(' ') + QString::number(m_date.year());
    case Precision::Year:
        return QString::number(m_date.year());
    case Precision::Ongoing:
        return tr("Ongoing");
    case Precision::None:
        break;
    }
    return QString();
}

QString TargetDate::describe() const
{
    const QString due = this->due().toString(QStringLiteral("dd/MM/yyyy"));
    switch (m_precision) {
    case Precision::Day:
        return tr("Day — due %1").arg(due);
    case Precision::Month:
        return tr("Month — due %1 (end of month)").arg(due);
    case Precision::Year:
        return tr("Year — due %1 (end of year)").arg(due);
    case Precision::Ongoing:
        return tr("Ongoing — never overdue, listed for periodic review");
    case Precision::None:
        break;
    }
    return tr("No target date");
}

QString TargetDate::precisionCode() const
{
    switch (m_precision) {
    case Precision::Day:
        return QStringLiteral("day");
    case Precision::Month:
        return QStringLiteral("month");
    case Precision::Year:
        return QStringLiteral("year");
    case Precision::Ongoing:
        return QStringLiteral("ongoing");
    case Precision::None:
        break;
    }
    return QStringLiteral("none");
}

TargetDate::Precision TargetDate::precisionFromCode(const QString& code)
{
    if (code == QLatin1String("day"))
        return Precision::Day;
    if (code == QLatin1String("month"))
        return Precision::Month;
    if (code == QLatin1String("year"))
        return Precision::Year;
    if (code == QLatin1String("ongoing"))
        return Precision::Ongoing;
    return Precision::None;
}

} // namespace rt
