#include "geo/coordinate_text.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <utility>
#include <vector>

#include <proj.h>

namespace geo::coords {

namespace {

/// Words and symbols of the degree, minute and second and of the hemispheres, mapped onto PROJ's DMS syntax
/// (proj_dmstor: 106d42'30"E). Longer words first (东经 before 东).
const std::vector<std::pair<std::string, std::string>> kWords{
    {"东经", " E "}, {"西经", " W "}, {"北纬", " N "}, {"南纬", " S "}, {"东", " E "}, {"西", " W "}, {"北", " N "}, {"南", " S "},
    {"°", "d"},      {"º", "d"},      {"˚", "d"},      {"度", "d"},      {"′", "'"},  {"’", "'"},  {"‘", "'"},  {"分", "'"},
    {"″", "\""},     {"”", "\""},     {"“", "\""},     {"''", "\""},     {"秒", "\""}, {"：", ":"}, {"，", " "}, {"－", "-"}, {"−", "-"},
};

std::string replaced(std::string s)
{
    for (const auto& [from, to] : kWords)
        for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
            s.replace(at, from.size(), to);
    return s;
}

bool isNumberChar(char c) { return (c >= '0' && c <= '9') || c == '.'; }

Angle problem(Problem p, std::string text = {}) { return {0, p, std::move(text)}; }

}  // namespace

Angle parseAngle(const std::string& input, Axis axis)
{
    const std::string s = replaced(input);
    // Tokens: numbers, with the unit mark that follows each (d ' " or : / space for the next), and one hemisphere.
    std::vector<std::string> numbers;
    std::vector<char> marks;  // per number: 'd', 'm', 's' or 0 (positional)
    char hemisphere = 0;
    bool negative = false;
    std::size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (c == ' ' || c == '\t' || c == ',' || c == ':') {
            ++i;
        } else if (c == '-' || c == '+') {
            if (!numbers.empty() || negative)
                return problem(Problem::Unparsable, input);
            negative = c == '-';
            ++i;
        } else if (isNumberChar(c)) {
            std::size_t j = i;
            while (j < s.size() && isNumberChar(s[j]))
                ++j;
            numbers.push_back(s.substr(i, j - i));
            marks.push_back(0);
            i = j;
        } else if (c == 'd' || c == 'D' || c == '\'' || c == 'm' || c == '"' ||
                   // a lower-case s right after the seconds' digits (106d42m30s); S or a spaced s is south
                   (c == 's' && i > 0 && isNumberChar(s[i - 1]) && numbers.size() >= 2)) {
            if (numbers.empty() || marks.back())
                return problem(Problem::Unparsable, input);
            marks.back() = (c == 'd' || c == 'D') ? 'd' : (c == '\'' || c == 'm') ? 'm' : 's';
            ++i;
        } else if (std::string("EeWwNnSs").find(c) != std::string::npos) {
            if (hemisphere)
                return problem(Problem::Unparsable, input);
            hemisphere = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            ++i;
            // a letter that starts a word (East, North …) is not a hemisphere letter
            if (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i])))
                return problem(Problem::Unparsable, input);
        } else {
            // the first character not understood, whole (a UTF-8 sequence)
            std::size_t j = i + 1;
            while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80)
                ++j;
            return problem(Problem::Unparsable, s.substr(i, j - i));
        }
    }
    if (numbers.empty())
        return problem(hemisphere || negative ? Problem::Unparsable : Problem::Empty, input);
    if (numbers.size() > 3)
        return problem(Problem::Unparsable, input);
    if (hemisphere && negative)
        return problem(Problem::Unparsable, input);
    if (hemisphere && ((axis == Axis::Longitude) != (hemisphere == 'E' || hemisphere == 'W')))
        return problem(Problem::WrongHemisphere, std::string(1, hemisphere));
    // Marks, where given, must be d, m, s in this order; unmarked numbers take the next place.
    const char order[3] = {'d', 'm', 's'};
    for (std::size_t k = 0; k < numbers.size(); ++k) {
        if (marks[k] && marks[k] != order[k])
            return problem(Problem::Unparsable, input);
        if (std::count(numbers[k].begin(), numbers[k].end(), '.') > 1 || numbers[k] == ".")
            return problem(Problem::Unparsable, numbers[k]);
        if (k + 1 < numbers.size() && numbers[k].find('.') != std::string::npos)
            return problem(Problem::Unparsable, input);  // only the last component may have a fraction
        if (k > 0 && !(std::strtod(numbers[k].c_str(), nullptr) < 60))
            return problem(Problem::MinutesRange, numbers[k]);
    }
    // PROJ's DMS reader does the arithmetic: 106d42'30"E.
    std::string canonical = negative ? "-" : "";
    const char* units[3] = {"d", "'", "\""};
    for (std::size_t k = 0; k < numbers.size(); ++k)
        canonical += numbers[k] + (numbers.size() == 1 ? "" : units[k]);
    if (hemisphere)
        canonical += hemisphere;
    char* rest = nullptr;
    const double radians = proj_dmstor(canonical.c_str(), &rest);
    if (!rest || *rest || !std::isfinite(radians))
        return problem(Problem::Unparsable, input);
    const double degrees = radians * 180.0 / 3.14159265358979323846;
    if (axis == Axis::Longitude && !(std::abs(degrees) <= 180))
        return problem(Problem::LongitudeRange, input);
    if (axis == Axis::Latitude && !(std::abs(degrees) <= 90))
        return problem(Problem::LatitudeRange, input);
    return {degrees, Problem::None, {}};
}

std::optional<GaussKrugerZone> gaussKrugerZone(const std::string& input)
{
    std::string s = replaced(input);
    std::string digits;
    bool meridianMark = false;
    for (char c : s) {
        if (c >= '0' && c <= '9')
            digits += c;
        else if (c == 'd' || c == 'E' || c == 'e')
            meridianMark = true;
        else if (c != ' ')
            return std::nullopt;
    }
    if (digits.empty() || digits.size() > 3)
        return std::nullopt;
    const int n = std::stoi(digits);
    int zone = 0;
    if (!meridianMark && n >= 25 && n <= 45)
        zone = n;
    else if (n >= 75 && n <= 135 && n % 3 == 0)
        zone = n / 3;
    else
        return std::nullopt;
    return GaussKrugerZone{zone, 3 * zone, "EPSG:" + std::to_string(4534 + zone - 25)};
}

GaussKrugerInput parseGaussKruger(const std::string& eastingText, const std::string& northingText, const std::string& zoneText)
{
    GaussKrugerInput out;
    auto fail = [&](Problem p, std::string text) {
        out.problem = p;
        out.text = std::move(text);
        return out;
    };
    auto number = [](const std::string& t, double& v) {
        std::string s;
        for (char c : t)
            if (c != ' ' && c != ',' && c != '\t')  // thousands separators and spaces
                s += c;
        if (s.empty())
            return false;
        char* end = nullptr;
        v = std::strtod(s.c_str(), &end);
        return end && !*end && std::isfinite(v);
    };
    double e = 0, n = 0;
    if (eastingText.find_first_not_of(" \t") == std::string::npos)
        return fail(Problem::Empty, eastingText);
    if (northingText.find_first_not_of(" \t") == std::string::npos)
        return fail(Problem::Empty, northingText);
    if (!number(eastingText, e))
        return fail(Problem::Unparsable, eastingText);
    if (!number(northingText, n))
        return fail(Problem::Unparsable, northingText);
    // An easting of 8 digits carries its zone: 36 512345.6 → zone 36.
    std::optional<GaussKrugerZone> prefixZone;
    if (e >= 1e7) {
        const int prefix = static_cast<int>(e / 1e6);  // a zone number, never a central meridian
        if (prefix >= 25 && prefix <= 45)
            prefixZone = gaussKrugerZone(std::to_string(prefix));
        if (!prefixZone)
            return fail(Problem::ZoneUnknown, std::to_string(static_cast<int>(e / 1e6)));
        e -= prefixZone->zone * 1e6;
    }
    std::optional<GaussKrugerZone> zone;
    if (zoneText.find_first_not_of(" \t") != std::string::npos) {
        zone = gaussKrugerZone(zoneText);
        if (!zone)
            return fail(Problem::ZoneUnknown, zoneText);
        if (prefixZone && prefixZone->zone != zone->zone)
            return fail(Problem::ZoneConflict, eastingText);
    } else if (prefixZone) {
        zone = prefixZone;
    } else {
        return fail(Problem::ZoneMissing, eastingText);
    }
    if (!(e > 0 && e < 1e6))
        return fail(Problem::EastingRange, eastingText);
    if (!(n > 0 && n < 1e7))
        return fail(Problem::NorthingRange, northingText);
    out.point = {e, n};
    out.zone = *zone;
    return out;
}

}  // namespace geo::coords
