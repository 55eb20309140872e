#include "layers/table_rows.h"

#include <gdal_priv.h>

#include "layers/errors.h"
#include "ogr_convert.h"

namespace layers {

const std::string& TableRow::operator[](const std::string& column) const
{
    static const std::string empty;
    auto it = fields.find(column);
    return it == fields.end() ? empty : it->second;
}

std::string TableRow::where() const
{
    return std::filesystem::path(file).filename().string() + ":" + std::to_string(line);
}

std::vector<TableRow> readCsvRows(const std::filesystem::path& file, const std::vector<std::string>& requiredColumns)
{
    if (!std::filesystem::exists(file))
        throw DataError(file.string(), "does not exist");
    GDALAllRegister();
    // Every column as text, no geometry guessing, lines kept in file order.
    const char* options[] = {"AUTODETECT_TYPE=NO", "KEEP_GEOM_COLUMNS=YES", "HEADERS=YES", nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, options, nullptr));
    if (!ds || ds->GetLayerCount() != 1)
        throw DataError(file.string(), std::string("cannot read as CSV: ") + CPLGetLastErrorMsg());
    OGRLayer* layer = ds->GetLayer(0);
    const OGRFeatureDefn* defn = layer->GetLayerDefn();
    for (const std::string& column : requiredColumns)
        if (defn->GetFieldIndex(column.c_str()) < 0)
            throw DataError(file.string(), "line 1: no column '" + column + "'");
    std::vector<TableRow> rows;
    int line = 1;
    for (auto& feature : *layer) {
        TableRow row;
        row.file = file.string();
        row.line = ++line;
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            row.fields[defn->GetFieldDefn(i)->GetNameRef()] = feature->IsFieldSetAndNotNull(i) ? feature->GetFieldAsString(i) : "";
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace layers
