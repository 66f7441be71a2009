#pragma once

// What the fuzz targets share: a check that stops the run with a message (a
// libFuzzer "crash" with the input saved), a QCoreApplication for the code
// that wants one, and the tracker reading every spreadsheet import does
// after the file format: find the header row, read the rows.

#include "io/SheetTable.h"
#include "io/TrackerColumns.h"
#include "io/TrackerParser.h"

#include <QCoreApplication>
#include <QString>
#include <cstdio>
#include <cstdlib>

// An invariant that does not hold is a finding like a crash: abort() makes
// libFuzzer save the input.
#define RT_FUZZ_CHECK(condition, message)                                                                    \
    do {                                                                                                     \
        if (!(condition)) {                                                                                  \
            std::fprintf(stderr, "invariant failed: %s (%s:%d): %s\n", #condition, __FILE__, __LINE__,       \
                         qPrintable(QString(message)));                                                      \
            std::abort();                                                                                    \
        }                                                                                                    \
    } while (false)

namespace rt::fuzz {

// Qt's SQL plugins and translate() want an application object; one for the
// whole run, made before the first input.
inline void ensureCoreApplication()
{
    if (QCoreApplication::instance())
        return;
    static int argc = 1;
    static char name[] = "fuzz";
    static char* argv[] = {name, nullptr};
    static QCoreApplication* app = new QCoreApplication(argc, argv);
    Q_UNUSED(app);
}

// What TrackerImporter does with a sheet before it writes anything: find the
// header row, read every row. Checks what must hold whatever the cells say.
inline void parseTracker(const SheetTable& sheet, const QString& sourceName)
{
    const TrackerMapping mapping = TrackerColumns::detect(sheet);
    RT_FUZZ_CHECK(mapping.headerRow >= -1 && mapping.headerRow < TrackerColumns::kHeaderSearchRows,
                  QString::number(mapping.headerRow));
    RT_FUZZ_CHECK(mapping.headers.size() == mapping.fields.size(), QString());
    RT_FUZZ_CHECK(mapping.headerRow < 0 || mapping.headerRow < sheet.rows.size(), QString());

    TrackerParser parser;
    const bool ok = parser.parse(sheet, mapping, sourceName);
    RT_FUZZ_CHECK(ok == parser.problems().isEmpty(), QString());
    if (!ok) {
        // Nothing half-read is handed on, and each problem names a real place.
        RT_FUZZ_CHECK(parser.reviews().isEmpty(), QString());
        for (const TrackerProblem& p : parser.problems()) {
            RT_FUZZ_CHECK(p.row >= 0 && p.row <= sheet.rows.size(), QString::number(p.row));
            RT_FUZZ_CHECK(p.column >= -1 && p.column < qMax(1, int(mapping.fields.size())),
                          QString::number(p.column));
            RT_FUZZ_CHECK(!p.message.isEmpty() && !p.toString().isEmpty(), QString());
        }
        return;
    }
    RT_FUZZ_CHECK(mapping.isComplete(), QString());
    RT_FUZZ_CHECK(parser.rowsRead() <= sheet.rows.size(), QString());
    for (const ReviewRecord& review : parser.reviews()) {
        RT_FUZZ_CHECK(!review.title.trimmed().isEmpty(), QString());
        for (const RecommendationRecord& rec : review.recommendations)
            RT_FUZZ_CHECK(!rec.text.isEmpty(), review.title);
    }
}

} // namespace rt::fuzz
