#include "geo/topology.h"

#include <cmath>
#include <stdexcept>

#include <geos_c.h>

namespace geo {

std::size_t SliverReport::gapCount() const
{
    std::size_t n = 0;
    for (const Sliver& s : slivers)
        n += s.kind == Sliver::Kind::Gap;
    return n;
}

std::size_t SliverReport::overlapCount() const { return slivers.size() - gapCount(); }

namespace {

void collectMessage(const char* message, void* userdata)
{
    *static_cast<std::string*>(userdata) = message;
}

}  // namespace

struct Topology::Context {
    GEOSContextHandle_t handle = nullptr;
    std::string lastError;

    Context()
    {
        handle = GEOS_init_r();
        GEOSContext_setErrorMessageHandler_r(handle, collectMessage, &lastError);
    }
    ~Context() { GEOS_finish_r(handle); }

    [[noreturn]] void fail(const char* what) const
    {
        throw std::runtime_error(std::string("GEOS ") + what + " failed: " + lastError);
    }

    struct Deleter {
        GEOSContextHandle_t handle;
        void operator()(GEOSGeometry* g) const { GEOSGeom_destroy_r(handle, g); }
    };
    using Owned = std::unique_ptr<GEOSGeometry, Deleter>;
    Owned own(GEOSGeometry* g, const char* what) const
    {
        if (!g)
            fail(what);
        return Owned(g, Deleter{handle});
    }

    GEOSGeometry* ring(const Ring& r, bool shell) const
    {
        GEOSCoordSequence* seq = GEOSCoordSeq_copyFromBuffer_r(handle, &r[0].x, r.size(), false, false);
        if (!seq)
            fail("coordinate sequence");
        GEOSGeometry* g = GEOSGeom_createLinearRing_r(handle, seq);
        if (!g)
            fail(shell ? "shell" : "hole");
        return g;
    }

    GEOSGeometry* polygon(const Polygon& p) const
    {
        GEOSGeometry* shell = ring(p.outer, true);
        std::vector<GEOSGeometry*> holes;
        for (const Ring& h : p.holes)
            holes.push_back(ring(h, false));
        GEOSGeometry* g = GEOSGeom_createPolygon_r(handle, shell, holes.data(), static_cast<unsigned>(holes.size()));
        if (!g)
            fail("polygon");
        return g;
    }

    Owned toGeos(const MultiPolygon& shape) const
    {
        std::vector<GEOSGeometry*> parts;
        for (const Polygon& p : shape)
            if (p.outer.size() >= 4)
                parts.push_back(polygon(p));
        return own(GEOSGeom_createCollection_r(handle, GEOS_MULTIPOLYGON, parts.data(), static_cast<unsigned>(parts.size())),
                   "multipolygon");
    }

    Ring fromRing(const GEOSGeometry* r) const
    {
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(handle, r);
        unsigned n = 0;
        GEOSCoordSeq_getSize_r(handle, seq, &n);
        Ring out(n);
        if (n)
            GEOSCoordSeq_copyToBuffer_r(handle, seq, &out[0].x, false, false);
        return out;
    }

    /// Appends every polygon found in g (polygons, multipolygons, collections); other types are dropped.
    void fromGeos(const GEOSGeometry* g, MultiPolygon& out) const
    {
        const int type = GEOSGeomTypeId_r(handle, g);
        if (type == GEOS_POLYGON) {
            if (GEOSisEmpty_r(handle, g))
                return;
            Polygon p;
            p.outer = fromRing(GEOSGetExteriorRing_r(handle, g));
            const int holes = GEOSGetNumInteriorRings_r(handle, g);
            for (int i = 0; i < holes; ++i)
                p.holes.push_back(fromRing(GEOSGetInteriorRingN_r(handle, g, i)));
            out.push_back(std::move(p));
        } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
            const int n = GEOSGetNumGeometries_r(handle, g);
            for (int i = 0; i < n; ++i)
                fromGeos(GEOSGetGeometryN_r(handle, g, i), out);
        }
    }
};

Topology::Topology() : m_context(std::make_unique<Context>()) {}
Topology::~Topology() = default;

Validity Topology::validity(const MultiPolygon& shape) const
{
    auto g = m_context->toGeos(shape);
    const char valid = GEOSisValid_r(m_context->handle, g.get());
    if (valid == 2)
        m_context->fail("validity check");
    Validity v;
    v.valid = valid == 1;
    if (!v.valid) {
        char* reason = GEOSisValidReason_r(m_context->handle, g.get());
        v.reason = reason ? reason : "invalid";
        GEOSFree_r(m_context->handle, reason);
    }
    return v;
}

Repair Topology::repair(const MultiPolygon& shape) const
{
    Repair r;
    r.before = validity(shape);
    if (r.before.valid) {
        r.shape = shape;
        return r;
    }
    auto g = m_context->toGeos(shape);
    auto fixed = m_context->own(GEOSMakeValid_r(m_context->handle, g.get()), "MakeValid");
    m_context->fromGeos(fixed.get(), r.shape);
    r.changed = true;
    return r;
}

MultiPolygon Topology::unite(const std::vector<const MultiPolygon*>& parts) const
{
    std::vector<GEOSGeometry*> geoms;
    for (const MultiPolygon* part : parts)
        geoms.push_back(m_context->toGeos(*part).release());
    auto collection = m_context->own(
        GEOSGeom_createCollection_r(m_context->handle, GEOS_GEOMETRYCOLLECTION, geoms.data(), static_cast<unsigned>(geoms.size())),
        "collection");
    auto united = m_context->own(GEOSUnaryUnion_r(m_context->handle, collection.get()), "union");
    MultiPolygon out;
    m_context->fromGeos(united.get(), out);
    return out;
}

MultiPolygon Topology::intersection(const MultiPolygon& a, const MultiPolygon& b) const
{
    auto ga = m_context->toGeos(a);
    auto gb = m_context->toGeos(b);
    auto gi = m_context->own(GEOSIntersection_r(m_context->handle, ga.get(), gb.get()), "intersection");
    MultiPolygon out;
    m_context->fromGeos(gi.get(), out);
    return out;
}

SliverReport Topology::slivers(const std::vector<MultiPolygon>& parts, double minArea) const
{
    SliverReport report;
    std::vector<Box> boxes;
    for (const MultiPolygon& p : parts)
        boxes.push_back(bounds(p));
    for (std::size_t i = 0; i < parts.size(); ++i) {
        for (std::size_t j = i + 1; j < parts.size(); ++j) {
            if (!boxes[i].intersects(boxes[j]))
                continue;
            const MultiPolygon shared = intersection(parts[i], parts[j]);
            const double area = planarArea(shared);
            if (area > minArea) {
                report.slivers.push_back({Sliver::Kind::Overlap, i, j, area, bounds(shared).centre()});
                report.overlapArea += area;
            }
        }
    }
    std::vector<const MultiPolygon*> all;
    for (const MultiPolygon& p : parts)
        all.push_back(&p);
    for (const Polygon& polygon : unite(all)) {
        for (const Ring& hole : polygon.holes) {
            const double area = std::abs(signedArea(hole));
            report.slivers.push_back({Sliver::Kind::Gap, 0, 0, area, bounds(hole).centre()});
            report.gapArea += area;
        }
    }
    return report;
}

}  // namespace geo
