// Tables in and out for the analysis commands: a plain table to CSV or XLSX, the statistics as a table, a user's
// table joined to the counties.

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include <cpl_error.h>
#include <ogrsf_frmts.h>

#include "analysis/output.h"
#include "io/gdal_drivers.h"
#include "io/ogr_convert.h"
#include "io/table_file.h"
#include "layers/analysis.h"
#include "layers/attribute_table.h"
#include "layers/exporter.h"
#include "layers/errors.h"
#include "layers/plan_query.h"

namespace layers::analysis {

namespace {

bool isNumber(const std::string& s)
{
    if (s.empty())
        return false;
    double v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return ec == std::errc() && end == s.data() + s.size() && std::isfinite(v);
}

/// Whether every non-empty cell of column c is a number (and one is).
bool numericColumn(const std::vector<std::vector<std::string>>& rows, std::size_t c, const std::function<bool(std::size_t)>& counted = {})
{
    bool any = false;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        if (counted && !counted(r))
            continue;
        const std::string& v = c < rows[r].size() ? rows[r][c] : std::string();
        if (v.empty())
            continue;
        if (!isNumber(v))
            return false;
        any = true;
    }
    return any;
}

std::string number(double v)
{
    if (std::isnan(v))
        return "";
    char buffer[64];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
    return std::string(buffer, ec == std::errc() ? end : buffer);
}

std::string trim(const std::string& s)
{
    const auto a = s.find_first_not_of(" \t\r\n");
    if (a == std::string::npos)
        return {};
    return s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
}

}  // namespace

void writeTableRows(const std::vector<TableColumn>& columns, const std::string& sheet, const TableRows& next, const std::filesystem::path& out,
                    bool force)
{
    const char* driverName = detail::outputDriver(out, true);
    if (std::string(driverName) != "CSV" && std::string(driverName) != "XLSX")
        throw DataError(out.string(), "a table is written as .csv or .xlsx");
    detail::StagedFile staged(out, force);
    {
        detail::GdalErrors errors;
        GDALDatasetUniquePtr ds = staged.create(driverName);
        const char* csvOptions[] = {"WRITE_BOM=YES", nullptr};  // Excel opens a UTF-8 CSV with its BOM as UTF-8
        OGRLayer* layer = ds->CreateLayer(sheet.c_str(), nullptr, wkbNone, std::string(driverName) == "CSV" ? const_cast<char**>(csvOptions) : nullptr);
        if (!layer)
            throw DataError(out.string(), std::string("cannot create the sheet: ") + CPLGetLastErrorMsg());
        for (const TableColumn& c : columns) {
            OGRFieldDefn d(c.name.c_str(), c.kind == TableColumn::Kind::Real ? OFTReal : c.kind == TableColumn::Kind::Integer ? OFTInteger64 : OFTString);
            if (layer->CreateField(&d) != OGRERR_NONE)
                throw DataError(out.string(), "cannot create column " + c.name);
        }
        std::vector<std::optional<std::string>> row;
        while (true) {
            row.assign(columns.size(), std::nullopt);
            if (!next(row))
                break;
            OGRFeature f(layer->GetLayerDefn());
            for (std::size_t c = 0; c < columns.size() && c < row.size(); ++c) {
                if (!row[c] || row[c]->empty())
                    continue;
                const std::string& v = *row[c];
                switch (columns[c].kind) {
                case TableColumn::Kind::Real: f.SetField(static_cast<int>(c), std::strtod(v.c_str(), nullptr)); break;
                case TableColumn::Kind::Integer: f.SetField(static_cast<int>(c), static_cast<GIntBig>(std::strtoll(v.c_str(), nullptr, 10))); break;
                case TableColumn::Kind::Text: f.SetField(static_cast<int>(c), v.c_str()); break;
                }
            }
            if (layer->CreateFeature(&f) != OGRERR_NONE)
                throw DataError(out.string(), std::string("cannot write a row: ") + CPLGetLastErrorMsg());
        }
        ds.reset();  // the XLSX is written when it is closed
        errors.check(out.string());
    }
    staged.commit();
}

void writeTable(const PlainTable& table, const std::filesystem::path& out, bool force)
{
    std::vector<TableColumn> columns;
    for (std::size_t c = 0; c < table.columns.size(); ++c)
        columns.push_back({table.columns[c], numericColumn(table.rows, c) ? TableColumn::Kind::Real : TableColumn::Kind::Text});
    std::size_t r = 0;
    writeTableRows(
        columns, table.sheet,
        [&](std::vector<std::optional<std::string>>& row) {
            if (r == table.rows.size())
                return false;
            const auto& values = table.rows[r++];
            for (std::size_t c = 0; c < row.size() && c < values.size(); ++c)
                row[c] = values[c];
            return true;
        },
        out, force);
}

std::size_t writeAttributeTable(AttributeTable& table, const std::filesystem::path& out, const AttributeExportOptions& options)
{
    std::vector<int> fields = options.columns;
    if (fields.empty())
        for (std::size_t k = 0; k < table.fields().size(); ++k)
            fields.push_back(static_cast<int>(k));
    // A CSV is text: its reals are written as the exact text (GDAL's CSV writer keeps 15 digits of a real).
    const bool csv = std::string(detail::outputDriver(out, true)) == "CSV";
    std::vector<TableColumn> columns;
    for (int k : fields) {
        if (k < 0 || static_cast<std::size_t>(k) >= table.fields().size())
            throw std::out_of_range("writeAttributeTable: no field " + std::to_string(k));
        const AttributeField& f = table.fields()[static_cast<std::size_t>(k)];
        columns.push_back({f.name, f.type == AttributeType::Integer ? TableColumn::Kind::Integer
                                   : f.type == AttributeType::Real  ? (csv ? TableColumn::Kind::Text : TableColumn::Kind::Real)
                                                                    : TableColumn::Kind::Text});
    }
    // The rows to write as runs [first, first + count) of the table's order.
    std::vector<std::pair<std::size_t, std::size_t>> runs;
    std::size_t total = 0;
    if (options.onlyFids) {
        std::vector<std::size_t> rows;
        for (std::int64_t fid : *options.onlyFids)
            if (const auto r = table.rowOf(fid))
                rows.push_back(*r);
        std::sort(rows.begin(), rows.end());
        for (std::size_t i = 0; i < rows.size();) {
            std::size_t j = i;
            while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1)
                ++j;
            runs.emplace_back(rows[i], j - i + 1);
            i = j + 1;
        }
        total = rows.size();
    } else if (table.rowCount()) {
        runs.emplace_back(0, table.rowCount());
        total = table.rowCount();
    }
    if (std::string(detail::outputDriver(out, true)) == "XLSX" && total > kXlsxMaxRows)
        throw DataError(out.string(), std::to_string(total) + " rows do not fit in an XLSX sheet (at most " + std::to_string(kXlsxMaxRows) +
                                          "); export a CSV, or filter or select fewer rows");
    constexpr std::size_t kChunk = 4096;
    std::size_t run = 0, inRun = 0, done = 0;
    std::vector<AttributeRow> chunk;
    std::size_t atChunk = 0;
    writeTableRows(
        columns, table.layerName().empty() ? "table" : table.layerName(),
        [&](std::vector<std::optional<std::string>>& row) {
            if (atChunk == chunk.size()) {
                if (options.progress && !options.progress(done, total))
                    throw layers::ExportCancelled();
                while (run < runs.size() && inRun == runs[run].second)
                    ++run, inRun = 0;
                if (run == runs.size())
                    return false;
                const std::size_t count = std::min(kChunk, runs[run].second - inRun);
                chunk = table.readRows(runs[run].first + inRun, count, true);
                if (chunk.size() != count)
                    throw DataError(table.source(), "layer '" + table.layerName() + "': rows changed while they were exported; open the table again");
                inRun += count;
                atChunk = 0;
            }
            const AttributeRow& r = chunk[atChunk++];
            for (std::size_t c = 0; c < fields.size(); ++c)
                row[c] = r.values[static_cast<std::size_t>(fields[c])];
            ++done;
            return true;
        },
        out, options.force);
    if (options.progress)
        options.progress(done, total);
    return done;
}

PlainTable statsTable(const StatsResult& r)
{
    PlainTable t;
    t.sheet = "stats";
    t.columns = {"unit_kind", "unit_id", "unit_name", "unit_name_en", "group", "features", "value", "unit", "schematic"};
    const std::string kind = unitKindId(r.by);
    for (const auto* rows : {&r.rows, &r.totals})
        for (const StatsRow& row : *rows)
            t.rows.push_back({rows == &r.rows ? kind : "total", row.unitId, row.unitName, row.unitNameEn, row.group, std::to_string(row.features),
                              number(row.value), r.unitWord, row.schematic ? "yes" : "no"});
    return t;
}

std::size_t JoinResult::matched() const
{
    std::size_t n = 0;
    for (const JoinedRow& r : rows)
        n += r.county && r.problem.empty() ? 1 : 0;
    return n;
}

JoinResult joinTable(const PlanQuery& query, const JoinOptions& options)
{
    const auto table = layers::detail::openTableFile(options.table, options.sheet, options.encoding, "");
    OGRFeatureDefn* defn = table->layer->GetLayerDefn();
    JoinResult result;
    int key = -1;
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        result.columns.push_back(defn->GetFieldDefn(i)->GetNameRef());
        if (result.columns.back() == options.key)
            key = i;
    }
    if (key < 0) {
        std::string columns;
        for (const std::string& c : result.columns)
            columns += (columns.empty() ? "" : ", ") + c;
        throw UsageError("--key " + options.key + ": " + options.table.string() + " has no such column; its columns: " + columns);
    }
    std::map<const County*, std::size_t> firstRow;
    std::size_t line = 1;
    table->layer->ResetReading();
    for (auto& f : *table->layer) {
        JoinedRow row;
        row.line = ++line;
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            row.values.push_back(trim(f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : ""));
        row.keyText = row.values[static_cast<std::size_t>(key)];
        if (row.keyText.empty()) {
            row.problem = "empty key";
        } else {
            const CountyLookup lookup = query.findCounty(row.keyText);
            if (lookup.county) {
                row.county = lookup.county;
                if (const auto it = firstRow.find(lookup.county); it != firstRow.end())
                    row.problem = "names " + lookup.county->name + " (" + lookup.county->code + ") again, already named by line " + std::to_string(it->second);
                else
                    firstRow[lookup.county] = row.line;
            } else if (!lookup.candidates.empty()) {
                std::string names;
                for (const County* c : lookup.candidates)
                    names += (names.empty() ? "" : ", ") + c->name + " (" + c->code + ")";
                row.problem = "ambiguous: " + names + "; write the code";
            } else {
                std::string names;
                for (const County* c : lookup.suggestions)
                    names += (names.empty() ? "" : ", ") + c->name + " (" + c->code + ")";
                row.problem = "names no county of Guizhou" + (names.empty() ? std::string() : "; nearest: " + names);
            }
        }
        result.rows.push_back(std::move(row));
    }
    for (const County& c : query.geography().counties)
        if (!firstRow.count(&c))
            result.missing.push_back(&c);
    return result;
}

void writeJoined(const Geography& geography, const JoinResult& join, const std::filesystem::path& out, bool force)
{
    const char* driverName = detail::outputDriver(out, true);
    const bool table = std::string(driverName) == "CSV" || std::string(driverName) == "XLSX";
    std::map<std::string, const JoinedRow*> byCode;
    for (const JoinedRow& r : join.rows)
        if (r.county && r.problem.empty())
            byCode[r.county->code] = &r;
    std::vector<std::vector<std::string>> values;
    for (const JoinedRow& r : join.rows)
        values.push_back(r.values);
    if (table) {
        PlainTable t;
        t.sheet = "joined";
        t.columns = {"code", "county", "prefecture"};
        for (const std::string& c : join.columns)
            t.columns.push_back(c);
        for (const County& c : geography.counties) {
            std::vector<std::string> row{c.code, c.name, c.prefectureName};
            const auto it = byCode.find(c.code);
            for (std::size_t i = 0; i < join.columns.size(); ++i)
                row.push_back(it == byCode.end() ? "" : it->second->values[i]);
            t.rows.push_back(std::move(row));
        }
        writeTable(t, out, force);
        return;
    }
    detail::StagedFile staged(out, force);
    {
        detail::GdalErrors errors;
        GDALDatasetUniquePtr ds = staged.create(driverName);
        OGRSpatialReference srs = layers::detail::spatialReference(geo::crs::kCgcs2000);
        OGRLayer* layer = ds->CreateLayer("counties", &srs, wkbMultiPolygon, nullptr);
        if (!layer)
            throw DataError(out.string(), std::string("cannot create the layer: ") + CPLGetLastErrorMsg());
        std::vector<std::string> fixed{"code", "county", "prefecture"};
        for (const std::string& name : fixed) {
            OGRFieldDefn d(name.c_str(), OFTString);
            layer->CreateField(&d);
        }
        auto counted = [&](std::size_t r) { return join.rows[r].county && join.rows[r].problem.empty(); };
        std::vector<bool> real;
        for (std::size_t i = 0; i < join.columns.size(); ++i) {
            real.push_back(numericColumn(values, i, counted));
            OGRFieldDefn d(join.columns[i].c_str(), real.back() ? OFTReal : OFTString);
            if (layer->CreateField(&d) != OGRERR_NONE)
                throw DataError(out.string(), "cannot create field " + join.columns[i] + ": " + CPLGetLastErrorMsg());
        }
        ds->StartTransaction();
        for (const County& c : geography.counties) {
            OGRFeature f(layer->GetLayerDefn());
            f.SetField(0, c.code.c_str());
            f.SetField(1, c.name.c_str());
            f.SetField(2, c.prefectureName.c_str());
            if (const auto it = byCode.find(c.code); it != byCode.end())
                for (std::size_t i = 0; i < join.columns.size(); ++i) {
                    const std::string& v = it->second->values[i];
                    if (v.empty())
                        continue;
                    if (real[i])
                        f.SetField(static_cast<int>(3 + i), std::strtod(v.c_str(), nullptr));
                    else
                        f.SetField(static_cast<int>(3 + i), v.c_str());
                }
            OGRMultiPolygon shape = layers::detail::toOgr(c.shape);
            f.SetGeometry(&shape);
            if (layer->CreateFeature(&f) != OGRERR_NONE)
                throw DataError(out.string(), "cannot write county " + c.code + ": " + CPLGetLastErrorMsg());
        }
        if (ds->CommitTransaction() != OGRERR_NONE)
            throw DataError(out.string(), std::string("cannot be written: ") + CPLGetLastErrorMsg());
        ds.reset();
        errors.check(out.string());
    }
    staged.commit();
}

}  // namespace layers::analysis
