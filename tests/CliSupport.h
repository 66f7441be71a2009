#pragma once

#include "cli/CommandLine.h"

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace rt::test {

// One run of a command-line verb in this process: exit code, stdout, stderr.
struct CliResult
{
    int code = -1;
    QString out;
    QString err;
};

// args without the program name: {"stats", "--db", path}.
inline CliResult runCli(QStringList args)
{
    args.prepend(QStringLiteral("review-tracker"));
    CliResult r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    CommandLine cli(out, err);
    r.code = cli.run(args);
    out.flush();
    err.flush();
    return r;
}

} // namespace rt::test
