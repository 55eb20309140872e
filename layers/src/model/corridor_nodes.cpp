#include "layers/corridor_nodes.h"

#include <string_view>

namespace layers {

namespace {
constexpr std::string_view kOpenWide = "（", kCloseWide = "）", kListSeparator = "、";

std::vector<std::string> splitOn(std::string_view text, std::string_view separator)
{
    std::vector<std::string> out;
    for (std::size_t at = 0;;) {
        const std::size_t next = text.find(separator, at);
        out.emplace_back(text.substr(at, next == std::string_view::npos ? std::string_view::npos : next - at));
        if (next == std::string_view::npos)
            return out;
        at = next + separator.size();
    }
}
}  // namespace

CorridorNode parseCorridorNode(const std::string& text)
{
    CorridorNode node;
    std::string_view unit = text;
    const std::size_t open = text.rfind('(');
    if (!text.empty() && text.back() == ')' && open != std::string::npos) {
        node.provinces = splitOn(std::string_view(text).substr(open + 1, text.size() - open - 2), kListSeparator);
        unit = std::string_view(text).substr(0, open);
        node.kind = unit.empty() ? CorridorNode::Kind::Province : CorridorNode::Kind::NeighbourSeat;
    }
    const std::size_t wide = unit.find(kOpenWide);
    if (wide != std::string_view::npos && unit.size() >= kCloseWide.size() && unit.substr(unit.size() - kCloseWide.size()) == kCloseWide) {
        node.word = std::string(unit.substr(wide + kOpenWide.size(), unit.size() - kCloseWide.size() - wide - kOpenWide.size()));
        unit = unit.substr(0, wide);
    }
    node.name = std::string(unit);
    return node;
}

const std::vector<SeatProvince>& seatProvinces()
{
    static const std::vector<SeatProvince> provinces{
        {"50", "重庆", "map/json/province/chongqing.json", "chongqing"},
        {"51", "四川", "map/json/province/sichuan.json", "si4_chuan1_"},
        {"53", "云南", "map/json/province/yunnan.json", "yun2_nan2_"},
        {"45", "广西", "map/json/province/guangxi.json", "guang3_xi1_"},
        {"43", "湖南", "map/json/province/hunan.json", "hu2_nan2_"},
        {"44", "广东", "map/json/province/guangdong.json", "guang3_dong1_"},
    };
    return provinces;
}

const SeatProvince* seatProvince(const std::string& shortName)
{
    for (const SeatProvince& p : seatProvinces())
        if (shortName == p.shortName)
            return &p;
    return nullptr;
}

}  // namespace layers
