#pragma once
// Internal (analysis): how one feature meets the plan's units. Overlay holds what every thread shares (the
// counties (lon/lat, as the data), a point locator over them, an R-tree over their boundary segments, the
// units measured directly); each reading thread measures with its own OverlayWorker (GEOS context,
// PROJ transformation, prepared geometries).
//
// Slots: 0 … counties-1 are the counties (Geography order); counties … slots()-1 the direct units.

#include <cstddef>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <ogr_geometry.h>

#include "analysis/gpkg_rows.h"
#include "geo/box_index.h"
#include "geo/ellipsoid.h"
#include "geo/geometry.h"
#include "geo/geos_context.h"
#include "geo/point_locator.h"
#include "geo/projection.h"
#include "layers/analysis.h"

namespace layers::analysis::detail {

/// What a feature gives: its whole measure (area m² in Albers, geodesic length m; 0 for points), its parts by slot
/// (only parts of positive measure), the slots its inside point lies in.
struct Contribution {
    double whole = 0;
    bool cut = false;
    std::vector<std::pair<std::size_t, double>> parts;
    std::vector<std::size_t> assigned;
    geo::Point insidePoint;  ///< lon/lat (set by measure when asked)
    void clear()
    {
        whole = 0;
        cut = false;
        parts.clear();
        assigned.clear();
    }
};

/// The boundary segments of a set of polygons, in an R-tree, with the polygon each belongs to: what decides whether a
/// feature can be measured whole (no segment passes through its interior) or must be cut with GEOS.
struct Boundary {
    std::vector<geo::Point> from, to;
    std::vector<std::uint32_t> owner;
    geo::BoxIndex index;
    void add(const geo::MultiPolygon& shape, std::uint32_t owner);
    void build();
};

/// The counties as a partition, for every run: their shapes (lon/lat), bounds, slots by code, a point locator (where
/// the source's polygons overlap in slivers, the lower index) and an R-tree of their boundary segments. Built once
/// per geography (PlanUnits::countyIndex), on a thread of its own.
struct CountyIndex {
    std::vector<geo::MultiPolygon> shapes;
    std::vector<geo::Box> boxes;
    std::unordered_map<std::string, std::size_t> slots;
    geo::PointLocator locator;
    Boundary boundary;
};
std::shared_ptr<const CountyIndex> buildCountyIndex(const Geography& geography);

class Overlay {
public:
    /// direct: the units measured by their own shape (Unit::shape, or with plain set every unit: the union of its
    /// counties); plain: every feature intersected with every county and direct unit (the brute-force path).
    /// Counties the build log records as overlapping (a sliver of the source polygons) are made disjoint: the
    /// later county loses the overlap, so the counties partition what they cover.
    Overlay(std::shared_ptr<const CountyIndex> counties, const std::vector<const Unit*>& direct, bool plain);

    std::size_t slots() const { return m_countyShape.size() + m_direct.size(); }
    std::size_t countySlot(const std::string& code) const;
    std::size_t directSlot(const Unit* unit) const;  ///< SIZE_MAX when not direct

private:
    friend class OverlayWorker;
    struct Direct {
        const Unit* unit = nullptr;
        geo::MultiPolygon shape;  ///< lon/lat
        std::vector<std::size_t> members;  ///< a unit of whole counties (plain path): their slots
        geo::Box box;
        geo::PointLocator locator;
        Boundary boundary;
    };
    bool m_plain = false;
    std::shared_ptr<const CountyIndex> m_index;
    const std::vector<geo::MultiPolygon>& m_countyShape;
    const std::vector<geo::Box>& m_countyBox;
    const std::unordered_map<std::string, std::size_t>& m_countyIndex;
    const geo::PointLocator& m_locator;
    const Boundary& m_counties;
    std::vector<std::unique_ptr<Direct>> m_direct;
};

class OverlayWorker {
public:
    explicit OverlayWorker(const Overlay& overlay);
    ~OverlayWorker();
    /// Measures g (lon/lat) into c (cleared first); false when g has no geometry to measure. The Shape overload takes
    /// the parts over (shape is left holding scratch).
    bool measure(const OGRGeometry* lonLat, Contribution& c);
    bool measure(Shape& lonLat, Contribution& c);
    /// The slots g's inside point lies in and those it intersects (selection): false for no geometry.
    bool locate(const OGRGeometry* lonLat, std::vector<std::size_t>& within, std::vector<std::size_t>& intersecting, geo::Point& insideLonLat);
    bool locate(Shape& lonLat, std::vector<std::size_t>& within, std::vector<std::size_t>& intersecting, geo::Point& insideLonLat);
    /// The parts of g in each county it has a part in (gzplan annotate --split): lon/lat, with their area (m², Albers)
    /// or geodesic length (m); a feature in one county is one piece, the whole geometry.
    struct Piece {
        std::size_t county = 0;
        std::unique_ptr<OGRGeometry> geometry;
        double measure = 0;
    };
    void pieces(const OGRGeometry* lonLat, std::vector<Piece>& out);

private:
    using Geometry = geo::GeosContext::Geometry;
    using Prepared = geo::GeosContext::Prepared;
    const GEOSPreparedGeometry* countyPrepared(std::size_t k);
    const GEOSGeometry* countyGeometry(std::size_t k);  ///< county k less every lower-indexed county (the partition)
    const GEOSGeometry* rawCounty(std::size_t k);
    double clippedCountyPart(std::size_t k);
    const GEOSPreparedGeometry* directPrepared(std::size_t d);
    const GEOSGeometry* directGeometry(std::size_t d);
    bool decode(const OGRGeometry* lonLat);
    bool adopt(Shape& lonLat);  ///< the current feature's parts, swapped in
    bool measureCurrent(Contribution& c);
    bool locateCurrent(std::vector<std::size_t>& within, std::vector<std::size_t>& intersecting, geo::Point& insideLonLat);
    const GEOSGeometry* feature();          ///< the current feature, lon/lat (built once per feature)
    geo::Point insidePoint();              ///< lon/lat
    double partMeasure(const GEOSGeometry* unit);
    Geometry intersection(const GEOSGeometry* unit);
    bool pointIn(std::size_t directIndex, geo::Point lonLat);
    /// Whether a segment of boundary near the current feature passes through its interior (polygons: deeper than
    /// kTolerance; lines: crosses it); hits: the boundary's segments whose bounds meet the feature's, owners: theirs.
    bool crossed(const Boundary& boundary, std::vector<std::uint32_t>& owners);
    bool segmentEnters(geo::Point a, geo::Point b) const;
    bool segmentCrossesLines(geo::Point a, geo::Point b) const;
    /// unit ∩ the current feature, with unit first clipped to the feature's bounds (GEOS ClipByRect: linear in the
    /// unit's vertices, so the overlay itself is small).
    double clippedPart(const GEOSGeometry* unit);
    /// Area in m² of lon/lat polygons, their vertices projected to the Albers equal-area projection.
    double albersArea(const geo::MultiPolygon& lonLat);

    const Overlay& m_overlay;
    geo::GeosContext m_geos;
    geo::Projection m_albers;
    const geo::AlbersChina m_equalArea;
    std::vector<Geometry> m_county, m_rawCounty, m_direct;
    std::vector<Prepared> m_countyPrep, m_directPrep;
    // the current feature
    enum class Kind { None, Points, Lines, Polygons } m_kind = Kind::None;
    geo::MultiPolygon m_polygons;
    std::vector<geo::Line> m_lines, m_linesLonLat;
    std::vector<geo::Point> m_points;
    geo::Box m_box;
    Geometry m_feature;
    Geometry m_madeValid;
    bool m_haveInside = false;
    geo::Point m_inside;
    std::vector<std::uint32_t> m_hits, m_owners;
    mutable std::vector<double> m_params;
    geo::MultiPolygon m_part;
    geo::Ring m_ring;
    Shape m_scratch;
};

}  // namespace layers::analysis::detail
