#pragma once
// Internal: conversions between OGR geometries and geo values, and small GDAL RAII helpers.
// Only .cpp files of layers/ include this (it pulls in GDAL headers).

#include <memory>
#include <string>

#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "geo/geometry.h"
#include "geo/projection.h"  // crs::fileReference, for callers that reword spatialReference errors

namespace layers::detail {

/// Memory CPL allocated (CPLRecode, exportToWkt…), freed by CPLFree when dropped: the one place it is called.
struct CplFree {
    void operator()(void* memory) const;
};
using CplString = std::unique_ptr<char, CplFree>;

/// text recoded by CPLRecode (from, to: CPL_ENC_UTF8, "CP936"…).
std::string recode(const char* text, const char* from, const char* to);

/// The result layer of GDALDataset::ExecuteSQL, given back to its dataset (ReleaseResultSet) when dropped:
/// the one place that is called.
struct ReleaseResultSet {
    GDALDataset* dataset = nullptr;
    void operator()(OGRLayer* result) const;
};
using SqlResult = std::unique_ptr<OGRLayer, ReleaseResultSet>;
/// Null when the statement failed or returns no rows (GDAL's ExecuteSQL).
SqlResult executeSql(GDALDataset& dataset, const std::string& sql);

/// Polygons and multipolygons (also inside collections) become a MultiPolygon; other types are dropped.
geo::MultiPolygon toMultiPolygon(const OGRGeometry* geometry);
OGRMultiPolygon toOgr(const geo::MultiPolygon& shape);

/// A spatial reference for "EPSG:n" or a PROJ string, with lon/lat (traditional GIS) axis order.
OGRSpatialReference spatialReference(const std::string& crs);
/// geo::crs::extentProblem for srs (crs as the user wrote it), with the area of use GDAL knows.
std::string extentProblem(const OGRSpatialReference& srs, const std::string& crs, const geo::Box& lonLat);

/// Opens a vector dataset read-only; throws layers::DataError naming the file and why on failure (does not
/// exist, permission denied, a folder, a pipe or device, empty, an incomplete shapefile, no GDAL format).
GDALDatasetUniquePtr openVector(const std::string& path);

/// For a GDAL message saying the database is locked: what that means and what to do (with a leading space);
/// empty for any other message.
std::string lockedHint(const std::string& gdalMessage);

/// The checks openVector makes before GDAL opens the file: a regular, readable, non-empty file (or a .gdb
/// folder); for a .shp also its .shx and .dbf. Never opens it, so a FIFO cannot block. Throws DataError.
void checkReadableFile(const std::string& path);

/// After GDALDataset::Open returned null: "cannot open as a vector dataset: " and GDAL's reason, or a
/// description of what GDAL reads when GDAL gave none.
std::string cannotOpenReason();

}  // namespace layers::detail
