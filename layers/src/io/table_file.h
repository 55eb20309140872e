#pragma once
// Internal: a table a user gives (CSV or XLSX) opened through GDAL with every cell as text — the actual figures'
// import and the county join read it. A CSV must be UTF-8 (a BOM is dropped) or, with encoding GBK, GBK
// (converted; a UTF-8 file given as GBK and a GBK file read as UTF-8 are refused with the row and what it says).

#include <filesystem>
#include <memory>
#include <string>

#include <ogrsf_frmts.h>

namespace layers::detail {

struct TableFile {
    std::string encoding;     ///< UTF-8 or GBK: how the file was read
    std::string fingerprint;  ///< size:hash of the file's bytes
    std::string bytes;        ///< the text (UTF-8) GDAL reads from memory
    std::string memName;      ///< its /vsimem/ name
    GDALDatasetUniquePtr dataset;
    OGRLayer* layer = nullptr;  ///< the sheet
    ~TableFile();
};

/// Opens file (.csv or .xlsx): sheet by name (XLSX only), else the only sheet, else preferredSheet. encoding: empty or
/// UTF-8, or GBK (CSV only). Throws DataError naming the file and the fix.
std::unique_ptr<TableFile> openTableFile(const std::filesystem::path& file, const std::string& sheet, const std::string& encodingText,
                                         const std::string& preferredSheet);

/// The bytes of a file (checked readable first: not a folder, pipe or device). Throws DataError.
std::string readFileBytes(const std::filesystem::path& file);

/// Whether s is well-formed UTF-8; else *bad is the offset of the first bad byte.
bool validUtf8(const std::string& s, std::size_t* bad = nullptr);

}  // namespace layers::detail
