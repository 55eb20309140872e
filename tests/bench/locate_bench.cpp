// Point in county: 100k random points in the counties' bounds (fixed seed), one thread, items_per_second.
// Run: locate_bench --benchmark_repetitions=9 --benchmark_report_aggregates_only=true
//   locator_*        geo::PointLocator (grid of inside / empty / boundary cells)
//   geos_*           what QGIS does: an STRtree over the county envelopes, GEOSPreparedContains_r per candidate
//                    (GEOS 3.11 has no GEOSPreparedContainsXY_r, the vectorised entry point came in 3.12)
//   exact_scan       the exact even-odd test (geo::contains) on every county whose bounds hold the point
//   limit_*          lower bounds on the cost: reading the points and writing an int each; the grid lookup alone
#include <benchmark/benchmark.h>

#include <geos_c.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>

#include "geo/point_locator.h"
#include "layers/geography.h"

namespace {

struct Data {
    std::vector<geo::MultiPolygon> shapes;
    geo::Box bounds = geo::Box::empty();
    std::vector<geo::Point> points;
};

std::vector<geo::Point> randomPoints(const geo::Box& b, std::size_t n, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> x(b.minX, b.maxX), y(b.minY, b.maxY);
    std::vector<geo::Point> points(n);
    for (auto& p : points)
        p = {x(rng), y(rng)};
    return points;
}

const Data& data()
{
    static const Data d = [] {
        Data d;
        for (auto& county : layers::Geography::load(GZ_BENCH_GEOPACKAGE).counties) {
            d.bounds.expand(geo::bounds(county.shape));
            d.shapes.push_back(std::move(county.shape));
        }
        d.points = randomPoints(d.bounds, 100000, 20240601);
        return d;
    }();
    return d;
}

const geo::PointLocator& locator(int cells)
{
    static std::map<int, geo::PointLocator> built;
    auto it = built.find(cells);
    if (it == built.end())
        it = built.emplace(cells, geo::PointLocator(data().shapes, {cells})).first;
    return it->second;
}

void finish(benchmark::State& state)
{
    state.SetItemsProcessed(std::int64_t(state.iterations()) * std::int64_t(data().points.size()));
}

/// Times locate(point) over every point, one call per point; returns the last answers.
template <class Locate>
std::vector<int> locateEach(benchmark::State& state, const Locate& locate)
{
    const auto& points = data().points;
    std::vector<int> out(points.size());
    for (auto _ : state) {
        for (std::size_t i = 0; i < points.size(); ++i)
            out[i] = locate(points[i]);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    finish(state);
    return out;
}

void locator_batch(benchmark::State& state)
{
    const auto& l = locator(int(state.range(0)));
    const auto& points = data().points;
    std::vector<int> out(points.size());
    for (auto _ : state) {
        l.locate(points, out);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    finish(state);
    const auto& s = l.stats();
    state.counters["bytes"] = double(s.bytes);
    state.counters["boundary_cells"] = double(s.boundaryCells);
}

void locator_single(benchmark::State& state)
{
    const auto& l = locator(int(state.range(0)));
    locateEach(state, [&](geo::Point p) { return l.locate(p); });
}

void locator_build(benchmark::State& state)
{
    for (auto _ : state) {
        geo::PointLocator l(data().shapes, {int(state.range(0))});
        benchmark::DoNotOptimize(&l);
    }
}

void exact_scan(benchmark::State& state)
{
    std::vector<geo::Box> bounds;
    for (const auto& shape : data().shapes)
        bounds.push_back(geo::bounds(shape));
    const auto& points = data().points;
    std::vector<int> out(points.size());
    for (auto _ : state) {
        for (std::size_t i = 0; i < points.size(); ++i) {
            out[i] = -1;
            for (std::size_t s = 0; s < bounds.size() && out[i] < 0; ++s)
                if (bounds[s].contains(points[i]) && geo::contains(data().shapes[s], points[i]))
                    out[i] = int(s);
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    finish(state);
}

/// The counties as GEOS geometries, prepared, in an STRtree over their envelopes.
class Geos {
public:
    Geos()
    {
        m_context = GEOS_init_r();
        m_tree = GEOSSTRtree_create_r(m_context, 10);
        const auto& shapes = data().shapes;
        m_ids.resize(shapes.size());
        for (std::size_t id = 0; id < shapes.size(); ++id) {
            std::vector<GEOSGeometry*> polygons;
            for (const auto& polygon : shapes[id]) {
                std::vector<GEOSGeometry*> holes;
                for (const auto& hole : polygon.holes)
                    holes.push_back(ring(hole));
                polygons.push_back(GEOSGeom_createPolygon_r(m_context, ring(polygon.outer), holes.data(), unsigned(holes.size())));
            }
            GEOSGeometry* g = GEOSGeom_createCollection_r(m_context, GEOS_MULTIPOLYGON, polygons.data(), unsigned(polygons.size()));
            if (!g) {
                std::fprintf(stderr, "GEOS: cannot build county %zu\n", id);
                std::abort();
            }
            m_geometries.push_back(g);
            m_prepared.push_back(GEOSPrepare_r(m_context, g));
            m_ids[id] = int(id);
            m_envelopes.push_back(GEOSEnvelope_r(m_context, g));
            GEOSSTRtree_insert_r(m_context, m_tree, m_envelopes.back(), &m_ids[id]);
        }
    }
    ~Geos()
    {
        GEOSSTRtree_destroy_r(m_context, m_tree);
        for (auto* p : m_prepared)
            GEOSPreparedGeom_destroy_r(m_context, p);
        for (auto* g : m_geometries)
            GEOSGeom_destroy_r(m_context, g);
        for (auto* g : m_envelopes)
            GEOSGeom_destroy_r(m_context, g);
        GEOS_finish_r(m_context);
    }
    Geos(const Geos&) = delete;
    Geos& operator=(const Geos&) = delete;

    int locate(geo::Point p)
    {
        GEOSGeometry* point = GEOSGeom_createPointFromXY_r(m_context, p.x, p.y);
        m_candidates.clear();
        GEOSSTRtree_query_r(m_context, m_tree, point, &Geos::collect, &m_candidates);
        std::sort(m_candidates.begin(), m_candidates.end());
        int found = -1;
        for (int id : m_candidates)
            if (GEOSPreparedContains_r(m_context, m_prepared[std::size_t(id)], point) == 1) {
                found = id;
                break;
            }
        GEOSGeom_destroy_r(m_context, point);
        return found;
    }

private:
    static void collect(void* item, void* userdata) { static_cast<std::vector<int>*>(userdata)->push_back(*static_cast<int*>(item)); }

    GEOSGeometry* ring(const geo::Ring& r)
    {
        std::vector<double> xy;
        xy.reserve(r.size() * 2);
        for (const auto& p : r) {
            xy.push_back(p.x);
            xy.push_back(p.y);
        }
        return GEOSGeom_createLinearRing_r(m_context, GEOSCoordSeq_copyFromBuffer_r(m_context, xy.data(), unsigned(r.size()), 0, 0));
    }

    GEOSContextHandle_t m_context = nullptr;
    GEOSSTRtree* m_tree = nullptr;
    std::vector<GEOSGeometry*> m_geometries;
    std::vector<GEOSGeometry*> m_envelopes;
    std::vector<const GEOSPreparedGeometry*> m_prepared;
    std::vector<int> m_ids;
    std::vector<int> m_candidates;
};

void geos_strtree_prepared(benchmark::State& state)
{
    Geos geos;
    const auto& points = data().points;
    const std::vector<int> out = locateEach(state, [&](geo::Point p) { return geos.locate(p); });
    // Agreement with the locator (GEOS's contains excludes the boundary; random points never hit it).
    std::vector<int> mine(points.size());
    locator(1024).locate(points, mine);
    std::size_t differ = 0;
    for (std::size_t i = 0; i < points.size(); ++i)
        differ += mine[i] != out[i];
    state.counters["differ"] = double(differ);
}

/// Reads every point and writes one int per point: what any batch answer must at least do.
void limit_read_points_write_ints(benchmark::State& state)
{
    const auto& points = data().points;
    std::vector<int> out(points.size());
    for (auto _ : state) {
        const geo::Point* p = points.data();
        int* o = out.data();
        for (std::size_t i = 0, n = points.size(); i < n; ++i)
            o[i] = int(p[i].x) + int(p[i].y);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    finish(state);
}

/// The grid lookup alone: cell index from the coordinates and the table read, boundary cells left unresolved.
void limit_grid_lookup(benchmark::State& state)
{
    const auto& l = locator(int(state.range(0)));
    const auto& points = data().points;
    std::vector<std::int32_t> out(points.size());
    for (auto _ : state) {
        l.cellCodes(points, out);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    finish(state);
    std::size_t boundary = 0;
    for (std::int32_t c : out)
        boundary += c < -1;
    state.counters["boundary_share"] = double(boundary) / double(out.size());
}

}  // namespace

BENCHMARK(locator_batch)->Arg(512)->Arg(1024)->Arg(2048)->Unit(benchmark::kMicrosecond);
BENCHMARK(locator_single)->Arg(1024)->Unit(benchmark::kMicrosecond);
BENCHMARK(locator_build)->Arg(512)->Arg(1024)->Arg(2048)->Unit(benchmark::kMillisecond);
BENCHMARK(geos_strtree_prepared)->Unit(benchmark::kMillisecond);
BENCHMARK(exact_scan)->Unit(benchmark::kMillisecond);
BENCHMARK(limit_read_points_write_ints)->Unit(benchmark::kMicrosecond);
BENCHMARK(limit_grid_lookup)->Arg(512)->Arg(1024)->Arg(2048)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
