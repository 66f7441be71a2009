#include "CommandLine.h"

#include "core/TargetDate.h"
#include "db/Database.h"
#include "db/HistoryPause.h"
#include "db/StatusQueries.h"
#include "io/SampleData.h"
#include "io/SyntheticGenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::CommandLine", text);
}

const QStringList kVerbs = {
    QStringLiteral("init"),           QStringLiteral("stats"),     QStringLiteral("overdue"),
    QStringLiteral("generate"),       QStringLiteral("dashboard"), QStringLiteral("import"),
    QStringLiteral("import-returns"), QStringLiteral("export"),    QStringLiteral("check"),
    QStringLiteral("backup"),         QStringLiteral("admin")};

} // namespace

QCommandLineOption CommandLine::dbOption()
{
    return QCommandLineOption(
        QStringLiteral("db"),
        tr("The database file, or a server database: postgresql://USER@HOST:PORT/DATABASE."), tr("PATH"));
}

namespace {

// RFC 4180: quote a field holding a comma, quote or line break; double quotes.
QString csvField(const QString& s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')) &&
        !s.contains(QLatin1Char('\r')))
        return s;
    QString quoted = s;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

CommandLine::CommandLine(QTextStream& out, QTextStream& err) : m_out(out), m_err(err) {}

bool CommandLine::handles(const QStringList& args)
{
    return args.size() > 1 && kVerbs.contains(args.at(1));
}

bool CommandLine::parseOptions(QCommandLineParser& p, const QStringList& args, int* exitCode)
{
    p.addHelpOption();
    if (!p.parse(args)) {
        *exitCode = usage(p.errorText());
        return false;
    }
    if (p.isSet(QStringLiteral("help"))) {
        m_out << p.helpText();
        *exitCode = Ok;
        return false;
    }
    return true;
}

bool CommandLine::parse(QCommandLineParser& p, const QStringList& args, int* exitCode)
{
    if (!parseOptions(p, args, exitCode))
        return false;
    if (!p.positionalArguments().isEmpty()) {
        *exitCode = usage(tr("unexpected argument “%1”").arg(p.positionalArguments().first()));
        return false;
    }
    return true;
}

bool CommandLine::parseWithFile(QCommandLineParser& p, const QStringList& args, const QString& verb,
                                QString* path, QString* file, int* exitCode)
{
    if (!parseOptions(p, args, exitCode))
        return false;
    *path = p.value(QStringLiteral("db"));
    if (path->isEmpty()) {
        *exitCode = usage(tr("%1: --db PATH is required").arg(verb));
        return false;
    }
    const QStringList files = p.positionalArguments();
    if (files.size() != 1) {
        *exitCode = usage(files.isEmpty() ? tr("%1: give the FILE to read").arg(verb)
                                          : tr("%1: give one FILE, not %2").arg(verb).arg(files.size()));
        return false;
    }
    *file = files.first();
    return true;
}

bool CommandLine::readCommonOptions(const QCommandLineParser& p, const QString& verb,
                                    const QStringList& formats, QDate* asOf, QString* path, int* exitCode)
{
    const QString format = p.value(QStringLiteral("format"));
    if (!formats.contains(format)) {
        *exitCode = usage(
            tr("%1: --format must be %2, not “%3”").arg(verb, formats.join(QStringLiteral(", ")), format));
        return false;
    }
    *asOf = QDate::currentDate();
    if (p.isSet(QStringLiteral("as-of"))) {
        *asOf = QDate::fromString(p.value(QStringLiteral("as-of")), Qt::ISODate);
        if (!asOf->isValid()) {
            *exitCode = usage(tr("%1: --as-of “%2” is not a date in the form YYYY-MM-DD")
                                  .arg(verb, p.value(QStringLiteral("as-of"))));
            return false;
        }
    }
    *path = p.value(QStringLiteral("db"));
    if (path->isEmpty()) {
        *exitCode = usage(tr("%1: --db PATH is required").arg(verb));
        return false;
    }
    return true;
}

int CommandLine::usage(const QString& message)
{
    m_err << "review-tracker: " << message << '\n';
    m_err.flush();
    return UsageError;
}

int CommandLine::dataError(const QString& message)
{
    m_err << "review-tracker: " << message << '\n';
    m_err.flush();
    return DataError;
}

int CommandLine::run(const QStringList& args)
{
    if (!handles(args))
        return usage(tr("unknown command; use init, stats, overdue, dashboard, generate, import, "
                        "import-returns, export, check, backup, admin, gui or screenshot"));
    const QString verb = args.at(1);
    QStringList rest = args;
    rest.removeAt(1);
    if (verb == QLatin1String("init"))
        return runInit(rest);
    if (verb == QLatin1String("stats"))
        return runStats(rest);
    if (verb == QLatin1String("overdue"))
        return runOverdue(rest);
    if (verb == QLatin1String("dashboard"))
        return runDashboard(rest);
    if (verb == QLatin1String("import"))
        return runImport(rest);
    if (verb == QLatin1String("import-returns"))
        return runImportReturns(rest);
    if (verb == QLatin1String("export"))
        return runExport(rest);
    if (verb == QLatin1String("check"))
        return runCheck(rest);
    if (verb == QLatin1String("backup"))
        return runBackup(rest);
    if (verb == QLatin1String("admin"))
        return runAdmin(rest);
    return runGenerate(rest);
}

int CommandLine::runInit(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption(dbOption());
    p.addOption({QStringLiteral("sample"), tr("Load the sample data of the five published documents.")});
    int code = Ok;
    if (!parse(p, args, &code))
        return code;
    const QString path = p.value(QStringLiteral("db"));
    if (path.isEmpty())
        return usage(tr("init: --db PATH is required"));

    const bool sample = p.isSet(QStringLiteral("sample"));
    if (sample) {
        QString error;
        if (!SampleData::createDatabase(path, &error))
            return dataError(error);
    } else {
        Database created;
        if (!created.open(path, Database::OpenMode::CreateNew))
            return dataError(created.errorString());
    }
    m_out << tr("Created %1 (schema %2)%3")
                 .arg(path)
                 .arg(Database::kSchemaVersion)
                 .arg(sample ? tr(" with the sample data") : QString())
          << '\n';
    return Ok;
}

int CommandLine::runStats(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption(dbOption());
    p.addOption({QStringLiteral("format"), tr("json or text."), tr("FORMAT"), QStringLiteral("json")});
    p.addOption({QStringLiteral("as-of"), tr("Count overdue as of this date (YYYY-MM-DD)."), tr("DATE")});
    int code = Ok;
    if (!parse(p, args, &code))
        return code;
    const QString format = p.value(QStringLiteral("format"));
    QDate asOf;
    QString path;
    if (!readCommonOptions(p, QStringLiteral("stats"), {QStringLiteral("json"), QStringLiteral("text")},
                           &asOf, &path, &code))
        return code;
    Database db;
    if (!db.openForReading(path))
        return dataError(db.errorString());
    StatusQueries queries(db.connection());
    DatabaseFigures f;
    if (!queries.figures(asOf, &f))
        return dataError(tr("%1: %2").arg(path, queries.errorString()));

    if (format == QLatin1String("text")) {
        m_out << tr("Schema version: %1\nReviews: %2\nRecommendations: %3\nActions: %4\nUpdates: %5\n"
                    "Agencies: %6\nSection 11 audits: %7\nSection 11 ratings: %8\n")
                     .arg(f.schemaVersion)
                     .arg(f.reviews)
                     .arg(f.recommendations)
                     .arg(f.actions)
                     .arg(f.updates)
                     .arg(f.agencies)
                     .arg(f.s11Audits)
                     .arg(f.s11Ratings);
        for (const ReviewFigures& r : f.byReview) {
            const QStringList name =
                QStringList{r.kind, r.reference, r.title}.filter(QRegularExpression(QStringLiteral(".")));
            m_out << QStringLiteral("  %1: %2 recommendations, %3 actions, %4 overdue\n")
                         .arg(name.join(QLatin1Char(' ')))
                         .arg(r.recommendations)
                         .arg(r.actions)
                         .arg(r.overdue);
        }
        return Ok;
    }
    QJsonArray byReview;
    for (const ReviewFigures& r : f.byReview) {
        byReview.append(QJsonObject{{QStringLiteral("reference"), r.reference},
                                    {QStringLiteral("title"), r.title},
                                    {QStringLiteral("kind"), r.kind},
                                    {QStringLiteral("recommendations"), r.recommendations},
                                    {QStringLiteral("actions"), r.actions},
                                    {QStringLiteral("overdue"), r.overdue}});
    }
    const QJsonObject o{{QStringLiteral("schema_version"), f.schemaVersion},
                        {QStringLiteral("as_of"), asOf.toString(Qt::ISODate)},
                        {QStringLiteral("reviews"), f.reviews},
                        {QStringLiteral("recommendations"), f.recommendations},
                        {QStringLiteral("actions"), f.actions},
                        {QStringLiteral("updates"), f.updates},
                        {QStringLiteral("agencies"), f.agencies},
                        {QStringLiteral("s11_audits"), f.s11Audits},
                        {QStringLiteral("s11_ratings"), f.s11Ratings},
                        {QStringLiteral("by_review"), byReview}};
    m_out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
    return Ok;
}

int CommandLine::runOverdue(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption(dbOption());
    p.addOption(
        {QStringLiteral("as-of"), tr("Overdue as of this date (YYYY-MM-DD); default today."), tr("DATE")});
    p.addOption({QStringLiteral("format"), tr("text, csv or json."), tr("FORMAT"), QStringLiteral("text")});
    int code = Ok;
    if (!parse(p, args, &code))
        return code;
    const QString format = p.value(QStringLiteral("format"));
    QDate asOf;
    QString path;
    if (!readCommonOptions(p, QStringLiteral("overdue"),
                           {QStringLiteral("text"), QStringLiteral("csv"), QStringLiteral("json")}, &asOf,
                           &path, &code))
        return code;
    Database db;
    if (!db.openForReading(path))
        return dataError(db.errorString());
    StatusQueries queries(db.connection());
    QVector<OverdueAction> actions;
    if (!queries.overdueActions(asOf, &actions))
        return dataError(tr("%1: %2").arg(path, queries.errorString()));

    auto statusOf = [](const OverdueAction& a) { return a.statusText.isEmpty() ? a.status : a.statusText; };
    if (format == QLatin1String("json")) {
        QJsonArray list;
        for (const OverdueAction& a : actions) {
            list.append(QJsonObject{{QStringLiteral("review"), a.review},
                                    {QStringLiteral("recommendation"), a.recommendation},
                                    {QStringLiteral("action"), a.action},
                                    {QStringLiteral("owner"), a.owner},
                                    {QStringLiteral("target"), a.target},
                                    {QStringLiteral("due"), a.due.toString(Qt::ISODate)},
                                    {QStringLiteral("status"), statusOf(a)},
                                    {QStringLiteral("rag"), a.rag},
                                    {QStringLiteral("days_overdue"), a.daysOverdue}});
        }
        const QJsonObject o{{QStringLiteral("as_of"), asOf.toString(Qt::ISODate)},
                            {QStringLiteral("count"), static_cast<int>(actions.size())},
                            {QStringLiteral("actions"), list}};
        m_out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
    } else if (format == QLatin1String("csv")) {
        m_out << "review,recommendation,action,owner,target,due,status,rag,days_overdue\r\n";
        for (const OverdueAction& a : actions) {
            const QStringList fields = {a.review,
                                        a.recommendation,
                                        a.action,
                                        a.owner,
                                        a.target,
                                        a.due.toString(Qt::ISODate),
                                        statusOf(a),
                                        a.rag,
                                        QString::number(a.daysOverdue)};
            QStringList quoted;
            for (const QString& f : fields)
                quoted << csvField(f);
            m_out << quoted.join(QLatin1Char(',')) << "\r\n";
        }
    } else {
        const QString asOfText = asOf.toString(QStringLiteral("dd/MM/yyyy"));
        m_out << (actions.size() == 1 ? tr("1 action overdue as of %1").arg(asOfText)
                                      : tr("%1 actions overdue as of %2").arg(actions.size()).arg(asOfText))
              << '\n';
        for (const OverdueAction& a : actions) {
            QString text = a.action.simplified();
            if (text.size() > 70)
                text = text.left(69) + QChar(0x2026);
            m_out << QStringLiteral("%1 · %2 · due %3 (%4 days) · %5 · %6\n    %7\n")
                         .arg(a.review, a.recommendation, a.due.toString(QStringLiteral("dd/MM/yyyy")))
                         .arg(a.daysOverdue)
                         .arg(statusOf(a).isEmpty() ? tr("no status") : statusOf(a),
                              a.owner.isEmpty() ? tr("no owner") : a.owner, text);
        }
    }
    return Ok;
}

int CommandLine::runGenerate(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption(dbOption());
    p.addOption({QStringLiteral("reviews"), tr("Number of reviews (national scale: 10000)."), tr("N")});
    p.addOption({QStringLiteral("seed"), tr("Random seed (default 1)."), tr("S"), QStringLiteral("1")});
    int code = Ok;
    if (!parse(p, args, &code))
        return code;
    const QString path = p.value(QStringLiteral("db"));
    if (path.isEmpty())
        return usage(tr("generate: --db PATH is required"));
    bool ok = false;
    const int reviews = p.value(QStringLiteral("reviews")).toInt(&ok);
    if (!ok || reviews < 1 || reviews > 1000000)
        return usage(tr("generate: --reviews must be a whole number from 1 to 1000000"));
    const quint64 seed = p.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok)
        return usage(tr("generate: --seed must be a whole number"));

    Database db;
    if (!db.open(path, Database::OpenMode::CreateNew))
        return dataError(db.errorString());
    QElapsedTimer timer;
    timer.start();
    SyntheticGenerator generator(seed);
    QString error;
    // Made-up records are not anyone's change: logging their creation would
    // triple the file and the time (1.6 million rows at national scale).
    HistoryPause pause(db.connection());
    if (!generator.generate(db.connection(), reviews, &error)) {
        db.close();
        return dataError(tr("%1: generation stopped: %2").arg(path, error));
    }
    db.exec(QStringLiteral("PRAGMA optimize"));
    db.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    m_out << tr("Generated %1 reviews into %2 in %3 s")
                 .arg(reviews)
                 .arg(path)
                 .arg(timer.elapsed() / 1000.0, 0, 'f', 1)
          << '\n';
    return Ok;
}

} // namespace rt
