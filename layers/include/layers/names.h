#pragma once
// Short names as the plan documents use them: 盘州 for 盘州市, 威宁 for 威宁彝族回族苗族自治县, 六枝 for 六枝特区,
// 黔东南 for 黔东南苗族侗族自治州. All strings UTF-8.

#include <string>

namespace layers {

/// Strips the administrative suffix (市, 县, 区, 特区, 自治县 with its ethnic names) of a county-level name.
std::string countyShortName(const std::string& name);
/// Strips 市 or 自治州 with its ethnic names from a prefecture-level name.
std::string prefectureShortName(const std::string& name);

/// Number of Unicode code points in a UTF-8 string.
std::size_t codePointCount(const std::string& utf8);
/// The code points of a UTF-8 string (no validation: malformed bytes decode to something, never crash).
std::u32string codePoints(const std::string& utf8);

}  // namespace layers
