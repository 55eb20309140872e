#include "geo/geos_context.h"

#include <stdexcept>

#include <geos_c.h>

namespace geo {

namespace {
void collectMessage(const char* message, void* userdata) { *static_cast<std::string*>(userdata) = message; }
}  // namespace

void GeosContext::GeometryDeleter::operator()(GEOSGeometry* g) const { GEOSGeom_destroy_r(handle, g); }

void GeosContext::PreparedDeleter::operator()(const GEOSPreparedGeometry* g) const { GEOSPreparedGeom_destroy_r(handle, g); }

GeosContext::GeosContext() : m_handle(GEOS_init_r())
{
    if (!m_handle)
        throw std::runtime_error("GEOS context could not be made (out of memory?)");
    GEOSContext_setErrorMessageHandler_r(m_handle, collectMessage, &m_lastError);
}

GeosContext::~GeosContext() { GEOS_finish_r(m_handle); }

void GeosContext::fail(const char* what) const { throw std::runtime_error(std::string("GEOS ") + what + " failed: " + m_lastError); }

GeosContext::Geometry GeosContext::own(GEOSGeometry* g, const char* what) const
{
    if (!g)
        fail(what);
    return Geometry(g, GeometryDeleter{m_handle});
}

bool GeosContext::test(char result, const char* what) const
{
    if (result == 2)
        fail(what);
    return result == 1;
}

GeosContext::Prepared GeosContext::prepare(const GEOSGeometry* g) const
{
    const GEOSPreparedGeometry* prepared = GEOSPrepare_r(m_handle, g);
    if (!prepared)
        fail("prepare");
    return Prepared(prepared, PreparedDeleter{m_handle});
}

std::string GeosContext::take(char* text) const
{
    if (!text)
        return {};
    std::string copy;
    try {
        copy = text;
    } catch (...) {
        GEOSFree_r(m_handle, text);
        throw;
    }
    GEOSFree_r(m_handle, text);
    return copy;
}

GeosContext::Geometry GeosContext::ring(const Point* points, std::size_t count) const
{
    GEOSCoordSequence* sequence = GEOSCoordSeq_copyFromBuffer_r(m_handle, &points[0].x, static_cast<unsigned>(count), 0, 0);
    if (!sequence)
        fail("coordinate sequence");
    return own(GEOSGeom_createLinearRing_r(m_handle, sequence), "ring");  // the ring owns the sequence, also on failure
}

GeosContext::Geometry GeosContext::polygon(Geometry shell, std::vector<Geometry> holes) const
{
    std::vector<GEOSGeometry*> raw;
    raw.reserve(holes.size());  // before anything is released: no allocation between the releases and the call
    for (Geometry& h : holes)
        raw.push_back(h.release());
    return own(GEOSGeom_createPolygon_r(m_handle, shell.release(), raw.data(), static_cast<unsigned>(raw.size())), "polygon");
}

GeosContext::Geometry GeosContext::polygon(const Point* points, std::size_t count) const { return polygon(ring(points, count)); }

GeosContext::Geometry GeosContext::collection(int type, std::vector<Geometry> parts) const
{
    std::vector<GEOSGeometry*> raw;
    raw.reserve(parts.size());
    for (Geometry& p : parts)
        raw.push_back(p.release());
    return own(GEOSGeom_createCollection_r(m_handle, type, raw.data(), static_cast<unsigned>(raw.size())), "collection");
}

GeosContext::Geometry GeosContext::multiPolygon(const MultiPolygon& shape) const
{
    std::vector<Geometry> parts;
    for (const Polygon& p : shape) {
        if (p.outer.size() < 4)
            continue;
        Geometry shell = ring(p.outer.data(), p.outer.size());
        std::vector<Geometry> holes;
        for (const Ring& h : p.holes)
            if (h.size() >= 4)
                holes.push_back(ring(h.data(), h.size()));
        parts.push_back(polygon(std::move(shell), std::move(holes)));
    }
    return collection(GEOS_MULTIPOLYGON, std::move(parts));
}

GeosContext::Geometry GeosContext::line(const Point* points, std::size_t count) const
{
    GEOSCoordSequence* sequence = GEOSCoordSeq_copyFromBuffer_r(m_handle, &points[0].x, static_cast<unsigned>(count), 0, 0);
    if (!sequence)
        fail("coordinate sequence");
    return own(GEOSGeom_createLineString_r(m_handle, sequence), "line");  // the line owns the sequence, also on failure
}

GeosContext::Geometry GeosContext::multiLine(const std::vector<Line>& lines) const
{
    std::vector<Geometry> parts;
    for (const Line& l : lines)
        if (l.size() >= 2)
            parts.push_back(line(l.data(), l.size()));
    return collection(GEOS_MULTILINESTRING, std::move(parts));
}

GeosContext::Geometry GeosContext::rectangle(const Box& box) const
{
    return own(GEOSGeom_createRectangle_r(m_handle, box.minX, box.minY, box.maxX, box.maxY), "rectangle");
}

GeosContext::Geometry GeosContext::clone(const GEOSGeometry* g) const { return own(GEOSGeom_clone_r(m_handle, g), "clone"); }

void GeosContext::polygons(const GEOSGeometry* g, std::vector<const GEOSGeometry*>& out) const
{
    const int type = GEOSGeomTypeId_r(m_handle, g);
    if (type == GEOS_POLYGON) {
        if (!GEOSisEmpty_r(m_handle, g))
            out.push_back(g);
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(m_handle, g);
        for (int i = 0; i < n; ++i)
            polygons(GEOSGetGeometryN_r(m_handle, g, i), out);
    }
}

void GeosContext::append(const GEOSGeometry* g, MultiPolygon& out) const
{
    std::vector<const GEOSGeometry*> found;
    polygons(g, found);
    for (const GEOSGeometry* polygon : found) {
        Polygon p;
        appendPoints(GEOSGetExteriorRing_r(m_handle, polygon), p.outer);
        const int holes = GEOSGetNumInteriorRings_r(m_handle, polygon);
        for (int i = 0; i < holes; ++i)
            appendPoints(GEOSGetInteriorRingN_r(m_handle, polygon, i), p.holes.emplace_back());
        out.push_back(std::move(p));
    }
}

void GeosContext::append(const GEOSGeometry* g, std::vector<Line>& out) const
{
    const int type = GEOSGeomTypeId_r(m_handle, g);
    if (type == GEOS_LINESTRING) {
        if (!GEOSisEmpty_r(m_handle, g))
            appendPoints(g, out.emplace_back());
    } else if (type == GEOS_MULTILINESTRING || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(m_handle, g);
        for (int i = 0; i < n; ++i)
            append(GEOSGetGeometryN_r(m_handle, g, i), out);
    }
}

std::size_t GeosContext::appendPoints(const GEOSGeometry* ring, std::vector<Point>& out) const
{
    const GEOSCoordSequence* sequence = ring ? GEOSGeom_getCoordSeq_r(m_handle, ring) : nullptr;
    unsigned n = 0;
    if (!sequence || !GEOSCoordSeq_getSize_r(m_handle, sequence, &n))
        fail("ring size");
    if (n == 0)
        return 0;
    const std::size_t start = out.size();
    out.resize(start + n);
    if (!GEOSCoordSeq_copyToBuffer_r(m_handle, sequence, &out[start].x, 0, 0))
        fail("ring coordinates");
    return n;
}

Box GeosContext::bounds(const GEOSGeometry* g) const
{
    Box box;
    if (!GEOSGeom_getXMin_r(m_handle, g, &box.minX) || !GEOSGeom_getYMin_r(m_handle, g, &box.minY) || !GEOSGeom_getXMax_r(m_handle, g, &box.maxX) ||
        !GEOSGeom_getYMax_r(m_handle, g, &box.maxY))
        fail("bounds");
    return box;
}

}  // namespace geo
