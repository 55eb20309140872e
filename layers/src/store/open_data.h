#pragma once
// Internal: the one way the geography and plan are opened for reading, from either backend (layers/data_location.h).

#include <memory>

#include <gdal_priv.h>

#include "layers/data_location.h"

namespace layers::store {
class PgConnection;
}

namespace layers::detail {

/// A GeoPackage through openVector; PostGIS through GDAL's PostgreSQL driver on the schema (its tables as layers
/// without the schema prefix), after checking that the schema exists and has this gzplan's version. DataError
/// naming data.shown() and the fix.
GDALDatasetUniquePtr openData(const DataLocation& data, bool listAll = false);

/// GDAL's PostgreSQL driver on data's schema, without the version check (gzplan db).
/// listAll: every table a layer (gzplan db dump copies the attribute tables too); otherwise GDAL lists only the
/// tables with a geometry column and finds the others by name, which opens faster.
GDALDatasetUniquePtr openPostgres(const DataLocation& data, bool update, bool listAll = false);

/// A user's layer in PostgreSQL: "PG:<connection>" read only, its tables named "schema.table" (DataError naming the
/// server without the password).
GDALDatasetUniquePtr openPostgresSource(const std::string& location);

/// openPostgresSource through a small pool: a connection given back after a read is taken by the next one, so a
/// layer read view by view connects once (a connection and GDAL's look at the catalogue cost 50-100 ms a view).
GDALDatasetUniquePtr takePostgresSource(const std::string& location);
void givePostgresSource(const std::string& location, GDALDatasetUniquePtr dataset);

/// A libpq connection to "PG:<connection>" through a small pool of its own (the fast reader of a view, feature_read.cpp):
/// given back after a read only when it is idle and healthy, so a server that went away and came back is connected
/// to again by the next read.
std::unique_ptr<store::PgConnection> takePostgresConnection(const std::string& location);
void givePostgresConnection(const std::string& location, std::unique_ptr<store::PgConnection> connection);

}  // namespace layers::detail
