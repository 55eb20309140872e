#pragma once
// Compiles geography and plan into the build's GeoPackage: the geography layers, every plan table as an
// attribute table plan_<table> (the CSV columns plus csv_line), and the plan's map layers zones, corridors,
// places and central_cities (see plan_geometry.h). Written atomically.

#include "layers/data_location.h"
#include <filesystem>

#include "layers/geography.h"
#include "layers/plan.h"
#include "layers/plan_geometry.h"

namespace layers {

void saveGeoPackage(const std::filesystem::path& geopackage, const Geography& geography, const std::filesystem::path& planDir,
                    const PlanGeometry& planGeometry);

/// Reads the plan's map layers back from the GeoPackage (computed once at build time), linked to plan's items
/// by id. Throws DataError naming the layer when one is missing or names an unknown id.
PlanGeometry loadPlanGeometry(const DataLocation& geopackage, const PlanData& plan);

/// The geography, and as asked the plan's tables and its layers, read through one opening of the store (on PostGIS one
/// connection and one look at the catalogue, not three).
struct PlanBundle {
    Geography geography;
    PlanData plan;
    PlanGeometry geometry;
};
PlanBundle loadPlanBundle(const DataLocation& data, bool plan, bool geometry);

}  // namespace layers
