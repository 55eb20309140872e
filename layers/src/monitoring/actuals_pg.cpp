// The figures' store on PostgreSQL: the tables actuals, actual_changes and store_info in the schema of --actuals
// PG:… --schema s, the same columns and ids as the GeoPackage store (actuals_store.cpp), so that every command
// answers the same from either. Everything goes through one libpq connection (store::PgConnection), not GDAL's
// PostgreSQL driver: a change must read, decide and write under one table lock in one transaction, and send
// pg_notify with its schema as a bound value, none of which GDAL's ExecuteSQL can do with parameters.
//
// Ids are max + 1 taken under the lock (not a sequence): a rolled-back change leaves no gap, as in the GeoPackage.

#include <libpq-fe.h>

#include <charconv>
#include <cstdlib>

#include "layers/errors.h"
#include "layers/monitoring.h"
#include "monitoring/actuals_backend.h"
#include "store/pg_connection.h"

namespace layers {

namespace {

using store::PgConnection;
using store::PgResult;
using store::quoteIdentifier;

std::string table(const DataLocation& where, const char* name) { return quoteIdentifier(where.schema()) + "." + quoteIdentifier(name); }

bool hasTable(PgConnection& pg, const std::string& schema, const char* name)
{
    return pg.exec("SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = $2", {schema, name}).rows() > 0;
}

std::string exact(double v)
{
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, v).ptr;
    return std::string(text, end);
}

double parseDouble(const std::string& s)
{
    double v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

long long parseLong(const std::string& s) { return std::strtoll(s.c_str(), nullptr, 10); }

/// One transaction on pg: committed by commit(), rolled back otherwise (the server does so too when the process dies).
class Transaction {
public:
    explicit Transaction(PgConnection& pg) : m_pg(pg) { m_pg.exec("BEGIN"); }
    ~Transaction()
    {
        if (m_open)
            PQclear(PQexec(m_pg.native(), "ROLLBACK"));
    }
    void commit()
    {
        m_pg.exec("COMMIT");
        m_open = false;
    }

private:
    PgConnection& m_pg;
    bool m_open = true;
};

void checkStore(PgConnection& pg, const DataLocation& where)
{
    for (const char* name : {"actuals", "actual_changes", "store_info"})
        if (!hasTable(pg, where.schema(), name))
            throw DataError(where.shown(), std::string("schema '") + where.schema() + "' has no figures' table " + name +
                                               ": not a figures' store; name the store's schema with --schema, or import into a new one to create it");
    const auto v = pg.exec("SELECT value FROM " + table(where, "store_info") + " WHERE key = $1", {"schema_version"});
    const std::string version = v.rows() ? v.value(0, 0) : std::string();
    if (version != std::to_string(detail::kActualsSchemaVersion))
        throw DataError(where.shown(), "is a figures' store of schema version '" + version + "'; this gzplan reads version " +
                                           std::to_string(detail::kActualsSchemaVersion));
}

void createStore(PgConnection& pg, const DataLocation& where)
{
    Transaction t(pg);
    // two first imports at once: the second waits here, then finds the tables
    pg.exec("SELECT pg_advisory_xact_lock(hashtext($1))", {std::string(detail::kActualsChannel) + ":" + where.schema()});
    if (!hasTable(pg, where.schema(), "store_info")) {
        for (const char* name : {"actuals", "actual_changes"})
            if (hasTable(pg, where.schema(), name))
                throw DataError(where.shown(), std::string("schema '") + where.schema() + "' has a table " + name +
                                                   " that is not a figures' store's; name another schema with --schema");
        pg.exec("CREATE SCHEMA IF NOT EXISTS " + quoteIdentifier(where.schema()));
        pg.exec("CREATE TABLE " + table(where, "store_info") + " (fid bigint PRIMARY KEY, key text NOT NULL UNIQUE, value text NOT NULL)");
        pg.exec("CREATE TABLE " + table(where, "actual_changes") +
                " (fid bigint PRIMARY KEY, kind text NOT NULL CHECK (kind IN ('import', 'set', 'undo')), entered_by text NOT NULL,"
                " entered_at text NOT NULL, detail text NOT NULL, undoes bigint NOT NULL DEFAULT 0, row_count integer NOT NULL DEFAULT 0)");
        pg.exec("CREATE TABLE " + table(where, "actuals") + " (fid bigint PRIMARY KEY, change_id bigint NOT NULL REFERENCES " +
                table(where, "actual_changes") +
                " (fid), target_id text NOT NULL, year integer NOT NULL, value double precision NOT NULL, value_text text NOT NULL,"
                " unit text NOT NULL, measure text NOT NULL, figure_date text NOT NULL, source text NOT NULL, entered_by text NOT NULL,"
                " entered_at text NOT NULL, note text NOT NULL)");
        const std::string info = "INSERT INTO " + table(where, "store_info") + " (fid, key, value) VALUES ($1, $2, $3)";
        pg.exec(info, {"1", "schema_version", std::to_string(detail::kActualsSchemaVersion)});
        pg.exec(info, {"2", "content", "gzplan actual figures (实际数据)"});
    }
    t.commit();
}

std::vector<Change> readChanges(PgConnection& pg, const DataLocation& where)
{
    const auto r = pg.exec("SELECT fid, kind, entered_by, entered_at, detail, undoes, row_count FROM " + table(where, "actual_changes") + " ORDER BY fid");
    std::vector<Change> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i)
        out.push_back({parseLong(r.value(i, 0)), r.value(i, 1), r.value(i, 2), r.value(i, 3), r.value(i, 4), parseLong(r.value(i, 5)),
                       static_cast<int>(parseLong(r.value(i, 6))), false});
    return out;
}

std::vector<Actual> readActuals(PgConnection& pg, const DataLocation& where)
{
    const auto r = pg.exec("SELECT fid, change_id, target_id, year, value, value_text, unit, measure, figure_date, source, entered_by, entered_at, note FROM " +
                           table(where, "actuals") + " ORDER BY fid");
    std::vector<Actual> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
        Actual a;
        a.id = parseLong(r.value(i, 0));
        a.change = parseLong(r.value(i, 1));
        a.targetId = r.value(i, 2);
        a.year = static_cast<int>(parseLong(r.value(i, 3)));
        a.value = parseDouble(r.value(i, 4));
        a.valueText = r.value(i, 5);
        a.unit = r.value(i, 6);
        a.measure = r.value(i, 7);
        a.figureDate = r.value(i, 8);
        a.source = r.value(i, 9);
        a.enteredBy = r.value(i, 10);
        a.enteredAt = r.value(i, 11);
        a.note = r.value(i, 12);
        out.push_back(std::move(a));
    }
    return out;
}

}  // namespace

namespace detail {

bool pgStoreExists(const DataLocation& where)
{
    PgConnection pg(where);
    return hasTable(pg, where.schema(), "store_info");
}

std::string pgWhyReadOnly(const DataLocation& where)
{
    PgConnection pg(where);
    const std::string schema = quoteIdentifier(where.schema());
    if (!hasTable(pg, where.schema(), "store_info")) {
        const PgResult r = pg.exec("SELECT has_schema_privilege(current_user, $1, 'CREATE'), current_user", {where.schema()});
        if (r.value(0, 0) == "t")
            return {};
        return where.shown() + ": the role " + r.value(0, 1) + " may not create tables in schema '" + where.schema() +
               "', so it cannot start the figures' store there (read only; an owner grants CREATE ON SCHEMA, or makes the store)";
    }
    // what a change needs: it locks both tables (which takes UPDATE) and inserts into them
    const PgResult r = pg.exec("SELECT has_table_privilege(current_user, $1, 'INSERT, UPDATE') AND has_table_privilege(current_user, $2, 'INSERT, UPDATE'), "
                               "current_user",
                               {schema + ".actuals", schema + ".actual_changes"});
    if (r.value(0, 0) == "t")
        return {};
    return where.shown() + ": the role " + r.value(0, 1) + " may read the figures but not write them (read only; the editor's grant is "
                                                           "GRANT INSERT, UPDATE ON " + where.schema() + ".actuals, " + where.schema() + ".actual_changes)";
}

void pgOpenStore(const DataLocation& where, bool create)
{
    PgConnection pg(where);
    if (!hasTable(pg, where.schema(), "store_info")) {
        if (!create)
            throw DataError(where.shown(), "no figures' store in schema '" + where.schema() +
                                               "': import figures (gzplan actuals import) or enter one (gzplan actuals set) to create it, or name "
                                               "the store's schema with --schema");
        createStore(pg, where);
    }
    checkStore(pg, where);
}

void pgRead(const DataLocation& where, std::vector<Change>& changes, std::vector<Actual>* actuals)
{
    PgConnection pg(where);
    Transaction t(pg);  // one snapshot for both tables
    pg.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    checkStore(pg, where);
    changes = readChanges(pg, where);
    if (actuals)
        *actuals = readActuals(pg, where);
    t.commit();
}

long long pgWriteChange(const DataLocation& where, Change change, const std::vector<Actual>& rows, const PrepareChange& prepare,
                        const std::function<void()>& beforeCommit)
{
    PgConnection pg(where);
    checkStore(pg, where);
    Transaction t(pg);
    // Writers serialise here (SHARE ROW EXCLUSIVE conflicts with itself); readers go on reading the last commit.
    pg.exec("LOCK TABLE " + table(where, "actual_changes") + ", " + table(where, "actuals") + " IN SHARE ROW EXCLUSIVE MODE");
    if (prepare) {
        std::vector<Change> changes = readChanges(pg, where);
        std::vector<Actual> all = readActuals(pg, where);
        markUndone(changes, &all);
        prepare(change, all, changes);
    }
    const long long id = parseLong(pg.exec("SELECT coalesce(max(fid), 0) + 1 FROM " + table(where, "actual_changes")).value(0, 0));
    pg.exec("INSERT INTO " + table(where, "actual_changes") +
                " (fid, kind, entered_by, entered_at, detail, undoes, row_count) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            {std::to_string(id), change.kind, change.by, change.at, change.detail, std::to_string(change.undoes), std::to_string(rows.size())});
    long long next = parseLong(pg.exec("SELECT coalesce(max(fid), 0) + 1 FROM " + table(where, "actuals")).value(0, 0));
    const std::string insert = "INSERT INTO " + table(where, "actuals") +
                               " (fid, change_id, target_id, year, value, value_text, unit, measure, figure_date, source, entered_by, entered_at, note)"
                               " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";
    for (const Actual& a : rows)
        pg.exec(insert, {std::to_string(next++), std::to_string(id), a.targetId, std::to_string(a.year), exact(a.value), a.valueText, a.unit, a.measure,
                         a.figureDate, a.source, change.by, change.at, a.note});
    pg.exec("SELECT pg_notify($1, $2)", {kActualsChannel, where.schema()});  // delivered at the commit, not before
    if (beforeCommit)
        beforeCommit();
    t.commit();
    return id;
}

}  // namespace detail

// ---- ActualsListener ------------------------------------------------------------------------------------------------

struct ActualsListener::Impl {
    explicit Impl(const DataLocation& where) : pg(where), schema(where.schema()) {}
    PgConnection pg;
    std::string schema;
};

namespace {
const DataLocation& listenable(const DataLocation& where)
{
    if (!where.postgres())
        throw DataError(where.shown(), "is a GeoPackage: only a figures' store on PostgreSQL (--actuals PG:…) announces its changes");
    return where;
}
}  // namespace

ActualsListener::ActualsListener(const DataLocation& where) : m(std::make_unique<Impl>(listenable(where)))
{
    m->pg.exec("LISTEN " + quoteIdentifier(detail::kActualsChannel));
}

ActualsListener::~ActualsListener() = default;

int ActualsListener::socket() const { return PQsocket(m->pg.native()); }

bool ActualsListener::poll()
{
    pg_conn* c = m->pg.native();
    if (PQconsumeInput(c) == 0 || PQstatus(c) != CONNECTION_OK)
        throw DataError(m->pg.data().shown(), "the connection that waits for changes was lost (" + m->pg.data().redacted(PQerrorMessage(c)) +
                                                  "); reopen the store to see changes again");
    bool arrived = false;
    while (PGnotify* n = PQnotifies(c)) {
        arrived |= std::string(n->relname) == detail::kActualsChannel && n->extra && m->schema == n->extra;
        PQfreemem(n);
    }
    return arrived;
}

}  // namespace layers
