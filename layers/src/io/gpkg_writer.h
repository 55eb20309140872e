#pragma once
// Internal: writing layers and attribute tables to a GeoPackage through GDAL, atomically.

#include <filesystem>
#include <functional>
#include <string>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "layers/errors.h"
#include "layers/geography.h"
#include "io/ogr_convert.h"

namespace layers {

/// Writes the geography layers (counties, county_seats, prefectures, province, neighbours, sources, build_log).
void writeGeographyLayers(GDALDataset& ds, const Geography& g, const std::string& file);

namespace detail {

/// Creates a temporary GeoPackage beside the target, lets fill write into it inside one transaction, and
/// renames it over the target; on any exception the temporary file is removed and the target left as it was.
void writeGeoPackageAtomically(const std::filesystem::path& geopackage, const std::function<void(GDALDataset&)>& fill);

struct Field {
    const char* name;
    OGRFieldType type;
};

class Writer {
public:
    Writer(GDALDataset& ds, const std::string& file) : m_ds(ds), m_file(file) {}

    OGRLayer* layer(const char* name, OGRwkbGeometryType type, std::initializer_list<Field> fields)
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

    void add(OGRLayer* layer, const std::function<void(OGRFeature&)>& fill)
    {
        OGRFeature feature(layer->GetLayerDefn());
        fill(feature);
        if (layer->CreateFeature(&feature) != OGRERR_NONE)
            throw DataError(m_file, std::string("cannot write a feature of ") + layer->GetName() + ": " + CPLGetLastErrorMsg());
    }

private:
    GDALDataset& m_ds;
    std::string m_file;
};


inline void setShape(OGRFeature& f, const geo::MultiPolygon& shape)
{
    OGRMultiPolygon g = toOgr(shape);
    f.SetGeometry(&g);
}

}  // namespace detail
}  // namespace layers
