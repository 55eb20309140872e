#pragma once
// An R-tree (Boost.Geometry) over the parts of a set of multipolygons, for viewport queries and
// point-in-polygon identify. Coordinates in whatever CRS the shapes are in; the index keeps its own copy.

#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

#include "geo/geometry.h"

namespace geo {

class PolygonIndex {
public:
    explicit PolygonIndex(std::vector<MultiPolygon> shapes);
    ~PolygonIndex();
    PolygonIndex(PolygonIndex&&) noexcept;
    PolygonIndex& operator=(PolygonIndex&&) noexcept;

    std::size_t size() const { return m_shapes.size(); }
    const MultiPolygon& shape(std::size_t id) const { return m_shapes[id]; }

    /// The shape containing p (the lowest id where shapes overlap), or nothing.
    std::optional<std::size_t> find(Point p) const;
    /// Ids of shapes whose bounds intersect box, ascending, without duplicates.
    std::vector<std::size_t> query(const Box& box) const;

private:
    struct Tree;
    std::vector<MultiPolygon> m_shapes;
    std::unique_ptr<Tree> m_tree;
};

}  // namespace geo
