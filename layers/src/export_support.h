#pragma once
// Internal: pieces shared by the table exporter (exporter.cpp) and the streaming exporter of any GDAL vector
// layer (export_source.cpp): text encoding for DBF files, CSV sidecars, the temporary folder and the final
// rename into place.

#include <filesystem>
#include <string>
#include <vector>

namespace layers::detail {

inline constexpr std::size_t kDbfLimit = 254;

/// GDAL's driver name for an export format (shp → ESRI Shapefile…), registered; DataError for an unknown format.
const char* gdalDriver(const std::string& format);

/// Text in the target encoding (UTF-8 unchanged, GBK via iconv); throws DataError(where) when a character has
/// no equivalent there.
std::string encoded(const std::string& utf8, const std::string& encoding, const std::string& where);

/// Cuts UTF-8 text so that its encoding fits limit bytes, at a character boundary, ending in "…".
std::string cutToFit(const std::string& utf8, const std::string& encoding, std::size_t limit, const std::string& where);

/// A sidecar table through GDAL's CSV driver (UTF-8 with BOM, so spreadsheets read the Chinese text).
void writeCsv(const std::filesystem::path& file, const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);

/// A folder beside the target, removed on destruction with whatever it still holds.
struct TemporaryFolder {
    std::filesystem::path path;
    explicit TemporaryFolder(const std::filesystem::path& beside);
    ~TemporaryFolder();
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;
};

/// Renames from to to; an existing to is replaced only with force (DataError otherwise).
void moveIntoPlace(const std::filesystem::path& from, const std::filesystem::path& to, bool force);

/// Moves every file of folder into target (sorted by name): first checks that none exists unless force, so
/// either all are moved or none. Returns the final paths.
std::vector<std::filesystem::path> moveAllInto(const std::filesystem::path& folder, const std::filesystem::path& target, bool force);

}  // namespace layers::detail
