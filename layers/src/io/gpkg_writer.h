#pragma once
// Internal: writing layers and attribute tables to a GeoPackage through GDAL, atomically.

#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "layers/errors.h"
#include "layers/geography.h"
#include "io/ogr_convert.h"

namespace layers {

/// Writes the geography layers (counties, county_seats, prefectures, province, neighbours, neighbour_seats, rivers,
/// sources, build_log).
void writeGeographyLayers(GDALDataset& ds, const Geography& g, const std::string& file);

namespace detail {

/// Creates a temporary GeoPackage beside the target, lets fill write into it inside one transaction, and
/// renames it over the target; on any exception the temporary file is removed and the target left as it was.
void writeGeoPackageAtomically(const std::filesystem::path& geopackage, const std::function<void(GDALDataset&)>& fill);

struct Field {
    const char* name;
    OGRFieldType type;
};

/// One attribute value: text (OFTString), a real (OFTReal) or an integer (OFTInteger).
using Value = std::variant<std::string, double, int>;

/// Writes layers whose fields are declared once (layer) and whose rows are values in that order (add), so a
/// table's column list lives in one place and a row cannot set a field twice or miss one.
class Writer {
public:
    Writer(GDALDataset& ds, const std::string& file) : m_ds(ds), m_file(file) {}

    OGRLayer* layer(const char* name, OGRwkbGeometryType type, const std::vector<Field>& fields)
    {
        OGRSpatialReference srs = detail::spatialReference("EPSG:4490");
        const char* options[] = {"GEOMETRY_NAME=geom", "SPATIAL_INDEX=YES", nullptr};
        OGRLayer* layer = m_ds.CreateLayer(name, type == wkbNone ? nullptr : &srs, type, const_cast<char**>(options));
        if (!layer)
            throw DataError(m_file, std::string("cannot create layer ") + name + ": " + CPLGetLastErrorMsg());
        for (const Field& f : fields) {
            OGRFieldDefn defn(f.name, f.type);
            if (layer->CreateField(&defn) != OGRERR_NONE)
                throw DataError(m_file, std::string("cannot create field ") + name + "." + f.name);
        }
        return layer;
    }

    /// One feature: values[i] goes to field i and must have its type (std::logic_error otherwise: a column list
    /// and a row that disagree are a programming error); geometry may be null.
    void add(OGRLayer* layer, const std::vector<Value>& values, const OGRGeometry* geometry = nullptr)
    {
        OGRFeature feature(layer->GetLayerDefn());
        if (static_cast<int>(values.size()) != feature.GetFieldCount())
            throw std::logic_error(std::string(layer->GetName()) + ": " + std::to_string(values.size()) + " values for " +
                                   std::to_string(feature.GetFieldCount()) + " fields");
        for (int i = 0; i < feature.GetFieldCount(); ++i) {
            const OGRFieldType type = feature.GetFieldDefnRef(i)->GetType();
            const Value& v = values[static_cast<std::size_t>(i)];
            if (const auto* text = std::get_if<std::string>(&v); text && type == OFTString)
                feature.SetField(i, text->c_str());
            else if (const auto* real = std::get_if<double>(&v); real && type == OFTReal)
                feature.SetField(i, *real);
            else if (const auto* integer = std::get_if<int>(&v); integer && type == OFTInteger)
                feature.SetField(i, *integer);
            else
                throw std::logic_error(std::string(layer->GetName()) + "." + feature.GetFieldDefnRef(i)->GetNameRef() +
                                       ": value of another type than the field");
        }
        if (geometry)
            feature.SetGeometry(geometry);
        if (layer->CreateFeature(&feature) != OGRERR_NONE)
            throw DataError(m_file, std::string("cannot write a feature of ") + layer->GetName() + ": " + CPLGetLastErrorMsg());
    }
    void add(OGRLayer* layer, const std::vector<Value>& values, const OGRGeometry& geometry) { add(layer, values, &geometry); }

private:
    GDALDataset& m_ds;
    std::string m_file;
};

}  // namespace detail
}  // namespace layers
