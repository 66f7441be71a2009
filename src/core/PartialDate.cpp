#include "PartialDate.h"

#include "TargetDate.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>
#include <QStringList>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::PartialDate", text);
}

// Review, plan and update dates are recent history; a year outside this is a typing slip.
bool plausibleYear(int year)
{
    return year >= 1900 && year <= 2100;
}

} // namespace

bool PartialDate::parse(const QString& text, QString* iso, QString* error)
{
    const QString t = text.simplified();
    auto fail = [&](const char* why) {
        if (error)
            *error = tr(why).arg(text.trimmed());
        return false;
    };
    const char* notADate =
        QT_TRANSLATE_NOOP("rt::PartialDate", "“%1” is not a date: write 18/06/2020, June 2020 or 2020.");
    const char* notReal =
        QT_TRANSLATE_NOOP("rt::PartialDate", "“%1” is not a real date: write 18/06/2020, June 2020 or 2020.");
    const char* outOfRange = QT_TRANSLATE_NOOP(
        "rt::PartialDate", "“%1” is not between 1900 and 2100: write 18/06/2020, June 2020 or 2020.");

    if (t.isEmpty()) {
        iso->clear();
        return true;
    }
    auto day = [&](int y, int m, int d) {
        if (!plausibleYear(y))
            return fail(outOfRange);
        const QDate date(y, m, d);
        if (!date.isValid())
            return fail(notReal);
        *iso = date.toString(Qt::ISODate);
        return true;
    };
    auto month = [&](int y, int m) {
        if (!plausibleYear(y))
            return fail(outOfRange);
        if (m < 1 || m > 12)
            return fail(notReal);
        *iso = QStringLiteral("%1-%2").arg(y, 4, 10, QLatin1Char('0')).arg(m, 2, 10, QLatin1Char('0'));
        return true;
    };

    // 18/06/2020, 18/6/2020, 18-06-2020, 18.06.20 — always day first (UK).
    static const QRegularExpression dmy(
        QStringLiteral("^(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{2}|\\d{4})$"));
    if (const auto m = dmy.match(t); m.hasMatch()) {
        int y = m.captured(3).toInt();
        if (m.captured(3).size() == 2)
            y += 2000;
        return day(y, m.captured(2).toInt(), m.captured(1).toInt());
    }
    // ISO: 2020-06-18, 2020-06.
    static const QRegularExpression isoForm(QStringLiteral("^(\\d{4})-(\\d{1,2})(?:-(\\d{1,2}))?$"));
    if (const auto m = isoForm.match(t); m.hasMatch()) {
        if (m.captured(3).isEmpty())
            return month(m.captured(1).toInt(), m.captured(2).toInt());
        return day(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    }
    // 06/2020 — a month.
    static const QRegularExpression my(QStringLiteral("^(\\d{1,2})/(\\d{4})$"));
    if (const auto m = my.match(t); m.hasMatch())
        return month(m.captured(2).toInt(), m.captured(1).toInt());
    static const QRegularExpression yearOnly(QStringLiteral("^(\\d{4})$"));
    if (const auto m = yearOnly.match(t); m.hasMatch()) {
        const int y = m.captured(1).toInt();
        if (!plausibleYear(y))
            return fail(outOfRange);
        *iso = m.captured(1);
        return true;
    }
    // June 2020, Jun 2020, 18 June 2020, 18th June 2020.
    static const QRegularExpression named(
        QStringLiteral("^(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+)?([A-Za-z]+)\\.?,?\\s+(\\d{4})$"),
        QRegularExpression::CaseInsensitiveOption);
    if (const auto m = named.match(t); m.hasMatch()) {
        const int mo = TargetDate::monthFromName(m.captured(2));
        if (mo == 0)
            return fail(notADate);
        const int y = m.captured(3).toInt();
        if (m.captured(1).isEmpty())
            return month(y, mo);
        return day(y, mo, m.captured(1).toInt());
    }
    return fail(notADate);
}

bool PartialDate::isValidIso(const QString& iso)
{
    return earliest(iso).isValid();
}

QDate PartialDate::earliest(const QString& iso)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?$"));
    const auto m = re.match(iso);
    if (!m.hasMatch())
        return QDate();
    const int y = m.captured(1).toInt();
    const int mo = m.captured(2).isEmpty() ? 1 : m.captured(2).toInt();
    const int d = m.captured(3).isEmpty() ? 1 : m.captured(3).toInt();
    return QDate(y, mo, d);
}

QString PartialDate::momentString(const QString& utcIso)
{
    const QDateTime at = QDateTime::fromString(utcIso, Qt::ISODate);
    return at.isValid() ? at.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm")) : utcIso;
}

QString PartialDate::toDisplayString(const QString& iso)
{
    const QDate d = earliest(iso);
    if (!d.isValid())
        return iso;
    switch (iso.size()) {
    case 4:
        return TargetDate::year(d.year()).toDisplayString();
    case 7:
        return TargetDate::month(d.year(), d.month()).toDisplayString();
    default:
        return TargetDate::day(d).toDisplayString();
    }
}

QString PartialDate::dayString(const QDate& date)
{
    return date.isValid() ? date.toString(QStringLiteral("dd/MM/yyyy")) : QString();
}

} // namespace rt
