#pragma once
// Writes export tables through GDAL's drivers: ESRI Shapefile, GeoPackage, GeoJSON, KML (LIBKML), CSV and DXF,
// in any CRS PROJ knows, coordinates always easting/northing or lon/lat. Shared by `gzplan export` and the
// window's export dialog.
//
// Shapefiles: text in UTF-8 (with .cpg) or GBK (code page 936) for older ArcGIS; field names longer than
// 10 bytes get deterministic, collision-free short names; every field is listed with its DBF name, full name,
// type and description in a <layer>.fields.csv sidecar, always; text fields are widened to the longest value (in the target encoding) up to
// the DBF limit of 254 bytes, and a longer value is never cut silently: the DBF holds it cut at a character
// boundary with a trailing "…", the full value goes to <layer>.long_values.csv and the report says so.
//
// Writes are atomic: everything is written into a temporary folder beside the target and renamed into place
// when complete; an existing file is replaced only with force; on error or cancel the temporary folder is
// removed and nothing at the target changes.

#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include <boost/core/noncopyable.hpp>

#include "layers/errors.h"
#include "layers/export_tables.h"

namespace layers {

struct ExportOptions {
    std::string format = "shp";        ///< shp, gpkg, geojson, kml, csv, dxf
    std::string crs = "EPSG:4490";     ///< EPSG:n or a PROJ string
    std::string encoding = "UTF-8";    ///< shapefile text: UTF-8 or GBK
    std::string csvGeometry = "wkt";   ///< csv: wkt (WKT column) or xy (X/Y columns, point layers)
    bool force = false;                ///< replace existing files (only those the export writes)
    bool skipBad = false;              ///< exportSource: leave out features GDAL cannot read whole, counted in a warning
    bool anyCrs = false;               ///< write in crs even where its area of use (PROJ) misses the data
};

struct ExportReport {
    std::vector<std::filesystem::path> files;  ///< every file written, final names
    std::vector<std::string> warnings;         ///< e.g. values longer than the DBF limit
    std::size_t features = 0;
};

/// Called with the share done (0..1) and what is being written; returning false cancels the export.
using ExportProgress = std::function<bool(double done, const std::string& what)>;

class ExportCancelled : public std::runtime_error {
public:
    ExportCancelled() : std::runtime_error("export cancelled; nothing was written") {}
};

/// The formats and their file extensions.
const std::vector<std::string>& exportFormats();
std::string formatExtension(const std::string& format);

/// Exports one table to a file (out ends in the format's extension, or is a folder to put <id>.<ext> in),
/// or several tables: a folder with a file per table, or one GeoPackage. Throws DataError naming the
/// layer, feature and reason; ExportCancelled when progress returned false.
ExportReport exportTables(const std::vector<const ExportTable*>& tables, const std::filesystem::path& out, const ExportOptions& options,
                          const ExportProgress& progress = {});

/// Exports one layer of any vector dataset GDAL reads (sourceLayer empty: its only layer) to out (a file with
/// the format's extension, or a folder to put <layer>.<ext> in), with the guarantees of exportTables: atomic
/// temporary folder and rename, force, and the same shapefile as exportTables writes for the same fields
/// (text in UTF-8 or GBK with .cpg, short DBF names, <layer>.fields.csv, values over 254 bytes cut visibly and
/// kept in <layer>.long_values.csv). options.crs empty keeps the source's CRS. Features are streamed, never held all
/// in memory: a reader thread with its own dataset handle decodes, reprojects and prepares them and hands
/// batches through a bounded queue to the writing thread; a GeoPackage is written in one transaction (its
/// temporary file unsynchronised, as it only becomes the target by the final rename) with the spatial index
/// built after the bulk insert. Throws DataError naming the file, layer and feature; ExportCancelled.
ExportReport exportSource(const std::filesystem::path& source, const std::string& sourceLayer, const std::filesystem::path& out,
                          const ExportOptions& options, const ExportProgress& progress = {});

/// Shapefile field names for a table's fields: at most 10 bytes, unique (case-insensitive), stable.
std::vector<std::string> shortFieldNames(const std::vector<ExportField>& fields);

/// Command-line cancellation (gzplan export, render --add). SIGINT and SIGTERM set the flag cancelRequested()
/// reads; progress callbacks return !cancelRequested(), and exports and loads look at it at least every 50 ms,
/// so the work stops there and the command exits 130. When the process is still running `grace` after the
/// signal (inside one call that cannot be interrupted: GDAL parsing or writing one huge feature, a GeoPackage
/// building its R-tree), a watchdog thread removes the temporary folders of the exports in progress and ends
/// the process with exit code 130 — after letting a commit (the renames into place) or a CancelShield finish;
/// once one of those has finished, the output is whole and the command ends normally (exit 0), saying so.
/// Installing twice does nothing more.
void installCancelSignals(int graceMs = 100);
bool cancelRequested();

/// While in scope the watchdog of installCancelSignals does not end the process (a map file being written
/// through a temporary file and renamed, which must not be left half done).
class CancelShield : private boost::noncopyable {
public:
    CancelShield();
    ~CancelShield();
};

}  // namespace layers
