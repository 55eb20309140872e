#pragma once
// Internal to make-parcels: the deterministic hashing behind the grid's jitter and the land-use patches, and
// the land use of a point.

#include <cstdint>

#include "geo/geometry.h"

namespace layers::parcel {

constexpr std::uint64_t mix(std::uint64_t z)
{
    z += 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

inline std::uint64_t hash(std::uint64_t seed, std::uint64_t kind, std::int64_t i, std::int64_t j)
{
    return mix(mix(mix(seed * 0x100000001B3ull + kind) ^ static_cast<std::uint64_t>(i)) ^ static_cast<std::uint64_t>(j));
}

inline double lowUnit(std::uint64_t h) { return static_cast<double>(h & 0xFFFFFFFFu) * 0x1.0p-32; }   // [0, 1)
inline double highUnit(std::uint64_t h) { return static_cast<double>(h >> 32) * 0x1.0p-32; }           // [0, 1)

struct Seat {
    geo::Point at;
    double radius = 0;  // degrees of latitude: built-up patches nearer than this (±25%)
};

/// Index into landUseCategories() of the land use at p (lon/lat): Voronoi patches, built-up ones round the
/// county seat, drawn from 三调-like shares; deterministic in the seed.
int landUseAt(const geo::Point& p, const Seat& seat, std::uint64_t seed);

}  // namespace layers::parcel
