#pragma once
// Internal: registers only the GDAL drivers an operation needs. GDALAllRegister() registers some 200 drivers
// and loads plugins, a noticeable share of a short export; a driver registered here is simply skipped by a
// later GDALAllRegister().

#include <string>

namespace layers::detail {

/// Registers the driver with this GDAL short name (ESRI Shapefile, GPKG, GeoJSON, LIBKML, CSV, DXF); any other
/// name registers every driver.
void registerDriver(const std::string& gdalName);

}  // namespace layers::detail
