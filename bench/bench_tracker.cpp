// Speed targets of the foundation, measured against a generated database
// (RT_BENCH_DB, made by `review-tracker generate`; scripts/bench.sh does both).
//   open + first screen of the actions table   < 150 ms
//   overdue count, per-agency, per-review       < 50 ms
//   filter keystroke on the actions table       < 50 ms
//   one cell edit committed                     < 5 ms
//   memory with the actions view open           < 250 MB
#include "db/ActionRepository.h"
#include "db/Database.h"
#include "db/StatusQueries.h"
#include "models/ActionTableModel.h"

#include <QApplication>
#include <QFile>
#include <QHeaderView>
#include <QTableView>
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

double residentMegabytes()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

// Draws the view into a pixmap: the rows a user sees are fetched and painted.
void showFirstScreen(QTableView& view)
{
    view.resize(1400, 900);
    view.show();
    benchmark::DoNotOptimize(view.grab());
}

const QDate kAsOf(2026, 11, 23);

void BM_OpenAndShowFirstScreen(benchmark::State& state)
{
    const QString path = databasePath();
    for (auto _ : state) {
        rt::Database db;
        if (!db.open(path, rt::Database::OpenMode::ReadWrite)) {
            state.SkipWithError(db.errorString().toUtf8().constData());
            return;
        }
        {
            rt::ActionTableModel model(db.connection());
            QTableView view;
            view.setModel(&model);
            view.horizontalHeader()->setSectionResizeMode(rt::ActionTableModel::ActionColumn,
                                                          QHeaderView::Stretch);
            showFirstScreen(view);
            state.counters["rows"] = model.rowCount();
            state.counters["rss_MB"] = residentMegabytes();
        }
    }
}
BENCHMARK(BM_OpenAndShowFirstScreen)->Unit(benchmark::kMillisecond);

class Open : public benchmark::Fixture
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

BENCHMARK_DEFINE_F(Open, OverdueCount)(benchmark::State& state)
{
    rt::StatusQueries q(db->connection());
    for (auto _ : state)
        state.counters["overdue"] = q.overdueCount(kAsOf);
}
BENCHMARK_REGISTER_F(Open, OverdueCount)->Unit(benchmark::kMillisecond);

BENCHMARK_DEFINE_F(Open, ByAgency)(benchmark::State& state)
{
    rt::StatusQueries q(db->connection());
    QVector<rt::AgencyFigures> rows;
    for (auto _ : state)
        q.byAgency(kAsOf, &rows);
    state.counters["agencies"] = rows.size();
}
BENCHMARK_REGISTER_F(Open, ByAgency)->Unit(benchmark::kMillisecond);

BENCHMARK_DEFINE_F(Open, ByReview)(benchmark::State& state)
{
    rt::StatusQueries q(db->connection());
    QVector<rt::ReviewFigures> rows;
    for (auto _ : state)
        q.byReview(kAsOf, &rows);
    state.counters["reviews"] = rows.size();
}
BENCHMARK_REGISTER_F(Open, ByReview)->Unit(benchmark::kMillisecond);

// Typing "supervision audit" into the filter box: the argument is how many
// letters have been typed. Each keystroke counts the matches and fetches the
// first screen of rows.
BENCHMARK_DEFINE_F(Open, FilterKeystroke)(benchmark::State& state)
{
    rt::ActionTableModel model(db->connection());
    const QString text = QStringLiteral("supervision audit").left(static_cast<int>(state.range(0)));
    model.setTextFilter(text);
    for (auto _ : state) {
        model.refresh();
        for (int row = 0; row < std::min(40, model.rowCount()); ++row)
            benchmark::DoNotOptimize(model.data(model.index(row, rt::ActionTableModel::ActionColumn)));
    }
    state.counters["matches"] = model.rowCount();
    state.SetLabel(text.toStdString());
}
BENCHMARK_REGISTER_F(Open, FilterKeystroke)
    ->Arg(1)
    ->Arg(2)
    ->Arg(3)
    ->Arg(5)
    ->Arg(11)
    ->Arg(13)
    ->Arg(17)
    ->Unit(benchmark::kMillisecond);

BENCHMARK_DEFINE_F(Open, CellEditCommitted)(benchmark::State& state)
{
    rt::ActionRepository repo(db->connection());
    const QString targets[] = {QStringLiteral("March 2027"), QStringLiteral("31/03/2027")};
    int i = 0;
    for (auto _ : state) {
        if (!repo.setField(1000 + (i % 500), rt::ActionRepository::Field::Target, targets[i % 2])) {
            state.SkipWithError(repo.errorString().toUtf8().constData());
            return;
        }
        ++i;
    }
}
BENCHMARK_REGISTER_F(Open, CellEditCommitted)->Unit(benchmark::kMicrosecond);

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
