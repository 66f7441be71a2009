#include "core/TargetDate.h"

#include "core/PartialDate.h"

#include <gtest/gtest.h>

using rt::TargetDate;

namespace {

TargetDate parsed(const char* text)
{
    TargetDate t;
    QString error;
    EXPECT_TRUE(TargetDate::parse(QString::fromUtf8(text), &t, &error))
        << text << ": " << error.toStdString();
    return t;
}

QString parseError(const char* text)
{
    TargetDate t;
    QString error;
    EXPECT_FALSE(TargetDate::parse(QString::fromUtf8(text), &t, &error)) << text;
    return error;
}

} // namespace

TEST(TargetDate, MonthTargetIsDueOnTheLastDayOfTheMonth)
{
    const TargetDate t = parsed("March 2024");
    EXPECT_EQ(t.precision(), TargetDate::Precision::Month);
    EXPECT_EQ(t.due(), QDate(2024, 3, 31));
    EXPECT_EQ(parsed("Feb 2024").due(), QDate(2024, 2, 29)); // leap year
    EXPECT_EQ(parsed("Feb 2023").due(), QDate(2023, 2, 28));
    EXPECT_EQ(parsed("Dec 2024").due(), QDate(2024, 12, 31));
    EXPECT_EQ(parsed("Sept 2024").due(), QDate(2024, 9, 30));
    EXPECT_EQ(parsed("january 2017").due(), QDate(2017, 1, 31));
    EXPECT_EQ(parsed("2024-06").due(), QDate(2024, 6, 30));
    EXPECT_EQ(parsed("06/2024").due(), QDate(2024, 6, 30));
}

TEST(TargetDate, YearTargetIsDueOn31December)
{
    const TargetDate t = parsed("2024");
    EXPECT_EQ(t.precision(), TargetDate::Precision::Year);
    EXPECT_EQ(t.due(), QDate(2024, 12, 31));
    EXPECT_EQ(t.toDisplayString(), QStringLiteral("2024"));
}

TEST(TargetDate, DayTargetsAreReadDayFirst)
{
    EXPECT_EQ(parsed("31/03/2024").due(), QDate(2024, 3, 31));
    EXPECT_EQ(parsed("1/4/24").due(), QDate(2024, 4, 1));
    EXPECT_EQ(parsed("05/04/2024").due(), QDate(2024, 4, 5)); // 5 April, never 4 May
    EXPECT_EQ(parsed("31st March 2024").due(), QDate(2024, 3, 31));
    EXPECT_EQ(parsed("2024-03-31").due(), QDate(2024, 3, 31));
    EXPECT_EQ(parsed("31/03/2024").precision(), TargetDate::Precision::Day);
}

TEST(TargetDate, OngoingAndEmptyAreNeverOverdue)
{
    const TargetDate ongoing = parsed("Ongoing");
    EXPECT_EQ(ongoing.precision(), TargetDate::Precision::Ongoing);
    EXPECT_FALSE(ongoing.due().isValid());
    EXPECT_FALSE(ongoing.isOverdue(QDate(2100, 1, 1)));
    const TargetDate none = parsed("  ");
    EXPECT_EQ(none.precision(), TargetDate::Precision::None);
    EXPECT_FALSE(none.isOverdue(QDate(2100, 1, 1)));
}

TEST(TargetDate, OverdueOnlyAfterTheDueDay)
{
    const TargetDate t = parsed("March 2024");
    EXPECT_FALSE(t.isOverdue(QDate(2024, 3, 31)));
    EXPECT_TRUE(t.isOverdue(QDate(2024, 4, 1)));
}

TEST(TargetDate, QualifiersAndPunctuationAreIgnored)
{
    EXPECT_EQ(parsed("By March 2024").due(), QDate(2024, 3, 31));
    EXPECT_EQ(parsed("end of Dec 2024.").due(), QDate(2024, 12, 31));
}

TEST(TargetDate, UnknownFormsAreRefusedWithTheReason)
{
    EXPECT_TRUE(parseError("soon").contains(QStringLiteral("soon")));
    EXPECT_TRUE(parseError("Marhc 2024").contains(QStringLiteral("Marhc")));
    EXPECT_FALSE(parseError("31/02/2024").isEmpty());
    EXPECT_FALSE(parseError("13/2024").isEmpty());
    EXPECT_FALSE(parseError("0024").isEmpty());
}

TEST(TargetDate, DisplaysTheUkForm)
{
    EXPECT_EQ(parsed("2024-03-31").toDisplayString(), QStringLiteral("31/03/2024"));
    EXPECT_EQ(parsed("Dec 2024").toDisplayString(), QStringLiteral("December 2024"));
    EXPECT_EQ(parsed("ongoing").toDisplayString(), QStringLiteral("Ongoing"));
    EXPECT_TRUE(parsed("March 2024").describe().contains(QStringLiteral("31/03/2024")));
}

TEST(TargetDate, RoundTripsThroughStorage)
{
    for (const char* text : {"March 2024", "2024", "31/03/2024", "Ongoing", ""}) {
        const TargetDate t = parsed(text);
        const QString iso = t.isDated() ? t.due().toString(Qt::ISODate) : QString();
        EXPECT_EQ(TargetDate::fromStorage(t.precisionCode(), iso), t) << text;
    }
}

TEST(PartialDate, KeepsThePrecisionItWasGiven)
{
    EXPECT_EQ(rt::PartialDate::toDisplayString(QStringLiteral("2020-06-18")), QStringLiteral("18/06/2020"));
    EXPECT_EQ(rt::PartialDate::toDisplayString(QStringLiteral("2019-05")), QStringLiteral("May 2019"));
    EXPECT_EQ(rt::PartialDate::toDisplayString(QStringLiteral("2019")), QStringLiteral("2019"));
    EXPECT_FALSE(rt::PartialDate::isValidIso(QStringLiteral("2019-13")));
    EXPECT_FALSE(rt::PartialDate::isValidIso(QStringLiteral("May 2019")));
}

namespace {

QString partial(const char* text)
{
    QString iso = QStringLiteral("unset");
    QString error;
    EXPECT_TRUE(rt::PartialDate::parse(QString::fromUtf8(text), &iso, &error))
        << text << ": " << error.toStdString();
    return iso;
}

QString partialError(const char* text)
{
    QString iso = QStringLiteral("unset");
    QString error;
    EXPECT_FALSE(rt::PartialDate::parse(QString::fromUtf8(text), &iso, &error)) << text;
    EXPECT_EQ(iso, QStringLiteral("unset")) << text << ": a refused date must not touch the result";
    return error;
}

} // namespace

TEST(PartialDate, ReadsUkDaysDayFirst)
{
    EXPECT_EQ(partial("18/06/2020"), QStringLiteral("2020-06-18"));
    EXPECT_EQ(partial("18/6/2020"), QStringLiteral("2020-06-18"));
    EXPECT_EQ(partial("18-06-2020"), QStringLiteral("2020-06-18"));
    EXPECT_EQ(partial("05/04/2024"), QStringLiteral("2024-04-05")); // 5 April, never 4 May
    EXPECT_EQ(partial(" 1/2/2021 "), QStringLiteral("2021-02-01"));
}

TEST(PartialDate, ReadsMonthsAndYearsAtTheirPrecision)
{
    EXPECT_EQ(partial("June 2020"), QStringLiteral("2020-06"));
    EXPECT_EQ(partial("Jun 2020"), QStringLiteral("2020-06"));
    EXPECT_EQ(partial("september 2019"), QStringLiteral("2019-09"));
    EXPECT_EQ(partial("Sept 2019"), QStringLiteral("2019-09"));
    EXPECT_EQ(partial("2020"), QStringLiteral("2020"));
}

TEST(PartialDate, ReadsIsoForms)
{
    EXPECT_EQ(partial("2020-06-18"), QStringLiteral("2020-06-18"));
    EXPECT_EQ(partial("2020-06"), QStringLiteral("2020-06"));
    EXPECT_EQ(partial("2020-6"), QStringLiteral("2020-06"));
}

TEST(PartialDate, BlankIsValidAndEmpty)
{
    EXPECT_EQ(partial(""), QString());
    EXPECT_EQ(partial("   "), QString());
}

TEST(PartialDate, RefusesOtherFormsNamingTheTextAndTheAcceptedForms)
{
    const QString unknown = partialError("Marchh 2024");
    EXPECT_TRUE(unknown.contains(QStringLiteral("“Marchh 2024”"))) << unknown.toStdString();
    EXPECT_TRUE(unknown.contains(QStringLiteral("18/06/2020"))) << unknown.toStdString();
    EXPECT_TRUE(unknown.contains(QStringLiteral("June 2020"))) << unknown.toStdString();
    EXPECT_TRUE(partialError("31/02/2020").contains(QStringLiteral("31/02/2020")));
    EXPECT_TRUE(partialError("2020-13").contains(QStringLiteral("2020-13")));
    EXPECT_TRUE(partialError("soon").contains(QStringLiteral("soon")));
    EXPECT_FALSE(partialError("Ongoing").isEmpty()); // a target word, not a date
    EXPECT_FALSE(partialError("1850").isEmpty());
    EXPECT_FALSE(partialError("18/06/2020 or so").isEmpty());
}

TEST(PartialDate, ParsedDatesAreValidIsoAndDisplayAsTyped)
{
    for (const char* text : {"18/06/2020", "June 2020", "2020"}) {
        const QString iso = partial(text);
        EXPECT_TRUE(rt::PartialDate::isValidIso(iso)) << text;
    }
    EXPECT_EQ(rt::PartialDate::toDisplayString(partial("18/6/2020")), QStringLiteral("18/06/2020"));
    EXPECT_EQ(rt::PartialDate::toDisplayString(partial("Jun 2020")), QStringLiteral("June 2020"));
}

TEST(TargetDate, ReadsEveryFormASpreadsheetTrackerUses)
{
    EXPECT_EQ(parsed("2024-03-31"), TargetDate::day(QDate(2024, 3, 31)));
    EXPECT_EQ(parsed("31/03/2024"), TargetDate::day(QDate(2024, 3, 31)));
    EXPECT_EQ(parsed("31/3/24"), TargetDate::day(QDate(2024, 3, 31)));
    EXPECT_EQ(parsed("March 2024"), TargetDate::month(2024, 3));
    EXPECT_EQ(parsed("Mar 2024"), TargetDate::month(2024, 3));
    // Excel's "mmm-yy" and "d-mmm-yy" as a CSV saves them.
    EXPECT_EQ(parsed("Mar-24"), TargetDate::month(2024, 3));
    EXPECT_EQ(parsed("Sept-2024"), TargetDate::month(2024, 9));
    EXPECT_EQ(parsed("31-Mar-24"), TargetDate::day(QDate(2024, 3, 31)));
    EXPECT_EQ(parsed("2024"), TargetDate::year(2024));
    EXPECT_EQ(parsed("Ongoing"), TargetDate::ongoing());
    EXPECT_EQ(parsed(""), TargetDate());
}

TEST(TargetDate, TbcMeansNoTargetYet)
{
    for (const char* text : {"TBC", "tbc", "TBA", "To be confirmed", "TBC."}) {
        const TargetDate t = parsed(text);
        EXPECT_FALSE(t.isSet()) << text;
        EXPECT_FALSE(t.isOverdue(QDate(2100, 1, 1))) << text;
    }
    EXPECT_FALSE(parseError("Mar-").isEmpty());
    EXPECT_FALSE(parseError("Marc-24").isEmpty());
}
