#pragma once
// Internal: the one shapefile writer behind both exports, the plan-layer tables (exporter.cpp, exportTables)
// and the streamed export of any GDAL layer (export_source.cpp, exportSource). What makes an exported shapefile
// more than what GDAL's driver writes lives here, once:
//   - DBF field names: at most 10 bytes, unique (case-insensitive), stable (shortFieldNames, exporter.h);
//   - DBF fields: text as wide as its longest value in the target encoding (at least 1 byte), reals 24.15,
//     booleans 1/0;
//   - text in the target encoding, UTF-8 or GBK (code page 936); a value over the DBF limit of 254 bytes is cut
//     at a character boundary with "…", kept whole in <stem>.long_values.csv and warned (the first 20 one by
//     one, the rest counted);
//   - the sidecars: <stem>.prj (GDAL, ESRI WKT), <stem>.cpg ("UTF-8" by GDAL; "936" for GBK, written here, as
//     ArcGIS and QGIS both read the plain number) and <stem>.fields.csv, ALWAYS: every field's DBF name (the
//     one the driver really gave), full name, type, text width in bytes and description, whether or not a
//     name had to be shortened, so that every exported shapefile documents its fields the same way;
//   - rings in the orientation the format mandates, set in one pass (orientRings).
// Its files are written through the checked writes (writeCsv, writeTextFile); the export checks them with
// checkWritten before anything is renamed into place.

#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include <ogr_feature.h>

#include "export/export_support.h"
#include "io/gdal_config.h"
#include "layers/exporter.h"

class OGRGeometry;

namespace layers::detail {

/// DataError unless encoding is UTF-8 or GBK (the encodings an export writes).
void checkEncoding(const std::string& encoding);

/// GDAL's layer creation option for the DBF's encoding ("ENCODING=UTF-8" or "ENCODING=CP936").
const char* shapefileEncodingOption(const std::string& encoding);

/// Whether a field of this type is written to the DBF as text (its values measured and cut to fit).
bool dbfText(OGRFieldType type);

/// A text value as the DBF holds it.
struct DbfText {
    std::size_t bytes = 0;      ///< in the target encoding, as written
    std::size_t fullBytes = 0;  ///< of the whole value
    std::string cut;            ///< when the whole value exceeds kDbfLimit: the value cut to fit, ending in "…"
    bool wasCut() const { return fullBytes > kDbfLimit; }
};

/// value (UTF-8) measured in the encoding and cut when too long. where() names the value in errors (a character
/// GBK has no code for); it is called only when the value must be recoded or cut. Safe on any thread.
template <typename Where>
DbfText fitDbfText(const char* value, const std::string& encoding, Where&& where)
{
    DbfText text;
    text.bytes = text.fullBytes = std::strlen(value);
    if (encoding == "UTF-8" && text.bytes <= kDbfLimit)
        return text;
    const std::string named = where();
    text.bytes = text.fullBytes = encoded(value, encoding, named).size();
    if (text.wasCut()) {
        text.cut = cutToFit(value, encoding, kDbfLimit, named);
        text.bytes = encoded(text.cut, encoding, named).size();
    }
    return text;
}

/// Outer rings clockwise, holes counter-clockwise, as the shapefile format mandates, from the geometry's own
/// structure in one pass. GDAL 3.6's writer otherwise finds each ring's role by testing it against every other
/// ring of the feature (SHPRewindObject): quadratic in the parts, 163 s for one multipolygon of 100,000
/// squares. A writer orienting its rings so creates its layer while a NoRewind is in scope.
void orientRings(OGRGeometry* g);

/// Tells GDAL's shapefile writer not to orient the rings itself (GDAL 3.7's default), for the layers created
/// while in scope on this thread.
struct NoRewind : ThreadConfig {
    NoRewind() : ThreadConfig("SHAPE_REWIND_ON_WRITE", "NO") {}
};

/// One shapefile layer's fields and sidecars. Used on the writing thread.
class ShapefileWriter {
public:
    /// folder and stem: where the sidecars go (<folder>/<stem>.fields.csv…); where names the layer in messages.
    ShapefileWriter(std::string encoding, std::filesystem::path folder, std::string stem, std::string where);

    /// Creates field as the DBF holds it (the full name renamed to dbfName; a field dbfText() holds as text
    /// becomes a string of textWidth bytes; reals 24.15; booleans 1/0) as the layer's next field, and keeps what
    /// fields.csv says of it. DataError naming the field and the cause if the driver refuses it.
    void createField(OGRLayer& layer, const OGRFieldDefn& field, const std::string& dbfName, std::size_t textWidth, const std::string& description);

    /// A value cut for the DBF (see fitDbfText): a row of <stem>.long_values.csv (feature as the source numbers
    /// it, id its first field) and a warning naming where, the first 20 times.
    void cut(const std::string& feature, const std::string& id, const std::string& field, std::string value, std::size_t fullBytes,
             const std::string& where, ExportReport& report);

    /// After the last feature, the layer still open: <stem>.cpg for GBK, <stem>.fields.csv (names and text widths
    /// as the driver gave them: it may widen a field or rename one it cannot store), <stem>.long_values.csv when a
    /// value was cut, and a warning counting the cuts not warned one by one.
    void finish(OGRLayer& layer, ExportReport& report);

private:
    struct Field {
        std::string name;
        const char* type;
        bool text;
        std::string description;
    };
    std::string m_encoding;
    std::filesystem::path m_folder;
    std::string m_stem;
    std::string m_where;
    std::vector<Field> m_fields;
    std::vector<std::vector<std::string>> m_longValues;
};

}  // namespace layers::detail
