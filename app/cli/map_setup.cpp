#include "cli/map_setup.h"

#include <stdexcept>

#include "render/map_fonts.h"

namespace app::cli {

render::Style loadStyle(const Arguments& args, const QString& share)
{
    const QString path = args.value("style", share + "/styles/default.json");
    render::Style style;
    QString error;
    if (!render::Style::load(path, style, &error))
        throw std::runtime_error("--style: " + error.toStdString() + (args.has("style") ? "" : " (the shipped style; is --share right?)"));
    // The style names the system family; the map draws with its PDF-safe copy where one is registered.
    style.label.font = render::mapFontFamily(style.label.font);
    style.title.font = render::mapFontFamily(style.title.font);
    return style;
}

std::shared_ptr<const render::MapRenderer> makeRenderer(const layers::Geography& g, const layers::PlanData& plan,
                                                        const layers::PlanGeometry& geometry, const render::Style& style,
                                                        const QString& crs)
{
    return std::make_shared<render::MapRenderer>(render::MapData::build(g, plan, geometry, crs), style);
}

}  // namespace app::cli
