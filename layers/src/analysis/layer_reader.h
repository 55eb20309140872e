#pragma once
// Internal (analysis): reading a user's layer for statistics, selection and annotation — its features with their
// geometry in CGCS2000 lon/lat, filtered by the user's expression, by up to two threads over FID ranges of a
// GeoPackage (each with its own GDAL dataset and transformation), any other format by one.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <ogrsf_frmts.h>

#include "analysis/gpkg_rows.h"
#include "geo/geometry.h"
#include "layers/analysis.h"

namespace layers::analysis::detail {

enum class GeometryClass { Points, Lines, Polygons, Unknown };

class LayerReader {
public:
    /// Opens and checks: the file and layer, the expression (parsed by GDAL: an error naming it and the fields),
    /// the CRS (none: source.layerCrs or an error saying how to give one). Throws DataError, UsageError.
    explicit LayerReader(const LayerSource& source);

    const std::string& layerName() const { return m_layer; }
    const std::string& crsText() const { return m_crsText; }   ///< "EPSG:4326" or the WKT's name
    GeometryClass geometryClass() const { return m_class; }
    const std::vector<std::string>& fieldNames() const { return m_fields; }
    /// The field's index, or UsageError naming the fields there are (numeric: it must hold numbers).
    int field(const std::string& name, bool numeric, const char* what) const;
    /// Features the filter passes, as GDAL counts them (may be -1 when GDAL cannot tell cheaply).
    std::int64_t count() const { return m_count; }
    unsigned threads() const { return static_cast<unsigned>(m_ranges.size()); }

    /// Reads only these fields (and the geometry): GDAL leaves the others out of its queries. Default: every field.
    /// For read(): the first textFields of them are read as text (Row::values[i].text), the others as numbers.
    void onlyFields(std::vector<std::string> names, std::size_t textFields = 0)
    {
        m_needed = std::move(names);
        m_textFields = textFields;
        m_allFields = false;
    }
    /// Whether read() takes the fast path (gpkg_rows.h): a GeoPackage table in CGCS2000, no expression, fields
    /// read as text that are strings or integers, and not LayerSource::gdalReader.
    bool fast() const;

    /// Calls visit(thread, feature, geometry in lon/lat) for every feature the filter passes, from threads()
    /// threads at once (thread = 0 … threads()-1). A feature without geometry gets nullptr. An exception in any
    /// thread stops them all and is rethrown here.
    using Visitor = std::function<void(unsigned thread, OGRFeature& feature, OGRGeometry* lonLat)>;
    void run(const Visitor& visit) const;
    /// The same as rows: fid, the onlyFields() values in their order, the geometry in lon/lat parts. One Row per
    /// thread, reused.
    using RowVisitor = std::function<void(unsigned thread, Row& row)>;
    void read(const RowVisitor& visit) const;

private:
    struct Range {
        bool whole = true;
        std::int64_t first = 0, last = 0;
    };
    LayerSource m_source;
    template <class Work>
    void inThreads(const Work& work) const;
    std::string m_layer, m_crsText, m_fidColumn, m_geometryColumn, m_srsWkt;
    bool m_gpkg = false;
    std::size_t m_textFields = 0;
    bool m_transform = false;
    GeometryClass m_class = GeometryClass::Unknown;
    std::vector<std::string> m_fields;
    std::vector<int> m_fieldTypes;
    std::int64_t m_count = -1;
    std::vector<Range> m_ranges;
    std::vector<std::string> m_needed;
    bool m_allFields = true;
};

/// The geometry as lon/lat parts: polygons, lines or points appended (curves linearised).
void collect(const OGRGeometry* g, geo::MultiPolygon& polygons, std::vector<geo::Line>& lines, std::vector<geo::Point>& points);

}  // namespace layers::analysis::detail
