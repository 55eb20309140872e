// Synthetic land-use parcels (see parcels.h): a jittered lon/lat grid cut at the county boundaries with GEOS,
// written through GDAL. Worker threads (each with its own GEOS context and PROJ transformation) turn bands of
// grid rows into parcels; the calling thread writes the bands in order, so ids do not depend on the threads.
//
// Per band, the grid is split into square tiles of about kTileSide degrees (16 × 16 cells at the full size). A tile whose rectangle (grown by the jitter)
// lies properly inside one county and meets no other is "whole": its cells are written as generated, no GEOS
// at all. Otherwise each county meeting the tile is clipped to the tile rectangle once (GEOS intersection, from
// the county's strip: the county clipped to the band, where overlaps between source counties are given to the
// lower code by a difference), the clipped pieces are prepared, and each cell is tested (containsProperly:
// whole; intersects: cut with GEOS intersection).

#include "layers/parcels.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdlib>
#include <exception>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <geos_c.h>
#include <ogrsf_frmts.h>

#include "geo/projection.h"
#include "gdal_config.h"
#include "gpkg_writer.h"
#include "parcel_land_use.h"
#include "layers/errors.h"

namespace layers {

namespace {

using namespace parcel;
using detail::ThreadConfig;

constexpr double kTileSide = 0.064;       // degrees: tiles small enough that the clipped counties stay small
constexpr double kJitter = 0.10;         // of the step, in x and in y; rings stay simple below 0.125
constexpr double kTileMargin = 0.15;     // of the step: tile rectangles grown beyond the jittered cells
constexpr double kMinPieceArea = 1.0;    // m²: smaller pieces of cut cells are slivers of the source boundaries, dropped

// ---- the grid -------------------------------------------------------------------------------------------------

struct Grid {
    double x0 = 0, y0 = 0, step = 0, amp = 0;
    std::int64_t cols = 0, rows = 0;
    std::int64_t tile = 16;  // cells per tile side; a band is one row of tiles
    std::uint64_t seed = 0;

    geo::Point jittered(std::uint64_t kind, std::int64_t i, std::int64_t j, double bx, double by) const
    {
        const std::uint64_t h = hash(seed, kind, i, j);
        return {x0 + bx * step + amp * (2 * lowUnit(h) - 1), y0 + by * step + amp * (2 * highUnit(h) - 1)};
    }
    geo::Point node(std::int64_t i, std::int64_t j) const { return jittered(1, i, j, static_cast<double>(i), static_cast<double>(j)); }
    /// Midpoint of the edge from node (i, j) to (i + 1, j).
    geo::Point across(std::int64_t i, std::int64_t j) const { return jittered(2, i, j, static_cast<double>(i) + 0.5, static_cast<double>(j)); }
    /// Midpoint of the edge from node (i, j) to (i, j + 1).
    geo::Point up(std::int64_t i, std::int64_t j) const { return jittered(3, i, j, static_cast<double>(i), static_cast<double>(j) + 0.5); }

    /// The closed, counter-clockwise 9-point ring of cell (i, j).
    void cell(std::int64_t i, std::int64_t j, geo::Point* out) const
    {
        out[0] = node(i, j);
        out[1] = across(i, j);
        out[2] = node(i + 1, j);
        out[3] = up(i + 1, j);
        out[4] = node(i + 1, j + 1);
        out[5] = across(i, j + 1);
        out[6] = node(i, j + 1);
        out[7] = up(i, j);
        out[8] = out[0];
    }
    geo::Point centre(std::int64_t i, std::int64_t j) const
    {
        return {x0 + (static_cast<double>(i) + 0.5) * step, y0 + (static_cast<double>(j) + 0.5) * step};
    }
};

// ---- a band of parcels ----------------------------------------------------------------------------------------

struct Parcel {
    std::uint32_t county = 0;
    std::uint32_t firstRing = 0;  // into Band::ringSizes
    std::uint32_t rings = 0;
    std::uint8_t landUse = 0;
    bool clipped = false;
    double area = 0;  // m², Albers
};

struct Band {
    std::vector<Parcel> parcels;
    std::vector<std::uint32_t> ringSizes;  // points per ring, rings in parcel order
    std::vector<geo::Point> points;        // every ring's points, in order
    std::size_t whole = 0, clipped = 0, cut = 0, slivers = 0;
};

/// Signed area of a closed ring, relative to its first point (projected coordinates are large).
double shoelace(const geo::Point* p, std::size_t n)
{
    double s = 0;
    for (std::size_t k = 1; k + 2 < n; ++k)
        s += (p[k].x - p[0].x) * (p[k + 1].y - p[0].y) - (p[k + 1].x - p[0].x) * (p[k].y - p[0].y);
    return s / 2;
}

// ---- GEOS -----------------------------------------------------------------------------------------------------

void collectMessage(const char* message, void* userdata) { *static_cast<std::string*>(userdata) = message; }

struct CountyInfo {
    geo::Box box;
    Seat seat;
};

/// One worker's GEOS context, county geometries (made on first use) and Albers transformation.
class Worker {
public:
    Worker(const Geography& geography, const std::vector<CountyInfo>& info, const Grid& grid)
        : m_geography(geography), m_info(info), m_grid(grid), m_albers(geo::crs::kCgcs2000, geo::crs::kAlbersChina)
    {
        m_h = GEOS_init_r();
        GEOSContext_setErrorMessageHandler_r(m_h, collectMessage, &m_lastError);
        m_counties.resize(info.size(), nullptr);
        m_prepared.resize(info.size(), nullptr);
    }
    ~Worker()
    {
        for (const GEOSPreparedGeometry* p : m_prepared)
            if (p)
                GEOSPreparedGeom_destroy_r(m_h, p);
        for (GEOSGeometry* g : m_counties)
            if (g)
                GEOSGeom_destroy_r(m_h, g);
        GEOS_finish_r(m_h);
    }
    Worker(const Worker&) = delete;
    Worker& operator=(const Worker&) = delete;

    Band band(std::int64_t index) const;

private:
    struct GeomDeleter {
        GEOSContextHandle_t h;
        void operator()(GEOSGeometry* g) const { GEOSGeom_destroy_r(h, g); }
    };
    using Geom = std::unique_ptr<GEOSGeometry, GeomDeleter>;
    struct PreparedDeleter {
        GEOSContextHandle_t h;
        void operator()(const GEOSPreparedGeometry* g) const { GEOSPreparedGeom_destroy_r(h, g); }
    };
    using Prepared = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

    struct Piece {
        std::uint32_t county;
        Geom geom;
        Prepared prepared;
        geo::Box box;
    };
    struct Tile {
        enum class Kind { Empty, Whole, Mixed } kind = Kind::Empty;
        std::uint32_t county = 0;
        std::vector<Piece> pieces;
    };

    [[noreturn]] void fail(const char* what) const { throw std::runtime_error(std::string("GEOS ") + what + " failed: " + m_lastError); }
    Geom own(GEOSGeometry* g, const char* what) const
    {
        if (!g)
            fail(what);
        return Geom(g, GeomDeleter{m_h});
    }
    bool test(char result, const char* what) const
    {
        if (result == 2)
            fail(what);
        return result == 1;
    }

    GEOSGeometry* ring(const geo::Point* p, std::size_t n) const
    {
        GEOSCoordSequence* seq = GEOSCoordSeq_copyFromBuffer_r(m_h, &p[0].x, static_cast<unsigned>(n), 0, 0);
        if (!seq)
            fail("coordinate sequence");
        GEOSGeometry* r = GEOSGeom_createLinearRing_r(m_h, seq);
        if (!r)
            fail("ring");
        return r;
    }
    Geom polygon(const geo::Point* p, std::size_t n) const
    {
        return own(GEOSGeom_createPolygon_r(m_h, ring(p, n), nullptr, 0), "polygon");
    }
    GEOSGeometry* county(std::uint32_t k) const;
    const GEOSPreparedGeometry* preparedCounty(std::uint32_t k) const;
    /// The polygons of g (a polygon, multipolygon or collection), empty ones dropped.
    void polygons(const GEOSGeometry* g, std::vector<const GEOSGeometry*>& out) const;
    /// g reduced to its polygonal part (a MultiPolygon), or null when it has none.
    Geom polygonal(Geom g) const;
    Piece piece(std::uint32_t county, Geom geom) const;
    /// The counties clipped to the band's rectangle: tiles are clipped from these, far smaller than the counties.
    std::vector<Piece> strips(std::int64_t r0, std::int64_t r1) const;
    Tile tile(std::int64_t c0, std::int64_t c1, std::int64_t r0, std::int64_t r1, const std::vector<Piece>& strips) const;

    double albersArea(const geo::Point* p, std::size_t n) const
    {
        m_scratch.assign(p, p + n);
        m_albers.forward(m_scratch);
        return std::abs(shoelace(m_scratch.data(), n));
    }
    void addWhole(Band& b, std::uint32_t county, std::int64_t i, std::int64_t j, const geo::Point* ring) const;
    /// Appends a GEOS polygon as a clipped parcel: outer ring counter-clockwise, holes clockwise.
    void addPiece(Band& b, std::uint32_t county, int landUse, const GEOSGeometry* polygon) const;

    const Geography& m_geography;
    const std::vector<CountyInfo>& m_info;
    const Grid& m_grid;
    geo::Projection m_albers;
    GEOSContextHandle_t m_h = nullptr;
    std::string m_lastError;
    mutable std::vector<GEOSGeometry*> m_counties;
    mutable std::vector<const GEOSPreparedGeometry*> m_prepared;
    mutable geo::Ring m_scratch;
};

GEOSGeometry* Worker::county(std::uint32_t k) const
{
    if (!m_counties[k]) {
        std::vector<GEOSGeometry*> parts;
        for (const geo::Polygon& p : m_geography.counties[k].shape) {
            if (p.outer.size() < 4)
                continue;
            std::vector<GEOSGeometry*> holes;
            for (const geo::Ring& h : p.holes)
                if (h.size() >= 4)
                    holes.push_back(ring(h.data(), h.size()));
            GEOSGeometry* g = GEOSGeom_createPolygon_r(m_h, ring(p.outer.data(), p.outer.size()), holes.data(), static_cast<unsigned>(holes.size()));
            if (!g)
                fail("county polygon");
            parts.push_back(g);
        }
        m_counties[k] = GEOSGeom_createCollection_r(m_h, GEOS_MULTIPOLYGON, parts.data(), static_cast<unsigned>(parts.size()));
        if (!m_counties[k])
            fail("county multipolygon");
    }
    return m_counties[k];
}

const GEOSPreparedGeometry* Worker::preparedCounty(std::uint32_t k) const
{
    if (!m_prepared[k]) {
        m_prepared[k] = GEOSPrepare_r(m_h, county(k));
        if (!m_prepared[k])
            fail("prepare");
    }
    return m_prepared[k];
}

void Worker::polygons(const GEOSGeometry* g, std::vector<const GEOSGeometry*>& out) const
{
    const int type = GEOSGeomTypeId_r(m_h, g);
    if (type == GEOS_POLYGON) {
        if (!GEOSisEmpty_r(m_h, g))
            out.push_back(g);
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(m_h, g);
        for (int i = 0; i < n; ++i)
            polygons(GEOSGetGeometryN_r(m_h, g, i), out);
    }
}

Worker::Geom Worker::polygonal(Geom g) const
{
    std::vector<const GEOSGeometry*> parts;
    polygons(g.get(), parts);
    if (parts.empty())
        return Geom(nullptr, GeomDeleter{m_h});
    const int type = GEOSGeomTypeId_r(m_h, g.get());
    if (type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON)
        return g;
    std::vector<GEOSGeometry*> clones;
    for (const GEOSGeometry* p : parts)
        clones.push_back(GEOSGeom_clone_r(m_h, p));
    return own(GEOSGeom_createCollection_r(m_h, GEOS_MULTIPOLYGON, clones.data(), static_cast<unsigned>(clones.size())), "collection");
}

Worker::Piece Worker::piece(std::uint32_t county, Geom geom) const
{
    const GEOSPreparedGeometry* prepared = GEOSPrepare_r(m_h, geom.get());
    if (!prepared)
        fail("prepare");
    geo::Box box;
    if (!GEOSGeom_getXMin_r(m_h, geom.get(), &box.minX) || !GEOSGeom_getYMin_r(m_h, geom.get(), &box.minY) ||
        !GEOSGeom_getXMax_r(m_h, geom.get(), &box.maxX) || !GEOSGeom_getYMax_r(m_h, geom.get(), &box.maxY))
        fail("bounds");
    return Piece{county, std::move(geom), Prepared(prepared, PreparedDeleter{m_h}), box};
}

std::vector<Worker::Piece> Worker::strips(std::int64_t r0, std::int64_t r1) const
{
    // Twice the tile margin, so that a tile rectangle inside a county lies properly inside its strip.
    const double margin = 2 * kTileMargin * m_grid.step;
    const geo::Box rect{m_grid.x0 - m_grid.step, m_grid.y0 + static_cast<double>(r0) * m_grid.step - margin,
                        m_grid.x0 + static_cast<double>(m_grid.cols + 1) * m_grid.step, m_grid.y0 + static_cast<double>(r1) * m_grid.step + margin};
    std::vector<Piece> out;
    Geom rectangle = own(GEOSGeom_createRectangle_r(m_h, rect.minX, rect.minY, rect.maxX, rect.maxY), "rectangle");
    for (std::uint32_t k = 0; k < m_info.size(); ++k) {
        if (!m_info[k].box.intersects(rect) || !test(GEOSPreparedIntersects_r(m_h, preparedCounty(k), rectangle.get()), "intersects"))
            continue;
        Geom clip = polygonal(own(GEOSIntersection_r(m_h, county(k), rectangle.get()), "intersection"));
        // Where source counties overlap, the earlier (lower code) keeps the overlap.
        for (const Piece& earlier : out) {
            if (!clip)
                break;
            if (!earlier.box.intersects(m_info[k].box))
                continue;
            if (test(GEOSRelatePattern_r(m_h, clip.get(), earlier.geom.get(), "T********"), "relate"))
                clip = polygonal(own(GEOSDifference_r(m_h, clip.get(), earlier.geom.get()), "difference"));
        }
        if (clip)
            out.push_back(piece(k, std::move(clip)));
    }
    return out;
}

Worker::Tile Worker::tile(std::int64_t c0, std::int64_t c1, std::int64_t r0, std::int64_t r1, const std::vector<Piece>& strips) const
{
    const double margin = kTileMargin * m_grid.step;
    const geo::Box rect{m_grid.x0 + static_cast<double>(c0) * m_grid.step - margin, m_grid.y0 + static_cast<double>(r0) * m_grid.step - margin,
                        m_grid.x0 + static_cast<double>(c1) * m_grid.step + margin, m_grid.y0 + static_cast<double>(r1) * m_grid.step + margin};
    Tile t;
    std::vector<const Piece*> meeting;
    Geom rectangle(nullptr, GeomDeleter{m_h});
    for (const Piece& strip : strips) {
        if (!strip.box.intersects(rect))
            continue;
        if (!rectangle)
            rectangle = own(GEOSGeom_createRectangle_r(m_h, rect.minX, rect.minY, rect.maxX, rect.maxY), "rectangle");
        if (test(GEOSPreparedIntersects_r(m_h, strip.prepared.get(), rectangle.get()), "intersects"))
            meeting.push_back(&strip);
    }
    if (meeting.empty())
        return t;
    if (meeting.size() == 1 && test(GEOSPreparedContainsProperly_r(m_h, meeting[0]->prepared.get(), rectangle.get()), "containsProperly")) {
        t.kind = Tile::Kind::Whole;
        t.county = meeting[0]->county;
        return t;
    }
    t.kind = Tile::Kind::Mixed;
    for (const Piece* strip : meeting) {
        const std::uint32_t k = strip->county;
        // The strips do not overlap, nor do their clips.
        Geom clip = polygonal(own(GEOSIntersection_r(m_h, strip->geom.get(), rectangle.get()), "intersection"));
        if (clip)
            t.pieces.push_back(piece(k, std::move(clip)));
    }
    if (t.pieces.empty())
        t.kind = Tile::Kind::Empty;
    return t;
}

void Worker::addWhole(Band& b, std::uint32_t county, std::int64_t i, std::int64_t j, const geo::Point* ring) const
{
    Parcel p;
    p.county = county;
    p.firstRing = static_cast<std::uint32_t>(b.ringSizes.size());
    p.rings = 1;
    p.landUse = static_cast<std::uint8_t>(landUseAt(m_grid.centre(i, j), m_info[county].seat, m_grid.seed));
    p.area = albersArea(ring, 9);
    b.ringSizes.push_back(9);
    b.points.insert(b.points.end(), ring, ring + 9);
    b.parcels.push_back(p);
    ++b.whole;
}

void Worker::addPiece(Band& b, std::uint32_t county, int landUse, const GEOSGeometry* polygon) const
{
    Parcel p;
    p.county = county;
    p.firstRing = static_cast<std::uint32_t>(b.ringSizes.size());
    p.landUse = static_cast<std::uint8_t>(landUse);
    p.clipped = true;
    const std::size_t pointsBefore = b.points.size(), ringsBefore = b.ringSizes.size();
    const int holes = GEOSGetNumInteriorRings_r(m_h, polygon);
    for (int r = -1; r < holes; ++r) {
        const GEOSGeometry* ring = r < 0 ? GEOSGetExteriorRing_r(m_h, polygon) : GEOSGetInteriorRingN_r(m_h, polygon, r);
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(m_h, ring);
        unsigned n = 0;
        if (!seq || !GEOSCoordSeq_getSize_r(m_h, seq, &n))
            fail("ring size");
        if (n < 4)
            continue;
        const std::size_t start = b.points.size();
        b.points.resize(start + n);
        if (!GEOSCoordSeq_copyToBuffer_r(m_h, seq, &b.points[start].x, 0, 0))
            fail("ring coordinates");
        geo::Point* q = &b.points[start];
        const double signedArea = shoelace(q, n);
        if ((r < 0) != (signedArea > 0))
            std::reverse(q, q + n);
        const double area = albersArea(q, n);
        p.area += r < 0 ? area : -area;
        b.ringSizes.push_back(n);
        ++p.rings;
    }
    if (p.rings == 0 || p.area < kMinPieceArea) {
        b.points.resize(pointsBefore);
        b.ringSizes.resize(ringsBefore);
        ++b.slivers;
        return;
    }
    b.parcels.push_back(p);
    ++b.clipped;
}

Band Worker::band(std::int64_t index) const
{
    Band b;
    const std::int64_t side = m_grid.tile;
    const std::int64_t r0 = index * side, r1 = std::min(r0 + side, m_grid.rows);
    const std::int64_t tileCount = (m_grid.cols + side - 1) / side;
    const std::vector<Piece> strip = strips(r0, r1);
    std::vector<Tile> tiles;
    tiles.reserve(static_cast<std::size_t>(tileCount));
    for (std::int64_t t = 0; t < tileCount; ++t)
        tiles.push_back(tile(t * side, std::min((t + 1) * side, m_grid.cols), r0, r1, strip));

    b.parcels.reserve(static_cast<std::size_t>((r1 - r0) * m_grid.cols) / 2);
    geo::Point ring[9];
    std::vector<const GEOSGeometry*> parts;
    std::vector<std::pair<std::uint32_t, Geom>> cuts;
    for (std::int64_t j = r0; j < r1; ++j)
        for (std::int64_t i = 0; i < m_grid.cols; ++i) {
            const Tile& t = tiles[static_cast<std::size_t>(i / side)];
            if (t.kind == Tile::Kind::Empty)
                continue;
            m_grid.cell(i, j, ring);
            if (t.kind == Tile::Kind::Whole) {
                addWhole(b, t.county, i, j, ring);
                continue;
            }
            const Geom cell = polygon(ring, 9);
            cuts.clear();
            bool whole = false;
            for (const Piece& piece : t.pieces) {
                if (test(GEOSPreparedContainsProperly_r(m_h, piece.prepared.get(), cell.get()), "containsProperly")) {
                    addWhole(b, piece.county, i, j, ring);
                    whole = true;
                    break;
                }
                if (test(GEOSPreparedIntersects_r(m_h, piece.prepared.get(), cell.get()), "intersects"))
                    if (Geom cut = polygonal(own(GEOSIntersection_r(m_h, piece.geom.get(), cell.get()), "intersection")))
                        cuts.emplace_back(piece.county, std::move(cut));
            }
            if (whole || cuts.empty())
                continue;
            // A cell inside one county that only touches its boundary comes back whole from the intersection.
            if (cuts.size() == 1) {
                parts.clear();
                polygons(cuts[0].second.get(), parts);
                double area = 0;
                if (parts.size() == 1 && GEOSGetNumInteriorRings_r(m_h, parts[0]) == 0 && GEOSArea_r(m_h, parts[0], &area)) {
                    const double cellArea = shoelace(ring, 9);
                    if (std::abs(area - cellArea) <= 1e-9 * cellArea) {
                        addWhole(b, cuts[0].first, i, j, ring);
                        continue;
                    }
                }
            }
            ++b.cut;
            for (const auto& [county, cut] : cuts) {
                const int landUse = landUseAt(m_grid.centre(i, j), m_info[county].seat, m_grid.seed);
                parts.clear();
                polygons(cut.get(), parts);
                for (const GEOSGeometry* part : parts)
                    addPiece(b, county, landUse, part);
            }
        }
    return b;
}

// ---- running the workers and writing --------------------------------------------------------------------------

/// Bands produced by worker threads, consumed in order by the writer; at most `window` bands ahead of it.
class Pipeline {
public:
    Pipeline(std::size_t bands, std::size_t window) : m_bands(bands), m_done(bands, 0), m_errors(bands), m_window(window) {}

    /// Worker side: the next band to make, or false when there is none (or the writer gave up).
    bool take(std::size_t& index)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_abort || m_next >= m_bands.size() || m_next < m_written + m_window; });
        if (m_abort || m_next >= m_bands.size())
            return false;
        index = m_next++;
        return true;
    }
    void put(std::size_t index, Band band, std::exception_ptr error)
    {
        {
            std::lock_guard lock(m_mutex);
            m_bands[index] = std::move(band);
            m_errors[index] = error;
            m_done[index] = 1;
        }
        m_changed.notify_all();
    }
    /// Writer side: waits for band index, rethrowing its worker's exception.
    Band get(std::size_t index)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_done[index] != 0; });
        if (m_errors[index])
            std::rethrow_exception(m_errors[index]);
        return std::move(m_bands[index]);
    }
    void written(std::size_t count)
    {
        {
            std::lock_guard lock(m_mutex);
            m_written = count;
        }
        m_changed.notify_all();
    }
    void abort()
    {
        {
            std::lock_guard lock(m_mutex);
            m_abort = true;
        }
        m_changed.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<Band> m_bands;
    std::vector<char> m_done;
    std::vector<std::exception_ptr> m_errors;
    std::size_t m_window;
    std::size_t m_next = 0, m_written = 0;
    bool m_abort = false;
};

}  // namespace

double parcelStep(std::size_t count)
{
    if (count < kMinParcelCount || count > kMaxParcelCount)
        throw std::invalid_argument("parcel count must be between " + std::to_string(kMinParcelCount) + " and " + std::to_string(kMaxParcelCount));
    return kParcelBaseStep * std::sqrt(static_cast<double>(kDefaultParcelCount) / static_cast<double>(count));
}

ParcelReport makeParcels(const Geography& geography, const std::filesystem::path& out, const ParcelOptions& options, const ParcelProgress& progress)
{
    const auto started = std::chrono::steady_clock::now();
    ParcelReport report;
    report.file = out;
    report.step = parcelStep(options.count);
    if (geography.counties.empty())
        throw DataError(out.string(), "no counties to cut the parcels at");
    // What is written is a GeoPackage: a name that says otherwise misleads every program that opens it.
    std::string extension = out.extension().string();
    for (char& c : extension)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (extension != ".gpkg")
        throw DataError(out.string(), "the parcels are written as a GeoPackage: the file name must end in .gpkg, not '" +
                                          out.extension().string() + "'");
    // The folder must exist (it is not created: a typing error would otherwise make a new tree of folders),
    // checked before minutes of work.
    const std::filesystem::path folder = out.has_parent_path() ? out.parent_path() : std::filesystem::path(".");
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
        throw DataError(out.string(), "the folder " + folder.string() +
                                          (std::filesystem::exists(folder, ec) ? " is not a folder" : " does not exist; create it first"));
    if (::access(folder.c_str(), W_OK) != 0)
        throw DataError(out.string(), "the folder " + folder.string() + " is not writable: " + std::strerror(errno));
    if (std::filesystem::is_directory(out, ec))
        throw DataError(out.string(), "is a folder; --out names the GeoPackage file to write");
    if (std::filesystem::exists(out) && !options.force)
        throw DataError(out.string(), "exists; use --force to replace it");

    std::vector<CountyInfo> info;
    geo::Box all = geo::Box::empty();
    for (const County& c : geography.counties) {
        CountyInfo i;
        i.box = geo::bounds(c.shape);
        all.expand(i.box);
        // Districts (市辖区, codes ..01-..19) are the built-up cores: larger built-up areas round their seats.
        const int suffix = std::atoi(c.code.substr(c.code.size() >= 2 ? c.code.size() - 2 : 0).c_str());
        i.seat = {c.seat, suffix < 20 ? 0.045 : suffix >= 81 ? 0.03 : 0.022};
        info.push_back(i);
    }
    Grid grid;
    grid.step = report.step;
    grid.amp = kJitter * grid.step;
    grid.seed = options.seed;
    grid.x0 = std::floor(all.minX / grid.step) * grid.step - grid.step;
    grid.y0 = std::floor(all.minY / grid.step) * grid.step - grid.step;
    grid.cols = static_cast<std::int64_t>(std::ceil((all.maxX - grid.x0) / grid.step)) + 1;
    grid.rows = static_cast<std::int64_t>(std::ceil((all.maxY - grid.y0) / grid.step)) + 1;
    report.columns = static_cast<std::size_t>(grid.cols);
    report.rows = static_cast<std::size_t>(grid.rows);

    grid.tile = std::clamp<std::int64_t>(std::llround(kTileSide / grid.step), 4, 32);
    const auto bandCount = static_cast<std::size_t>((grid.rows + grid.tile - 1) / grid.tile);
    unsigned threads = options.threads ? options.threads : std::min(8u, std::max(1u, std::thread::hardware_concurrency()));
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, bandCount));

    auto fill = [&](GDALDataset& ds) {
        detail::Writer w(ds, out.string());
        OGRLayer* layer = w.layer(kParcelLayer, wkbPolygon, {{"id", OFTInteger}, {"county", OFTString}, {"landuse", OFTString}, {"area_m2", OFTReal}});
        OGRFeatureDefn* defn = layer->GetLayerDefn();
        const int fId = defn->GetFieldIndex("id"), fCounty = defn->GetFieldIndex("county"), fLandUse = defn->GetFieldIndex("landuse"),
                  fArea = defn->GetFieldIndex("area_m2");

        Pipeline pipeline(bandCount, threads + 2);
        std::vector<std::thread> workers;
        struct Join {
            Pipeline& p;
            std::vector<std::thread>& t;
            ~Join()
            {
                p.abort();
                for (std::thread& w : t)
                    w.join();
            }
        } join{pipeline, workers};
        for (unsigned k = 0; k < threads; ++k)
            workers.emplace_back([&] {
                std::unique_ptr<Worker> worker;
                std::exception_ptr setup;
                try {
                    worker = std::make_unique<Worker>(geography, info, grid);
                } catch (...) {
                    setup = std::current_exception();
                }
                std::size_t index = 0;
                while (pipeline.take(index)) {
                    if (setup) {
                        pipeline.put(index, {}, setup);
                        continue;
                    }
                    try {
                        pipeline.put(index, worker->band(static_cast<std::int64_t>(index)), nullptr);
                    } catch (...) {
                        pipeline.put(index, {}, std::current_exception());
                    }
                }
            });

        OGRFeature feature(defn);
        int id = 0;
        for (std::size_t k = 0; k < bandCount; ++k) {
            const Band band = pipeline.get(k);
            std::size_t point = 0;
            for (const Parcel& p : band.parcels) {
                ++id;
                feature.SetFID(id);
                feature.SetField(fId, id);
                feature.SetField(fCounty, geography.counties[p.county].code.c_str());
                feature.SetField(fLandUse, landUseCategories()[p.landUse].name);
                feature.SetField(fArea, p.area);
                auto* polygon = new OGRPolygon;
                for (std::uint32_t r = 0; r < p.rings; ++r) {
                    const std::uint32_t n = band.ringSizes[p.firstRing + r];
                    auto* ring = new OGRLinearRing;
                    ring->setNumPoints(static_cast<int>(n), FALSE);
                    for (std::uint32_t q = 0; q < n; ++q, ++point)
                        ring->setPoint(static_cast<int>(q), band.points[point].x, band.points[point].y);
                    polygon->addRingDirectly(ring);
                }
                feature.SetGeometryDirectly(polygon);
                if (layer->CreateFeature(&feature) != OGRERR_NONE)
                    throw DataError(out.string(), "cannot write parcel " + std::to_string(id) + ": " + CPLGetLastErrorMsg());
                report.perLandUse[p.landUse]++;
                report.areaKm2 += p.area / 1e6;
            }
            report.wholeCells += band.whole;
            report.clippedPieces += band.clipped;
            report.cutCells += band.cut;
            report.slivers += band.slivers;
            pipeline.written(k + 1);
            if (progress && !progress(0.95 * static_cast<double>(k + 1) / static_cast<double>(bandCount), "cells"))
                throw ParcelsCancelled();
        }
        report.features = static_cast<std::size_t>(id);

        OGRLayer* about = w.layer("parcels_info", wkbNone, {{"key", OFTString}, {"value", OFTString}});
        const std::pair<std::string, std::string> rows[] = {
            {"generator", "gzplan make-parcels (layers::makeParcels)"},
            {"count", std::to_string(options.count)},
            {"seed", std::to_string(options.seed)},
            {"step_deg", std::to_string(grid.step)},
            {"jitter", "0.10 of the step, per vertex, shared by neighbouring cells"},
            {"cut", "cells inside one county whole; others intersected with each county (GEOS), one feature per polygon"},
            {"area", "area_m2: Albers equal-area " + std::string(geo::crs::kAlbersChina)},
            {"note", "synthetic data for performance work; land use is random, not survey"}};
        for (const auto& row : rows)  // not a structured binding: clang 14 (the sanitizer build) cannot capture one
            w.add(about, [&](OGRFeature& f) {
                f.SetField("key", row.first.c_str());
                f.SetField("value", row.second.c_str());
            });
        if (progress && !progress(0.95, "spatial index"))
            throw ParcelsCancelled();
    };
    {
        // The file is renamed into place only when complete: durability of the temporary file is not needed.
        ThreadConfig synchronous("OGR_SQLITE_SYNCHRONOUS", "OFF");
        ThreadConfig cache("OGR_SQLITE_CACHE", "512");
        detail::writeGeoPackageAtomically(out, fill);
    }
    report.bytes = std::filesystem::file_size(out);
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (progress)
        progress(1.0, "done");
    return report;
}

}  // namespace layers
