#include "analysis/overlay.h"

#include <algorithm>
#include <cmath>
#include <future>

#include <geos_c.h>

#include "analysis/layer_reader.h"
#include "geo/ellipsoid.h"
#include "geo/geodesic.h"
#include "geo/topology.h"
#include "io/ogr_convert.h"

namespace layers::analysis::detail {

namespace {
/// How deep inside a polygon feature a boundary segment must pass to cut it (degrees, about 0.1 mm): above the noise
/// of a vertex computed on a boundary (parcels cut at county boundaries by GEOS), far below any area that matters
/// (at most this times the boundary's length inside the feature).
constexpr double kTolerance = 1e-9;
/// Grid cells across the counties' bounds (about 1.4 km in Guizhou): a feature whose bounds lie in cells wholly
/// inside one county is measured whole at once. 1024 sends a fifth fewer of the 100k parcels to the crossing test but
/// takes longer to build: 100k parcels by county, 15 runs each, interleaved: medians 0.54 s (512) and 0.58 s (1024).
constexpr int kCountyCells = 512;

/// geo::contains(shape, p) && geo::boundaryDistance(shape, p) > tolerance, in one pass over the edges (the crossing
/// parity and the distance together) that ends at the first edge nearer than tolerance: a piece of a county boundary
/// that runs along a parcel's edge (most of them) is decided after part of one pass instead of two whole ones.
bool insideDeeperThan(const geo::MultiPolygon& shape, geo::Point p, double tolerance)
{
    const double t2 = tolerance * tolerance;
    bool inside = false;
    for (const geo::Polygon& polygon : shape) {
        bool inPolygon = false;
        for (std::size_t r = 0; r <= polygon.holes.size(); ++r) {
            const geo::Ring& ring = r == 0 ? polygon.outer : polygon.holes[r - 1];
            bool odd = false;
            for (std::size_t i = 1; i < ring.size(); ++i) {
                if (geo::segmentDistanceSquared(p, ring[i - 1], ring[i]) <= t2)
                    return false;
                odd ^= geo::crossesRay(ring[i], ring[i - 1], p);
            }
            if (ring.size() > 1)
                odd ^= geo::crossesRay(ring.front(), ring.back(), p);  // the closing edge, as geo::ringContains
            inPolygon = r == 0 ? odd : inPolygon && !odd;
        }
        inside = inside || inPolygon;
    }
    return inside;
}
}  // namespace

void Boundary::add(const geo::MultiPolygon& shape, std::uint32_t k)
{
    auto addRing = [&](const geo::Ring& ring) {
        for (std::size_t i = 1; i < ring.size(); ++i) {
            from.push_back(ring[i - 1]);
            to.push_back(ring[i]);
            owner.push_back(k);
        }
    };
    for (const geo::Polygon& p : shape) {
        addRing(p.outer);
        for (const geo::Ring& h : p.holes)
            addRing(h);
    }
}

void Boundary::build()
{
    std::vector<geo::FloatBox> boxes(from.size());
    for (std::size_t i = 0; i < from.size(); ++i) {
        geo::Box b = geo::Box::empty();
        b.expand(from[i]);
        b.expand(to[i]);
        boxes[i] = geo::BoxIndex::outward(b);
    }
    index = geo::BoxIndex(boxes);
}

std::shared_ptr<const CountyIndex> buildCountyIndex(const Geography& geography)
{
    auto index = std::make_shared<CountyIndex>();
    for (const County& c : geography.counties) {
        index->slots.emplace(c.code, index->shapes.size());
        index->shapes.push_back(c.shape);
    }
    for (std::size_t k = 0; k < index->shapes.size(); ++k) {
        index->boxes.push_back(geo::bounds(index->shapes[k]));
        index->boundary.add(index->shapes[k], static_cast<std::uint32_t>(k));
    }
    // The locator's grid on a second thread while this one builds the R-tree (a third of the setup each).
    std::future<void> locator = std::async(std::launch::async, [&index] {
        index->locator = geo::PointLocator(index->shapes, geo::PointLocator::Options{kCountyCells});
    });
    index->boundary.build();
    locator.get();
    return index;
}

Overlay::Overlay(std::shared_ptr<const CountyIndex> counties, const std::vector<const Unit*>& direct, bool plain)
    : m_plain(plain), m_index(std::move(counties)), m_countyShape(m_index->shapes), m_countyBox(m_index->boxes), m_countyIndex(m_index->slots),
      m_locator(m_index->locator), m_counties(m_index->boundary)
{
    // The counties as a partition: where the source's polygons overlap (slivers, see the build log), the point
    // locator gives the lower index, and so do the cut parts (a county less every lower-indexed one it meets).
    geo::Topology topology;
    for (const Unit* u : direct) {
        auto d = std::make_unique<Direct>();
        d->unit = u;
        if (u->shape) {
            d->shape = *u->shape;
        } else {
            // Whole counties (the plain path only): the worker unites their partition pieces.
            std::vector<const geo::MultiPolygon*> parts;
            for (const std::string& code : u->countyCodes)
                if (const std::size_t k = countySlot(code); k != SIZE_MAX) {
                    d->members.push_back(k);
                    parts.push_back(&m_countyShape[k]);
                }
            d->shape = parts.size() == 1 ? *parts.front() : topology.unite(parts);
        }
        d->box = geo::bounds(d->shape);
        if (!plain) {
            d->locator = geo::PointLocator(std::vector<geo::MultiPolygon>{d->shape}, geo::PointLocator::Options{256});
            d->boundary.add(d->shape, 0);
            d->boundary.build();
        }
        m_direct.push_back(std::move(d));
    }
}

std::size_t Overlay::countySlot(const std::string& code) const
{
    const auto it = m_countyIndex.find(code);
    return it == m_countyIndex.end() ? SIZE_MAX : it->second;
}

std::size_t Overlay::directSlot(const Unit* unit) const
{
    for (std::size_t d = 0; d < m_direct.size(); ++d)
        if (m_direct[d]->unit == unit)
            return m_countyShape.size() + d;
    return SIZE_MAX;
}

OverlayWorker::OverlayWorker(const Overlay& overlay)
    : m_overlay(overlay), m_albers(geo::crs::kCgcs2000, geo::crs::kAlbersChina), m_feature(m_geos.none()), m_madeValid(m_geos.none())
{
    for (std::size_t k = 0; k < overlay.m_countyShape.size(); ++k) {
        m_county.push_back(m_geos.none());
        m_rawCounty.push_back(m_geos.none());
        m_countyPrep.emplace_back(nullptr, geo::GeosContext::PreparedDeleter{m_geos.handle()});
    }
    for (std::size_t d = 0; d < overlay.m_direct.size(); ++d) {
        m_direct.push_back(m_geos.none());
        m_directPrep.emplace_back(nullptr, geo::GeosContext::PreparedDeleter{m_geos.handle()});
    }
}

OverlayWorker::~OverlayWorker()
{
    // Prepared geometries before the geometries they refer to.
    m_countyPrep.clear();
    m_directPrep.clear();
}

const GEOSGeometry* OverlayWorker::rawCounty(std::size_t k)
{
    if (!m_rawCounty[k])
        m_rawCounty[k] = m_geos.multiPolygon(m_overlay.m_countyShape[k]);
    return m_rawCounty[k].get();
}

const GEOSGeometry* OverlayWorker::countyGeometry(std::size_t k)
{
    if (!m_county[k]) {
        Geometry g = m_geos.clone(rawCounty(k));
        for (std::size_t j = 0; j < k; ++j)
            if (m_overlay.m_countyBox[j].intersects(m_overlay.m_countyBox[k]))
                g = m_geos.own(GEOSDifference_r(m_geos.handle(), g.get(), rawCounty(j)), "difference");
        m_county[k] = std::move(g);
    }
    return m_county[k].get();
}

double OverlayWorker::clippedCountyPart(std::size_t k)
{
    // County k less the lower-indexed counties, all clipped to the feature's bounds first (GEOS ClipByRect: linear in
    // a county's vertices), so that every overlay is small.
    const GEOSContextHandle_t h = m_geos.handle();
    const double margin = 1e-6;  // degrees: the clip must not touch the feature
    const geo::Box b{m_box.minX - margin, m_box.minY - margin, m_box.maxX + margin, m_box.maxY + margin};
    auto clip = [&](std::size_t j) { return m_geos.own(GEOSClipByRect_r(h, rawCounty(j), b.minX, b.minY, b.maxX, b.maxY), "clip"); };
    Geometry piece = clip(k);
    if (GEOSisEmpty_r(h, piece.get()) == 1)
        return 0;
    for (std::size_t j = 0; j < k; ++j) {
        if (!m_overlay.m_countyBox[j].intersects(b))
            continue;
        Geometry other = clip(j);
        if (GEOSisEmpty_r(h, other.get()) != 1)
            piece = m_geos.own(GEOSDifference_r(h, piece.get(), other.get()), "difference");
    }
    return partMeasure(piece.get());
}

const GEOSPreparedGeometry* OverlayWorker::countyPrepared(std::size_t k)
{
    if (!m_countyPrep[k])
        m_countyPrep[k] = m_geos.prepare(countyGeometry(k));
    return m_countyPrep[k].get();
}

const GEOSGeometry* OverlayWorker::directGeometry(std::size_t d)
{
    if (!m_direct[d]) {
        const Overlay::Direct& unit = *m_overlay.m_direct[d];
        if (unit.members.empty()) {
            m_direct[d] = m_geos.multiPolygon(unit.shape);
        } else {
            std::vector<Geometry> pieces;
            for (std::size_t k : unit.members)
                pieces.push_back(m_geos.clone(countyGeometry(k)));
            const auto all = m_geos.collection(GEOS_GEOMETRYCOLLECTION, std::move(pieces));
            m_direct[d] = m_geos.own(GEOSUnaryUnion_r(m_geos.handle(), all.get()), "union");
        }
    }
    return m_direct[d].get();
}

const GEOSPreparedGeometry* OverlayWorker::directPrepared(std::size_t d)
{
    if (!m_directPrep[d])
        m_directPrep[d] = m_geos.prepare(directGeometry(d));
    return m_directPrep[d].get();
}

bool OverlayWorker::decode(const OGRGeometry* lonLat)
{
    m_scratch.clear();
    collect(lonLat, m_scratch.polygons, m_scratch.lines, m_scratch.points);
    return adopt(m_scratch);
}

bool OverlayWorker::adopt(Shape& lonLat)
{
    m_polygons.swap(lonLat.polygons);
    m_linesLonLat.swap(lonLat.lines);
    m_points.swap(lonLat.points);
    m_lines.clear();
    m_feature.reset();
    m_madeValid.reset();
    m_haveInside = false;
    m_kind = Kind::None;
    if (!m_polygons.empty()) {
        m_kind = Kind::Polygons;
        m_box = geo::bounds(m_polygons);
    } else if (!m_linesLonLat.empty()) {
        m_kind = Kind::Lines;
        m_lines = m_linesLonLat;
        m_box = geo::bounds(m_lines);
    } else if (!m_points.empty()) {
        m_kind = Kind::Points;
        m_points.resize(1);  // a multipoint counts where its first point is
        m_box = geo::Box::empty();
        m_box.expand(m_points[0]);
    }
    return m_kind != Kind::None && std::isfinite(m_box.minX) && std::isfinite(m_box.maxX);
}

const GEOSGeometry* OverlayWorker::feature()
{
    if (!m_feature) {
        if (m_kind == Kind::Polygons)
            m_feature = m_geos.multiPolygon(m_polygons);
        else if (m_kind == Kind::Lines)
            m_feature = m_geos.multiLine(m_lines);
        else {
            GEOSCoordSequence* s = GEOSCoordSeq_create_r(m_geos.handle(), 1, 2);
            GEOSCoordSeq_setXY_r(m_geos.handle(), s, 0, m_points[0].x, m_points[0].y);
            m_feature = m_geos.own(GEOSGeom_createPoint_r(m_geos.handle(), s), "point");
        }
    }
    return m_feature.get();
}

geo::Point OverlayWorker::insidePoint()
{
    if (!m_haveInside) {
        if (m_kind == Kind::Points) {
            m_inside = m_points[0];
        } else {
            const auto p = m_geos.own(GEOSPointOnSurface_r(m_geos.handle(), feature()), "inside point");
            if (GEOSisEmpty_r(m_geos.handle(), p.get()) == 1) {
                m_inside = m_kind == Kind::Polygons ? m_polygons[0].outer[0] : m_lines[0][0];
            } else {
                GEOSGeomGetX_r(m_geos.handle(), p.get(), &m_inside.x);
                GEOSGeomGetY_r(m_geos.handle(), p.get(), &m_inside.y);
            }
        }
        m_haveInside = true;
    }
    return m_inside;
}

OverlayWorker::Geometry OverlayWorker::intersection(const GEOSGeometry* unit)
{
    const GEOSContextHandle_t h = m_geos.handle();
    GEOSGeometry* raw = GEOSIntersection_r(h, unit, m_madeValid ? m_madeValid.get() : feature());
    if (!raw && !m_madeValid && m_kind == Kind::Polygons) {
        // An invalid polygon (a self-intersecting ring): measured as GEOS MakeValid repairs it.
        m_madeValid = m_geos.own(GEOSMakeValid_r(h, feature()), "make valid");
        raw = GEOSIntersection_r(h, unit, m_madeValid.get());
    }
    return m_geos.own(raw, "intersection");
}

double OverlayWorker::partMeasure(const GEOSGeometry* unit)
{
    const auto part = intersection(unit);
    if (m_kind == Kind::Polygons) {
        m_part.clear();
        m_geos.append(part.get(), m_part);
        return albersArea(m_part);
    }
    std::vector<geo::Line> pieces;
    m_geos.append(part.get(), pieces);
    double length = 0;
    for (const geo::Line& l : pieces)
        length += geo::geodesic::length(l);
    return length;
}

void OverlayWorker::pieces(const OGRGeometry* lonLat, std::vector<Piece>& out)
{
    out.clear();
    if (!decode(lonLat))
        return;
    const GEOSContextHandle_t h = m_geos.handle();
    double whole = 0;
    if (m_kind == Kind::Polygons)
        whole = albersArea(m_polygons);
    else if (m_kind == Kind::Lines)
        for (const geo::Line& l : m_linesLonLat)
            whole += geo::geodesic::length(l);
    for (std::size_t k = 0; k < m_overlay.m_countyShape.size(); ++k) {
        if (!m_overlay.m_countyBox[k].intersects(m_box))
            continue;
        if (m_kind == Kind::Points) {
            if (geo::contains(m_overlay.m_countyShape[k], m_points[0]))
                out.push_back({k, std::unique_ptr<OGRGeometry>(lonLat->clone()), 0});
            continue;
        }
        if (m_geos.test(GEOSPreparedCovers_r(h, countyPrepared(k), feature()), "covers")) {
            out.clear();
            out.push_back({k, std::unique_ptr<OGRGeometry>(lonLat->clone()), whole});
            return;
        }
        if (!m_geos.test(GEOSPreparedIntersects_r(h, countyPrepared(k), feature()), "intersects"))
            continue;
        const auto part = intersection(countyGeometry(k));
        Piece piece;
        piece.county = k;
        if (m_kind == Kind::Polygons) {
            geo::MultiPolygon shape;
            m_geos.append(part.get(), shape);
            if (shape.empty())
                continue;
            piece.measure = albersArea(shape);
            auto ogr = std::make_unique<OGRMultiPolygon>(layers::detail::toOgr(shape));
            piece.geometry = std::move(ogr);
        } else {
            std::vector<geo::Line> lines;
            m_geos.append(part.get(), lines);
            if (lines.empty())
                continue;
            auto ogr = std::make_unique<OGRMultiLineString>();
            for (const geo::Line& l : lines) {
                piece.measure += geo::geodesic::length(l);
                OGRLineString ls;
                for (const geo::Point& p : l)
                    ls.addPoint(p.x, p.y);
                ogr->addGeometry(&ls);
            }
            piece.geometry = std::move(ogr);
        }
        if (piece.measure > 0)
            out.push_back(std::move(piece));
    }
}

bool OverlayWorker::pointIn(std::size_t d, geo::Point point)
{
    const auto& direct = *m_overlay.m_direct[d];
    return direct.box.contains(point) && (m_overlay.m_plain ? geo::contains(direct.shape, point) : direct.locator.locate(point) == 0);
}

double OverlayWorker::albersArea(const geo::MultiPolygon& lonLat) { return m_equalArea.edgeArea(lonLat); }

double OverlayWorker::clippedPart(const GEOSGeometry* unit)
{
    const GEOSContextHandle_t h = m_geos.handle();
    const double margin = 1e-6;  // degrees: the clip must not touch the feature
    const auto clipped = m_geos.own(GEOSClipByRect_r(h, unit, m_box.minX - margin, m_box.minY - margin, m_box.maxX + margin, m_box.maxY + margin), "clip");
    if (GEOSisEmpty_r(h, clipped.get()) == 1)
        return 0;
    return partMeasure(clipped.get());
}

bool OverlayWorker::segmentEnters(geo::Point a, geo::Point b) const
{
    // Parameters along a→b where it meets an edge of the feature; between two consecutive ones the segment is wholly
    // inside or outside, and the middle of each piece says which, and how deep.
    m_params.clear();
    m_params.push_back(0);
    m_params.push_back(1);
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double length2 = dx * dx + dy * dy;
    if (length2 == 0)
        return false;
    auto edge = [&](geo::Point c, geo::Point d) {
        const double ex = d.x - c.x, ey = d.y - c.y;
        const double denom = dx * ey - dy * ex;
        const double wx = c.x - a.x, wy = c.y - a.y;
        if (std::abs(denom) > 1e-18 * length2) {
            const double t = (wx * ey - wy * ex) / denom;
            const double u = (wx * dy - wy * dx) / denom;
            if (t > 0 && t < 1 && u >= -1e-12 && u <= 1 + 1e-12)
                m_params.push_back(t);
        } else {
            // Parallel: where the edge's ends project onto a–b.
            for (geo::Point e : {c, d}) {
                const double t = ((e.x - a.x) * dx + (e.y - a.y) * dy) / length2;
                if (t > 0 && t < 1)
                    m_params.push_back(t);
            }
        }
    };
    for (const geo::Polygon& p : m_polygons) {
        for (std::size_t i = 1; i < p.outer.size(); ++i)
            edge(p.outer[i - 1], p.outer[i]);
        for (const geo::Ring& hole : p.holes)
            for (std::size_t i = 1; i < hole.size(); ++i)
                edge(hole[i - 1], hole[i]);
    }
    std::sort(m_params.begin(), m_params.end());
    for (std::size_t i = 1; i < m_params.size(); ++i) {
        const double t0 = m_params[i - 1], t1 = m_params[i];
        if (t1 - t0 <= 0)
            continue;
        const geo::Point m{a.x + dx * (t0 + t1) / 2, a.y + dy * (t0 + t1) / 2};
        if (insideDeeperThan(m_polygons, m, kTolerance))
            return true;
    }
    return false;
}

bool OverlayWorker::segmentCrossesLines(geo::Point a, geo::Point b) const
{
    auto orient = [](geo::Point p, geo::Point q, geo::Point r) { return (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x); };
    for (const geo::Line& l : m_lines)
        for (std::size_t i = 1; i < l.size(); ++i) {
            const double o1 = orient(a, b, l[i - 1]), o2 = orient(a, b, l[i]);
            const double o3 = orient(l[i - 1], l[i], a), o4 = orient(l[i - 1], l[i], b);
            if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0)))
                return true;
            // Touching at a vertex or running along: decided by GEOS, to be safe.
            if ((o1 == 0 || o2 == 0) && (o3 == 0 || o4 == 0))
                return true;
        }
    return false;
}

bool OverlayWorker::crossed(const Boundary& boundary, std::vector<std::uint32_t>& owners)
{
    m_hits.clear();
    owners.clear();
    boundary.index.query(m_box, m_hits);
    if (m_hits.empty())
        return false;
    bool crossing = false;
    for (std::uint32_t s : m_hits) {
        owners.push_back(boundary.owner[s]);
        if (!crossing)
            crossing = m_kind == Kind::Polygons ? segmentEnters(boundary.from[s], boundary.to[s]) : segmentCrossesLines(boundary.from[s], boundary.to[s]);
    }
    return crossing;
}

bool OverlayWorker::measure(const OGRGeometry* lonLat, Contribution& c)
{
    c.clear();
    return decode(lonLat) && measureCurrent(c);
}

bool OverlayWorker::measure(Shape& lonLat, Contribution& c)
{
    c.clear();
    return adopt(lonLat) && measureCurrent(c);
}

bool OverlayWorker::measureCurrent(Contribution& c)
{
    if (m_kind == Kind::Polygons)
        c.whole = albersArea(m_polygons);
    else if (m_kind == Kind::Lines)
        for (const geo::Line& l : m_linesLonLat)
            c.whole += geo::geodesic::length(l);
    const std::size_t counties = m_overlay.m_countyShape.size();
    const bool extended = m_kind != Kind::Points;

    // The counties: a partition.
    if (m_overlay.m_plain) {
        bool placed = false;  // the inside point goes to the first county holding it (overlaps: the earlier)
        for (std::size_t k = 0; k < counties; ++k) {
            if (!m_overlay.m_countyBox[k].intersects(m_box))
                continue;
            if (extended) {
                if (const double part = partMeasure(countyGeometry(k)); part > 0)
                    c.parts.emplace_back(k, part);
            }
            if (!placed && geo::contains(m_overlay.m_countyShape[k], insidePoint())) {
                c.assigned.push_back(k);
                placed = true;
            }
        }
    } else if (!extended) {
        if (const int k = m_overlay.m_locator.locate(m_points[0]); k >= 0)
            c.assigned.push_back(static_cast<std::size_t>(k));
    } else {
        std::vector<std::uint32_t>& owners = m_owners;
        const geo::Point first = m_kind == Kind::Polygons ? m_polygons[0].outer[0] : m_lines[0][0];
        if (const int k = m_overlay.m_locator.boxInside(m_box); k >= 0) {
            // Far from every boundary: its bounds lie in grid cells wholly inside one county.
            c.parts.emplace_back(static_cast<std::size_t>(k), c.whole);
            c.assigned.push_back(static_cast<std::size_t>(k));
        } else if (!crossed(m_overlay.m_counties, owners)) {
            // No county boundary passes through the feature: it lies wholly in one county (or none). With no boundary
            // near, any vertex tells which; else a point inside it.
            const int k = m_overlay.m_locator.locate(owners.empty() ? first : insidePoint());
            if (k >= 0) {
                c.parts.emplace_back(static_cast<std::size_t>(k), c.whole);
                c.assigned.push_back(static_cast<std::size_t>(k));
            }
        } else {
            c.cut = true;
            if (const int k = m_overlay.m_locator.locate(first); k >= 0)
                owners.push_back(static_cast<std::uint32_t>(k));
            std::sort(owners.begin(), owners.end());
            owners.erase(std::unique(owners.begin(), owners.end()), owners.end());
            for (std::uint32_t k : owners)
                if (const double part = clippedCountyPart(k); part > 0)
                    c.parts.emplace_back(k, part);
            if (const int k = m_overlay.m_locator.locate(insidePoint()); k >= 0)
                c.assigned.push_back(static_cast<std::size_t>(k));
        }
    }

    // The units measured by their own shape.
    for (std::size_t d = 0; d < m_overlay.m_direct.size(); ++d) {
        if (!m_overlay.m_direct[d]->box.intersects(m_box))
            continue;
        const std::size_t slot = counties + d;
        if (!extended) {
            if (pointIn(d, m_points[0]))
                c.assigned.push_back(slot);
            continue;
        }
        if (m_overlay.m_plain) {
            if (const double part = partMeasure(directGeometry(d)); part > 0)
                c.parts.emplace_back(slot, part);
            if (pointIn(d, insidePoint()))
                c.assigned.push_back(slot);
            continue;
        }
        const Overlay::Direct& unit = *m_overlay.m_direct[d];
        if (!crossed(unit.boundary, m_owners)) {
            if (unit.locator.locate(m_owners.empty() ? (m_kind == Kind::Polygons ? m_polygons[0].outer[0] : m_lines[0][0]) : insidePoint()) == 0) {
                c.parts.emplace_back(slot, c.whole);
                c.assigned.push_back(slot);
            }
        } else {
            c.cut = true;
            if (const double part = clippedPart(directGeometry(d)); part > 0)
                c.parts.emplace_back(slot, part);
            if (pointIn(d, insidePoint()))
                c.assigned.push_back(slot);
        }
    }
    return true;
}

bool OverlayWorker::locate(const OGRGeometry* lonLat, std::vector<std::size_t>& within, std::vector<std::size_t>& intersecting, geo::Point& insideLonLat)
{
    within.clear();
    intersecting.clear();
    return decode(lonLat) && locateCurrent(within, intersecting, insideLonLat);
}

bool OverlayWorker::locate(Shape& lonLat, std::vector<std::size_t>& within, std::vector<std::size_t>& intersecting, geo::Point& insideLonLat)
{
    within.clear();
    intersecting.clear();
    return adopt(lonLat) && locateCurrent(within, intersecting, insideLonLat);
}

bool OverlayWorker::locateCurrent(std::vector<std::size_t>& within, std::vector<std::size_t>& intersecting, geo::Point& insideLonLat)
{
    const GEOSContextHandle_t h = m_geos.handle();
    const geo::Point inside = insidePoint();
    if (const int k = m_overlay.m_plain ? -1 : m_overlay.m_locator.locate(inside); k >= 0)
        within.push_back(static_cast<std::size_t>(k));
    for (std::size_t d = 0; d < m_overlay.m_direct.size(); ++d) {
        if (!m_overlay.m_direct[d]->box.intersects(m_box))
            continue;
        const std::size_t slot = m_overlay.m_countyShape.size() + d;
        bool in = false;
        if (m_overlay.m_plain) {
            GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, 1, 2);
            GEOSCoordSeq_setXY_r(h, seq, 0, inside.x, inside.y);
            const auto point = m_geos.own(GEOSGeom_createPoint_r(h, seq), "point");
            in = m_geos.test(GEOSContains_r(h, directGeometry(d), point.get()), "contains");
        } else {
            in = pointIn(d, inside);
        }
        if (in)
            within.push_back(slot);
        bool meets = false;
        if (m_overlay.m_plain) {
            meets = m_geos.test(GEOSIntersects_r(h, directGeometry(d), feature()), "intersects");
        } else {
            m_hits.clear();
            m_overlay.m_direct[d]->boundary.index.query(m_box, m_hits);
            const geo::Point first = m_kind == Kind::Polygons ? m_polygons[0].outer[0] : m_kind == Kind::Lines ? m_lines[0][0] : m_points[0];
            meets = m_hits.empty() ? m_overlay.m_direct[d]->locator.locate(first) == 0
                                   : m_geos.test(GEOSPreparedIntersects_r(h, directPrepared(d), feature()), "intersects");
        }
        if (meets)
            intersecting.push_back(slot);
    }
    insideLonLat = inside;
    return true;
}

}  // namespace layers::analysis::detail
