// The land-use categories of make-parcels and where each falls (see parcels.h and parcel_land_use.h).

#include <array>
#include <cmath>
#include <numbers>
#include <string>

#include "layers/parcels.h"
#include "parcel_land_use.h"

namespace layers {

namespace {

const std::array<LandUse, 16> kLandUse{{
    {"01", "耕地", "cultivated land"},
    {"02", "园地", "garden land (orchards, tea)"},
    {"03", "林地", "forest land"},
    {"04", "草地", "grassland"},
    {"00", "湿地", "wetland"},
    {"0701", "城镇住宅用地", "urban residential land"},
    {"0702", "农村宅基地", "rural homesteads"},
    {"0601", "工业用地", "industrial land"},
    {"05", "商业服务业用地", "commercial and service land"},
    {"08", "公共管理与公共服务用地", "public administration and services land"},
    {"10", "交通运输用地", "transport land"},
    {"11", "水域及水利设施用地", "water and water-conservancy land"},
    {"09", "特殊用地", "special-use land"},
    {"0602", "采矿用地", "mining land"},
    {"0810", "公园与绿地", "parks and green space"},
    {"12", "其他土地", "other land"},
}};

// Shares in ‰, in the order of kLandUse: rural patches roughly after Guizhou's 三调 structure (forest and
// cultivated land dominate), built-up patches round the county seats.
constexpr std::array<int, 16> kRuralWeights{230, 50, 520, 60, 5, 0, 30, 8, 2, 3, 20, 25, 2, 10, 0, 35};
constexpr std::array<int, 16> kUrbanWeights{40, 5, 60, 10, 5, 300, 30, 130, 110, 90, 100, 30, 10, 0, 60, 20};

constexpr double kRuralPatch = 0.02;   // degrees, Voronoi sites of rural land-use patches
constexpr double kUrbanPatch = 0.006;  // degrees, finer patches round the seats

using parcel::hash;
using parcel::highUnit;
using parcel::lowUnit;
using parcel::mix;

int pick(const std::array<int, 16>& weights, std::uint64_t h)
{
    int r = static_cast<int>(h % 1000);
    for (std::size_t k = 0; k < weights.size(); ++k) {
        r -= weights[k];
        if (r < 0)
            return static_cast<int>(k);
    }
    return 2;  // unreachable with weights summing to 1000
}

/// Voronoi site nearest to p on a lattice of the given size (sites jittered in their lattice squares).
std::uint64_t nearestSite(const geo::Point& p, double size, double kx, std::uint64_t seed, std::uint64_t kind, geo::Point& site)
{
    const auto ci = static_cast<std::int64_t>(std::floor(p.x / size));
    const auto cj = static_cast<std::int64_t>(std::floor(p.y / size));
    double best = INFINITY;
    std::uint64_t bestHash = 0;
    for (std::int64_t dj = -1; dj <= 1; ++dj)
        for (std::int64_t di = -1; di <= 1; ++di) {
            const std::uint64_t h = hash(seed, kind, ci + di, cj + dj);
            const geo::Point s{(static_cast<double>(ci + di) + lowUnit(h)) * size, (static_cast<double>(cj + dj) + highUnit(h)) * size};
            const double dx = (s.x - p.x) * kx, dy = s.y - p.y;
            const double d = dx * dx + dy * dy;
            if (d < best) {
                best = d;
                bestHash = h;
                site = s;
            }
        }
    return bestHash;
}

}  // namespace

int parcel::landUseAt(const geo::Point& p, const Seat& seat, std::uint64_t seed)
{
    const double kx = std::cos(p.y * std::numbers::pi / 180);
    geo::Point site;
    const std::uint64_t urban = nearestSite(p, kUrbanPatch, kx, seed, 10, site);
    const double dx = (site.x - seat.at.x) * kx, dy = site.y - seat.at.y;
    const double r = seat.radius * (0.75 + 0.5 * lowUnit(mix(urban)));
    if (dx * dx + dy * dy < r * r)
        return pick(kUrbanWeights, mix(urban ^ 0x5EA7u));
    const std::uint64_t rural = nearestSite(p, kRuralPatch, kx, seed, 11, site);
    return pick(kRuralWeights, mix(rural ^ 0x1A2Du));
}

const std::array<LandUse, 16>& landUseCategories() { return kLandUse; }

int landUseIndex(const std::string& name)
{
    for (std::size_t k = 0; k < kLandUse.size(); ++k)
        if (name == kLandUse[k].name)
            return static_cast<int>(k);
    return -1;
}

}  // namespace layers
