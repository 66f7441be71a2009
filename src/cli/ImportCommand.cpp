// The import verb: a spreadsheet tracker (.csv, .xlsx) or a whole-database
// backup (.json) into a database, all of it or nothing.

#include "CommandLine.h"
#include "db/Database.h"
#include "db/JsonBackup.h"
#include "db/TrackerImporter.h"
#include "io/TrackerParser.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::CommandLine", text);
}

// Written out rather than through QJsonObject, which would sort the keys:
// the order is the documented one, largest thing first.
QString countsJson(int reviews, int recommendations, int actions, int updates)
{
    return QStringLiteral("{\"reviews\":%1,\"recommendations\":%2,\"actions\":%3,\"updates\":%4}")
        .arg(reviews)
        .arg(recommendations)
        .arg(actions)
        .arg(updates);
}

// The --db file, created when it does not exist yet: people start by
// importing the spreadsheet they have. A file created here and then not
// filled is removed again, so a failed import leaves nothing behind.
class TargetDatabase
{
public:
    bool open(const QString& path)
    {
        m_path = path;
        m_created = !QFileInfo::exists(path);
        return m_db.open(path, m_created ? Database::OpenMode::CreateNew : Database::OpenMode::ReadWrite);
    }
    void discardIfCreated()
    {
        if (!m_created)
            return;
        m_db.close();
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(m_path + suffix);
    }
    Database& db() { return m_db; }

private:
    Database m_db;
    QString m_path;
    bool m_created = false;
};

} // namespace

int CommandLine::runImport(const QStringList& args)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        tr("Imports a spreadsheet tracker (.csv or .xlsx; one row per action) or a whole-database backup "
           "(.json). The database is created when it does not exist. Prints what was added as JSON."));
    p.addOption(dbOption());
    p.addOption({QStringLiteral("merge"),
                 tr("Add to reviews the database already has only the recommendations, actions and updates "
                    "they do not have (trackers only).")});
    p.addOption({QStringLiteral("kind"),
                 tr("The kind of a review the tracker gives no Type for: SCR, LCSPR, RR, S11 or Audit "
                    "(default LCSPR)."),
                 tr("KIND"), QStringLiteral("LCSPR")});
    p.addOption({QStringLiteral("sheet"),
                 tr("The .xlsx sheet to read (default: the first with a header row)."), tr("NAME")});
    p.addPositionalArgument(QStringLiteral("file"), tr("The tracker (.csv, .xlsx) or backup (.json)."),
                            tr("FILE"));
    QString path, file;
    int code = Ok;
    if (!parseWithFile(p, args, QStringLiteral("import"), &path, &file, &code))
        return code;
    const bool merge = p.isSet(QStringLiteral("merge"));
    ReviewKind kind = ReviewKind::LCSPR;
    if (!reviewkind::fromWritten(p.value(QStringLiteral("kind")), &kind))
        return usage(tr("import: --kind must be SCR, LCSPR, RR, S11 or Audit, not “%1”")
                         .arg(p.value(QStringLiteral("kind"))));

    const QString suffix = QFileInfo(file).suffix().toLower();
    if (suffix == QLatin1String("json")) {
        if (merge)
            return usage(
                tr("import: --merge is for trackers; a .json backup is restored whole into a database "
                   "that holds no records yet"));
        if (p.isSet(QStringLiteral("kind")) || p.isSet(QStringLiteral("sheet")))
            return usage(tr("import: --kind and --sheet are for trackers, not a .json backup"));
        QFile in(file);
        if (!in.open(QIODevice::ReadOnly))
            return dataError(tr("%1: cannot be opened: %2").arg(file, in.errorString()));
        TargetDatabase target;
        if (!target.open(path))
            return dataError(target.db().errorString());
        JsonBackup::Counts counts;
        QString error;
        {
            JsonBackup backup(target.db().connection());
            if (!backup.restore(&in, QFileInfo(file).fileName(), &counts))
                error = backup.errorString();
        }
        if (!error.isEmpty()) {
            target.discardIfCreated();
            return dataError(error);
        }
        m_out << countsJson(counts.reviews, counts.recommendations, counts.actions, counts.updates) << '\n';
        return Ok;
    }
    if (!SheetTable::isReadable(file))
        return dataError(tr("%1: not a file this program imports; give a tracker (.csv or .xlsx) or a backup "
                            "(.json)")
                             .arg(file));

    // The whole file is read before the database is opened: a tracker with
    // rows that cannot be read never creates or touches the database.
    QVector<SheetTable> sheets;
    QString error;
    if (!SheetTable::readFile(file, &sheets, &error))
        return dataError(error);
    const int index = TrackerColumns::chooseSheet(sheets, p.value(QStringLiteral("sheet")), &error);
    if (index < 0)
        return dataError(tr("%1: %2").arg(file, error));
    const SheetTable& sheet = sheets.at(index);
    const QString source = QFileInfo(file).fileName();
    TrackerParser parser;
    parser.setDefaultKind(kind);
    if (!parser.parse(sheet, TrackerColumns::detect(sheet), source)) {
        for (const TrackerProblem& problem : parser.problems())
            m_err << "review-tracker: " << source << ": " << problem.toString() << '\n';
        const qsizetype n = parser.problems().size();
        return dataError(n == 1 ? tr("%1: nothing was imported (1 problem above)").arg(source)
                                : tr("%1: nothing was imported (%2 problems above)").arg(source).arg(n));
    }

    TargetDatabase target;
    if (!target.open(path))
        return dataError(target.db().errorString());
    TrackerImporter::Counts added;
    {
        TrackerImporter importer(target.db().connection());
        importer.setMerge(merge);
        importer.setDefaultKind(kind);
        importer.setSourceName(source);
        if (importer.importReviews(parser.takeReviews()))
            added = importer.added();
        else
            error = importer.errorString();
    }
    if (!error.isEmpty()) {
        target.discardIfCreated();
        return dataError(error);
    }
    m_out << countsJson(added.reviews, added.recommendations, added.actions, added.updates) << '\n';
    return Ok;
}

} // namespace rt
