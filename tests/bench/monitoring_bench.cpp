// Monitoring: the statuses of all targets (goal ≤ 50 ms), reading and checking a 10,000-row file and entering it
// (goal: the whole import ≤ 1 s). Figures are SYNTHETIC (the target's value times a factor).
//   build/tests/monitoring_bench [--benchmark_repetitions=5]

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <random>

#include <unistd.h>

#include "layers/monitoring.h"

namespace {

const layers::PlanData& plan()
{
    static const layers::PlanData p = layers::PlanData::loadGeoPackage(GZ_BENCH_GEOPACKAGE);
    return p;
}
const layers::MonitoringRules& rules()
{
    static const layers::MonitoringRules r = layers::MonitoringRules::load(std::filesystem::path(GZ_BENCH_SHARE_DIR) / "monitoring");
    return r;
}

/// A SYNTHETIC filled file of n rows: every target, figure dates varying so no two rows are duplicates.
std::filesystem::path syntheticFile(int n)
{
    const auto file = std::filesystem::temp_directory_path() / ("gz-monitoring-bench-" + std::to_string(::getpid()) + ".csv");
    std::ofstream o(file);
    o << "target_id,year,actual_value,actual_unit,measure,figure_date,source,note\n";
    std::mt19937 rnd(1);
    std::uniform_real_distribution<double> f(0.9, 1.1);
    const auto& ts = plan().targets;
    for (int i = 0; i < n; ++i) {
        const auto& t = ts[static_cast<std::size_t>(i) % ts.size()];
        const int k = i / static_cast<int>(ts.size());
        o << t.id << "," << t.year << "," << t.value * f(rnd) << "," << t.unit << ",value," << t.year + 1 << "-" << (k % 12 + 1) << "-"
          << (k / 12 % 28 + 1) << ",SYNTHETIC,\n";
    }
    return file;
}

std::vector<layers::Actual> figures(int n)
{
    const auto file = syntheticFile(n);
    auto r = layers::readActualsFile(file, {}, plan(), rules(), {});
    std::filesystem::remove(file);
    return r.good;
}

void EvaluateAllTargets(benchmark::State& state)
{
    const auto current = layers::currentActuals(figures(10000));
    for (auto _ : state)
        benchmark::DoNotOptimize(layers::evaluate(plan(), current, rules()));
    state.counters["targets"] = static_cast<double>(plan().targets.size());
}
BENCHMARK(EvaluateAllTargets)->Unit(benchmark::kMillisecond);

void ReadAndCheck10000Rows(benchmark::State& state)
{
    const auto file = syntheticFile(10000);
    for (auto _ : state) {
        auto r = layers::readActualsFile(file, {}, plan(), rules(), {});
        if (r.good.size() != 10000)
            state.SkipWithError("rows refused");
    }
    std::filesystem::remove(file);
}
BENCHMARK(ReadAndCheck10000Rows)->Unit(benchmark::kMillisecond);

void Enter10000Rows(benchmark::State& state)
{
    const auto rows = figures(10000);
    const auto store = std::filesystem::temp_directory_path() / ("gz-monitoring-bench-" + std::to_string(::getpid()) + ".gpkg");
    for (auto _ : state) {
        state.PauseTiming();
        std::filesystem::remove(store);
        auto s = layers::ActualsStore::open(store, true);
        state.ResumeTiming();
        s.add(rows, "import", "bench.csv", "bench");
    }
    std::filesystem::remove(store);
}
BENCHMARK(Enter10000Rows)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
