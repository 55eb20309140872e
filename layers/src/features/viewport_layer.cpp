#include "layers/viewport_layer.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <chrono>
#include <algorithm>
#include <cmath>
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
}  // namespace

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
    out->m_kind = detail::features::kindOf(l->GetGeomType());
    out->m_styleField = detail::features::chooseStyleField(l->GetLayerDefn(), styleField, data.shownConnection() + " " + table);
    // The bands, finest first: the table for views of at most 25 m a pixel (1:50,000 and closer on a screen), the
    // overviews gzplan db overview made for coarser ones.
    const std::vector<db::OverviewBand>& overviews = db::overviewBands();
    const bool haveOverviews = ds->GetLayerByName((table + overviews.front().suffix).c_str()) != nullptr;
    out->m_bands.push_back({table, haveOverviews ? overviews.front().fromMetresPerPixel : 0, 0});
    if (haveOverviews)
        for (std::size_t k = 0; k < overviews.size(); ++k) {
            const std::string name = table + overviews[k].suffix;
            if (!ds->GetLayerByName(name.c_str()))
                throw DataError(data.shownConnection(), "overview " + name + " is missing; build them again: gzplan db overview --layer " + table);
            const double upTo = k + 1 < overviews.size() ? overviews[k + 1].fromMetresPerPixel : 0;
            out->m_bands.push_back({name, upTo, overviews[k].cellDegrees});
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

ViewportLayer::View ViewportLayer::read(const geo::Box& displayBox, double metresPerPixel) const
{
    const auto start = std::chrono::steady_clock::now();
    const ViewportBand& band = bandFor(metresPerPixel);
    {
        std::lock_guard lock(m_mutex);
        for (auto it = m_cache.rbegin(); it != m_cache.rend(); ++it)
            if (it->band == &band && it->box.contains({displayBox.minX, displayBox.minY}) && it->box.contains({displayBox.maxX, displayBox.maxY}))
                return {it->features, &band, true, 0};
    }
    // An eighth of the view more on each side: a small pan is answered from the cache (more costs every read: the
    // reading is about 10 µs a feature, most of it GDAL's feature objects and PROJ).
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
    std::shared_ptr<const FeatureLayer> features = FeatureLayer::load(m_location, options);
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

std::shared_ptr<const FeatureLayer> ViewportLayer::readOrNote(const geo::Box& displayBox, double unitsPerPixel) const
{
    const bool degrees = m_displayCrs == "EPSG:4490" || m_displayCrs == "EPSG:4326";
    try {
        return read(displayBox, degrees ? unitsPerPixel * 111320.0 : unitsPerPixel).features;
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
