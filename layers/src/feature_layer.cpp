#include "layers/feature_layer.h"

#include <algorithm>
#include <sstream>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <cmath>
#include <exception>
#include <limits>
#include <map>
#include <system_error>
#include <thread>
#include <unordered_map>

#include <malloc.h>
#include <sys/stat.h>
#include <sys/resource.h>

#include <fstream>

#include <cpl_conv.h>

#include "geo/projection.h"
#include "layers/errors.h"
#include "ogr_convert.h"
#include "read_check.h"
#include "source_encoding.h"

namespace layers {

namespace {

constexpr double kGridSpan = 1073741824.0;  // 2^30 grid units over the padded extent
constexpr std::size_t kChunkFeatures = 32768;
constexpr std::size_t kChunkPoints = std::size_t(1) << 20;  // a chunk also ends at 1M vertices (one huge feature)
constexpr std::size_t kMaxCategories = 1024;  // more distinct values than this: the field is not a category

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

/// "EPSG:n" when the layer's CRS has an EPSG code, else its WKT; empty when the layer has no CRS.
std::string crsOf(const OGRLayer& layer)
{
    const OGRSpatialReference* srs = const_cast<OGRLayer&>(layer).GetSpatialRef();
    if (!srs)
        return {};
    const char* name = srs->GetAuthorityName(nullptr);
    const char* code = srs->GetAuthorityCode(nullptr);
    if (name && code && std::string(name) == "EPSG")
        return std::string("EPSG:") + code;
    char* wkt = nullptr;
    const char* options[] = {"FORMAT=WKT2_2019", nullptr};
    srs->exportToWkt(&wkt, options);
    const detail::CplString owned(wkt);
    return wkt ? wkt : "";
}

FeatureKind kindOf(OGRwkbGeometryType type)
{
    switch (wkbFlatten(type)) {
    case wkbPoint:
    case wkbMultiPoint:
        return FeatureKind::Points;
    case wkbLineString:
    case wkbMultiLineString:
    case wkbCircularString:
    case wkbCompoundCurve:
    case wkbMultiCurve:
        return FeatureKind::Lines;
    default:
        return FeatureKind::Polygons;
    }
}

/// Features read by one thread, in FID order, coordinates already in grid units.
struct Chunk {
    std::vector<std::int32_t> xy;
    std::vector<std::uint32_t> ringSize;     // vertices per ring
    std::vector<std::uint32_t> featureRings; // rings per feature
    std::vector<geo::FloatBox> bounds;
    std::vector<std::uint16_t> category;     // thread-local category ids
    std::vector<std::int64_t> fids;
    std::vector<geo::Point> display;          // deferred grid: the display coordinates until the grid is known
};

struct Grid {
    geo::Point origin;
    double unit = 1;
    std::int32_t toGrid(double v, double o) const
    {
        const double g = std::round((v - o) / unit);
        return static_cast<std::int32_t>(std::clamp(g, -2147483647.0, 2147483647.0));
    }
};

/// Why points from `from` on cannot be drawn: a coordinate that is not a finite number, or beyond ±1e10 (no
/// CRS on Earth has such coordinates; the layer's grid would lose every other feature's precision). Empty if fine.
std::string badCoordinate(const std::vector<geo::Point>& points, std::size_t from)
{
    for (std::size_t i = from; i < points.size(); ++i)
        for (const double v : {points[i].x, points[i].y})
            if (!std::isfinite(v) || std::abs(v) > 1e10) {
                std::ostringstream s;
                s << "vertex " << i - from + 1 << " (" << points[i].x << ", " << points[i].y << ") has a coordinate that is "
                  << (std::isfinite(v) ? "beyond ±1e10, outside any CRS on Earth" : "not a finite number");
                return s.str();
            }
    return {};
}

/// Appends the rings (or parts, or points) of a geometry to points, one size per ring.
void flatten(const OGRGeometry* g, std::vector<geo::Point>& points, std::vector<std::uint32_t>& ringSize)
{
    if (!g)
        return;
    const OGRwkbGeometryType t = wkbFlatten(g->getGeometryType());
    auto addCurve = [&](const OGRSimpleCurve* c) {
        const int n = c->getNumPoints();
        if (n == 0)
            return;
        for (int i = 0; i < n; ++i)
            points.push_back({c->getX(i), c->getY(i)});
        ringSize.push_back(static_cast<std::uint32_t>(n));
    };
    switch (t) {
    case wkbPoint: {
        const auto* p = g->toPoint();
        if (!p->IsEmpty()) {
            points.push_back({p->getX(), p->getY()});
            ringSize.push_back(1);
        }
        return;
    }
    case wkbLineString:
        addCurve(g->toLineString());
        return;
    case wkbPolygon:
        for (const OGRLinearRing* ring : *g->toPolygon())
            addCurve(ring);
        return;
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection:
        for (const OGRGeometry* part : *g->toGeometryCollection())
            flatten(part, points, ringSize);
        return;
    default:
        if (OGR_GT_IsNonLinear(t)) {
            std::unique_ptr<OGRGeometry> linear(g->getLinearGeometry());
            flatten(linear.get(), points, ringSize);
        }
        return;
    }
}

struct Range {
    bool filtered = false;
    std::int64_t first = 0, last = 0;
};

struct SharedState {
    std::atomic<std::size_t> done{0};
    std::atomic<bool> stop{false};
};

const std::string memoryFix =
    "load a smaller file, or cut out the area needed first (e.g. ogr2ogr -spat minX minY maxX maxY part.gpkg file.gpkg; "
    "gzplan export --source streams a file of any size)";
const std::string notEnoughMemory = "not enough memory to load it; " + memoryFix;

struct ReadJob {
    std::string file, layer, sourceCrs, displayCrs, styleField, fidColumn;
    std::vector<std::string> openOptions;  // e.g. ENCODING=CP936 for a GBK shapefile without .cpg
    bool skipBad = false;
    Grid grid;
    bool deferGrid = false;  // no cheap extent: coordinates kept in the display CRS, put on the grid after reading
    Range range;
    SharedState* shared = nullptr;
    // results
    std::vector<Chunk> chunks;
    std::vector<std::string> categories;  // thread-local dictionary
    std::size_t skipped = 0;
    std::string firstSkipped;
    std::exception_ptr error;
    GDALDatasetUniquePtr opened;  // the handle load() opened, for the one sequential reader (not opened twice)

    void run()
    {
        try {
            read();
        } catch (const std::bad_alloc&) {
            shared->stop = true;
            std::vector<Chunk>().swap(chunks);  // what was read goes, so that the message can be made
            error = std::make_exception_ptr(DataError(file, "layer '" + layer + "': " + notEnoughMemory));
        } catch (...) {
            error = std::current_exception();
            shared->stop = true;
        }
    }

    void read()
    {
        // A GeoJSON file is parsed whole when it is opened (3 s for a 1M-vertex ring): the handle load() opened
        // is read on when there is one reader, rather than opening the file a second time.
        GDALDatasetUniquePtr ds = opened ? std::move(opened) : detail::openVectorWith(file, openOptions);
        OGRLayer* l = ds->GetLayerByName(layer.c_str());
        if (!l)
            throw DataError(file, "no layer '" + layer + "'");
        // Features GDAL cannot read whole are noticed, not dropped (read_check.h).
        detail::ReadCheck check(*l, ds->GetDriver() ? ds->GetDriver()->GetDescription() : "");
        // Only the style field is read (and a CSV's WKT column, for the check); the other attributes stay in
        // the file for identify.
        std::vector<std::string> ignored{"OGR_STYLE"};
        OGRFeatureDefn* defn = l->GetLayerDefn();
        int styleIndex = -1;
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            const std::string name = defn->GetFieldDefn(i)->GetNameRef();
            if (name == styleField)
                styleIndex = i;
            else if (std::find(check.neededFields().begin(), check.neededFields().end(), name) == check.neededFields().end())
                ignored.push_back(name);
        }
        std::vector<const char*> ignoredC;
        for (const auto& s : ignored)
            ignoredC.push_back(s.c_str());
        ignoredC.push_back(nullptr);
        l->SetIgnoredFields(ignoredC.data());
        if (range.filtered) {
            const std::string where = "\"" + fidColumn + "\" >= " + std::to_string(range.first) + " AND \"" + fidColumn +
                                      "\" <= " + std::to_string(range.last);
            if (l->SetAttributeFilter(where.c_str()) != OGRERR_NONE)
                throw DataError(file, "layer '" + layer + "': cannot select features by " + fidColumn);
        }
        std::unique_ptr<geo::Projection> projection;
        if (!sourceCrs.empty() && sourceCrs != displayCrs)
            projection = std::make_unique<geo::Projection>(sourceCrs, displayCrs);

        std::unordered_map<std::string, std::uint16_t> dictionary;
        std::vector<geo::Point> points;
        std::vector<std::uint32_t> pointFeature;  // feature (within chunk) of each ring, to name failures
        Chunk chunk;
        auto flush = [&] {
            if (chunk.fids.empty())
                return;
            if (projection && !projection->forward(points)) {
                std::size_t p = 0;
                for (std::size_t f = 0, r = 0; f < chunk.fids.size(); ++f)
                    for (std::uint32_t k = 0; k < chunk.featureRings[f]; ++k, ++r)
                        for (std::uint32_t v = 0; v < chunk.ringSize[r]; ++v, ++p)
                            if (!std::isfinite(points[p].x) || !std::isfinite(points[p].y))
                                throw DataError(file, "layer '" + layer + "', feature " + std::to_string(chunk.fids[f]) +
                                                          ": cannot be projected to the display CRS");
            }
            if (!deferGrid)
                chunk.xy.reserve(points.size() * 2);
            std::size_t p = 0;
            for (std::size_t f = 0, r = 0; f < chunk.fids.size(); ++f) {
                geo::Box b = geo::Box::empty();
                for (std::uint32_t k = 0; k < chunk.featureRings[f]; ++k, ++r)
                    for (std::uint32_t v = 0; v < chunk.ringSize[r]; ++v, ++p) {
                        b.expand(points[p]);
                        if (!deferGrid) {
                            chunk.xy.push_back(grid.toGrid(points[p].x, grid.origin.x));
                            chunk.xy.push_back(grid.toGrid(points[p].y, grid.origin.y));
                        }
                    }
                chunk.bounds.push_back(b.isEmpty() ? geo::FloatBox{1, 1, 0, 0} : geo::BoxIndex::outward(b));
            }
            if (deferGrid)
                chunk.display = std::move(points);
            points.clear();
            chunks.push_back(std::move(chunk));
            chunk = Chunk{};
        };
        std::size_t sinceReport = 0;
        std::int64_t lastFid = OGRNullFID;  // the last feature read whole, to say where reading stopped
        for (auto& feature : *l) {
            lastFid = feature->GetFID();
            if ((++sinceReport & 1023) == 0)
                shared->done += 1024;
            if (shared->stop.load(std::memory_order_relaxed))  // every feature: one may hold a million vertices
                return;
            std::string why = check.problem(*feature);
            std::uint32_t rings = static_cast<std::uint32_t>(chunk.ringSize.size());
            const std::size_t pointsBefore = points.size();
            if (why.empty()) {
                flatten(feature->GetGeometryRef(), points, chunk.ringSize);
                why = badCoordinate(points, pointsBefore);  // NaN or 1e308 would reach toGrid (no projection checks it)
                if (!why.empty()) {
                    points.resize(pointsBefore);
                    chunk.ringSize.resize(rings);
                }
            }
            if (!why.empty()) {
                const std::string where = "layer '" + layer + "', feature " + std::to_string(feature->GetFID()) + ": " + why;
                if (!skipBad)
                    throw UnreadableFeatures(file, where + "; correct the file, or load it with --skip-bad to leave such features out (counted)");
                if (skipped++ == 0)
                    firstSkipped = where;
                continue;
            }
            rings = static_cast<std::uint32_t>(chunk.ringSize.size()) - rings;
            chunk.featureRings.push_back(rings);
            chunk.fids.push_back(feature->GetFID());
            std::uint16_t category = 0;
            if (styleIndex >= 0 && feature->IsFieldSetAndNotNull(styleIndex)) {
                const char* value = feature->GetFieldAsString(styleIndex);
                auto [it, inserted] = dictionary.try_emplace(value, static_cast<std::uint16_t>(std::min(dictionary.size(), kMaxCategories)));
                if (inserted && dictionary.size() <= kMaxCategories)
                    categories.push_back(value);
                category = it->second;
            } else {
                category = std::numeric_limits<std::uint16_t>::max();  // no value
            }
            chunk.category.push_back(category);
            if (chunk.fids.size() >= kChunkFeatures || points.size() >= kChunkPoints)
                flush();
        }
        flush();
        shared->done += sinceReport & 1023;
        if (const std::string why = check.failure(); !why.empty())
            throw DataError(file, "layer '" + layer + "' cannot be read to the end (" +
                                      (lastFid == OGRNullFID ? std::string("no feature could be read") : "after feature " + std::to_string(lastFid)) +
                                      "): " + why);
    }
};

std::string chooseStyleField(OGRFeatureDefn* defn, const std::string& wanted, const std::string& file)
{
    if (!wanted.empty()) {
        if (defn->GetFieldIndex(wanted.c_str()) < 0)
            throw DataError(file, "no field '" + wanted + "' to style by");
        return wanted;
    }
    for (const char* name : {"landuse", "地类", "dlmc", "地类名称", "category", "class", "type"})
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            if (lower(defn->GetFieldDefn(i)->GetNameRef()) == name && defn->GetFieldDefn(i)->GetType() == OFTString)
                return defn->GetFieldDefn(i)->GetNameRef();
    return {};
}

}  // namespace

MemoryBudget availableMemory()
{
    MemoryBudget budget{std::numeric_limits<std::uint64_t>::max(), "no limit found"};
    auto consider = [&](std::uint64_t bytes, std::string what) {
        if (bytes < budget.bytes)
            budget = {bytes, std::move(what)};
    };
    auto field = [](const char* file, const std::string& key) -> std::optional<std::uint64_t> {  // "Key:   123 kB"
        std::ifstream in(file);
        for (std::string line; std::getline(in, line);)
            if (line.rfind(key + ":", 0) == 0)
                return std::stoull(line.substr(key.size() + 1)) * 1024;
        return std::nullopt;
    };
    auto mb = [](std::uint64_t bytes) { return std::to_string(bytes >> 20) + " MB"; };
    if (const auto available = field("/proc/meminfo", "MemAvailable"))
        consider(*available, "MemAvailable of /proc/meminfo");
    if (rlimit limit{}; getrlimit(RLIMIT_AS, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
        // Each loading thread maps a stack and may map a malloc arena: reserved besides what the process maps.
        constexpr std::uint64_t kThreads = 3 * (8u << 20) + (64u << 20);
        const std::uint64_t mapped = field("/proc/self/status", "VmSize").value_or(0) + kThreads;
        consider(limit.rlim_cur > mapped ? limit.rlim_cur - mapped : 0,
                 "address-space limit (ulimit -v) of " + mb(limit.rlim_cur) + ", of which the program maps " + mb(mapped - kThreads));
    }
    // cgroup v2: /proc/self/cgroup holds "0::/path".
    if (std::ifstream cg("/proc/self/cgroup"); cg)
        for (std::string line; std::getline(cg, line);)
            if (line.rfind("0::", 0) == 0) {
                const std::string dir = "/sys/fs/cgroup" + line.substr(3);
                std::ifstream maxFile(dir + "/memory.max"), currentFile(dir + "/memory.current");
                std::string max;
                std::uint64_t current = 0;
                if (maxFile >> max && max != "max" && currentFile >> current) {
                    const std::uint64_t limit = std::stoull(max);
                    consider(limit > current ? limit - current : 0, "cgroup memory.max of " + mb(limit) + ", " + mb(current) + " in use");
                }
            }
    if (const char* env = std::getenv("GZPLAN_MEMORY_LIMIT"); env && *env && std::isdigit(static_cast<unsigned char>(*env)))
        consider(std::strtoull(env, nullptr, 10) << 20, std::string("GZPLAN_MEMORY_LIMIT=") + env + " (MB)");
    return budget;
}

std::uint64_t loadMemoryNeeded(std::uint64_t features, std::uint64_t vertices) { return vertices * 16 + features * 120 + (64u << 20); }

struct FeatureLayer::Reader {
    GDALDatasetUniquePtr dataset;
    OGRLayer* layer = nullptr;
};

FeatureLayer::~FeatureLayer() = default;

std::shared_ptr<FeatureLayer> FeatureLayer::load(const std::filesystem::path& path, const FeatureLayerOptions& options,
                                                 const LoadProgress& progress)
{
    const auto start = std::chrono::steady_clock::now();
    const std::string file = path.string();
    // Chunk buffers are freed as they are merged; with glibc's adaptive mmap threshold they would stay in the
    // heap and the process would peak at twice the layer. A fixed threshold sends blocks of 256 KB and more
    // to mmap, so each freed chunk goes back to the system at once.
    static const bool fixedThreshold = mallopt(M_MMAP_THRESHOLD, 256 * 1024) == 1;
    (void)fixedThreshold;
    if (options.displayCrs.empty())
        throw std::invalid_argument("FeatureLayer::load: no display CRS");
    GDALDatasetUniquePtr ds = detail::openVector(file);
    if (ds->GetLayerCount() == 0)
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
    out->m_file = path;
    out->m_stamps = stampsOf(path);  // before reading: a change during the load is caught too
    out->m_layerName = l->GetName();
    out->m_displayCrs = options.displayCrs;
    out->m_kind = kindOf(l->GetGeomType());
    out->m_styleField = chooseStyleField(l->GetLayerDefn(), options.styleField, file);

    // The extent fixes the grid before reading. Where the driver does not know it (GeoJSON, CSV, KML) asking
    // for it reads the whole file once more (GeoJSON: 1.7 s of 4 s for a 1M-vertex ring); with a CRS the grid
    // is then made from the features read instead (deferGrid). A layer without CRS needs it to see degrees.
    OGREnvelope env;
    const bool cheapExtent = l->GetExtent(&env, FALSE) == OGRERR_NONE;
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
    const std::int64_t total = std::max<GIntBig>(0, l->GetFeatureCount(TRUE));
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
        job.shared = &shared;
        if (t == 0)
            job.opened = std::move(reuse);
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
    if (shared.stop)
        throw LoadCancelled();
    for (const ReadJob& job : jobs) {
        if (out->m_firstSkipped.empty())
            out->m_firstSkipped = job.firstSkipped;
        out->m_skipped += job.skipped;
    }

    // Out of memory here or on the indexer thread: a DataError, not std::terminate (nor a bare "std::bad_alloc").
    try {
    if (deferGrid) {
        // The grid from the features read (the same padding as above), then their coordinates put on it.
        geo::Box extent = geo::Box::empty();
        for (const ReadJob& job : jobs)
            for (const Chunk& c : job.chunks)
                for (const geo::Point& p : c.display)
                    extent.expand(p);
        Grid found;
        if (!extent.isEmpty()) {
            const double span = std::max({extent.width(), extent.height(), 1e-9});
            found.origin = {extent.centre().x, extent.centre().y};
            found.unit = span * 1.2 / kGridSpan;
        }
        out->m_origin = found.origin;
        out->m_unit = found.unit;
        for (ReadJob& job : jobs)
            for (Chunk& c : job.chunks) {
                c.xy.reserve(c.display.size() * 2);
                for (const geo::Point& p : c.display) {
                    c.xy.push_back(found.toGrid(p.x, found.origin.x));
                    c.xy.push_back(found.toGrid(p.y, found.origin.y));
                }
                std::vector<geo::Point>().swap(c.display);
            }
    }
    // Merge the chunks in FID order, releasing each as it is copied (peak: the result plus one chunk).
    std::size_t features = 0, rings = 0, coords = 0;
    for (const ReadJob& job : jobs)
        for (const Chunk& c : job.chunks) {
            features += c.fids.size();
            rings += c.ringSize.size();
            coords += c.xy.size();
        }
    if (coords / 2 >= std::numeric_limits<std::uint32_t>::max() || rings >= std::numeric_limits<std::uint32_t>::max())
        throw DataError(file, "layer '" + out->m_layerName + "' has more than 4 billion vertices");
    out->m_xy.reserve(coords);
    out->m_ringStart.reserve(rings + 1);
    out->m_featureRings.reserve(features + 1);
    out->m_bounds.reserve(features);
    out->m_category.reserve(features);
    out->m_fids.reserve(features);
    std::map<std::string, std::uint16_t> global;  // category value -> global id, ordered by value
    for (const ReadJob& job : jobs)
        for (const std::string& value : job.categories)
            global.emplace(value, 0);
    const bool categorised = !out->m_styleField.empty() && global.size() <= kMaxCategories;
    {
        std::uint16_t k = 0;
        for (auto& [value, id] : global)
            id = k++;
        if (categorised)
            for (const auto& entry : global)
                out->m_categoryNames.push_back(entry.first);
        else
            out->m_styleField.clear();
    }
    // Bounds first, so the R-tree is bulk-loaded on another thread while the coordinates are merged.
    for (ReadJob& job : jobs)
        for (Chunk& c : job.chunks) {
            for (const geo::FloatBox& b : c.bounds) {
                out->m_bounds.push_back(b);
                if (b.minX <= b.maxX)
                    out->m_extent.expand(geo::Box{b.minX, b.minY, b.maxX, b.maxY});
            }
            c.bounds = {};
        }
    std::exception_ptr indexError;
    std::thread indexer;  // a thread that cannot be started (std::system_error) is built on this one instead
    auto buildIndex = [&out, &indexError] {
        try {
            out->m_index = geo::BoxIndex(out->m_bounds);
        } catch (...) {
            indexError = std::current_exception();
        }
    };
    try {
        indexer = std::thread(buildIndex);
    } catch (const std::system_error&) {
        buildIndex();
    }
    struct JoinOnExit {
        std::thread& thread;
        ~JoinOnExit()
        {
            if (thread.joinable())
                thread.join();
        }
    } joinIndexer{indexer};
    std::uint32_t ring = 0, vertex = 0;
    for (ReadJob& job : jobs) {
        std::vector<std::uint16_t> remap;
        for (const std::string& value : job.categories)
            remap.push_back(global[value]);
        for (Chunk& c : job.chunks) {
            out->m_xy.insert(out->m_xy.end(), c.xy.begin(), c.xy.end());
            for (std::uint32_t n : c.ringSize) {
                out->m_ringStart.push_back(vertex);
                vertex += n;
                ++ring;
            }
            std::uint32_t r = static_cast<std::uint32_t>(out->m_ringStart.size() - c.ringSize.size());
            for (std::uint32_t n : c.featureRings) {
                out->m_featureRings.push_back(r);
                r += n;
            }
            for (std::uint16_t cat : c.category)
                out->m_category.push_back(categorised && cat < remap.size() ? remap[cat] : std::numeric_limits<std::uint16_t>::max());
            out->m_fids.insert(out->m_fids.end(), c.fids.begin(), c.fids.end());
            c = Chunk{};
            if (progress && !progress(0.95))
                throw LoadCancelled();
        }
        job.chunks.clear();
        job.chunks.shrink_to_fit();
    }
    out->m_ringStart.push_back(vertex);
    out->m_featureRings.push_back(ring);
    indexer.join();
    if (indexError)
        std::rethrow_exception(indexError);
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

std::vector<std::uint32_t> FeatureLayer::query(const geo::Box& box) const
{
    std::vector<std::uint32_t> ids;
    m_index.query(box, ids);
    std::sort(ids.begin(), ids.end());
    return ids;
}

bool FeatureLayer::featureContains(std::uint32_t i, double x, double y, double tolerance) const
{
    const double gx = (x - m_origin.x) / m_unit;
    const double gy = (y - m_origin.y) / m_unit;
    const double gt = tolerance / m_unit;
    const std::int32_t* xy = m_xy.data();
    if (m_kind == FeatureKind::Polygons) {
        bool inside = false;
        for (std::uint32_t r = m_featureRings[i]; r < m_featureRings[i + 1]; ++r) {
            const std::uint32_t a = m_ringStart[r], b = m_ringStart[r + 1];
            for (std::uint32_t v = a, w = b - 1; v < b; w = v++) {
                const double xi = xy[2 * v], yi = xy[2 * v + 1], xj = xy[2 * w], yj = xy[2 * w + 1];
                if ((yi > gy) != (yj > gy) && gx < (xj - xi) * (gy - yi) / (yj - yi) + xi)
                    inside = !inside;
            }
        }
        return inside;
    }
    const double t2 = gt * gt;
    for (std::uint32_t r = m_featureRings[i]; r < m_featureRings[i + 1]; ++r) {
        const std::uint32_t a = m_ringStart[r], b = m_ringStart[r + 1];
        if (m_kind == FeatureKind::Points || b - a == 1) {
            for (std::uint32_t v = a; v < b; ++v) {
                const double dx = xy[2 * v] - gx, dy = xy[2 * v + 1] - gy;
                if (dx * dx + dy * dy <= t2)
                    return true;
            }
            continue;
        }
        for (std::uint32_t v = a + 1; v < b; ++v) {
            const double x0 = xy[2 * v - 2], y0 = xy[2 * v - 1], x1 = xy[2 * v], y1 = xy[2 * v + 1];
            const double dx = x1 - x0, dy = y1 - y0;
            const double len2 = dx * dx + dy * dy;
            const double t = len2 > 0 ? std::clamp(((gx - x0) * dx + (gy - y0) * dy) / len2, 0.0, 1.0) : 0.0;
            const double ex = x0 + t * dx - gx, ey = y0 + t * dy - gy;
            if (ex * ex + ey * ey <= t2)
                return true;
        }
    }
    return false;
}

std::optional<std::uint32_t> FeatureLayer::featureAt(geo::Point p, double tolerance) const
{
    std::vector<std::uint32_t> candidates;
    m_index.query(geo::Box{p.x - tolerance, p.y - tolerance, p.x + tolerance, p.y + tolerance}, candidates);
    std::optional<std::uint32_t> best;
    for (std::uint32_t i : candidates)
        if ((!best || i > *best) && featureContains(i, p.x, p.y, tolerance))
            best = i;
    return best;
}

std::optional<std::uint32_t> FeatureLayer::featureAtBruteForce(geo::Point p, double tolerance) const
{
    for (std::size_t i = size(); i-- > 0;)
        if (featureContains(static_cast<std::uint32_t>(i), p.x, p.y, tolerance))
            return static_cast<std::uint32_t>(i);
    return std::nullopt;
}

std::vector<FeatureLayer::FileStamp> FeatureLayer::stampsOf(const std::filesystem::path& file)
{
    std::vector<std::filesystem::path> files{file};
    if (file.extension() == ".shp" || file.extension() == ".SHP")
        files.push_back(std::filesystem::path(file).replace_extension(file.extension() == ".shp" ? ".dbf" : ".DBF"));
    std::vector<FileStamp> stamps;
    for (const auto& f : files) {
        FileStamp s;
        s.path = f.string();
        struct stat st {};
        if (::stat(f.c_str(), &st) == 0) {
            s.inode = st.st_ino;
            s.size = static_cast<std::uint64_t>(st.st_size);
            s.modifiedNs = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
        }
        stamps.push_back(s);
    }
    return stamps;
}

std::vector<FeatureAttribute> FeatureLayer::attributes(std::uint32_t i) const
{
    std::lock_guard lock(m_readerMutex);
    const std::string file = m_file.string();
    if (const std::vector<FileStamp> now = stampsOf(m_file); now != m_stamps) {
        const bool gone = now.size() < m_stamps.size() || std::any_of(now.begin(), now.end(), [](const FileStamp& s) { return s.inode == 0; });
        throw DataError(file, gone ? "has been removed or renamed since it was loaded; add it again"
                                   : "has changed since it was loaded (replaced or edited by another program); add it again to see the "
                                     "current version: its attributes would not match what is drawn");
    }
    if (!m_reader) {
        auto reader = std::make_unique<Reader>();
        reader->dataset = detail::openVectorWith(file, m_openOptions);
        reader->layer = reader->dataset->GetLayerByName(m_layerName.c_str());
        if (!reader->layer)
            throw DataError(file, "no layer '" + m_layerName + "'");
        m_reader = std::move(reader);
    }
    std::unique_ptr<OGRFeature> f(m_reader->layer->GetFeature(m_fids.at(i)));
    if (!f)
        throw DataError(file, "layer '" + m_layerName + "': feature " + std::to_string(m_fids[i]) + " is no longer in the file");
    std::vector<FeatureAttribute> out;
    const std::string fidColumn = m_reader->layer->GetFIDColumn();
    out.push_back({fidColumn.empty() ? "FID" : fidColumn, std::to_string(f->GetFID())});
    for (int k = 0; k < f->GetFieldCount(); ++k)
        out.push_back({f->GetFieldDefnRef(k)->GetNameRef(), f->IsFieldSetAndNotNull(k) ? f->GetFieldAsString(k) : ""});
    return out;
}

std::size_t FeatureLayer::memoryBytes() const
{
    return m_xy.capacity() * sizeof(std::int32_t) + m_ringStart.capacity() * sizeof(std::uint32_t) +
           m_featureRings.capacity() * sizeof(std::uint32_t) + m_bounds.capacity() * sizeof(geo::FloatBox) +
           m_category.capacity() * sizeof(std::uint16_t) + m_fids.capacity() * sizeof(std::int64_t) + m_index.memoryBytes();
}

}  // namespace layers
