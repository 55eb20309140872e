#pragma once
// Internal: the one way the geography and plan are opened for reading, from either backend (layers/data_location.h).

#include <gdal_priv.h>

#include "layers/data_location.h"

namespace layers::detail {

/// A GeoPackage through openVector; PostGIS through GDAL's PostgreSQL driver on the schema (its tables as layers
/// without the schema prefix), after checking that the schema exists and has this gzplan's version. DataError
/// naming data.shown() and the fix.
GDALDatasetUniquePtr openData(const DataLocation& data);

/// GDAL's PostgreSQL driver on data's schema, without the version check (gzplan db).
GDALDatasetUniquePtr openPostgres(const DataLocation& data, bool update);

}  // namespace layers::detail
