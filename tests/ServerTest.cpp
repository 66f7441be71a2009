// The PostgreSQL backend: addresses, the schema brought to the same version
// with the same columns as SQLite's, history written by the server's trigger
// with the server login, and the editor and reviewer roles enforced by the
// server itself — through the program and through psql.

#include "ServerTestSupport.h"
#include "TestSupport.h"
#include "cli/CommandLine.h"
#include "db/HistoryPause.h"
#include "db/HistoryTriggers.h"
#include "db/SqlDialect.h"
#include "io/SampleData.h"

#include <QProcess>
#include <QSqlQuery>

using namespace rt;

namespace {

QStringList columnsOf(Database& db, const QString& table)
{
    QSqlQuery q(db.connection());
    q.prepare(SqlDialect::columnsQuery(db.connection()));
    q.addBindValue(table);
    EXPECT_TRUE(q.exec()) << q.lastError().text().toStdString();
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

int runCli(const QStringList& args, QString* output)
{
    QString out;
    QString err;
    QTextStream o(&out);
    QTextStream e(&err);
    CommandLine cli(o, e);
    const int code = cli.run(QStringList{QStringLiteral("review-tracker")} + args);
    o.flush();
    e.flush();
    *output = out + err;
    return code;
}

// Hand-written SQL through psql, as a login would type it.
int psql(const QString& host, int port, const QString& login, const QString& password,
         const QString& database, const QString& sql, QString* output)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGPASSWORD"), password);
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("psql"),
            {QStringLiteral("-h"), host, QStringLiteral("-p"), QString::number(port), QStringLiteral("-U"),
             login, QStringLiteral("-d"), database, QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
             QStringLiteral("-c"), sql});
    if (!p.waitForFinished(30000))
        return -1;
    *output = QString::fromUtf8(p.readAll());
    return p.exitCode();
}

void addPlan(Database& db)
{
    ASSERT_TRUE(db.exec(QStringLiteral("INSERT INTO reviews(kind, title) VALUES ('lcspr', 'Child Q')")))
        << db.errorString().toStdString();
    ASSERT_TRUE(db.exec(QStringLiteral(
        "INSERT INTO recommendations(review_id, number, text) SELECT id, '1', 'Share plans' FROM reviews")));
    ASSERT_TRUE(db.exec(QStringLiteral("INSERT INTO actions(review_id, recommendation_id, text) SELECT "
                                       "review_id, id, 'Write the protocol' FROM recommendations")));
}

class Server : public test::ServerDatabaseTest
{
protected:
    // admin setup, a plan written by the owner, and a new login given role
    // with admin grant; the login's name.
    QString setUpWithLogin(const QString& role, const QString& stem, const QString& password)
    {
        QString output;
        EXPECT_EQ(runCli({QStringLiteral("admin"), QStringLiteral("setup"), QStringLiteral("--db"), url()},
                         &output),
                  0)
            << output.toStdString();
        EXPECT_TRUE(output.contains(QStringLiteral("tracker_reviewer"))) << output.toStdString();
        {
            auto owner = open(url(), Database::OpenMode::ReadWrite);
            addPlan(*owner);
        }
        const QString login = createLogin(stem, password);
        EXPECT_EQ(runCli({QStringLiteral("admin"), QStringLiteral("grant"), QStringLiteral("--db"), url(),
                          QStringLiteral("--role"), role, login},
                         &output),
                  0)
            << output.toStdString();
        return login;
    }
};

} // namespace

TEST(ServerAddress, ReadsTheAddressAndRefusesWhatItCannotUse)
{
    QString error;
    const ServerAddress a = ServerAddress::parse(
        QStringLiteral("postgresql://alice@db.example.org:6543/tracker?sslmode=verify-full"), &error);
    ASSERT_TRUE(a.isValid()) << error.toStdString();
    EXPECT_EQ(a.user(), QStringLiteral("alice"));
    EXPECT_EQ(a.host(), QStringLiteral("db.example.org"));
    EXPECT_EQ(a.port(), 6543);
    EXPECT_EQ(a.database(), QStringLiteral("tracker"));
    EXPECT_TRUE(a.connectOptions().contains(QStringLiteral("sslmode=verify-full")));
    EXPECT_TRUE(a.connectOptions().contains(QStringLiteral("connect_timeout=10")));
    EXPECT_EQ(ServerAddress::parse(QStringLiteral("postgres://bob@h/db"), &error).port(), 5432);

    struct Bad
    {
        const char* text;
        const char* says;
    };
    for (const Bad& bad : {Bad{"postgresql://alice:secret@h/db", "password"},
                           Bad{"postgresql://alice@h/db?password=x", "password"},
                           Bad{"postgresql://alice@h", "database name is missing"},
                           Bad{"postgresql://alice@/db", "server's name is missing"},
                           Bad{"postgresql://alice@h/db?sslmode=maybe", "sslmode must be one of"},
                           Bad{"postgresql://alice@h/db?options=-c%20x", "unknown option"},
                           Bad{"/home/alice/plans.rtdb", "postgresql://"}}) {
        error.clear();
        EXPECT_FALSE(ServerAddress::parse(QString::fromUtf8(bad.text), &error).isValid()) << bad.text;
        EXPECT_TRUE(error.contains(QString::fromUtf8(bad.says))) << error.toStdString();
    }
    // What the program shows never holds a password, and says where it goes.
    EXPECT_EQ(a.toString(),
              QStringLiteral("postgresql://alice@db.example.org:6543/tracker?sslmode=verify-full"));
}

TEST_F(Server, TheMigrationsBuildTheSameTablesAndColumnsAsOnSqlite)
{
    auto server = open(url(), Database::OpenMode::CreateNew);
    ASSERT_TRUE(server->isOpen());
    EXPECT_TRUE(server->isServer());
    EXPECT_EQ(server->schemaVersion(), Database::kSchemaVersion);
    EXPECT_FALSE(server->isReadOnly());

    test::TempDir dir;
    auto file = test::emptyDatabase(dir.file(QStringLiteral("same.rtdb")));
    QStringList tables;
    for (const HistoryTriggers::Table& t : HistoryTriggers::tables())
        tables << t.table;
    tables << QStringLiteral("history");
    for (const QString& table : std::as_const(tables)) {
        QStringList onServer = columnsOf(*server, table);
        // A table SQLite keys by rowid has it as a column on the server.
        onServer.removeAll(QStringLiteral("rowid"));
        EXPECT_EQ(onServer, columnsOf(*file, table)) << table.toStdString();
    }

    // Opened again it is recognised; made again it is refused.
    server.reset();
    EXPECT_EQ(open(url(), Database::OpenMode::ReadWrite)->schemaVersion(), Database::kSchemaVersion);
    Database again;
    EXPECT_FALSE(again.open(url(), Database::OpenMode::CreateNew));
    EXPECT_TRUE(again.errorString().contains(QStringLiteral("already holds")))
        << again.errorString().toStdString();
}

TEST_F(Server, AnEmptyServerDatabaseIsNotOpenedButNamedForSetup)
{
    Database db;
    EXPECT_FALSE(db.open(url(), Database::OpenMode::ReadWrite));
    EXPECT_TRUE(db.errorString().contains(QStringLiteral("admin setup"))) << db.errorString().toStdString();
    Database wrong;
    EXPECT_FALSE(wrong.open(QStringLiteral("postgresql://postgres@127.0.0.1:%1/no_such_database").arg(port()),
                            Database::OpenMode::ReadWrite));
    EXPECT_TRUE(wrong.errorString().contains(QStringLiteral("cannot connect")))
        << wrong.errorString().toStdString();
}

TEST_F(Server, EveryChangeIsLoggedByTheServerWithTheServerLogin)
{
    auto db = open(url(), Database::OpenMode::CreateNew);
    addPlan(*db);
    ASSERT_TRUE(db->exec(QStringLiteral("INSERT INTO updates(action_id, date, text) SELECT id, '2025-02', "
                                        "'Draft circulated' FROM actions")));
    ASSERT_TRUE(db->exec(QStringLiteral("UPDATE actions SET status = 'complete', rag = 'green'")));
    EXPECT_EQ(
        test::text(*db, QStringLiteral("SELECT string_agg(entity || ':' || field, ' ' ORDER BY id) FROM "
                                       "history")),
        QStringLiteral("review:created recommendation:created action:created update:created "
                       "action:status action:rag"));
    EXPECT_EQ(test::text(*db, QStringLiteral("SELECT string_agg(DISTINCT who, ' ') FROM history")),
              QStringLiteral("postgres"));
    EXPECT_EQ(
        test::text(*db, QStringLiteral("SELECT old_value || '>' || new_value FROM history WHERE field = "
                                       "'status'")),
        QStringLiteral("not_started>complete"));
    // A detail names its parent and review; the latest update's day is kept
    // (bookkeeping, not logged) and the search finds the update's words.
    EXPECT_EQ(test::text(
                  *db, QStringLiteral("SELECT parent_entity || ':' || (parent_id = (SELECT id FROM actions)) "
                                      "|| ':' || (review_id = (SELECT id FROM reviews)) FROM history WHERE "
                                      "entity = 'update'")),
              QStringLiteral("action:true:true"));
    EXPECT_EQ(test::text(*db, QStringLiteral("SELECT last_update FROM actions")),
              QStringLiteral("2025-02-28"));
    EXPECT_EQ(test::scalar(*db, QStringLiteral("SELECT count(*) FROM action_search WHERE document @@ "
                                               "to_tsquery('simple', 'circul:*')")),
              1);
    // The created row is the row, as JSON, in column order.
    EXPECT_TRUE(test::text(*db, QStringLiteral("SELECT new_value FROM history WHERE entity = 'review'"))
                    .startsWith(QStringLiteral("{\"id\":")));

    // The log is evidence: the owner cannot rewrite or remove it either.
    EXPECT_FALSE(db->exec(QStringLiteral("UPDATE history SET who = 'someone else'")));
    EXPECT_FALSE(db->exec(QStringLiteral("DELETE FROM history")));

    // The owner's restore may pause the log, for its own session only.
    const qint64 before = test::scalar(*db, QStringLiteral("SELECT count(*) FROM history"));
    {
        HistoryPause pause(db->connection());
        ASSERT_TRUE(pause.isPaused()) << pause.errorString().toStdString();
        ASSERT_TRUE(db->exec(QStringLiteral("UPDATE actions SET rag = 'amber'")));
    }
    EXPECT_EQ(test::scalar(*db, QStringLiteral("SELECT count(*) FROM history")), before);
    ASSERT_TRUE(db->exec(QStringLiteral("UPDATE actions SET rag = 'red'")));
    EXPECT_EQ(test::scalar(*db, QStringLiteral("SELECT count(*) FROM history")), before + 1);
}

TEST_F(Server, AReviewerCannotChangeAnythingEvenThroughPsql)
{
    QString output;
    const QString reviewer =
        setUpWithLogin(QStringLiteral("reviewer"), QStringLiteral("rita"), QStringLiteral("rita-pw"));
    ASSERT_FALSE(HasFatalFailure());

    // Through psql, by hand: every write is refused by the server.
    for (const QString& sql :
         {QStringLiteral("UPDATE actions SET status = 'complete'"), QStringLiteral("DELETE FROM actions"),
          QStringLiteral("INSERT INTO themes(name) VALUES ('x')"),
          QStringLiteral("INSERT INTO history(at, who, entity, entity_id, field) VALUES "
                         "('2020-01-01T00:00:00Z', 'x', 'action', 1, 'status')"),
          QStringLiteral("DELETE FROM action_search"),
          QStringLiteral("SELECT rt_index_actions(ARRAY[1::bigint])")}) {
        EXPECT_NE(psql(host(), port(), reviewer, QStringLiteral("rita-pw"), name(), sql, &output), 0)
            << sql.toStdString();
        EXPECT_TRUE(output.contains(QStringLiteral("permission denied"))) << output.toStdString();
    }
    EXPECT_EQ(psql(host(), port(), reviewer, QStringLiteral("rita-pw"), name(),
                   QStringLiteral("SELECT text FROM actions"), &output),
              0)
        << output.toStdString();
    EXPECT_TRUE(output.contains(QStringLiteral("Write the protocol")));

    // Through the program, asked for the password (PGPASSWORD is the owner's).
    int asked = 0;
    Database::setPasswordPrompt([&](const QString& address, const QString&, QString* password) {
        ++asked;
        EXPECT_TRUE(address.contains(reviewer));
        *password = QStringLiteral("rita-pw");
        return true;
    });
    Database db;
    ASSERT_TRUE(db.open(urlAs(reviewer), Database::OpenMode::ReadWrite)) << db.errorString().toStdString();
    Database::setPasswordPrompt({});
    EXPECT_EQ(asked, 1);
    EXPECT_TRUE(db.isReadOnly());
    EXPECT_EQ(db.serverRole(), QStringLiteral("reviewer"));
    EXPECT_FALSE(db.exec(QStringLiteral("UPDATE actions SET rag = 'red'")));
    EXPECT_TRUE(db.errorString().contains(QStringLiteral("permission denied")))
        << db.errorString().toStdString();
}

TEST_F(Server, AnEditorChangesRecordsButNeitherTheLogNorItsPause)
{
    QString output;
    const QString editor =
        setUpWithLogin(QStringLiteral("editor"), QStringLiteral("ed"), QStringLiteral("ed-pw"));
    ASSERT_FALSE(HasFatalFailure());
    EXPECT_EQ(psql(host(), port(), editor, QStringLiteral("ed-pw"), name(),
                   QStringLiteral("UPDATE actions SET status = 'in_progress'"), &output),
              0)
        << output.toStdString();
    // Not unlogged, not at a made-up time: the pause and the clock are the owner's.
    EXPECT_EQ(psql(host(), port(), editor, QStringLiteral("ed-pw"), name(),
                   QStringLiteral("SET rt.history = 'off'; SET rt.clock = '2001-01-01T00:00:00Z'; "
                                  "UPDATE actions SET rag = 'amber'"),
                   &output),
              0)
        << output.toStdString();
    for (const QString& sql :
         {QStringLiteral(
              "INSERT INTO history(at, who, entity, entity_id, field) VALUES ('2020-01-01T00:00:00Z', "
              "'x', 'action', 1, 'status')"),
          QStringLiteral("DELETE FROM history"), QStringLiteral("DELETE FROM action_search")}) {
        EXPECT_NE(psql(host(), port(), editor, QStringLiteral("ed-pw"), name(), sql, &output), 0)
            << sql.toStdString();
        EXPECT_TRUE(output.contains(QStringLiteral("permission denied"))) << output.toStdString();
    }

    auto owner = open(url(), Database::OpenMode::ReadWrite);
    EXPECT_EQ(test::text(*owner,
                         QStringLiteral("SELECT string_agg(field || ':' || new_value || ':' || who || ':' || "
                                        "(at > '2020'), ' ' ORDER BY id) FROM history WHERE who <> "
                                        "'postgres'")),
              QStringLiteral("status:in_progress:%1:true rag:amber:%1:true").arg(editor));

    // A login that does not exist is named, not created.
    EXPECT_EQ(runCli({QStringLiteral("admin"), QStringLiteral("grant"), QStringLiteral("--db"), url(),
                      QStringLiteral("--role"), QStringLiteral("editor"), QStringLiteral("nobody_here")},
                     &output),
              2);
    EXPECT_TRUE(output.contains(QStringLiteral("no login “nobody_here”"))) << output.toStdString();
}

// The same documents loaded into a file and onto the server give the same
// answers, byte for byte, from every verb already moved to both backends.
TEST_F(Server, TheSampleOnTheServerAnswersAsTheFileDoes)
{
    QString error;
    ASSERT_TRUE(SampleData::createDatabase(url(), &error)) << error.toStdString();
    test::TempDir dir;
    const QString file = dir.file(QStringLiteral("sample.rtdb"));
    ASSERT_TRUE(SampleData::createDatabase(file, &error)) << error.toStdString();
    {
        auto server = open(url(), Database::OpenMode::ReadWrite);
        Database local;
        ASSERT_TRUE(local.open(file, Database::OpenMode::ReadOnly));
        for (const HistoryTriggers::Table& t : HistoryTriggers::tables()) {
            const QString count = QStringLiteral("SELECT count(*) FROM %1").arg(t.table);
            EXPECT_EQ(test::scalar(*server, count), test::scalar(local, count)) << t.table.toStdString();
        }
        const QString logged = QStringLiteral("SELECT count(*) FROM history");
        EXPECT_EQ(test::scalar(*server, logged), test::scalar(local, logged));
    }
    const QString asOf = QStringLiteral("2024-06-30");
    for (const QString& verb :
         {QStringLiteral("stats"), QStringLiteral("overdue"), QStringLiteral("dashboard")}) {
        QString onServer;
        QString onFile;
        EXPECT_EQ(runCli({verb, QStringLiteral("--db"), url(), QStringLiteral("--as-of"), asOf}, &onServer),
                  0)
            << onServer.toStdString();
        EXPECT_EQ(runCli({verb, QStringLiteral("--db"), file, QStringLiteral("--as-of"), asOf}, &onFile), 0);
        EXPECT_GT(onFile.size(), 100) << verb.toStdString();
        EXPECT_EQ(onServer, onFile) << verb.toStdString();
    }
    // The papers the Executive and QiiP receive, as CSV and HTML.
    const QList<QStringList> papers = {{QStringLiteral("--paper"), QStringLiteral("highlight")},
                                       {QStringLiteral("--paper"), QStringLiteral("summary")},
                                       {QStringLiteral("--all")},
                                       {QStringLiteral("--review"), QStringLiteral("0118")}};
    int compared = 0;
    for (const QStringList& paper : papers) {
        for (const QString& format : {QStringLiteral("csv"), QStringLiteral("html")}) {
            const QString a = dir.file(QStringLiteral("server.%1").arg(format));
            const QString b = dir.file(QStringLiteral("file.%1").arg(format));
            QString said;
            const QStringList common =
                QStringList{QStringLiteral("export")} + paper +
                QStringList{QStringLiteral("--format"), format, QStringLiteral("--as-of"), asOf};
            ASSERT_EQ(
                runCli(common + QStringList{QStringLiteral("--db"), url(), QStringLiteral("-o"), a}, &said),
                0)
                << said.toStdString();
            ASSERT_EQ(
                runCli(common + QStringList{QStringLiteral("--db"), file, QStringLiteral("-o"), b}, &said), 0)
                << said.toStdString();
            const QByteArray fromServer = test::readAll(a);
            EXPECT_GT(fromServer.size(), 200) << paper.join(QLatin1Char(' ')).toStdString();
            EXPECT_EQ(fromServer, test::readAll(b))
                << paper.join(QLatin1Char(' ')).toStdString() << " " << format.toStdString();
            ++compared;
        }
    }
    EXPECT_EQ(compared, 8);
}
