#pragma once
// Internal: writes that cannot fail unseen.
//
// Several GDAL drivers (GeoJSON, CSV, KML, DXF, the shapefile's .prj and .cpg) ignore the result of their
// writes and of closing the file, so a full disk leaves a truncated file behind an export that "succeeded".
// Files opened through checkedName() go through a small GDAL virtual file system (a VSI plugin handler over
// POSIX stdio) that checks every write, flush, truncate and close and records the first failure of each
// file with its cause (errno). An export writes its temporary files through it and, after closing the
// dataset, asks takeWriteFailure() before anything is renamed into place.
//
// Also here: stale temporary files of killed runs, and small text files written with every call checked.

#include <filesystem>
#include <string>

namespace layers::detail {

/// The GDAL file name of path (made absolute) under the checked-write handler, e.g.
/// "/vsigzplan/tmp/out/.gzplan-export-1-0/counties.shp". Installs the handler on first use.
std::string checkedName(const std::filesystem::path& path);

/// The first write failure recorded for a file in folder (or below it) as "<file>: <cause>", or empty;
/// forgets every failure recorded there.
std::string takeWriteFailure(const std::filesystem::path& folder);

/// Why a write into folder failed: the cause the checked-write handler recorded there (disk full…), else
/// GDAL's last error message, else "unknown error". Forgets nothing.
std::string writeFailureCause(const std::filesystem::path& folder);

/// Writes content to file, checking open, write and close; a failure is recorded like those of the handler
/// and thrown as DataError naming the file's name and the cause.
void writeTextFile(const std::filesystem::path& file, const std::string& content);

/// Removes what runs killed before they could clean up left in folder: ".gzplan-export-<pid>-<n>" folders
/// and "<name>.tmp-<pid>.gpkg" files whose process no longer exists. Never touches anything else.
void removeStaleTemporaries(const std::filesystem::path& folder);

}  // namespace layers::detail
