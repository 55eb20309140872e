#pragma once
// Internal (analysis): writing what the analysis commands produce — the output format by extension, a file staged
// in a folder of ours beside the target and renamed over it at the end, GDAL's failures collected while writing.

#include <filesystem>
#include <string>
#include <vector>

#include <cpl_error.h>
#include <gdal_priv.h>

namespace layers::analysis::detail {

/// The GDAL driver for an output file, by extension (.gpkg .geojson .fgb .csv, and .xlsx when tablesToo); DataError
/// for any other.
const char* outputDriver(const std::filesystem::path& out, bool tablesToo);

/// A folder of ours beside out (GDAL's XLSX writer fails on a file name with several dots), the file written in it
/// and renamed over out by commit(); the folder is removed whatever happens. Refuses an existing out without force.
struct StagedFile {
    std::filesystem::path folder, file, out;
    StagedFile(const std::filesystem::path& target, bool force);
    /// A new dataset at file through GDAL's driver of that name; DataError naming out when GDAL has none or cannot.
    GDALDatasetUniquePtr create(const char* driverName) const;
    void commit();
    ~StagedFile();
};

/// GDAL's failures raised on this thread while it lives (GDAL reports some write failures only as errors).
struct GdalErrors {
    std::vector<std::string> messages;
    GdalErrors();
    ~GdalErrors();
    void check(const std::string& file) const;
};

}  // namespace layers::analysis::detail
