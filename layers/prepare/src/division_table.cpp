#include "layers/division_table.h"

#include <algorithm>

#include "layers/errors.h"
#include "io/ogr_convert.h"

namespace layers {

namespace {
std::vector<Division> readCsv(const std::filesystem::path& file, const char* parentField, const std::string& province)
{
    auto ds = detail::openVector(file.string());
    OGRLayer* layer = ds->GetLayer(0);
    const OGRFeatureDefn* defn = layer->GetLayerDefn();
    for (const char* field : {"code", "name", parentField, "provinceCode"})
        if (defn->GetFieldIndex(field) < 0)
            throw DataError(file.string(), std::string("no column '") + field + "'");
    std::vector<Division> out;
    for (auto& feature : *layer) {
        if (province != feature->GetFieldAsString("provinceCode"))
            continue;
        out.push_back({feature->GetFieldAsString("code"), feature->GetFieldAsString("name"),
                       feature->GetFieldAsString(parentField)});
    }
    std::sort(out.begin(), out.end(), [](const Division& a, const Division& b) { return a.code < b.code; });
    return out;
}

std::optional<Division> findCode(const std::vector<Division>& list, const std::string& code)
{
    auto it = std::lower_bound(list.begin(), list.end(), code, [](const Division& d, const std::string& c) { return d.code < c; });
    if (it == list.end() || it->code != code)
        return std::nullopt;
    return *it;
}
}  // namespace

DivisionTable DivisionTable::load(const std::filesystem::path& distDir, const std::string& provinceCode)
{
    DivisionTable table;
    table.m_counties = readCsv(distDir / "areas.csv", "cityCode", provinceCode);
    table.m_prefectures = readCsv(distDir / "cities.csv", "provinceCode", provinceCode);
    if (table.m_counties.empty())
        throw DataError((distDir / "areas.csv").string(), "no county with province code " + provinceCode);
    return table;
}

std::optional<Division> DivisionTable::county(const std::string& code) const { return findCode(m_counties, code); }
std::optional<Division> DivisionTable::prefecture(const std::string& code) const { return findCode(m_prefectures, code); }

}  // namespace layers
