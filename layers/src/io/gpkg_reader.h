#pragma once
// Internal: reading the geography, plan tables and plan layers of the build's GeoPackage, for Geography::load,
// PlanData::loadGeoPackage, loadPlanGeometry and the export tables (which read only the layers asked for).
// readGeography is defined in model/geography.cpp, the others in io/plan_store.cpp.

#include <functional>
#include <string>
#include <vector>

#include <gdal_priv.h>

#include "layers/geography.h"
#include "layers/plan.h"
#include "layers/plan_geometry.h"
#include "layers/table_rows.h"

namespace layers::detail {

/// Which geography layers to read (by layer_names::k…), and which with their shapes.
struct GeographySelection {
    std::function<bool(const char* layer)> wanted = [](const char*) { return true; };
    std::function<bool(const char* layer)> shapes = [](const char*) { return true; };
};

/// The geography layers of ds (file names it in errors), counties and prefectures sorted by code; DataError for a
/// wanted layer that is missing.
Geography readGeography(GDALDataset& ds, const std::string& file, const GeographySelection& selection = {});

/// Rows of plan_<table> in ds (file names it in errors): DataError if the table or one of columns is missing.
std::vector<TableRow> readPlanTable(GDALDataset& ds, const std::string& file, const std::string& table, const std::vector<std::string>& columns);

/// The plan tables of ds (as PlanData::loadGeoPackage) for which wanted(table) holds (table names as
/// PlanData::tableNames()); the others stay empty. Defined in model/plan.cpp.
PlanData readPlanData(GDALDataset& ds, const std::string& file, const std::function<bool(const std::string& table)>& wanted);

/// Which plan layers to read, and whether with their shapes (the points of places and the lines of corridors are
/// always read: they are small).
struct PlanLayerSelection {
    std::function<bool(const char* layer)> wanted = [](const char*) { return true; };
    bool shapes = true;
};

/// The plan layers (zones, corridors, places, central_cities) of ds, linked to plan; DataError for a missing layer
/// or an id that plan does not hold.
PlanGeometry readPlanGeometry(GDALDataset& ds, const std::string& file, const PlanData& plan, const PlanLayerSelection& selection = {});

}  // namespace layers::detail
