#include "layers/exporter.h"

#include <algorithm>
#include <optional>

#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include "geo/projection.h"
#include "io/checked_files.h"
#include "export/export_support.h"
#include "io/gdal_drivers.h"
#include "io/ogr_convert.h"
#include "export/shapefile_writer.h"

namespace layers {


/// The extent of every geometry of the tables (EPSG:4490 degrees).
geo::Box lonLatBounds(const std::vector<const ExportTable*>& tables)
{
    geo::Box box = geo::Box::empty();
    const auto add = [&](geo::Point p) { box.expand({p.x, p.y, p.x, p.y}); };
    for (const ExportTable* t : tables)
        for (const ExportFeature& f : t->features) {
            if (const auto* p = std::get_if<geo::Point>(&f.geometry))
                add(*p);
            else if (const auto* line = std::get_if<std::vector<geo::Point>>(&f.geometry))
                for (const geo::Point& q : *line)
                    add(q);
            else if (const auto* shape = std::get_if<geo::MultiPolygon>(&f.geometry))
                box.expand(geo::bounds(*shape));
        }
    return box;
}

namespace {
struct Driver {
    const char* format;
    const char* gdalName;
    const char* extension;
};
constexpr Driver kDrivers[] = {{"shp", "ESRI Shapefile", "shp"}, {"gpkg", "GPKG", "gpkg"}, {"geojson", "GeoJSON", "geojson"},
                               {"kml", "LIBKML", "kml"},         {"csv", "CSV", "csv"},     {"dxf", "DXF", "dxf"}};

const Driver& driverFor(const std::string& format)
{
    for (const Driver& d : kDrivers)
        if (format == d.format)
            return d;
    throw DataError(format, "unknown export format (use shp, gpkg, geojson, kml, csv or dxf)");
}

std::string featureName(const ExportTable& t, std::size_t index)
{
    const ExportFeature& f = t.features[index];
    std::string id = f.values.empty() ? "" : std::holds_alternative<std::string>(f.values[0]) ? std::get<std::string>(f.values[0]) : "";
    return "layer " + t.id + ", feature " + std::to_string(index + 1) + (id.empty() ? "" : " (" + id + (f.label.empty() ? "" : " " + f.label) + ")");
}

std::unique_ptr<OGRGeometry> toOgr(const ExportGeometry& g)
{
    if (const auto* p = std::get_if<geo::Point>(&g))
        return std::make_unique<OGRPoint>(p->x, p->y);
    if (const auto* line = std::get_if<std::vector<geo::Point>>(&g)) {
        auto l = std::make_unique<OGRLineString>();
        for (const geo::Point& p : *line)
            l->addPoint(p.x, p.y);
        return l;
    }
    if (const auto* shape = std::get_if<geo::MultiPolygon>(&g); shape && !shape->empty())
        return std::make_unique<OGRMultiPolygon>(detail::toOgr(*shape));
    return nullptr;  // no geometry, or an empty one (a central city whose counties all belong to it only in part)
}

OGRwkbGeometryType ogrType(GeometryKind kind, const std::string& format)
{
    switch (kind) {
    case GeometryKind::Point: return wkbPoint;
    case GeometryKind::Line: return wkbLineString;
    case GeometryKind::Polygon: return format == "shp" ? wkbPolygon : wkbMultiPolygon;  // shapefile polygons hold several parts
    case GeometryKind::None: return wkbNone;
    }
    return wkbUnknown;
}

class TableWriter {
public:
    TableWriter(const ExportOptions& options, const OGRSpatialReference& target, OGRCoordinateTransformation* transform, ExportReport& report,
                const ExportProgress& progress, std::size_t total, std::size_t& done)
        : m_options(options), m_target(target), m_transform(transform), m_report(report), m_progress(progress), m_total(total), m_done(done) {}

    /// Writes table into ds as one layer (shp, gpkg, geojson, kml, csv) or into the DXF entities.
    void write(GDALDataset& ds, const ExportTable& t, const std::filesystem::path& folder, const std::string& stem)
    {
        m_folder = folder;
        if (m_options.format == "dxf")
            return writeDxf(ds, t);
        const bool shp = m_options.format == "shp";
        std::optional<detail::ShapefileWriter> shapefile;
        std::vector<std::string> dbfNames;
        if (shp) {
            shapefile.emplace(m_options.encoding, folder, stem, t.id);
            dbfNames = shortFieldNames(t.fields);
        }

        // Shapefiles: text widths in the target encoding; over-long values cut visibly and kept whole in a sidecar.
        std::vector<std::size_t> widths(t.fields.size(), 1);
        std::vector<std::vector<std::string>> text(t.features.size(), std::vector<std::string>(t.fields.size()));
        for (std::size_t i = 0; i < t.features.size(); ++i)
            for (std::size_t k = 0; k < t.fields.size(); ++k) {
                const ExportValue& v = t.features[i].values[k];
                if (const auto* s = std::get_if<std::string>(&v)) {
                    text[i][k] = *s;
                    if (!shp)
                        continue;
                    const auto where = [&] { return featureName(t, i) + ", field " + t.fields[k].name; };
                    detail::DbfText fitted = detail::fitDbfText(s->c_str(), m_options.encoding, where);
                    if (fitted.wasCut()) {
                        const auto& first = t.features[i].values[0];
                        shapefile->cut(std::to_string(i + 1), std::holds_alternative<std::string>(first) ? std::get<std::string>(first) : "",
                                       t.fields[k].name, *s, fitted.fullBytes, where(), m_report);
                        text[i][k] = std::move(fitted.cut);
                    }
                    widths[k] = std::max(widths[k], fitted.bytes);
                }
            }

        std::vector<std::string> layerOptions;
        if (shp)
            layerOptions.push_back(detail::shapefileEncodingOption(m_options.encoding));
        if (m_options.format == "csv") {
            layerOptions.push_back(m_options.csvGeometry == "xy" && t.kind == GeometryKind::Point ? "GEOMETRY=AS_XY" : "GEOMETRY=AS_WKT");
            layerOptions.push_back("CREATE_CSVT=YES");
            layerOptions.push_back("WRITE_BOM=YES");  // spreadsheet programs then read the Chinese text as UTF-8
        }
        if (m_options.format == "gpkg")
            layerOptions.push_back("SPATIAL_INDEX=YES");
        if (m_options.format == "geojson")
            layerOptions.push_back("WRITE_NAME=YES");
        CPLStringList opts;
        for (const auto& o : layerOptions)
            opts.AddString(o.c_str());
        const OGRwkbGeometryType type = ogrType(t.kind, m_options.format);
        OGRLayer* layer = ds.CreateLayer(t.id.c_str(), type == wkbNone ? nullptr : const_cast<OGRSpatialReference*>(&m_target), type, opts.List());
        if (!layer)
            throw DataError(t.id, "cannot create the layer: " + detail::writeFailureCause(m_folder));
        for (std::size_t k = 0; k < t.fields.size(); ++k) {
            const ExportField& f = t.fields[k];
            OGRFieldType type = OFTString;
            OGRFieldSubType subtype = OFSTNone;
            switch (f.type) {
            case FieldType::String: type = OFTString; break;
            case FieldType::Integer: type = shp ? OFTInteger : OFTInteger64; break;
            case FieldType::Real: type = OFTReal; break;
            case FieldType::Boolean:
                type = OFTInteger;
                subtype = OFSTBoolean;
                break;
            }
            OGRFieldDefn defn(f.name.c_str(), type);
            defn.SetSubType(subtype);
            if (shapefile) {
                shapefile->createField(*layer, defn, dbfNames[k], widths[k], f.description);
            } else if (layer->CreateField(&defn) != OGRERR_NONE) {
                throw DataError(t.id, "cannot create field " + f.name + ": " + detail::writeFailureCause(m_folder));
            }
        }

        for (std::size_t i = 0; i < t.features.size(); ++i) {
            const ExportFeature& src = t.features[i];
            OGRFeature feature(layer->GetLayerDefn());
            for (std::size_t k = 0; k < t.fields.size(); ++k) {
                const int index = static_cast<int>(k);
                const ExportValue& v = src.values[k];
                if (std::holds_alternative<std::string>(v))
                    feature.SetField(index, text[i][k].c_str());
                else if (const auto* n = std::get_if<long long>(&v))
                    feature.SetField(index, static_cast<GIntBig>(*n));
                else if (const auto* d = std::get_if<double>(&v))
                    feature.SetField(index, *d);
                else if (const auto* b = std::get_if<bool>(&v))
                    feature.SetField(index, *b ? 1 : 0);
            }
            if (auto g = geometry(src.geometry, t, i)) {
                if (shp && t.kind == GeometryKind::Polygon)
                    g.reset(OGRGeometryFactory::forceToPolygon(g.release()));
                feature.SetGeometryDirectly(g.release());
            }
            if (m_options.format == "kml" && !src.label.empty() && layer->GetLayerDefn()->GetFieldIndex("name") < 0)
                feature.SetStyleString(("LABEL(t:\"" + src.label + "\")").c_str());
            if (layer->CreateFeature(&feature) != OGRERR_NONE)
                throw DataError(t.id, featureName(t, i) + ": cannot be written: " + detail::writeFailureCause(m_folder));
            step(t.id);
        }
        if (shapefile)
            shapefile->finish(*layer, m_report);
    }

private:
    std::unique_ptr<OGRGeometry> geometry(const ExportGeometry& g, const ExportTable& t, std::size_t i)
    {
        auto ogr = toOgr(g);
        if (ogr && m_transform && ogr->transform(m_transform) != OGRERR_NONE)
            throw DataError(t.id, featureName(t, i) + ": cannot be transformed to " + m_options.crs);
        return ogr;
    }

    void writeDxf(GDALDataset& ds, const ExportTable& t)
    {
        OGRLayer* layer = ds.GetLayerCount() ? ds.GetLayer(0) : ds.CreateLayer("entities", nullptr, wkbUnknown, nullptr);
        if (!layer)
            throw DataError(t.id, "cannot create the DXF entities: " + detail::writeFailureCause(m_folder));
        auto add = [&](std::unique_ptr<OGRGeometry> g, const std::string& cadLayer, const std::string& style, std::size_t i) {
            OGRFeature feature(layer->GetLayerDefn());
            feature.SetField("Layer", cadLayer.c_str());
            if (!style.empty())
                feature.SetStyleString(style.c_str());
            feature.SetGeometryDirectly(g.release());
            if (layer->CreateFeature(&feature) != OGRERR_NONE)
                throw DataError(t.id, featureName(t, i) + ": cannot be written to DXF: " + detail::writeFailureCause(m_folder));
        };
        for (std::size_t i = 0; i < t.features.size(); ++i) {
            const ExportFeature& f = t.features[i];
            if (auto g = geometry(f.geometry, t, i)) {
                // One CAD layer for the table and one per county-seat class the feature holds.
                for (const std::string& group : f.groups)
                    add(std::unique_ptr<OGRGeometry>(g->clone()), t.id + "_" + group, "", i);
                OGRPoint anchor;
                if (const auto* seat = std::get_if<geo::Point>(&f.geometry)) {
                    anchor = OGRPoint(seat->x, seat->y);
                    if (m_transform)
                        anchor.transform(m_transform);
                } else {
                    g->Centroid(&anchor);
                }
                add(std::move(g), t.id, "", i);
                if (!f.label.empty()) {
                    std::string escaped = f.label;
                    std::replace(escaped.begin(), escaped.end(), '"', '\'');
                    add(std::make_unique<OGRPoint>(anchor), t.id + "_labels", "LABEL(f:\"Noto Sans CJK SC\",t:\"" + escaped + "\",s:2g)", i);
                }
            }
            step(t.id);
        }
    }

    void step(const std::string& what)
    {
        ++m_done;
        ++m_report.features;
        if (m_progress && !m_progress(m_total ? static_cast<double>(m_done) / static_cast<double>(m_total) : 1.0, what))
            throw ExportCancelled();
    }

    const ExportOptions& m_options;
    const OGRSpatialReference& m_target;
    OGRCoordinateTransformation* m_transform;
    ExportReport& m_report;
    const ExportProgress& m_progress;
    std::size_t m_total;
    std::size_t& m_done;
    std::filesystem::path m_folder;  ///< where the files are written (the temporary folder)
};

}  // namespace

const std::vector<std::string>& exportFormats()
{
    static const std::vector<std::string> formats{"shp", "gpkg", "geojson", "kml", "csv", "dxf"};
    return formats;
}

std::string formatExtension(const std::string& format) { return driverFor(format).extension; }

const char* detail::gdalDriver(const std::string& format)
{
    const char* name = driverFor(format).gdalName;
    registerDriver(name);
    return name;
}

ExportReport exportTables(const std::vector<const ExportTable*>& tables, const std::filesystem::path& out, const ExportOptions& options,
                          const ExportProgress& progress)
{
    const Driver& driver = driverFor(options.format);
    detail::checkEncoding(options.encoding);
    if (tables.empty())
        throw DataError(out.string(), "no layer to export");
    detail::registerDriver(driver.gdalName);
    GDALDriver* gdal = GetGDALDriverManager()->GetDriverByName(driver.gdalName);
    if (!gdal)
        throw DataError(driver.gdalName, "GDAL has no such driver");

    OGRSpatialReference target;
    try {
        target = detail::spatialReference(options.crs);
    } catch (const DataError&) {
        if (!geo::crs::fileReference(options.crs).empty())
            throw;  // refused because it names a file: the message says which
        throw DataError(options.crs, "not a coordinate reference system GDAL/PROJ knows");
    }
    // A CRS whose area of use misses the data (EPSG:4554, a zone in the north-east, typed for 4545) is refused.
    if (!options.anyCrs)
        if (const std::string problem = detail::extentProblem(target, options.crs, lonLatBounds(tables)); !problem.empty())
            throw DataError("--crs", problem + "; --any-crs writes it anyway");
    // The tables are in EPSG:4490: no second CRS from PROJ's database and no comparison when that is the target.
    std::unique_ptr<OGRCoordinateTransformation> transform;
    if (const OGRSpatialReference source = options.crs == "EPSG:4490" ? target : detail::spatialReference("EPSG:4490"); !target.IsSame(&source)) {
        transform.reset(OGRCreateCoordinateTransformation(&source, &target));
        if (!transform)
            throw DataError(options.crs, "no transformation from EPSG:4490");
    }

    // Where things go: one file, a folder of files, or one GeoPackage holding every table.
    const bool oneFile = tables.size() == 1 || options.format == "gpkg";
    std::filesystem::path target_path = out;
    if (oneFile && (std::filesystem::is_directory(out) || out.extension().empty()))
        target_path = out / ((tables.size() == 1 ? tables.front()->id : std::string("guizhou_plan")) + "." + driver.extension);
    // A shapefile of a table without geometry is its .dbf alone.
    const bool dbfOnly = options.format == "shp" && tables.size() == 1 && tables.front()->kind == GeometryKind::None;
    if (dbfOnly)
        target_path.replace_extension(".dbf");
    const std::filesystem::path parent = std::filesystem::absolute(oneFile ? target_path : out).parent_path();
    if (!std::filesystem::is_directory(parent))
        throw DataError(parent.string(), "folder does not exist");

    // Refused early if a file would be replaced without force (checked again, with the sidecars, at the end).
    if (!options.force)
        for (const ExportTable* t : tables)
            if (const std::filesystem::path f = oneFile ? target_path : out / (t->id + "." + driver.extension); std::filesystem::exists(f))
                throw DataError(f.string(), "exists; use --force to replace it (only the files this export writes)");

    ExportReport report;
    // Another datum (Xi'an 1980, Beijing 1954, WGS 84): written, with a warning of the offset PROJ does not apply.
    if (const char* datum = target.GetAttrValue("DATUM"); datum && std::string(datum) != "China_2000")
        if (const std::string warning = geo::crs::datumWarning(options.crs); !warning.empty())
            report.warnings.push_back(warning);
    std::size_t total = 0, done = 0;
    for (const ExportTable* t : tables)
        total += t->features.size();
    detail::TemporaryFolder temp(parent);
    TableWriter writer(options, target, transform.get(), report, progress, total, done);

    // Every file is written through the checked-write handler (a GeoPackage through SQLite, which checks its
    // writes itself); a failed write or a failure GDAL reports, also while closing, ends the export before
    // anything is renamed into place.
    auto writeOne = [&](const std::vector<const ExportTable*>& group, const std::filesystem::path& file) {
        detail::GdalFailures failures;
        const std::string name = options.format == "gpkg" ? file.string() : detail::checkedName(file);
        GDALDatasetUniquePtr ds(gdal->Create(name.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds)
            throw DataError(file.filename().string(), std::string("cannot create: ") + CPLGetLastErrorMsg());
        if (options.format == "gpkg")
            ds->StartTransaction();
        for (const ExportTable* t : group)
            writer.write(*ds, *t, file.parent_path(), group.size() == 1 ? file.stem().string() : t->id);
        if (options.format == "gpkg" && ds->CommitTransaction() != OGRERR_NONE)
            throw DataError(file.filename().string(), std::string("commit failed: ") + CPLGetLastErrorMsg());
        ds.reset();
        detail::checkWritten(temp.path, failures, (oneFile ? target_path : out / file.filename()).string());
    };

    if (oneFile) {
        writeOne(tables, temp.path / target_path.filename());
        // Everything the drivers and sidecars wrote, renamed into the target's folder.
        report.files = detail::commitFiles(temp.path, parent, options.force);
    } else {
        const std::filesystem::path staged = temp.path / "bundle";
        std::filesystem::create_directories(staged);
        for (const ExportTable* t : tables)
            writeOne({t}, staged / (t->id + "." + driver.extension));
        // Into the folder out (made if missing): only the files written here are added or, with force, replaced.
        report.files = detail::commitFiles(staged, out, options.force);
    }
    return report;
}

}  // namespace layers
