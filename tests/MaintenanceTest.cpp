// Checking a database file, backups (one-off and rotating on open), restore,
// and the Restore from backup dialog. The dialog's picture for the user guide
// is saved when RT_SCREENSHOT_DIR is set.

#include "CliSupport.h"
#include "TestSupport.h"
#include "db/BackupRotation.h"
#include "db/DatabaseCheck.h"
#include "gui/dialogs/RestoreBackupDialog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSettings>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTableWidget>
#include <QtEndian>
#include <csignal>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>

using namespace rt;
using test::runCli;

namespace {

// Every row of every table, each table's rows sorted: two files with the
// same list hold the same data, whatever their page layout.
QStringList contents(const QString& path)
{
    Database db;
    EXPECT_TRUE(db.open(path, Database::OpenMode::ReadOnly)) << db.errorString().toStdString();
    QStringList tables;
    QSqlQuery q(db.connection());
    EXPECT_TRUE(q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                      "'sqlite_%' ORDER BY name")));
    while (q.next())
        tables << q.value(0).toString();
    QStringList all;
    for (const QString& table : tables) {
        QSqlQuery rows(db.connection());
        EXPECT_TRUE(rows.exec(QStringLiteral("SELECT * FROM \"%1\"").arg(table))) << table.toStdString();
        QStringList lines;
        while (rows.next()) {
            QStringList fields;
            for (int i = 0; i < rows.record().count(); ++i)
                fields << (rows.value(i).isNull() ? QStringLiteral("<null>") : rows.value(i).toString());
            lines << fields.join(QLatin1Char('|'));
        }
        lines.sort();
        all << table + QLatin1Char(':') + QString::number(lines.size());
        all << lines;
    }
    return all;
}

void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    ASSERT_EQ(f.write(bytes), bytes.size());
}

void copyFile(const QString& from, const QString& to)
{
    QFile::remove(to);
    ASSERT_TRUE(QFile::copy(from, to));
    QFile(to).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
}

// Overwrites with garbage a b-tree leaf page past the middle of the file, as
// a failing disk would; the schema pages at the start stay readable.
int damageMiddlePage(const QString& path)
{
    QByteArray bytes = test::readAll(path);
    const int pageSize = (quint8(bytes[16]) << 8) | quint8(bytes[17]);
    const int pages = static_cast<int>(bytes.size() / pageSize);
    for (int page = pages / 2; page <= pages; ++page) {
        const char type = bytes[(page - 1) * pageSize];
        if (type != 0x0D && type != 0x0A)
            continue;
        QRandomGenerator random(42);
        for (int i = 0; i < pageSize; ++i)
            bytes[(page - 1) * pageSize + i] = char(random.bounded(256));
        writeBytes(path, bytes);
        return page;
    }
    ADD_FAILURE() << "no leaf page in the second half of " << path.toStdString();
    return 0;
}

// A change a person might make: a saved filter, through rt::Database so the
// history triggers work.
void addChange(const QString& path, const QString& name)
{
    Database db;
    ASSERT_TRUE(db.open(path, Database::OpenMode::ReadWrite)) << db.errorString().toStdString();
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("INSERT INTO saved_filters (name, view, spec) VALUES (?, 'actions', '{}')"));
    q.addBindValue(name);
    ASSERT_TRUE(q.exec());
}

qint64 savedFilters(const QString& path)
{
    Database db;
    EXPECT_TRUE(db.open(path, Database::OpenMode::ReadOnly)) << db.errorString().toStdString();
    return test::scalar(db, QStringLiteral("SELECT count(*) FROM saved_filters"));
}

test::CliResult checkCli(const QString& path)
{
    return runCli({QStringLiteral("check"), QStringLiteral("--db"), path});
}

test::CliResult backupCli(const QString& path, const QString& out, const QStringList& more = {})
{
    return runCli(
        QStringList{QStringLiteral("backup"), QStringLiteral("--db"), path, QStringLiteral("--out"), out} +
        more);
}

QJsonObject checkJson(const QString& path)
{
    const auto r = runCli({QStringLiteral("check"), QStringLiteral("--db"), path, QStringLiteral("--format"),
                           QStringLiteral("json")});
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

QStringList problemKinds(const QJsonObject& report)
{
    QStringList kinds;
    for (const QJsonValue& p : report.value(QStringLiteral("problems")).toArray())
        kinds << p.toObject().value(QStringLiteral("kind")).toString();
    return kinds;
}

// Everything in a folder, hidden files too: a failed backup must leave nothing.
QStringList folderEntries(const QString& folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

void keepPicture(QWidget* widget, const QString& name)
{
    const QString folder = qEnvironmentVariable("RT_SCREENSHOT_DIR");
    if (!folder.isEmpty())
        widget->grab().save(folder + QLatin1Char('/') + name);
}

// Backup settings are per run (the test main's folder); each test starts
// from the defaults.
class Maintenance : public ::testing::Test
{
protected:
    void SetUp() override { QSettings().remove(QStringLiteral("backup")); }
    void TearDown() override { QSettings().remove(QStringLiteral("backup")); }
    // A closed database with the sample data.
    QString sample(const QString& name)
    {
        test::sampleDatabase(dir.file(name)).reset();
        return dir.file(name);
    }

    test::TempDir dir;
};

} // namespace

// ---- check ---------------------------------------------------------------

TEST_F(Maintenance, CheckReportsASoundDatabaseWithItsFigures)
{
    const QString path = dir.file(QStringLiteral("sample.rtdb"));
    qint64 reviews = 0;
    qint64 actions = 0;
    {
        auto db = test::sampleDatabase(path);
        reviews = test::scalar(*db, QStringLiteral("SELECT count(*) FROM reviews"));
        actions = test::scalar(*db, QStringLiteral("SELECT count(*) FROM actions"));
    }
    ASSERT_GT(actions, 0);
    const QByteArray before = test::readAll(path);
    const QDateTime mtime = QFileInfo(path).lastModified();
    const auto text = checkCli(path);
    EXPECT_EQ(text.code, CommandLine::Ok) << text.err.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral(": sound"))) << text.out.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("Reviews: %1, actions: %2").arg(reviews).arg(actions)))
        << text.out.toStdString();
    EXPECT_TRUE(text.err.isEmpty());

    const QJsonObject json = checkJson(path);
    EXPECT_TRUE(json.value(QStringLiteral("sound")).toBool());
    EXPECT_EQ(json.value(QStringLiteral("schema_version")).toInt(), Database::kSchemaVersion);
    EXPECT_EQ(json.value(QStringLiteral("reviews")).toInteger(), reviews);
    EXPECT_EQ(json.value(QStringLiteral("actions")).toInteger(), actions);
    EXPECT_EQ(json.value(QStringLiteral("file_size")).toInteger(), QFileInfo(path).size());
    EXPECT_EQ(json.value(QStringLiteral("page_count")).toInteger() *
                  json.value(QStringLiteral("page_size")).toInteger(),
              QFileInfo(path).size());
    EXPECT_TRUE(json.value(QStringLiteral("problems")).toArray().isEmpty());
    EXPECT_EQ(test::readAll(path), before) << "check never writes";
    EXPECT_EQ(QFileInfo(path).lastModified(), mtime);
}

TEST_F(Maintenance, CheckFindsRowsWhoseParentIsMissingAndSummarisesMany)
{
    const QString one = sample(QStringLiteral("orphan.rtdb"));
    const QString many = dir.file(QStringLiteral("orphans.rtdb"));
    QFile::copy(one, many);
    for (const QString& path : {one, many}) {
        Database db;
        ASSERT_TRUE(db.open(path, Database::OpenMode::ReadWrite));
        ASSERT_TRUE(db.exec(QStringLiteral("PRAGMA foreign_keys = OFF")));
        for (int i = 0; i < (path == one ? 1 : 8); ++i)
            ASSERT_TRUE(db.exec(QStringLiteral("INSERT INTO owners (id, name, agency_id) VALUES (%1, "
                                               "'Ghost %1', 424242)")
                                    .arg(9001 + i)));
    }
    const auto r = checkCli(one);
    EXPECT_EQ(r.code, CommandLine::DataError);
    EXPECT_EQ(r.err, QStringLiteral("review-tracker: %1: row 9001 of the table “owners” refers to a row of "
                                    "“agencies” that does not exist\n")
                         .arg(one));
    const QJsonArray problems = checkJson(many).value(QStringLiteral("problems")).toArray();
    ASSERT_EQ(problems.size(), 1);
    EXPECT_EQ(problems.at(0).toObject().value(QStringLiteral("kind")).toString(),
              QStringLiteral("foreign_key"));
    EXPECT_EQ(problems.at(0).toObject().value(QStringLiteral("message")).toString(),
              many + QStringLiteral(": 8 rows of the table “owners” refer to rows of “agencies” that do not "
                                    "exist (rowids 9001, 9002, 9003, 9004, 9005 and 3 more)"));
}

TEST_F(Maintenance, CheckFindsADroppedTrigger)
{
    const QString path = sample(QStringLiteral("no-trigger.rtdb"));
    QString trigger;
    {
        Database db;
        ASSERT_TRUE(db.open(path, Database::OpenMode::ReadWrite));
        // A history trigger when there is one: losing it silently stops the log.
        trigger = test::text(db, QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                                "ORDER BY name LIKE 'history%' DESC, name LIMIT 1"));
        ASSERT_TRUE(db.exec(QStringLiteral("DROP TRIGGER \"%1\"").arg(trigger)));
    }
    const auto r = checkCli(path);
    EXPECT_EQ(r.code, CommandLine::DataError);
    EXPECT_TRUE(r.err.contains(QStringLiteral("the schema is missing the trigger “%1”").arg(trigger)))
        << r.err.toStdString();
    EXPECT_EQ(problemKinds(checkJson(path)), QStringList{QStringLiteral("schema_object")});
}

TEST_F(Maintenance, CheckFindsAPageOverwrittenWithGarbageAndNeverWritesTheFile)
{
    const QString path = sample(QStringLiteral("damaged.rtdb"));
    ASSERT_GT(damageMiddlePage(path), 1);
    const QByteArray before = test::readAll(path);
    const QDateTime mtime = QFileInfo(path).lastModified();

    const auto r = checkCli(path);
    EXPECT_EQ(r.code, CommandLine::DataError);
    EXPECT_TRUE(r.err.contains(path + QStringLiteral(": damaged: "))) << r.err.toStdString();
    EXPECT_TRUE(problemKinds(checkJson(path)).contains(QStringLiteral("integrity")));

    EXPECT_EQ(test::readAll(path), before);
    EXPECT_EQ(QFileInfo(path).lastModified(), mtime);
}

TEST_F(Maintenance, CheckNamesTruncatedForeignNewerOlderAndMissingFiles)
{
    const QString source = sample(QStringLiteral("source.rtdb"));
    const QByteArray bytes = test::readAll(source);

    struct Case
    {
        QString name;
        QByteArray content;
        QString expected;
        QString kind;
    };
    QByteArray newer = bytes;
    qToBigEndian<quint32>(Database::kSchemaVersion + 1, newer.data() + 60);
    QByteArray older = bytes;
    qToBigEndian<quint32>(Database::kSchemaVersion - 1, older.data() + 60);
    QByteArray foreign = bytes;
    qToBigEndian<quint32>(0x12345678, foreign.data() + 68);
    const QList<Case> cases = {
        {QStringLiteral("truncated.rtdb"), bytes.left(bytes.size() / 2 + 100), QStringLiteral("truncated"),
         QStringLiteral("file")},
        {QStringLiteral("half.rtdb"), bytes.left(4096 * 3), QStringLiteral("truncated"),
         QStringLiteral("file")},
        {QStringLiteral("notes.rtdb"), QByteArray("Minutes of the QiiP subgroup\n").repeated(200),
         QStringLiteral("not a Review Tracker database"), QStringLiteral("file")},
        {QStringLiteral("empty.rtdb"), QByteArray(), QStringLiteral("the file is empty"),
         QStringLiteral("file")},
        {QStringLiteral("foreign.rtdb"), foreign, QStringLiteral("not one made by Review Tracker"),
         QStringLiteral("file")},
        {QStringLiteral("newer.rtdb"), newer, QStringLiteral("made by a newer Review Tracker"),
         QStringLiteral("file")},
        {QStringLiteral("older.rtdb"), older, QStringLiteral("needs upgrading: open it read-write once"),
         QStringLiteral("schema_version")},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name.toStdString());
        const QString path = dir.file(c.name);
        writeBytes(path, c.content);
        const auto r = checkCli(path);
        EXPECT_EQ(r.code, CommandLine::DataError);
        EXPECT_TRUE(r.err.contains(path + QLatin1Char(':'))) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(c.expected)) << r.err.toStdString();
        EXPECT_TRUE(problemKinds(checkJson(path)).contains(c.kind));
        EXPECT_EQ(test::readAll(path), c.content) << "check wrote the file";
    }
    const auto missing =
        runCli({QStringLiteral("check"), QStringLiteral("--db"), dir.file(QStringLiteral("none.rtdb"))});
    EXPECT_EQ(missing.code, CommandLine::DataError);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("no such file")));
    EXPECT_EQ(runCli({QStringLiteral("check")}).code, CommandLine::UsageError);
    EXPECT_EQ(runCli({QStringLiteral("check"), QStringLiteral("--db"), source, QStringLiteral("--format"),
                      QStringLiteral("xml")})
                  .code,
              CommandLine::UsageError);
}

// ---- the backup verb -------------------------------------------------------

TEST_F(Maintenance, BackupVerbWritesAVerifiedCopyThatHoldsTheSameData)
{
    const QString path = sample(QStringLiteral("sample.rtdb"));
    addChange(path, QStringLiteral("QiiP monthly"));
    const QString out = dir.file(QStringLiteral("copy.rtdb"));
    const QByteArray source = test::readAll(path);

    // The real program, so main() is shown to route the verb.
    QProcess process;
    process.start(QStringLiteral(RT_EXECUTABLE),
                  {QStringLiteral("backup"), QStringLiteral("--db"), path, QStringLiteral("--out"), out});
    ASSERT_TRUE(process.waitForFinished(60000));
    EXPECT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
    const QString printed = QString::fromUtf8(process.readAllStandardOutput());
    EXPECT_TRUE(printed.contains(out)) << printed.toStdString();
    EXPECT_TRUE(printed.contains(QStringLiteral("%1 bytes").arg(QFileInfo(out).size())))
        << printed.toStdString();

    const QStringList original = contents(path);
    EXPECT_GT(original.size(), 100);
    EXPECT_EQ(contents(out), original);
    EXPECT_EQ(checkCli(out).code, CommandLine::Ok);
    EXPECT_EQ(test::readAll(path), source) << "a backup never changes what it copies";
}

TEST_F(Maintenance, BackupVerbRefusesToOverwriteAndAMissingFolder)
{
    const QString path = sample(QStringLiteral("sample.rtdb"));
    const QString out = dir.file(QStringLiteral("existing.rtdb"));
    writeBytes(out, "keep me");

    const auto refused = backupCli(path, out);
    EXPECT_EQ(refused.code, CommandLine::DataError);
    EXPECT_TRUE(refused.err.contains(out + QStringLiteral(": the file already exists")))
        << refused.err.toStdString();
    EXPECT_EQ(test::readAll(out), QByteArray("keep me"));

    const auto replaced = backupCli(path, out, {QStringLiteral("--overwrite")});
    EXPECT_EQ(replaced.code, CommandLine::Ok) << replaced.err.toStdString();
    EXPECT_EQ(contents(out), contents(path));

    const QString nowhere = dir.file(QStringLiteral("no such folder/copy.rtdb"));
    const auto missing = backupCli(path, nowhere);
    EXPECT_EQ(missing.code, CommandLine::DataError);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("does not exist"))) << missing.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(dir.file(QStringLiteral("no such folder"))));

    const QString notes = dir.file(QStringLiteral("notes.txt"));
    writeBytes(notes, "not a database");
    const auto notDb = backupCli(notes, dir.file(QStringLiteral("notes-copy.rtdb")));
    EXPECT_EQ(notDb.code, CommandLine::DataError);
    EXPECT_TRUE(notDb.err.contains(QStringLiteral("not a Review Tracker database")))
        << notDb.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(dir.file(QStringLiteral("notes-copy.rtdb"))));
    EXPECT_EQ(runCli({QStringLiteral("backup"), QStringLiteral("--out"), out}).code, CommandLine::UsageError);
}

TEST_F(Maintenance, AFailedBackupLeavesNoFileBehind)
{
    const QString path = sample(QStringLiteral("sample.rtdb"));
    const qint64 size = QFileInfo(path).size();
    ASSERT_GT(size, 64 * 1024);
    QDir().mkpath(dir.file(QStringLiteral("out")));
    const QString out = dir.file(QStringLiteral("out/copy.rtdb"));

    // A write that fails part way, as on a full disk: a file size limit works
    // for root too, whom permission bits do not stop.
    rlimit old{};
    ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &old), 0);
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = old;
    small.rlim_cur = 32 * 1024;
    ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &small), 0);
    const auto r = backupCli(path, out);
    setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, oldHandler);

    EXPECT_EQ(r.code, CommandLine::DataError);
    EXPECT_TRUE(r.err.contains(out + QStringLiteral(": the backup could not be written")))
        << r.err.toStdString();
    EXPECT_EQ(folderEntries(dir.file(QStringLiteral("out"))), QStringList())
        << "no partial file, not even hidden";

    // An output "folder" that is a regular file.
    const QString notFolder = dir.file(QStringLiteral("plain-file"));
    writeBytes(notFolder, "x");
    const auto underFile = backupCli(path, notFolder + QStringLiteral("/copy.rtdb"));
    EXPECT_EQ(underFile.code, CommandLine::DataError);
    EXPECT_TRUE(underFile.err.contains(QStringLiteral("is a file, not a folder")))
        << underFile.err.toStdString();

    // A folder the user may not write (only meaningful when not root).
    if (geteuid() != 0) {
        const QString locked = dir.file(QStringLiteral("locked"));
        QDir().mkpath(locked);
        QFile::setPermissions(locked, QFile::ReadOwner | QFile::ExeOwner);
        const auto denied = backupCli(path, locked + QStringLiteral("/copy.rtdb"));
        EXPECT_EQ(denied.code, CommandLine::DataError);
        EXPECT_TRUE(denied.err.contains(QStringLiteral("cannot write in the folder")))
            << denied.err.toStdString();
        QFile::setPermissions(locked, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        EXPECT_EQ(folderEntries(locked), QStringList());
    }
}

// ---- rotation ---------------------------------------------------------------

TEST_F(Maintenance, TwelveOpensWithChangesKeepTheTenNewest)
{
    const QString path = dir.file(QStringLiteral("plans.rtdb"));
    test::emptyDatabase(path).reset();
    QStringList taken;
    for (int i = 0; i < 12; ++i) {
        Database db;
        ASSERT_TRUE(db.open(path, Database::OpenMode::ReadWrite));
        BackupRotation rotation(path);
        ASSERT_EQ(rotation.backupOnOpen(db), BackupRotation::Result::Taken)
            << i << rotation.errorString().toStdString();
        taken << rotation.lastBackup();
        db.close();
        addChange(path, QStringLiteral("Filter %1").arg(i));
    }
    const QString folder = QFileInfo(path).absolutePath() + QStringLiteral("/Backups");
    const QVector<BackupEntry> list = BackupRotation(path).backups();
    ASSERT_EQ(list.size(), 10);
    EXPECT_EQ(QDir(folder).entryList({QStringLiteral("*.rtdb")}, QDir::Files).size(), 10);
    // Newest first, and the two oldest are the ones gone.
    for (int i = 0; i < 10; ++i) {
        EXPECT_EQ(list.at(i).path, taken.at(11 - i));
        EXPECT_EQ(savedFilters(list.at(i).path), 11 - i)
            << "backup " << i << " holds what was there when taken";
        EXPECT_TRUE(QFileInfo(list.at(i).path).fileName().startsWith(QStringLiteral("plans ")));
    }
    EXPECT_FALSE(QFileInfo::exists(taken.at(0)));
    EXPECT_FALSE(QFileInfo::exists(taken.at(1)));
    const QRegularExpression name(QStringLiteral("^plans \\d{4}-\\d{2}-\\d{2} \\d{6}(_\\d+)?\\.rtdb$"));
    EXPECT_TRUE(name.match(QFileInfo(list.first().path).fileName()).hasMatch())
        << list.first().path.toStdString();
}

TEST_F(Maintenance, OpeningAnUnchangedDatabaseAgainAddsNoBackup)
{
    const QString path = sample(QStringLiteral("plans.rtdb"));
    for (int i = 0; i < 10; ++i) {
        Database db;
        ASSERT_TRUE(db.open(path, Database::OpenMode::ReadWrite));
        BackupRotation rotation(path);
        EXPECT_EQ(rotation.backupOnOpen(db),
                  i == 0 ? BackupRotation::Result::Taken : BackupRotation::Result::Skipped)
            << i;
    }
    EXPECT_EQ(BackupRotation(path).backups().size(), 1);
    addChange(path, QStringLiteral("Changed"));
    Database db;
    ASSERT_TRUE(db.open(path, Database::OpenMode::ReadWrite));
    EXPECT_EQ(BackupRotation(path).backupOnOpen(db), BackupRotation::Result::Taken) << "changed since";

    Database readOnly;
    ASSERT_TRUE(readOnly.open(path, Database::OpenMode::ReadOnly));
    EXPECT_EQ(BackupRotation(path).backupOnOpen(readOnly), BackupRotation::Result::Skipped);
    db.close();
    readOnly.close();

    // The variant with a connection of its own, on a worker thread as the
    // window may run it for a large file.
    auto onWorker = [&] {
        BackupRotation::Result result = BackupRotation::Result::Failed;
        std::thread worker([&] { result = BackupRotation(path).backupOnOpen(); });
        worker.join();
        return result;
    };
    EXPECT_EQ(onWorker(), BackupRotation::Result::Skipped);
    addChange(path, QStringLiteral("Changed again"));
    EXPECT_EQ(onWorker(), BackupRotation::Result::Taken);
    EXPECT_EQ(savedFilters(BackupRotation(path).backups().first().path), 2);
    EXPECT_EQ(BackupRotation(path).backups().size(), 3);
}

TEST_F(Maintenance, KeepOneAndAConfiguredFolder)
{
    const QString path = dir.file(QStringLiteral("plans.rtdb"));
    test::emptyDatabase(path).reset();
    QSettings().setValue(QStringLiteral("backup/keep"), 1);
    QSettings().setValue(QStringLiteral("backup/folder"), QStringLiteral("elsewhere/nested"));
    for (int i = 0; i < 3; ++i) {
        addChange(path, QStringLiteral("Filter %1").arg(i));
        Database db;
        ASSERT_TRUE(db.open(path, Database::OpenMode::ReadWrite));
        BackupRotation rotation(path);
        EXPECT_EQ(rotation.keep(), 1);
        ASSERT_EQ(rotation.backupOnOpen(db), BackupRotation::Result::Taken)
            << rotation.errorString().toStdString();
        EXPECT_EQ(rotation.removed().size(), i == 0 ? 0 : 1);
        EXPECT_EQ(BackupRotation(path).backups().first().path, rotation.lastBackup())
            << "the newest sorts first";
    }
    const QString folder = dir.file(QStringLiteral("elsewhere/nested"));
    const QVector<BackupEntry> list = BackupRotation(path).backups();
    ASSERT_EQ(list.size(), 1);
    EXPECT_EQ(QFileInfo(list.first().path).absolutePath(), QFileInfo(folder).absoluteFilePath());
    EXPECT_EQ(savedFilters(list.first().path), 3);
    EXPECT_FALSE(QFileInfo::exists(dir.file(QStringLiteral("Backups"))));
}

TEST_F(Maintenance, BadSettingsGiveAClearError)
{
    const QString path = dir.file(QStringLiteral("plans.rtdb"));
    test::emptyDatabase(path).reset();
    Database db;
    ASSERT_TRUE(db.open(path, Database::OpenMode::ReadWrite));

    QSettings().setValue(QStringLiteral("backup/keep"), 0);
    BackupRotation zero(path);
    EXPECT_EQ(zero.backupOnOpen(db), BackupRotation::Result::Failed);
    EXPECT_TRUE(zero.errorString().contains(QStringLiteral("backup/keep is “0”")))
        << zero.errorString().toStdString();
    QSettings().setValue(QStringLiteral("backup/keep"), QStringLiteral("many"));
    EXPECT_FALSE(BackupRotation(path).backupNow(db));
    QSettings().remove(QStringLiteral("backup/keep"));

    const QString file = dir.file(QStringLiteral("a file"));
    writeBytes(file, "x");
    QSettings().setValue(QStringLiteral("backup/folder"), file + QStringLiteral("/Backups"));
    BackupRotation blocked(path);
    EXPECT_EQ(blocked.backupOnOpen(db), BackupRotation::Result::Failed);
    EXPECT_TRUE(blocked.errorString().contains(
        QStringLiteral("cannot be created: %1 is a file, not a folder").arg(file)))
        << blocked.errorString().toStdString();
}

// ---- restore ------------------------------------------------------------------

TEST_F(Maintenance, RestoreBringsTheDataBackAndKeepsTheStateItReplaced)
{
    const QString path = sample(QStringLiteral("plans.rtdb"));
    BackupRotation rotation(path);
    ASSERT_TRUE(rotation.backupNow()) << rotation.errorString().toStdString();
    const QString backup = rotation.lastBackup();
    const QStringList before = contents(path);

    {
        Database db;
        ASSERT_TRUE(db.open(path, Database::OpenMode::ReadWrite));
        ASSERT_TRUE(db.exec(QStringLiteral("DELETE FROM reviews WHERE id = (SELECT min(id) FROM reviews)")));
    }
    addChange(path, QStringLiteral("After the mistake"));
    const QStringList mistaken = contents(path);
    ASSERT_NE(mistaken, before);

    QString error;
    QString keptAs;
    ASSERT_TRUE(BackupRotation::restore(backup, path, &error, &keptAs)) << error.toStdString();
    EXPECT_EQ(contents(path), before);
    EXPECT_FALSE(QFileInfo::exists(path + QStringLiteral("-wal")));
    ASSERT_FALSE(keptAs.isEmpty());
    EXPECT_EQ(contents(keptAs), mistaken) << "the replaced state is a backup too";
    EXPECT_EQ(BackupRotation(path).backups().first().path, keptAs);

    // And the restore undone from that backup.
    ASSERT_TRUE(BackupRotation::restore(keptAs, path, &error)) << error.toStdString();
    EXPECT_EQ(contents(path), mistaken);
    Database reopened;
    EXPECT_TRUE(reopened.open(path, Database::OpenMode::ReadWrite)) << reopened.errorString().toStdString();
}

TEST_F(Maintenance, ADamagedBackupIsRefusedAndTheTargetLeftAsItWas)
{
    const QString path = sample(QStringLiteral("plans.rtdb"));
    BackupRotation rotation(path);
    ASSERT_TRUE(rotation.backupNow());
    const QString bad = dir.file(QStringLiteral("bad.rtdb"));
    copyFile(rotation.lastBackup(), bad);
    damageMiddlePage(bad);
    addChange(path, QStringLiteral("Today's work"));
    const QByteArray target = test::readAll(path);
    const int backups = BackupRotation(path).backups().size();

    QString error;
    EXPECT_FALSE(BackupRotation::restore(bad, path, &error));
    EXPECT_TRUE(error.contains(bad + QStringLiteral(": cannot be restored"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("damaged"))) << error.toStdString();
    EXPECT_EQ(test::readAll(path), target);
    EXPECT_EQ(BackupRotation(path).backups().size(), backups) << "nothing kept, as nothing was replaced";

    const QString text = dir.file(QStringLiteral("text.rtdb"));
    writeBytes(text, "hello");
    EXPECT_FALSE(BackupRotation::restore(text, path, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("not a Review Tracker database"))) << error.toStdString();
    EXPECT_EQ(test::readAll(path), target);
}

// ---- the dialog ------------------------------------------------------------------

TEST_F(Maintenance, RestoreDialogListsTheBackupsWithUkDatesAndCounts)
{
    const QString path = dir.file(QStringLiteral("sample.rtdb"));
    qint64 reviews = 0;
    {
        auto db = test::sampleDatabase(path);
        reviews = test::scalar(*db, QStringLiteral("SELECT count(*) FROM reviews"));
        BackupRotation rotation(path);
        ASSERT_TRUE(rotation.backupNow(*db));
        ASSERT_TRUE(db->exec(QStringLiteral("DELETE FROM reviews WHERE id = (SELECT min(id) FROM reviews)")));
        ASSERT_TRUE(rotation.backupNow(*db));
    }
    // An unreadable file among them, named like a backup.
    const QVector<BackupEntry> two = BackupRotation(path).backups();
    ASSERT_EQ(two.size(), 2);
    const QString folder = QFileInfo(two.first().path).absolutePath();
    writeBytes(folder + QStringLiteral("/sample 2020-01-02 030405.rtdb"), "rubbish");

    RestoreBackupDialog dialog(path, nullptr);
    dialog.resize(760, 420);
    ASSERT_EQ(dialog.rowCount(), 3);
    const QVector<BackupEntry> list = dialog.backups();
    const QRegularExpression ukDate(QStringLiteral("^\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}$"));
    for (int row = 0; row < 2; ++row) {
        EXPECT_TRUE(ukDate.match(dialog.cellText(row, RestoreBackupDialog::TakenColumn)).hasMatch());
        EXPECT_EQ(dialog.cellText(row, RestoreBackupDialog::TakenColumn),
                  list.at(row).taken.toString(QStringLiteral("dd/MM/yyyy HH:mm")));
    }
    EXPECT_EQ(dialog.cellText(0, RestoreBackupDialog::ReviewsColumn), QString::number(reviews - 1))
        << "newest first";
    EXPECT_EQ(dialog.cellText(1, RestoreBackupDialog::ReviewsColumn), QString::number(reviews));
    EXPECT_EQ(dialog.cellText(2, RestoreBackupDialog::TakenColumn), QStringLiteral("02/01/2020 03:04"));
    EXPECT_EQ(dialog.cellText(2, RestoreBackupDialog::NoteColumn), QStringLiteral("Cannot be read"));
    EXPECT_TRUE(dialog.cellText(0, RestoreBackupDialog::SizeColumn).endsWith(QStringLiteral("KB")));

    EXPECT_TRUE(dialog.chosenBackup().isEmpty());
    EXPECT_FALSE(dialog.restoreButton()->isEnabled());
    dialog.selectRow(1);
    EXPECT_EQ(dialog.chosenBackup(), list.at(1).path);
    EXPECT_TRUE(dialog.restoreButton()->isEnabled());
    dialog.selectRow(2);
    EXPECT_TRUE(dialog.chosenBackup().isEmpty()) << "an unreadable file cannot be chosen";
    EXPECT_FALSE(dialog.restoreButton()->isEnabled());
    dialog.selectRow(0);
    keepPicture(&dialog, QStringLiteral("restore-backup-dialog.png"));

    EXPECT_TRUE(dialog.backUpNow()) << dialog.statusText().toStdString();
    EXPECT_EQ(dialog.rowCount(), 4);
    EXPECT_TRUE(dialog.statusText().startsWith(QStringLiteral("Backed up and verified")))
        << dialog.statusText().toStdString();

    dialog.setKeep(4);
    EXPECT_EQ(BackupSettings::load().keep, 4);
    const QString other = dir.file(QStringLiteral("other"));
    dialog.setFolder(other);
    EXPECT_EQ(BackupSettings::load().folder, other);
    EXPECT_EQ(dialog.folder(), QDir::toNativeSeparators(other));
    EXPECT_EQ(dialog.rowCount(), 0);
    dialog.setFolder(QString());
    EXPECT_EQ(dialog.rowCount(), 4);
    EXPECT_EQ(BackupSettings::load().keep, 4) << "the folder's change keeps the number";
}
