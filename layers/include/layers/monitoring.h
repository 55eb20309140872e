#pragma once
// Monitoring (监测评估): actual figures against the plan's targets.
//
//   MonitoringRules   share/monitoring/*.csv: the plans' periods, the tolerance of 左右 (≈), unit conversions
//   Actual, Change    one figure as stored, and the change (import, set, undo) that entered or withdrew it
//   ActualsStore      the figures' store: a GeoPackage of its own (the build's guizhou.gpkg is rebuilt) or a
//                     PostgreSQL schema, written in one transaction per change; nothing is deleted, an undo withdraws
//                     a change's rows; a set carries the change the user saw (ConflictError when another came between)
//   ActualsListener   on PostgreSQL: hears the changes other processes commit (LISTEN/NOTIFY)
//   evaluate          the status of every target (met, not met, on track, behind, no figure, undetermined) with
//                     the rule that decided it and its inputs, in both languages
//   readActualsFile   a filled template (CSV or XLSX through GDAL), every row checked; writeActualsTemplate
//
// The rules are written down in share/monitoring/README.md; the same evaluate() answers `gzplan progress`, the
// report and the window.

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "layers/data_location.h"
#include "layers/errors.h"
#include "layers/plan.h"

namespace layers {

/// A plan's period: figures for years base..end are accepted; base is the year before the plan starts (the
/// baseline of paths and growth), start..end the years it runs.
struct Period {
    std::string docId;
    int baseYear = 0, startYear = 0, endYear = 0;
    std::string basis, note, noteEn;
};

/// How close to a 左右 (≈) target a figure must come: absolute (percentage points for %) or relative (% of the value).
struct Tolerance {
    std::string comparator;  ///< ≈ (the only one with a band today; ≥ ≤ = may get one)
    std::string unit;        ///< a target unit ("%") or "*" for every other unit
    std::string kind;        ///< absolute | relative
    double amount = 0;       ///< in the target's unit (absolute) or percent of the target value (relative)
    bool aboveIsMet = true;  ///< a figure above the band counts as met (左右 of a level to reach)
    std::string note, noteEn;
};

/// A unit and its factor to a base unit: value × factor is in base (万人 → 人: 10000).
struct UnitConversion {
    std::string unit, base;
    double factor = 1;
};

struct MonitoringRules {
    std::vector<Period> periods;
    std::vector<Tolerance> tolerances;
    std::vector<UnitConversion> units;

    /// Reads periods.csv, tolerances.csv and units.csv of dir (share/monitoring); DataError names a bad row.
    static MonitoringRules load(const std::filesystem::path& dir);

    const Period* period(const std::string& docId) const;
    /// The band of a target (its comparator, unit and value); null when its comparator has none.
    const Tolerance* tolerance(const Target& t) const;
    /// The band's half-width in the target's unit (0 without a band).
    double halfWidth(const Target& t) const;
    /// value in unit `from` expressed in unit `to`; nullopt when they are not the same quantity.
    std::optional<double> convert(double value, const std::string& from, const std::string& to) const;
};

/// What a target measures, from its indicator: the rule that turns figures into the compared value.
enum class TargetKind {
    Level,          ///< a level in the target year (城镇化率 60%)
    Cumulative,     ///< 累计: the sum over the plan's years up to the target year
    Growth,         ///< 增长 x%: the year's growth against the year before
    AverageGrowth,  ///< 年均增长 x%: the average yearly growth from the base year
    AnnualAverage,  ///< 年均 (not growth): the average per year of the plan's years
};
TargetKind targetKind(const Target& t);
const char* targetKindId(TargetKind k);  ///< level, cumulative, growth, average_growth, annual_average

/// How a figure relates to its target: "value" is in the target's own terms (the level, the cumulative total,
/// the growth rate, the yearly average); "annual" one year's amount (of a cumulative or yearly-average target) or
/// one year's growth rate (of an average-growth target); "level" the indicator's level a growth is computed from.
inline const std::vector<std::string>& measures()
{
    static const std::vector<std::string> k{"value", "annual", "level"};
    return k;
}

/// One actual figure as stored.
struct Actual {
    long long id = 0;      ///< row id in the store (0 before it is stored)
    long long change = 0;  ///< the change that entered it
    std::string targetId;
    int year = 0;             ///< the year the figure is for
    double value = 0;         ///< as entered, in unit
    std::string valueText;    ///< as entered
    std::string unit;         ///< as entered
    std::string measure = "value";
    std::string figureDate;   ///< the date of the figure (YYYY, YYYY-MM or YYYY-MM-DD): the latest counts
    std::string source;       ///< 贵州统计年鉴2024 表3-5, a bulletin, a department's report
    std::string enteredBy, enteredAt, note;  ///< enteredAt: ISO 8601 UTC
    bool withdrawn = false;   ///< its change was undone
};

/// One change to the store: an import, a set (one figure entered or corrected) or an undo of an earlier change.
struct Change {
    long long id = 0;
    std::string kind;    ///< import | set | undo
    std::string by, at;  ///< who, when (ISO 8601 UTC)
    std::string detail;  ///< the imported file, the target set, the change undone
    long long undoes = 0;
    int rows = 0;
    bool undone = false;  ///< a later undo withdrew it
};

/// A save refused because the figure the user saw is no longer the one that counts (optimistic locking): another
/// change entered or withdrew a figure for the same target, year and measure in between. Nothing was written.
class ConflictError : public DataError {
public:
    ConflictError(const std::string& store, const std::string& what, Change other, std::optional<Actual> figure)
        : DataError(store, what), m_other(std::move(other)), m_figure(std::move(figure)) {}
    /// The change that made the figure that counts now (or the undo that withdrew the one seen).
    const Change& other() const { return m_other; }
    /// The figure that counts now; nullopt when none does.
    const std::optional<Actual>& figure() const { return m_figure; }

private:
    Change m_other;
    std::optional<Actual> m_figure;
};

/// The figures' store, on either backend of DataLocation: a GeoPackage of its own, or the tables actuals,
/// actual_changes and store_info in a PostgreSQL schema (--actuals PG:… --schema s). Every change is one
/// transaction; on PostgreSQL it takes a lock so savers serialise, and sends pg_notify('gzplan_actuals', schema).
class ActualsStore {
public:
    /// Opens the store; creates it (the file, or the tables in the schema, in one transaction) when create is set
    /// and it is missing. A file that is not a GeoPackage, a GeoPackage or schema without the tables (and not
    /// empty), or another schema version is refused (DataError).
    static ActualsStore open(const DataLocation& where, bool create);
    /// Whether there is a store: the file exists, or the schema has the table store_info (DataError when the server
    /// cannot be reached).
    static bool exists(const DataLocation& where);

    /// Empty when this user may write figures to the store (create it, enter, correct and undo); otherwise why not,
    /// in a sentence naming the store (a database role without INSERT and UPDATE on the figures' tables, or CREATE in
    /// the schema; a file or folder that is not writable). The window then works read-only. DataError when the server
    /// cannot be reached.
    static std::string whyReadOnly(const DataLocation& where);

    /// The default store: $GZPLAN_ACTUALS, else $XDG_DATA_HOME/gzplan/actuals.gpkg (~/.local/share/gzplan/…).
    static std::filesystem::path defaultPath();

    const DataLocation& location() const { return m_where; }

    /// Every figure stored (withdrawn ones marked), in the order entered.
    std::vector<Actual> actuals() const;
    std::vector<Change> changes() const;

    /// Enters rows as one change in one transaction; returns its id. Nothing is written when anything fails;
    /// beforeCommit runs inside the transaction, last (an import checks there that its file did not change).
    long long add(const std::vector<Actual>& rows, const std::string& kind, const std::string& detail, const std::string& by,
                  const std::function<void()>& beforeCommit = {});
    /// One figure entered or corrected (a "set"), provided the figure that counts for its target, year and measure
    /// still came from change `seen` (0: none counted) when the transaction holds the store: otherwise nothing is
    /// written and ConflictError names the other change (who, when, the value).
    long long set(const Actual& figure, long long seen, const std::string& by);
    /// Withdraws the rows of a change (0: the latest change not undone and not itself an undo), as a new change.
    /// DataError when there is no such change or it was already undone.
    long long undo(long long change, const std::string& by);

private:
    explicit ActualsStore(DataLocation where) : m_where(std::move(where)) {}
    DataLocation m_where;
};

/// Waits for the changes other processes commit to a PostgreSQL store (LISTEN gzplan_actuals on a connection of
/// its own). socket() is the connection's file descriptor (for select/poll or a QSocketNotifier); poll() reads what
/// arrived without blocking and says whether a change of this store's schema was committed since the last poll.
class ActualsListener {
public:
    /// DataError for a GeoPackage (nothing to listen to) or when the server cannot be reached.
    explicit ActualsListener(const DataLocation& where);
    ~ActualsListener();
    ActualsListener(const ActualsListener&) = delete;
    ActualsListener& operator=(const ActualsListener&) = delete;
    int socket() const;
    /// DataError when the connection was lost.
    bool poll();

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

/// The figures that count: withdrawn rows dropped, and of several figures for one target, year and measure the
/// latest by figure date (then by entry). The others are history.
std::vector<Actual> currentActuals(const std::vector<Actual>& all);

enum class Status { Met, NotMet, OnTrack, Behind, NoFigure, Undetermined };
const char* statusId(Status s);      ///< met, not_met, on_track, behind, no_figure, undetermined
const char* statusLabel(Status s);   ///< 达标, 未达标, 进度正常, 进度滞后, 无数据, 无法判定
const char* statusLabelEn(Status s); ///< met, not met, on track, behind, no figure, undetermined

struct TargetProgress {
    const Target* target = nullptr;
    TargetKind kind = TargetKind::Level;
    Status status = Status::NoFigure;
    std::optional<double> actual;   ///< the compared value in the target's unit (sum, growth, level)
    std::optional<double> expected; ///< on the path (interim years): the value expected by figureYear
    int figureYear = 0;             ///< the year of the figures compared (0: none)
    std::string rule, ruleEn;       ///< the rule and its inputs, e.g. "≈ 60 %（±0.5 个百分点）：实际 59.7 % 在 59.5–60.5 之内"
    std::vector<Actual> inputs;     ///< the figures used
    std::string sources() const;    ///< the inputs' sources, distinct, joined by "; "
};

struct ProgressOptions {
    int asOfYear = 0;  ///< only figures for years ≤ this (0: all)
};

/// The status of each target of plan (in the plan's order), from the current actuals. A figure counts for every
/// target of its target's series (the same scope and indicator: t001 and t002, 城镇化率 2023 and 2025).
std::vector<TargetProgress> evaluate(const PlanData& plan, const std::vector<Actual>& current, const MonitoringRules& rules,
                                     const ProgressOptions& options = {});

/// Counts of a set of statuses (a scope, a chapter, the whole plan).
struct ProgressCount {
    int targets = 0, met = 0, notMet = 0, onTrack = 0, behind = 0, noFigure = 0, undetermined = 0;
    int withFigure() const { return targets - noFigure; }
    double shareMet() const { return targets ? double(met) / targets : 0; }
    void add(Status s);
};

/// Per scope ("province:guizhou", "city:zunyi", "zone:gy_core", "corridor:…"), in the order first met.
std::vector<std::pair<std::string, ProgressCount>> countByScope(const std::vector<TargetProgress>& progress);
/// Per chapter of each document ("GZ2023 四", the clause's first part).
std::vector<std::pair<std::string, ProgressCount>> countByChapter(const std::vector<TargetProgress>& progress);

/// A target's scope by name: 贵州省, 遵义, 黔中城市群 … (English with english); the id when unknown.
std::string scopeName(const PlanData& plan, const std::string& kind, const std::string& id, bool english);

// ---- getting figures in and out -----------------------------------------------------------------------------------

/// The template sent to a statistics colleague: one row per target (of `targets`), its indicator, scope, unit,
/// comparator, value, year, kind and clause, and the columns to fill (year prefilled, actual_value, actual_unit
/// prefilled with the target's unit, measure "value", figure_date, source, note). CSV (UTF-8) or XLSX by extension,
/// through GDAL, written to a temporary file and renamed.
void writeActualsTemplate(const PlanData& plan, const std::vector<const Target*>& targets, const std::filesystem::path& out);

/// The columns read from a filled file: required and optional.
inline const std::vector<std::string>& actualsRequiredColumns()
{
    static const std::vector<std::string> k{"target_id", "year", "actual_value", "actual_unit", "figure_date", "source"};
    return k;
}

struct ImportProblem {
    int row = 0;  ///< the file's row (1: the header; 0: the whole file)
    std::string column, message;
    std::string messageZh;  ///< the message in Chinese (the window's); empty for the file's own problems (the CLI's English)
};

struct ImportResult {
    std::vector<Actual> good;
    std::vector<ImportProblem> problems;
    int rows = 0;      ///< data rows read
    int blank = 0;     ///< rows without an actual value (a template row not filled)
    std::string encoding;  ///< UTF-8 or GBK
    std::string fingerprint;  ///< of the bytes read (fileFingerprint): an import checks before it commits that the file still has them
};

/// The size and a hash of a file's bytes; empty when it cannot be read.
std::string fileFingerprint(const std::filesystem::path& file);

struct ImportOptions {
    std::string sheet;     ///< XLSX: the sheet (default: the only one, or "actuals")
    std::string encoding;  ///< CSV: "" (UTF-8, a GBK file is refused naming its first non-UTF-8 row) or GBK
};

/// Reads and checks every row of a filled file (CSV or XLSX, through GDAL): known target (by target_id, or by
/// scope_kind, scope_id and indicator when target_id is blank), numeric value, unit
/// equal or convertible to the target's, a known measure that fits the target's kind, a year in the target
/// document's period, a date, a source, no duplicate row in the file or in the store's current figures. A file
/// that cannot be read or lacks a column throws DataError; row problems are listed in the result.
ImportResult readActualsFile(const std::filesystem::path& file, const ImportOptions& options, const PlanData& plan,
                             const MonitoringRules& rules, const std::vector<Actual>& current);

/// Checks one figure as readActualsFile checks a row (for `actuals set` and the window); empty when it is good.
std::vector<ImportProblem> checkActual(const Actual& a, const PlanData& plan, const MonitoringRules& rules,
                                       const std::vector<Actual>& current);

}  // namespace layers
