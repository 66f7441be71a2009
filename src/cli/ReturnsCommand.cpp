// The import-returns verb: records a filled-in owner update return.

#include "CommandLine.h"
#include "db/Database.h"
#include "db/OwnerReturnsImporter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::CommandLine", text);
}

} // namespace

// Exit 0 when the file was read and every row that could be recorded was;
// rows not matched or changed meanwhile are listed in the JSON and on stderr
// (someone has to follow them up) but do not make the run a failure. Exit 2
// when nothing was recorded: the file cannot be read, is not a return, or
// the database refused the changes.
int CommandLine::runImportReturns(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption(dbOption());
    p.addPositionalArgument(QStringLiteral("FILE"), tr("The filled-in return (.xlsx)."));
    QString path, file;
    int code = Ok;
    if (!parseWithFile(p, args, QStringLiteral("import-returns"), &path, &file, &code))
        return code;

    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return dataError(tr("%1: cannot be read: %2").arg(file, in.errorString()));
    Database db;
    if (!db.open(path, Database::OpenMode::ReadWrite))
        return dataError(db.errorString());
    OwnerReturnsImporter importer(db.connection());
    OwnerReturnsImporter::Result r;
    if (!importer.apply(&in, file, &r))
        return dataError(importer.errorString());

    for (const QString& line : std::as_const(r.conflicts))
        m_err << tr("review-tracker: %1: not recorded: %2").arg(file, line) << '\n';
    for (const QString& line : std::as_const(r.unmatched))
        m_err << tr("review-tracker: %1: not recorded: %2").arg(file, line) << '\n';
    m_err.flush();
    // Written by hand to keep the keys in this order (QJsonObject sorts them).
    const auto list = [](const QStringList& lines) {
        if (lines.isEmpty())
            return QStringLiteral("[]");
        QStringList items;
        for (const QString& line : lines) {
            const QByteArray quoted = QJsonDocument(QJsonArray{line}).toJson(QJsonDocument::Compact);
            items << QStringLiteral("    ") + QString::fromUtf8(quoted.mid(1, quoted.size() - 2));
        }
        return QStringLiteral("[\n%1\n  ]").arg(items.join(QStringLiteral(",\n")));
    };
    m_out << QStringLiteral("{\n  \"rows_applied\": %1,\n  \"updates\": %2,\n  \"status_changes\": %3,\n"
                            "  \"rag_changes\": %4,\n  \"rows_blank\": %5,\n  \"unmatched\": %6,\n"
                            "  \"conflicts\": %7\n}\n")
                 .arg(r.rowsApplied)
                 .arg(r.updates)
                 .arg(r.statusChanges)
                 .arg(r.ragChanges)
                 .arg(r.rowsBlank)
                 .arg(list(r.unmatched), list(r.conflicts));
    return Ok;
}

} // namespace rt
