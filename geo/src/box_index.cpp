#include "geo/box_index.h"

#include <cmath>
#include <utility>

#include <boost/geometry/geometries/box.hpp>
#include <boost/geometry/geometries/point.hpp>
#include <boost/geometry/index/rtree.hpp>

namespace geo {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace {
using FPoint = bg::model::point<float, 2, bg::cs::cartesian>;
using FBox = bg::model::box<FPoint>;
using Value = std::pair<FBox, std::uint32_t>;
constexpr std::size_t kNodeCapacity = 16;
using Params = bgi::quadratic<kNodeCapacity>;

float down(double v) { return std::nextafter(static_cast<float>(v), -INFINITY); }
float up(double v) { return std::nextafter(static_cast<float>(v), INFINITY); }
}  // namespace

struct BoxIndex::Tree {
    bgi::rtree<Value, Params> rtree;
};

BoxIndex::BoxIndex() : m_tree(std::make_unique<Tree>()) {}

BoxIndex::BoxIndex(std::span<const FloatBox> boxes) : m_tree(std::make_unique<Tree>())
{
    std::vector<Value> values;
    values.reserve(boxes.size());
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        const FloatBox& b = boxes[i];
        // An empty box (min > max: a feature with empty geometry) or one with NaN intersects nothing; Boost's
        // R-tree requires valid boxes (an invalid one fails its assertion, or silently corrupts the packing).
        if (!(b.minX <= b.maxX && b.minY <= b.maxY))
            continue;
        values.emplace_back(FBox(FPoint(b.minX, b.minY), FPoint(b.maxX, b.maxY)), static_cast<std::uint32_t>(i));
    }
    m_tree->rtree = bgi::rtree<Value, Params>(values.begin(), values.end());  // packing (STR-like) bulk load
}

BoxIndex::~BoxIndex() = default;
BoxIndex::BoxIndex(BoxIndex&&) noexcept = default;
BoxIndex& BoxIndex::operator=(BoxIndex&&) noexcept = default;

std::size_t BoxIndex::size() const { return m_tree->rtree.size(); }

FloatBox BoxIndex::outward(const Box& box) { return {down(box.minX), down(box.minY), up(box.maxX), up(box.maxY)}; }

void BoxIndex::query(const Box& box, std::vector<std::uint32_t>& out) const
{
    const FloatBox f = outward(box);
    const FBox q(FPoint(f.minX, f.minY), FPoint(f.maxX, f.maxY));
    for (auto it = m_tree->rtree.qbegin(bgi::intersects(q)); it != m_tree->rtree.qend(); ++it)
        out.push_back(it->second);
}

void BoxIndex::query(Point p, std::vector<std::uint32_t>& out) const { query(Box{p.x, p.y, p.x, p.y}, out); }

std::size_t BoxIndex::memoryBytes() const
{
    // Leaves hold the values; with a fill near capacity internal nodes add about 1/(capacity-1) more entries.
    const std::size_t n = size();
    return n * sizeof(Value) + n / (kNodeCapacity - 1) * (sizeof(FBox) + sizeof(void*)) + n / kNodeCapacity * 16;
}

}  // namespace geo
