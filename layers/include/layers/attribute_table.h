#pragma once
// The attribute table of any vector layer GDAL reads (a user's GeoPackage, Shapefile, GeoJSON …, or one of the
// plan's export tables held in memory), read in pages by FID so a table of a million rows opens at once.
//
// The table keeps an order: row → FID. Natural order is by FID (for a GeoPackage whose FIDs run without gaps the
// order is not even stored: row r is FID min + r). setOrder sorts by a field and/or keeps only the features an
// OGR attribute filter accepts (the WHERE clause of GDAL's SQL: `landuse = '林地' AND area_m2 > 10000`):
//   - a GeoPackage: one `SELECT fid … WHERE … ORDER BY "field", fid` through GDAL's ExecuteSQL (SQLite);
//   - any other format: the filter through OGRLayer::SetAttributeFilter, the sort field read once and sorted
//     (nulls first, ties by FID, text by its UTF-8 bytes: SQLite's BINARY collation, so both paths agree).
// Every expression is first compiled by OGR's own SQL parser against the layer's fields, so a name that is not a
// field is an ExpressionError naming it (SQLite would read a double-quoted unknown name as a string and match
// nothing: a silent zero); what OGR's parser cannot read but SQLite can (its functions) is then given to SQLite
// for a GeoPackage, and an error of either is an ExpressionError with the parser's words and the fields.
//
// Pages: readRows(first, count) reads the rows' features by FID (a GeoPackage: one `WHERE fid IN (…)` query
// without the geometry column; other formats: GetFeature per FID with the geometry ignored).
//
// Threads: an AttributeTable owns one GDAL dataset and is not thread-safe: use one instance per thread (each
// opens its own dataset; opening is cheap). reopen() makes another instance over the same layer for a worker:
// it computes an order (computeOrder, cancellable) or reads every row for an export while the window's instance
// keeps serving pages; applyOrder hands the finished order to the window's instance.

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "layers/errors.h"

namespace layers {

struct ExportTable;

enum class AttributeType { Integer, Real, Text, Date, Other };

struct AttributeField {
    std::string name;
    AttributeType type = AttributeType::Text;
};

/// An attribute expression the table could not use (a filter or a selection): names the expression and what is
/// wrong with it, and lists the layer's fields for the fix.
class ExpressionError : public DataError {
public:
    enum class Kind { Syntax, MissingField };
    ExpressionError(const std::string& file, std::string expression, Kind kind, std::string field, std::string detail,
                    std::vector<std::string> fields);
    const std::string& expression() const { return m_expression; }
    Kind kind() const { return m_kind; }
    /// The name that is not a field (MissingField), else empty.
    const std::string& field() const { return m_field; }
    /// The parser's own words (GDAL / SQLite, English).
    const std::string& detail() const { return m_detail; }
    /// The layer's fields, in its order.
    const std::vector<std::string>& fields() const { return m_fields; }

private:
    std::string m_expression;
    Kind m_kind;
    std::string m_field;
    std::string m_detail;
    std::vector<std::string> m_fields;
};

/// An order computeOrder stopped because its cancel flag was set.
class OrderCancelled : public std::runtime_error {
public:
    OrderCancelled() : std::runtime_error("ordering cancelled") {}
};

/// A row order (row → FID) with what produced it: computed by computeOrder on any instance over the layer, applied
/// by applyOrder.
struct AttributeOrder {
    int field = -1;  ///< sorted by this field, -1: by FID
    bool descending = false;
    std::string filter;  ///< the filter's expression, empty: all features
    /// identity: row r is FID firstFid + r (identityRows rows); else fids.
    bool identity = false;
    std::int64_t firstFid = 0;
    std::size_t identityRows = 0;
    std::vector<std::int64_t> fids;
    /// Every feature of the layer when it was read without a filter; else nothing.
    std::optional<std::size_t> featureCount;
};

struct AttributeRow {
    std::int64_t fid = 0;
    std::vector<std::optional<std::string>> values;  ///< one per field, as text; nullopt: null or unset
};

class AttributeTable {
public:
    /// Opens a layer of a vector file (empty layer: the first with geometry, else the first) read-only through
    /// layers' openVector checks; openOptions as FeatureLayer::openOptions() (a shapefile's inferred encoding),
    /// else the encoding is inferred here too. Throws DataError naming the file (and layer).
    static std::unique_ptr<AttributeTable> open(const std::filesystem::path& file, const std::string& layer = {},
                                                std::optional<std::vector<std::string>> openOptions = std::nullopt);
    /// One of the plan's tables (export_tables.h) copied into a GDAL memory layer: FID = the feature's index.
    static std::unique_ptr<AttributeTable> fromTable(const ExportTable& table);
    ~AttributeTable();
    AttributeTable(const AttributeTable&) = delete;
    AttributeTable& operator=(const AttributeTable&) = delete;

    /// The file (or "plan:<table id>"), and the layer's name.
    const std::string& source() const { return m_source; }
    const std::string& layerName() const { return m_layerName; }
    const std::vector<AttributeField>& fields() const { return m_fields; }
    /// Index of a field by name (case as written), or -1.
    int fieldIndex(const std::string& name) const;
    /// Features in the layer (whatever the filter).
    std::size_t featureCount() const { return m_featureCount; }

    /// Rows in the current order (the filter's features; all without one).
    std::size_t rowCount() const;
    std::int64_t fid(std::size_t row) const;
    /// The row holding a FID in the current order, or nothing (filtered out, or no such feature).
    std::optional<std::size_t> rowOf(std::int64_t fid) const;

    /// Rows [first, first + count) of the current order (clipped to rowCount()). Throws DataError when a
    /// feature cannot be read (the file changed or is gone).
    /// exactReals: reals written with as many digits as read back to the same double (up to 17; GDAL's text
    /// has 15), for an export; else as GDAL writes them.
    std::vector<AttributeRow> readRows(std::size_t first, std::size_t count, bool exactReals = false);

    /// Orders the rows by field (-1: by FID), descending or not, keeping only the features filter accepts (empty:
    /// all). On an ExpressionError (or DataError) the order is as it was.
    void setOrder(int field, bool descending, const std::string& filter);
    /// The order setOrder would set, computed without changing this table; throws as setOrder, and OrderCancelled
    /// when *cancel becomes true while the features are read.
    AttributeOrder computeOrder(int field, bool descending, const std::string& filter, const std::atomic<bool>* cancel = nullptr);
    /// Sets an order computed by computeOrder (on this or another instance over the same layer).
    void applyOrder(AttributeOrder order);
    /// The current order (a copy).
    AttributeOrder order() const;
    /// Another instance over the same layer (the file opened again with the same options; a plan table copied),
    /// in natural order: for another thread.
    std::unique_ptr<AttributeTable> reopen() const;
    /// What reopen() calls, to call on another thread (holds only the file's name and options, or a plan table's copy).
    std::function<std::unique_ptr<AttributeTable>()> opener() const;
    int sortField() const { return m_sortField; }
    bool descending() const { return m_descending; }
    const std::string& filter() const { return m_filter; }

    /// The FIDs of every feature the expression accepts (whatever the current filter), ascending. Throws
    /// ExpressionError as setOrder.
    std::vector<std::int64_t> matching(const std::string& expression);

private:
    AttributeTable();
    struct Impl;
    std::unique_ptr<Impl> m;
    std::string m_source;
    std::string m_layerName;
    std::vector<AttributeField> m_fields;
    std::size_t m_featureCount = 0;

    /// The order: identity (row r is FID m_firstFid + r, m_identityRows rows) or m_order.
    bool m_identity = false;
    std::int64_t m_firstFid = 0;
    std::size_t m_identityRows = 0;
    std::vector<std::int64_t> m_order;
    /// (fid, row) sorted by fid, for rowOf in a non-identity order; built on first use.
    mutable std::vector<std::pair<std::int64_t, std::size_t>> m_rowOfFid;
    int m_sortField = -1;
    bool m_descending = false;
    std::string m_filter;
};

}  // namespace layers
