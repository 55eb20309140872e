#pragma once
// A layer too big to hold in memory — a PostGIS table of ten million land-survey parcels — read one view at a time:
// each frame asks for the features within its box (GDAL's spatial filter, answered by the table's GiST index) and
// gets a small FeatureLayer to draw. Views wider than the table's detail band read its overview tables instead
// (`gzplan db overview`: per grid cell the land use that covers most of it, built once in the database), so the
// province at full extent reads some 40,000 cells, not ten million parcels. The last views are cached, each read with an
// eighth of a view more on every side so that a small pan is answered without the server.

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "geo/geometry.h"
#include "layers/feature_layer.h"

namespace layers {

/// One resolution of a viewport layer: a table, and the coarsest view it is read for.
struct ViewportBand {
    std::string table;              ///< "schema.table"
    double maxMetresPerPixel = 0;   ///< read for views of at most this many metres a pixel (0: any)
    double cellDegrees = 0;         ///< an overview's cell size (0: the table itself)
    std::string fidColumn;          ///< its key, for attributes()
};

/// A table with a geometry column that a PostGIS database offers (ViewportLayer::tables: the window's add-layer dialog).
struct PostgresTable {
    std::string table;            ///< "schema.table"
    std::string geometryColumn;
    std::string geometryType;     ///< as geometry_columns says (POLYGON, MULTIPOLYGON, GEOMETRY, …)
    int srid = 0;
    long long rowsEstimate = -1;  ///< the planner's estimate (pg_class.reltuples); -1 when never analysed
    bool spatialIndex = false;    ///< a GiST (or SP-GiST, BRIN) index on the geometry column
    bool overviews = false;       ///< gzplan db overview made <table>_ovr_1… for it
};

class ViewportLayer {
public:
    /// The tables with a geometry column the user may read, overview tables left out, by schema and name. DataError
    /// naming the server (never the password) when it cannot be asked.
    static std::vector<PostgresTable> tables(const std::string& location);

    /// location: "PG:<libpq connection>"; table: "schema.table" with a geometry column. The overviews gzplan db
    /// overview made for it (<table>_ovr_<n>) are found by their names. DataError when the table cannot be read, and
    /// when its geometry column has no spatial index (every view would read the whole table; the message gives the
    /// CREATE INDEX to run).
    static std::shared_ptr<ViewportLayer> open(const std::string& location, const std::string& table, const std::string& displayCrs,
                                               const std::string& styleField = {});

    const std::string& table() const { return m_table; }
    /// The server and table, without the password.
    const std::string& title() const { return m_title; }
    /// "PG:<server> tables=<table>" without the password (a project saves it; ~/.pgpass or PGPASSWORD supply it).
    std::string reference() const;
    const std::vector<ViewportBand>& bands() const { return m_bands; }
    /// The style field's values in the table (from the coarsest overview, else the first view read): every view's
    /// layer numbers its categories in this order.
    const std::vector<std::string>& categories() const { return m_categories; }
    FeatureKind kind() const { return m_kind; }
    const std::string& styleField() const { return m_styleField; }

    struct View {
        std::shared_ptr<const FeatureLayer> features;
        const ViewportBand* band = nullptr;
        bool cached = false;
        double seconds = 0;
    };
    /// The features of a view: displayBox in the display CRS, metresPerPixel its scale. Thread-safe; the last few
    /// views are kept. DataError when the server does not answer; LoadCancelled when cancel is set meanwhile (the
    /// rows are read in pages of 5,000, so a read stops within a page).
    View read(const geo::Box& displayBox, double metresPerPixel, const std::atomic<bool>* cancel = nullptr) const;
    /// read(…).features, or null with the error kept for takeError() (a renderer cannot throw mid-frame); null and no
    /// error when cancelled. unitsPerPixel: of the display CRS (degrees are taken as 111.32 km).
    std::shared_ptr<const FeatureLayer> readOrNote(const geo::Box& displayBox, double unitsPerPixel, const std::atomic<bool>* cancel = nullptr) const;
    /// Metres a pixel of a view whose units a pixel are these (display CRS in degrees: 111.32 km a degree).
    double metresPerPixel(double unitsPerPixel) const;
    /// Every attribute but the geometry of the row with this FID in a band's table (the table's own row, or an overview
    /// cell: its value and parcel count), as text, asked of the server (identify). Thread-safe. DataError.
    std::vector<FeatureAttribute> attributes(const ViewportBand& band, std::int64_t fid) const;
    /// The error of the last readOrNote (empty when it succeeded), and clears it.
    std::string takeError() const;
    /// What the reads from the server took so far (cached answers not counted): for --timing and the benchmark.
    struct ReadLog {
        int reads = 0;
        int cancelled = 0;  ///< reads stopped because the view moved on
        double seconds = 0, maxSeconds = 0;
        std::size_t features = 0;
    };
    ReadLog readLog() const;
    /// The band a view of this scale reads.
    const ViewportBand& bandFor(double metresPerPixel) const;

private:
    ViewportLayer() = default;
    std::string m_location, m_table, m_title, m_displayCrs, m_styleField;
    FeatureKind m_kind = FeatureKind::Polygons;
    std::vector<ViewportBand> m_bands;  ///< finest first
    std::vector<std::string> m_categories;
    struct Cached {
        const ViewportBand* band;
        geo::Box box;
        std::shared_ptr<const FeatureLayer> features;
    };
    mutable std::mutex m_mutex;
    mutable std::vector<Cached> m_cache;  ///< most recent last
    mutable std::string m_error;
    mutable ReadLog m_log;
};

}  // namespace layers
