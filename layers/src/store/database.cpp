#include "layers/database.h"

#include <cpl_string.h>
#include <libpq-fe.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <ctime>
#include <future>
#include <map>
#include <mutex>

#include "io/gdal_drivers.h"
#include "io/gpkg_reader.h"
#include "io/gpkg_writer.h"
#include "io/ogr_convert.h"
#include "layers/errors.h"
#include "layers/plan_check.h"
#include "features/feature_read.h"
#include "store/open_data.h"
#include "store/pg_connection.h"

namespace layers {

namespace {

// GDAL's messages are reported once, in the DataError that says what to do, not also printed by GDAL's handler.
struct QuietGdal {
    QuietGdal() { CPLPushErrorHandler(CPLQuietErrorHandler); }
    ~QuietGdal() { CPLPopErrorHandler(); }
    QuietGdal(const QuietGdal&) = delete;
    QuietGdal& operator=(const QuietGdal&) = delete;
};

std::string gdalError(const DataLocation& data)
{
    std::string why = data.redacted(CPLGetLastErrorMsg());
    while (!why.empty() && (why.back() == '\n' || why.back() == ' '))
        why.pop_back();
    return why.empty() ? std::string("GDAL gave no reason") : why;
}

bool schemaExists(store::PgConnection& pg, const std::string& schema)
{
    return pg.exec("SELECT 1 FROM pg_namespace WHERE nspname = $1", {schema}).rows() > 0;
}

/// The schema's version from gzplan_meta; -1 when the schema has no such table.
int schemaVersion(store::PgConnection& pg, const std::string& schema)
{
    const auto table = pg.exec("SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = $2", {schema, db::kMetaTable});
    if (table.rows() == 0)
        return -1;
    const auto v = pg.exec("SELECT value FROM " + store::quoteIdentifier(schema) + "." + store::quoteIdentifier(db::kMetaTable) + " WHERE key = $1",
                           {"schema_version"});
    return v.rows() == 0 ? 0 : std::atoi(v.value(0, 0).c_str());
}

/// Every layer of from into to, with the same names, fields, FIDs and geometries.
long long copyLayers(GDALDataset& from, GDALDataset& to, const std::string& toName, const std::vector<std::string>& creationOptions,
                     const std::function<bool(const char*)>& wanted)
{
    long long features = 0;
    for (int i = 0; i < from.GetLayerCount(); ++i) {
        OGRLayer* in = from.GetLayer(i);
        if (!wanted(in->GetName()))
            continue;
        CPLStringList options;
        for (const std::string& o : creationOptions)
            options.AddString(o.c_str());
        if (in->GetGeomType() == wkbNone)
            options.SetNameValue("SPATIAL_INDEX", nullptr);
        OGRLayer* out = to.CreateLayer(in->GetName(), in->GetSpatialRef(), in->GetGeomType(), options.List());
        if (!out)
            throw DataError(toName, std::string("cannot create table ") + in->GetName() + ": " + CPLGetLastErrorMsg());
        OGRFeatureDefn* defn = in->GetLayerDefn();
        for (int f = 0; f < defn->GetFieldCount(); ++f)
            if (out->CreateField(defn->GetFieldDefn(f), FALSE) != OGRERR_NONE)
                throw DataError(toName, std::string("cannot create column ") + in->GetName() + "." + defn->GetFieldDefn(f)->GetNameRef() + ": " +
                                            CPLGetLastErrorMsg());
        in->ResetReading();
        for (auto& feature : *in) {
            OGRFeature copy(out->GetLayerDefn());
            copy.SetFrom(feature.get(), TRUE);
            copy.SetFID(feature->GetFID());
            if (out->CreateFeature(&copy) != OGRERR_NONE)
                throw DataError(toName, std::string("cannot write to ") + in->GetName() + ": " + CPLGetLastErrorMsg());
            ++features;
        }
    }
    return features;
}

void exec(GDALDataset& ds, const DataLocation& data, const std::string& sql)
{
    CPLErrorReset();
    OGRLayer* result = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (result)
        ds.ReleaseResultSet(result);
    if (CPLGetLastErrorType() >= CE_Failure)
        throw DataError(data.shown(), gdalError(data));
}

/// A double as PostgreSQL reads it back to the same bits: the shortest exact decimal (std::to_chars).
std::string exactFloat8(const OGRFeature& f, int field)
{
    if (!f.IsFieldSetAndNotNull(field))
        return "NULL::float8";
    const double v = f.GetFieldAsDouble(field);
    if (std::isnan(v))
        return "'NaN'::float8";
    if (std::isinf(v))
        return v > 0 ? "'Infinity'::float8" : "'-Infinity'::float8";
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, v).ptr;
    return std::string(text, end) + "::float8";
}

// GDAL's PostgreSQL driver writes a real as text with 15 significant digits (OGRFeature::GetFieldAsString), so
// 206.0814310164078 arrives as 206.081431016408 and answers would differ from the GeoPackage's in the last digits.
// In the same transaction every real column is set again from the source to its exact value: one UPDATE … FROM
// (VALUES …) per table and 500 rows, numbers only (no text of the user's reaches the SQL).
void exactReals(GDALDataset& from, GDALDataset& to, const DataLocation& data)
{
    for (int i = 0; i < from.GetLayerCount(); ++i) {
        OGRLayer* in = from.GetLayer(i);
        OGRFeatureDefn* defn = in->GetLayerDefn();
        std::vector<int> reals;
        for (int f = 0; f < defn->GetFieldCount(); ++f)
            if (defn->GetFieldDefn(f)->GetType() == OFTReal)
                reals.push_back(f);
        if (reals.empty())
            continue;
        std::string set, columns = "fid";
        for (const int f : reals) {
            const std::string c = store::quoteIdentifier(defn->GetFieldDefn(f)->GetNameRef());
            set += (set.empty() ? "" : ", ") + c + " = v." + c;
            columns += ", " + c;
        }
        const std::string head = "UPDATE " + store::quoteIdentifier(data.schema()) + "." + store::quoteIdentifier(in->GetName()) + " AS t SET " + set +
                                 " FROM (VALUES ";
        const std::string tail = ") AS v(" + columns + ") WHERE t.fid = v.fid";
        std::string rows;
        int n = 0;
        in->ResetReading();
        for (auto& feature : *in) {
            rows += rows.empty() ? "(" : ", (";
            rows += std::to_string(feature->GetFID());
            rows += "::bigint";
            for (const int f : reals) {
                rows += ", ";
                rows += exactFloat8(*feature, f);
            }
            rows += ")";
            if (++n % 500 == 0) {
                exec(to, data, head + rows + tail);
                rows.clear();
            }
        }
        if (!rows.empty())
            exec(to, data, head + rows + tail);
        // An UPDATE writes new row versions at the table's end; CLUSTER puts them back in FID order, the order GDAL
        // reads a table in (as a GeoPackage's), so lists come out in the same order from both backends.
        exec(to, data, "CLUSTER " + store::quoteIdentifier(data.schema()) + "." + store::quoteIdentifier(in->GetName()) + " USING " +
                           store::quoteIdentifier(std::string(in->GetName()) + "_pkey"));
    }
}

}  // namespace

namespace detail {

GDALDatasetUniquePtr openPostgres(const DataLocation& data, bool update, bool listAll)
{
    registerDriver("PostgreSQL");
    CPLStringList options;
    options.SetNameValue("ACTIVE_SCHEMA", data.schema().c_str());
    options.SetNameValue("SCHEMAS", data.schema().c_str());
    if (listAll)
        options.SetNameValue("LIST_ALL_TABLES", "YES");
    const char* drivers[] = {"PostgreSQL", nullptr};
    const QuietGdal quiet;
    CPLErrorReset();
    const std::string name = "PG:" + store::boundedConnection(data);
    GDALDatasetUniquePtr ds(GDALDataset::Open(name.c_str(), GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY), drivers, options.List()));
    if (!ds)
        throw DataError(data.shown(), "cannot open through GDAL (" + gdalError(data) + ")");
    return ds;
}

GDALDatasetUniquePtr openPostgresSource(const std::string& location)
{
    const DataLocation data(location);
    registerDriver("PostgreSQL");
    const char* drivers[] = {"PostgreSQL", nullptr};
    const QuietGdal quiet;
    CPLErrorReset();
    const std::string name = "PG:" + store::boundedConnection(data);
    GDALDatasetUniquePtr ds(GDALDataset::Open(name.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers));
    if (!ds)
        throw DataError(data.shownConnection(), "cannot open through GDAL (" + gdalError(data) +
                                                    "); check the host, port, database and user, and the password in ~/.pgpass or PGPASSWORD");
    return ds;
}

namespace {
struct PostgresPool {
    std::mutex mutex;
    std::map<std::string, std::vector<GDALDatasetUniquePtr>> idle;
    std::map<std::string, std::vector<std::unique_ptr<store::PgConnection>>> connections;
};
PostgresPool& pool()
{
    static PostgresPool* p = new PostgresPool();  // never destroyed: GDAL may be torn down first at exit
    return *p;
}
}  // namespace

GDALDatasetUniquePtr takePostgresSource(const std::string& location)
{
    {
        std::lock_guard lock(pool().mutex);
        auto& idle = pool().idle[location];
        if (!idle.empty()) {
            GDALDatasetUniquePtr ds = std::move(idle.back());
            idle.pop_back();
            return ds;
        }
    }
    // Rows in pages of 10,000 rather than GDAL's 500: a view of 50,000 parcels in 5 round trips, not 100.
    if (!CPLGetConfigOption("OGR_PG_CURSOR_PAGE", nullptr))
        CPLSetConfigOption("OGR_PG_CURSOR_PAGE", "10000");
    return openPostgresSource(location);
}

void givePostgresSource(const std::string& location, GDALDatasetUniquePtr dataset)
{
    std::lock_guard lock(pool().mutex);
    auto& idle = pool().idle[location];
    if (idle.size() < 2)
        idle.push_back(std::move(dataset));
}

std::unique_ptr<store::PgConnection> takePostgresConnection(const std::string& location)
{
    {
        std::lock_guard lock(pool().mutex);
        auto& idle = pool().connections[location];
        if (!idle.empty()) {
            std::unique_ptr<store::PgConnection> c = std::move(idle.back());
            idle.pop_back();
            return c;
        }
    }
    return std::make_unique<store::PgConnection>(DataLocation(location));
}

void givePostgresConnection(const std::string& location, std::unique_ptr<store::PgConnection> connection)
{
    if (!connection || !connection->healthy() || PQtransactionStatus(connection->native()) != PQTRANS_IDLE)
        return;
    std::lock_guard lock(pool().mutex);
    auto& idle = pool().connections[location];
    if (idle.size() < 2)
        idle.push_back(std::move(connection));
}

GDALDatasetUniquePtr openData(const DataLocation& data, bool listAll)
{
    if (!data.postgres())
        return openVector(data.location());
    // GDAL's connection (and its look at the catalogue) is opened while libpq's checks the schema: the two connections
    // cost their round trips once, side by side, not one after the other (zones --json: 2.10× the GeoPackage's time
    // before).
    auto opening = std::async(std::launch::async, [&data, listAll] { return openPostgres(data, false, listAll); });
    {
        struct Wait {  // however the checks end, GDAL's open is waited for (its error, if any, is the check's to give)
            std::future<GDALDatasetUniquePtr>& f;
            ~Wait()
            {
                if (f.valid())
                    try {
                        f.get();
                    } catch (...) {
                    }
            }
        } wait{opening};
        store::PgConnection pg(data);
        if (!schemaExists(pg, data.schema()))
            throw DataError(data.shown(), "has no schema '" + data.schema() + "'; load one with gzplan db init --to PG:… --schema " + data.schema() +
                                              ", or name the schema that holds the plan with --schema");
        const int version = schemaVersion(pg, data.schema());
        if (version < 0)
            throw DataError(data.shown(), "schema '" + data.schema() + "' is not a gzplan schema (no table gzplan_meta with its version); name the "
                                          "right one with --schema, or load one with gzplan db init");
        if (version < db::kSchemaVersion)
            throw DataError(data.shown(), "schema version " + std::to_string(version) + ", older than this gzplan's " +
                                              std::to_string(db::kSchemaVersion) + "; bring it up to date with gzplan db upgrade");
        if (version > db::kSchemaVersion)
            throw DataError(data.shown(), "schema version " + std::to_string(version) + ", newer than this gzplan reads (" +
                                              std::to_string(db::kSchemaVersion) + "); use a newer gzplan");
        return opening.get();
    }
}

}  // namespace detail

namespace db {

namespace {
// Constraints that mirror gzplan check where the database can hold them itself, so an edit made in the database by
// other tools cannot break what gzplan relies on: codes unique and well formed, ids unique, memberships naming a
// county and a class or zone that exist, every basis one of the three, every county, seat, prefecture and the province with a shape (the typmod already
// fixes EPSG:4490 and the geometry type). A table or column the GeoPackage lacks is left out.
std::vector<std::string> constraints(const std::string& schema, GDALDataset& ds)
{
    const std::string s = store::quoteIdentifier(schema) + ".";
    const auto has = [&](const std::string& layer, const std::string& field) {
        OGRLayer* l = ds.GetLayerByName(layer.c_str());
        return l && l->GetLayerDefn()->GetFieldIndex(field.c_str()) >= 0;
    };
    std::vector<std::string> sql;
    const auto add = [&](const std::string& table, const std::string& name, const std::string& definition) {
        sql.push_back("ALTER TABLE " + s + store::quoteIdentifier(table) + " ADD CONSTRAINT " + store::quoteIdentifier(table + "_" + name) + " " +
                      definition);
    };
    struct Key {
        const char* table;
        const char* column;
        const char* form;  // a regular expression every value matches, or null
    };
    for (const Key& k : {Key{"counties", "code", "^[0-9]{6}$"}, Key{"prefectures", "code", "^[0-9]{4}$"}, Key{"plan_county_classes", "class_id", nullptr},
                         Key{"plan_zones", "zone_id", nullptr}, Key{"plan_targets", "target_id", nullptr}, Key{"plan_central_cities", "city_id", nullptr}})
        if (has(k.table, k.column)) {
            add(k.table, std::string(k.column) + "_unique", std::string("UNIQUE (") + k.column + ")");
            if (k.form)
                add(k.table, std::string(k.column) + "_form", std::string("CHECK (") + k.column + " ~ '" + k.form + "')");
        }
    struct Reference {
        const char* table;
        const char* column;
        const char* to;
        const char* toColumn;
    };
    for (const Reference& r : {Reference{"plan_class_members", "code", "counties", "code"}, Reference{"plan_class_members", "class_id", "plan_county_classes", "class_id"},
                               Reference{"plan_zone_members", "zone_id", "plan_zones", "zone_id"}, Reference{"county_seats", "code", "counties", "code"}})
        if (has(r.table, r.column) && has(r.to, r.toColumn))
            add(r.table, std::string(r.column) + "_exists",
                std::string("FOREIGN KEY (") + r.column + ") REFERENCES " + s + store::quoteIdentifier(r.to) + " (" + r.toColumn + ")");
    for (int i = 0; i < ds.GetLayerCount(); ++i) {
        OGRLayer* l = ds.GetLayer(i);
        const std::string table = l->GetName();
        if (table.rfind("plan_", 0) == 0 && has(table, "basis"))
            add(table, "basis_known", "CHECK (basis IN ('stated', 'reference', 'assumed'))");
        const bool geography = table == "counties" || table == "county_seats" || table == "prefectures" || table == "province";
        if (geography && l->GetGeomType() != wkbNone)  // a plan layer may hold a row without a shape (a corridor not drawn)
            sql.push_back("ALTER TABLE " + s + store::quoteIdentifier(table) + " ALTER COLUMN geom SET NOT NULL");
    }
    add(kMetaTable, "key_unique", "UNIQUE (key)");
    return sql;
}

}  // namespace

namespace {
InitReport initOnce(const std::filesystem::path& geopackage, const DataLocation& target);
}

InitReport init(const std::filesystem::path& geopackage, const DataLocation& target)
{
    // GDAL's PostgreSQL driver looks at the catalogue (geometry_columns) inside the load's transaction; a table
    // another session drops meanwhile can fail that look, which GDAL does not report, so the transaction is aborted and
    // the next statement says only "current transaction is aborted" (seen with two test processes: one dropping its
    // schema while the other loaded). Nothing was written (the load is one transaction): it is tried once more.
    try {
        return initOnce(geopackage, target);
    } catch (const DataError& e) {
        if (std::string(e.what()).find("current transaction is aborted") == std::string::npos)
            throw;
    }
    return initOnce(geopackage, target);
}

namespace {
InitReport initOnce(const std::filesystem::path& geopackage, const DataLocation& target)
{
    if (!target.postgres())
        throw DataError(target.location(), "gzplan db init writes to PostgreSQL: give --to PG:dbname=… (the GeoPackage to load is --data)");
    auto source = detail::openVector(geopackage.string());
    {
        store::PgConnection pg(target);
        if (pg.exec("SELECT 1 FROM pg_extension WHERE extname = 'postgis'").rows() == 0)
            throw DataError(target.shown(), "has no PostGIS; as the database's owner run CREATE EXTENSION postgis; (Debian: apt install "
                                            "postgresql-15-postgis-3)");
        if (schemaExists(pg, target.schema()))
            throw DataError(target.shown(), "schema '" + target.schema() + "' exists already; gzplan db init makes a new one: choose another with "
                                            "--schema, bring an older one up to date with gzplan db upgrade, or drop it first");
    }
    auto ds = detail::openPostgres(target, true);
    const QuietGdal quiet;
    if (ds->StartTransaction(FALSE) != OGRERR_NONE)
        throw DataError(target.shown(), "cannot start a transaction (" + gdalError(target) + ")");
    InitReport report;
    try {
        exec(*ds, target, "CREATE SCHEMA " + store::quoteIdentifier(target.schema()));
        const std::vector<std::string> options{"SCHEMA=" + target.schema(), "GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=GIST", "LAUNDER=NO",
                                               "PRECISION=NO"};
        report.features = copyLayers(*source, *ds, target.shown(), options, [&](const char*) { ++report.layers; return true; });
        exactReals(*source, *ds, target);
        CPLStringList metaOptions;
        metaOptions.SetNameValue("SCHEMA", target.schema().c_str());
        metaOptions.SetNameValue("FID", "fid");
        metaOptions.SetNameValue("LAUNDER", "NO");
        OGRLayer* meta = ds->CreateLayer(kMetaTable, nullptr, wkbNone, metaOptions.List());
        if (!meta)
            throw DataError(target.shown(), "cannot create table gzplan_meta (" + gdalError(target) + ")");
        for (const char* field : {"key", "value"}) {
            OGRFieldDefn defn(field, OFTString);
            if (meta->CreateField(&defn) != OGRERR_NONE)
                throw DataError(target.shown(), "cannot create gzplan_meta." + std::string(field) + " (" + gdalError(target) + ")");
        }
        const std::vector<std::pair<std::string, std::string>> rows{
            {"schema_version", std::to_string(kSchemaVersion)},
            {"loaded_from", geopackage.filename().string()},
            {"loaded_at", CPLString().Printf("%lld", static_cast<long long>(std::time(nullptr)))},
        };
        for (const auto& [key, value] : rows) {
            OGRFeature row(meta->GetLayerDefn());
            row.SetField("key", key.c_str());
            row.SetField("value", value.c_str());
            if (meta->CreateFeature(&row) != OGRERR_NONE)
                throw DataError(target.shown(), "cannot write gzplan_meta (" + gdalError(target) + ")");
        }
        for (const std::string& sql : constraints(target.schema(), *source))
            exec(*ds, target, sql);
        if (ds->CommitTransaction() != OGRERR_NONE)
            throw DataError(target.shown(), "commit failed (" + gdalError(target) + "); nothing was loaded");
    } catch (...) {
        ds->RollbackTransaction();
        throw;
    }
    return report;
}
}  // namespace

long long dump(const DataLocation& source, const std::filesystem::path& geopackage, bool force)
{
    if (!source.postgres())
        throw DataError(source.location(), "gzplan db dump reads PostgreSQL: give --data PG:dbname=… (and --schema); the GeoPackage to write is --to");
    std::error_code ec;
    if (std::filesystem::exists(geopackage, ec) && !force)
        throw DataError(geopackage.string(), "exists already; give --force to replace it");
    auto ds = detail::openData(source, true);
    long long features = 0;
    detail::writeGeoPackageAtomically(geopackage, [&](GDALDataset& out) {
        const std::vector<std::string> options{"GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=YES"};
        features = copyLayers(*ds, out, geopackage.string(), options, [](const char* layer) { return std::strcmp(layer, kMetaTable) != 0; });
    });
    return features;
}

CheckReport check(const DataLocation& source, const std::filesystem::path& documents)
{
    if (!source.postgres())
        throw DataError(source.location(), "gzplan db check validates a PostgreSQL schema: give --data PG:dbname=… (a GeoPackage: gzplan check)");
    CheckReport report;
    store::PgConnection pg(source);
    if (!schemaExists(pg, source.schema()))
        throw DataError(source.shown(), "has no schema '" + source.schema() + "'; name it with --schema, or load one with gzplan db init");
    report.version = schemaVersion(pg, source.schema());
    if (report.version < 0)
        throw DataError(source.shown(), "schema '" + source.schema() + "' is not a gzplan schema (no table gzplan_meta); gzplan db init makes one");
    if (report.version != kSchemaVersion) {
        report.problems.push_back("schema version " + std::to_string(report.version) + ", this gzplan reads " + std::to_string(kSchemaVersion) +
                                  (report.version < kSchemaVersion ? " (gzplan db upgrade)" : " (use a newer gzplan)"));
        return report;
    }
    report.notes.push_back("schema version " + std::to_string(report.version));
    // Every geometry column: EPSG:4490 and a GiST index.
    const auto columns = pg.exec("SELECT f_table_name, f_geometry_column, srid FROM geometry_columns WHERE f_table_schema = $1 ORDER BY 1", {source.schema()});
    for (int r = 0; r < columns.rows(); ++r) {
        const std::string table = columns.value(r, 0), column = columns.value(r, 1), srid = columns.value(r, 2);
        if (srid != "4490")
            report.problems.push_back(table + "." + column + ": SRID " + srid + ", not 4490 (CGCS2000)");
        const auto index = pg.exec("SELECT 1 FROM pg_index i JOIN pg_class ix ON ix.oid = i.indexrelid JOIN pg_am am ON am.oid = ix.relam "
                                   "JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
                                   "JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY(i.indkey) "
                                   "WHERE n.nspname = $1 AND t.relname = $2 AND a.attname = $3 AND am.amname = 'gist'",
                                   {source.schema(), table, column});
        if (index.rows() == 0)
            report.problems.push_back(table + "." + column + ": no spatial (GiST) index; CREATE INDEX ON " + store::quoteIdentifier(source.schema()) + "." +
                                      store::quoteIdentifier(table) + " USING gist (" + store::quoteIdentifier(column) + ")");
    }
    report.notes.push_back(std::to_string(columns.rows()) + " geometry columns, each in EPSG:4490 with a GiST index");
    // What the readers need, and the plan's own checks on what the schema holds.
    auto ds = detail::openData(source);
    try {
        const Geography geography = detail::readGeography(*ds, source.shown());
        const PlanData plan = detail::readPlanData(*ds, source.shown(), [](const std::string&) { return true; });
        detail::readPlanGeometry(*ds, source.shown(), plan);
        for (const PlanIssue& issue : checkPlan(plan, geography, readDocuments(documents, plan)))
            report.problems.push_back(issue.where + ": " + issue.message);
        report.notes.push_back(std::to_string(geography.counties.size()) + " counties, the plan's tables and layers read and checked");
    } catch (const DataError& e) {
        report.problems.push_back(e.what());
    }
    return report;
}

const std::vector<OverviewBand>& overviewBands()
{
    // 0.005° ≈ 500 m cells for 25–200 m a pixel (a county to a prefecture on a screen: 2.5–20 pixels a cell), 0.02° ≈ 2 km
    // for coarser views (the province: about 45,000 cells over Guizhou, 4–5 pixels each at full extent).
    static const std::vector<OverviewBand> bands{{"_ovr_1", 0.005, 25}, {"_ovr_2", 0.02, 200}};
    return bands;
}

OverviewReport overview(const std::string& location, const std::string& table, const std::string& styleField)
{
    const DataLocation data(location);
    const auto dot = table.find('.');
    if (dot == std::string::npos)
        throw DataError(data.shownConnection(), "name the table as schema.table (public.parcels), not '" + table + "'");
    const std::string schema = table.substr(0, dot), name = table.substr(dot + 1);
    OverviewReport report;
    {
        auto ds = detail::openPostgresSource(location);
        OGRLayer* l = ds->GetLayerByName(table.c_str());
        if (!l || l->GetGeomType() == wkbNone)
            throw DataError(data.shownConnection(), "no table '" + table + "' with a geometry column");
        report.styleField = detail::features::chooseStyleField(l->GetLayerDefn(), styleField, data.shownConnection() + " " + table);
        if (report.styleField.empty())
            throw DataError(data.shownConnection(), "table '" + table + "' has no land-use field (landuse, 地类, dlmc…); name one with --style-field");
    }
    store::PgConnection pg(data);
    const auto geometry = pg.exec("SELECT f_geometry_column, srid FROM geometry_columns WHERE f_table_schema = $1 AND f_table_name = $2", {schema, name});
    if (geometry.rows() == 0)
        throw DataError(data.shownConnection(), "table '" + table + "' has no PostGIS geometry column");
    const std::string geom = store::quoteIdentifier(geometry.value(0, 0)), srid = std::to_string(std::atoi(geometry.value(0, 1).c_str()));
    if (srid != "4490")
        throw DataError(data.shownConnection(), "table '" + table + "' is in SRID " + srid + "; overviews are built for CGCS2000 lon/lat (EPSG:4490)");
    const auto index = pg.exec("SELECT 1 FROM pg_indexes WHERE schemaname = $1 AND tablename = $2 AND indexdef LIKE '%USING gist%'", {schema, name});
    if (index.rows() == 0)
        throw DataError(data.shownConnection(), "table '" + table + "' has no spatial (GiST) index; every view would read the whole table: CREATE INDEX ON " +
                                                    store::quoteIdentifier(schema) + "." + store::quoteIdentifier(name) + " USING gist (" + geom + ")");
    const std::string source = store::quoteIdentifier(schema) + "." + store::quoteIdentifier(name), field = store::quoteIdentifier(report.styleField);
    pg.exec("BEGIN");
    try {
        pg.exec("SET LOCAL statement_timeout = 0");  // one pass over ten million rows per band
        const std::string values = store::quoteIdentifier(schema) + "." + store::quoteIdentifier(name + kCategoriesSuffix);
        pg.exec("DROP TABLE IF EXISTS " + values);
        pg.exec("CREATE TABLE " + values + " AS SELECT DISTINCT " + field + " FROM " + source + " WHERE " + field + " IS NOT NULL");
        report.features = std::atoll(pg.exec("SELECT count(*) FROM " + source).value(0, 0).c_str());
        for (const OverviewBand& band : overviewBands()) {
            const std::string out = store::quoteIdentifier(schema) + "." + store::quoteIdentifier(name + band.suffix);
            char cell[32];
            std::snprintf(cell, sizeof cell, "%.17g", band.cellDegrees);
            pg.exec("DROP TABLE IF EXISTS " + out);
            // Each feature counts in the cell of its bounding box's centre, with its area; per cell the value of
            // the largest area.
            pg.exec("CREATE TABLE " + out + " AS SELECT (row_number() OVER ())::bigint AS fid, " + field + ", parcels, " +
                    "ST_MakeEnvelope(i * " + cell + ", j * " + cell + ", (i + 1) * " + cell + ", (j + 1) * " + cell + ", 4490)::geometry(Polygon, 4490) AS geom " +
                    "FROM (SELECT DISTINCT ON (i, j) i, j, v AS " + field + ", sum(n) OVER (PARTITION BY i, j) AS parcels FROM (" +
                    "SELECT floor((ST_XMin(" + geom + ") + ST_XMax(" + geom + ")) / 2 / " + cell + ")::int AS i, " +
                    "floor((ST_YMin(" + geom + ") + ST_YMax(" + geom + ")) / 2 / " + cell + ")::int AS j, " + field + " AS v, count(*) AS n, " +
                    "sum(ST_Area(" + geom + ")) AS a FROM " + source + " GROUP BY 1, 2, 3) c ORDER BY i, j, a DESC, v) d");
            pg.exec("ALTER TABLE " + out + " ADD PRIMARY KEY (fid)");
            pg.exec("CREATE INDEX ON " + out + " USING gist (geom)");
            report.cells.push_back(std::atoll(pg.exec("SELECT count(*) FROM " + out).value(0, 0).c_str()));
        }
        pg.exec("COMMIT");
    } catch (...) {
        try {
            pg.exec("ROLLBACK");
        } catch (...) {
        }
        throw;
    }
    return report;
}

int upgrade(const DataLocation& source)
{
    if (!source.postgres())
        throw DataError(source.location(), "gzplan db upgrade works on a PostgreSQL schema: give --data PG:dbname=…");
    store::PgConnection pg(source);
    if (!schemaExists(pg, source.schema()))
        throw DataError(source.shown(), "has no schema '" + source.schema() + "'; name it with --schema, or load one with gzplan db init");
    const int version = schemaVersion(pg, source.schema());
    if (version < 0)
        throw DataError(source.shown(), "schema '" + source.schema() + "' is not a gzplan schema (no gzplan_meta); gzplan db init makes one");
    if (version < kSchemaVersion)
        throw DataError(source.shown(), "schema version " + std::to_string(version) + ": no migration to " + std::to_string(kSchemaVersion) +
                                            " is known (version 1 is the first layout); load it again with gzplan db init into a new schema");
    if (version > kSchemaVersion)
        throw DataError(source.shown(), "schema version " + std::to_string(version) + " is newer than this gzplan's " + std::to_string(kSchemaVersion) +
                                            "; use a newer gzplan");
    // Version 1 is the first layout: there is no older one to migrate from yet. Each later version adds its step here,
    // all in one transaction with the version row.
    return version;
}

}  // namespace db

}  // namespace layers
