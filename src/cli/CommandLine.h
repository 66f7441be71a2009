#pragma once

#include <QStringList>

class QCommandLineOption;
class QCommandLineParser;
class QDate;
#include <QTextStream>

namespace rt {

// The command-line verbs that need no window: init, stats, overdue, dashboard,
// generate, import, import-returns, export, check, backup, admin.
// Exit codes: 0 done, 1 usage error, 2 data error (one line on stderr naming
// the file and the cause).
class CommandLine
{
public:
    enum Exit
    {
        Ok = 0,
        UsageError = 1,
        DataError = 2
    };

    CommandLine(QTextStream& out, QTextStream& err);

    // True when args name a verb this class serves (the rest need a window).
    static bool handles(const QStringList& args);
    // args as from QCoreApplication::arguments(): program name first.
    int run(const QStringList& args);

private:
    int runInit(const QStringList& args);
    int runStats(const QStringList& args);
    int runOverdue(const QStringList& args);
    int runGenerate(const QStringList& args);
    int runDashboard(const QStringList& args);     // DashboardCommand.cpp
    int runImport(const QStringList& args);        // ImportCommand.cpp: trackers and JSON backups
    int runImportReturns(const QStringList& args); // ReturnsCommand.cpp
    int runExport(const QStringList& args);        // ExportCommand.cpp: papers, returns, backups
    int runCheck(const QStringList& args);         // MaintenanceCommand.cpp: is a database file sound
    int runBackup(const QStringList& args);        // MaintenanceCommand.cpp: a verified copy
    int runAdmin(const QStringList& args);         // AdminCommand.cpp: server schema, roles, grants
    static QCommandLineOption dbOption();
    // Parses a verb's options; false when the caller should return *exitCode
    // (a usage error, or --help answered).
    bool parse(QCommandLineParser& p, const QStringList& args, int* exitCode);
    // The options and --help only; positional arguments are the caller's.
    bool parseOptions(QCommandLineParser& p, const QStringList& args, int* exitCode);
    // The same for a verb that reads one FILE and needs --db: both given, or
    // a usage error naming the verb.
    bool parseWithFile(QCommandLineParser& p, const QStringList& args, const QString& verb, QString* path,
                       QString* file, int* exitCode);
    // --format (one of formats), --as-of (default today) and the required --db.
    bool readCommonOptions(const QCommandLineParser& p, const QString& verb, const QStringList& formats,
                           QDate* asOf, QString* path, int* exitCode);
    int usage(const QString& message);
    int dataError(const QString& message);

    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace rt
