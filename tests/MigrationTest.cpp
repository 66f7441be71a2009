#include "TestSupport.h"
#include "db/Database.h"
#include "db/Migrations.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <gtest/gtest.h>

using namespace rt;

namespace {

// Builds a file as the first release wrote it: schema 1 only, with a plan in it.
void makeVersion1File(const QString& path)
{
    const QString name = QStringLiteral("v1-maker");
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        raw.setDatabaseName(path);
        ASSERT_TRUE(raw.open());
        QString error;
        ASSERT_TRUE(Migrations::migrate(raw, 0, 1, &error)) << error.toStdString();
        QSqlQuery q(raw);
        for (const char* sql :
             {"INSERT INTO reviews(id, kind, reference, title) VALUES (1, 'lcspr', '0423', 'Child X')",
              "INSERT INTO recommendations(id, review_id, number, sort_key, text) VALUES (1, 1, '1', "
              "'000001', "
              "'Review placement commissioning')",
              "INSERT INTO actions(id, review_id, recommendation_id, text, owner_text, target_text, "
              "target_precision, target_due, status) VALUES (1, 1, 1, 'Commission a supervision audit', "
              "'Head of Quality', 'March 2024', 'month', '2024-03-31', 'partial')",
              "INSERT INTO updates(action_id, date, text) VALUES (1, '2024-02', 'Audit scheduled')"}) {
            ASSERT_TRUE(q.exec(QLatin1String(sql))) << sql << q.lastError().text().toStdString();
        }
        raw.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace

TEST(Migrations, Version1FileIsUpgradedWithItsDataKept)
{
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("v1.rtdb"));
    makeVersion1File(path);

    Database db;
    ASSERT_TRUE(db.open(path, Database::OpenMode::ReadWrite)) << db.errorString().toStdString();
    EXPECT_EQ(db.schemaVersion(), Database::kSchemaVersion);
    EXPECT_EQ(test::text(db, QStringLiteral("SELECT title FROM reviews")), QStringLiteral("Child X"));
    EXPECT_EQ(test::text(db, QStringLiteral("SELECT target_due FROM actions")), QStringLiteral("2024-03-31"));
    // Schema 2 added Section 11, schema 3 the text index, filled from the old rows.
    EXPECT_EQ(test::scalar(db, QStringLiteral("SELECT count(*) FROM s11_ratings")), 0);
    EXPECT_EQ(
        test::scalar(
            db, QStringLiteral("SELECT count(*) FROM action_search WHERE action_search MATCH 'supervis*'")),
        1);
}

TEST(Migrations, EachStepIsRecordedSoAReopenDoesNothing)
{
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("v1.rtdb"));
    makeVersion1File(path);
    {
        Database db;
        ASSERT_TRUE(db.open(path, Database::OpenMode::ReadWrite));
    }
    Database again;
    ASSERT_TRUE(again.open(path, Database::OpenMode::ReadWrite)) << again.errorString().toStdString();
    EXPECT_EQ(test::scalar(again, QStringLiteral("SELECT count(*) FROM actions")), 1);
}

TEST(Migrations, ReadOnlyOpenOfAnOldFileAsksForAnUpgradeAndWritesNothing)
{
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("v1.rtdb"));
    makeVersion1File(path);
    const QByteArray before = test::readAll(path);
    Database db;
    EXPECT_FALSE(db.open(path, Database::OpenMode::ReadOnly));
    EXPECT_TRUE(db.errorString().contains(QStringLiteral("upgraded")));
    EXPECT_EQ(test::readAll(path), before);
}

TEST(Migrations, AllScriptsAreBuiltIn)
{
    EXPECT_EQ(Migrations::latestVersion(), Database::kSchemaVersion);
}

TEST(Migrations, TriggerBodiesStayWhole)
{
    const QStringList statements = Migrations::splitStatements(
        QStringLiteral("-- comment\nCREATE TABLE a(x);\nCREATE TRIGGER t AFTER INSERT ON a\nBEGIN\n    "
                       "INSERT INTO b VALUES (1);\n"
                       "    INSERT INTO b VALUES (2);\nEND;\nCREATE INDEX i ON a(x);\n"));
    ASSERT_EQ(statements.size(), 3);
    EXPECT_TRUE(statements.at(1).startsWith(QStringLiteral("CREATE TRIGGER")));
    EXPECT_TRUE(statements.at(1).endsWith(QStringLiteral("END;")));
}
