// The export verb: papers (a review's plan, every plan, the QiiP highlight
// report, the Executive summary) in five formats, an owner's update return,
// and the whole database as JSON.

#include "CommandLine.h"
#include "db/Database.h"
#include "db/JsonBackup.h"
#include "db/OwnerReturnsWriter.h"
#include "db/PaperQueries.h"
#include "db/PlanQueries.h"
#include "io/SafeFileWrite.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::CommandLine", text);
}

} // namespace

int CommandLine::runExport(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption(dbOption());
    p.addOption({QStringLiteral("review"), tr("Export this review's action plan (reference, title or id)."),
                 tr("REF")});
    p.addOption({QStringLiteral("all"), tr("Export every review's action plan.")});
    p.addOption({QStringLiteral("paper"), tr("plan (with --review), highlight or summary."), tr("PAPER")});
    p.addOption(
        {QStringLiteral("owner"), tr("An owner's open actions as an update return (xlsx)."), tr("NAME")});
    p.addOption({QStringLiteral("format"), tr("pdf, docx, xlsx, csv, html or json (the whole database)."),
                 tr("FORMAT")});
    p.addOption({{QStringLiteral("o"), QStringLiteral("output")}, tr("The file to write."), tr("FILE")});
    p.addOption(
        {QStringLiteral("as-of"), tr("Figures as of this date (YYYY-MM-DD); default today."), tr("DATE")});
    p.addOption({QStringLiteral("one-sheet"), tr("xlsx: every review's plan on one sheet.")});
    int code = Ok;
    if (!parse(p, args, &code))
        return code;

    const QString path = p.value(QStringLiteral("db"));
    if (path.isEmpty())
        return usage(tr("export: --db PATH is required"));
    const QString output = p.value(QStringLiteral("output"));
    if (output.isEmpty())
        return usage(tr("export: -o FILE is required"));
    const QString formatCode = p.value(QStringLiteral("format")).toLower();
    if (formatCode.isEmpty())
        return usage(tr("export: --format is required (pdf, docx, xlsx, csv, html or json)"));
    QDate asOf = QDate::currentDate();
    if (p.isSet(QStringLiteral("as-of"))) {
        asOf = QDate::fromString(p.value(QStringLiteral("as-of")), Qt::ISODate);
        if (!asOf.isValid())
            return usage(tr("export: --as-of “%1” is not a date in the form YYYY-MM-DD")
                             .arg(p.value(QStringLiteral("as-of"))));
    }

    // Exactly one thing to export.
    QString paper = p.value(QStringLiteral("paper")).toLower();
    const bool hasReview = p.isSet(QStringLiteral("review"));
    const bool all = p.isSet(QStringLiteral("all"));
    const bool owner = p.isSet(QStringLiteral("owner"));
    if (!paper.isEmpty() && paper != QLatin1String("plan") && paper != QLatin1String("highlight") &&
        paper != QLatin1String("summary"))
        return usage(tr("export: --paper must be plan, highlight or summary, not “%1”").arg(paper));
    if (paper == QLatin1String("plan") && !hasReview)
        return usage(tr("export: --paper plan needs --review REF"));
    const int choices =
        int(hasReview) + int(all) + int(owner) + int(!paper.isEmpty() && paper != QLatin1String("plan"));
    const bool json = formatCode == QLatin1String("json");
    if (choices > 1)
        return usage(tr("export: give one of --review, --all, --paper highlight|summary or --owner"));
    if (choices == 0 && !json)
        return usage(
            tr("export: say what to export: --review REF, --all, --paper highlight|summary or --owner NAME"));
    if (json && (hasReview || owner || !paper.isEmpty()))
        return usage(tr("export: --format json writes the whole database; use it alone or with --all"));

    PaperFormat format = PaperFormat::Pdf;
    if (!json && !paperformat::fromCode(formatCode, &format))
        return usage(
            tr("export: --format must be pdf, docx, xlsx, csv, html or json, not “%1”").arg(formatCode));
    if (owner && format != PaperFormat::Xlsx)
        return usage(tr("export: an owner's return is an Excel workbook; use --format xlsx"));

    Database db;
    if (!db.open(path, Database::OpenMode::ReadOnly))
        return dataError(db.errorString());

    QString error;
    QString summary;
    if (json) {
        JsonBackup backup(db.connection());
        if (!writeFileWith(output, backup, &error))
            return dataError(error);
        summary = tr("the whole database");
    } else if (owner) {
        OwnerReturnsWriter writer(db.connection());
        const QString name = p.value(QStringLiteral("owner"));
        if (!writeFileWith(output, writer, &error, name, asOf))
            return dataError(error);
        summary = tr("%1 open actions of %2").arg(writer.actionCount()).arg(name);
    } else {
        PaperQueries queries(db.connection());
        PaperQueries::Kind kind = PaperQueries::Kind::Summary;
        qint64 reviewId = 0;
        if (hasReview) {
            const QString ref = p.value(QStringLiteral("review"));
            reviewId = PlanQueries(db.connection()).findReview(ref);
            if (reviewId == 0)
                return dataError(tr("export: no single review matches “%1” in %2").arg(ref, path));
            kind = PaperQueries::Kind::Plan;
        } else if (all) {
            kind = PaperQueries::Kind::AllPlans;
        } else if (paper == QLatin1String("highlight")) {
            kind = PaperQueries::Kind::Highlight;
        }
        Paper content;
        if (!queries.build(kind, reviewId, asOf, &content))
            return dataError(tr("export: cannot read %1: %2").arg(path, queries.errorString()));
        content.oneSheet = p.isSet(QStringLiteral("one-sheet"));
        if (!writePaperFile(content, format, output, &error))
            return dataError(error);
        int rows = 0;
        for (const PaperTable& t : content.tables)
            if (t.role == PaperTable::Role::Main)
                rows += t.rows.size();
        summary = tr("%1, %2 rows").arg(content.title).arg(rows);
    }
    m_out << tr("Wrote %1 (%2)").arg(output, summary) << '\n';
    return Ok;
}

} // namespace rt
