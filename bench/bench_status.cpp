// Speed targets of the status review (issue 4), against a generated database
// (RT_BENCH_DB, made by `review-tracker generate`; scripts/bench.sh does both).
//   dashboard recomputed for a new as-of date           < 100 ms
//   free-text search, count + first page of rows          < 50 ms
// The snapshot read (off the GUI thread) is measured too, for the record.
#include "core/Dashboard.h"
#include "db/DashboardQueries.h"
#include "db/Database.h"
#include "models/ActionTableModel.h"

#include <QCoreApplication>
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

class Status : public benchmark::Fixture
{
public:
    void SetUp(const benchmark::State&) override
    {
        db = std::make_unique<rt::Database>();
        if (!db->open(databasePath(), rt::Database::OpenMode::ReadWrite))
            std::abort();
    }
    void TearDown(const benchmark::State&) override { db.reset(); }
    std::unique_ptr<rt::Database> db;
};

// The background read the dashboard waits for once per change of data.
BENCHMARK_DEFINE_F(Status, DashboardSnapshotRead)(benchmark::State& state)
{
    rt::DashboardQueries queries(db->connection());
    rt::DashboardSnapshot snapshot;
    for (auto _ : state) {
        if (!queries.load(&snapshot)) {
            state.SkipWithError(queries.errorString().toUtf8().constData());
            return;
        }
    }
    state.counters["open_actions"] = snapshot.open.size();
}
BENCHMARK_REGISTER_F(Status, DashboardSnapshotRead)->Unit(benchmark::kMillisecond);

// Moving the as-of date: every figure, breakdown and the overdue list again.
BENCHMARK_DEFINE_F(Status, DashboardNewAsOfDate)(benchmark::State& state)
{
    rt::DashboardQueries queries(db->connection());
    rt::DashboardSnapshot snapshot;
    if (!queries.load(&snapshot)) {
        state.SkipWithError(queries.errorString().toUtf8().constData());
        return;
    }
    rt::DashboardParams params;
    QDate asOf(2024, 6, 30);
    rt::DashboardFigures f;
    for (auto _ : state) {
        params.asOf = asOf;
        asOf = asOf.addDays(1); // a new date every time
        f = snapshot.compute(params);
        benchmark::DoNotOptimize(f.overdue);
    }
    state.counters["overdue"] = f.overdue;
    state.counters["agencies"] = f.byAgency.size();
    state.counters["owners"] = f.byOwner.size();
}
BENCHMARK_REGISTER_F(Status, DashboardNewAsOfDate)->Unit(benchmark::kMillisecond);

// The overdue list the page shows under the figures: its first 500 rows.
BENCHMARK_DEFINE_F(Status, DashboardOverdueRows)(benchmark::State& state)
{
    rt::DashboardQueries queries(db->connection());
    rt::DashboardSnapshot snapshot;
    if (!queries.load(&snapshot)) {
        state.SkipWithError(queries.errorString().toUtf8().constData());
        return;
    }
    rt::DashboardParams params;
    params.asOf = QDate(2024, 6, 30);
    const rt::DashboardFigures f = snapshot.compute(params);
    QVector<rt::DashboardActionRow> rows;
    for (auto _ : state)
        queries.actionRows(f.overdueActions.mid(0, 500), &rows);
    state.counters["rows"] = rows.size();
}
BENCHMARK_REGISTER_F(Status, DashboardOverdueRows)->Unit(benchmark::kMillisecond);

// A free-text search as typed in the filter box: count the matches and read
// the first screen of rows (40).
const char* const kSearches[] = {"supervision", "supervision audit", "child's voice", "\"escalation\"",
                                 "zoë",         "neglect strategy"};

BENCHMARK_DEFINE_F(Status, FreeTextFirstPage)(benchmark::State& state)
{
    rt::ActionTableModel model(db->connection());
    const QString text = QString::fromUtf8(kSearches[state.range(0)]);
    for (auto _ : state) {
        model.setTextFilter(QString());
        model.setTextFilter(text);
        for (int row = 0; row < std::min(40, model.rowCount()); ++row)
            benchmark::DoNotOptimize(model.data(model.index(row, rt::ActionTableModel::ActionColumn)));
    }
    state.counters["matches"] = model.rowCount();
    state.SetLabel(text.toStdString());
}
BENCHMARK_REGISTER_F(Status, FreeTextFirstPage)->DenseRange(0, 5)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
