#include "layers/viewport_layer.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <chrono>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <utility>

#include "features/feature_read.h"
#include "geo/projection.h"
#include "io/ogr_convert.h"
#include "layers/data_location.h"
#include "layers/database.h"
#include "layers/errors.h"
#include "store/open_data.h"
#include "store/pg_connection.h"

namespace layers {

namespace {
/// "schema.table" as a quoted SQL name.
std::string quotedTable(const std::string& table)
{
    const auto dot = table.find('.');
    return dot == std::string::npos ? store::quoteIdentifier(table)
                                    : store::quoteIdentifier(table.substr(0, dot)) + "." + store::quoteIdentifier(table.substr(dot + 1));
}
/// The tables with geometry, with what a reader by view needs to know; one table when schema and table are given.
std::vector<PostgresTable> listTables(const std::string& location, const std::string& schema = {}, const std::string& table = {})
{
    store::PgConnection pg{DataLocation(location)};
    const store::PgResult r = pg.exec(
        "SELECT g.f_table_schema, g.f_table_name, g.f_geometry_column, g.type, g.srid, c.reltuples::bigint, "
        "EXISTS (SELECT 1 FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam "
        "        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey) "
        "        WHERE i.indrelid = c.oid AND am.amname IN ('gist', 'spgist', 'brin') AND a.attname = g.f_geometry_column), "
        "to_regclass(quote_ident(g.f_table_schema) || '.' || quote_ident(g.f_table_name || '_ovr_1')) IS NOT NULL "
        "FROM geometry_columns g JOIN pg_namespace n ON n.nspname = g.f_table_schema "
        "JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = g.f_table_name "
        "WHERE has_table_privilege(c.oid, 'SELECT') AND g.f_table_name NOT LIKE '%\\_ovr\\_%' "
        "AND ($1 = '' OR (g.f_table_schema = $1 AND g.f_table_name = $2)) ORDER BY 1, 2, 3",
        {schema, table});
    std::vector<PostgresTable> out;
    for (int i = 0; i < r.rows(); ++i) {
        PostgresTable t;
        t.table = r.value(i, 0) + "." + r.value(i, 1);
        t.geometryColumn = r.value(i, 2);
        t.geometryType = r.value(i, 3);
        t.srid = std::atoi(r.value(i, 4).c_str());
        t.rowsEstimate = std::atoll(r.value(i, 5).c_str());
        t.spatialIndex = r.value(i, 6) == "t";
        t.overviews = r.value(i, 7) == "t";
        out.push_back(std::move(t));
    }
    return out;
}

}  // namespace

std::vector<PostgresTable> ViewportLayer::tables(const std::string& location) { return listTables(location); }

std::shared_ptr<ViewportLayer> ViewportLayer::open(const std::string& location, const std::string& table, const std::string& displayCrs,
                                                   const std::string& styleField)
{
    const DataLocation data(location);
    std::shared_ptr<ViewportLayer> out(new ViewportLayer());
    out->m_location = location;
    out->m_table = table;
    out->m_title = data.shownConnection() + " " + table;
    out->m_displayCrs = displayCrs;
    auto ds = detail::openPostgresSource(location);
    OGRLayer* l = ds->GetLayerByName(table.c_str());
    if (!l || l->GetGeomType() == wkbNone)
        throw DataError(data.shownConnection(), "no table '" + table + "' with a geometry column; name it as schema.table (ogrinfo PG:… lists them)");
    // Without a spatial index every view would read the whole table: refused, with the index to make.
    if (const auto dot = table.find('.'); dot != std::string::npos) {
        const std::vector<PostgresTable> found = listTables(location, table.substr(0, dot), table.substr(dot + 1));
        const std::string column = l->GetGeometryColumn();
        for (const PostgresTable& t : found)
            if (t.geometryColumn == column && !t.spatialIndex)
                throw DataError(data.shownConnection(), "table " + table + " has no spatial index on " + column +
                                                            ", so every view would read all of it; make one (as its owner): CREATE INDEX ON " +
                                                            quotedTable(table) + " USING gist (" + store::quoteIdentifier(column) + ")");
    }
    out->m_kind = detail::features::kindOf(l->GetGeomType());
    out->m_styleField = detail::features::chooseStyleField(l->GetLayerDefn(), styleField, data.shownConnection() + " " + table);
    // The bands, finest first: the table for views of at most 25 m a pixel (1:50,000 and closer on a screen), the
    // overviews gzplan db overview made for coarser ones.
    const std::vector<db::OverviewBand>& overviews = db::overviewBands();
    const bool haveOverviews = ds->GetLayerByName((table + overviews.front().suffix).c_str()) != nullptr;
    out->m_bands.push_back({table, haveOverviews ? overviews.front().fromMetresPerPixel : 0, 0, l->GetFIDColumn()});
    if (haveOverviews)
        for (std::size_t k = 0; k < overviews.size(); ++k) {
            const std::string name = table + overviews[k].suffix;
            if (!ds->GetLayerByName(name.c_str()))
                throw DataError(data.shownConnection(), "overview " + name + " is missing; build them again: gzplan db overview --layer " + table);
            const double upTo = k + 1 < overviews.size() ? overviews[k + 1].fromMetresPerPixel : 0;
            out->m_bands.push_back({name, upTo, overviews[k].cellDegrees, "fid"});
        }
    // The categories, from the coarsest overview (every value the table holds: gzplan db overview keeps the list).
    if (haveOverviews && !out->m_styleField.empty()) {
        const std::string sql = "SELECT DISTINCT " + store::quoteIdentifier(out->m_styleField) + " FROM " + quotedTable(table + db::kCategoriesSuffix) +
                                " ORDER BY 1";
        if (const detail::SqlResult r = detail::executeSql(*ds, sql))
            for (auto& f : *r)
                if (f->IsFieldSetAndNotNull(0))
                    out->m_categories.push_back(f->GetFieldAsString(0));
    }
    return out;
}

std::string ViewportLayer::reference() const { return DataLocation(m_location).shownConnection() + " tables=" + m_table; }

const ViewportBand& ViewportLayer::bandFor(double metresPerPixel) const
{
    for (const ViewportBand& b : m_bands)
        if (b.maxMetresPerPixel == 0 || metresPerPixel <= b.maxMetresPerPixel)
            return b;
    return m_bands.back();
}

ViewportLayer::View ViewportLayer::read(const geo::Box& displayBox, double metresPerPixel, const std::atomic<bool>* cancel) const
{
    const auto start = std::chrono::steady_clock::now();
    const ViewportBand& band = bandFor(metresPerPixel);
    {
        std::lock_guard lock(m_mutex);
        for (auto it = m_cache.rbegin(); it != m_cache.rend(); ++it)
            if (it->band == &band && it->box.contains({displayBox.minX, displayBox.minY}) && it->box.contains({displayBox.maxX, displayBox.maxY}))
                return {it->features, &band, true, 0};
    }
    // An eighth of the view more on each side: a small pan is answered from the cache (more costs every read).
    geo::Box padded = displayBox;
    const double dx = displayBox.width() * 0.125, dy = displayBox.height() * 0.125;
    padded.minX -= dx, padded.maxX += dx, padded.minY -= dy, padded.maxY += dy;
    // The box in the table's CRS (CGCS2000 lon/lat): the padded box's edges, sampled, projected back.
    std::vector<geo::Point> edge;
    for (int k = 0; k <= 16; ++k) {
        const double t = k / 16.0;
        edge.push_back({padded.minX + padded.width() * t, padded.minY});
        edge.push_back({padded.minX + padded.width() * t, padded.maxY});
        edge.push_back({padded.minX, padded.minY + padded.height() * t});
        edge.push_back({padded.maxX, padded.minY + padded.height() * t});
    }
    if (m_displayCrs != "EPSG:4490")
        geo::Projection(m_displayCrs, "EPSG:4490").forward(edge);
    geo::Box lonLat = geo::Box::empty();
    for (const geo::Point& p : edge)
        if (std::isfinite(p.x) && std::isfinite(p.y))
            lonLat.expand(p);
    FeatureLayerOptions options;
    options.layer = band.table;
    options.displayCrs = m_displayCrs;
    options.styleField = m_styleField;
    options.threads = 1;
    options.sourceBox = lonLat;
    options.categories = m_categories;
    options.cancel = cancel;
    // GDAL's PostgreSQL reader instead of libpq's binary rows: the benchmark's baseline (tests/bench/postgis_bench.sh)
    static const bool gdalReader = [] {
        const char* reader = std::getenv("GZPLAN_PG_VIEW_READER");
        return reader && std::string(reader) == "gdal";
    }();
    options.gdalReader = gdalReader;
    std::shared_ptr<const FeatureLayer> features;
    try {
        features = FeatureLayer::load(m_location, options);
    } catch (const LoadCancelled&) {
        std::lock_guard lock(m_mutex);
        ++m_log.cancelled;
        throw;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::lock_guard lock(m_mutex);
    m_cache.push_back({&band, padded, features});
    if (m_cache.size() > 4)
        m_cache.erase(m_cache.begin());
    ++m_log.reads;
    m_log.seconds += seconds;
    m_log.maxSeconds = std::max(m_log.maxSeconds, seconds);
    m_log.features += features->size();
    return {features, &band, false, seconds};
}

double ViewportLayer::metresPerPixel(double unitsPerPixel) const
{
    const bool degrees = m_displayCrs == "EPSG:4490" || m_displayCrs == "EPSG:4326";
    return degrees ? unitsPerPixel * 111320.0 : unitsPerPixel;
}

std::vector<FeatureAttribute> ViewportLayer::attributes(const ViewportBand& band, std::int64_t fid) const
{
    if (band.fidColumn.empty())
        throw DataError(DataLocation(m_location).shownConnection(), "table " + band.table + " has no key column to find a row by");
    std::unique_ptr<store::PgConnection> pg = detail::takePostgresConnection(m_location);
    // the columns but the geometry's, in the table's order; the table named as a bound value (regclass reads it)
    const store::PgResult columns = pg->exec(
        "SELECT attname FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped "
        "AND atttypid <> 'geometry'::regtype ORDER BY attnum",
        {quotedTable(band.table)});
    std::string select;
    std::vector<std::string> names;
    for (int i = 0; i < columns.rows(); ++i) {
        names.push_back(columns.value(i, 0));
        select += (i ? ", " : "") + store::quoteIdentifier(names.back()) + "::text";
    }
    std::vector<FeatureAttribute> out;
    if (!names.empty()) {
        const store::PgResult row =
            pg->exec("SELECT " + select + " FROM " + quotedTable(band.table) + " WHERE " + store::quoteIdentifier(band.fidColumn) + " = $1", {std::to_string(fid)});
        if (row.rows() == 0)
            throw DataError(DataLocation(m_location).shownConnection(), "table " + band.table + " has no row " + std::to_string(fid) +
                                                                            " any more (changed since the view was read); move the map to read it again");
        for (std::size_t c = 0; c < names.size(); ++c)
            out.push_back({names[c], row.isNull(0, static_cast<int>(c)) ? std::string() : row.value(0, static_cast<int>(c))});
    }
    detail::givePostgresConnection(m_location, std::move(pg));
    return out;
}

std::shared_ptr<const FeatureLayer> ViewportLayer::readOrNote(const geo::Box& displayBox, double unitsPerPixel, const std::atomic<bool>* cancel) const
{
    try {
        std::shared_ptr<const FeatureLayer> features = read(displayBox, metresPerPixel(unitsPerPixel), cancel).features;
        std::lock_guard lock(m_mutex);
        m_error.clear();  // the last read is what counts: a frame dropped while the server was away leaves nothing
        return features;
    } catch (const LoadCancelled&) {
        return nullptr;  // the frame is dropped: the view has moved on
    } catch (const std::exception& e) {
        std::lock_guard lock(m_mutex);
        m_error = e.what();
        return nullptr;
    }
}

ViewportLayer::ReadLog ViewportLayer::readLog() const
{
    std::lock_guard lock(m_mutex);
    return m_log;
}

std::string ViewportLayer::takeError() const
{
    std::lock_guard lock(m_mutex);
    return std::exchange(m_error, std::string());
}

}  // namespace layers
