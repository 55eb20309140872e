#include "layers/names.h"

#include <array>
#include <string_view>

namespace layers {

namespace {
bool endsWith(std::string_view s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Ethnic groups that appear in the names of Guizhou's autonomous counties and prefectures, longest first.
constexpr std::array<std::string_view, 8> kEthnicGroups = {"布依族", "土家族", "仡佬族", "苗族", "侗族", "彝族", "回族", "水族"};

/// Removes "<ethnic>族…" from the end of a name once the autonomy suffix is gone.
std::string stripEthnicGroups(std::string name)
{
    for (bool stripped = true; stripped;) {
        stripped = false;
        for (std::string_view group : kEthnicGroups) {
            if (endsWith(name, group) && codePointCount(name) - codePointCount(std::string(group)) >= 2) {
                name.resize(name.size() - group.size());
                stripped = true;
            }
        }
    }
    return name;
}

std::string stripSuffix(const std::string& name, std::initializer_list<std::string_view> suffixes)
{
    for (std::string_view suffix : suffixes) {
        // keep at least two characters: 城区 stays 城区
        if (endsWith(name, suffix) && codePointCount(name) - codePointCount(std::string(suffix)) >= 2)
            return name.substr(0, name.size() - suffix.size());
    }
    return name;
}
}  // namespace

std::u32string codePoints(const std::string& s)
{
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : 3;
        char32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
        for (int k = 1; k <= extra && i + static_cast<std::size_t>(k) < s.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
        out.push_back(cp);
        i += 1 + static_cast<std::size_t>(extra);
    }
    return out;
}

std::size_t codePointCount(const std::string& utf8)
{
    std::size_t n = 0;
    for (unsigned char c : utf8)
        n += (c & 0xC0) != 0x80;
    return n;
}

std::string countyShortName(const std::string& name)
{
    if (endsWith(name, "自治县"))
        return stripEthnicGroups(name.substr(0, name.size() - std::string_view("自治县").size()));
    return stripSuffix(name, {"特区", "市", "县", "区"});
}

std::string prefectureShortName(const std::string& name)
{
    if (endsWith(name, "自治州"))
        return stripEthnicGroups(name.substr(0, name.size() - std::string_view("自治州").size()));
    return stripSuffix(name, {"地区", "市", "盟"});
}

}  // namespace layers
