#include "geo/polygon_index.h"

#include <algorithm>
#include <utility>

#include <boost/geometry/geometries/box.hpp>
#include <boost/geometry/geometries/point.hpp>
#include <boost/geometry/index/rtree.hpp>

namespace geo {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

using BoostPoint = bg::model::point<double, 2, bg::cs::cartesian>;
using BoostBox = bg::model::box<BoostPoint>;
/// Value: the part's bounds, (shape id, part index).
using Entry = std::pair<BoostBox, std::pair<std::size_t, std::size_t>>;

struct PolygonIndex::Tree {
    bgi::rtree<Entry, bgi::rstar<16>> rtree;
};

namespace {
BoostBox toBoost(const Box& b) { return {BoostPoint(b.minX, b.minY), BoostPoint(b.maxX, b.maxY)}; }
}  // namespace

PolygonIndex::PolygonIndex(std::vector<MultiPolygon> shapes) : m_shapes(std::move(shapes)), m_tree(std::make_unique<Tree>())
{
    std::vector<Entry> entries;
    for (std::size_t id = 0; id < m_shapes.size(); ++id)
        for (std::size_t part = 0; part < m_shapes[id].size(); ++part)
            entries.push_back({toBoost(bounds(m_shapes[id][part].outer)), {id, part}});
    m_tree->rtree = bgi::rtree<Entry, bgi::rstar<16>>(entries.begin(), entries.end());  // packing constructor
}

PolygonIndex::~PolygonIndex() = default;
PolygonIndex::PolygonIndex(PolygonIndex&&) noexcept = default;
PolygonIndex& PolygonIndex::operator=(PolygonIndex&&) noexcept = default;

std::optional<std::size_t> PolygonIndex::find(Point p) const
{
    std::optional<std::size_t> best;
    const BoostPoint bp(p.x, p.y);
    for (auto it = m_tree->rtree.qbegin(bgi::intersects(BoostBox(bp, bp))); it != m_tree->rtree.qend(); ++it) {
        const auto [id, part] = it->second;
        if (best && *best <= id)
            continue;
        if (polygonContains(m_shapes[id][part], p))
            best = id;
    }
    return best;
}

std::vector<std::size_t> PolygonIndex::query(const Box& box) const
{
    std::vector<std::size_t> ids;
    for (auto it = m_tree->rtree.qbegin(bgi::intersects(toBoost(box))); it != m_tree->rtree.qend(); ++it)
        ids.push_back(it->second.first);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

}  // namespace geo
