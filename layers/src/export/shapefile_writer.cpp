#include "export/shapefile_writer.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <ogrsf_frmts.h>

#include "io/checked_files.h"

namespace layers {

namespace {
constexpr std::size_t kMaxCutWarnings = 20;

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

/// At most bytes bytes of UTF-8 text, never ending inside a character (Chinese field names).
std::string utf8Prefix(const std::string& s, std::size_t bytes)
{
    if (s.size() <= bytes)
        return s;
    std::size_t end = bytes;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80)
        --end;
    return s.substr(0, end);
}

/// What fields.csv calls a field's type, from its type before it became a DBF field.
const char* typeWord(const OGRFieldDefn& f)
{
    switch (f.GetType()) {
    case OFTInteger: return f.GetSubType() == OFSTBoolean ? "boolean (1/0)" : "integer";
    case OFTInteger64: return "integer";
    case OFTReal: return "real";
    case OFTDate: return "date";
    default: return "text";
    }
}
}  // namespace

std::vector<std::string> shortFieldNames(const std::vector<ExportField>& fields)
{
    std::vector<std::string> out;
    std::set<std::string> taken;
    // The suffixed candidates of a name (prefix_1, prefix_2, …) depend only on its first 8 bytes, and names
    // are only ever added to taken: the next number to try for those 8 bytes is remembered, so 2,000 fields
    // sharing a prefix cost 2,000 tries, not 2,000²/2 (the names are the same as trying from 1 each time).
    std::map<std::string, int> nextTry;
    for (const ExportField& f : fields) {
        std::string name = utf8Prefix(f.name.size() > 10 && !f.shortName.empty() ? f.shortName : f.name, 10);
        if (taken.count(lower(name))) {
            int& n = nextTry.try_emplace(utf8Prefix(f.name, 8), 1).first->second;
            for (;; ++n) {
                std::string suffix("_");  // appended, not "_" + …: GCC 12 reports a false -Wrestrict on the latter
                suffix += std::to_string(n);
                name = utf8Prefix(f.name, 10 - suffix.size()) + suffix;
                if (!taken.count(lower(name)))
                    break;
            }
        }
        taken.insert(lower(name));
        out.push_back(name);
    }
    return out;
}

namespace detail {

void checkEncoding(const std::string& encoding)
{
    if (encoding != "UTF-8" && encoding != "GBK")
        throw DataError(encoding, "unknown encoding (use UTF-8 or GBK)");
}

const char* shapefileEncodingOption(const std::string& encoding) { return encoding == "GBK" ? "ENCODING=CP936" : "ENCODING=UTF-8"; }

bool dbfText(OGRFieldType type) { return type != OFTInteger && type != OFTInteger64 && type != OFTReal && type != OFTDate; }

void orientRings(OGRGeometry* g)
{
    if (!g)
        return;
    auto polygon = [](OGRPolygon* p) {
        bool exterior = true;
        for (OGRLinearRing* ring : *p) {
            if (ring->getNumPoints() >= 4 && ring->isClockwise() != exterior)
                ring->reversePoints();
            exterior = false;
        }
    };
    switch (wkbFlatten(g->getGeometryType())) {
    case wkbPolygon:
        polygon(g->toPolygon());
        break;
    case wkbMultiPolygon:
        for (OGRPolygon* p : *g->toMultiPolygon())
            polygon(p);
        break;
    default:
        break;
    }
}

ShapefileWriter::ShapefileWriter(std::string encoding, std::filesystem::path folder, std::string stem, std::string where)
    : m_encoding(std::move(encoding)), m_folder(std::move(folder)), m_stem(std::move(stem)), m_where(std::move(where))
{
}

void ShapefileWriter::createField(OGRLayer& layer, const OGRFieldDefn& field, const std::string& dbfName, std::size_t textWidth,
                                  const std::string& description)
{
    const bool text = dbfText(field.GetType());
    OGRFieldDefn defn(&field);
    defn.SetName(dbfName.c_str());
    if (text) {
        defn.SetType(OFTString);
        defn.SetSubType(OFSTNone);
        defn.SetWidth(static_cast<int>(std::max<std::size_t>(1, textWidth)));
    } else if (defn.GetType() == OFTReal && defn.GetWidth() == 0) {
        defn.SetWidth(24);
        defn.SetPrecision(15);
    } else if (defn.GetSubType() == OFSTBoolean) {
        defn.SetSubType(OFSTNone);
        defn.SetWidth(1);
    }
    // The new field must be the layer's next one (finish reads it back by position, not by name: the driver
    // may alter a name it cannot store, bytes invalid in the DBF's encoding).
    const int created = layer.GetLayerDefn()->GetFieldCount();
    if (layer.CreateField(&defn, TRUE) != OGRERR_NONE || layer.GetLayerDefn()->GetFieldCount() != created + 1 ||
        created != static_cast<int>(m_fields.size()))
        throw DataError(m_where, "cannot create field " + std::string(field.GetNameRef()) + ": " + writeFailureCause(m_folder));
    m_fields.push_back({field.GetNameRef(), typeWord(field), text, description});
}

void ShapefileWriter::cut(const std::string& feature, const std::string& id, const std::string& field, std::string value, std::size_t fullBytes,
                          const std::string& where, ExportReport& report)
{
    if (m_longValues.size() < kMaxCutWarnings)
        report.warnings.push_back(where + ": " + std::to_string(fullBytes) + " bytes exceed the DBF limit of 254; cut with '…' in the .dbf, full value in " +
                                  m_stem + ".long_values.csv");
    m_longValues.push_back({feature, id, field, std::move(value)});
}

void ShapefileWriter::finish(OGRLayer& layer, ExportReport& report)
{
    if (m_encoding == "GBK")
        writeTextFile(m_folder / (m_stem + ".cpg"), "936");  // GDAL wrote "CP936"
    const OGRFeatureDefn* written = layer.GetLayerDefn();
    std::vector<std::vector<std::string>> rows;
    for (std::size_t k = 0; k < m_fields.size(); ++k) {
        const OGRFieldDefn* dbf = written->GetFieldDefn(static_cast<int>(k));
        const Field& f = m_fields[k];
        rows.push_back({dbf->GetNameRef(), f.name, f.type, f.text ? std::to_string(dbf->GetWidth()) : "", f.description});
    }
    writeCsv(m_folder / (m_stem + ".fields.csv"), {"dbf_name", "full_name", "type", "width_bytes", "description"}, rows);
    if (!m_longValues.empty())
        writeCsv(m_folder / (m_stem + ".long_values.csv"), {"feature", "id", "field", "value"}, m_longValues);
    if (m_longValues.size() > kMaxCutWarnings)
        report.warnings.push_back(m_where + ": " + std::to_string(m_longValues.size() - kMaxCutWarnings) + " more values cut for the DBF; all in " +
                                  m_stem + ".long_values.csv");
}

}  // namespace detail

}  // namespace layers
