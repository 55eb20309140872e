#include "features/feature_read.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <map>
#include <thread>
#include <optional>
#include <sstream>
#include <unordered_map>

#include <sys/resource.h>

#include <cpl_conv.h>

#include "geo/projection.h"
#include "layers/errors.h"
#include "io/ogr_convert.h"
#include "io/read_check.h"
#include "io/source_encoding.h"
#include "io/wkb_cursor.h"
#include "layers/data_location.h"
#include "store/open_data.h"
#include "store/pg_connection.h"

namespace layers {

namespace detail::features {

namespace {

constexpr std::size_t kChunkFeatures = 32768;
constexpr std::size_t kChunkPoints = std::size_t(1) << 20;  // a chunk also ends at 1M vertices (one huge feature)

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

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

}  // namespace

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
    case wkbTriangle:
        for (const OGRLinearRing* ring : *g->toPolygon())
            addCurve(ring);
        return;
    case wkbPolyhedralSurface:
    case wkbTIN:  // surfaces of polygons (triangles): drawn as their polygons
        for (const OGRPolygon* part : *g->toPolyhedralSurface())
            flatten(part, points, ringSize);
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

const std::string memoryFix =
    "load a smaller file, or cut out the area needed first (e.g. ogr2ogr -spat minX minY maxX maxY part.gpkg file.gpkg; "
    "gzplan export --source streams a file of any size)";
const std::string notEnoughMemory = "not enough memory to load it; " + memoryFix;

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

void ReadJob::run()
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

namespace {

/// The transformation from source to target for this thread, made once (making one looks in PROJ's database: a
/// tenth of a PostGIS view's read when made for each), and a copy of it for a helper thread.
struct ThreadProjections {
    std::map<std::pair<std::string, std::string>, std::unique_ptr<geo::Projection>> made;
};
geo::Projection& threadProjection(const std::string& source, const std::string& target)
{
    thread_local ThreadProjections cache;
    std::unique_ptr<geo::Projection>& p = cache.made[{source, target}];
    if (!p)
        p = std::make_unique<geo::Projection>(source, target);
    return *p;
}

/// Projects points in place; a long run in two halves, the second on a helper thread with a copy of the
/// transformation (PROJ's work is most of a PostGIS view's read on the client). False where a point failed.
bool projectPoints(const geo::Projection& projection, std::vector<geo::Point>& points, bool split)
{
    constexpr std::size_t kSplitFrom = 65536;
    if (!split || points.size() < kSplitFrom || std::thread::hardware_concurrency() < 2)
        return projection.forward(points);
    const std::size_t half = points.size() / 2;
    std::vector<geo::Point> second(points.begin() + static_cast<std::ptrdiff_t>(half), points.end());
    bool secondOk = true;
    std::exception_ptr failed;
    std::thread helper([&] {
        try {
            secondOk = projection.clone().forward(second);
        } catch (...) {
            failed = std::current_exception();
        }
    });
    points.resize(half);
    const bool firstOk = projection.forward(points);
    helper.join();
    if (failed)
        std::rethrow_exception(failed);
    points.insert(points.end(), second.begin(), second.end());
    return firstOk && secondOk;
}

/// The features one reader has read, into chunks: a feature's points are appended (source CRS) with its rings'
/// sizes, then add() takes its FID and category; a full chunk is projected, bounded and put on the grid. Both readers
/// (GDAL's features, libpq's rows) go through it, so the two give the same layer.
class ChunkBuilder {
public:
    explicit ChunkBuilder(ReadJob& job) : m_job(job)
    {
        if (!job.sourceCrs.empty() && job.sourceCrs != job.displayCrs)
            m_projection = &threadProjection(job.sourceCrs, job.displayCrs);
        for (std::size_t k = 0; k < job.categories.size() && k < kMaxCategories; ++k)
            m_dictionary.try_emplace(job.categories[k], static_cast<std::uint16_t>(k));
    }

    std::vector<geo::Point> points;  ///< the open chunk's points
    Chunk chunk;                     ///< the open chunk (ringSize grows as points are appended)

    /// Where the next feature starts (for drop()).
    struct Mark {
        std::size_t points, rings;
    };
    Mark mark() const { return {points.size(), chunk.ringSize.size()}; }
    void drop(Mark m)
    {
        points.resize(m.points);
        chunk.ringSize.resize(m.rings);
    }
    /// Why the points appended since m cannot be drawn (badCoordinate), empty if fine.
    std::string problemSince(Mark m) const { return badCoordinate(points, m.points); }

    /// Ends the feature whose points were appended since m: fid, and its style value (null: none).
    void add(Mark m, std::int64_t fid, const char* value, std::size_t valueLength)
    {
        chunk.featureRings.push_back(static_cast<std::uint32_t>(chunk.ringSize.size() - m.rings));
        chunk.fids.push_back(fid);
        std::uint16_t category = std::numeric_limits<std::uint16_t>::max();  // no value
        if (value) {
            m_key.assign(value, valueLength);
            auto [it, inserted] = m_dictionary.try_emplace(m_key, static_cast<std::uint16_t>(std::min(m_dictionary.size(), kMaxCategories)));
            if (inserted && m_dictionary.size() <= kMaxCategories)
                m_job.categories.push_back(m_key);
            category = it->second;
        }
        chunk.category.push_back(category);
        if (chunk.fids.size() >= kChunkFeatures || points.size() >= kChunkPoints)
            flush();
    }

    void flush()
    {
        if (chunk.fids.empty())
            return;
        const Grid& grid = m_job.grid;
        // the readers of a GeoPackage's FID ranges keep the cores busy already: only a lone reader splits
        if (m_projection && !projectPoints(*m_projection, points, !m_job.range.filtered)) {
            std::size_t p = 0;
            for (std::size_t f = 0, r = 0; f < chunk.fids.size(); ++f)
                for (std::uint32_t k = 0; k < chunk.featureRings[f]; ++k, ++r)
                    for (std::uint32_t v = 0; v < chunk.ringSize[r]; ++v, ++p)
                        if (!std::isfinite(points[p].x) || !std::isfinite(points[p].y))
                            throw DataError(m_job.file, "layer '" + m_job.layer + "', feature " + std::to_string(chunk.fids[f]) +
                                                            ": cannot be projected to the display CRS");
        }
        if (!m_job.deferGrid)
            chunk.xy.reserve(points.size() * 2);
        std::size_t p = 0;
        for (std::size_t f = 0, r = 0; f < chunk.fids.size(); ++f) {
            geo::Box b = geo::Box::empty();
            for (std::uint32_t k = 0; k < chunk.featureRings[f]; ++k, ++r)
                for (std::uint32_t v = 0; v < chunk.ringSize[r]; ++v, ++p) {
                    b.expand(points[p]);
                    if (!m_job.deferGrid) {
                        chunk.xy.push_back(grid.toGrid(points[p].x, grid.origin.x));
                        chunk.xy.push_back(grid.toGrid(points[p].y, grid.origin.y));
                    }
                }
            chunk.bounds.push_back(b.isEmpty() ? geo::FloatBox{1, 1, 0, 0} : geo::BoxIndex::outward(b));
        }
        if (m_job.deferGrid)
            chunk.display = std::move(points);
        points.clear();
        m_job.chunks.push_back(std::move(chunk));
        chunk = Chunk{};
    }

private:
    ReadJob& m_job;
    const geo::Projection* m_projection = nullptr;
    std::unordered_map<std::string, std::uint16_t> m_dictionary;
    std::string m_key;
};

}  // namespace

bool flattenWkb(const unsigned char* data, std::size_t size, std::vector<geo::Point>& points, std::vector<std::uint32_t>& ringSize)
{
    // ISO WKB as ST_AsBinary writes it (and GDAL's older 2.5D flag); curves and surfaces through GDAL's reader and
    // flatten(), so that every type gives what flatten() gives for GDAL's own geometry.
    struct Reader : WkbCursor {
        std::vector<geo::Point>& points;
        std::vector<std::uint32_t>& ringSize;
        bool curve()
        {
            std::uint32_t n = 0;
            if (!count(n, 8 * dims))
                return false;
            for (std::uint32_t i = 0; i < n; ++i) {
                const double x = f64(), y = f64();
                points.push_back({x, y});
                p += 8 * (dims - 2);
            }
            if (n > 0)
                ringSize.push_back(n);
            return true;
        }
        bool geometry(int depth)
        {
            const unsigned char* start = p;
            std::uint32_t base = 0;
            if (depth > 32 || !header(base))
                return false;
            switch (base) {
            case 1: {
                if (!need(8 * dims))
                    return false;
                const double x = f64(), y = f64();
                p += 8 * (dims - 2);
                if (!(std::isnan(x) && std::isnan(y))) {  // NaN, NaN: the empty point
                    points.push_back({x, y});
                    ringSize.push_back(1);
                }
                return true;
            }
            case 2:
                return curve();
            case 3: {
                std::uint32_t rings = 0;
                if (!count(rings, 4))
                    return false;
                for (std::uint32_t r = 0; r < rings; ++r)
                    if (!curve())
                        return false;
                return true;
            }
            case 4:
            case 5:
            case 6:
            case 7: {
                std::uint32_t parts = 0;
                if (!count(parts, 5))
                    return false;
                for (std::uint32_t i = 0; i < parts; ++i)
                    if (!geometry(depth + 1))
                        return false;
                return true;
            }
            default: {
                OGRGeometry* g = nullptr;
                std::size_t used = 0;
                if (OGRGeometryFactory::createFromWkb(start, nullptr, &g, static_cast<std::size_t>(end - start), wkbVariantIso, used) != OGRERR_NONE)
                    return false;
                const std::unique_ptr<OGRGeometry> owned(g);
                flatten(owned.get(), points, ringSize);
                p = start + used;
                return true;
            }
            }
        }
    };
    const std::size_t pointsBefore = points.size(), ringsBefore = ringSize.size();
    Reader reader{{data, data + size}, points, ringSize};
    if (reader.geometry(0))
        return true;
    points.resize(pointsBefore);
    ringSize.resize(ringsBefore);
    return false;
}

bool ReadJob::cancelled() const { return shared->stop.load(std::memory_order_relaxed) || (cancel && cancel->load(std::memory_order_relaxed)); }

void ReadJob::read()
{
    if (!postgresTable.empty()) {
        readPostgres();
        return;
    }
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
    if (sourceBox)
        l->SetSpatialFilterRect(sourceBox->minX, sourceBox->minY, sourceBox->maxX, sourceBox->maxY);
    ChunkBuilder builder(*this);
    std::size_t sinceReport = 0;
    std::int64_t lastFid = OGRNullFID;  // the last feature read whole, to say where reading stopped
    for (auto& feature : *l) {
        lastFid = feature->GetFID();
        if ((++sinceReport & 1023) == 0)
            shared->done += 1024;
        if (cancelled())  // every feature: one may hold a million vertices
            return;
        std::string why = check.problem(*feature);
        const ChunkBuilder::Mark mark = builder.mark();
        if (why.empty()) {
            flatten(feature->GetGeometryRef(), builder.points, builder.chunk.ringSize);
            why = builder.problemSince(mark);  // NaN or 1e308 would reach toGrid (no projection checks it)
            if (!why.empty())
                builder.drop(mark);
        }
        if (!why.empty()) {
            const std::string where = "layer '" + layer + "', feature " + std::to_string(feature->GetFID()) + ": " + why;
            if (!skipBad)
                throw UnreadableFeatures(file, where + "; correct the file, or load it with --skip-bad to leave such features out (counted)");
            if (skipped++ == 0)
                firstSkipped = where;
            continue;
        }
        if (styleIndex >= 0 && feature->IsFieldSetAndNotNull(styleIndex)) {
            const char* value = feature->GetFieldAsString(styleIndex);
            builder.add(mark, feature->GetFID(), value, std::strlen(value));
        } else {
            builder.add(mark, feature->GetFID(), nullptr, 0);
        }
    }
    builder.flush();
    shared->done += sinceReport & 1023;
    if (keepOpened) {
        l->SetSpatialFilter(nullptr);
        l->SetIgnoredFields(nullptr);
        opened = std::move(ds);  // back to load(), which returns it to the pool of PostGIS connections
    }
    if (const std::string why = check.failure(); !why.empty())
        throw DataError(file, "layer '" + layer + "' cannot be read to the end (" +
                                  (lastFid == OGRNullFID ? std::string("no feature could be read") : "after feature " + std::to_string(lastFid)) +
                                  "): " + why);
}

void ReadJob::readPostgres()
{
    // The rows of the view through libpq: a binary cursor over the GiST index (geom && the box), FID as int8, the
    // style value as text, the geometry as ISO WKB, decoded straight into the chunk. GDAL's reader of the same rows
    // spends most of a view on hex EWKB, OGRFeature and OGRGeometry (tests/bench/postgis_bench.sh); the test
    // PostGis.TheFastViewReaderEqualsGdals shows the two give the same layer.
    std::unique_ptr<store::PgConnection> pg = takePostgresConnection(postgresLocation);
    const auto dot = postgresTable.find('.');
    const std::string table = dot == std::string::npos ? store::quoteIdentifier(postgresTable)
                                                       : store::quoteIdentifier(postgresTable.substr(0, dot)) + "." +
                                                             store::quoteIdentifier(postgresTable.substr(dot + 1));
    const std::string geometry = store::quoteIdentifier(geometryColumn);
    auto number = [](double v) {
        char text[32];
        const auto [end, ec] = std::to_chars(text, text + sizeof text, v);  // shortest text that reads back exactly
        return std::string(text, end);
    };
    const std::string select = "SELECT " + store::quoteIdentifier(fidColumn) + "::int8, " +
                               (styleField.empty() ? std::string("NULL::text") : store::quoteIdentifier(styleField) + "::text") +
                               ", ST_AsBinary(" + geometry + ") FROM " + table + " WHERE " + geometry +
                               " && ST_MakeEnvelope($1::float8, $2::float8, $3::float8, $4::float8, " + std::to_string(srid) + ")";
    try {
        pg->exec("BEGIN READ ONLY");
    } catch (const DataError&) {
        if (pg->healthy())
            throw;
        // a pooled connection the server dropped (it restarted, or the network went): once more on a new one
        pg = std::make_unique<store::PgConnection>(DataLocation(postgresLocation));
        pg->exec("BEGIN READ ONLY");
    }
    pg->exec("DECLARE gzplan_view BINARY NO SCROLL CURSOR FOR " + select,
             {number(sourceBox->minX), number(sourceBox->minY), number(sourceBox->maxX), number(sourceBox->maxY)});
    ChunkBuilder builder(*this);
    for (;;) {
        if (cancelled()) {  // between pages: the next view is wanted instead
            pg->exec("ROLLBACK");
            givePostgresConnection(postgresLocation, std::move(pg));
            return;
        }
        const store::PgResult page = pg->execBinary("FETCH 5000 FROM gzplan_view");
        const int rows = page.rows();
        for (int r = 0; r < rows; ++r) {
            std::uint64_t raw = 0;
            std::memcpy(&raw, page.data(r, 0), 8);
            const auto fid = static_cast<std::int64_t>(__builtin_bswap64(raw));
            const ChunkBuilder::Mark mark = builder.mark();
            std::string why;
            if (!page.isNull(r, 2) &&
                !flattenWkb(reinterpret_cast<const unsigned char*>(page.data(r, 2)), static_cast<std::size_t>(page.length(r, 2)), builder.points,
                            builder.chunk.ringSize))
                why = "its geometry is not WKB PostGIS should write";
            if (why.empty())
                why = builder.problemSince(mark);
            if (!why.empty()) {
                builder.drop(mark);
                const std::string where = "layer '" + layer + "', feature " + std::to_string(fid) + ": " + why;
                if (!skipBad)
                    throw UnreadableFeatures(file, where + "; correct the table, or load it with --skip-bad to leave such features out (counted)");
                if (skipped++ == 0)
                    firstSkipped = where;
                continue;
            }
            if (page.isNull(r, 1))
                builder.add(mark, fid, nullptr, 0);
            else
                builder.add(mark, fid, page.data(r, 1), static_cast<std::size_t>(page.length(r, 1)));
        }
        shared->done += static_cast<std::size_t>(rows);
        if (rows < 5000)
            break;
    }
    builder.flush();
    pg->exec("COMMIT");
    givePostgresConnection(postgresLocation, std::move(pg));
}

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

}  // namespace detail::features

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

}  // namespace layers
