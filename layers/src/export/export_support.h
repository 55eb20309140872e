#pragma once
// Internal: pieces shared by the table exporter (exporter.cpp) and the streaming exporter of any GDAL vector
// layer (export_source.cpp): text encoding for DBF files, CSV sidecars, the temporary folder and the final
// rename into place.

#include <filesystem>
#include <string>
#include <vector>

#include <boost/core/noncopyable.hpp>

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

/// A folder beside the target, removed on destruction with whatever it still holds. Creating one first removes
/// the temporary folders and files that killed runs left beside the target (removeStaleTemporaries).
struct TemporaryFolder {
    std::filesystem::path path;
    explicit TemporaryFolder(const std::filesystem::path& beside);
    ~TemporaryFolder();
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;
};

/// The files an export may have written beside a main file: its stale copies are replaced with it.
/// counties.shp → counties.shx, .dbf, .prj, .cpg, .fields.csv, .long_values.csv, …; x.csv → x.csvt, x.prj.
std::vector<std::string> sidecarNames(const std::string& mainFile);

/// Moves every file of staged into the folder target (created if missing) as one step: a file that exists
/// there is replaced only with force (DataError listing the clashes otherwise), and with force so is a stale
/// sidecar of a main file written now (an old counties.long_values.csv beside a new counties.shp). Nothing
/// else in target is touched, ever. If a rename fails, everything is put back as it was. Returns the final
/// paths, sorted.
std::vector<std::filesystem::path> commitFiles(const std::filesystem::path& staged, const std::filesystem::path& target, bool force);

/// Collects the failures GDAL reports on this thread while in scope (warnings go on to the previous handler).
class GdalFailures : private boost::noncopyable {
public:
    GdalFailures();
    ~GdalFailures();
    /// The first failure's message, or empty.
    const std::string& first() const { return m_first; }
    void note(const char* message)
    {
        if (m_first.empty())
            m_first = message && *message ? message : "unknown GDAL error";
    }

private:
    std::string m_first;
};

/// After the dataset was closed: throws DataError(target) with the cause if any write to a file in staged
/// failed (disk full, quota, permission…) or GDAL reported a failure while writing.
void checkWritten(const std::filesystem::path& staged, const GdalFailures& gdal, const std::string& target);

}  // namespace layers::detail
