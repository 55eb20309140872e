#pragma once
// A static R-tree (Boost.Geometry, bulk-loaded with the packing algorithm) over many boxes identified by a
// 32-bit index: the viewport and identify index of large user layers (a million parcels). Boxes are float:
// 8 bytes per corner pair instead of 16, enough for a candidate filter (callers make the exact test).

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "geo/geometry.h"

namespace geo {

struct FloatBox {
    float minX, minY, maxX, maxY;
};

class BoxIndex {
public:
    BoxIndex();
    /// Indexes boxes[i] as id i. Boxes are widened outwards to float, so no input point falls outside its box.
    explicit BoxIndex(std::span<const FloatBox> boxes);
    ~BoxIndex();
    BoxIndex(BoxIndex&&) noexcept;
    BoxIndex& operator=(BoxIndex&&) noexcept;

    std::size_t size() const;
    /// Ids whose boxes intersect box (order unspecified), appended to out.
    void query(const Box& box, std::vector<std::uint32_t>& out) const;
    /// Ids whose boxes contain p, appended to out.
    void query(Point p, std::vector<std::uint32_t>& out) const;
    /// Bytes held by the tree (estimate: values and nodes).
    std::size_t memoryBytes() const;

    /// The smallest float box holding the double box (rounded outwards).
    static FloatBox outward(const Box& box);

private:
    struct Tree;
    std::unique_ptr<Tree> m_tree;
};

}  // namespace geo
