// Full redraws of each view at 1920×1080 through the shared renderer (the window's and `gzplan render`'s),
// with QGIS-like settings: fills, outlines, CJK labels. Run: build/tests/render_bench --benchmark_repetitions=9
#include <benchmark/benchmark.h>

#include <QGuiApplication>
#include <QImage>
#include <QPainter>

#include "geo/projection.h"
#include "layers/geography.h"
#include "layers/plan.h"
#include "layers/plan_geometry.h"
#include "render/map_renderer.h"

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

void redraw(benchmark::State& state, app::render::View view, bool labels)
{
    const auto r = renderer();
    app::render::RenderSettings s = app::render::RenderSettings::forTheme(view);
    s.view = app::render::MapView::fit(app::render::viewExtent(r->data(), view), QSizeF(1920, 1080));
    s.setVisible("labels", labels);
    QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        QPainter painter(&image);
        r->render(painter, s);
        painter.end();
        benchmark::DoNotOptimize(image.constBits());
    }
}
}  // namespace

BENCHMARK_CAPTURE(redraw, overview_labels, app::render::View::Overview, true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(redraw, overview_no_labels, app::render::View::Overview, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(redraw, county_classes, app::render::View::CountyClasses, true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(redraw, one_cluster_three_belts, app::render::View::OneClusterThreeBelts, true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(redraw, one_core_three_centres, app::render::View::OneCoreThreeCentres, true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(redraw, transport, app::render::View::Transport, true)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
