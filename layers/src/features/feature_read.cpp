#include "features/feature_read.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>
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

}  // namespace

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

void ReadJob::read()
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
    for (std::size_t k = 0; k < categories.size() && k < kMaxCategories; ++k)
        dictionary.try_emplace(categories[k], static_cast<std::uint16_t>(k));
    if (sourceBox)
        l->SetSpatialFilterRect(sourceBox->minX, sourceBox->minY, sourceBox->maxX, sourceBox->maxY);
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
