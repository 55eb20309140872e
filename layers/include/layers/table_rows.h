#pragma once
// Rows of an attribute table read through GDAL: a CSV file under share/plan (GDAL's CSV driver, every
// field as text) or a table of the GeoPackage. Each row remembers its file and line for error messages.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace layers {

struct TableRow {
    std::string file;  ///< file name as given to the reader (e.g. share/plan/targets.csv)
    int line = 0;      ///< 1-based line in a CSV (the header is line 1); the row number in a GeoPackage
    std::map<std::string, std::string> fields;

    /// The field's text, empty when absent.
    const std::string& operator[](const std::string& column) const;
    /// "targets.csv:12" for messages.
    std::string where() const;
};

/// Reads every row of a CSV; throws DataError naming the file when it is unreadable or lacks a column. header, when
/// given, receives the header's columns in file order (a table may have no rows yet).
std::vector<TableRow> readCsvRows(const std::filesystem::path& file, const std::vector<std::string>& requiredColumns,
                                  std::vector<std::string>* header = nullptr);

}  // namespace layers
