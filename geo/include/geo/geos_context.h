#pragma once
// The one wrapper of the GEOS C API (its reentrant functions: one context per thread), used by geo's Topology
// and by the parcel generator in layers. A GeosContext turns every GEOS failure into std::runtime_error with
// GEOS's own message, and every geometry or prepared geometry it hands out is owned (a unique_ptr that frees
// it in this context), so nothing leaks on any path, failing ones included. Nowhere else are GEOS objects
// freed (GEOSGeom_destroy_r, GEOSPreparedGeom_destroy_r, GEOSFree_r, GEOS_finish_r).
//
// GEOS (3.10 and later) takes ownership of the parts passed to GEOSGeom_createLinearRing_r,
// GEOSGeom_createPolygon_r and GEOSGeom_createCollection_r also when it fails: the parts stay owned here
// until that call and are released to it there.
//
// The declarations below name GEOS's types without including geos_c.h; the .cpp files calling GEOS include it.

#include <memory>
#include <string>
#include <vector>

#include "geo/geometry.h"

typedef struct GEOSContextHandle_HS* GEOSContextHandle_t;
typedef struct GEOSGeom_t GEOSGeometry;
typedef struct GEOSPrepGeom_t GEOSPreparedGeometry;

namespace geo {

/// Use an instance from one thread at a time; it must outlive every geometry it made.
class GeosContext {
public:
    // Constructors rather than default member initializers: clang cannot default-construct a nested class with
    // one inside its enclosing class (the sanitizer build's std::vector<Geometry>(n) needs it).
    struct GeometryDeleter {
        GeometryDeleter(GEOSContextHandle_t h = nullptr) : handle(h) {}
        GEOSContextHandle_t handle;
        void operator()(GEOSGeometry* g) const;
    };
    struct PreparedDeleter {
        PreparedDeleter(GEOSContextHandle_t h = nullptr) : handle(h) {}
        GEOSContextHandle_t handle;
        void operator()(const GEOSPreparedGeometry* g) const;
    };
    using Geometry = std::unique_ptr<GEOSGeometry, GeometryDeleter>;
    using Prepared = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

    GeosContext();
    ~GeosContext();
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;

    /// For the GEOS functions called directly (predicates, overlays, accessors).
    GEOSContextHandle_t handle() const { return m_handle; }

    /// Throws std::runtime_error("GEOS <what> failed: <GEOS's last message>").
    [[noreturn]] void fail(const char* what) const;
    /// g owned by the result; a null g (GEOS failed) throws.
    Geometry own(GEOSGeometry* g, const char* what) const;
    /// An owner holding nothing (yet).
    Geometry none() const { return Geometry(nullptr, GeometryDeleter{m_handle}); }
    /// A GEOS predicate's result as a bool; 2 (GEOS failed) throws.
    bool test(char result, const char* what) const;
    /// g prepared for repeated predicates; g must outlive the result.
    Prepared prepare(const GEOSGeometry* g) const;
    /// A string GEOS allocated (GEOSisValidReason_r…), copied and freed; empty for null.
    std::string take(char* text) const;

    // Building. A ring of fewer than 4 points is no ring: multiPolygon() leaves out a polygon whose outer ring
    // is one and a hole that is one.
    Geometry ring(const Point* points, std::size_t count) const;
    Geometry polygon(Geometry shell, std::vector<Geometry> holes = {}) const;
    /// A polygon without holes.
    Geometry polygon(const Point* points, std::size_t count) const;
    /// type: GEOS_MULTIPOLYGON, GEOS_GEOMETRYCOLLECTION…
    Geometry collection(int type, std::vector<Geometry> parts) const;
    Geometry multiPolygon(const MultiPolygon& shape) const;
    /// A line string of count (≥ 2) points.
    Geometry line(const Point* points, std::size_t count) const;
    /// The lines of at least two points as a multi line string (shorter ones left out).
    Geometry multiLine(const std::vector<Line>& lines) const;
    Geometry rectangle(const Box& box) const;
    Geometry clone(const GEOSGeometry* g) const;

    // Reading.
    /// Appends the non-empty polygons in g (a polygon, multipolygon or collection, nested); other types are dropped.
    void polygons(const GEOSGeometry* g, std::vector<const GEOSGeometry*>& out) const;
    /// Appends the polygons in g (as polygons() finds them) as geo values.
    void append(const GEOSGeometry* g, MultiPolygon& out) const;
    /// Appends the non-empty line strings in g (a line string, multi line string or collection, nested) as geo values;
    /// other types are dropped.
    void append(const GEOSGeometry* g, std::vector<Line>& out) const;
    /// Appends the points of a ring (a linear ring or line) to out; returns how many.
    std::size_t appendPoints(const GEOSGeometry* ring, std::vector<Point>& out) const;
    Box bounds(const GEOSGeometry* g) const;

private:
    GEOSContextHandle_t m_handle = nullptr;
    std::string m_lastError;  ///< GEOS's last error message (its handler writes here)
};

}  // namespace geo
