#pragma once
// The progress panel (目标进展): in the map's progress view a click lists the scopes at that point — the central
// city whose member county was clicked (or the city clicked), the zones containing it (or the zone, corridor clicked),
// the province — each with its targets: target, actual, status, rule, source and the clause's quote. It is shown in
// the information panel (where a county's or zone's plan content shows in the other views). No widgets: HTML.

#include <string>
#include <vector>

#include <QString>

#include "gui/identify.h"
#include "layers/plan_query.h"
#include "render/map_views.h"
#include "render/progress_data.h"

namespace app::gui {

/// True for the 目标进展 view (id "progress"), where a click lists statuses instead of the plan's content.
bool isProgressView(render::View view);

/// The scopes ("city:zunyi", "zone:gga_metro", "province:guizhou") a hit lies in that have targets: the one clicked
/// and the ones containing it, most particular first, the province last. Empty for no hit.
std::vector<std::string> scopesAt(const layers::PlanQuery& query, const Hit& hit);

/// The panel's HTML for a hit: a summary line per scope (targets, met, with a figure) and a table of its targets.
/// Sources link to the document panel (gzplan:clause?…) as in the information panel.
QString progressHtml(const layers::PlanQuery& query, const Hit& hit, const render::ProgressData& data);

}  // namespace app::gui
