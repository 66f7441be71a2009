#include "core/Vocabulary.h"

#include <gtest/gtest.h>

using namespace rt;

TEST(Vocabulary, StatusWordsFromThePlansAreNormalised)
{
    struct Case
    {
        const char* written;
        ActionStatus expected;
    };
    const Case cases[] = {{"", ActionStatus::NotStarted},
                          {"Action Planned", ActionStatus::Planned},
                          {"Action Underway", ActionStatus::InProgress},
                          {"Partially", ActionStatus::PartiallyComplete},
                          {"Complete", ActionStatus::Complete},
                          {"Completed", ActionStatus::Complete},
                          {" completed. ", ActionStatus::Complete},
                          {"Superseded", ActionStatus::Superseded}};
    for (const Case& c : cases) {
        ActionStatus s = ActionStatus::Superseded;
        ASSERT_TRUE(status::fromWritten(QString::fromUtf8(c.written), &s)) << c.written;
        EXPECT_EQ(s, c.expected) << c.written;
    }
    ActionStatus s;
    EXPECT_FALSE(status::fromWritten(QStringLiteral("Banana"), &s));
}

TEST(Vocabulary, OnlyCompleteAndSupersededAreClosed)
{
    EXPECT_TRUE(status::isClosed(ActionStatus::Complete));
    EXPECT_TRUE(status::isClosed(ActionStatus::Superseded));
    EXPECT_FALSE(status::isClosed(ActionStatus::PartiallyComplete));
    EXPECT_FALSE(status::isClosed(ActionStatus::NotStarted));
}

TEST(Vocabulary, CodesRoundTrip)
{
    for (const QString& code : status::allCodes()) {
        ActionStatus s;
        ASSERT_TRUE(status::fromCode(code, &s));
        EXPECT_EQ(status::code(s), code);
    }
    Rag r;
    ASSERT_TRUE(rag::fromWritten(QStringLiteral("Blue"), &r));
    EXPECT_EQ(r, Rag::Blue);
    EXPECT_EQ(rag::code(r), QStringLiteral("blue"));
    EXPECT_TRUE(rag::colour(Rag::Red).isValid());
    EXPECT_FALSE(rag::colour(Rag::None).isValid());
}

TEST(Vocabulary, DecisionsAndKinds)
{
    Decision d;
    ASSERT_TRUE(decision::fromWritten(QStringLiteral("Partly Agreed"), &d));
    EXPECT_EQ(d, Decision::PartlyAgreed);
    ASSERT_TRUE(decision::fromWritten(QStringLiteral("not agreed"), &d));
    EXPECT_EQ(d, Decision::NotAgreed);
    DecisionReason reason;
    ASSERT_TRUE(decision::reasonFromWritten(QStringLiteral("Affordability"), &reason));
    EXPECT_EQ(reason, DecisionReason::Affordability);
    ReviewKind k;
    ASSERT_TRUE(reviewkind::fromWritten(QStringLiteral("LCSPR"), &k));
    EXPECT_EQ(reviewkind::shortLabel(k), QStringLiteral("LCSPR"));
    ASSERT_TRUE(reviewkind::fromWritten(QStringLiteral("Rapid Review"), &k));
    EXPECT_EQ(k, ReviewKind::RapidReview);
}

TEST(Vocabulary, Section11ScaleIsOrderedWithUnableOutside)
{
    EXPECT_LT(s11::rank(S11Rating::Good), s11::rank(S11Rating::GoodWithAreasForImprovement));
    EXPECT_LT(s11::rank(S11Rating::GoodWithAreasForImprovement), s11::rank(S11Rating::RequiresImprovement));
    EXPECT_LT(s11::rank(S11Rating::RequiresImprovement), s11::rank(S11Rating::Inadequate));
    EXPECT_EQ(s11::rank(S11Rating::Unable), 0);
}

TEST(Vocabulary, EveryStatusWordOfASpreadsheetTrackerIsRead)
{
    struct Case
    {
        const char* written;
        ActionStatus expected;
    };
    const Case cases[] = {{"Not started", ActionStatus::NotStarted},
                          {"Planned", ActionStatus::Planned},
                          {"Action Planned", ActionStatus::Planned},
                          {"Underway", ActionStatus::InProgress},
                          {"Action Underway", ActionStatus::InProgress},
                          {"In progress", ActionStatus::InProgress},
                          {"On track", ActionStatus::InProgress},
                          {"Partially", ActionStatus::PartiallyComplete},
                          {"Partially complete", ActionStatus::PartiallyComplete},
                          {"Complete", ActionStatus::Complete},
                          {"Completed", ActionStatus::Complete},
                          {"Closed", ActionStatus::Complete},
                          {"Superseded", ActionStatus::Superseded},
                          {"", ActionStatus::NotStarted},
                          {"IN PROGRESS", ActionStatus::InProgress},
                          {"on Track", ActionStatus::InProgress},
                          {"CLOSED", ActionStatus::Complete}};
    for (const Case& c : cases) {
        ActionStatus s = ActionStatus::Superseded;
        if (c.expected == ActionStatus::Superseded)
            s = ActionStatus::NotStarted;
        ASSERT_TRUE(status::fromWritten(QString::fromUtf8(c.written), &s)) << c.written;
        EXPECT_EQ(s, c.expected) << c.written;
    }
}

TEST(Vocabulary, EveryRagFormOfASpreadsheetTrackerIsRead)
{
    struct Case
    {
        const char* written;
        Rag expected;
    };
    const Case cases[] = {{"R", Rag::Red},       {"Red", Rag::Red},    {"A", Rag::Amber},
                          {"Amber", Rag::Amber}, {"G", Rag::Green},    {"Green", Rag::Green},
                          {"B", Rag::Blue},      {"Blue", Rag::Blue},  {"", Rag::None},
                          {"r", Rag::Red},       {"AMBER", Rag::Amber}};
    for (const Case& c : cases) {
        Rag r = c.expected == Rag::Blue ? Rag::Red : Rag::Blue;
        ASSERT_TRUE(rag::fromWritten(QString::fromUtf8(c.written), &r)) << c.written;
        EXPECT_EQ(r, c.expected) << c.written;
    }
    Rag r;
    EXPECT_FALSE(rag::fromWritten(QStringLiteral("Purple"), &r));
}
