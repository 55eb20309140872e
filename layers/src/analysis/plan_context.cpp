#include <cstring>

#include "io/gdal_drivers.h"
#include "io/gpkg_reader.h"
#include "store/open_data.h"
#include "io/ogr_convert.h"
#include "layers/analysis.h"
#include "layers/errors.h"
#include "layers/plan_query.h"

namespace layers::analysis {

PlanContext::~PlanContext() = default;

std::unique_ptr<PlanContext> loadPlanContext(const DataLocation& geopackage)
{
    if (!geopackage.postgres() && !std::filesystem::exists(geopackage.location()))
        throw DataError(geopackage.location(), "does not exist (build the data first: share/scripts/gz.sh prepare, or give --data)");
    layers::detail::registerDriver("GPKG");
    auto ds = layers::detail::openData(geopackage);
    auto context = std::make_unique<PlanContext>();
    layers::detail::GeographySelection selection;
    selection.wanted = [](const char* layer) {
        return std::strcmp(layer, layer_names::kRivers) != 0 && std::strcmp(layer, layer_names::kNeighbours) != 0;
    };
    context->geography = layers::detail::readGeography(*ds, geopackage.shown(), selection);
    // The counties' index is built while the plan is read (a third of the setup of gzplan stats, overlapped).
    PlanUnits::CountyIndexFuture countyIndex = PlanUnits::startCountyIndex(context->geography);
    context->plan = layers::detail::readPlanData(*ds, geopackage.shown(), [](const std::string&) { return true; });
    context->geometry = layers::detail::readPlanGeometry(*ds, geopackage.shown(), context->plan);
    context->query = std::make_unique<PlanQuery>(context->geography, context->plan);
    context->units = std::make_unique<PlanUnits>(context->geography, context->plan, context->geometry, *context->query, std::move(countyIndex));
    return context;
}

}  // namespace layers::analysis
