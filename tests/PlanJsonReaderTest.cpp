#include "io/PlanJsonReader.h"

#include "TestSupport.h"
#include "io/SampleData.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <gtest/gtest.h>

using namespace rt;

namespace {

QString readError(const QByteArray& json)
{
    QBuffer buffer;
    buffer.setData(json);
    PlanJsonReader reader;
    EXPECT_FALSE(reader.read(&buffer, QStringLiteral("plan.json")));
    return reader.errorString();
}

const char* const kGoodPlan = R"({"reviews": [{"key": "q", "kind": "LCSPR", "title": "Child Q",
  "recommendations": [{"number": "1", "text": "Improve supervision",
    "actions": [{"text": "Audit supervision", "owner": "Head of Service", "target": "March 2024",
                 "status": "Partially", "rag": "Amber",
                 "updates": [{"date": "2024-02", "text": "Audit booked", "label": "Action Update"}]}]}]}]})";

} // namespace

TEST(PlanJsonReader, ReadsAPlan)
{
    QBuffer buffer;
    buffer.setData(kGoodPlan);
    PlanJsonReader reader;
    ASSERT_TRUE(reader.read(&buffer, QStringLiteral("plan.json"))) << reader.errorString().toStdString();
    const QVector<ReviewRecord> reviews = reader.takeReviews();
    ASSERT_EQ(reviews.size(), 1);
    const ActionRecord& a = reviews.at(0).recommendations.at(0).actions.at(0);
    EXPECT_EQ(a.target.due(), QDate(2024, 3, 31));
    EXPECT_EQ(a.status, ActionStatus::PartiallyComplete);
    EXPECT_EQ(a.rag, Rag::Amber);
    EXPECT_EQ(a.owners, QStringList{QStringLiteral("Head of Service")});
    EXPECT_EQ(a.updates.at(0).date, QStringLiteral("2024-02"));
}

TEST(PlanJsonReader, ErrorsNameTheFileThePlaceAndTheCause)
{
    QByteArray bad = kGoodPlan;
    bad.replace("March 2024", "Marhc 2024");
    QString e = readError(bad);
    EXPECT_TRUE(e.startsWith(QStringLiteral("plan.json: reviews[0].recommendations[0].actions[0].target: ")))
        << e.toStdString();
    EXPECT_TRUE(e.contains(QStringLiteral("Marhc"))) << e.toStdString();

    bad = kGoodPlan;
    bad.replace("\"Partially\"", "\"Nearly done\"");
    e = readError(bad);
    EXPECT_TRUE(e.contains(QStringLiteral("actions[0].status"))) << e.toStdString();

    bad = kGoodPlan;
    bad.replace("\"LCSPR\"", "\"Inquiry\"");
    EXPECT_TRUE(readError(bad).contains(QStringLiteral("reviews[0].kind")));

    bad = kGoodPlan;
    bad.replace("\"Audit supervision\"", "\"  \"");
    EXPECT_TRUE(readError(bad).contains(QStringLiteral("actions[0].text")));

    bad = kGoodPlan;
    bad.replace("\"2024-02\"", "\"Feb 2024\"");
    EXPECT_TRUE(readError(bad).contains(QStringLiteral("updates[0].date")));

    bad = kGoodPlan;
    bad.replace("\"Amber\"", "\"Purple\"");
    EXPECT_TRUE(readError(bad).contains(QStringLiteral("actions[0].rag")));

    e = readError(QByteArray(kGoodPlan).left(60));
    EXPECT_TRUE(e.contains(QStringLiteral("not valid JSON"))) << e.toStdString();
}

TEST(PlanJsonReader, ABadFileInALoadWritesNothing)
{
    test::TempDir dir;
    QDir().mkpath(dir.file(QStringLiteral("plans")));
    {
        QFile good(dir.file(QStringLiteral("plans/1-good.json")));
        ASSERT_TRUE(good.open(QIODevice::WriteOnly));
        good.write(kGoodPlan);
        QFile bad(dir.file(QStringLiteral("plans/2-bad.json")));
        ASSERT_TRUE(bad.open(QIODevice::WriteOnly));
        bad.write(QByteArray(kGoodPlan).replace("\"Child Q\"", "\"\""));
    }
    auto db = test::emptyDatabase(dir.file(QStringLiteral("load.rtdb")));
    QString error;
    EXPECT_FALSE(SampleData::load(db->connection(), &error, dir.file(QStringLiteral("plans"))));
    EXPECT_TRUE(error.startsWith(QStringLiteral("2-bad.json: reviews[0].title"))) << error.toStdString();
    EXPECT_EQ(test::scalar(*db, QStringLiteral("SELECT count(*) FROM reviews")), 0);
}

TEST(PlanJsonReader, AResponseToAnUnknownRecommendationRollsBackTheWholeLoad)
{
    test::TempDir dir;
    QDir().mkpath(dir.file(QStringLiteral("plans")));
    {
        QFile f(dir.file(QStringLiteral("plans/plan.json")));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        QByteArray json = kGoodPlan;
        json.replace("\"recommendations\": [",
                     "\"responses\": [{\"title\": \"Response\", \"recommendations\": "
                     "[\"7\"]}], \"recommendations\": [");
        f.write(json);
    }
    auto db = test::emptyDatabase(dir.file(QStringLiteral("load.rtdb")));
    QString error;
    EXPECT_FALSE(SampleData::load(db->connection(), &error, dir.file(QStringLiteral("plans"))));
    EXPECT_TRUE(error.contains(QStringLiteral("recommendation 7"))) << error.toStdString();
    EXPECT_EQ(test::scalar(*db, QStringLiteral("SELECT count(*) FROM actions")), 0);
    EXPECT_EQ(test::scalar(*db, QStringLiteral("SELECT count(*) FROM reviews")), 0);
}
