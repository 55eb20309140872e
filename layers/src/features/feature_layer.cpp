#include "layers/feature_layer.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <exception>
#include <optional>
#include <system_error>
#include <thread>


#include "features/feature_read.h"
#include "geo/projection.h"
#include "layers/errors.h"
#include "io/ogr_convert.h"
#include "io/source_encoding.h"
#include "layers/data_location.h"
#include "store/open_data.h"

// FeatureLayer in four files: loading here (open, grid, memory check, reader threads), reading in
// feature_read.cpp, the store and its R-tree in feature_store.cpp, identify in feature_identify.cpp.

namespace layers {

using namespace detail::features;

std::shared_ptr<FeatureLayer> FeatureLayer::load(const std::filesystem::path& path, const FeatureLayerOptions& options,
                                                 const LoadProgress& progress)
{
    const auto start = std::chrono::steady_clock::now();
    // A PostGIS table is named by its server without the password in every message (DataLocation::shownConnection).
    const bool postgres = path.string().rfind("PG:", 0) == 0;
    const std::string file = postgres ? DataLocation(path.string()).shownConnection() : path.string();
    if (options.displayCrs.empty())
        throw std::invalid_argument("FeatureLayer::load: no display CRS");
    // A PostGIS table (PG:<connection> and options.layer "schema.table"): GDAL's PostgreSQL driver.
    GDALDatasetUniquePtr ds = postgres ? detail::takePostgresSource(path.string()) : detail::openVector(file);
    if (ds->GetLayerCount() == 0 && !postgres)
        throw DataError(file, "has no vector layers");
    OGRLayer* l = options.layer.empty() ? nullptr : ds->GetLayerByName(options.layer.c_str());
    if (options.layer.empty()) {
        // The first layer with geometry (a GeoPackage may hold attribute tables first).
        for (int i = 0; i < ds->GetLayerCount() && !l; ++i)
            if (ds->GetLayer(i)->GetGeomType() != wkbNone)
                l = ds->GetLayer(i);
        if (!l)
            l = ds->GetLayer(0);
    }
    if (!l) {
        std::string names;
        for (int i = 0; i < ds->GetLayerCount(); ++i)
            names += (i ? ", " : "") + std::string(ds->GetLayer(i)->GetName());
        throw DataError(file, "no layer '" + options.layer + "'; layers: " + names);
    }
    if (l->GetGeomType() == wkbNone)
        throw DataError(file, "layer '" + std::string(l->GetName()) + "' has no geometry");

    std::shared_ptr<FeatureLayer> out(new FeatureLayer());
    // A shapefile without a declared encoding: GBK text is converted (and said), anything but UTF-8 refused.
    const detail::SourceEncoding encoding = detail::detectEncoding(*ds, *l, file);
    out->m_openOptions = encoding.openOptions;
    if (!encoding.note.empty())
        out->m_notes.push_back(encoding.note);
    out->m_file = postgres ? std::filesystem::path(file) : path;  // never the password
    out->m_stamps = stampsOf(path);  // before reading: a change during the load is caught too
    out->m_layerName = l->GetName();
    out->m_displayCrs = options.displayCrs;
    out->m_kind = kindOf(l->GetGeomType());
    out->m_styleField = chooseStyleField(l->GetLayerDefn(), options.styleField, file);

    // The extent fixes the grid before reading. Where the driver does not know it (GeoJSON, CSV, KML) asking
    // for it reads the whole file once more (GeoJSON: 1.7 s of 4 s for a 1M-vertex ring); with a CRS the grid
    // is then made from the features read instead (deferGrid). A layer without CRS needs it to see degrees.
    OGREnvelope env;
    if (options.sourceBox) {
        env.MinX = options.sourceBox->minX, env.MinY = options.sourceBox->minY, env.MaxX = options.sourceBox->maxX, env.MaxY = options.sourceBox->maxY;
        l->SetSpatialFilterRect(env.MinX, env.MinY, env.MaxX, env.MaxY);
    }
    const bool cheapExtent = options.sourceBox || l->GetExtent(&env, FALSE) == OGRERR_NONE;
    const bool deferGrid = !cheapExtent && !crsOf(*l).empty();
    if (!cheapExtent && (deferGrid || l->GetExtent(&env, TRUE) != OGRERR_NONE))
        env = OGREnvelope();  // empty layer, or found later
    std::string sourceCrs = crsOf(*l);
    if (sourceCrs.empty()) {
        if (env.MinX >= -180 && env.MaxX <= 180 && env.MinY >= -90 && env.MaxY <= 90) {
            sourceCrs = "EPSG:4490";  // no CRS but degrees: CGCS2000 lon/lat, as Chinese data usually is
            out->m_notes.push_back(file + ": layer '" + out->m_layerName + "' has no CRS (no .prj?); its coordinates are degrees, "
                                   "read as CGCS2000 lon/lat (EPSG:4490)");
        }
        else
            throw DataError(file, "layer '" + out->m_layerName + "' has no CRS (no .prj?) and its coordinates are not degrees");
    }
    // The grid: the extent in the display CRS (sampled along a 21x21 lattice), padded by 10%.
    geo::Box displayExtent = geo::Box::empty();
    {
        std::vector<geo::Point> lattice;
        for (int j = 0; j <= 20; ++j)
            for (int i = 0; i <= 20; ++i)
                lattice.push_back({env.MinX + (env.MaxX - env.MinX) * i / 20, env.MinY + (env.MaxY - env.MinY) * j / 20});
        if (sourceCrs != options.displayCrs) {
            // A CRS PROJ cannot transform (e.g. a damaged .prj) is the file's problem: said with its name.
            std::optional<geo::Projection> projection;
            try {
                projection.emplace(sourceCrs, options.displayCrs);
            } catch (const geo::ProjectionError& e) {
                throw DataError(file, std::string("its coordinate reference system cannot be used: ") + e.what());
            }
            projection->forward(lattice);
        }
        for (const geo::Point& p : lattice)
            if (std::isfinite(p.x) && std::isfinite(p.y))
                displayExtent.expand(p);
    }
    Grid grid;
    if (!displayExtent.isEmpty()) {
        const double span = std::max({displayExtent.width(), displayExtent.height(), 1e-9});
        grid.origin = {displayExtent.centre().x, displayExtent.centre().y};
        grid.unit = span * 1.2 / kGridSpan;  // centred: ±0.6 span fits in ±2^29 units
    }
    out->m_origin = grid.origin;
    out->m_unit = grid.unit;

    // Readers: FID ranges of a GeoPackage on two threads, otherwise one sequential reader.
    // (a view of a PostGIS table is not counted first: that would ask the server twice)
    const std::int64_t total = postgres && options.sourceBox ? 0 : std::max<GIntBig>(0, l->GetFeatureCount(TRUE));
    const std::string driver = ds->GetDriver() ? ds->GetDriver()->GetDescription() : "";
    const std::string fidColumn = l->GetFIDColumn();
    unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    std::vector<Range> ranges{Range{}};
    if (driver == "GPKG" && !fidColumn.empty() && threads > 1 && total > 20000) {
        const std::string sql = "SELECT MIN(\"" + fidColumn + "\"), MAX(\"" + fidColumn + "\") FROM \"" + out->m_layerName + "\"";
        if (const detail::SqlResult r = detail::executeSql(*ds, sql)) {
            std::unique_ptr<OGRFeature> f(r->GetNextFeature());
            if (f && f->IsFieldSetAndNotNull(0) && f->IsFieldSetAndNotNull(1)) {
                const std::int64_t lo = f->GetFieldAsInteger64(0), hi = f->GetFieldAsInteger64(1);
                threads = std::min(threads, 2u);
                ranges.clear();
                for (unsigned t = 0; t < threads; ++t)
                    ranges.push_back({true, lo + (hi - lo + 1) * t / threads, lo + (hi - lo + 1) * (t + 1) / threads - 1});
            }
        }
    }
    // Memory: a layer that cannot fit is refused before reading (an out-of-memory kill loses the window's work).
    // Vertices are estimated from the bytes holding the geometry: 16 a vertex in the binary formats (exact
    // for a shapefile's .shp, the mean blob of the first 2,000 features for a GeoPackage), at least as many in
    // text formats, so the estimate errs on the large side.
    {
        std::error_code ec;
        std::uint64_t geometryBytes = 0;
        if (driver == "GPKG" && !std::string(l->GetGeometryColumn()).empty()) {
            const std::string sql = "SELECT AVG(LENGTH(\"" + std::string(l->GetGeometryColumn()) + "\")) FROM (SELECT \"" +
                                    l->GetGeometryColumn() + "\" FROM \"" + out->m_layerName + "\" LIMIT 2000)";
            if (const detail::SqlResult r = detail::executeSql(*ds, sql)) {
                std::unique_ptr<OGRFeature> f(r->GetNextFeature());
                if (f && f->IsFieldSetAndNotNull(0))
                    geometryBytes = static_cast<std::uint64_t>(std::max(0.0, f->GetFieldAsDouble(0)) * static_cast<double>(total));
            }
        } else if (driver == "ESRI Shapefile") {
            geometryBytes = std::filesystem::file_size(std::filesystem::path(file).replace_extension(".shp"), ec);
            if (ec)
                geometryBytes = 0;
        } else if (std::filesystem::is_regular_file(path, ec)) {
            geometryBytes = std::filesystem::file_size(path, ec);
        }
        const std::uint64_t vertices = geometryBytes / 16;
        const std::uint64_t need = loadMemoryNeeded(static_cast<std::uint64_t>(total), vertices);
        const MemoryBudget budget = availableMemory();
        const char* setting = std::getenv("GZPLAN_MEMORY_LIMIT");
        if (need > budget.bytes && !(setting && std::string(setting) == "off"))  // off: try anyway (an allocation that fails is a DataError)
            throw DataError(file, "layer '" + out->m_layerName + "' needs about " + std::to_string(need >> 20) + " MB to load (" +
                                      std::to_string(total) + " features, about " + std::to_string(vertices) + " vertices) but only " +
                                      std::to_string(budget.bytes >> 20) + " MB are available (" + budget.limitedBy + "); " + memoryFix);
    }
    // A view of a PostGIS table (ViewportLayer): libpq's binary rows rather than GDAL's features, where the table
    // has what that reader needs (a FID column, a geometry column, an EPSG CRS).
    std::string fastTable, geometryColumn;
    int srid = 0;
    if (postgres && options.sourceBox && !options.gdalReader && !fidColumn.empty() && crsOf(*l).rfind("EPSG:", 0) == 0 &&
        !std::string(l->GetGeometryColumn()).empty()) {
        fastTable = options.layer;
        geometryColumn = l->GetGeometryColumn();
        srid = std::atoi(sourceCrs.c_str() + 5);
    }
    GDALDatasetUniquePtr reuse;
    if (ranges.size() == 1 && out->m_openOptions.empty())
        reuse = std::move(ds);
    ds.reset();

    SharedState shared;
    std::vector<ReadJob> jobs(ranges.size());
    for (std::size_t t = 0; t < ranges.size(); ++t) {
        ReadJob& job = jobs[t];
        job.file = file;
        job.layer = out->m_layerName;
        job.sourceCrs = sourceCrs;
        job.displayCrs = options.displayCrs;
        job.styleField = out->m_styleField;
        job.fidColumn = fidColumn;
        job.skipBad = options.skipBad;
        job.openOptions = out->m_openOptions;
        job.grid = grid;
        job.deferGrid = deferGrid;
        job.range = ranges[t];
        job.sourceBox = options.sourceBox;
        job.categories = options.categories;
        job.shared = &shared;
        job.cancel = options.cancel;
        if (!fastTable.empty()) {
            job.postgresLocation = path.string();
            job.postgresTable = fastTable;
            job.geometryColumn = geometryColumn;
            job.srid = srid;
        }
        if (t == 0) {
            job.opened = std::move(reuse);
            job.keepOpened = postgres && job.opened;
        }
    }
    {
        std::atomic<int> running{static_cast<int>(jobs.size())};
        std::vector<std::thread> workers;
        // However this block is left (a thread that cannot be started for want of memory, a progress callback
        // that throws), the threads started are stopped and joined: a joinable std::thread destroyed is
        // std::terminate (seen under a 300 MB address-space limit).
        struct StopAndJoin {
            std::vector<std::thread>& threads;
            SharedState& shared;
            ~StopAndJoin()
            {
                if (std::uncaught_exceptions() > 0)
                    shared.stop = true;
                for (std::thread& t : threads)
                    if (t.joinable())
                        t.join();
            }
        } joinAll{workers, shared};
        try {
            for (std::size_t t = 1; t < jobs.size(); ++t)
                workers.emplace_back([&job = jobs[t], &running] { job.run(); --running; });
            if (progress) {
                // The calling thread reports progress and may cancel; the first range runs on its own thread then.
                workers.emplace_back([&job = jobs[0], &running] { job.run(); --running; });
                while (running > 0) {
                    const double share = total > 0 ? std::min(1.0, double(shared.done) / double(total)) : 0.0;
                    if (!shared.stop && !progress(share * 0.9))
                        shared.stop = true;
                    std::this_thread::sleep_for(std::chrono::milliseconds(20));
                }
            } else {
                jobs[0].run();
                --running;
            }
        } catch (const std::system_error& e) {
            shared.stop = true;
            throw DataError(file, "layer '" + out->m_layerName + "': cannot start a reading thread (" + e.what() + "); " + notEnoughMemory);
        }
    }
    for (const ReadJob& job : jobs)
        if (job.error)
            std::rethrow_exception(job.error);
    if (postgres && !jobs.empty() && jobs[0].opened)
        detail::givePostgresSource(path.string(), std::move(jobs[0].opened));
    if (shared.stop || (options.cancel && *options.cancel))
        throw LoadCancelled();
    for (const ReadJob& job : jobs) {
        if (out->m_firstSkipped.empty())
            out->m_firstSkipped = job.firstSkipped;
        out->m_skipped += job.skipped;
    }

    // Out of memory here or on the indexer thread: a DataError, not std::terminate (nor a bare "std::bad_alloc").
    try {
        out->store(jobs, deferGrid, progress);
    } catch (const std::bad_alloc&) {
        const std::string layer = out->m_layerName;
        out.reset();
        jobs.clear();
        throw DataError(file, "layer '" + layer + "': " + notEnoughMemory);
    }
    if (progress && !progress(0.99))
        throw LoadCancelled();
    out->m_loadSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (progress)
        progress(1.0);
    return out;
}

}  // namespace layers
