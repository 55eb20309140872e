#pragma once
// What the Qt commands share to draw the plan: the style (--style, else the shipped one) and the renderer.

#include <memory>

#include <QString>

#include "cli/arguments.h"
#include "geo/projection.h"
#include "layers/geography.h"
#include "layers/plan.h"
#include "layers/plan_geometry.h"
#include "render/map_renderer.h"
#include "render/style.h"

namespace app::cli {

/// --style or share/styles/default.json, its label and title fonts mapped to their PDF-safe copies. Throws
/// std::runtime_error naming the file.
render::Style loadStyle(const Arguments& args, const QString& share);

std::shared_ptr<const render::MapRenderer> makeRenderer(const layers::Geography& g, const layers::PlanData& plan,
                                                        const layers::PlanGeometry& geometry, const render::Style& style,
                                                        const QString& crs = geo::crs::kAlbersChina);

}  // namespace app::cli
