#include "io/table_file.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <sstream>

#include <cpl_string.h>
#include <cpl_vsi.h>

#include "io/ogr_convert.h"
#include "layers/errors.h"

namespace layers::detail {

namespace {

std::string lower(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

int lineOf(const std::string& bytes, std::size_t at) { return 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + static_cast<long>(at), '\n')); }

}  // namespace

bool validUtf8(const std::string& s, std::size_t* bad)
{
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        int n = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
        if (n < 0 || i + static_cast<std::size_t>(n) >= s.size() + (n == 0 ? 1 : 0)) {
            if (bad)
                *bad = i;
            return false;
        }
        for (int k = 1; k <= n; ++k)
            if ((static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) >> 6) != 2) {
                if (bad)
                    *bad = i;
                return false;
            }
        i += static_cast<std::size_t>(n) + 1;
    }
    return true;
}

std::string readFileBytes(const std::filesystem::path& file)
{
    checkReadableFile(file.string());
    std::ifstream in(file, std::ios::binary);
    std::ostringstream all;
    all << in.rdbuf();
    if (!in.good() && !in.eof())
        throw DataError(file.string(), "cannot be read");
    return all.str();
}

TableFile::~TableFile()
{
    dataset.reset();
    if (!memName.empty())
        VSIUnlink(memName.c_str());
}

std::unique_ptr<TableFile> openTableFile(const std::filesystem::path& file, const std::string& sheet, const std::string& encodingText,
                                         const std::string& preferredSheet)
{
    GDALAllRegister();
    const std::string name = file.string();
    const std::string ext = lower(file.extension().string());
    if (ext != ".csv" && ext != ".xlsx")
        throw DataError(name, "is neither .csv nor .xlsx: save the sheet as one of them");
    auto table = std::make_unique<TableFile>();
    std::string& bytes = table->bytes;
    bytes = readFileBytes(file);
    table->fingerprint = std::to_string(bytes.size()) + ":" + std::to_string(std::hash<std::string>{}(bytes));
    const std::string encoding = lower(encodingText);
    if (ext == ".csv") {
        if (!sheet.empty())
            throw DataError(name, "--sheet is for XLSX files; a CSV has one table");
        if (bytes.rfind("\xEF\xBB\xBF", 0) == 0)
            bytes.erase(0, 3);
        std::size_t bad = 0;
        const bool utf8 = validUtf8(bytes, &bad);
        const bool ascii = std::all_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
        if (encoding.empty() || encoding == "utf-8" || encoding == "utf8") {
            if (!utf8) {
                const std::string line = bytes.substr(0, bytes.find('\n', bad));
                const std::size_t from = bytes.rfind('\n', bad) == std::string::npos ? 0 : bytes.rfind('\n', bad) + 1;
                char* asGbk = CPLRecode(bytes.substr(from, bytes.find('\n', bad) - from).c_str(), "GB18030", CPL_ENC_UTF8);
                const std::string shown = asGbk ? asGbk : "";
                CPLFree(asGbk);
                throw DataError(name, "row " + std::to_string(lineOf(bytes, bad)) + " is not UTF-8" +
                                          (validUtf8(shown) && !shown.empty() ? " (read as GBK it says: " + shown.substr(0, 120) + ")" : "") +
                                          ": pass --encoding GBK for a GBK file (Excel's 'CSV' on a Chinese Windows), or save it as UTF-8");
            }
            table->encoding = "UTF-8";
        } else if (encoding == "gbk" || encoding == "gb18030" || encoding == "gb2312") {
            if (utf8 && !ascii)
                throw DataError(name, "is UTF-8, not GBK (its Chinese text reads as UTF-8): drop --encoding GBK");
            CPLErrorReset();
            char* converted = CPLRecode(bytes.c_str(), "GB18030", CPL_ENC_UTF8);
            const bool failed = CPLGetLastErrorType() != CE_None;
            bytes = converted ? converted : "";
            CPLFree(converted);
            if (failed || !validUtf8(bytes))
                throw DataError(name, "cannot be read as GBK: " + std::string(CPLGetLastErrorMsg()));
            table->encoding = "GBK";
        } else {
            throw DataError(name, "unknown --encoding '" + encodingText + "': UTF-8 (default) or GBK");
        }
    } else {
        if (!encoding.empty())
            throw DataError(name, "--encoding is for CSV files; an XLSX file is always Unicode");
        table->encoding = "UTF-8";
    }
    static std::atomic<int> n{0};
    table->memName = "/vsimem/gzplan-table-" + std::to_string(::getpid()) + "-" + std::to_string(n++) + ext;
    VSIFCloseL(VSIFileFromMemBuffer(table->memName.c_str(), reinterpret_cast<GByte*>(bytes.data()), bytes.size(), FALSE));
    const char* drivers[] = {ext == ".csv" ? "CSV" : "XLSX", nullptr};
    const char* csvOptions[] = {"AUTODETECT_TYPE=NO", "EMPTY_STRING_AS_NULL=NO", nullptr};
    const char* xlsxOptions[] = {"FIELD_TYPES=STRING", "HEADERS=FORCE", nullptr};
    CPLErrorReset();
    table->dataset.reset(GDALDataset::Open(table->memName.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers,
                                              ext == ".csv" ? csvOptions : xlsxOptions));
    if (!table->dataset)
        throw DataError(name, std::string("cannot be read as ") + (ext == ".csv" ? "CSV" : "XLSX") + ": " + CPLGetLastErrorMsg());
    OGRLayer* layer = nullptr;
    std::string sheets;
    for (int i = 0; i < table->dataset->GetLayerCount(); ++i)
        sheets += std::string(sheets.empty() ? "" : ", ") + table->dataset->GetLayer(i)->GetName();
    if (!sheet.empty()) {
        layer = table->dataset->GetLayerByName(sheet.c_str());
        if (!layer)
            throw DataError(name, "has no sheet '" + sheet + "'; its sheets: " + sheets);
    } else if (table->dataset->GetLayerCount() == 1) {
        layer = table->dataset->GetLayer(0);
    } else {
        layer = table->dataset->GetLayerByName(preferredSheet.c_str());
        if (!layer)
            throw DataError(name, "has several sheets (" + sheets + "): pass --sheet");
    }
    table->layer = layer;
    return table;
}

}  // namespace layers::detail
