#pragma once
// Validation of the geography against today's division table and the official figures. Run by the data
// build (which refuses to write a GeoPackage that fails) and by the tests on the built GeoPackage.

#include <string>
#include <vector>

#include "layers/division_table.h"
#include "layers/geography.h"

namespace layers {

struct GeographyExpectations {
    std::size_t countyCount = 88;
    std::size_t prefectureCount = 9;
    double officialAreaKm2 = 176167;  ///< references.md
    double areaTolerance = 0.02;      ///< share of the official area
    std::vector<std::string> neighbourNames = {"四川", "重庆", "湖南", "广西", "云南"};
};

struct CheckIssue {
    std::string subject;  ///< county or prefecture code, layer name
    std::string message;
};

/// Every problem found; empty when the geography is sound. Geometry validity is checked with GEOS,
/// areas are recomputed in the Albers equal-area projection (not read from the stored column).
std::vector<CheckIssue> checkGeography(const Geography& geography, const DivisionTable& division,
                                       const GeographyExpectations& expected = {});

/// Sum of county areas in km², computed in Albers equal-area from the shapes.
double equalAreaKm2(const geo::MultiPolygon& lonLat);

}  // namespace layers
