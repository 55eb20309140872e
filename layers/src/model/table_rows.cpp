#include "layers/table_rows.h"

#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>

#include <cpl_csv.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>

#include "layers/errors.h"
#include "io/ogr_convert.h"

namespace layers {

const std::string& TableRow::operator[](const std::string& column) const
{
    static const std::string empty;
    auto it = fields.find(column);
    return it == fields.end() ? empty : it->second;
}

std::string TableRow::where() const
{
    return std::filesystem::path(file).filename().string() + ":" + std::to_string(line);
}

namespace {
/// The first control character of text (other than tab and line breaks, which a quoted field may hold), or -1.
int controlCharacter(const std::string& text)
{
    for (unsigned char c : text)
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)
            return c;
    return -1;
}

std::string hex(int c)
{
    const char* digits = "0123456789ABCDEF";
    return std::string("U+00") + digits[(c >> 4) & 15] + digits[c & 15];
}

struct CloseFile {
    void operator()(VSILFILE* f) const { VSIFCloseL(f); }
};
}  // namespace

std::vector<TableRow> readCsvRows(const std::filesystem::path& file, const std::vector<std::string>& requiredColumns, std::vector<std::string>* headerColumns)
{
    const std::string name = file.string();
    std::error_code ec;
    if (!std::filesystem::exists(file, ec))
        throw DataError(name, "does not exist");
    detail::checkReadableFile(name);  // a regular, readable, non-empty file (a FIFO would block)
    // The raw bytes, for line numbers (a quoted field may span lines, blank lines are skipped) and NUL bytes,
    // which GDAL's line reader would cut the line at without a word.
    std::string bytes;
    {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream all;
        all << in.rdbuf();
        if (!in.good() && !in.eof())
            throw DataError(name, "cannot be read");
        bytes = all.str();
    }
    std::vector<std::size_t> lineStarts{0};
    for (std::size_t i = 0; i < bytes.size(); ++i)
        if (bytes[i] == '\n')
            lineStarts.push_back(i + 1);
    auto lineAt = [&](std::size_t offset) {
        return static_cast<int>(std::upper_bound(lineStarts.begin(), lineStarts.end(), offset) - lineStarts.begin());
    };

    // Records through GDAL's CSV tokenizer (RFC 4180: quoted fields with commas, quotes and line breaks).
    std::unique_ptr<VSILFILE, CloseFile> fp(VSIFOpenL(name.c_str(), "rb"));
    if (!fp)
        throw DataError(name, std::string("cannot be opened: ") + CPLGetLastErrorMsg());
    struct Record {
        CPLStringList tokens;
        std::size_t start = 0, end = 0;
    };
    auto next = [&](Record& r) {
        r.start = static_cast<std::size_t>(VSIFTellL(fp.get()));
        char** tokens = CSVReadParseLine3L(fp.get(), 0, ",", true, false, false, /*bSkipBOM=*/r.start == 0);
        r.end = static_cast<std::size_t>(VSIFTellL(fp.get()));
        r.tokens.Assign(tokens, true);
        return tokens != nullptr;
    };
    Record header;
    if (!next(header) || header.tokens.size() == 0)
        throw DataError(name, "line 1: no header row");
    std::vector<std::string> columns;
    for (int i = 0; i < header.tokens.size(); ++i)
        columns.emplace_back(header.tokens[i]);
    for (const std::string& column : requiredColumns)
        if (std::find(columns.begin(), columns.end(), column) == columns.end())
            throw DataError(name, "line 1: no column '" + column + "'");
    if (headerColumns)
        *headerColumns = columns;

    std::vector<TableRow> rows;
    for (Record record; next(record);) {
        const int line = lineAt(record.start);
        const std::string where = "line " + std::to_string(line);
        const std::string raw = bytes.substr(record.start, record.end > record.start ? record.end - record.start : 0);
        if (raw.find_first_not_of(" \t\r\n") == std::string::npos)
            continue;  // a blank line
        if (const auto nul = raw.find('\0'); nul != std::string::npos) {
            // The field holding it: the fields of the record up to the NUL, through the same tokenizer.
            const CPLStringList before(CSLTokenizeString2(raw.substr(0, nul).c_str(), ",", CSLT_HONOURSTRINGS | CSLT_ALLOWEMPTYTOKENS));
            const int field = std::max(1, before.size());
            throw DataError(name, "line " + std::to_string(lineAt(record.start + nul)) + ", field " + std::to_string(field) +
                                      (field <= static_cast<int>(columns.size()) ? " '" + columns[static_cast<std::size_t>(field - 1)] + "'" : "") +
                                      ": a NUL byte (U+0000); plan tables are plain UTF-8 text: remove it");
        }
        if (record.tokens.size() != static_cast<int>(columns.size())) {
            std::string detail;
            if (record.tokens.size() > static_cast<int>(columns.size()))
                detail = "; the first extra field is '" + std::string(record.tokens[static_cast<int>(columns.size())]) +
                         "' (a comma inside a value needs the value in double quotes)";
            else
                detail = "; the last field read is '" + columns[static_cast<std::size_t>(std::max(0, record.tokens.size() - 1))] + "'";
            throw DataError(name, where + ": " + std::to_string(record.tokens.size()) + " fields, the header has " +
                                      std::to_string(columns.size()) + detail);
        }
        TableRow row;
        row.file = name;
        row.line = line;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            std::string value = record.tokens[static_cast<int>(i)];
            const std::string at = where + ", field '" + columns[i] + "'";
            if (!CPLIsUTF8(value.c_str(), static_cast<int>(value.size())))
                throw DataError(name, at + ": not valid UTF-8 text; plan tables must be saved as UTF-8 (was it saved as GBK?)");
            if (const int c = controlCharacter(value); c >= 0)
                throw DataError(name, at + ": control character " + hex(c) + " in '" + value + "'; remove it");
            row.fields[columns[i]] = std::move(value);
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace layers
