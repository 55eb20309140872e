#pragma once
// The main() of a benchmark program that draws with Qt: headless (offscreen platform), then the benchmarks the
// command line selects (Google Benchmark's flags).

#include <benchmark/benchmark.h>

#include <QGuiApplication>

namespace test {

inline int runHeadlessBenchmarks(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

}  // namespace test
