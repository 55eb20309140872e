#include "cli/text_table.h"

#include <algorithm>

#include "layers/names.h"

namespace app::cli {

std::size_t TextTable::width(const std::string& s)
{
    std::size_t w = 0;
    for (const char32_t cp : layers::codePoints(s)) {
        const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
                          (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                          (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
        w += wide ? 2 : 1;
    }
    return w;
}

void TextTable::print(std::ostream& out) const
{
    std::vector<std::size_t> widths(m_header.size(), 0);
    auto measure = [&](const std::vector<std::string>& row) {
        for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], width(row[i]));
    };
    measure(m_header);
    for (const auto& row : m_rows)
        measure(row);
    auto line = [&](const std::vector<std::string>& row) {
        for (std::size_t i = 0; i < widths.size(); ++i) {
            const std::string cell = i < row.size() ? row[i] : "";
            out << cell;
            if (i + 1 < widths.size())
                out << std::string(widths[i] - width(cell) + 2, ' ');
        }
        out << "\n";
    };
    line(m_header);
    std::vector<std::string> rule;
    for (std::size_t w : widths)
        rule.push_back(std::string(w, '-'));
    line(rule);
    for (const auto& row : m_rows)
        line(row);
}

}  // namespace app::cli
