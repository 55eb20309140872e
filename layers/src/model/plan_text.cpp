#include "layers/plan_text.h"

#include <array>
#include <string_view>

namespace layers {

namespace {
constexpr std::array<std::string_view, 11> kNumerals{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

/// Length of the run of Chinese numerals at the start of s, in bytes.
std::size_t numeralRun(std::string_view s)
{
    std::size_t n = 0;
    for (bool more = true; more;) {
        more = false;
        for (std::string_view d : kNumerals)
            if (s.substr(n).starts_with(d)) {
                n += d.size();
                more = true;
                break;
            }
    }
    return n;
}

enum class Level { Part = 0, Section = 1, Item = 2 };

struct Heading {
    Level level;
    std::string number;
};

/// The heading a line starts with, if any: 四、 (part), （八） or (八) (section), 23. (item). A line of the table
/// of contents (it ends in a tab and a page number) is no heading.
std::optional<Heading> heading(std::string_view line)
{
    if (line.find('\t') != std::string_view::npos)
        return std::nullopt;
    if (const std::size_t n = numeralRun(line); n > 0 && line.substr(n).starts_with("、"))
        return Heading{Level::Part, std::string(line.substr(0, n))};
    for (std::string_view open : {"（", "("}) {
        if (!line.starts_with(open))
            continue;
        const std::string_view rest = line.substr(open.size());
        const std::size_t n = numeralRun(rest);
        if (n > 0 && (rest.substr(n).starts_with("）") || rest.substr(n).starts_with(")")))
            return Heading{Level::Section, std::string(rest.substr(0, n))};
    }
    std::size_t digits = 0;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9')
        ++digits;
    if (digits > 0 && digits < line.size() && line[digits] == '.' && (digits + 1 == line.size() || line[digits + 1] < '0' || line[digits + 1] > '9'))
        return Heading{Level::Item, std::string(line.substr(0, digits))};
    return std::nullopt;
}

/// 四(八)23 → {四, 八, 23}; empty parts where the clause stops early. nullopt for a malformed clause.
std::optional<std::array<std::string, 3>> parseClause(const std::string& clause)
{
    std::array<std::string, 3> parts;
    std::string_view s = clause;
    const std::size_t n = numeralRun(s);
    if (n == 0)
        return std::nullopt;
    parts[0] = std::string(s.substr(0, n));
    s.remove_prefix(n);
    if (s.empty())
        return parts;
    if (!s.starts_with("("))
        return std::nullopt;
    s.remove_prefix(1);
    const std::size_t m = numeralRun(s);
    if (m == 0 || s.substr(m, 1) != ")")
        return std::nullopt;
    parts[1] = std::string(s.substr(0, m));
    s.remove_prefix(m + 1);
    if (s.empty())
        return parts;
    if (s.find_first_not_of("0123456789") != std::string_view::npos)
        return std::nullopt;
    parts[2] = std::string(s);
    return parts;
}
}  // namespace

std::optional<TextSpan> clauseSpan(const std::string& text, const std::string& clause)
{
    const bool preamble = clause == "序";
    const auto parts = preamble ? std::optional<std::array<std::string, 3>>() : parseClause(clause);
    if (!preamble && !parts)
        return std::nullopt;
    const int depth = preamble ? 0 : (*parts)[2].empty() ? ((*parts)[1].empty() ? 0 : 1) : 2;

    std::array<std::string, 3> at;  // the heading numbers in force at the current line
    std::optional<std::size_t> begin;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t eol = std::min(text.find('\n', pos), text.size());
        const std::string_view line(text.data() + pos, eol - pos);
        if (const auto h = heading(line)) {
            const int level = static_cast<int>(h->level);
            if (preamble && h->level == Level::Part)
                return TextSpan{0, pos};
            if (begin && level <= depth)
                return TextSpan{*begin, pos};
            at[static_cast<std::size_t>(level)] = h->number;
            for (int deeper = level + 1; deeper < 3; ++deeper)
                at[static_cast<std::size_t>(deeper)].clear();
            // An item is found by its own number inside its part (GZ2023 numbers sections and items through the
            // whole document, so the section is implied); a section inside its part.
            if (!begin && !preamble && level == depth && at[0] == (*parts)[0] && (depth < 1 || at[1] == (*parts)[1]) &&
                (depth < 2 || at[2] == (*parts)[2]))
                begin = pos;
        }
        pos = eol + 1;
    }
    if (begin)
        return TextSpan{*begin, text.size()};
    return std::nullopt;
}

namespace {
/// 一 → 1, 十 → 10, 十五 → 15, 二十 → 20, 三十三 → 33: Chinese numerals up to 99.
int numeralValue(std::string_view s)
{
    int value = 0, digit = 0;
    while (!s.empty()) {
        int d = -1;
        for (std::size_t i = 0; i < kNumerals.size(); ++i)
            if (s.starts_with(kNumerals[i])) {
                d = static_cast<int>(i);
                s.remove_prefix(kNumerals[i].size());
                break;
            }
        if (d == 10) {
            value += (digit == 0 ? 1 : digit) * 10;
            digit = 0;
        } else {
            digit = d;
        }
    }
    return value + digit;
}
}  // namespace

std::string clauseInArabic(const std::string& clause)
{
    if (clause == "序")
        return "preamble";
    const auto parts = parseClause(clause);
    if (!parts)
        return clause;
    std::string out = std::to_string(numeralValue((*parts)[0]));
    if (!(*parts)[1].empty())
        out += "(" + std::to_string(numeralValue((*parts)[1])) + ")";
    return out + (*parts)[2];
}

std::optional<TextSpan> sentenceWith(const std::string& text, TextSpan in, const std::string& words)
{
    if (words.empty() || in.end > text.size())
        return std::nullopt;
    const std::size_t found = text.find(words, in.begin);
    if (found == std::string::npos || found + words.size() > in.end)
        return std::nullopt;
    static constexpr std::array<std::string_view, 5> kEnds{"。", "；", "！", "？", "\n"};
    std::size_t begin = in.begin;
    for (std::string_view e : kEnds) {
        const std::size_t before = text.rfind(e, found);
        if (before != std::string::npos && before >= in.begin && before + e.size() > begin)
            begin = before + e.size();
    }
    std::size_t end = in.end;
    for (std::string_view e : kEnds) {
        const std::size_t after = text.find(e, found + words.size());
        if (after != std::string::npos && after < end)
            end = e == "\n" ? after : after + e.size();
    }
    return TextSpan{begin, end};
}

std::string clauseSentence(const std::string& text, const std::string& clause, const std::vector<std::string>& names)
{
    const auto span = clauseSpan(text, clause);
    if (!span)
        return {};
    for (const std::string& name : names)
        if (const auto sentence = sentenceWith(text, *span, name))
            return text.substr(sentence->begin, sentence->end - sentence->begin);
    return {};
}

}  // namespace layers
