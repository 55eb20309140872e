// The attribute table on a million parcels (issue 14: open ≤ 300 ms, scroll a page ≤ 16 ms). Make the data first:
//   build/app/gzplan make-parcels --out build/data/parcels-1m.gpkg        (1,037,200 features, ~1 min)
//   build/tests/table_bench --benchmark_repetitions=9 --benchmark_report_aggregates_only=true
// GZ_PARCELS_1M points elsewhere.
//   Open: the table opened and its model ready: the row count and the first screen (40 rows, every column) read.
//   ScrollCold: data() for 40 rows at a random place not read before (its page read: one SQL query by FID).
//   Sort / Filter: the whole order made again (a header click, the filter line's Enter): for the record.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <random>
#include <string>

#include "gui/attribute_table.h"
#include "layers/attribute_table.h"
#include "../common/gz_bench_main.h"

namespace {

std::string parcels1m()
{
    const char* v = std::getenv("GZ_PARCELS_1M");
    return v ? v : std::string(GZ_BENCH_DATA_DIR) + "/parcels-1m.gpkg";
}

void readScreen(app::gui::AttributeTableModel& model, int first, int rows = 40)
{
    for (int r = first; r < first + rows && r < model.rowCount(); ++r)
        for (int c = 0; c < model.columnCount(); ++c)
            benchmark::DoNotOptimize(model.data(model.index(r, c)));
}

void Open(benchmark::State& state)
{
    for (auto _ : state) {
        app::gui::AttributeTableModel model(layers::AttributeTable::open(parcels1m()));
        benchmark::DoNotOptimize(model.rowCount());
        readScreen(model, 0);
    }
    state.counters["rows"] = static_cast<double>(layers::AttributeTable::open(parcels1m())->rowCount());
}
BENCHMARK(Open)->Unit(benchmark::kMillisecond)->UseRealTime();

void ScrollCold(benchmark::State& state, bool sorted)
{
    app::gui::AttributeTableModel model(layers::AttributeTable::open(parcels1m()));
    if (sorted)
        model.sort(model.table().fieldIndex("area_m2"), Qt::DescendingOrder);
    std::mt19937 rng(11);
    std::uniform_int_distribution<int> at(0, model.rowCount() - 41);
    for (auto _ : state)
        readScreen(model, at(rng));  // a random place: its page is (almost always) not cached
    state.counters["pages"] = static_cast<double>(model.pagesRead());
}
BENCHMARK_CAPTURE(ScrollCold, natural, false)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(200);
BENCHMARK_CAPTURE(ScrollCold, sorted_by_area, true)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(200);

void ScrollNext(benchmark::State& state)
{
    app::gui::AttributeTableModel model(layers::AttributeTable::open(parcels1m()));
    int first = 500000;
    for (auto _ : state) {
        readScreen(model, first);  // scrolling on: a page read every 256 rows
        first += 40;
    }
}
BENCHMARK(ScrollNext)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(500);

void Sort(benchmark::State& state)
{
    auto table = layers::AttributeTable::open(parcels1m());
    const int field = table->fieldIndex("landuse");
    for (auto _ : state)
        table->setOrder(field, false, {});
}
BENCHMARK(Sort)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

void Filter(benchmark::State& state)
{
    auto table = layers::AttributeTable::open(parcels1m());
    for (auto _ : state)
        table->setOrder(-1, false, "landuse = '林地' AND area_m2 > 10000");
    state.counters["rows"] = static_cast<double>(table->rowCount());
}
BENCHMARK(Filter)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace

int main(int argc, char** argv) { return test::runHeadlessBenchmarks(argc, argv); }
