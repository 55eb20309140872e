// Full redraws of each view at 1920×1080 through the shared renderer (the window's and `gzplan render`'s),
// with QGIS-like settings: fills, outlines, CJK labels.
// Run: build/tests/render_bench --benchmark_repetitions=9 --benchmark_report_aggregates_only=true
//
// Times are wall-clock (the fast path draws in stripes on every core). redraw/* use the default fast path
// (after its first frame has filled the scale-band and sprite caches: a redraw or pan at the same scale);
// reference/* the plain full-detail path; limit/* what any full redraw must at least cost (writing the pixels).
#include <benchmark/benchmark.h>

#include <thread>

#include <QImage>
#include <QPainter>

#include "geo/projection.h"
#include "layers/geography.h"
#include "layers/plan.h"
#include "layers/plan_geometry.h"
#include "render/map_renderer.h"
#include "../common/gz_bench_main.h"

namespace {
std::shared_ptr<const app::render::MapRenderer> renderer()
{
    static auto r = [] {
        static const auto g = layers::Geography::load(GZ_BENCH_GEOPACKAGE);
        static const auto plan = layers::PlanData::loadGeoPackage(GZ_BENCH_GEOPACKAGE);
        const auto geometry = layers::buildPlanGeometry(plan, g, layers::readZoneShapes(GZ_BENCH_SHARE_DIR "/plan/zone_shapes.csv"));
        app::render::Style style;
        app::render::Style::load(GZ_BENCH_SHARE_DIR "/styles/default.json", style);
        return std::make_shared<const app::render::MapRenderer>(app::render::MapData::build(g, plan, geometry, geo::crs::kAlbersChina), style);
    }();
    return r;
}

app::render::RenderSettings settings(app::render::View view, bool labels, app::render::RenderQuality quality)
{
    const auto r = renderer();
    app::render::RenderSettings s = r->settingsFor(view);
    s.view = app::render::MapView::fit(r->viewExtent(view), QSizeF(1920, 1080));
    s.setVisible("labels", labels);
    s.quality = quality;
    return s;
}

void draw(benchmark::State& state, const app::render::RenderSettings& s)
{
    const auto r = renderer();
    QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        QPainter painter(&image);
        r->render(painter, s);
        painter.end();
        benchmark::DoNotOptimize(image.constBits());
    }
}

void redraw(benchmark::State& state, app::render::View view, bool labels)
{
    draw(state, settings(view, labels, app::render::RenderQuality::Fast));
}

void reference(benchmark::State& state, app::render::View view, bool labels)
{
    draw(state, settings(view, labels, app::render::RenderQuality::Reference));
}

/// The overview with one layer only (no labels, scale bar or north arrow): where a redraw's time goes.
void layer(benchmark::State& state, const char* id)
{
    app::render::RenderSettings s = settings(app::render::View::Overview, false, app::render::RenderQuality::Fast);
    for (const QString& l : app::render::layerIds())
        s.setVisible(l, l == id);
    s.scaleBar = s.northArrow = false;
    draw(state, s);
}

/// Physical limit, one core: clearing a 1920×1080 ARGB32 image (8.3 MB written).
void clearImage(benchmark::State& state)
{
    QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        image.fill(QColor("#eef3f7"));
        benchmark::DoNotOptimize(image.constBits());
    }
}

/// Physical limit, one core: clearing it and filling it once more through QPainter (every pixel written twice,
/// as a map of areas covering the whole view must: background, then the fills).
void clearAndFill(benchmark::State& state)
{
    QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        QPainter painter(&image);
        painter.fillRect(image.rect(), QColor("#eef3f7"));
        painter.fillRect(image.rect(), QColor("#dcdcdc"));
        painter.end();
        benchmark::DoNotOptimize(image.constBits());
    }
}

/// The same on both cores, in two stripes (one on a second thread, started each frame as the renderer does).
void clearAndFillStripes(benchmark::State& state)
{
    QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    auto stripe = [&image](int y0, int y1) {
        QImage part(image.bits() + y0 * image.bytesPerLine(), image.width(), y1 - y0, image.bytesPerLine(), image.format());
        QPainter painter(&part);
        painter.fillRect(part.rect(), QColor("#eef3f7"));
        painter.fillRect(part.rect(), QColor("#dcdcdc"));
    };
    for (auto _ : state) {
        std::thread other(stripe, 540, 1080);
        stripe(0, 540);
        other.join();
        benchmark::DoNotOptimize(image.constBits());
    }
}
}  // namespace

using app::render::View;
BENCHMARK(clearImage)->Name("limit/clear_1920x1080")->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();
BENCHMARK(clearAndFill)->Name("limit/clear_fill_1920x1080")->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();
BENCHMARK(clearAndFillStripes)->Name("limit/clear_fill_1920x1080_2_stripes")->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(redraw, overview_labels, View::Overview, true)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(redraw, overview_no_labels, View::Overview, false)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(redraw, county_classes, View::CountyClasses, true)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(redraw, one_cluster_three_belts, View::OneClusterThreeBelts, true)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(redraw, one_core_three_centres, View::OneCoreThreeCentres, true)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(redraw, transport, View::Transport, true)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(redraw, progress_no_figures, View::Progress, true)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(reference, overview_labels, View::Overview, true)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(reference, overview_no_labels, View::Overview, false)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(layer, neighbours, "neighbours")->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(layer, counties, "counties")->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(layer, prefecture_borders, "prefecture_borders")->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(layer, province, "province")->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(layer, labels_only, "labels")->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();

int main(int argc, char** argv)
{
    return test::runHeadlessBenchmarks(argc, argv);
}
