// The check and backup verbs: is a database file sound, and a verified copy
// of one.

#include "CommandLine.h"
#include "db/BackupRotation.h"
#include "db/Database.h"
#include "db/DatabaseCheck.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::CommandLine", text);
}

QJsonValue known(qint64 value)
{
    return value < 0 ? QJsonValue() : QJsonValue(value);
}

QString knownText(qint64 value)
{
    return value < 0 ? tr("unknown") : QString::number(value);
}

QString sizeText(qint64 bytes)
{
    if (bytes >= 1024 * 1024)
        return tr("%1 MB").arg(bytes / (1024.0 * 1024.0), 0, 'f', 1);
    return tr("%1 KB").arg((bytes + 1023) / 1024);
}

} // namespace

int CommandLine::runCheck(const QStringList& args)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        tr("Checks a database file without changing it: that it is a Review Tracker database of this "
           "program's schema, SQLite's integrity check, foreign keys, and every table, index and trigger. "
           "Exit 0 when sound, 2 naming every problem."));
    p.addOption(dbOption());
    p.addOption({QStringLiteral("format"), tr("text or json."), tr("FORMAT"), QStringLiteral("text")});
    int code = Ok;
    if (!parse(p, args, &code))
        return code;
    const QString path = p.value(QStringLiteral("db"));
    if (path.isEmpty())
        return usage(tr("check: --db PATH is required"));
    const QString format = p.value(QStringLiteral("format"));
    if (format != QLatin1String("text") && format != QLatin1String("json"))
        return usage(tr("check: --format must be text or json, not “%1”").arg(format));

    const CheckReport report = DatabaseCheck::check(path);
    const CheckFigures& f = report.figures;
    if (format == QLatin1String("json")) {
        QJsonArray problems;
        for (const CheckProblem& problem : report.problems)
            problems.append(QJsonObject{{QStringLiteral("kind"), CheckProblem::kindName(problem.kind)},
                                        {QStringLiteral("message"), problem.message}});
        const QJsonObject o{{QStringLiteral("path"), path},
                            {QStringLiteral("sound"), report.isSound()},
                            {QStringLiteral("schema_version"), known(f.schemaVersion)},
                            {QStringLiteral("reviews"), known(f.reviews)},
                            {QStringLiteral("actions"), known(f.actions)},
                            {QStringLiteral("history"), known(f.history)},
                            {QStringLiteral("page_count"), known(f.pageCount)},
                            {QStringLiteral("page_size"), known(f.pageSize)},
                            {QStringLiteral("file_size"), known(f.fileSize)},
                            {QStringLiteral("problems"), problems}};
        m_out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
    } else {
        m_out << (report.isSound()              ? tr("%1: sound").arg(path)
                  : report.problems.size() == 1 ? tr("%1: 1 problem").arg(path)
                                                : tr("%1: %2 problems").arg(path).arg(report.problems.size()))
              << '\n';
        if (f.schemaVersion >= 0) {
            m_out << tr("  Schema version: %1 (this program: %2)\n")
                         .arg(f.schemaVersion)
                         .arg(Database::kSchemaVersion)
                  << tr("  Reviews: %1, actions: %2, history rows: %3\n")
                         .arg(knownText(f.reviews), knownText(f.actions), knownText(f.history))
                  << tr("  Pages: %1 of %2 bytes\n").arg(knownText(f.pageCount), knownText(f.pageSize));
        }
        if (f.fileSize >= 0)
            m_out << tr("  File size: %1 (%2 bytes)\n").arg(sizeText(f.fileSize)).arg(f.fileSize);
    }
    m_out.flush();
    if (report.isSound())
        return Ok;
    for (const CheckProblem& problem : report.problems)
        m_err << "review-tracker: " << problem.message << '\n';
    m_err.flush();
    return DataError;
}

int CommandLine::runBackup(const QStringList& args)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        tr("Writes a verified copy of the database (a consistent snapshot, also while the window has it "
           "open). Without --out, into the backup folder of the settings (default: Backups beside the "
           "database), keeping the last N there."));
    p.addOption(dbOption());
    p.addOption({{QStringLiteral("o"), QStringLiteral("out")}, tr("The backup file to write."), tr("FILE")});
    p.addOption({QStringLiteral("overwrite"), tr("Replace FILE when it exists.")});
    int code = Ok;
    if (!parse(p, args, &code))
        return code;
    const QString path = p.value(QStringLiteral("db"));
    if (path.isEmpty())
        return usage(tr("backup: --db PATH is required"));
    const QString out = p.value(QStringLiteral("out"));
    if (out.isEmpty() && p.isSet(QStringLiteral("overwrite")))
        return usage(tr("backup: --overwrite needs --out FILE"));

    // Read-only: a backup never changes what it copies.
    Database db;
    if (!db.open(path, Database::OpenMode::ReadOnly))
        return dataError(db.errorString());
    QString written = out;
    QString note;
    if (out.isEmpty()) {
        BackupRotation rotation(path);
        if (!rotation.backupNow(db))
            return dataError(rotation.errorString());
        written = rotation.lastBackup();
        if (!rotation.removed().isEmpty())
            note = tr("Removed %1 older, keeping the last %2 in %3")
                       .arg(rotation.removed().size())
                       .arg(rotation.keep())
                       .arg(rotation.folder());
        // Taken and verified; only an old one could not be removed.
        if (!rotation.errorString().isEmpty())
            m_err << "review-tracker: " << rotation.errorString() << '\n';
    } else {
        QString error;
        if (!BackupRotation::backupTo(db, out, &error, p.isSet(QStringLiteral("overwrite"))))
            return dataError(error);
    }
    const qint64 size = QFileInfo(written).size();
    m_out << tr("Backed up %1 to %2 (%3, %4 bytes), verified").arg(path, written, sizeText(size)).arg(size)
          << '\n';
    if (!note.isEmpty())
        m_out << note << '\n';
    return Ok;
}

} // namespace rt
