#include "analysis/layer_reader.h"

#include <algorithm>
#include <climits>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

#include <cpl_error.h>
#include <ogr_spatialref.h>

#include "io/gdal_drivers.h"
#include "io/ogr_convert.h"
#include "layers/errors.h"

namespace layers::analysis::detail {

namespace {

std::string lowerExtension(const std::string& path)
{
    std::string e = std::filesystem::path(path).extension().string();
    for (char& c : e)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return e;
}

OGRLayer* pickLayer(GDALDataset& ds, const std::string& file, const std::string& name)
{
    if (name.empty()) {
        if (ds.GetLayerCount() == 0)
            throw DataError(file, "has no vector layer");
        return ds.GetLayer(0);
    }
    if (OGRLayer* l = ds.GetLayerByName(name.c_str()))
        return l;
    std::string names;
    for (int i = 0; i < ds.GetLayerCount(); ++i)
        names += (names.empty() ? "" : ", ") + std::string(ds.GetLayer(i)->GetName());
    throw DataError(file, "has no layer '" + name + "'; its layers: " + names);
}

GeometryClass classOf(OGRwkbGeometryType type)
{
    switch (wkbFlatten(type)) {
    case wkbPoint:
    case wkbMultiPoint:
        return GeometryClass::Points;
    case wkbLineString:
    case wkbMultiLineString:
    case wkbCircularString:
    case wkbCompoundCurve:
    case wkbMultiCurve:
        return GeometryClass::Lines;
    case wkbPolygon:
    case wkbMultiPolygon:
    case wkbCurvePolygon:
    case wkbMultiSurface:
        return GeometryClass::Polygons;
    default:
        return GeometryClass::Unknown;
    }
}

std::string sqlIdentifier(const std::string& identifier)
{
    std::string s = "\"";
    for (char c : identifier)
        s += c == '"' ? std::string("\"\"") : std::string(1, c);
    return s + "\"";
}

}  // namespace

LayerReader::LayerReader(const LayerSource& source) : m_source(source)
{
    const std::string file = source.file.string();
    layers::detail::registerDriver(lowerExtension(file) == ".gpkg" ? "GPKG" : "");
    GDALDatasetUniquePtr ds = layers::detail::openVector(file);
    OGRLayer* layer = pickLayer(*ds, file, source.layer);
    m_layer = layer->GetName();
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        m_fields.push_back(defn->GetFieldDefn(i)->GetNameRef());
        m_fieldTypes.push_back(defn->GetFieldDefn(i)->GetType());
    }
    m_class = classOf(layer->GetGeomType());
    m_fidColumn = layer->GetFIDColumn() ? layer->GetFIDColumn() : "";
    if (defn->GetGeomFieldCount() == 1 && layer->GetGeometryColumn())
        m_geometryColumn = layer->GetGeometryColumn();

    // The CRS.
    const OGRSpatialReference* srs = layer->GetSpatialRef();
    // A GeoPackage without a CRS says "Undefined geographic SRS" (srs_id 0) or "Undefined Cartesian SRS" (-1).
    if (srs && !srs->GetAuthorityName(nullptr) && srs->GetName() && std::string(srs->GetName()).rfind("Undefined", 0) == 0)
        srs = nullptr;
    OGRSpatialReference assumed;
    if (!srs) {
        if (source.layerCrs.empty())
            throw DataError(file, "layer '" + m_layer + "' declares no CRS, so its coordinates cannot be placed on the plan's units; "
                                  "give it with --layer-crs (EPSG:4490 for CGCS2000 lon/lat, EPSG:4545 for 3° Gauss–Krüger zone 35…) "
                                  "or declare it in the file (ogr2ogr -a_srs EPSG:4490 out.gpkg in.shp)");
        try {
            assumed = layers::detail::spatialReference(source.layerCrs);
        } catch (const std::exception& e) {
            throw UsageError(std::string("--layer-crs ") + source.layerCrs + ": " + e.what());
        }
        srs = &assumed;
        m_crsText = source.layerCrs + " (assumed: the layer declares none)";
    } else {
        const char* auth = srs->GetAuthorityName(nullptr);
        const char* code = srs->GetAuthorityCode(nullptr);
        m_crsText = auth && code ? std::string(auth) + ":" + code : std::string(srs->GetName() ? srs->GetName() : "unnamed CRS");
    }
    OGRSpatialReference cgcs = layers::detail::spatialReference(geo::crs::kCgcs2000);
    OGRSpatialReference mine(*srs);
    mine.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    m_transform = !mine.IsSame(&cgcs);
    char* wkt = nullptr;
    mine.exportToWkt(&wkt);
    m_srsWkt = wkt ? wkt : "";
    CPLFree(wkt);

    // The expression: GDAL parses it now, so a bad one is an error before anything is read.
    if (!source.where.empty()) {
        CPLErrorReset();
        // GDAL's GeoPackage driver hands the expression to SQLite, which reads it only when counting: count now.
        if (layer->SetAttributeFilter(source.where.c_str()) != OGRERR_NONE || layer->GetFeatureCount(TRUE) < 0 ||
            CPLGetLastErrorType() >= CE_Failure) {
            std::string fields;
            for (const std::string& f : m_fields)
                fields += (fields.empty() ? "" : ", ") + f;
            throw UsageError("--where '" + source.where + "': GDAL cannot read it (" + CPLGetLastErrorMsg() + "); the layer's fields: " + fields +
                             "; text values go in single quotes: landuse = '林地' AND area_m2 > 10000");
        }
    }
    m_count = layer->GetFeatureCount(FALSE);
    if (m_count < 0)
        m_count = layer->GetFeatureCount(TRUE);

    // FID ranges: two threads for a GeoPackage of some size.
    unsigned threads = source.threads ? source.threads : std::min(2u, std::max(1u, std::thread::hardware_concurrency()));
    const bool gpkg = std::string(ds->GetDriver()->GetDescription()) == "GPKG" && !m_fidColumn.empty();
    m_gpkg = gpkg;
    if (gpkg && threads > 1 && m_count > 20000) {
        const auto [lo, hi] = gpkgFidRange(file, m_layer, m_fidColumn);
        if (hi >= lo) {
            const std::int64_t span = hi - lo + 1;
            for (unsigned t = 0; t < threads; ++t)
                m_ranges.push_back({false, lo + span * t / threads, lo + span * (t + 1) / threads - 1});
        }
    }
    if (m_ranges.empty())
        m_ranges.push_back({});
}

int LayerReader::field(const std::string& name, bool numeric, const char* what) const
{
    std::string fields;
    for (std::size_t i = 0; i < m_fields.size(); ++i) {
        if (m_fields[i] == name) {
            const int t = m_fieldTypes[i];
            if (numeric && t != OFTInteger && t != OFTInteger64 && t != OFTReal)
                throw UsageError(std::string(what) + " " + name + ": the field holds " + OGRFieldDefn::GetFieldTypeName(static_cast<OGRFieldType>(t)) +
                                 ", not numbers");
            return static_cast<int>(i);
        }
        fields += (fields.empty() ? "" : ", ") + m_fields[i];
    }
    throw UsageError(std::string(what) + " " + name + ": layer '" + m_layer + "' has no such field; its fields: " + (fields.empty() ? "(none)" : fields));
}

template <class Work>
void LayerReader::inThreads(const Work& work) const
{
    std::atomic<bool> stop{false};
    std::exception_ptr error;
    std::mutex errorMutex;
    auto guarded = [&](unsigned t) {
        try {
            work(t, stop);
        } catch (...) {
            std::lock_guard lock(errorMutex);
            if (!error)
                error = std::current_exception();
            stop = true;
        }
    };
    if (m_ranges.size() == 1) {
        guarded(0);
    } else {
        std::vector<std::thread> pool;
        for (unsigned t = 0; t < m_ranges.size(); ++t)
            pool.emplace_back(guarded, t);
        for (std::thread& th : pool)
            th.join();
    }
    if (error)
        std::rethrow_exception(error);
}

void LayerReader::run(const Visitor& visit) const
{
    inThreads([&](unsigned t, const std::atomic<bool>& stop) {
        const std::string file = m_source.file.string();
        GDALDatasetUniquePtr ds = layers::detail::openVector(file);
        OGRLayer* layer = pickLayer(*ds, file, m_layer);
        std::vector<const char*> ignored;
        if (!m_allFields) {
            for (const std::string& f : m_fields)
                if (std::find(m_needed.begin(), m_needed.end(), f) == m_needed.end())
                    ignored.push_back(f.c_str());
            ignored.push_back("OGR_STYLE");
            ignored.push_back(nullptr);
            layer->SetIgnoredFields(ignored.data());
        }
        std::string where = m_source.where.empty() ? "" : "(" + m_source.where + ")";
        const Range& r = m_ranges[t];
        if (!r.whole)
            where += (where.empty() ? "" : " AND ") + sqlIdentifier(m_fidColumn) + " >= " + std::to_string(r.first) + " AND " + sqlIdentifier(m_fidColumn) +
                     " <= " + std::to_string(r.last);
        if (!where.empty() && layer->SetAttributeFilter(where.c_str()) != OGRERR_NONE)
            throw DataError(file, "cannot filter layer '" + m_layer + "' by " + where + ": " + CPLGetLastErrorMsg());
        std::unique_ptr<OGRCoordinateTransformation> transform;
        if (m_transform) {
            OGRSpatialReference from;
            from.importFromWkt(m_srsWkt.c_str());
            from.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
            OGRSpatialReference to = layers::detail::spatialReference(geo::crs::kCgcs2000);
            transform.reset(OGRCreateCoordinateTransformation(&from, &to));
            if (!transform)
                throw DataError(file, "no transformation from the layer's CRS (" + m_crsText + ") to CGCS2000: " + CPLGetLastErrorMsg());
        }
        layer->ResetReading();
        while (!stop) {
            OGRFeatureUniquePtr f(layer->GetNextFeature());
            if (!f)
                break;
            OGRGeometry* g = f->GetGeometryRef();
            if (g && transform && g->transform(transform.get()) != OGRERR_NONE)
                throw DataError(file, "layer '" + m_layer + "', feature " + std::to_string(f->GetFID()) + ": cannot be transformed from " + m_crsText +
                                          " to CGCS2000 lon/lat (coordinates outside the CRS?)");
            visit(t, *f, g);
        }
    });
}

bool LayerReader::fast() const
{
    if (m_source.gdalReader || !m_gpkg || m_transform || !m_source.where.empty() || m_allFields || m_geometryColumn.empty())
        return false;
    for (std::size_t i = 0; i < m_needed.size(); ++i) {
        const auto at = std::find(m_fields.begin(), m_fields.end(), m_needed[i]);
        if (at == m_fields.end())
            return false;
        const int type = m_fieldTypes[static_cast<std::size_t>(at - m_fields.begin())];
        // Text as GDAL gives it: strings and integers print the same from SQLite; reals and dates do not.
        const bool ok = i < m_textFields ? (type == OFTString || type == OFTInteger || type == OFTInteger64)
                                         : (type == OFTInteger || type == OFTInteger64 || type == OFTReal);
        if (!ok)
            return false;
    }
    return true;
}

void LayerReader::read(const RowVisitor& visit) const
{
    if (fast()) {
        inThreads([&](unsigned t, const std::atomic<bool>& stop) {
            const Range& r = m_ranges[t];
            GpkgRows rows(m_source.file.string(), m_layer, m_fidColumn, m_geometryColumn, m_needed, r.whole ? INT64_MIN : r.first,
                          r.whole ? INT64_MAX : r.last);
            Row row;
            while (!stop && rows.next(row))
                visit(t, row);
        });
        return;
    }
    std::vector<int> index;
    for (const std::string& name : m_needed)
        index.push_back(static_cast<int>(std::find(m_fields.begin(), m_fields.end(), name) - m_fields.begin()));
    std::vector<Row> rows(m_ranges.size());
    run([&](unsigned t, OGRFeature& f, OGRGeometry* g) {
        Row& row = rows[t];
        row.fid = f.GetFID();
        row.values.resize(index.size());
        for (std::size_t i = 0; i < index.size(); ++i) {
            FieldValue& v = row.values[i];
            v.null = !f.IsFieldSetAndNotNull(index[i]);
            v.number = v.null ? 0 : f.GetFieldAsDouble(index[i]);
            v.text = v.null ? "" : f.GetFieldAsString(index[i]);
        }
        row.shape.clear();
        collect(g, row.shape.polygons, row.shape.lines, row.shape.points);
        visit(t, row);
    });
}

void collect(const OGRGeometry* g, geo::MultiPolygon& polygons, std::vector<geo::Line>& lines, std::vector<geo::Point>& points)
{
    if (!g || g->IsEmpty())
        return;
    const OGRwkbGeometryType t = wkbFlatten(g->getGeometryType());
    if (OGR_GT_IsNonLinear(t)) {
        std::unique_ptr<OGRGeometry> linear(g->getLinearGeometry());
        collect(linear.get(), polygons, lines, points);
        return;
    }
    switch (t) {
    case wkbPoint: {
        const auto* p = g->toPoint();
        if (!p->IsEmpty())  // an empty point in a multipoint
            points.push_back({p->getX(), p->getY()});
        break;
    }
    case wkbLineString: {
        const auto* l = g->toLineString();
        geo::Line line(static_cast<std::size_t>(l->getNumPoints()));
        for (int i = 0; i < l->getNumPoints(); ++i)
            line[static_cast<std::size_t>(i)] = {l->getX(i), l->getY(i)};
        if (line.size() >= 2)
            lines.push_back(std::move(line));
        break;
    }
    case wkbPolygon: {
        const auto* poly = g->toPolygon();
        auto ringOf = [](const OGRLinearRing* r) {
            geo::Ring ring(static_cast<std::size_t>(r->getNumPoints()));
            for (int i = 0; i < r->getNumPoints(); ++i)
                ring[static_cast<std::size_t>(i)] = {r->getX(i), r->getY(i)};
            if (!ring.empty() && !(ring.front() == ring.back()))
                ring.push_back(ring.front());
            return ring;
        };
        if (!poly->getExteriorRing() || poly->getExteriorRing()->getNumPoints() < 4)
            break;
        geo::Polygon p;
        p.outer = ringOf(poly->getExteriorRing());
        for (int i = 0; i < poly->getNumInteriorRings(); ++i)
            if (poly->getInteriorRing(i)->getNumPoints() >= 4)
                p.holes.push_back(ringOf(poly->getInteriorRing(i)));
        polygons.push_back(std::move(p));
        break;
    }
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection: {
        for (const OGRGeometry* part : *g->toGeometryCollection())
            collect(part, polygons, lines, points);
        break;
    }
    default:
        break;
    }
}

}  // namespace layers::analysis::detail
