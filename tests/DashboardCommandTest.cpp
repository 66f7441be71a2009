// The dashboard verb, on the sample data as of 30/06/2024 (figures read by
// hand from the plans; see DashboardTest.cpp), and on bad arguments.

#include "CliSupport.h"
#include "TestSupport.h"
#include "cli/CommandLine.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <gtest/gtest.h>

using namespace rt;

namespace {

using Result = test::CliResult;

Result run(const QStringList& args)
{
    return test::runCli(args);
}

class DashboardCommandTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        path = dir.file(QStringLiteral("sample.rtdb"));
        ASSERT_TRUE(test::sampleDatabase(path));
    }

    Result dashboard(QStringList extra)
    {
        return run(QStringList{QStringLiteral("dashboard"), QStringLiteral("--db"), path} + extra);
    }

    test::TempDir dir;
    QString path;
};

} // namespace

TEST_F(DashboardCommandTest, JsonHasExactlyTheDocumentedKeysAndTheSampleFigures)
{
    const Result r = dashboard({QStringLiteral("--as-of"), QStringLiteral("2024-06-30")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QStringList keys = o.keys();
    keys.sort();
    EXPECT_EQ(keys, (QStringList{QStringLiteral("amber"), QStringLiteral("as_of"),
                                 QStringLiteral("by_agency"), QStringLiteral("by_review"),
                                 QStringLiteral("due_soon"), QStringLiteral("no_target"),
                                 QStringLiteral("overdue"), QStringLiteral("red"), QStringLiteral("stale")}));
    EXPECT_EQ(o.value(QStringLiteral("as_of")).toString(), QStringLiteral("2024-06-30"));
    EXPECT_EQ(o.value(QStringLiteral("overdue")).toInt(), 20);
    EXPECT_EQ(o.value(QStringLiteral("due_soon")).toInt(), 0);
    EXPECT_EQ(o.value(QStringLiteral("stale")).toInt(), 30);
    EXPECT_EQ(o.value(QStringLiteral("no_target")).toInt(), 5);
    EXPECT_EQ(o.value(QStringLiteral("red")).toInt(), 0);
    EXPECT_EQ(o.value(QStringLiteral("amber")).toInt(), 0);

    int overdue = 0, open = 0;
    for (const QJsonValue& v : o.value(QStringLiteral("by_agency")).toArray()) {
        const QJsonObject a = v.toObject();
        QStringList k = a.keys();
        k.sort();
        EXPECT_EQ(k, (QStringList{QStringLiteral("agency"), QStringLiteral("amber"), QStringLiteral("open"),
                                  QStringLiteral("overdue"), QStringLiteral("red")}));
        overdue += a.value(QStringLiteral("overdue")).toInt();
        open += a.value(QStringLiteral("open")).toInt();
    }
    EXPECT_EQ(overdue, 20);
    EXPECT_EQ(open, 30);

    QHash<QString, QJsonObject> reviews;
    for (const QJsonValue& v : o.value(QStringLiteral("by_review")).toArray()) {
        QStringList k = v.toObject().keys();
        k.sort();
        EXPECT_EQ(k, (QStringList{QStringLiteral("complete_pct"), QStringLiteral("overdue"),
                                  QStringLiteral("title")}));
        reviews.insert(v.toObject().value(QStringLiteral("title")).toString(), v.toObject());
    }
    ASSERT_TRUE(reviews.contains(QStringLiteral("Child X")));
    EXPECT_EQ(reviews[QStringLiteral("Child X")].value(QStringLiteral("overdue")).toInt(), 6);
    EXPECT_DOUBLE_EQ(reviews[QStringLiteral("Child X")].value(QStringLiteral("complete_pct")).toDouble(),
                     12.5);
    EXPECT_EQ(reviews[QStringLiteral("Philip")].value(QStringLiteral("overdue")).toInt(), 14);
    EXPECT_DOUBLE_EQ(reviews[QStringLiteral("Philip")].value(QStringLiteral("complete_pct")).toDouble(), 0.0);
    // A review with no action plan is null, not 0 %.
    EXPECT_TRUE(
        reviews[QStringLiteral("Children of Family Y")].value(QStringLiteral("complete_pct")).isNull());
}

TEST_F(DashboardCommandTest, ThresholdsChangeTheFigures)
{
    const Result r =
        dashboard({QStringLiteral("--as-of"), QStringLiteral("2024-03-15"), QStringLiteral("--stale-days"),
                   QStringLiteral("5000"), QStringLiteral("--due-soon-days"), QStringLiteral("46")});
    // 5000 days is more than the ten years the option allows.
    EXPECT_EQ(r.code, CommandLine::UsageError);
    EXPECT_TRUE(r.err.contains(QStringLiteral("--stale-days"))) << r.err.toStdString();
    EXPECT_TRUE(r.out.isEmpty());

    const Result ok =
        dashboard({QStringLiteral("--as-of"), QStringLiteral("2024-03-15"), QStringLiteral("--stale-days"),
                   QStringLiteral("30"), QStringLiteral("--due-soon-days"), QStringLiteral("46")});
    ASSERT_EQ(ok.code, 0) << ok.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(ok.out.toUtf8()).object();
    EXPECT_EQ(o.value(QStringLiteral("due_soon")).toInt(), 6); // Child X March and April targets still open
    // The one dated update (Feb 2024, read as 29/02/2024) is 15 days old on
    // 15/03/2024: that action is the only one not stale.
    EXPECT_EQ(o.value(QStringLiteral("stale")).toInt(), 29);
}

TEST_F(DashboardCommandTest, TextFormatReadsAsASummary)
{
    const Result r = dashboard({QStringLiteral("--as-of"), QStringLiteral("2024-06-30"),
                                QStringLiteral("--format"), QStringLiteral("text")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("As of 30/06/2024"))) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("Overdue: 20"))) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("Kay Jones: 3, 0, 0, 3"))) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("Child X: 6, 2 of 16 (13%)"))) << r.out.toStdString();
}

TEST_F(DashboardCommandTest, BadArgumentsAreUsageErrorsNamingTheArgument)
{
    for (const QStringList& args : {QStringList{QStringLiteral("--as-of"), QStringLiteral("30/06/2024")},
                                    QStringList{QStringLiteral("--stale-days"), QStringLiteral("ninety")},
                                    QStringList{QStringLiteral("--due-soon-days"), QStringLiteral("-1")},
                                    QStringList{QStringLiteral("--format"), QStringLiteral("xml")}}) {
        const Result r = dashboard(args);
        EXPECT_EQ(r.code, CommandLine::UsageError) << args.join(QLatin1Char(' ')).toStdString();
        EXPECT_TRUE(r.err.contains(args.first())) << r.err.toStdString();
    }
    const Result missing =
        run({QStringLiteral("dashboard"), QStringLiteral("--db"), dir.file(QStringLiteral("none.rtdb"))});
    EXPECT_EQ(missing.code, CommandLine::DataError);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("none.rtdb"))) << missing.err.toStdString();
}

TEST(DashboardScreenshot, RendersTheDashboardAndSection11Pages)
{
    test::TempDir dir;
    const QString db = dir.file(QStringLiteral("s.rtdb"));
    test::sampleDatabase(db).reset();
    for (const char* view : {"dashboard", "s11"}) {
        const QString png = dir.file(QStringLiteral("%1.png").arg(QLatin1String(view)));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(RT_EXECUTABLE),
                {QStringLiteral("screenshot"), QStringLiteral("--db"), db, QStringLiteral("--view"),
                 QLatin1String(view), QStringLiteral("--as-of"), QStringLiteral("2024-06-30"),
                 QStringLiteral("--out"), png, QStringLiteral("--size"), QStringLiteral("1200x800")});
        ASSERT_TRUE(p.waitForFinished(60000));
        EXPECT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
        const QImage image(png);
        ASSERT_FALSE(image.isNull()) << view;
        EXPECT_EQ(image.size(), QSize(1200, 800)) << view;
    }
}
