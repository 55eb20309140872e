// Large user layers: loading a parcels GeoPackage into the renderer, full-extent and zoomed redraws at
// 1920×1080, identify. Baselines in the same process: the plain QPainter full-detail path (reference render)
// and the brute-force identify scan. Make the data first (see the README):
//   build/app/gzplan make-parcels --out build/data/parcels-1m.gpkg
//   build/app/gzplan make-parcels --count 100000 --out build/data/parcels-100k.gpkg
//   build/tests/scale_bench --benchmark_repetitions=9 --benchmark_report_aggregates_only=true
// GZ_PARCELS_1M / GZ_PARCELS_100K point elsewhere.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>

#include <sys/resource.h>

#include <QImage>

#include "geo/projection.h"
#include "layers/feature_layer.h"
#include "render/feature_layers.h"
#include "render/style.h"
#include "../common/gz_bench_main.h"
#include "../common/gz_lonlat_view.h"

namespace {

namespace render = app::render;

std::string parcelsPath(const char* env, const char* fallback)
{
    const char* v = std::getenv(env);
    return v ? v : std::string(GZ_BENCH_DATA_DIR) + "/" + fallback;
}

std::shared_ptr<const layers::FeatureLayer> parcels(const std::string& file)
{
    static std::map<std::string, std::shared_ptr<const layers::FeatureLayer>> loaded;
    auto& l = loaded[file];
    if (!l) {
        layers::FeatureLayerOptions o;
        o.displayCrs = geo::crs::kAlbersChina;
        l = layers::FeatureLayer::load(file, o);
    }
    return l;
}

const render::MapView& fullView()
{
    static const render::MapView v = test::lonLatView(103.6, 24.62, 109.6, 29.22, {1920, 1080}, 0.02);  // Guizhou's bounds
    return v;
}
/// 0.36° × 0.2° on Guiyang (the zoom).
const render::MapView& guiyangView()
{
    static const render::MapView v = test::lonLatView(106.53, 26.47, 106.89, 26.67);
    return v;
}

void load(benchmark::State& state, const char* env, const char* fallback)
{
    const std::string file = parcelsPath(env, fallback);
    layers::FeatureLayerOptions o;
    o.displayCrs = geo::crs::kAlbersChina;
    std::size_t features = 0, bytes = 0, raw = 0;
    for (auto _ : state) {
        auto l = layers::FeatureLayer::load(file, o);
        features = l->size();
        bytes = l->memoryBytes();
        raw = l->rawCoordinateBytes();
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    state.counters["features"] = static_cast<double>(features);
    state.counters["MB_held"] = static_cast<double>(bytes) / 1048576.0;
    state.counters["MB_raw_xy"] = static_cast<double>(raw) / 1048576.0;
    state.counters["MB_peak_rss"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
}

void draw(benchmark::State& state, const char* env, const char* fallback, const render::MapView& view, render::RenderQuality quality)
{
    const auto l = parcels(parcelsPath(env, fallback));
    render::Style mapStyle;
    if (!render::Style::load(GZ_BENCH_SHARE_DIR "/styles/default.json", mapStyle))
        std::abort();
    const render::FeatureStyle style = render::defaultFeatureStyle(*l, mapStyle);
    std::size_t drawn = 0;
    QImage image(view.size().toSize(), QImage::Format_ARGB32_Premultiplied);  // one frame buffer, as the map canvas keeps
    for (auto _ : state) {
        if (quality == render::RenderQuality::Fast) {
            drawn = render::renderFeatureLayerInto(image, *l, style, view);
        } else {
            image = render::renderFeatureLayer(*l, style, view, quality);
            drawn = l->size();
        }
        benchmark::DoNotOptimize(image.constBits());
    }
    state.counters["drawn"] = static_cast<double>(drawn);
}

void identify(benchmark::State& state, const char* env, const char* fallback, bool bruteForce)
{
    const auto l = parcels(parcelsPath(env, fallback));
    std::mt19937 rng(3);
    const geo::Box e = l->extent();
    std::uniform_real_distribution<double> x(e.minX, e.maxX), y(e.minY, e.maxY);
    std::vector<geo::Point> points;
    for (int i = 0; i < (bruteForce ? 50 : 1000); ++i)  // the scan takes ~20 ms a point
        points.push_back({x(rng), y(rng)});
    for (auto _ : state) {
        std::size_t hits = 0;
        for (const geo::Point& p : points)
            hits += bruteForce ? l->featureAtBruteForce(p).has_value() : l->featureAt(p).has_value();
        benchmark::DoNotOptimize(hits);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(points.size()));
}

/// The physical floor of a frame: writing every pixel of a 1920×1080 ARGB image once (one thread).
void clearFrame(benchmark::State& state)
{
    QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        image.fill(Qt::transparent);
        benchmark::DoNotOptimize(image.constBits());
    }
}

/// The floor of a full pass over the coordinates: summing every int32 of the 1M layer once.
void readCoordinates(benchmark::State& state)
{
    const auto l = parcels(parcelsPath("GZ_PARCELS_1M", "parcels-1m.gpkg"));
    for (auto _ : state) {
        std::int64_t sum = 0;
        for (std::int32_t v : l->xy())
            sum += v;
        benchmark::DoNotOptimize(sum);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(l->xy().size_bytes()));
}

}  // namespace

using render::RenderQuality;
BENCHMARK(clearFrame)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(load, parcels_100k, "GZ_PARCELS_100K", "parcels-100k.gpkg")->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(draw, full_100k, "GZ_PARCELS_100K", "parcels-100k.gpkg", fullView(), RenderQuality::Fast)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(draw, full_100k_reference, "GZ_PARCELS_100K", "parcels-100k.gpkg", fullView(), RenderQuality::Reference)
    ->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(load, parcels_1m, "GZ_PARCELS_1M", "parcels-1m.gpkg")->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(readCoordinates)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(draw, full_1m, "GZ_PARCELS_1M", "parcels-1m.gpkg", fullView(), RenderQuality::Fast)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(draw, full_1m_reference, "GZ_PARCELS_1M", "parcels-1m.gpkg", fullView(), RenderQuality::Reference)
    ->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(draw, guiyang_1m, "GZ_PARCELS_1M", "parcels-1m.gpkg", guiyangView(), RenderQuality::Fast)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(draw, guiyang_1m_reference, "GZ_PARCELS_1M", "parcels-1m.gpkg", guiyangView(), RenderQuality::Reference)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(identify, rtree_1m, "GZ_PARCELS_1M", "parcels-1m.gpkg", false)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(identify, brute_force_1m, "GZ_PARCELS_1M", "parcels-1m.gpkg", true)->Unit(benchmark::kMillisecond)->Iterations(1);

int main(int argc, char** argv)
{
    return test::runHeadlessBenchmarks(argc, argv);
}
