// exportSource: any GDAL vector layer to the export formats, streamed through two threads.
//
//   reader thread                                   calling thread (writer)
//   GetNextFeature on its own dataset handle   →    SetFieldsFrom + CreateFeature into the temporary file,
//   reprojection (its own transformation),   queue  progress and cancel, sidecars, rename into place
//   DBF text checks (encoding, 254-byte cut)  of batches
//
// The queue holds at most a few batches, so memory stays flat whatever the layer's size.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

#include <cpl_conv.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "io/checked_files.h"
#include "export/export_support.h"
#include "io/gdal_config.h"
#include "io/gdal_drivers.h"
#include "layers/exporter.h"
#include "io/ogr_convert.h"
#include "io/read_check.h"
#include "export/shapefile_writer.h"
#include "io/source_encoding.h"

namespace layers {

namespace {
constexpr std::size_t kBatchSize = 2048;
constexpr std::size_t kQueuedBatches = 6;

/// A value cut for the DBF, found by the reader.
struct LongValue {
    GIntBig fid;
    std::string id;
    std::string field;
    std::string value;
    std::size_t bytes;  ///< of the whole value in the target encoding
};

struct Batch {
    std::vector<OGRFeatureUniquePtr> features;
    std::size_t skipped = 0;          ///< features left out (--skip-bad)
    std::string firstSkipped;         ///< why the first of them was
    std::vector<std::size_t> widths;  ///< per source field: the longest DBF text in the batch, bytes in the target encoding
    std::vector<LongValue> longValues;
    bool pending = false;  ///< no batch yet: the reader is still working (BatchQueue::pop's wait ran out)
};

/// A bounded hand-over of batches from the reader thread to the writer; the reader's exception travels with it.
class BatchQueue {
public:
    /// False when the writer stopped (error or cancel): the reader then ends.
    bool push(Batch&& batch)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_queue.size() < kQueuedBatches || m_stopped; });
        if (m_stopped)
            return false;
        m_queue.push_back(std::move(batch));
        m_changed.notify_all();
        std::vector<Batch> written;
        written.swap(m_written);
        lock.unlock();
        return true;  // written batches are freed here, in the thread that allocated their features (glibc arenas)
    }
    /// A batch the writer is done with, handed back to be freed by the reader.
    void giveBack(Batch&& batch)
    {
        std::lock_guard lock(m_mutex);
        if (!m_stopped && !m_closed)
            m_written.push_back(std::move(batch));
    }
    void close(std::exception_ptr error = nullptr)
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_error = error;
        m_changed.notify_all();
    }
    /// The next batch; nothing at the end; rethrows the reader's exception. Waits at most `wait` (then an empty
    /// batch with `pending` set comes back, so that the writer can report progress and see a cancel while the
    /// reader is busy with one huge feature).
    std::optional<Batch> pop(std::chrono::milliseconds wait = std::chrono::milliseconds(50))
    {
        std::unique_lock lock(m_mutex);
        if (!m_changed.wait_for(lock, wait, [&] { return !m_queue.empty() || m_closed; })) {
            Batch none;
            none.pending = true;
            return none;
        }
        if (!m_queue.empty()) {
            Batch batch = std::move(m_queue.front());
            m_queue.pop_front();
            m_changed.notify_all();
            return batch;
        }
        if (m_error)
            std::rethrow_exception(m_error);
        return std::nullopt;
    }
    /// Whether the writer stopped: the reader looks at this after every feature.
    bool stopped() const { return m_stopFlag.load(std::memory_order_relaxed); }
    void stop()
    {
        std::lock_guard lock(m_mutex);
        m_stopFlag = true;
        m_stopped = true;
        m_queue.clear();
        m_written.clear();
        m_changed.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Batch> m_queue;
    std::vector<Batch> m_written;
    bool m_closed = false;
    bool m_stopped = false;
    std::atomic<bool> m_stopFlag{false};
    std::exception_ptr m_error;
};

/// Stops the queue and joins the reader however the writer leaves.
struct ReaderThread {
    BatchQueue& queue;
    std::thread thread;
    ~ReaderThread()
    {
        queue.stop();
        if (thread.joinable())
            thread.join();
    }
};

using detail::ThreadConfig;

/// What the reader needs, fixed before it starts.
struct ReadPlan {
    std::string source;  ///< for messages: file, layer
    std::string crs;
    OGRSpatialReference from, to;
    bool reproject = false;
    bool dbf = false;              ///< shapefile: text checked and cut for the DBF
    std::string encoding;          ///< UTF-8 or GBK
    std::vector<bool> dbfText;     ///< per source field: written to the DBF as text
    std::vector<std::string> names;  ///< source field names
    std::string driver;              ///< GDAL's name of the source driver
    bool checkUtf8 = false;          ///< a source without a declared encoding: every text value must be UTF-8
    bool skipBad = false;            ///< features GDAL cannot read whole are skipped and counted, not an error
};

std::string featureWhere(const std::string& source, const OGRFeature& f)
{
    std::string where = source + ", feature " + std::to_string(f.GetFID());
    if (f.GetFieldCount() > 0 && f.IsFieldSetAndNotNull(0)) {
        // The first field names the feature; clipped, as it may be a 10 MB text (or a CSV's WKT).
        const char* id = f.GetFieldAsString(0);
        const std::size_t n = strnlen(id, 81);
        std::size_t end = std::min<std::size_t>(n, 80);
        while (n > 80 && end > 0 && (static_cast<unsigned char>(id[end]) & 0xC0) == 0x80)
            --end;
        where += " (" + std::string(id, end) + (n > 80 ? "…" : "") + ")";
    }
    return where;
}

void prepare(OGRFeature& f, const ReadPlan& plan, OGRCoordinateTransformation* transform, Batch& batch)
{
    if (plan.checkUtf8)
        for (int k = 0; k < f.GetFieldCount(); ++k)
            if (f.GetFieldDefnRef(k)->GetType() == OFTString && f.IsFieldSetAndNotNull(k) && !detail::validUtf8(f.GetFieldAsString(k)))
                throw DataError(featureWhere(plan.source, f) + ", field " + plan.names[k],
                                "text is not UTF-8 and the .dbf declares no encoding; add a .cpg file naming it (e.g. 936 for GBK)");
    if (transform)
        if (OGRGeometry* g = f.GetGeometryRef(); g && !g->IsEmpty() && g->transform(transform) != OGRERR_NONE)
            throw DataError(featureWhere(plan.source, f), "cannot be transformed to " + plan.crs);
    if (!plan.dbf)
        return;
    detail::orientRings(f.GetGeometryRef());
    for (int k = 0; k < static_cast<int>(plan.dbfText.size()); ++k) {
        if (!plan.dbfText[k] || !f.IsFieldSetAndNotNull(k))
            continue;
        const char* value = f.GetFieldAsString(k);
        // field 0 clipped in featureWhere: cheap
        detail::DbfText fitted = detail::fitDbfText(value, plan.encoding, [&] { return featureWhere(plan.source, f) + ", field " + plan.names[k]; });
        if (fitted.wasCut()) {
            std::string whole = value;  // copied first: reading field 0 may reuse the buffer value points into
            batch.longValues.push_back({f.GetFID(), f.GetFieldCount() > 0 ? f.GetFieldAsString(0) : "", plan.names[k], std::move(whole), fitted.fullBytes});
            f.SetField(k, fitted.cut.c_str());
        }
        batch.widths[k] = std::max(batch.widths[k], fitted.bytes);
    }
}

/// Runs in the reader thread, which owns the source dataset (layer belongs to it) from now on.
void readAll([[maybe_unused]] GDALDatasetUniquePtr owned, OGRLayer* layer, const ReadPlan& plan, BatchQueue& queue)
{
    try {
        CPLErrorReset();
        std::unique_ptr<OGRCoordinateTransformation> transform;
        if (plan.reproject) {
            transform.reset(OGRCreateCoordinateTransformation(&plan.from, &plan.to));
            if (!transform)
                throw DataError(plan.crs, "no transformation from the CRS of " + plan.source);
        }
        auto fresh = [&] {
            Batch b;
            b.features.reserve(kBatchSize);
            b.widths.assign(plan.names.size(), 0);
            return b;
        };
        Batch batch = fresh();
        detail::ReadCheck check(*layer, plan.driver);
        layer->ResetReading();
        GIntBig lastFid = OGRNullFID;  // the last feature read whole, to say where reading stopped
        while (OGRFeature* raw = layer->GetNextFeature()) {
            OGRFeatureUniquePtr f(raw);
            lastFid = f->GetFID();
            if (queue.stopped())  // cancelled or failed: checked per feature, as one feature may take seconds
                return;
            if (const std::string why = check.problem(*f); !why.empty()) {
                if (!plan.skipBad)
                    throw UnreadableFeatures(featureWhere(plan.source, *f), why + "; correct the file, or export with --skip-bad to leave such features out (counted)");
                if (batch.skipped++ == 0)
                    batch.firstSkipped = featureWhere(plan.source, *f) + ": " + why;
                continue;
            }
            prepare(*f, plan, transform.get(), batch);
            batch.features.push_back(std::move(f));
            if (batch.features.size() == kBatchSize) {
                if (!queue.push(std::move(batch)))
                    return;
                batch = fresh();
            }
        }
        if (const std::string why = check.failure(); !why.empty())
            throw DataError(plan.source, "cannot be read to the end (" +
                                             (lastFid == OGRNullFID ? std::string("no feature could be read") : "after feature " + std::to_string(lastFid)) +
                                             "): " + why);
        if (!batch.features.empty() && !queue.push(std::move(batch)))
            return;
        queue.close();
    } catch (...) {
        queue.close(std::current_exception());
    }
}

}  // namespace

ExportReport exportSource(const std::filesystem::path& source, const std::string& sourceLayer, const std::filesystem::path& out,
                          const ExportOptions& options, const ExportProgress& progress)
{
    const char* driverName = detail::gdalDriver(options.format);
    detail::checkEncoding(options.encoding);
    const bool shp = options.format == "shp";
    const bool gpkg = options.format == "gpkg";

    // The source: any vector format GDAL reads.
    std::error_code ec;
    if (!std::filesystem::exists(source, ec))
        throw DataError(source.string(), "does not exist");
    GDALDatasetUniquePtr ds = detail::openVector(source.string());
    auto layerList = [&] {
        std::string names;
        for (int i = 0; i < ds->GetLayerCount(); ++i)
            names += (i ? ", " : "") + std::string(ds->GetLayer(i)->GetName());
        return names;
    };
    OGRLayer* layer = nullptr;
    if (!sourceLayer.empty()) {
        layer = ds->GetLayerByName(sourceLayer.c_str());
        if (!layer)
            throw DataError(source.string(), "no layer '" + sourceLayer + "'; layers: " + layerList());
    } else if (ds->GetLayerCount() == 1) {
        layer = ds->GetLayer(0);
    } else if (ds->GetLayerCount() == 0) {
        throw DataError(source.string(), "holds no vector layer");
    } else if (int spatial = 0, last = -1; [&] {
                   for (int i = 0; i < ds->GetLayerCount(); ++i)
                       if (ds->GetLayer(i)->GetGeomType() != wkbNone)
                           ++spatial, last = i;
                   return spatial == 1;
               }()) {
        layer = ds->GetLayer(last);  // the one layer with geometry (e.g. parcels beside its parcels_info table)
    } else {
        throw DataError(source.string(), std::to_string(ds->GetLayerCount()) + " layers (" + layerList() + "); choose one with --source-layer");
    }
    const std::string layerName = layer->GetName();
    const std::string where = source.string() + ", layer " + layerName;
    // A shapefile whose text encoding is not declared: GBK is converted (and said), anything else refused.
    const detail::SourceEncoding encoding = detail::detectEncoding(*ds, *layer, source.string());
    if (!encoding.openOptions.empty()) {
        ds = detail::openVectorWith(source.string(), encoding.openOptions);
        layer = ds->GetLayerByName(layerName.c_str());
        if (!layer)
            throw DataError(source.string(), "layer " + layerName + " cannot be opened again with " + encoding.openOptions.front());
    }
    // Copies of the source schema: the layer belongs to the reader thread once it starts.
    const OGRFeatureDefn* srcDefn = layer->GetLayerDefn();
    const int fieldCount = srcDefn->GetFieldCount();
    std::vector<std::unique_ptr<OGRFieldDefn>> srcFields;
    for (int k = 0; k < fieldCount; ++k)
        srcFields.push_back(std::make_unique<OGRFieldDefn>(srcDefn->GetFieldDefn(k)));
    const OGRwkbGeometryType geomType = srcDefn->GetGeomFieldCount() > 0 ? layer->GetGeomType() : wkbNone;

    ExportReport report;
    if (!encoding.note.empty())
        report.warnings.push_back(encoding.note);
    ReadPlan plan;
    plan.source = where;
    plan.driver = ds->GetDriver() ? ds->GetDriver()->GetDescription() : "";
    plan.checkUtf8 = encoding.undeclared && encoding.openOptions.empty();
    plan.skipBad = options.skipBad;
    plan.dbf = shp;
    plan.encoding = options.encoding;

    // CRS: the source's, or options.crs with a reprojection in the reader thread.
    bool hasSrs = false;
    if (const OGRSpatialReference* s = layer->GetSpatialRef(); s && geomType != wkbNone) {
        plan.from = *s;
        plan.from.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        hasSrs = true;
    }
    plan.to = plan.from;
    if (!options.crs.empty() && geomType != wkbNone) {
        plan.crs = options.crs;
        try {
            plan.to = detail::spatialReference(options.crs);
        } catch (const DataError&) {
            if (!geo::crs::fileReference(options.crs).empty())
                throw;  // refused because it names a file: the message says which
            throw DataError(options.crs, "not a coordinate reference system GDAL/PROJ knows");
        }
        if (!hasSrs) {
            report.warnings.push_back(where + " has no coordinate reference system; coordinates written unchanged, labelled " + options.crs);
        } else if (!plan.to.IsSame(&plan.from)) {
            std::unique_ptr<OGRCoordinateTransformation> check(OGRCreateCoordinateTransformation(&plan.from, &plan.to));
            if (!check)
                throw DataError(options.crs, "no transformation from the CRS of " + where);
            plan.reproject = true;
            // A CRS whose area of use misses the layer (its extent in CGCS2000 degrees) is refused.
            OGREnvelope e;
            OGRSpatialReference lonLat = detail::spatialReference("EPSG:4490");
            std::unique_ptr<OGRCoordinateTransformation> toLonLat(OGRCreateCoordinateTransformation(&plan.from, &lonLat));
            geo::Box box = geo::Box::empty();
            if (!options.anyCrs && toLonLat && layer->GetExtent(&e, FALSE) == OGRERR_NONE &&
                toLonLat->TransformBounds(e.MinX, e.MinY, e.MaxX, e.MaxY, &box.minX, &box.minY, &box.maxX, &box.maxY, 21))
                if (const std::string problem = detail::extentProblem(plan.to, options.crs, box); !problem.empty())
                    throw DataError("--crs", problem + "; --any-crs writes it anyway");
        }
        hasSrs = true;
    } else if (!hasSrs && geomType != wkbNone) {
        report.warnings.push_back(where + " has no coordinate reference system (no .prj?); written without one: give --crs to label "
                                          "the coordinates (e.g. --crs EPSG:4490 for CGCS2000 degrees)");
    }

    // Fields: DBF names ≤ 10 bytes for shapefiles, text checked for the DBF.
    std::vector<ExportField> fields;
    for (int k = 0; k < fieldCount; ++k) {
        const OGRFieldDefn* f = srcFields[k].get();
        fields.emplace_back(f->GetNameRef(), FieldType::String, f->GetAlternativeNameRef());
        plan.names.push_back(f->GetNameRef());
        plan.dbfText.push_back(shp && detail::dbfText(f->GetType()));
    }
    const std::vector<std::string> names = shp ? shortFieldNames(fields) : plan.names;

    // Where it goes: a file, or <layer>.<ext> in a folder; a shapefile without geometry is its .dbf alone.
    std::filesystem::path target = out;
    if (std::filesystem::is_directory(out) || out.extension().empty())
        target = out / (layerName + "." + formatExtension(options.format));
    if (shp && geomType == wkbNone)
        target.replace_extension(".dbf");
    const std::filesystem::path parent = std::filesystem::absolute(target).parent_path();
    if (!std::filesystem::is_directory(parent))
        throw DataError(parent.string(), "folder does not exist");
    if (!options.force && std::filesystem::exists(target))  // checked again, with the sidecars, before the rename
        throw DataError(target.string(), "exists; use --force to replace it (only the files this export writes)");
    const std::string stem = target.stem().string();

    const GIntBig counted = layer->GetFeatureCount(FALSE);
    const std::size_t total = counted > 0 ? static_cast<std::size_t>(counted) : 0;
    const bool preserveFid = gpkg && std::strlen(layer->GetFIDColumn()) > 0;

    detail::TemporaryFolder temp(parent);
    const std::filesystem::path file = temp.path / target.filename();
    std::optional<detail::ShapefileWriter> shapefile;
    if (shp)
        shapefile.emplace(options.encoding, temp.path, stem, where);
    // The temporary GeoPackage becomes the target only by the final rename: no need to sync or journal it.
    std::optional<ThreadConfig> sync, journal, cache;
    if (gpkg) {
        sync.emplace("OGR_SQLITE_SYNCHRONOUS", "OFF");
        journal.emplace("OGR_SQLITE_JOURNAL", "MEMORY");
        cache.emplace("OGR_SQLITE_CACHE", "256");
    }
    // Every write checked: through the checked-write handler (SQLite checks a GeoPackage's writes itself), and
    // GDAL's failures collected until the end, also those while closing.
    detail::GdalFailures failures;
    GDALDriver* gdal = GetGDALDriverManager()->GetDriverByName(driverName);
    const std::string fileName = gpkg ? file.string() : detail::checkedName(file);
    GDALDatasetUniquePtr dst(gdal->Create(fileName.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!dst)
        throw DataError(target.string(), "cannot create: " + detail::writeFailureCause(temp.path));

    // The reader starts now; the first batch decides the DBF text widths (later longer values widen the field).
    BatchQueue queue;
    ReaderThread reader{queue, {}};
    reader.thread = std::thread(readAll, std::move(ds), layer, std::cref(plan), std::ref(queue));
    // Progress (and so a cancel) is reported at least every 50 ms, whether the reader is busy with one huge
    // feature or the writer with one long batch.
    std::size_t written = 0;
    auto lastTick = std::chrono::steady_clock::now();
    auto tick = [&] {
        lastTick = std::chrono::steady_clock::now();
        const double done = total ? std::min(1.0, static_cast<double>(written) / static_cast<double>(total)) : 0.0;
        if (progress && !progress(done, layerName))
            throw ExportCancelled();
    };
    auto next = [&]() -> std::optional<Batch> {
        for (;;) {
            std::optional<Batch> b = queue.pop();
            if (!b || !b->pending)
                return b;
            tick();
        }
    };
    std::optional<Batch> batch = next();

    CPLStringList layerOptions;
    if (shp)
        layerOptions.AddString(detail::shapefileEncodingOption(options.encoding));
    if (gpkg)
        layerOptions.AddString("SPATIAL_INDEX=YES");
    if (options.format == "csv") {
        layerOptions.AddString(options.csvGeometry == "xy" && wkbFlatten(geomType) == wkbPoint ? "GEOMETRY=AS_XY" : "GEOMETRY=AS_WKT");
        layerOptions.AddString("CREATE_CSVT=YES");
        layerOptions.AddString("WRITE_BOM=YES");
    }
    if (options.format == "geojson")
        layerOptions.AddString("WRITE_NAME=YES");
    const bool dxf = options.format == "dxf";
    // The reader orients shapefile rings (orientRings); GDAL 3.6's writer would do it quadratically.
    std::optional<detail::NoRewind> rewind;
    if (shp)
        rewind.emplace();  // read when the layer is created
    OGRLayer* dstLayer = dxf ? dst->CreateLayer("entities", nullptr, wkbUnknown, nullptr)
                             : dst->CreateLayer(layerName.c_str(), geomType == wkbNone || !hasSrs ? nullptr : &plan.to, geomType, layerOptions.List());
    if (!dstLayer)
        throw DataError(where, "cannot create the output layer: " + detail::writeFailureCause(temp.path));
    std::vector<int> fieldMap(static_cast<std::size_t>(fieldCount), -1);
    if (!dxf)
        for (int k = 0; k < fieldCount; ++k) {
            if (shapefile) {
                shapefile->createField(*dstLayer, *srcFields[k], names[k], batch ? batch->widths[k] : 1, fields[k].description);
                fieldMap[k] = k;
                continue;
            }
            OGRFieldDefn defn(srcFields[k].get());
            const int created = dstLayer->GetLayerDefn()->GetFieldCount();
            if (dstLayer->CreateField(&defn, TRUE) != OGRERR_NONE || dstLayer->GetLayerDefn()->GetFieldCount() != created + 1)
                throw DataError(where, "cannot create field " + plan.names[k] + ": " + detail::writeFailureCause(temp.path));
            // The new field is the last one; not looked up by name: the driver may alter a name it cannot store
            // (bytes invalid in the DBF's encoding), and a lookup by name then found none (values lost, then a crash).
            fieldMap[k] = created;
        }
    if (gpkg && dst->StartTransaction() != OGRERR_NONE)
        throw DataError(target.string(), "cannot start a transaction: " + detail::writeFailureCause(temp.path));
    // Left by an error or a cancel: the GeoPackage's rows are rolled back before it closes, so that closing it
    // does not build the R-tree of what was written (seconds for 300k features) only to remove the file.
    struct RollbackUnlessCommitted {
        GDALDataset* ds;
        bool open;
        ~RollbackUnlessCommitted()
        {
            if (open)
                ds->RollbackTransaction();
        }
    } rollback{dst.get(), gpkg};

    std::size_t skipped = 0;
    std::string firstSkipped;
    OGRFeatureDefn* dstDefn = dstLayer->GetLayerDefn();
    const int layerField = dxf ? dstDefn->GetFieldIndex("Layer") : -1;
    OGRFeature f(dstDefn);  // reused: every mapped field is set or unset, the geometry replaced, for each feature
    for (; batch; batch = next()) {
        for (OGRFeatureUniquePtr& src : batch->features) {
            if (std::chrono::steady_clock::now() - lastTick > std::chrono::milliseconds(50))
                tick();
            if (!dxf)
                f.SetFieldsFrom(src.get(), fieldMap.data(), TRUE);
            else if (layerField >= 0)
                f.SetField(layerField, layerName.c_str());
            f.SetGeometryDirectly(src->StealGeometry());
            f.SetFID(preserveFid ? src->GetFID() : OGRNullFID);
            if (dstLayer->CreateFeature(&f) != OGRERR_NONE)
                throw DataError(featureWhere(where, *src), "cannot be written: " + detail::writeFailureCause(temp.path));
            src->SetGeometryDirectly(f.StealGeometry());  // freed with its batch by the reader, whose arena it came from
            ++written;
        }
        report.features += batch->features.size();
        if (batch->skipped) {
            if (skipped == 0)
                firstSkipped = batch->firstSkipped;
            skipped += batch->skipped;
        }
        for (LongValue& l : batch->longValues)
            shapefile->cut(std::to_string(l.fid), l.id, l.field, std::move(l.value), l.bytes,
                           where + ", feature " + std::to_string(l.fid) + ", field " + l.field, report);
        queue.giveBack(std::move(*batch));
        tick();
    }
    if (skipped)
        report.warnings.push_back(std::to_string(skipped) + " feature(s) of " + where + " left out (--skip-bad): they cannot be read whole; the first: " +
                                  firstSkipped);
    rollback.open = false;
    if (gpkg && dst->CommitTransaction() != OGRERR_NONE)
        throw DataError(target.string(), "commit failed: " + detail::writeFailureCause(temp.path));

    if (shapefile)
        shapefile->finish(*dstLayer, report);  // the sidecars, with the widths and names the driver gave
    dst.reset();  // closes the file: a GeoPackage builds its spatial index here, after the bulk insert
    detail::checkWritten(temp.path, failures, target.string());
    if (progress && !progress(1.0, layerName))
        throw ExportCancelled();
    report.files = detail::commitFiles(temp.path, parent, options.force);
    return report;
}

}  // namespace layers
