// Synthetic land-use parcels, the geometry (see parcel_bands.h): a jittered lon/lat grid cut at the county
// boundaries with GEOS (through geo::GeosContext). Each worker thread has its own BandMaker (GEOS context and
// PROJ transformation) and turns bands of grid rows into parcels.
//
// Per band, the grid is split into square tiles of about kTileSide degrees (16 × 16 cells at the full size). A tile whose rectangle (grown by the jitter)
// lies properly inside one county and meets no other is "whole": its cells are written as generated, no GEOS
// at all. Otherwise each county meeting the tile is clipped to the tile rectangle once (GEOS intersection, from
// the county's strip: the county clipped to the band, where overlaps between source counties are given to the
// lower code by a difference), the clipped pieces are prepared, and each cell is tested (containsProperly:
// whole; intersects: cut with GEOS intersection).

#include "parcel_bands.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <geos_c.h>

#include "geo/geos_context.h"
#include "geo/projection.h"

namespace layers::parcel {

namespace {

constexpr double kTileSide = 0.064;       // degrees: tiles small enough that the clipped counties stay small
constexpr double kJitter = 0.10;         // of the step, in x and in y; rings stay simple below 0.125
constexpr double kTileMargin = 0.15;     // of the step: tile rectangles grown beyond the jittered cells
constexpr double kMinPieceArea = 1.0;    // m²: smaller pieces of cut cells are slivers of the source boundaries, dropped

/// Signed area of a closed ring, relative to its first point (projected coordinates are large).
double shoelace(const geo::Point* p, std::size_t n)
{
    double s = 0;
    for (std::size_t k = 1; k + 2 < n; ++k)
        s += (p[k].x - p[0].x) * (p[k + 1].y - p[0].y) - (p[k + 1].x - p[0].x) * (p[k].y - p[0].y);
    return s / 2;
}

using Geom = geo::GeosContext::Geometry;
using Prepared = geo::GeosContext::Prepared;

}  // namespace

std::vector<CountyInfo> countyInfo(const Geography& geography)
{
    std::vector<CountyInfo> info;
    for (const County& c : geography.counties) {
        CountyInfo i;
        i.box = geo::bounds(c.shape);
        // Districts (市辖区, codes ..01-..19) are the built-up cores: larger built-up areas round their seats.
        const int suffix = std::atoi(c.code.substr(c.code.size() >= 2 ? c.code.size() - 2 : 0).c_str());
        i.seat = {c.seat, suffix < 20 ? 0.045 : suffix >= 81 ? 0.03 : 0.022};
        info.push_back(i);
    }
    return info;
}

Grid makeGrid(const std::vector<CountyInfo>& info, double step, std::uint64_t seed)
{
    geo::Box all = geo::Box::empty();
    for (const CountyInfo& i : info)
        all.expand(i.box);
    Grid grid;
    grid.step = step;
    grid.amp = kJitter * grid.step;
    grid.seed = seed;
    grid.x0 = std::floor(all.minX / grid.step) * grid.step - grid.step;
    grid.y0 = std::floor(all.minY / grid.step) * grid.step - grid.step;
    grid.cols = static_cast<std::int64_t>(std::ceil((all.maxX - grid.x0) / grid.step)) + 1;
    grid.rows = static_cast<std::int64_t>(std::ceil((all.maxY - grid.y0) / grid.step)) + 1;
    grid.tile = std::clamp<std::int64_t>(std::llround(kTileSide / grid.step), 4, 32);
    return grid;
}

class BandMaker::Worker {
public:
    Worker(const Geography& geography, const std::vector<CountyInfo>& info, const Grid& grid)
        : m_geography(geography), m_info(info), m_grid(grid), m_albers(geo::crs::kCgcs2000, geo::crs::kAlbersChina), m_h(m_geos.handle()),
          m_counties(info.size()), m_prepared(info.size())
    {
    }

    Band band(std::int64_t index) const;

private:
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

    bool test(char result, const char* what) const { return m_geos.test(result, what); }
    Geom own(GEOSGeometry* g, const char* what) const { return m_geos.own(g, what); }
    const GEOSGeometry* county(std::uint32_t k) const;
    const GEOSPreparedGeometry* preparedCounty(std::uint32_t k) const;
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
    geo::GeosContext m_geos;  // before the geometries: they are freed in it
    GEOSContextHandle_t m_h;
    mutable std::vector<Geom> m_counties;
    mutable std::vector<Prepared> m_prepared;  // after the counties they prepare: freed first
    mutable geo::Ring m_scratch;
};

const GEOSGeometry* BandMaker::Worker::county(std::uint32_t k) const
{
    if (!m_counties[k])
        m_counties[k] = m_geos.multiPolygon(m_geography.counties[k].shape);
    return m_counties[k].get();
}

const GEOSPreparedGeometry* BandMaker::Worker::preparedCounty(std::uint32_t k) const
{
    if (!m_prepared[k])
        m_prepared[k] = m_geos.prepare(county(k));
    return m_prepared[k].get();
}

Geom BandMaker::Worker::polygonal(Geom g) const
{
    std::vector<const GEOSGeometry*> parts;
    m_geos.polygons(g.get(), parts);
    if (parts.empty())
        return m_geos.none();
    const int type = GEOSGeomTypeId_r(m_h, g.get());
    if (type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON)
        return g;
    std::vector<Geom> clones;
    for (const GEOSGeometry* p : parts)
        clones.push_back(m_geos.clone(p));
    return m_geos.collection(GEOS_MULTIPOLYGON, std::move(clones));
}

BandMaker::Worker::Piece BandMaker::Worker::piece(std::uint32_t county, Geom geom) const
{
    Prepared prepared = m_geos.prepare(geom.get());
    const geo::Box box = m_geos.bounds(geom.get());
    return Piece{county, std::move(geom), std::move(prepared), box};
}

std::vector<BandMaker::Worker::Piece> BandMaker::Worker::strips(std::int64_t r0, std::int64_t r1) const
{
    // Twice the tile margin, so that a tile rectangle inside a county lies properly inside its strip.
    const double margin = 2 * kTileMargin * m_grid.step;
    const geo::Box rect{m_grid.x0 - m_grid.step, m_grid.y0 + static_cast<double>(r0) * m_grid.step - margin,
                        m_grid.x0 + static_cast<double>(m_grid.cols + 1) * m_grid.step, m_grid.y0 + static_cast<double>(r1) * m_grid.step + margin};
    std::vector<Piece> out;
    const Geom rectangle = m_geos.rectangle(rect);
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

BandMaker::Worker::Tile BandMaker::Worker::tile(std::int64_t c0, std::int64_t c1, std::int64_t r0, std::int64_t r1, const std::vector<Piece>& strips) const
{
    const double margin = kTileMargin * m_grid.step;
    const geo::Box rect{m_grid.x0 + static_cast<double>(c0) * m_grid.step - margin, m_grid.y0 + static_cast<double>(r0) * m_grid.step - margin,
                        m_grid.x0 + static_cast<double>(c1) * m_grid.step + margin, m_grid.y0 + static_cast<double>(r1) * m_grid.step + margin};
    Tile t;
    std::vector<const Piece*> meeting;
    Geom rectangle = m_geos.none();
    for (const Piece& strip : strips) {
        if (!strip.box.intersects(rect))
            continue;
        if (!rectangle)
            rectangle = m_geos.rectangle(rect);
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

void BandMaker::Worker::addWhole(Band& b, std::uint32_t county, std::int64_t i, std::int64_t j, const geo::Point* ring) const
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

void BandMaker::Worker::addPiece(Band& b, std::uint32_t county, int landUse, const GEOSGeometry* polygon) const
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
        const std::size_t start = b.points.size();
        const std::size_t n = m_geos.appendPoints(ring, b.points);
        if (n < 4) {
            b.points.resize(start);
            continue;
        }
        geo::Point* q = &b.points[start];
        const double signedArea = shoelace(q, n);
        if ((r < 0) != (signedArea > 0))
            std::reverse(q, q + n);
        const double area = albersArea(q, n);
        p.area += r < 0 ? area : -area;
        b.ringSizes.push_back(static_cast<std::uint32_t>(n));
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
Band BandMaker::Worker::band(std::int64_t index) const
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
            const Geom cell = m_geos.polygon(ring, 9);
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
                m_geos.polygons(cuts[0].second.get(), parts);
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
                m_geos.polygons(cut.get(), parts);
                for (const GEOSGeometry* part : parts)
                    addPiece(b, county, landUse, part);
            }
        }
    return b;
}

BandMaker::BandMaker(const Geography& geography, const std::vector<CountyInfo>& info, const Grid& grid)
    : m_worker(std::make_unique<Worker>(geography, info, grid))
{
}

BandMaker::~BandMaker() = default;

Band BandMaker::band(std::int64_t index) const { return m_worker->band(index); }

}  // namespace layers::parcel
