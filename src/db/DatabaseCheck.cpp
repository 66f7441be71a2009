#include "DatabaseCheck.h"

#include "Database.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrl>
#include <QtEndian>
#include <algorithm>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::DatabaseCheck", text);
}

// So many messages help nobody; the rest are summarised in one line.
constexpr int kListedIntegrityMessages = 10;
constexpr int kListedRowIds = 5;

struct Header
{
    bool isSqlite = false;
    quint32 applicationId = 0;
    int userVersion = 0;
};

Header readHeader(const QString& path)
{
    Header h;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return h;
    const QByteArray bytes = f.read(100);
    static const QByteArray magic("SQLite format 3\0", 16);
    if (bytes.size() < 100 || !bytes.startsWith(magic))
        return h;
    h.isSqlite = true;
    h.userVersion = static_cast<int>(qFromBigEndian<quint32>(bytes.constData() + 60));
    h.applicationId = qFromBigEndian<quint32>(bytes.constData() + 68);
    return h;
}

// A read-only connection to a file. Through rt::Database whenever it will
// open the file; a file of an older schema, which Database only opens
// read-write (to upgrade it), is opened directly, read-only, so it can still
// be checked or counted without being changed.
class ReadConnection
{
public:
    ReadConnection() = default;
    ReadConnection(const ReadConnection&) = delete;
    ReadConnection& operator=(const ReadConnection&) = delete;
    ~ReadConnection()
    {
        if (m_rawName.isEmpty())
            return;
        m_raw.close();
        m_raw = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_rawName);
    }

    bool open(const QString& path, QString* error)
    {
        if (m_database.open(path, Database::OpenMode::ReadOnly))
            return true;
        *error = m_database.errorString();
        const Header header = readHeader(path);
        if (!header.isSqlite || header.applicationId != static_cast<quint32>(Database::kApplicationId) ||
            header.userVersion >= Database::kSchemaVersion)
            return false;
        m_olderVersion = header.userVersion;
        static QAtomicInt counter;
        m_rawName = QStringLiteral("rt-check-%1").arg(counter.fetchAndAddRelaxed(1));
        m_raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_rawName);
        QUrl url = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
        url.setQuery(QStringLiteral("mode=ro"));
        m_raw.setDatabaseName(url.toString(QUrl::FullyEncoded));
        m_raw.setConnectOptions(
            QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=5000"));
        if (!m_raw.open()) {
            *error = tr("%1: cannot be opened: %2").arg(path, m_raw.lastError().text());
            return false;
        }
        QSqlQuery probe(m_raw);
        if (!probe.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !probe.next()) {
            *error = tr("%1: the database is damaged: %2").arg(path, probe.lastError().text());
            return false;
        }
        error->clear();
        return true;
    }

    QSqlDatabase& db() { return m_rawName.isEmpty() ? m_database.connection() : m_raw; }
    // The schema version when older than this program's, else 0.
    int olderVersion() const { return m_olderVersion; }

private:
    Database m_database;
    QString m_rawName;
    QSqlDatabase m_raw;
    int m_olderVersion = 0;
};

qint64 count(QSqlDatabase& db, const QString& sql, QString* error = nullptr)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next()) {
        if (error)
            *error = q.lastError().text();
        return -1;
    }
    return q.value(0).toLongLong();
}

QSet<QString> objectsOf(QSqlDatabase& db, QString* error)
{
    QSet<QString> names;
    QSqlQuery q(db);
    // sqlite_stat1 and the like come and go with ANALYZE; they are not schema.
    if (!q.exec(QStringLiteral("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE "
                               "'\\' AND type IN ('table', 'index', 'trigger', 'view')"))) {
        *error = q.lastError().text();
        return names;
    }
    while (q.next())
        names.insert(q.value(0).toString() + QLatin1Char(':') + q.value(1).toString());
    return names;
}

QString objectDescription(const QString& typedName)
{
    const QString type = typedName.section(QLatin1Char(':'), 0, 0);
    const QString name = typedName.section(QLatin1Char(':'), 1);
    if (type == QLatin1String("table"))
        return tr("the table “%1”").arg(name);
    if (type == QLatin1String("index"))
        return tr("the index “%1”").arg(name);
    if (type == QLatin1String("trigger"))
        return tr("the trigger “%1”").arg(name);
    return tr("the view “%1”").arg(name);
}

void checkForeignKeys(QSqlDatabase& db, CheckReport* report)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA foreign_key_check"))) {
        report->problems.append(
            {CheckProblem::Kind::ForeignKey,
             tr("%1: the foreign keys cannot be checked: %2").arg(report->path, q.lastError().text())});
        return;
    }
    // One line per table and parent, in the order SQLite reports them.
    struct Group
    {
        QString table;
        QString parent;
        QStringList rowIds;
    };
    QVector<Group> groups;
    while (q.next()) {
        const QString table = q.value(0).toString();
        const QString parent = q.value(2).toString();
        const QString rowId = q.value(1).isNull() ? tr("(no rowid)") : q.value(1).toString();
        auto it = std::find_if(groups.begin(), groups.end(),
                               [&](const Group& g) { return g.table == table && g.parent == parent; });
        if (it == groups.end())
            groups.append({table, parent, {rowId}});
        else
            it->rowIds.append(rowId);
    }
    for (const Group& g : groups) {
        QString message;
        if (g.rowIds.size() == 1) {
            message = tr("%1: row %2 of the table “%3” refers to a row of “%4” that does not exist")
                          .arg(report->path, g.rowIds.first(), g.table, g.parent);
        } else {
            QString listed = g.rowIds.mid(0, kListedRowIds).join(QStringLiteral(", "));
            if (g.rowIds.size() > kListedRowIds)
                listed += tr(" and %1 more").arg(g.rowIds.size() - kListedRowIds);
            message = tr("%1: %2 rows of the table “%3” refer to rows of “%4” that do not exist (rowids %5)")
                          .arg(report->path)
                          .arg(g.rowIds.size())
                          .arg(g.table, g.parent, listed);
        }
        report->problems.append({CheckProblem::Kind::ForeignKey, message});
    }
}

void checkSchemaObjects(QSqlDatabase& db, CheckReport* report)
{
    QString error;
    const QStringList expected = DatabaseCheck::expectedObjects(&error);
    if (!error.isEmpty()) {
        report->problems.append({CheckProblem::Kind::Other,
                                 tr("%1: the schema cannot be compared: %2").arg(report->path, error)});
        return;
    }
    const QSet<QString> present = objectsOf(db, &error);
    if (!error.isEmpty()) {
        report->problems.append({CheckProblem::Kind::SchemaObject,
                                 tr("%1: the schema cannot be read: %2").arg(report->path, error)});
        return;
    }
    for (const QString& name : expected) {
        if (!present.contains(name))
            report->problems.append(
                {CheckProblem::Kind::SchemaObject,
                 tr("%1: the schema is missing %2").arg(report->path, objectDescription(name))});
    }
}

} // namespace

QString CheckProblem::kindName(Kind kind)
{
    switch (kind) {
    case Kind::File:
        return QStringLiteral("file");
    case Kind::Integrity:
        return QStringLiteral("integrity");
    case Kind::ForeignKey:
        return QStringLiteral("foreign_key");
    case Kind::SchemaOlder:
        return QStringLiteral("schema_version");
    case Kind::SchemaObject:
        return QStringLiteral("schema_object");
    case Kind::Other:
        break;
    }
    return QStringLiteral("other");
}

bool CheckReport::isRestorable() const
{
    return std::all_of(problems.begin(), problems.end(),
                       [](const CheckProblem& p) { return p.kind == CheckProblem::Kind::SchemaOlder; });
}

QStringList CheckReport::messages() const
{
    QStringList lines;
    for (const CheckProblem& p : problems)
        lines << p.message;
    return lines;
}

QStringList DatabaseCheck::integrityMessages(QSqlDatabase& db, QString* error)
{
    QStringList messages;
    QSqlQuery q(db);
    // integrity_check, not quick_check: only it compares every index with its
    // table, which is where a half-written page usually shows.
    if (!q.exec(QStringLiteral("PRAGMA integrity_check"))) {
        *error = q.lastError().text();
        return messages;
    }
    while (q.next()) {
        const QStringList lines = q.value(0).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString& line : lines) {
            if (line == QLatin1String("ok") || line.startsWith(QLatin1String("*** in database")))
                continue;
            messages << line.trimmed();
        }
    }
    if (q.lastError().isValid())
        *error = q.lastError().text();
    return messages;
}

QStringList DatabaseCheck::expectedObjects(QString* error)
{
    // A new database made by this very program is the definition of the
    // schema, whatever migrations and per-connection set-up put into it.
    static const QPair<QStringList, QString> cached = [] {
        QTemporaryDir dir;
        if (!dir.isValid())
            return qMakePair(QStringList(), tr("no temporary folder: %1").arg(dir.errorString()));
        Database fresh;
        if (!fresh.open(dir.filePath(QStringLiteral("expected.rtdb")), Database::OpenMode::CreateNew))
            return qMakePair(QStringList(), fresh.errorString());
        QString why;
        const QSet<QString> names = objectsOf(fresh.connection(), &why);
        QStringList sorted(names.begin(), names.end());
        sorted.sort();
        return qMakePair(sorted, why);
    }();
    if (!cached.second.isEmpty())
        *error = cached.second;
    return cached.first;
}

CheckReport DatabaseCheck::check(const QString& path)
{
    CheckReport report;
    report.path = path;
    const QFileInfo info(path);
    if (!info.exists()) {
        report.problems.append({CheckProblem::Kind::File, tr("%1: no such file").arg(path)});
        return report;
    }
    report.figures.fileSize = info.size();
    ReadConnection connection;
    QString error;
    if (!connection.open(path, &error)) {
        report.problems.append({CheckProblem::Kind::File, error});
        return report;
    }
    QSqlDatabase& db = connection.db();
    CheckFigures& f = report.figures;
    f.schemaVersion = static_cast<int>(count(db, QStringLiteral("PRAGMA user_version")));
    f.pageCount = count(db, QStringLiteral("PRAGMA page_count"));
    f.pageSize = count(db, QStringLiteral("PRAGMA page_size"));
    if (connection.olderVersion() > 0 || f.schemaVersion < Database::kSchemaVersion) {
        report.problems.append({CheckProblem::Kind::SchemaOlder,
                                tr("%1: uses schema %2, older than this program's %3; it needs upgrading: "
                                   "open it read-write once")
                                    .arg(path)
                                    .arg(f.schemaVersion)
                                    .arg(Database::kSchemaVersion)});
    }

    error.clear();
    const QStringList damage = integrityMessages(db, &error);
    if (!error.isEmpty())
        report.problems.append(
            {CheckProblem::Kind::Integrity, tr("%1: the integrity check stopped: %2").arg(path, error)});
    for (int i = 0; i < damage.size() && i < kListedIntegrityMessages; ++i)
        report.problems.append(
            {CheckProblem::Kind::Integrity, tr("%1: damaged: %2").arg(path, damage.at(i))});
    if (damage.size() > kListedIntegrityMessages)
        report.problems.append(
            {CheckProblem::Kind::Integrity, tr("%1: and %2 more damage reports from the integrity check")
                                                .arg(path)
                                                .arg(damage.size() - kListedIntegrityMessages)});

    checkForeignKeys(db, &report);
    // An older schema lacks what later migrations add; that is the upgrade's
    // business, already reported above.
    if (f.schemaVersion == Database::kSchemaVersion)
        checkSchemaObjects(db, &report);

    f.reviews = count(db, QStringLiteral("SELECT count(*) FROM reviews"));
    f.actions = count(db, QStringLiteral("SELECT count(*) FROM actions"));
    f.history = count(db, QStringLiteral("SELECT count(*) FROM history"));
    return report;
}

bool DatabaseCheck::figures(const QString& path, CheckFigures* figures, QString* error)
{
    *figures = CheckFigures();
    const QFileInfo info(path);
    if (!info.exists()) {
        *error = tr("%1: no such file").arg(path);
        return false;
    }
    figures->fileSize = info.size();
    ReadConnection connection;
    if (!connection.open(path, error))
        return false;
    QSqlDatabase& db = connection.db();
    figures->schemaVersion = static_cast<int>(count(db, QStringLiteral("PRAGMA user_version")));
    figures->pageCount = count(db, QStringLiteral("PRAGMA page_count"));
    figures->pageSize = count(db, QStringLiteral("PRAGMA page_size"));
    QString why;
    figures->reviews = count(db, QStringLiteral("SELECT count(*) FROM reviews"), &why);
    figures->actions = count(db, QStringLiteral("SELECT count(*) FROM actions"), &why);
    figures->history = count(db, QStringLiteral("SELECT count(*) FROM history"));
    if (figures->reviews < 0 || figures->actions < 0) {
        *error = tr("%1: the reviews and actions cannot be counted: %2").arg(path, why);
        return false;
    }
    return true;
}

bool DatabaseCheck::verifyCopy(const QString& path, QString* error)
{
    ReadConnection connection;
    if (!connection.open(path, error))
        return false;
    QString why;
    const QStringList damage = integrityMessages(connection.db(), &why);
    if (!why.isEmpty()) {
        *error = tr("%1: the copy cannot be checked: %2").arg(path, why);
        return false;
    }
    if (!damage.isEmpty()) {
        *error = tr("%1: the copy is damaged: %2").arg(path, damage.first());
        return false;
    }
    return true;
}

} // namespace rt
