// Speed targets of papers and import (issue 5), against a generated database
// (RT_BENCH_DB, made by `review-tracker generate`; scripts/bench.sh does both):
//   a 30-recommendation plan to PDF or DOCX                  < 1 s
//   the QiiP highlight report over the national database     < 5 s
//   importing a 50,000-row spreadsheet tracker              < 10 s
#include "db/Database.h"
#include "db/PaperQueries.h"
#include "db/TrackerImporter.h"
#include "io/PaperWriter.h"

#include <QBuffer>
#include <QFile>
#include <QGuiApplication>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>
#include <cstdlib>

namespace {

QString databasePath()
{
    const QByteArray path = qgetenv("RT_BENCH_DB");
    if (path.isEmpty()) {
        fprintf(stderr, "Set RT_BENCH_DB to a database made by `review-tracker generate`.\n");
        std::exit(1);
    }
    return QString::fromLocal8Bit(path);
}

const QDate kAsOf(2026, 11, 23);

class Papers : public benchmark::Fixture
{
public:
    void SetUp(const benchmark::State&) override
    {
        db = std::make_unique<rt::Database>();
        if (!db->open(databasePath(), rt::Database::OpenMode::ReadOnly))
            std::abort();
        // The review whose plan is nearest 30 recommendations, the size of a
        // large published plan (Child X has 31 rows).
        QSqlQuery q(db->connection());
        if (!q.exec(QStringLiteral("SELECT review_id FROM recommendations GROUP BY review_id "
                                   "ORDER BY abs(count(*) - 30), review_id LIMIT 1")) ||
            !q.next())
            std::abort();
        reviewId = q.value(0).toLongLong();
    }
    void TearDown(const benchmark::State&) override { db.reset(); }

    void exportPlan(benchmark::State& state, rt::PaperFormat format)
    {
        rt::PaperQueries queries(db->connection());
        qint64 bytes = 0;
        int rows = 0;
        for (auto _ : state) {
            rt::Paper paper;
            if (!queries.actionPlan(reviewId, kAsOf, &paper)) {
                state.SkipWithError(queries.errorString().toUtf8().constData());
                return;
            }
            QBuffer buffer;
            buffer.open(QIODevice::WriteOnly);
            auto writer = rt::PaperWriter::create(format);
            if (!writer->write(paper, &buffer)) {
                state.SkipWithError(writer->errorString().toUtf8().constData());
                return;
            }
            bytes = buffer.size();
            rows = paper.tables.value(0).rows.size();
        }
        state.counters["rows"] = rows;
        state.counters["bytes"] = bytes;
    }

    std::unique_ptr<rt::Database> db;
    qint64 reviewId = 0;
};

BENCHMARK_DEFINE_F(Papers, PlanToPdf)(benchmark::State& state)
{
    exportPlan(state, rt::PaperFormat::Pdf);
}
BENCHMARK_REGISTER_F(Papers, PlanToPdf)->Unit(benchmark::kMillisecond);

BENCHMARK_DEFINE_F(Papers, PlanToDocx)(benchmark::State& state)
{
    exportPlan(state, rt::PaperFormat::Docx);
}
BENCHMARK_REGISTER_F(Papers, PlanToDocx)->Unit(benchmark::kMillisecond);

BENCHMARK_DEFINE_F(Papers, PlanToXlsx)(benchmark::State& state)
{
    exportPlan(state, rt::PaperFormat::Xlsx);
}
BENCHMARK_REGISTER_F(Papers, PlanToXlsx)->Unit(benchmark::kMillisecond);

// The highlight report read from the whole database, then written; arg 0 = read only.
BENCHMARK_DEFINE_F(Papers, HighlightReport)(benchmark::State& state)
{
    rt::PaperQueries queries(db->connection());
    const auto format = static_cast<rt::PaperFormat>(state.range(0));
    const bool write = state.range(1) != 0;
    int rows = 0;
    for (auto _ : state) {
        rt::Paper paper;
        if (!queries.highlightReport(kAsOf, &paper)) {
            state.SkipWithError(queries.errorString().toUtf8().constData());
            return;
        }
        rows = paper.tables.value(0).rows.size();
        if (!write)
            continue;
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        auto writer = rt::PaperWriter::create(format);
        if (!writer->write(paper, &buffer)) {
            state.SkipWithError(writer->errorString().toUtf8().constData());
            return;
        }
    }
    state.counters["rows"] = rows;
}
BENCHMARK_REGISTER_F(Papers, HighlightReport)
    ->ArgNames({"format", "write"})
    ->Args({int(rt::PaperFormat::Csv), 0})
    ->Args({int(rt::PaperFormat::Csv), 1})
    ->Args({int(rt::PaperFormat::Xlsx), 1})
    ->Args({int(rt::PaperFormat::Pdf), 1})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

BENCHMARK_DEFINE_F(Papers, ExecutiveSummary)(benchmark::State& state)
{
    rt::PaperQueries queries(db->connection());
    for (auto _ : state) {
        rt::Paper paper;
        if (!queries.executiveSummary(kAsOf, &paper)) {
            state.SkipWithError(queries.errorString().toUtf8().constData());
            return;
        }
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        auto writer = rt::PaperWriter::create(rt::PaperFormat::Xlsx);
        if (!writer->write(paper, &buffer)) {
            state.SkipWithError(writer->errorString().toUtf8().constData());
            return;
        }
    }
}
BENCHMARK_REGISTER_F(Papers, ExecutiveSummary)->Unit(benchmark::kMillisecond);

// A tracker of n rows as a partnership's spreadsheet has them: 50 reviews,
// recommendation cells merged (blank under the first row), mixed date forms.
QByteArray trackerCsv(int rows)
{
    QByteArray csv =
        "Review,Type,Rec No,Recommendation,Agreed,Action,Owner,Target Date,Status,RAG,Latest update,"
        "Update date\r\n";
    const char* const targets[] = {"31/03/2025", "March 2025", "Mar-25", "2025", "Ongoing", "2025-06-30"};
    const char* const statuses[] = {"Not started", "Underway", "Partially", "Complete", "On track"};
    const char* const rags[] = {"R", "Amber", "G", ""};
    const int perReview = rows / 50;
    for (int i = 0; i < rows; ++i) {
        const int review = i / perReview;
        const int inReview = i % perReview;
        const int rec = inReview / 4;
        const bool firstOfRec = inReview % 4 == 0;
        csv += firstOfRec
                   ? QByteArray("\"Review ") + QByteArray::number(review) + "\",LCSPR," +
                         QByteArray::number(rec + 1) + ",\"Recommendation " + QByteArray::number(rec + 1) +
                         ", with a comma and enough words to be realistic\",Agreed,"
                   : QByteArray(",,,,,");
        csv += "\"Action " + QByteArray::number(i) + ": do the thing that was agreed, and report to QiiP\",";
        csv += "Owner " + QByteArray::number(i % 300) + ",";
        csv += QByteArray(targets[i % 6]) + "," + statuses[i % 5] + "," + rags[i % 4] + ",";
        csv += "\"Progress on action " + QByteArray::number(i) + "\",15/02/2025\r\n";
    }
    return csv;
}

void ImportTracker(benchmark::State& state)
{
    // The CI smoke run only checks the program works; 2,000 rows do that.
    const int rows = qEnvironmentVariableIsSet("RT_BENCH_SMOKE") ? 2000 : static_cast<int>(state.range(0));
    QTemporaryDir dir;
    const QString csvPath = dir.filePath(QStringLiteral("tracker.csv"));
    {
        QFile f(csvPath);
        if (!f.open(QIODevice::WriteOnly) || f.write(trackerCsv(rows)) < 0)
            std::abort();
    }
    int run = 0;
    int actions = 0;
    for (auto _ : state) {
        state.PauseTiming();
        rt::Database db;
        if (!db.open(dir.filePath(QStringLiteral("import-%1.rtdb").arg(run++)),
                     rt::Database::OpenMode::CreateNew))
            std::abort();
        state.ResumeTiming();
        rt::TrackerImporter importer(db.connection());
        int calls = 0;
        importer.setProgress([&calls](int, int) {
            ++calls;
            return true;
        });
        if (!importer.importFile(csvPath)) {
            state.SkipWithError(importer.errorString().toUtf8().constData());
            return;
        }
        actions = importer.added().actions;
        state.counters["progress_calls"] = calls;
    }
    state.counters["actions"] = actions;
}
BENCHMARK(ImportTracker)->Arg(50000)->Unit(benchmark::kMillisecond)->Iterations(1);

} // namespace

// PDF papers lay out text, which needs a QGuiApplication (offscreen will do).
int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
