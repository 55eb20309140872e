#pragma once
// gzplan db: the shared store in PostgreSQL/PostGIS. `init` loads the build's GeoPackage (geography layers, plan
// tables, plan layers) into a schema in one transaction, with GiST indexes, constraints that mirror gzplan check
// and a version table; `dump` writes a schema back to a GeoPackage; `check` validates a schema; `upgrade` brings an
// older schema to this version. Reading goes through layers::DataLocation like the GeoPackage's.

#include <filesystem>
#include <string>
#include <vector>

#include "layers/data_location.h"

namespace layers::db {

/// The layout of the schema this gzplan writes and reads (the table gzplan_meta holds it: key schema_version).
constexpr int kSchemaVersion = 1;
/// The table of the schema's version and provenance (key, value).
constexpr const char* kMetaTable = "gzplan_meta";

struct InitReport {
    int layers = 0;
    long long features = 0;
    std::vector<std::string> notes;  ///< roles made or not, and why
};

/// Loads every layer of geopackage into target's schema (which must not exist), all in one transaction: on any
/// failure nothing is left. DataError naming what failed and what to do.
InitReport init(const std::filesystem::path& geopackage, const DataLocation& target);

/// Writes source's schema to a GeoPackage (staged and renamed; an existing file only with force).
long long dump(const DataLocation& source, const std::filesystem::path& geopackage, bool force);

struct CheckReport {
    int version = 0;
    std::vector<std::string> problems;  ///< empty: the schema is whole
    std::vector<std::string> notes;     ///< what was checked
};

/// Validates source's schema: its version, every geometry column in EPSG:4490 with a GiST index, the tables the
/// readers need, the plan checks (gzplan check's, the quotes against the texts in documents) on what it holds.
CheckReport check(const DataLocation& source, const std::filesystem::path& documents);

/// Brings source's schema to kSchemaVersion (one transaction); returns the version it was at.
int upgrade(const DataLocation& source);

/// The overviews of a big table, coarsest last: <table><suffix>, a grid of cellDegrees cells holding the style
/// field's value that covers most of each cell, read (ViewportLayer) for views of fromMetresPerPixel and coarser.
struct OverviewBand {
    const char* suffix;
    double cellDegrees;
    double fromMetresPerPixel;
};
const std::vector<OverviewBand>& overviewBands();
/// <table><kCategoriesSuffix>: the style field's distinct values, for one legend at every scale.
constexpr const char* kCategoriesSuffix = "_ovr_values";

struct OverviewReport {
    long long features = 0;          ///< rows of the table
    std::vector<long long> cells;    ///< rows of each overview
    std::string styleField;
};
/// Builds (or rebuilds) the overviews of location's table "schema.table" in the database, in one transaction:
/// GROUP BY grid cell and value, the value of the largest area kept, GiST-indexed. styleField: empty for the usual
/// land-use names (landuse, 地类, dlmc…).
OverviewReport overview(const std::string& location, const std::string& table, const std::string& styleField);

}  // namespace layers::db
