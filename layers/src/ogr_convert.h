#pragma once
// Internal: conversions between OGR geometries and geo values, and small GDAL RAII helpers.
// Only .cpp files of layers/ include this (it pulls in GDAL headers).

#include <string>

#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "geo/geometry.h"

namespace layers::detail {

/// Polygons and multipolygons (also inside collections) become a MultiPolygon; other types are dropped.
geo::MultiPolygon toMultiPolygon(const OGRGeometry* geometry);
OGRMultiPolygon toOgr(const geo::MultiPolygon& shape);

/// A spatial reference for "EPSG:n" or a PROJ string, with lon/lat (traditional GIS) axis order.
OGRSpatialReference spatialReference(const std::string& crs);

/// Opens a vector dataset read-only; throws layers::DataError naming the file on failure.
GDALDatasetUniquePtr openVector(const std::string& path);

}  // namespace layers::detail
