#pragma once
// A plain-text table for the terminal, aligned for CJK text (wide characters take two columns).

#include <ostream>
#include <string>
#include <vector>

namespace app::cli {

class TextTable {
public:
    explicit TextTable(std::vector<std::string> header) : m_header(std::move(header)) {}
    void add(std::vector<std::string> row) { m_rows.push_back(std::move(row)); }
    bool empty() const { return m_rows.empty(); }
    void print(std::ostream& out) const;

    /// Terminal columns a UTF-8 string takes (East Asian wide characters count two).
    static std::size_t width(const std::string& utf8);

private:
    std::vector<std::string> m_header;
    std::vector<std::vector<std::string>> m_rows;
};

}  // namespace app::cli
