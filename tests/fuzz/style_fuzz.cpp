// Fuzz target: the map style file (share/styles/default.json), read by app::render::Style::load with Qt's JSON
// parser into colours, widths, sizes and fonts. A refusal (false) must say why; a style that loads is then used
// as the window and `gzplan render` use it: a small frame of one of the thematic views (picked by the input's
// length), with labels, scale bar, north arrow and decorations, through both render paths. Widths and sizes
// come straight from the file, so this is where a huge or negative width meets our rasterisers.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

#include <QGuiApplication>
#include <QImage>
#include <QString>

#include "fuzz_support.h"
#include "geo/projection.h"
#include "layers/geography.h"
#include "layers/plan.h"
#include "layers/plan_geometry.h"
#include "layers/plan_store.h"
#include "render/map_data.h"
#include "render/map_renderer.h"
#include "render/map_views.h"
#include "render/style.h"

namespace {

struct Fixture {
    int argc = 1;
    char name[16] = "style_fuzz";
    char* argv[2] = {name, nullptr};
    std::unique_ptr<QGuiApplication> app;
    layers::Geography geography = layers::Geography::load(GZ_FUZZ_GEOPACKAGE);
    layers::PlanData plan = layers::PlanData::loadGeoPackage(GZ_FUZZ_GEOPACKAGE);
    layers::PlanGeometry geometry = layers::loadPlanGeometry(GZ_FUZZ_GEOPACKAGE, plan);
    std::shared_ptr<const app::render::MapData> data;

    Fixture()
    {
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
        app = std::make_unique<QGuiApplication>(argc, argv);
        fuzz::quietGdal();
        data = app::render::MapData::build(geography, plan, geometry, geo::crs::kAlbersChina);
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size)
{
    static Fixture f;
    const auto file = fuzz::tempDir() / "style.json";
    fuzz::writeFile(file, std::string_view(reinterpret_cast<const char*>(bytes), size));
    app::render::Style style;
    QString error;
    if (!app::render::Style::load(QString::fromStdString(file.string()), style, &error)) {
        if (error.isEmpty())
            __builtin_trap();  // a refusal must say why
        return 0;
    }
    using namespace app::render;
    static constexpr View kViews[] = {View::Overview, View::CountyClasses, View::OneClusterThreeBelts, View::OneCoreThreeCentres,
                                      View::Transport};
    const View view = kViews[size % 5];
    const MapRenderer renderer(f.data, style);
    RenderSettings s = renderer.settingsFor(view);
    s.view = MapView::fit(renderer.viewExtent(view), QSizeF(160, 120));
    s.decorations = true;
    s.title = QStringLiteral("贵州");
    s.sourceNote = QStringLiteral("fuzz");
    s.quality = size % 2 ? RenderQuality::Fast : RenderQuality::Reference;
    const QImage image = renderer.renderImage(s);
    if (image.size() != QSize(160, 120))
        __builtin_trap();
    return 0;
}
