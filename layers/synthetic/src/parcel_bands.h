#pragma once
// Internal to make-parcels: the geometry. A jittered lon/lat grid over the counties' extent, turned band by band
// (a row of tiles) into parcels cut at the county boundaries with GEOS (parcel_bands.cpp). parcels.cpp runs
// one BandMaker per worker thread and writes the bands in order.

#include <cstdint>
#include <memory>
#include <vector>

#include "geo/geometry.h"
#include "layers/geography.h"
#include "parcel_land_use.h"

namespace layers::parcel {

struct Grid {
    double x0 = 0, y0 = 0, step = 0, amp = 0;
    std::int64_t cols = 0, rows = 0;
    std::int64_t tile = 16;  // cells per tile side; a band is one row of tiles
    std::uint64_t seed = 0;

    geo::Point jittered(std::uint64_t kind, std::int64_t i, std::int64_t j, double bx, double by) const
    {
        const std::uint64_t h = hash(seed, kind, i, j);
        return {x0 + bx * step + amp * (2 * lowUnit(h) - 1), y0 + by * step + amp * (2 * highUnit(h) - 1)};
    }
    geo::Point node(std::int64_t i, std::int64_t j) const { return jittered(1, i, j, static_cast<double>(i), static_cast<double>(j)); }
    /// Midpoint of the edge from node (i, j) to (i + 1, j).
    geo::Point across(std::int64_t i, std::int64_t j) const { return jittered(2, i, j, static_cast<double>(i) + 0.5, static_cast<double>(j)); }
    /// Midpoint of the edge from node (i, j) to (i, j + 1).
    geo::Point up(std::int64_t i, std::int64_t j) const { return jittered(3, i, j, static_cast<double>(i), static_cast<double>(j) + 0.5); }

    /// The closed, counter-clockwise 9-point ring of cell (i, j).
    void cell(std::int64_t i, std::int64_t j, geo::Point* out) const
    {
        out[0] = node(i, j);
        out[1] = across(i, j);
        out[2] = node(i + 1, j);
        out[3] = up(i + 1, j);
        out[4] = node(i + 1, j + 1);
        out[5] = across(i, j + 1);
        out[6] = node(i, j + 1);
        out[7] = up(i, j);
        out[8] = out[0];
    }
    geo::Point centre(std::int64_t i, std::int64_t j) const
    {
        return {x0 + (static_cast<double>(i) + 0.5) * step, y0 + (static_cast<double>(j) + 0.5) * step};
    }
    /// Bands of tile rows covering the grid.
    std::size_t bands() const { return static_cast<std::size_t>((rows + tile - 1) / tile); }
};

/// What the cells need of each county.
struct CountyInfo {
    geo::Box box;
    Seat seat;
};

std::vector<CountyInfo> countyInfo(const Geography& geography);

/// The grid of cells of side step over the counties' extent (one cell of margin), jittered from seed.
Grid makeGrid(const std::vector<CountyInfo>& info, double step, std::uint64_t seed);

struct Parcel {
    std::uint32_t county = 0;
    std::uint32_t firstRing = 0;  // into Band::ringSizes
    std::uint32_t rings = 0;
    std::uint8_t landUse = 0;
    bool clipped = false;
    double area = 0;  // m², Albers
};

struct Band {
    std::vector<Parcel> parcels;
    std::vector<std::uint32_t> ringSizes;  // points per ring, rings in parcel order
    std::vector<geo::Point> points;        // every ring's points, in order
    std::size_t whole = 0, clipped = 0, cut = 0, slivers = 0;
};

/// One worker thread's maker of bands: its own GEOS context, county geometries (made on first use) and Albers
/// transformation. The bands depend only on the grid and the counties, not on which maker made them.
class BandMaker {
public:
    BandMaker(const Geography& geography, const std::vector<CountyInfo>& info, const Grid& grid);
    ~BandMaker();
    BandMaker(const BandMaker&) = delete;
    BandMaker& operator=(const BandMaker&) = delete;

    Band band(std::int64_t index) const;

private:
    class Worker;
    std::unique_ptr<Worker> m_worker;
};

}  // namespace layers::parcel
