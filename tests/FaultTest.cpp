// Crash and fault safety: each test injects a real fault (SIGKILL, a full
// disk, a file made read-only, deleted or replaced while open) and checks
// what a person would need afterwards — the file opens, SQLite finds it
// sound, and every change is either wholly there or wholly absent.
//
// Children: the import tests run the real review-tracker binary
// (RT_EXECUTABLE). The edit-session test re-runs this test binary as its
// child with --gtest_filter=FaultChild.EditLoop and RT_FAULT_CHILD=edit-loop
// in the environment; without that variable FaultChild.EditLoop does nothing.

#include "FaultSupport.h"
#include "TestSupport.h"
#include "cli/CommandLine.h"
#include "db/ActionRepository.h"
#include "db/FileGuard.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <cstdio>
#include <gtest/gtest.h>
#include <iostream>

using namespace rt;
using namespace rt::fault;

// ---------------------------------------------------------------- FileGuard

TEST(FileGuardTest, GuardsNothingByDefaultOrForAMissingFile)
{
    EXPECT_EQ(FileGuard().check(), FileGuard::State::Unchanged);
    test::TempDir dir;
    const FileGuard guard(dir.file(QStringLiteral("never-made.rtdb")));
    EXPECT_FALSE(guard.isGuarding());
    EXPECT_EQ(guard.check(), FileGuard::State::Unchanged);
}

TEST(FileGuardTest, WritingInPlaceIsUnchanged)
{
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("plan.rtdb"));
    writeFile(path, "one");
    const FileGuard guard(path);
    ASSERT_TRUE(guard.isGuarding());
    writeFile(path, "two, longer"); // same inode: what SQLite itself does
    EXPECT_EQ(guard.check(), FileGuard::State::Unchanged);
    EXPECT_TRUE(guard.describe(FileGuard::State::Unchanged).isEmpty());
}

TEST(FileGuardTest, SeesADeletedFile)
{
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("plan.rtdb"));
    writeFile(path, "x");
    const FileGuard guard(path);
    ASSERT_TRUE(QFile::remove(path));
    EXPECT_EQ(guard.check(), FileGuard::State::Deleted);
    const QString sentence = guard.describe(FileGuard::State::Deleted);
    EXPECT_TRUE(sentence.contains(path)) << sentence.toStdString();
    EXPECT_TRUE(sentence.contains(QLatin1String("was deleted"))) << sentence.toStdString();
}

TEST(FileGuardTest, SeesAFileRenamedOverIt)
{
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("plan.rtdb"));
    const QString other = dir.file(QStringLiteral("other.rtdb"));
    writeFile(path, "x");
    writeFile(other, "x"); // same bytes: identity, not content, is compared
    const FileGuard guard(path);
    ASSERT_EQ(::rename(QFile::encodeName(other).constData(), QFile::encodeName(path).constData()), 0);
    EXPECT_EQ(guard.check(), FileGuard::State::Replaced);
    const QString sentence = guard.describe(FileGuard::State::Replaced);
    EXPECT_TRUE(sentence.contains(path) && sentence.contains(QLatin1String("replaced")))
        << sentence.toStdString();
}

TEST(FileGuardTest, SeesAReadOnlyModeEvenForRootAndItsUndoing)
{
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("plan.rtdb"));
    writeFile(path, "x");
    const FileGuard guard(path);
    ASSERT_TRUE(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    EXPECT_EQ(guard.check(), FileGuard::State::MadeReadOnly);
    EXPECT_TRUE(guard.describe(FileGuard::State::MadeReadOnly).contains(QLatin1String("read-only")));
    ASSERT_TRUE(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
    EXPECT_EQ(guard.check(), FileGuard::State::Unchanged);
}

TEST(FileGuardTest, AReplacementThatIsReadOnlyIsReplacedAndAGoneFolderIsDeleted)
{
    test::TempDir dir;
    const QString folder = dir.file(QStringLiteral("sub"));
    ASSERT_TRUE(QDir().mkpath(folder));
    const QString path = folder + QStringLiteral("/plan.rtdb");
    const QString other = dir.file(QStringLiteral("other.rtdb"));
    writeFile(path, "x");
    writeFile(other, "y");
    ASSERT_TRUE(QFile::setPermissions(other, QFile::ReadOwner));
    const FileGuard guard(path);
    ASSERT_EQ(::rename(QFile::encodeName(other).constData(), QFile::encodeName(path).constData()), 0);
    EXPECT_EQ(guard.check(), FileGuard::State::Replaced);
    ASSERT_TRUE(QDir(folder).removeRecursively());
    EXPECT_EQ(guard.check(), FileGuard::State::Deleted);
}

// ------------------------------------------------- a. SIGKILL during import

TEST(FaultTest, KillDuringLargeImportLeavesAllOrNothing)
{
    test::TempDir dir;
    const QString base = dir.file(QStringLiteral("base.rtdb"));
    test::sampleDatabase(base).reset();
    const Counts before = countsOf(base);
    const QString csv = dir.file(QStringLiteral("big.csv"));
    writeBigTracker(csv, kBigReviews, kBigRecs, kBigActions);
    const int rows = kBigReviews * kBigRecs * kBigActions;

    // One undisturbed run measures the import, to place the kills in it.
    const QString full = dir.file(QStringLiteral("full.rtdb"));
    ASSERT_TRUE(QFile::copy(base, full));
    ImportWatch measured = runImportWatched(full, csv, KillWhen{});
    ASSERT_TRUE(measured.finished) << measured.err.toStdString();
    ASSERT_EQ(measured.code, 0) << measured.err.toStdString();
    const Counts after = countsOf(full);
    ASSERT_EQ(after.reviews, before.reviews + kBigReviews);
    ASSERT_EQ(after.actions, before.actions + rows);
    std::cout << "[ measured ] import of " << rows << " rows: " << measured.elapsedMs << " ms; WAL "
              << measured.maxWal << " bytes, first written at " << measured.walStartMs
              << " ms; main file grew (checkpoint) at " << measured.mainGrewMs << " ms" << std::endl;

    // Kill moments fixed by the progress the child shows in the file system,
    // so a slow machine still kills inside the phase meant: once while it
    // reads the tracker and builds the transaction in memory (half the time
    // before the WAL grew), while the transaction's pages go to the WAL (a
    // share of its final size: spilled pages, then the commit being written),
    // and while the checkpoint after the commit copies them into the main
    // file (the main file growing, and half way to its final size).
    const qint64 finalMain = fileSize(full);
    const qint64 baseMain = fileSize(base);
    QVector<KillWhen> kills;
    kills << KillWhen{
        qMax<qint64>(1, (measured.walStartMs > 0 ? measured.walStartMs : measured.elapsedMs) / 2), 0, 0};
    for (const double f : {0.1, 0.5, 0.95})
        kills << KillWhen{0, qMax<qint64>(1, qint64(f * measured.maxWal)), 0};
    kills << KillWhen{0, 0, baseMain + 1} << KillWhen{0, 0, baseMain + (finalMain - baseMain) / 2};

    int none = 0, all = 0, killed = 0;
    for (int i = 0; i < kills.size(); ++i) {
        const QString db = dir.file(QStringLiteral("kill-%1.rtdb").arg(i));
        ASSERT_TRUE(QFile::copy(base, db));
        const ImportWatch w = runImportWatched(db, csv, kills.at(i));
        killed += w.killed ? 1 : 0;
        SCOPED_TRACE(describeKill(kills.at(i), w));
        std::cout << "[ kill     ] " << describeKill(kills.at(i), w) << std::endl;
        const Counts c = expectSound(db);
        const bool isNone = c == before;
        const bool isAll =
            c.reviews == after.reviews && c.actions == after.actions && c.updates == after.updates;
        EXPECT_TRUE(isNone || isAll) << "reviews " << c.reviews << ", actions " << c.actions << ": neither "
                                     << before.actions << " nor " << after.actions;
        none += isNone ? 1 : 0;
        all += isAll ? 1 : 0;
        if (!w.killed) {
            EXPECT_TRUE(isAll);
        }
        expectCheckVerbPasses(db);
    }
    std::cout << "[ result   ] " << killed << " of " << kills.size() << " runs killed; " << none
              << " left nothing, " << all << " left everything" << std::endl;
    // The kills must have hit the import, or this test proved nothing.
    EXPECT_GE(killed, kills.size() - 2);
    EXPECT_GE(none, 2);
}

// ------------------------------------------- b. SIGKILL during edit session

// The child of KillDuringEditsLosesNoCommittedEdit; see the top of the file.
TEST(FaultChild, EditLoop)
{
    if (qEnvironmentVariable("RT_FAULT_CHILD") != QLatin1String("edit-loop"))
        return;
    Database db;
    ASSERT_TRUE(db.open(qEnvironmentVariable("RT_FAULT_DB"), Database::OpenMode::ReadWrite))
        << db.errorString().toStdString();
    const quint64 seed = qEnvironmentVariable("RT_FAULT_SEED").toULongLong();
    const QVector<qint64> ids = editedActions(db);
    ActionRepository repo(db.connection());
    for (int i = 0; i < kMaxEditsPerChild; ++i) {
        const Edit e = editFor(seed, i, ids.size());
        if (!repo.setField(ids.at(e.actionIndex), e.field, e.value)) {
            // One line: the parent reads the reason up to the line's end.
            const QString reason = repo.errorString().simplified();
            std::printf("refused %d: %s\n", i, reason.toUtf8().constData());
            std::fflush(stdout);
            std::_Exit(0);
        }
        std::printf("committed %d\n", i);
        std::fflush(stdout);
    }
    std::_Exit(0); // the parent kills long before; never report a pass of its own
}

TEST(FaultTest, KillDuringEditsLosesNoCommittedEdit)
{
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("edits.rtdb"));
    test::sampleDatabase(path).reset();
    int totalEdits = 0;
    for (int round = 0; round < kEditRounds; ++round) {
        const quint64 seed = QRandomGenerator::global()->generate64() % 1000000;
        const int waitFor = 20 + int(QRandomGenerator::global()->bounded(180));
        const int extraMs = int(QRandomGenerator::global()->bounded(40));
        SCOPED_TRACE(QStringLiteral("round %1, seed %2, kill after \"committed %3\" + %4 ms")
                         .arg(round)
                         .arg(seed)
                         .arg(waitFor)
                         .arg(extraMs)
                         .toStdString());
        FieldValues original;
        QVector<qint64> ids;
        {
            Database db;
            ASSERT_TRUE(db.open(path, Database::OpenMode::ReadOnly));
            ids = editedActions(db);
            original = fieldValues(db, ids);
        }
        ASSERT_GE(ids.size(), 10);

        const EditChildResult child = runEditChild(path, seed, waitFor, extraMs);
        EXPECT_TRUE(child.killed);
        EXPECT_EQ(child.refused, -1) << child.reason.toStdString();
        const int last = child.last;
        ASSERT_GE(last, waitFor) << "the child must have committed edits before it was killed";
        totalEdits += last + 1;

        Database db;
        ASSERT_TRUE(db.open(path, Database::OpenMode::ReadWrite)) << db.errorString().toStdString();
        EXPECT_EQ(test::text(db, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
        // The edit reported last is in; the one after it may be too (killed
        // between its commit and its report), nothing later can be.
        const FieldValues now = fieldValues(db, ids);
        const FieldValues upTo = applyEdits(original, ids, seed, last);
        const FieldValues upToNext = applyEdits(original, ids, seed, last + 1);
        EXPECT_TRUE(now == upTo || now == upToNext) << firstDifference(now, upTo).toStdString();
        expectHistoryMatchesData(db, ids);
    }
    std::cout << "[ measured ] " << kEditRounds << " killed edit sessions, " << totalEdits
              << " committed edits checked" << std::endl;
}

// ----------------------------------------------------- c. disk full on save

TEST(FaultTest, FileSizeLimitDuringImportChangesNothing)
{
    test::TempDir dir;
    const QString db = dir.file(QStringLiteral("plan.rtdb"));
    test::sampleDatabase(db).reset();
    const QString csv = dir.file(QStringLiteral("big.csv"));
    writeBigTracker(csv, 20, 10, 10);
    const QByteArray before = jsonExport(db, dir.file(QStringLiteral("before.json")));

    // RLIMIT_FSIZE makes every write past the limit fail with EFBIG, as a
    // full disk fails with ENOSPC; SIGXFSZ is ignored so write() returns.
    const qint64 limit = QFileInfo(db).size() + 128 * 1024;
    const ProcessResult r = runTool({QStringLiteral("import"), QStringLiteral("--db"), db, csv}, limit);
    std::cout << "[ message  ] exit " << r.code << ": " << r.err.trimmed().toStdString() << std::endl;
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(r.err.contains(QLatin1String("full"), Qt::CaseInsensitive)) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QDir::toNativeSeparators(db)) || r.err.contains(QFileInfo(csv).fileName()))
        << "the message names no file: " << r.err.toStdString();

    expectSound(db);
    EXPECT_TRUE(sameExport(jsonExport(db, dir.file(QStringLiteral("after.json"))), before));
}

TEST(FaultTest, FileSizeLimitDuringEditsKeepsEveryCommittedEdit)
{
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("edits.rtdb"));
    test::sampleDatabase(path).reset();
    const quint64 seed = 4242;
    FieldValues original;
    QVector<qint64> ids;
    {
        Database db;
        ASSERT_TRUE(db.open(path, Database::OpenMode::ReadOnly));
        ids = editedActions(db);
        original = fieldValues(db, ids);
    }
    // Room for a few dozen edits in the WAL, then every write fails.
    const EditChildResult child = runEditChild(path, seed, -1, 0, fileSize(path) + 96 * 1024);
    std::cout << "[ message  ] edit " << child.refused << " refused: " << child.reason.toStdString()
              << std::endl;
    ASSERT_GE(child.refused, 1) << "the limit was never reached";
    EXPECT_EQ(child.last, child.refused - 1);
    EXPECT_TRUE(child.reason.contains(QLatin1String("full"), Qt::CaseInsensitive))
        << child.reason.toStdString();

    expectSound(path);
    Database db;
    ASSERT_TRUE(db.open(path, Database::OpenMode::ReadWrite));
    // Exactly the edits reported committed: the refused one left no trace.
    const FieldValues now = fieldValues(db, ids);
    EXPECT_EQ(now, applyEdits(original, ids, seed, child.last))
        << firstDifference(now, applyEdits(original, ids, seed, child.last)).toStdString();
    expectHistoryMatchesData(db, ids);
}

TEST(FaultTest, FullTmpfsDuringImportChangesNothing)
{
    test::TempDir dir;
    const QString mountPoint = dir.file(QStringLiteral("small-disk"));
    ASSERT_TRUE(QDir().mkpath(mountPoint));
    const QString made = dir.file(QStringLiteral("made.rtdb"));
    test::sampleDatabase(made).reset();
    // Room for the file and a little more: the import's WAL fills the rest.
    const TmpfsMount disk(mountPoint, QFileInfo(made).size() + 256 * 1024);
    if (!disk.mounted())
        GTEST_SKIP() << "cannot mount a tmpfs here (" << disk.error().toStdString()
                     << "); the RLIMIT_FSIZE test covers the same write failures";
    const QString db = mountPoint + QStringLiteral("/plan.rtdb");
    ASSERT_TRUE(QFile::copy(made, db));
    const QString csv = dir.file(QStringLiteral("big.csv"));
    writeBigTracker(csv, 20, 10, 10);
    const QByteArray before = jsonExport(db, dir.file(QStringLiteral("before.json")));

    const ProcessResult r = runTool({QStringLiteral("import"), QStringLiteral("--db"), db, csv});
    std::cout << "[ message  ] exit " << r.code << ": " << r.err.trimmed().toStdString() << std::endl;
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(r.err.contains(QLatin1String("full"), Qt::CaseInsensitive)) << r.err.toStdString();

    expectSound(db);
    EXPECT_TRUE(sameExport(jsonExport(db, dir.file(QStringLiteral("after.json"))), before));
}

// ------------------------------------ d, e. the file changed behind our back

TEST(FaultTest, FileMadeReadOnlyWhileOpenRefusesEditsUntilWritable)
{
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("plan.rtdb"));
    test::sampleDatabase(path).reset();
    Database db;
    ASSERT_TRUE(db.open(path, Database::OpenMode::ReadWrite));
    const qint64 id = test::scalar(db, QStringLiteral("SELECT min(id) FROM actions"));
    const QString status = statusOf(db, id);
    const qint64 historyRows = test::scalar(db, QStringLiteral("SELECT count(*) FROM history"));
    const QString wanted =
        status == QLatin1String("complete") ? QStringLiteral("planned") : QStringLiteral("complete");

    ASSERT_TRUE(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    ActionRepository repo(db.connection());
    EXPECT_FALSE(repo.setField(id, ActionRepository::Field::Status, wanted));
    EXPECT_TRUE(repo.errorString().contains(FileGuard(path).describe(FileGuard::State::MadeReadOnly)))
        << repo.errorString().toStdString();
    EXPECT_EQ(statusOf(db, id), status);
    EXPECT_EQ(test::scalar(db, QStringLiteral("SELECT count(*) FROM history")), historyRows);

    ASSERT_TRUE(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
    EXPECT_TRUE(repo.setField(id, ActionRepository::Field::Status, wanted))
        << repo.errorString().toStdString();
    EXPECT_EQ(statusOf(db, id), wanted);
}

TEST(FaultTest, FileReplacedWhileOpenIsNeverWritten)
{
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("plan.rtdb"));
    const QString other = dir.file(QStringLiteral("other.rtdb"));
    test::sampleDatabase(path).reset();
    test::sampleDatabase(other).reset();
    const QByteArray otherJson = jsonExport(other, dir.file(QStringLiteral("other.json")));
    const QByteArray otherBytes = test::readAll(other);

    Database db;
    ASSERT_TRUE(db.open(path, Database::OpenMode::ReadWrite));
    const qint64 id = test::scalar(db, QStringLiteral("SELECT min(id) FROM actions"));
    ActionRepository repo(db.connection());
    // A committed edit still in the WAL: the state in which a stray
    // checkpoint into the wrong file would do most harm.
    ASSERT_TRUE(repo.setField(id, ActionRepository::Field::Rag, QStringLiteral("red")));
    ASSERT_EQ(::rename(QFile::encodeName(other).constData(), QFile::encodeName(path).constData()), 0);

    EXPECT_FALSE(repo.setField(id, ActionRepository::Field::Rag, QStringLiteral("green")));
    EXPECT_TRUE(repo.errorString().contains(FileGuard(path).describe(FileGuard::State::Replaced)))
        << repo.errorString().toStdString();
    EXPECT_EQ(test::readAll(path), otherBytes);
    QSqlQuery read(db.connection()); // may work or fail; must not crash
    if (read.exec(QStringLiteral("SELECT count(*) FROM actions")) && read.next()) {
        EXPECT_GT(read.value(0).toLongLong(), 0);
    }
    read.finish();
    db.close();
    EXPECT_EQ(test::readAll(path), otherBytes);
}

// SQLite pairs a database with its WAL by name alone, and does not checkpoint
// on closing a file that moved: frames committed before the file was replaced
// or deleted stay in "<path>-wal", and whoever next opens a file at that path
// gets them written into it.
TEST(FaultTest, StaleWalNeverReachesAFileThatReplacedTheOpenOne)
{
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("plan.rtdb"));
    const QString other = dir.file(QStringLiteral("other.rtdb"));
    test::sampleDatabase(path).reset();
    test::sampleDatabase(other).reset();
    const QByteArray otherJson = jsonExport(other, dir.file(QStringLiteral("other.json")));
    {
        Database db;
        ASSERT_TRUE(db.open(path, Database::OpenMode::ReadWrite));
        ActionRepository repo(db.connection());
        const qint64 id = test::scalar(db, QStringLiteral("SELECT min(id) FROM actions"));
        ASSERT_TRUE(repo.setField(id, ActionRepository::Field::Text, QStringLiteral("Only in the old file")));
        ASSERT_EQ(::rename(QFile::encodeName(other).constData(), QFile::encodeName(path).constData()), 0);
        EXPECT_FALSE(repo.setField(id, ActionRepository::Field::Rag, QStringLiteral("green")));
    }
    EXPECT_TRUE(sameExport(jsonExport(path, dir.file(QStringLiteral("after.json"))), otherJson));
}

TEST(FaultTest, StaleWalNeverReachesAFileRestoredAfterDeletion)
{
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("plan.rtdb"));
    const QString copy = dir.file(QStringLiteral("restored.rtdb"));
    test::sampleDatabase(path).reset();
    ASSERT_TRUE(QFile::copy(path, copy)); // the backup a person restores
    const QByteArray copyJson = jsonExport(copy, dir.file(QStringLiteral("copy.json")));
    {
        Database db;
        ASSERT_TRUE(db.open(path, Database::OpenMode::ReadWrite));
        ActionRepository repo(db.connection());
        const qint64 id = test::scalar(db, QStringLiteral("SELECT min(id) FROM actions"));
        ASSERT_TRUE(repo.setField(id, ActionRepository::Field::Text, QStringLiteral("Only in the old file")));
        ASSERT_TRUE(QFile::remove(path));
        EXPECT_FALSE(repo.setField(id, ActionRepository::Field::Rag, QStringLiteral("green")));
    }
    ASSERT_TRUE(QFile::copy(copy, path));
    EXPECT_TRUE(sameExport(jsonExport(path, dir.file(QStringLiteral("after.json"))), copyJson));
}

TEST(FaultTest, FileDeletedWhileOpenRefusesEditsCleanly)
{
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("plan.rtdb"));
    test::sampleDatabase(path).reset();
    Database db;
    ASSERT_TRUE(db.open(path, Database::OpenMode::ReadWrite));
    const qint64 id = test::scalar(db, QStringLiteral("SELECT min(id) FROM actions"));
    const QString status = statusOf(db, id);
    ASSERT_TRUE(QFile::remove(path));
    ActionRepository repo(db.connection());
    EXPECT_FALSE(repo.setField(id, ActionRepository::Field::Status,
                               status == QLatin1String("complete") ? QStringLiteral("planned")
                                                                   : QStringLiteral("complete")));
    EXPECT_TRUE(repo.errorString().contains(FileGuard(path).describe(FileGuard::State::Deleted)))
        << repo.errorString().toStdString();
    EXPECT_EQ(statusOf(db, id), status); // reading the open file still works
    db.close();
    EXPECT_FALSE(QFileInfo::exists(path)) << "closing must not bring the deleted file back";
}

// ------------------------------------------- f. a backup taken mid-session

TEST(FaultTest, BackupTakenWhileAnotherProgramEditsIsACommittedState)
{
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("edits.rtdb"));
    test::sampleDatabase(path).reset();
    const quint64 seed = 777;
    FieldValues original;
    QVector<qint64> ids;
    {
        Database db;
        ASSERT_TRUE(db.open(path, Database::OpenMode::ReadOnly));
        ids = editedActions(db);
        original = fieldValues(db, ids);
    }
    constexpr int kBackups = 3;
    QStringList backups;
    const EditChildResult child = runEditChild(path, seed, 10, 0, 0, [&] {
        for (int b = 0; b < kBackups; ++b) {
            backups << dir.file(QStringLiteral("backup-%1.rtdb").arg(b));
            const ProcessResult r = runTool({QStringLiteral("backup"), QStringLiteral("--db"), path,
                                             QStringLiteral("--out"), backups.last()});
            EXPECT_EQ(r.code, 0) << r.err.toStdString();
        }
    });
    ASSERT_TRUE(child.killed);
    ASSERT_EQ(child.refused, -1) << child.reason.toStdString();
    for (const QString& backup : std::as_const(backups)) {
        SCOPED_TRACE(backup.toStdString());
        expectSound(backup);
        Database db;
        ASSERT_TRUE(db.open(backup, Database::OpenMode::ReadOnly)) << db.errorString().toStdString();
        // Some prefix of the edit sequence, no more and no less: a snapshot
        // of one committed moment, never half of an edit.
        const FieldValues held = fieldValues(db, ids);
        int matched = -2;
        FieldValues state = original;
        for (int k = -1; k <= child.last + 1 && matched == -2; ++k) {
            if (k >= 0)
                applyEdit(&state, ids, seed, k);
            if (held == state)
                matched = k;
        }
        EXPECT_GE(matched, 10) << "the backup holds no state the editor committed (or one before it started)";
        std::cout << "[ backup   ] holds the edits up to " << matched << " of " << child.last << std::endl;
    }
}
