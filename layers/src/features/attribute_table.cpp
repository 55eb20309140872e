#include "layers/attribute_table.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <numeric>
#include <unordered_map>
#include <variant>

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_feature.h>
#include <ogrsf_frmts.h>

#include "io/gdal_drivers.h"
#include "io/ogr_convert.h"
#include "io/source_encoding.h"
#include "layers/export_tables.h"

// The attribute table (attribute_table.h): paged reads by FID, the row order (sort and filter) through SQLite for a
// GeoPackage and through OGR's attribute filter elsewhere, expressions checked by OGR's parser first.

namespace layers {

namespace {

/// GDAL's messages on this thread while alive are caught, not printed; lastError() is the latest failure.
class QuietErrors {
public:
    QuietErrors() : m_pusher(CPLQuietErrorHandler) { CPLErrorReset(); }
    bool failed() const { return CPLGetLastErrorType() >= CE_Failure; }
    std::string message() const { return CPLGetLastErrorMsg(); }

private:
    CPLErrorHandlerPusher m_pusher;
};

std::string sqlName(const std::string& identifier)
{
    std::string out = "\"";
    for (char c : identifier) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

AttributeType typeOf(const OGRFieldDefn& field)
{
    switch (field.GetType()) {
    case OFTInteger:
    case OFTInteger64: return AttributeType::Integer;
    case OFTReal: return AttributeType::Real;
    case OFTString: return AttributeType::Text;
    case OFTDate:
    case OFTDateTime:
    case OFTTime: return AttributeType::Date;
    default: return AttributeType::Other;
    }
}

/// The name between the first pair of double quotes of a message (GDAL's `"x" not recognised as …`).
std::string quotedName(const std::string& message)
{
    const auto a = message.find('"');
    const auto b = a == std::string::npos ? a : message.find('"', a + 1);
    return b == std::string::npos ? std::string() : message.substr(a + 1, b - a - 1);
}

/// A value of the sort field: nulls first, then numbers or text (by bytes: SQLite's BINARY collation).
using SortKey = std::variant<std::monostate, std::int64_t, double, std::string>;

}  // namespace

ExpressionError::ExpressionError(const std::string& file, std::string expression, Kind kind, std::string field, std::string detail,
                                 std::vector<std::string> fields)
    : DataError(file,
                [&] {
                    std::string list;
                    for (const auto& f : fields)
                        list += (list.empty() ? "" : ", ") + f;
                    return (kind == Kind::MissingField ? "expression '" + expression + "': no field '" + field + "'"
                                                       : "expression '" + expression + "' does not parse: " + detail) +
                           "; fields: " + (list.empty() ? "(none)" : list);
                }()),
      m_expression(std::move(expression)), m_kind(kind), m_field(std::move(field)), m_detail(std::move(detail)), m_fields(std::move(fields))
{
}

struct AttributeTable::Impl {
    GDALDatasetUniquePtr dataset;
    OGRLayer* layer = nullptr;
    bool geopackage = false;
    std::string fidColumn;  ///< a GeoPackage's FID column
    std::function<std::unique_ptr<AttributeTable>()> reopen;  ///< another instance over the same layer

    std::vector<std::string> fieldNames() const
    {
        std::vector<std::string> out;
        const OGRFeatureDefn* d = layer->GetLayerDefn();
        for (int i = 0; i < d->GetFieldCount(); ++i)
            out.emplace_back(d->GetFieldDefn(i)->GetNameRef());
        return out;
    }
};

AttributeTable::AttributeTable() : m(std::make_unique<Impl>()) {}
AttributeTable::~AttributeTable() = default;

namespace {

void describeFields(OGRLayer& layer, std::vector<AttributeField>& fields)
{
    const OGRFeatureDefn* d = layer.GetLayerDefn();
    for (int i = 0; i < d->GetFieldCount(); ++i)
        fields.push_back({d->GetFieldDefn(i)->GetNameRef(), typeOf(*d->GetFieldDefn(i))});
}

}  // namespace

std::unique_ptr<AttributeTable> AttributeTable::open(const std::filesystem::path& path, const std::string& layerName,
                                                     std::optional<std::vector<std::string>> openOptions)
{
    const std::string file = path.string();
    std::unique_ptr<AttributeTable> t(new AttributeTable());
    GDALDatasetUniquePtr ds = detail::openVector(file);
    auto findLayer = [&](GDALDataset& d) -> OGRLayer* {
        if (!layerName.empty())
            return d.GetLayerByName(layerName.c_str());
        for (int i = 0; i < d.GetLayerCount(); ++i)
            if (d.GetLayer(i)->GetGeomType() != wkbNone)
                return d.GetLayer(i);
        return d.GetLayerCount() ? d.GetLayer(0) : nullptr;
    };
    OGRLayer* l = findLayer(*ds);
    if (!l) {
        std::string names;
        for (int i = 0; i < ds->GetLayerCount(); ++i)
            names += (i ? ", " : "") + std::string(ds->GetLayer(i)->GetName());
        throw DataError(file, ds->GetLayerCount() ? "no layer '" + layerName + "'; layers: " + names : "has no vector layers");
    }
    if (!openOptions)
        openOptions = detail::detectEncoding(*ds, *l, file).openOptions;
    if (!openOptions->empty()) {  // opened again so GDAL converts the text (a GBK shapefile)
        ds = detail::openVectorWith(file, *openOptions);
        l = findLayer(*ds);
        if (!l)
            throw DataError(file, "no layer '" + layerName + "'");
    }
    t->m_source = file;
    t->m_layerName = l->GetName();
    t->m->geopackage = ds->GetDriver() && std::string(ds->GetDriver()->GetDescription()) == "GPKG";
    t->m->fidColumn = l->GetFIDColumn();
    t->m->layer = l;
    t->m->dataset = std::move(ds);
    t->m->reopen = [path, name = t->m_layerName, options = *openOptions] { return open(path, name, options); };
    describeFields(*l, t->m_fields);
    if (t->m->geopackage && t->m->fidColumn.empty())
        t->m->geopackage = false;  // a view without a FID column: read as any other layer
    t->setOrder(-1, false, {});
    return t;
}

std::unique_ptr<AttributeTable> AttributeTable::fromTable(const ExportTable& table)
{
    std::unique_ptr<AttributeTable> t(new AttributeTable());
    detail::registerDriver("Memory");  // not one of the named ones: registers every driver (once)
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("Memory");
    if (!driver)
        throw DataError("plan:" + table.id, "GDAL has no Memory driver");
    GDALDatasetUniquePtr ds(driver->Create("", 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* l = ds ? ds->CreateLayer(table.id.c_str(), nullptr, wkbNone, nullptr) : nullptr;
    if (!l)
        throw DataError("plan:" + table.id, "cannot create a memory layer: " + std::string(CPLGetLastErrorMsg()));
    for (const ExportField& f : table.fields) {
        OGRFieldDefn defn(f.name.c_str(), f.type == FieldType::Real ? OFTReal : f.type == FieldType::String ? OFTString : OFTInteger64);
        if (f.type == FieldType::Boolean) {
            defn.SetType(OFTInteger);
            defn.SetSubType(OFSTBoolean);
        }
        l->CreateField(&defn);
    }
    for (std::size_t i = 0; i < table.features.size(); ++i) {
        OGRFeature feature(l->GetLayerDefn());
        feature.SetFID(static_cast<GIntBig>(i));
        const auto& values = table.features[i].values;
        for (std::size_t k = 0; k < values.size() && k < table.fields.size(); ++k) {
            const int field = static_cast<int>(k);
            std::visit(
                [&](const auto& v) {
                    using V = std::decay_t<decltype(v)>;
                    if constexpr (std::is_same_v<V, std::monostate>)
                        feature.SetFieldNull(field);
                    else if constexpr (std::is_same_v<V, std::string>)
                        feature.SetField(field, v.c_str());
                    else if constexpr (std::is_same_v<V, bool>)
                        feature.SetField(field, v ? 1 : 0);
                    else if constexpr (std::is_same_v<V, long long>)
                        feature.SetField(field, static_cast<GIntBig>(v));
                    else
                        feature.SetField(field, v);
                },
                values[k]);
        }
        if (l->CreateFeature(&feature) != OGRERR_NONE)
            throw DataError("plan:" + table.id, "cannot copy feature " + std::to_string(i) + " into memory");
    }
    t->m_source = "plan:" + table.id;
    t->m_layerName = table.id;
    t->m->layer = l;
    {
        // The values only (no geometry) kept for reopen.
        auto copy = std::make_shared<ExportTable>();
        copy->id = table.id;
        copy->title = table.title;
        copy->fields = table.fields;
        copy->features.reserve(table.features.size());
        for (const ExportFeature& f : table.features)
            copy->features.push_back({{}, f.values, {}, {}});
        t->m->reopen = [copy] { return fromTable(*copy); };
    }
    t->m->dataset = std::move(ds);
    describeFields(*l, t->m_fields);
    t->setOrder(-1, false, {});
    return t;
}

int AttributeTable::fieldIndex(const std::string& name) const
{
    for (std::size_t i = 0; i < m_fields.size(); ++i)
        if (m_fields[i].name == name)
            return static_cast<int>(i);
    return -1;
}

std::size_t AttributeTable::rowCount() const { return m_identity ? m_identityRows : m_order.size(); }

std::int64_t AttributeTable::fid(std::size_t row) const { return m_identity ? m_firstFid + static_cast<std::int64_t>(row) : m_order.at(row); }

std::optional<std::size_t> AttributeTable::rowOf(std::int64_t fid) const
{
    if (m_identity) {
        if (fid < m_firstFid || fid >= m_firstFid + static_cast<std::int64_t>(m_identityRows))
            return std::nullopt;
        return static_cast<std::size_t>(fid - m_firstFid);
    }
    if (m_rowOfFid.size() != m_order.size()) {
        m_rowOfFid.resize(m_order.size());
        for (std::size_t r = 0; r < m_order.size(); ++r)
            m_rowOfFid[r] = {m_order[r], r};
        std::sort(m_rowOfFid.begin(), m_rowOfFid.end());
    }
    const auto it = std::lower_bound(m_rowOfFid.begin(), m_rowOfFid.end(), std::pair<std::int64_t, std::size_t>{fid, 0});
    if (it == m_rowOfFid.end() || it->first != fid)
        return std::nullopt;
    return it->second;
}

std::vector<AttributeRow> AttributeTable::readRows(std::size_t first, std::size_t count, bool exactReals)
{
    std::vector<AttributeRow> rows;
    const std::size_t n = rowCount();
    if (first >= n)
        return rows;
    count = std::min(count, n - first);
    rows.resize(count);
    for (std::size_t i = 0; i < count; ++i)
        rows[i].fid = fid(first + i);
    const std::size_t nFields = m_fields.size();
    auto fill = [&](AttributeRow& row, OGRFeature& f, int offset) {
        row.values.resize(nFields);
        for (std::size_t k = 0; k < nFields; ++k) {
            const int i = static_cast<int>(k) + offset;
            if (!f.IsFieldSetAndNotNull(i))
                continue;
            if (exactReals && m_fields[k].type == AttributeType::Real) {
                // The fewest digits (15, 16 or 17) that read back as the same double.
                const double v = f.GetFieldAsDouble(i);
                char text[40];
                for (int digits = 15; digits <= 17; ++digits) {
                    std::snprintf(text, sizeof text, "%.*g", digits, v);
                    if (std::strtod(text, nullptr) == v)
                        break;
                }
                row.values[k] = text;
            } else {
                row.values[k] = f.GetFieldAsString(i);
            }
        }
    };
    auto missing = [&](std::int64_t fid) {
        return DataError(m_source, "layer '" + m_layerName + "': feature " + std::to_string(fid) +
                                       " is no longer in the file (changed since the table was opened?); open the table again");
    };
    if (m->geopackage) {
        // One query for the page, without the geometry column.
        std::string sql = "SELECT " + sqlName(m->fidColumn);
        for (const auto& f : m_fields)
            sql += ", " + sqlName(f.name);
        sql += " FROM " + sqlName(m_layerName) + " WHERE " + sqlName(m->fidColumn);
        std::vector<std::int64_t> fids(count);
        for (std::size_t i = 0; i < count; ++i)
            fids[i] = rows[i].fid;
        std::sort(fids.begin(), fids.end());
        if (fids.back() - fids.front() + 1 == static_cast<std::int64_t>(count)) {
            sql += " BETWEEN " + std::to_string(fids.front()) + " AND " + std::to_string(fids.back());
        } else {
            sql += " IN (";
            for (std::size_t i = 0; i < count; ++i)
                sql += (i ? "," : "") + std::to_string(fids[i]);
            sql += ")";
        }
        QuietErrors quiet;
        const detail::SqlResult result = detail::executeSql(*m->dataset, sql);
        if (!result)
            throw DataError(m_source, "layer '" + m_layerName + "': cannot read rows: " + quiet.message());
        // The result's FID is the fid column when SQLite reports it as the key; else it is the first field.
        const bool keyed = !std::string(result->GetFIDColumn()).empty();
        std::unordered_map<std::int64_t, std::size_t> at;
        at.reserve(count * 2);
        for (std::size_t i = 0; i < count; ++i)
            at.emplace(rows[i].fid, i);
        std::size_t found = 0;
        for (auto& f : *result) {
            const std::int64_t id = keyed ? f->GetFID() : f->GetFieldAsInteger64(0);
            if (const auto it = at.find(id); it != at.end()) {
                fill(rows[it->second], *f, keyed ? 0 : 1);
                ++found;
            }
        }
        if (quiet.failed())
            throw DataError(m_source, "layer '" + m_layerName + "': cannot read rows: " + quiet.message());
        if (found != count)
            for (const auto& r : rows)
                if (r.values.empty())
                    throw missing(r.fid);
        return rows;
    }
    for (auto& row : rows) {
        std::unique_ptr<OGRFeature> f(m->layer->GetFeature(row.fid));
        if (!f)
            throw missing(row.fid);
        fill(row, *f, 0);
    }
    return rows;
}

namespace {

/// What an expression is, for OGR's parser: compiles or names what is wrong.
struct Checked {
    bool ok = true;
    std::string field;   ///< a name that is not a field
    std::string detail;  ///< the parser's message
};

Checked checkExpression(OGRLayer& layer, const std::string& expression)
{
    QuietErrors quiet;
    OGRFeatureQuery query;
    Checked c;
    if (query.Compile(&layer, expression.c_str(), TRUE, nullptr) == OGRERR_NONE)
        return c;
    c.ok = false;
    c.detail = quiet.message();
    if (c.detail.find("not recognised as an available field") != std::string::npos)
        c.field = quotedName(c.detail);
    return c;
}

}  // namespace

std::unique_ptr<AttributeTable> AttributeTable::reopen() const { return m->reopen(); }
std::function<std::unique_ptr<AttributeTable>()> AttributeTable::opener() const { return m->reopen; }

void AttributeTable::setOrder(int field, bool descending, const std::string& filter) { applyOrder(computeOrder(field, descending, filter)); }

AttributeOrder AttributeTable::order() const
{
    AttributeOrder o;
    o.field = m_sortField;
    o.descending = m_descending;
    o.filter = m_filter;
    o.identity = m_identity;
    o.firstFid = m_firstFid;
    o.identityRows = m_identityRows;
    o.fids = m_order;
    return o;
}

void AttributeTable::applyOrder(AttributeOrder o)
{
    if (o.field >= static_cast<int>(m_fields.size()))
        throw std::out_of_range("AttributeTable::applyOrder: no field " + std::to_string(o.field));
    if (o.featureCount)
        m_featureCount = *o.featureCount;
    m_identity = o.identity;
    m_firstFid = o.firstFid;
    m_identityRows = o.identityRows;
    m_order = std::move(o.fids);
    if (m_identity) {
        m_order.clear();
        m_order.shrink_to_fit();
    }
    m_rowOfFid.clear();
    m_sortField = o.field;
    m_descending = o.descending;
    m_filter = std::move(o.filter);
}

AttributeOrder AttributeTable::computeOrder(int field, bool descending, const std::string& filterIn, const std::atomic<bool>* cancel)
{
    auto cancelled = [cancel] {
        if (cancel && cancel->load(std::memory_order_relaxed))
            throw OrderCancelled();
    };
    AttributeOrder out;
    out.field = field;
    out.descending = descending;

    if (field >= static_cast<int>(m_fields.size()))
        throw std::out_of_range("AttributeTable::setOrder: no field " + std::to_string(field));
    const std::string filter = filterIn.find_first_not_of(" \t\r\n") == std::string::npos ? std::string() : filterIn;
    out.filter = filter;
    std::vector<std::string> names;
    for (const auto& f : m_fields)
        names.push_back(f.name);
    OGRLayer& l = *m->layer;
    // The expression first through OGR's parser: a name that is not a field is said, whatever the format.
    if (!filter.empty()) {
        const Checked c = checkExpression(l, filter);
        if (!c.field.empty())
            throw ExpressionError(m_source, filter, ExpressionError::Kind::MissingField, c.field, c.detail, names);
        if (!c.ok && !m->geopackage)
            throw ExpressionError(m_source, filter, ExpressionError::Kind::Syntax, {}, c.detail, names);
    }

    if (m->geopackage) {
        if (filter.empty() && field < 0 && !descending) {
            // Natural order: FIDs without gaps need no vector (a million-row table opens at once).
            QuietErrors quiet;
            const detail::SqlResult r = detail::executeSql(
                *m->dataset, "SELECT (SELECT MIN(" + sqlName(m->fidColumn) + ") FROM " + sqlName(m_layerName) + "), (SELECT MAX(" + sqlName(m->fidColumn) +
                                  ") FROM " + sqlName(m_layerName) + ")");  // two subqueries: each reads one end of the key, not every row
            const GIntBig count = l.GetFeatureCount(TRUE);
            std::unique_ptr<OGRFeature> f(r ? r->GetNextFeature() : nullptr);
            if (!f || quiet.failed() || count < 0)
                throw DataError(m_source, "layer '" + m_layerName + "': cannot read its FIDs: " + quiet.message());
            out.featureCount = static_cast<std::size_t>(count);
            const std::int64_t lo = f->GetFieldAsInteger64(0), hi = f->GetFieldAsInteger64(1);
            if (count == 0 || (f->IsFieldSetAndNotNull(0) && hi - lo + 1 == count)) {
                out.identity = true;
                out.firstFid = count ? lo : 0;
                out.identityRows = static_cast<std::size_t>(count);
                return out;
            }
        }
        std::string sql = "SELECT " + sqlName(m->fidColumn) + " FROM " + sqlName(m_layerName);
        if (!filter.empty())
            sql += " WHERE " + filter;
        sql += " ORDER BY ";
        if (field >= 0)
            sql += sqlName(m_fields[static_cast<std::size_t>(field)].name) + (descending ? " DESC, " : ", ");
        sql += sqlName(m->fidColumn) + (descending && field < 0 ? " DESC" : "");
        QuietErrors quiet;
        std::vector<std::int64_t> order;
        {
            const detail::SqlResult r = detail::executeSql(*m->dataset, sql);
            if (r) {
                const bool keyed = !std::string(r->GetFIDColumn()).empty();
                for (auto& f : *r) {
                    if ((order.size() & 0xfff) == 0)
                        cancelled();
                    order.push_back(keyed ? f->GetFID() : f->GetFieldAsInteger64(0));
                }
            }
        }
        if (quiet.failed()) {
            const std::string message = quiet.message();
            if (!filter.empty()) {
                const auto at = message.find("no such column: ");
                if (at != std::string::npos) {
                    std::string name = message.substr(at + 16);
                    name = name.substr(0, name.find_first_of(" \n\r"));
                    throw ExpressionError(m_source, filter, ExpressionError::Kind::MissingField, name, message, names);
                }
                throw ExpressionError(m_source, filter, ExpressionError::Kind::Syntax, {}, message, names);
            }
            throw DataError(m_source, "layer '" + m_layerName + "': cannot order the rows: " + message);
        }
        if (filter.empty())
            out.featureCount = order.size();
        out.fids = std::move(order);
    } else {
        QuietErrors quiet;
        if (l.SetAttributeFilter(filter.empty() ? nullptr : filter.c_str()) != OGRERR_NONE) {
            const std::string message = quiet.message();
            l.SetAttributeFilter(nullptr);
            throw ExpressionError(m_source, filter, ExpressionError::Kind::Syntax, {}, message, names);
        }
        // Only the sort field is read (and what the filter names: OGR evaluates it on the features it reads).
        std::vector<std::string> ignored{"OGR_GEOMETRY", "OGR_STYLE"};
        std::vector<char*> ignoredList;
        const bool ignore = filter.empty();
        if (ignore) {
            for (std::size_t k = 0; k < m_fields.size(); ++k)
                if (static_cast<int>(k) != field)
                    ignored.push_back(m_fields[k].name);
            for (auto& s : ignored)
                ignoredList.push_back(s.data());
            ignoredList.push_back(nullptr);
            l.SetIgnoredFields(const_cast<const char**>(ignoredList.data()));
        } else {
            const char* geometryOnly[] = {"OGR_GEOMETRY", "OGR_STYLE", nullptr};
            l.SetIgnoredFields(geometryOnly);
        }
        std::vector<std::int64_t> fids;
        std::vector<SortKey> keys;
        const AttributeType type = field >= 0 ? m_fields[static_cast<std::size_t>(field)].type : AttributeType::Text;
        l.ResetReading();
        // The layer's reading state is restored whatever happens (a cancel, a failure).
        struct Restore {
            OGRLayer& l;
            ~Restore()
            {
                l.SetAttributeFilter(nullptr);
                const char* geometryOnly[] = {"OGR_GEOMETRY", nullptr};
                l.SetIgnoredFields(geometryOnly);  // pages read every field, never the geometry
            }
        } restore{l};
        for (auto& f : l) {
            if ((fids.size() & 0xfff) == 0)
                cancelled();
            fids.push_back(f->GetFID());
            if (field < 0)
                continue;
            if (!f->IsFieldSetAndNotNull(field))
                keys.emplace_back(std::monostate{});
            else if (type == AttributeType::Integer)
                keys.emplace_back(static_cast<std::int64_t>(f->GetFieldAsInteger64(field)));
            else if (type == AttributeType::Real)
                keys.emplace_back(f->GetFieldAsDouble(field));
            else
                keys.emplace_back(std::string(f->GetFieldAsString(field)));
        }
        const bool failed = quiet.failed();
        const std::string message = quiet.message();
        if (failed) {
            if (!filter.empty())
                throw ExpressionError(m_source, filter, ExpressionError::Kind::Syntax, {}, message, names);
            throw DataError(m_source, "layer '" + m_layerName + "': cannot read its features: " + message);
        }
        if (filter.empty())
            out.featureCount = fids.size();
        cancelled();
        std::vector<std::size_t> index(fids.size());
        std::iota(index.begin(), index.end(), std::size_t{0});
        auto byFid = [&](std::size_t a, std::size_t b) { return fids[a] < fids[b]; };
        if (field < 0)
            std::sort(index.begin(), index.end(), [&](std::size_t a, std::size_t b) { return descending ? byFid(b, a) : byFid(a, b); });
        else
            std::sort(index.begin(), index.end(), [&](std::size_t a, std::size_t b) {
                if (keys[a] != keys[b])
                    return descending ? keys[b] < keys[a] : keys[a] < keys[b];
                return byFid(a, b);
            });
        out.fids.resize(index.size());
        for (std::size_t r = 0; r < index.size(); ++r)
            out.fids[r] = fids[index[r]];
    }
    return out;
}

std::vector<std::int64_t> AttributeTable::matching(const std::string& expression)
{
    if (expression.find_first_not_of(" \t\r\n") == std::string::npos) {
        std::vector<std::string> names;
        for (const auto& f : m_fields)
            names.push_back(f.name);
        throw ExpressionError(m_source, expression, ExpressionError::Kind::Syntax, {}, "empty expression", names);
    }
    // The table's order is kept: the selection is computed as a filter's order, not applied.
    return computeOrder(-1, false, expression).fids;  // a filter: never the identity order
}

}  // namespace layers
