#include "cli/CommandLine.h"

#include "CliSupport.h"
#include "TestSupport.h"

#include <QFile>
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

QJsonObject json(const Result& r)
{
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &e);
    EXPECT_EQ(e.error, QJsonParseError::NoError) << r.out.toStdString();
    return doc.object();
}

class CommandLineTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        path = dir.file(QStringLiteral("sample.rtdb"));
        const Result r =
            run({QStringLiteral("init"), QStringLiteral("--db"), path, QStringLiteral("--sample")});
        ASSERT_EQ(r.code, 0) << r.err.toStdString();
    }

    test::TempDir dir;
    QString path;
};

} // namespace

TEST_F(CommandLineTest, StatsCountsWhatAPersonCountsInTheDocuments)
{
    const Result r = run({QStringLiteral("stats"), QStringLiteral("--db"), path, QStringLiteral("--format"),
                          QStringLiteral("json"), QStringLiteral("--as-of"), QStringLiteral("2024-06-30")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QJsonObject o = json(r);
    EXPECT_EQ(o.value(QStringLiteral("schema_version")).toInt(), Database::kSchemaVersion);
    EXPECT_EQ(o.value(QStringLiteral("reviews")).toInt(), 5);
    EXPECT_EQ(o.value(QStringLiteral("recommendations")).toInt(), 101);
    EXPECT_EQ(o.value(QStringLiteral("actions")).toInt(), 32);
    EXPECT_EQ(o.value(QStringLiteral("updates")).toInt(), 13);
    EXPECT_EQ(o.value(QStringLiteral("agencies")).toInt(), 12);
    EXPECT_EQ(o.value(QStringLiteral("s11_audits")).toInt(), 1);
    EXPECT_EQ(o.value(QStringLiteral("s11_ratings")).toInt(), 36);
    const QJsonArray byReview = o.value(QStringLiteral("by_review")).toArray();
    ASSERT_EQ(byReview.size(), 5);
    QHash<QString, QJsonObject> by;
    for (const QJsonValue& v : byReview)
        by.insert(v.toObject().value(QStringLiteral("title")).toString(), v.toObject());
    const QJsonObject childX = by.value(QStringLiteral("Child X"));
    EXPECT_EQ(childX.value(QStringLiteral("kind")).toString(), QStringLiteral("LCSPR"));
    EXPECT_EQ(childX.value(QStringLiteral("recommendations")).toInt(), 31);
    EXPECT_EQ(childX.value(QStringLiteral("actions")).toInt(), 16);
    EXPECT_EQ(childX.value(QStringLiteral("overdue")).toInt(), 6);
    const QJsonObject familyY = by.value(QStringLiteral("Children of Family Y"));
    EXPECT_EQ(familyY.value(QStringLiteral("reference")).toString(), QStringLiteral("0118"));
    EXPECT_EQ(familyY.value(QStringLiteral("recommendations")).toInt(), 19);
    EXPECT_EQ(by.value(QStringLiteral("Philip")).value(QStringLiteral("recommendations")).toInt(), 11)
        << "findings count as recommendations";
}

TEST_F(CommandLineTest, OverdueJson)
{
    const Result r = run({QStringLiteral("overdue"), QStringLiteral("--db"), path, QStringLiteral("--as-of"),
                          QStringLiteral("2024-06-30"), QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QJsonObject o = json(r);
    EXPECT_EQ(o.value(QStringLiteral("as_of")).toString(), QStringLiteral("2024-06-30"));
    EXPECT_EQ(o.value(QStringLiteral("count")).toInt(), 20);
    const QJsonArray actions = o.value(QStringLiteral("actions")).toArray();
    ASSERT_EQ(actions.size(), 20);
    bool found = false;
    for (const QJsonValue& v : actions) {
        const QJsonObject a = v.toObject();
        for (const char* key : {"review", "recommendation", "action", "owner", "target", "due", "status",
                                "rag", "days_overdue"})
            EXPECT_TRUE(a.contains(QLatin1String(key))) << key;
        if (a.value(QStringLiteral("review")).toString() == QLatin1String("Child X") &&
            a.value(QStringLiteral("recommendation")).toString() == QLatin1String("1.1")) {
            found = true;
            EXPECT_EQ(a.value(QStringLiteral("owner")).toString(),
                      QStringLiteral("Interim Assistant Director Commissioning"));
            EXPECT_EQ(a.value(QStringLiteral("target")).toString(), QStringLiteral("March 2024"));
            EXPECT_EQ(a.value(QStringLiteral("due")).toString(), QStringLiteral("2024-03-31"));
            EXPECT_EQ(a.value(QStringLiteral("status")).toString(), QStringLiteral("Partially"));
            EXPECT_EQ(a.value(QStringLiteral("days_overdue")).toInt(), 91);
        }
    }
    EXPECT_TRUE(found);
}

TEST_F(CommandLineTest, OverdueCsvIsRfc4180AndTextIsReadable)
{
    Result r = run({QStringLiteral("overdue"), QStringLiteral("--db"), path, QStringLiteral("--as-of"),
                    QStringLiteral("2024-06-30"), QStringLiteral("--format"), QStringLiteral("csv")});
    ASSERT_EQ(r.code, 0);
    const QStringList lines = r.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    EXPECT_EQ(lines.first(),
              QStringLiteral("review,recommendation,action,owner,target,due,status,rag,days_overdue"));
    EXPECT_GE(lines.size(), 21); // quoted fields may hold line breaks, so at least one line per action
    EXPECT_TRUE(r.out.contains(QStringLiteral("\"Eugene O'Kane/Julie Miles\"")) ||
                r.out.contains(QStringLiteral(",Eugene O'Kane/Julie Miles,")));

    r = run({QStringLiteral("overdue"), QStringLiteral("--db"), path, QStringLiteral("--as-of"),
             QStringLiteral("2024-06-30")});
    ASSERT_EQ(r.code, 0);
    EXPECT_TRUE(r.out.startsWith(QStringLiteral("20 actions overdue as of 30/06/2024")))
        << r.out.toStdString();
}

TEST_F(CommandLineTest, OngoingIsNeverOverdue)
{
    const Result r = run({QStringLiteral("overdue"), QStringLiteral("--db"), path, QStringLiteral("--as-of"),
                          QStringLiteral("2099-01-01"), QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(r.code, 0);
    for (const QJsonValue& v : json(r).value(QStringLiteral("actions")).toArray()) {
        EXPECT_NE(v.toObject().value(QStringLiteral("target")).toString(), QStringLiteral("Ongoing"));
        EXPECT_FALSE(v.toObject().value(QStringLiteral("due")).toString().isEmpty());
    }
}

TEST_F(CommandLineTest, UsageErrorsExitOne)
{
    EXPECT_EQ(run({QStringLiteral("stats")}).code, CommandLine::UsageError);
    EXPECT_EQ(run({QStringLiteral("stats"), QStringLiteral("--db"), path, QStringLiteral("--format"),
                   QStringLiteral("xml")})
                  .code,
              CommandLine::UsageError);
    const Result r = run({QStringLiteral("overdue"), QStringLiteral("--db"), path, QStringLiteral("--as-of"),
                          QStringLiteral("30/06/2024")});
    EXPECT_EQ(r.code, CommandLine::UsageError);
    EXPECT_TRUE(r.err.contains(QStringLiteral("YYYY-MM-DD")));
    EXPECT_EQ(run({QStringLiteral("generate"), QStringLiteral("--db"), dir.file(QStringLiteral("g.rtdb")),
                   QStringLiteral("--reviews"), QStringLiteral("lots")})
                  .code,
              CommandLine::UsageError);
    EXPECT_EQ(run({QStringLiteral("stats"), QStringLiteral("--bogus")}).code, CommandLine::UsageError);
}

TEST_F(CommandLineTest, DataErrorsExitTwoWithOneLineNamingTheFile)
{
    const QString missing = dir.file(QStringLiteral("missing.rtdb"));
    Result r = run({QStringLiteral("stats"), QStringLiteral("--db"), missing});
    EXPECT_EQ(r.code, CommandLine::DataError);
    EXPECT_EQ(r.err.count(QLatin1Char('\n')), 1);
    EXPECT_TRUE(r.err.contains(missing));
    EXPECT_FALSE(QFile::exists(missing)) << "a missing --db file is never created";

    const QString notes = dir.file(QStringLiteral("notes.txt"));
    {
        QFile f(notes);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
    }
    r = run({QStringLiteral("overdue"), QStringLiteral("--db"), notes});
    EXPECT_EQ(r.code, CommandLine::DataError);
    EXPECT_TRUE(r.err.contains(notes) && r.err.contains(QStringLiteral("not a Review Tracker database")))
        << r.err.toStdString();

    r = run({QStringLiteral("init"), QStringLiteral("--db"), path});
    EXPECT_EQ(r.code, CommandLine::DataError) << "init never overwrites";
    EXPECT_TRUE(r.err.contains(QStringLiteral("already exists")));
}

TEST_F(CommandLineTest, GenerateMakesADeterministicDatabase)
{
    const QString a = dir.file(QStringLiteral("a.rtdb"));
    const QString b = dir.file(QStringLiteral("b.rtdb"));
    for (const QString& p : {a, b}) {
        const Result r =
            run({QStringLiteral("generate"), QStringLiteral("--db"), p, QStringLiteral("--reviews"),
                 QStringLiteral("12"), QStringLiteral("--seed"), QStringLiteral("5")});
        ASSERT_EQ(r.code, 0) << r.err.toStdString();
    }
    const Result sa = run({QStringLiteral("stats"), QStringLiteral("--db"), a, QStringLiteral("--as-of"),
                           QStringLiteral("2025-01-01")});
    const Result sb = run({QStringLiteral("stats"), QStringLiteral("--db"), b, QStringLiteral("--as-of"),
                           QStringLiteral("2025-01-01")});
    EXPECT_EQ(sa.out, sb.out);
    EXPECT_EQ(json(sa).value(QStringLiteral("reviews")).toInt(), 12);
    EXPECT_GT(json(sa).value(QStringLiteral("actions")).toInt(), 12 * 20);
    EXPECT_EQ(run({QStringLiteral("generate"), QStringLiteral("--db"), a, QStringLiteral("--reviews"),
                   QStringLiteral("1")})
                  .code,
              CommandLine::DataError)
        << "generate never overwrites a database";
}

TEST(Executable, ExitCodesAndStderrOfTheRealProgram)
{
    test::TempDir dir;
    const QString db = dir.file(QStringLiteral("x.rtdb"));
    QProcess p;
    p.start(QStringLiteral(RT_EXECUTABLE),
            {QStringLiteral("init"), QStringLiteral("--db"), db, QStringLiteral("--sample")});
    ASSERT_TRUE(p.waitForFinished(60000));
    EXPECT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();

    p.start(QStringLiteral(RT_EXECUTABLE), {QStringLiteral("stats"), QStringLiteral("--db"), db});
    ASSERT_TRUE(p.waitForFinished(60000));
    EXPECT_EQ(p.exitCode(), 0);
    EXPECT_EQ(
        QJsonDocument::fromJson(p.readAllStandardOutput()).object().value(QStringLiteral("reviews")).toInt(),
        5);

    p.start(QStringLiteral(RT_EXECUTABLE),
            {QStringLiteral("overdue"), QStringLiteral("--db"), dir.file(QStringLiteral("none.rtdb"))});
    ASSERT_TRUE(p.waitForFinished(60000));
    EXPECT_EQ(p.exitCode(), 2);
    const QByteArray err = p.readAllStandardError();
    EXPECT_EQ(err.count('\n'), 1) << err.toStdString();
    EXPECT_TRUE(err.contains("none.rtdb"));

    p.start(QStringLiteral(RT_EXECUTABLE), {QStringLiteral("frobnicate")});
    ASSERT_TRUE(p.waitForFinished(60000));
    EXPECT_EQ(p.exitCode(), 1);

    // A read-only file: figures are read without writing a byte.
    QFile::setPermissions(db, QFile::ReadOwner | QFile::ReadGroup);
    const QByteArray before = test::readAll(db);
    p.start(QStringLiteral(RT_EXECUTABLE), {QStringLiteral("overdue"), QStringLiteral("--db"), db,
                                            QStringLiteral("--as-of"), QStringLiteral("2024-06-30")});
    ASSERT_TRUE(p.waitForFinished(60000));
    EXPECT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
    EXPECT_EQ(test::readAll(db), before);
}

TEST(Executable, DamagedTablePageIsADataErrorAndTheFileIsLeftAlone)
{
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("damaged.rtdb"));
    test::sampleDatabase(path).reset();
    const QByteArray bytes = test::damageTableRootPage(path, QStringLiteral("actions"));
    // stats counts through indexes and never reads the damaged page; overdue
    // reads every action row, so it must meet the damage and say so.
    for (const char* verb : {"overdue"}) {
        QProcess p;
        p.start(QStringLiteral(RT_EXECUTABLE), {QLatin1String(verb), QStringLiteral("--db"), path});
        ASSERT_TRUE(p.waitForFinished(60000));
        EXPECT_EQ(p.exitCode(), 2) << verb;
        const QByteArray err = p.readAllStandardError();
        EXPECT_TRUE(err.contains("damaged.rtdb")) << err.toStdString();
        EXPECT_TRUE(err.contains("malformed")) << err.toStdString();
        EXPECT_EQ(test::readAll(path), bytes) << verb << " left the file as it was";
    }
}

TEST(Executable, ScreenshotRendersTheWindowToAPngOfTheAskedSize)
{
    test::TempDir dir;
    const QString db = dir.file(QStringLiteral("s.rtdb"));
    test::sampleDatabase(db).reset();
    const QString png = dir.file(QStringLiteral("shot.png"));
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(RT_EXECUTABLE),
            {QStringLiteral("screenshot"), QStringLiteral("--db"), db, QStringLiteral("--out"), png,
             QStringLiteral("--size"), QStringLiteral("1000x700")});
    ASSERT_TRUE(p.waitForFinished(60000));
    EXPECT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
    const QImage image(png);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), QSize(1000, 700));

    p.start(QStringLiteral(RT_EXECUTABLE),
            {QStringLiteral("screenshot"), QStringLiteral("--db"), db, QStringLiteral("--out"), png,
             QStringLiteral("--size"), QStringLiteral("big")});
    ASSERT_TRUE(p.waitForFinished(60000));
    EXPECT_EQ(p.exitCode(), 1);

    // A review's page, with a recommendation and its action selected; an
    // unknown review or number is an argument error naming it.
    const QString page = dir.file(QStringLiteral("child-x.png"));
    p.start(QStringLiteral(RT_EXECUTABLE),
            {QStringLiteral("screenshot"), QStringLiteral("--db"), db, QStringLiteral("--out"), page,
             QStringLiteral("--view"), QStringLiteral("review:Child X"), QStringLiteral("--select"),
             QStringLiteral("1.2/1.2")});
    ASSERT_TRUE(p.waitForFinished(60000));
    EXPECT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
    EXPECT_EQ(QImage(page).size(), QSize(1400, 900));
    EXPECT_NE(QImage(page), image);
    p.start(QStringLiteral(RT_EXECUTABLE),
            {QStringLiteral("screenshot"), QStringLiteral("--db"), db, QStringLiteral("--out"), page,
             QStringLiteral("--view"), QStringLiteral("review:No Such Review")});
    ASSERT_TRUE(p.waitForFinished(60000));
    EXPECT_EQ(p.exitCode(), 1);
    EXPECT_TRUE(p.readAllStandardError().contains("No Such Review"));

    p.start(QStringLiteral(RT_EXECUTABLE), {QStringLiteral("--help")});
    ASSERT_TRUE(p.waitForFinished(60000));
    EXPECT_EQ(p.exitCode(), 0);
    EXPECT_TRUE(p.readAllStandardOutput().contains("--db"));
}
