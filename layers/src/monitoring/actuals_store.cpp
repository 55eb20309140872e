// The figures' store: a GeoPackage with the attribute tables actuals, actual_changes and store_info, written
// through GDAL in one transaction per change (SQLite's journal: a killed run leaves the store as it was); the
// rules both backends share (what counts, undo, the optimistic check of a set). PostgreSQL: actuals_pg.cpp.

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <map>
#include <optional>

#include <unistd.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "io/gpkg_writer.h"
#include "layers/errors.h"
#include "layers/monitoring.h"
#include "monitoring/actuals_backend.h"

namespace layers {

namespace {

constexpr int kSchemaVersion = detail::kActualsSchemaVersion;

const std::vector<detail::Field>& actualFields()
{
    static const std::vector<detail::Field> k{
        {"change_id", OFTInteger}, {"target_id", OFTString},   {"year", OFTInteger},      {"value", OFTReal},
        {"value_text", OFTString}, {"unit", OFTString},        {"measure", OFTString},    {"figure_date", OFTString},
        {"source", OFTString},     {"entered_by", OFTString},  {"entered_at", OFTString}, {"note", OFTString}};
    return k;
}
const std::vector<detail::Field>& changeFields()
{
    static const std::vector<detail::Field> k{{"kind", OFTString},   {"entered_by", OFTString}, {"entered_at", OFTString},
                                              {"detail", OFTString}, {"undoes", OFTInteger},    {"row_count", OFTInteger}};
    return k;
}

void createTables(GDALDataset& ds, const std::string& file)
{
    detail::Writer w(ds, file);
    w.layer("actuals", wkbNone, actualFields());
    w.layer("actual_changes", wkbNone, changeFields());
    OGRLayer* info = w.layer("store_info", wkbNone, {{"key", OFTString}, {"value", OFTString}});
    w.add(info, {std::string("schema_version"), std::to_string(kSchemaVersion)});
    w.add(info, {std::string("content"), std::string("gzplan actual figures (实际数据)")});
}

GDALDatasetUniquePtr openStore(const std::filesystem::path& file, bool update)
{
    const char* drivers[] = {"GPKG", nullptr};
    CPLErrorReset();
    GDALDatasetUniquePtr ds(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY), drivers));
    if (!ds) {
        const std::string why = CPLGetLastErrorMsg();
        throw DataError(file.string(), "cannot be opened as a GeoPackage" + (why.empty() ? std::string(" (GDAL does not recognise it as one)") : ": " + why) +
                                           "; pass the figures' store (--actuals), or a new file name to create one");
    }
    for (const char* table : {"actuals", "actual_changes", "store_info"})
        if (!ds->GetLayerByName(table))
            throw DataError(file.string(), std::string("is a GeoPackage without the figures' table ") + table +
                                               ": not a figures' store (is it the map's guizhou.gpkg?); pass the store, or a new file name to create one");
    OGRLayer* info = ds->GetLayerByName("store_info");
    info->ResetReading();
    std::string version;
    for (auto& f : *info)
        if (std::string(f->GetFieldAsString("key")) == "schema_version")
            version = f->GetFieldAsString("value");
    if (version != std::to_string(kSchemaVersion))
        throw DataError(file.string(), "is a figures' store of schema version '" + version + "'; this gzplan reads version " +
                                           std::to_string(kSchemaVersion));
    return ds;
}

std::string nowUtc()
{
    if (const char* fixed = std::getenv("GZPLAN_TEST_NOW"); fixed && *fixed)  // tests: both backends' answers byte for byte
        return fixed;
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

}  // namespace

std::filesystem::path ActualsStore::defaultPath()
{
    if (const char* e = std::getenv("GZPLAN_ACTUALS"); e && *e)
        return e;
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x)
        return std::filesystem::path(x) / "gzplan" / "actuals.gpkg";
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home && *home ? home : ".") / ".local" / "share" / "gzplan" / "actuals.gpkg";
}

ActualsStore ActualsStore::open(const DataLocation& where, bool create)
{
    if (where.postgres()) {
        detail::pgOpenStore(where, create);
        return ActualsStore(where);
    }
    GDALAllRegister();
    const std::filesystem::path file = where.location();
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) {
        if (!create)
            throw DataError(file.string(), "no figures' store here: import figures (gzplan actuals import) or enter one (gzplan actuals set) to create it");
        detail::writeGeoPackageAtomically(file, [&](GDALDataset& ds) { createTables(ds, file.string()); });
    }
    openStore(file, false);  // refuses what is not a store
    return ActualsStore(where);
}

bool ActualsStore::exists(const DataLocation& where)
{
    if (where.postgres())
        return detail::pgStoreExists(where);
    std::error_code ec;
    return std::filesystem::exists(where.location(), ec);
}

std::string ActualsStore::whyReadOnly(const DataLocation& where)
{
    if (where.postgres())
        return detail::pgWhyReadOnly(where);
    // SQLite writes a journal beside the file: the folder must be writable too
    const std::filesystem::path file(where.location());
    std::filesystem::path folder = file.parent_path();
    if (folder.empty())
        folder = ".";
    std::error_code ec;
    if (std::filesystem::exists(file, ec) && ::access(file.c_str(), W_OK) != 0)
        return file.string() + " is not writable (read only; change its permissions, or name another store with --actuals)";
    if (::access(folder.c_str(), W_OK) != 0)
        return "the folder " + folder.string() + " is not writable (read only; the store needs it for its journal: change its permissions, or name "
                                                 "another store with --actuals)";
    return {};
}

namespace detail {

void markUndone(std::vector<Change>& changes, std::vector<Actual>* actuals)
{
    std::map<long long, bool> undone;
    for (auto it = changes.rbegin(); it != changes.rend(); ++it)
        if (it->kind == "undo" && !undone[it->id])
            undone[it->undoes] = true;
    for (Change& c : changes)
        if (const auto it = undone.find(c.id); it != undone.end())
            c.undone = it->second;
    if (actuals)
        for (Actual& a : *actuals)
            if (const auto it = undone.find(a.change); it != undone.end())
                a.withdrawn = it->second;
}

}  // namespace detail

namespace {

std::vector<Change> readChanges(GDALDataset& ds)
{
    std::vector<Change> out;
    OGRLayer* layer = ds.GetLayerByName("actual_changes");
    OGRFeatureDefn* d = layer->GetLayerDefn();
    const int kind = d->GetFieldIndex("kind"), by = d->GetFieldIndex("entered_by"), at = d->GetFieldIndex("entered_at"),
              detail = d->GetFieldIndex("detail"), undoes = d->GetFieldIndex("undoes"), rows = d->GetFieldIndex("row_count");
    layer->ResetReading();
    for (auto& f : *layer)
        out.push_back({f->GetFID(), f->GetFieldAsString(kind), f->GetFieldAsString(by), f->GetFieldAsString(at), f->GetFieldAsString(detail),
                       f->GetFieldAsInteger(undoes), f->GetFieldAsInteger(rows), false});
    std::sort(out.begin(), out.end(), [](const Change& a, const Change& b) { return a.id < b.id; });
    return out;
}

std::vector<Actual> readActuals(GDALDataset& ds)
{
    std::vector<Actual> out;
    OGRLayer* layer = ds.GetLayerByName("actuals");
    OGRFeatureDefn* d = layer->GetLayerDefn();
    auto index = [&](const char* name) { return d->GetFieldIndex(name); };
    const int change = index("change_id"), target = index("target_id"), year = index("year"), value = index("value"), valueText = index("value_text"),
              unit = index("unit"), measure = index("measure"), date = index("figure_date"), source = index("source"), by = index("entered_by"),
              at = index("entered_at"), note = index("note");
    out.reserve(static_cast<std::size_t>(std::max<GIntBig>(0, layer->GetFeatureCount())));
    layer->ResetReading();
    for (auto& f : *layer) {
        Actual a;
        a.id = f->GetFID();
        a.change = f->GetFieldAsInteger(change);
        a.targetId = f->GetFieldAsString(target);
        a.year = f->GetFieldAsInteger(year);
        a.value = f->GetFieldAsDouble(value);
        a.valueText = f->GetFieldAsString(valueText);
        a.unit = f->GetFieldAsString(unit);
        a.measure = f->GetFieldAsString(measure);
        a.figureDate = f->GetFieldAsString(date);
        a.source = f->GetFieldAsString(source);
        a.enteredBy = f->GetFieldAsString(by);
        a.enteredAt = f->GetFieldAsString(at);
        a.note = f->GetFieldAsString(note);
        out.push_back(std::move(a));
    }
    std::sort(out.begin(), out.end(), [](const Actual& x, const Actual& y) { return x.id < y.id; });
    return out;
}

}  // namespace

std::vector<Actual> ActualsStore::actuals() const
{
    std::vector<Change> changes;
    std::vector<Actual> all;
    if (m_where.postgres()) {
        detail::pgRead(m_where, changes, &all);
    } else {
        GDALDatasetUniquePtr ds = openStore(m_where.location(), false);
        changes = readChanges(*ds);
        all = readActuals(*ds);
    }
    detail::markUndone(changes, &all);
    return all;
}

std::vector<Change> ActualsStore::changes() const
{
    std::vector<Change> changes;
    if (m_where.postgres()) {
        detail::pgRead(m_where, changes, nullptr);
    } else {
        GDALDatasetUniquePtr ds = openStore(m_where.location(), false);
        changes = readChanges(*ds);
    }
    detail::markUndone(changes, nullptr);
    return changes;
}

namespace {

long long gpkgWriteChange(const std::filesystem::path& file, Change change, const std::vector<Actual>& rows, const detail::PrepareChange& prepare,
                          const std::function<void()>& beforeCommit)
{
    GDALDatasetUniquePtr ds = openStore(file, true);
    if (ds->StartTransaction() != OGRERR_NONE)
        throw DataError(file.string(), std::string("cannot start a transaction: ") + CPLGetLastErrorMsg());
    try {
        // A write first: SQLite's write lock is held from here to the commit, so what is read next is what the change
        // is decided on (two savers serialise; the second waits or fails busy, never decides on a stale read).
        CPLErrorReset();
        if (OGRLayer* r = ds->ExecuteSQL("UPDATE store_info SET value = value WHERE key = 'schema_version'", nullptr, nullptr))
            ds->ReleaseResultSet(r);
        if (CPLGetLastErrorType() >= CE_Failure)
            throw DataError(file.string(), std::string("cannot lock the store: ") + CPLGetLastErrorMsg());
        if (prepare) {
            std::vector<Change> changes = readChanges(*ds);
            std::vector<Actual> all = readActuals(*ds);
            detail::markUndone(changes, &all);
            prepare(change, all, changes);
        }
        detail::Writer w(*ds, file.string());
        OGRLayer* changes = ds->GetLayerByName("actual_changes");
        OGRFeature c(changes->GetLayerDefn());
        c.SetField("kind", change.kind.c_str());
        c.SetField("entered_by", change.by.c_str());
        c.SetField("entered_at", change.at.c_str());
        c.SetField("detail", change.detail.c_str());
        c.SetField("undoes", static_cast<int>(change.undoes));
        c.SetField("row_count", static_cast<int>(rows.size()));
        if (changes->CreateFeature(&c) != OGRERR_NONE)
            throw DataError(file.string(), std::string("cannot record the change: ") + CPLGetLastErrorMsg());
        const long long id = c.GetFID();
        OGRLayer* actuals = ds->GetLayerByName("actuals");
        for (const Actual& a : rows)
            w.add(actuals, {static_cast<int>(id), a.targetId, a.year, a.value, a.valueText, a.unit, a.measure, a.figureDate, a.source,
                            change.by, change.at, a.note});
        if (beforeCommit)
            beforeCommit();
        if (ds->CommitTransaction() != OGRERR_NONE)
            throw DataError(file.string(), std::string("commit failed: ") + CPLGetLastErrorMsg());
        ds.reset();
        return id;
    } catch (...) {
        ds->RollbackTransaction();
        throw;
    }
}

long long writeChange(const DataLocation& where, const Change& change, const std::vector<Actual>& rows, const detail::PrepareChange& prepare,
                      const std::function<void()>& beforeCommit)
{
    if (where.postgres())
        return detail::pgWriteChange(where, change, rows, prepare, beforeCommit);
    return gpkgWriteChange(where.location(), change, rows, prepare, beforeCommit);
}

}  // namespace

long long ActualsStore::add(const std::vector<Actual>& rows, const std::string& kind, const std::string& detail, const std::string& by,
                            const std::function<void()>& beforeCommit)
{
    if (rows.empty())
        throw DataError(m_where.shown(), "nothing to enter: no figure");
    if (kind != "import" && kind != "set")
        throw std::logic_error("ActualsStore::add: kind " + kind);
    return writeChange(m_where, Change{0, kind, by, nowUtc(), detail, 0, 0, false}, rows, {}, beforeCommit);
}

long long ActualsStore::set(const Actual& figure, long long seen, const std::string& by)
{
    const std::string what = figure.targetId + " " + std::to_string(figure.year);
    const std::string shown = m_where.shown();
    auto check = [&](Change&, const std::vector<Actual>& all, const std::vector<Change>& changes) {
        std::optional<Actual> now;
        for (const Actual& a : currentActuals(all))
            if (a.targetId == figure.targetId && a.year == figure.year && a.measure == figure.measure)
                now = a;
        const long long counting = now ? now->change : 0;
        if (counting == seen)
            return;
        Change other;
        for (const Change& c : changes)  // the change that made the figure counting now, or the undo that withdrew the one seen
            if ((now && c.id == counting) || (!now && c.kind == "undo" && c.undoes == seen && !c.undone))
                other = c;
        std::string message = what + " (" + figure.measure + "): not entered, someone changed it since you looked: ";
        if (now)
            message += "the figure that counts is now " + now->valueText + " " + now->unit + " (" + now->source + "), change " + std::to_string(counting) +
                       " by " + other.by + " at " + other.at;
        else
            message += "no figure counts any more" +
                       (other.id ? " (change " + std::to_string(other.id) + " by " + other.by + " at " + other.at + ": " + other.detail + ")" : std::string());
        message += seen ? ", not change " + std::to_string(seen) + "'s figure you saw" : ", and you saw none";
        message += "; look again (gzplan actuals history " + figure.targetId + ") and enter yours with --expect-change " + std::to_string(counting) +
                   " if it still should replace it";
        throw ConflictError(shown, message, other, now);
    };
    return writeChange(m_where, Change{0, "set", by, nowUtc(), what, 0, 0, false}, {figure}, check, {});
}

long long ActualsStore::undo(long long change, const std::string& by)
{
    const std::string shown = m_where.shown();
    // decided inside the transaction: two undos at once never withdraw the same change twice
    auto pick = [&](Change& mine, const std::vector<Actual>&, const std::vector<Change>& all) {
        const Change* target = nullptr;
        if (change == 0) {
            for (auto it = all.rbegin(); it != all.rend() && !target; ++it)
                if (it->kind != "undo" && !it->undone)
                    target = &*it;
            if (!target)
                throw DataError(shown, "nothing to undo: every change is already undone");
        } else {
            for (const Change& c : all)
                if (c.id == change)
                    target = &c;
            if (!target)
                throw DataError(shown, "no change " + std::to_string(change) + " (gzplan actuals history lists them)");
            if (target->undone)
                throw DataError(shown, "change " + std::to_string(change) + " is already undone");
        }
        mine.detail = target->kind == "undo" ? "redo: undo of change " + std::to_string(target->undoes) + " withdrawn"
                                             : "undo of change " + std::to_string(target->id) + " (" + target->kind + " " + target->detail + ")";
        mine.undoes = target->id;
    };
    return writeChange(m_where, Change{0, "undo", by, nowUtc(), "", 0, 0, false}, {}, pick, {});
}

}  // namespace layers
