#pragma once

// What the fault tests share: a big tracker, children run and killed while
// their progress is watched, the deterministic edits of the edit-session
// child, and the soundness checks run on a file after a fault. Header-only,
// included by FaultTest.cpp alone.

#include "CliSupport.h"
#include "TestSupport.h"
#include "cli/CommandLine.h"
#include "db/ActionRepository.h"

#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QSqlQuery>
#include <QThread>
#include <csignal>
#include <functional>
#include <gtest/gtest.h>
#include <iostream>
#include <sys/resource.h>
#include <sys/stat.h>

namespace rt::fault {

// 100 reviews x 20 recommendations x 10 actions = 20,000 tracker rows.
constexpr int kBigReviews = 40;
constexpr int kBigRecs = 20;
constexpr int kBigActions = 10;
constexpr int kEditRounds = 5;
constexpr int kMaxEditsPerChild = 1000000;
constexpr int kEditedActions = 40;
// Generous: a loaded two-core machine may be many times slower than a quiet one.
constexpr int kChildTimeoutMs = 10 * 60 * 1000;

inline void writeFile(const QString& path, const char* bytes)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly)); // truncates in place: the inode stays
    f.write(bytes);
}

// A tracker as partnerships keep them, every cell filled, one row per action.
inline void writeBigTracker(const QString& path, int reviews, int recs, int actions)
{
    QByteArray out = "Review,Type,Rec No.,Recommendation,Agreed / Partly Agreed / Not Agreed,"
                     "What are we going to do?,Who will lead?,By when,Status,RAG rating,Latest update,"
                     "Update date\r\n";
    static const char* const statuses[] = {"Not started", "Action Planned", "Action Underway", "Complete"};
    static const char* const rags[] = {"R", "A", "G", "B"};
    for (int v = 1; v <= reviews; ++v) {
        for (int r = 1; r <= recs; ++r) {
            for (int a = 1; a <= actions; ++a) {
                const int n = (v * 31 + r * 7 + a) % 4;
                out +=
                    QStringLiteral("Fault review %1,LCSPR,%2,Recommendation %2 of fault review %1: agencies "
                                   "should strengthen the supervision of front-line staff,Agreed,"
                                   "Action %2.%3 of review %1: write and circulate the guidance,"
                                   "Owner %4,%5/03/2025,%6,%7,Progress note for action %2.%3,12/02/2024\r\n")
                        .arg(v, 3, 10, QLatin1Char('0'))
                        .arg(r)
                        .arg(a)
                        .arg((v + a) % 50)
                        .arg(10 + a)
                        .arg(QLatin1String(statuses[n]), QLatin1String(rags[n]))
                        .toUtf8();
            }
        }
    }
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(out);
}

inline qint64 fileSize(const QString& path)
{
    struct stat st
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? qint64(st.st_size) : 0;
}

struct Counts
{
    qint64 reviews = -1;
    qint64 actions = -1;
    qint64 updates = -1;
    bool operator==(const Counts& o) const
    {
        return reviews == o.reviews && actions == o.actions && updates == o.updates;
    }
};

inline Counts countsIn(Database& db)
{
    return {test::scalar(db, QStringLiteral("SELECT count(*) FROM reviews")),
            test::scalar(db, QStringLiteral("SELECT count(*) FROM actions")),
            test::scalar(db, QStringLiteral("SELECT count(*) FROM updates"))};
}

inline Counts countsOf(const QString& path)
{
    Database db;
    EXPECT_TRUE(db.open(path, Database::OpenMode::ReadOnly)) << db.errorString().toStdString();
    return countsIn(db);
}

// What SQLite alone makes of the file (recovering a hot WAL as any opener
// would), for the failure message when the program refuses to open it.
inline std::string sqliteOwnView(const QString& path)
{
    const QString name = QStringLiteral("fault-raw-view");
    QString view;
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        raw.setDatabaseName(path);
        if (!raw.open()) {
            view = QStringLiteral("SQLite cannot open it either");
        } else {
            QSqlQuery q(raw);
            q.exec(QStringLiteral("PRAGMA integrity_check"));
            view = QStringLiteral("SQLite itself opens it: integrity_check %1")
                       .arg(q.next() ? q.value(0).toString() : QStringLiteral("failed"));
            if (q.exec(QStringLiteral("SELECT count(*) FROM actions")) && q.next())
                view += QStringLiteral(", %1 actions").arg(q.value(0).toLongLong());
        }
    }
    QSqlDatabase::removeDatabase(name);
    return view.toStdString();
}

// What anyone needs after a fault: the file opens read-write through the
// program's own checks, SQLite finds every page and every reference sound.
inline Counts expectSound(const QString& path)
{
    Database db;
    if (!db.open(path, Database::OpenMode::ReadWrite)) {
        ADD_FAILURE() << db.errorString().toStdString() << "\n(" << sqliteOwnView(path) << ")";
        return {};
    }
    EXPECT_EQ(test::text(db, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
    QSqlQuery fk(db.connection());
    EXPECT_TRUE(fk.exec(QStringLiteral("PRAGMA foreign_key_check")));
    EXPECT_FALSE(fk.next()) << "a row breaks a foreign key in table " << fk.value(0).toString().toStdString();
    fk.finish();
    return countsIn(db);
}

struct ProcessResult
{
    int code = -1;
    bool crashed = false;
    QString out;
    QString err;
};

// The real program, optionally with writes limited to fileSizeLimit bytes
// per file: past it write() fails with EFBIG, which SQLite reports as a full
// disk, the way a full disk fails with ENOSPC.
inline ProcessResult runTool(const QStringList& args, qint64 fileSizeLimit = 0)
{
    QProcess p;
    if (fileSizeLimit > 0) {
        p.setChildProcessModifier([fileSizeLimit] {
            struct rlimit limit
            {
                rlim_t(fileSizeLimit), rlim_t(fileSizeLimit)
            };
            ::setrlimit(RLIMIT_FSIZE, &limit);
            ::signal(SIGXFSZ, SIG_IGN); // survives exec: write() then returns EFBIG
        });
    }
    p.start(QStringLiteral(RT_EXECUTABLE), args);
    ProcessResult r;
    if (!p.waitForStarted(kChildTimeoutMs) || !p.waitForFinished(kChildTimeoutMs)) {
        ADD_FAILURE() << "review-tracker " << args.join(QLatin1Char(' ')).toStdString() << " did not finish";
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.crashed = p.exitStatus() == QProcess::CrashExit;
    r.code = r.crashed ? -1 : p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// `check` is another helper's verb; until the binary has it the line is a note.
inline void expectCheckVerbPasses(const QString& db)
{
    if (!CommandLine::handles({QStringLiteral("review-tracker"), QStringLiteral("check")})) {
        static bool told = false;
        if (!told)
            std::cout << "[ note     ] review-tracker has no `check` verb yet; not run" << std::endl;
        told = true;
        return;
    }
    const ProcessResult r = runTool({QStringLiteral("check"), QStringLiteral("--db"), db});
    EXPECT_EQ(r.code, 0) << r.out.toStdString() << r.err.toStdString();
}

// The whole database as the JSON backup, for comparing before and after.
inline QByteArray jsonExport(const QString& db, const QString& out)
{
    const test::CliResult r =
        test::runCli({QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--format"),
                      QStringLiteral("json"), QStringLiteral("-o"), out});
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    return test::readAll(out);
}

// Equal exports, or the first line that differs (gtest would print bytes).
inline ::testing::AssertionResult sameExport(const QByteArray& now, const QByteArray& expected)
{
    if (now == expected)
        return ::testing::AssertionSuccess();
    const QList<QByteArray> a = now.split('\n');
    const QList<QByteArray> b = expected.split('\n');
    for (qsizetype i = 0; i < qMax(a.size(), b.size()); ++i) {
        const QByteArray x = a.value(i), y = b.value(i);
        if (x != y)
            return ::testing::AssertionFailure()
                   << "the export differs at line " << i + 1 << ": " << x.trimmed().left(200).toStdString()
                   << "  — expected: " << y.trimmed().left(200).toStdString();
    }
    return ::testing::AssertionFailure() << "the exports differ";
}

// --------------------------------------------------- watched, killed import

// When to SIGKILL the import: the first condition met (0 / false: unused);
// none set: never.
struct KillWhen
{
    qint64 atMs = 0;      // this long after the start
    qint64 walBytes = 0;  // once the -wal file is this big
    qint64 mainBytes = 0; // once the main file is this big: a checkpoint under way
};

struct ImportWatch
{
    bool finished = false;
    bool killed = false;
    int code = -1;
    QString err;
    qint64 elapsedMs = 0;
    qint64 maxWal = 0;
    qint64 walStartMs = -1;
    qint64 mainGrewMs = -1;
    qint64 walAtEnd = 0;
    qint64 mainAtEnd = 0;
};

inline ImportWatch runImportWatched(const QString& db, const QString& csv, const KillWhen& when)
{
    const QString wal = db + QStringLiteral("-wal");
    const qint64 mainBase = fileSize(db);
    QProcess p;
    p.start(QStringLiteral(RT_EXECUTABLE), {QStringLiteral("import"), QStringLiteral("--db"), db, csv});
    ImportWatch w;
    if (!p.waitForStarted(kChildTimeoutMs)) {
        ADD_FAILURE() << "review-tracker did not start";
        return w;
    }
    QElapsedTimer t;
    t.start();
    for (;;) {
        p.waitForFinished(1);
        const qint64 now = t.elapsed();
        if (p.state() == QProcess::NotRunning)
            break;
        const qint64 walSize = fileSize(wal);
        const qint64 mainSize = fileSize(db);
        w.maxWal = qMax(w.maxWal, walSize);
        if (w.walStartMs < 0 && walSize > 64 * 1024)
            w.walStartMs = now;
        if (w.mainGrewMs < 0 && mainSize > mainBase)
            w.mainGrewMs = now;
        const bool fire = (when.atMs > 0 && now >= when.atMs) ||
                          (when.walBytes > 0 && walSize >= when.walBytes) ||
                          (when.mainBytes > 0 && mainSize >= when.mainBytes);
        if (fire || now > kChildTimeoutMs) {
            EXPECT_TRUE(fire) << "the import did not finish in time";
            w.walAtEnd = walSize;
            w.mainAtEnd = mainSize;
            p.kill(); // SIGKILL
            p.waitForFinished(kChildTimeoutMs);
            break;
        }
    }
    w.elapsedMs = t.elapsed();
    w.finished = p.exitStatus() == QProcess::NormalExit;
    w.killed = !w.finished;
    w.code = w.finished ? p.exitCode() : -1;
    w.err = QString::fromUtf8(p.readAllStandardError());
    return w;
}

inline std::string describeKill(const KillWhen& k, const ImportWatch& w)
{
    const QString when =
        k.atMs > 0 ? QStringLiteral("at %1 ms").arg(k.atMs)
        : k.walBytes > 0
            ? QStringLiteral("when the WAL reached %1 bytes").arg(k.walBytes)
            : QStringLiteral("when the checkpoint grew the main file to %1 bytes").arg(k.mainBytes);
    if (!w.killed)
        return QStringLiteral("kill %1: the import finished first (exit %2, %3 ms)")
            .arg(when)
            .arg(w.code)
            .arg(w.elapsedMs)
            .toStdString();
    return QStringLiteral("kill %1: killed at %2 ms, WAL %3 bytes, main file %4 bytes")
        .arg(when)
        .arg(w.elapsedMs)
        .arg(w.walAtEnd)
        .arg(w.mainAtEnd)
        .toStdString();
}

// ----------------------------------------------------- the edit-session child

struct Edit
{
    int actionIndex = 0;
    ActionRepository::Field field = ActionRepository::Field::Status;
    QString column; // where the value is stored, as stored
    QString value;
};

inline quint64 mix(quint64 x) // splitmix64: the same edits in child and parent
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

inline Edit editFor(quint64 seed, int i, int actions)
{
    static const char* const statuses[] = {"not_started", "planned",  "in_progress",
                                           "partial",     "complete", "superseded"};
    static const char* const rags[] = {"red", "amber", "green", "blue"};
    const quint64 h = mix(seed * 1000003ULL + quint64(i));
    Edit e;
    e.actionIndex = int(h % quint64(actions));
    const int pick = int((h >> 32) % 997);
    switch ((h >> 24) % 4) {
    case 0:
        e.field = ActionRepository::Field::Status;
        e.column = QStringLiteral("status");
        e.value = QLatin1String(statuses[pick % 6]);
        break;
    case 1:
        e.field = ActionRepository::Field::Rag;
        e.column = QStringLiteral("rag");
        e.value = QLatin1String(rags[pick % 4]);
        break;
    case 2:
        e.field = ActionRepository::Field::Text;
        e.column = QStringLiteral("text");
        e.value = QStringLiteral("Edit %1 of session %2: agree the escalation route").arg(i).arg(seed);
        break;
    default:
        e.field = ActionRepository::Field::Target;
        e.column = QStringLiteral("target_text");
        e.value = QDate(2024, 1, 1).addDays(pick).toString(QStringLiteral("dd/MM/yyyy"));
        break;
    }
    return e;
}

inline QVector<qint64> editedActions(Database& db)
{
    QVector<qint64> ids;
    QSqlQuery q(db.connection());
    EXPECT_TRUE(q.exec(QStringLiteral("SELECT id FROM actions ORDER BY id LIMIT %1").arg(kEditedActions)));
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

// "id/column" -> value, for the columns the edits touch.
using FieldValues = QMap<QString, QString>;

inline FieldValues fieldValues(Database& db, const QVector<qint64>& ids)
{
    FieldValues values;
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT status, rag, text, target_text FROM actions WHERE id = ?"));
    static const char* const columns[] = {"status", "rag", "text", "target_text"};
    for (const qint64 id : ids) {
        q.addBindValue(id);
        EXPECT_TRUE(q.exec() && q.next()) << "action " << id;
        for (int c = 0; c < 4; ++c)
            values[QStringLiteral("%1/%2").arg(id).arg(QLatin1String(columns[c]))] = q.value(c).toString();
    }
    return values;
}

inline void applyEdit(FieldValues* values, const QVector<qint64>& ids, quint64 seed, int i)
{
    const Edit e = editFor(seed, i, ids.size());
    (*values)[QStringLiteral("%1/%2").arg(ids.at(e.actionIndex)).arg(e.column)] = e.value;
}

// The values after edits 0..last.
inline FieldValues applyEdits(FieldValues values, const QVector<qint64>& ids, quint64 seed, int last)
{
    for (int i = 0; i <= last; ++i)
        applyEdit(&values, ids, seed, i);
    return values;
}

inline QString firstDifference(const FieldValues& now, const FieldValues& expected)
{
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        if (now.value(it.key()) != it.value())
            return QStringLiteral("%1 is “%2”, expected “%3”").arg(it.key(), now.value(it.key()), it.value());
    }
    return QString();
}

struct EditChildResult
{
    int last = -1;    // the last edit the child reported committed
    int refused = -1; // the edit the child reported refused, if any
    QString reason;   // why, in the program's words
    bool killed = false;
};

// Runs this binary as the edit-loop child. killAfter >= 0: SIGKILLs it extraMs
// after it reported that edit committed. Otherwise lets it run until an edit
// is refused (it then stops), e.g. under fileSizeLimit.
// whileRunning, when given, runs once the child reported killAfter, before
// the kill: something to do while another process writes.
inline EditChildResult runEditChild(const QString& db, quint64 seed, int killAfter, int extraMs,
                                    qint64 fileSizeLimit = 0, const std::function<void()>& whileRunning = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RT_FAULT_CHILD"), QStringLiteral("edit-loop"));
    env.insert(QStringLiteral("RT_FAULT_DB"), db);
    env.insert(QStringLiteral("RT_FAULT_SEED"), QString::number(seed));
    // The child's own temporary folders (TestMain's settings) go beside the
    // database, in the test's folder: a killed child never removes them.
    env.insert(QStringLiteral("TMPDIR"), QFileInfo(db).absolutePath());
    p.setProcessEnvironment(env);
    if (fileSizeLimit > 0) {
        p.setChildProcessModifier([fileSizeLimit] {
            struct rlimit limit
            {
                rlim_t(fileSizeLimit), rlim_t(fileSizeLimit)
            };
            ::setrlimit(RLIMIT_FSIZE, &limit);
            ::signal(SIGXFSZ, SIG_IGN);
        });
    }
    p.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--gtest_filter=FaultChild.EditLoop")});
    EXPECT_TRUE(p.waitForStarted(kChildTimeoutMs));
    QByteArray buffer;
    EditChildResult r;
    auto parse = [&] {
        buffer += p.readAllStandardOutput();
        qsizetype end;
        while ((end = buffer.indexOf('\n')) >= 0) {
            const QByteArray line = buffer.left(end).trimmed();
            buffer.remove(0, end + 1);
            if (line.startsWith("committed ")) {
                r.last = qMax(r.last, line.mid(10).toInt());
            } else if (line.startsWith("refused ")) {
                const qsizetype colon = line.indexOf(':');
                r.refused = line.mid(8, colon - 8).toInt();
                r.reason = QString::fromUtf8(line.mid(colon + 1).trimmed());
            }
        }
    };
    QElapsedTimer t;
    t.start();
    while (p.state() != QProcess::NotRunning && (killAfter < 0 || r.last < killAfter) &&
           t.elapsed() < kChildTimeoutMs) {
        p.waitForReadyRead(100);
        parse();
    }
    if (whileRunning)
        whileRunning();
    if (killAfter >= 0) {
        EXPECT_EQ(p.state(), QProcess::Running) << "the child stopped by itself: " << r.reason.toStdString()
                                                << p.readAllStandardError().toStdString();
        QThread::msleep(extraMs);
        p.kill();
    }
    EXPECT_TRUE(p.waitForFinished(kChildTimeoutMs) || p.state() == QProcess::NotRunning);
    r.killed = p.exitStatus() == QProcess::CrashExit;
    parse(); // what it reported before it died is still in the pipe
    return r;
}

inline QString statusOf(Database& db, qint64 id)
{
    return test::text(db, QStringLiteral("SELECT status FROM actions WHERE id = %1").arg(id));
}

// The latest history row of each logged field names the value the action now
// has: change and log were committed together or not at all.
inline void expectHistoryMatchesData(Database& db, const QVector<qint64>& ids)
{
    QSqlQuery latest(db.connection());
    latest.prepare(QStringLiteral("SELECT new_value FROM history WHERE entity = 'action' AND entity_id = ? "
                                  "AND field = ? ORDER BY id DESC LIMIT 1"));
    QSqlQuery current(db.connection());
    int checked = 0;
    for (const qint64 id : ids) {
        for (const QString& field : {QStringLiteral("status"), QStringLiteral("rag")}) {
            latest.addBindValue(id);
            latest.addBindValue(field);
            ASSERT_TRUE(latest.exec());
            if (!latest.next())
                continue;
            ASSERT_TRUE(
                current.exec(QStringLiteral("SELECT %1 FROM actions WHERE id = %2").arg(field).arg(id)));
            ASSERT_TRUE(current.next());
            EXPECT_EQ(latest.value(0).toString(), current.value(0).toString())
                << "action " << id << ", " << field.toStdString();
            ++checked;
        }
    }
    EXPECT_GT(checked, 0) << "no history rows for the edited actions";
}

// ------------------------------------------------------------- a small disk

// A tmpfs of a given size mounted for one test and unmounted when it ends,
// whatever the test's outcome; mounted() is false where mounting is not
// allowed (no CAP_SYS_ADMIN).
class TmpfsMount
{
public:
    TmpfsMount(const QString& dir, qint64 bytes) : m_dir(dir)
    {
        QProcess p;
        p.start(QStringLiteral("mount"),
                {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                 QStringLiteral("size=%1").arg(bytes), QStringLiteral("tmpfs"), dir});
        m_mounted = p.waitForFinished() && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        m_error = QString::fromLocal8Bit(p.readAllStandardError()).trimmed();
    }
    ~TmpfsMount()
    {
        if (m_mounted) {
            EXPECT_EQ(QProcess::execute(QStringLiteral("umount"), {m_dir}), 0);
        }
    }
    TmpfsMount(const TmpfsMount&) = delete;
    TmpfsMount& operator=(const TmpfsMount&) = delete;
    bool mounted() const { return m_mounted; }
    QString error() const { return m_error; }

private:
    QString m_dir;
    QString m_error;
    bool m_mounted = false;
};

} // namespace rt::fault
