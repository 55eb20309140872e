// Monitoring: the status rules (each comparator, the band of 左右 at its edges, cumulative, growth, average growth,
// yearly average, the path of interim years), units, the figures that count, the store's changes and undo, and the
// checked import (every bad-input case). All figures here are SYNTHETIC test values, not statistics.

#include <gtest/gtest.h>

#include <fstream>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "layers/errors.h"
#include "layers/monitoring.h"
#include "plan_test_data.h"

namespace {

using layers::Actual;
using layers::Status;

const layers::MonitoringRules& rules()
{
    static const layers::MonitoringRules r = layers::MonitoringRules::load(std::filesystem::path(GZ_TEST_SHARE_DIR) / "monitoring");
    return r;
}

layers::Target target(std::string id, std::string indicator, double value, std::string unit, std::string comparator, int year,
                      std::string source = "GZ2023")
{
    layers::Target t;
    t.id = std::move(id);
    t.scopeKind = "province";
    t.scopeId = "guizhou";
    t.indicator = std::move(indicator);
    t.value = value;
    t.unit = std::move(unit);
    t.comparator = std::move(comparator);
    t.year = year;
    t.provenance.source = std::move(source);
    t.provenance.clause = "二";
    return t;
}

Actual figure(std::string id, int year, double value, std::string unit, std::string measure = "value", std::string date = "")
{
    Actual a;
    static long long next = 1;
    a.id = next++;
    a.targetId = std::move(id);
    a.year = year;
    a.value = value;
    a.valueText = std::to_string(value);
    a.unit = std::move(unit);
    a.measure = std::move(measure);
    a.figureDate = date.empty() ? std::to_string(year + 1) + "-03" : date;
    a.source = "SYNTHETIC";
    return a;
}

layers::TargetProgress one(const layers::Target& t, const std::vector<Actual>& figures, int asOf = 0,
                           const layers::MonitoringRules& r = rules())
{
    layers::PlanData plan;
    plan.targets = {t};
    auto p = layers::evaluate(plan, layers::currentActuals(figures), r, {asOf});
    EXPECT_EQ(p.size(), 1u);
    p.front().target = nullptr;  // points into the local plan
    return p.front();
}

Status status(const layers::Target& t, const std::vector<Actual>& figures, int asOf = 0) { return one(t, figures, asOf).status; }

TEST(MonitoringRules, ShippedTablesLoadAndSayWhatTheyAre)
{
    ASSERT_NE(rules().period("GZ2023"), nullptr);
    EXPECT_EQ(rules().period("GZ2023")->baseYear, 2022);
    EXPECT_EQ(rules().period("GZ2023")->endYear, 2025);
    EXPECT_EQ(rules().period("GY2025")->basis, "assumed");
    EXPECT_EQ(*rules().convert(180, "万人", "人"), 1800000);
    EXPECT_DOUBLE_EQ(*rules().convert(0.6, "ratio", "%"), 60);
    EXPECT_EQ(*rules().convert(12, "千米", "公里"), 12);
    EXPECT_FALSE(rules().convert(1, "万人", "%"));
    EXPECT_FALSE(rules().convert(1, "unknown-unit", "%"));
}

TEST(MonitoringStatus, GreaterOrEqualMeetsAtTheValueAndNotBelow)
{
    const auto t = target("x", "常住人口城镇化率", 56, "%", "≥", 2023);
    EXPECT_EQ(status(t, {figure("x", 2023, 56, "%")}), Status::Met);
    EXPECT_EQ(status(t, {figure("x", 2023, 55.99, "%")}), Status::NotMet);
    EXPECT_EQ(status(t, {figure("x", 2023, 70, "%")}), Status::Met);
    const auto p = one(t, {figure("x", 2023, 55.99, "%")});
    EXPECT_NE(p.rule.find("55.99 % < 56 %"), std::string::npos) << p.rule;
    EXPECT_NE(p.ruleEn.find("not met"), std::string::npos) << p.ruleEn;
}

TEST(MonitoringStatus, LessOrEqualMeetsAtTheValueAndNotAbove)
{
    const auto t = target("x", "亿元生产总值生产安全事故死亡率", 0.05, "人", "≤", 2023);
    EXPECT_EQ(status(t, {figure("x", 2023, 0.05, "人")}), Status::Met);
    EXPECT_EQ(status(t, {figure("x", 2023, 0.04, "人")}), Status::Met);
    EXPECT_EQ(status(t, {figure("x", 2023, 0.0501, "人")}), Status::NotMet);
}

TEST(MonitoringStatus, AboutUsesTheBandOfTheTolerancesTableAtItsEdges)
{
    // %: ±0.5 percentage point; above the band counts as met (above_is_met = yes)
    const auto t = target("x", "常住人口城镇化率", 60, "%", "≈", 2025);
    EXPECT_EQ(status(t, {figure("x", 2025, 59.5, "%")}), Status::Met);
    EXPECT_EQ(status(t, {figure("x", 2025, 59.49, "%")}), Status::NotMet);
    EXPECT_EQ(status(t, {figure("x", 2025, 60.5, "%")}), Status::Met);
    EXPECT_EQ(status(t, {figure("x", 2025, 63, "%")}), Status::Met);
    EXPECT_NE(one(t, {figure("x", 2025, 59.49, "%")}).rule.find("59.5–60.5"), std::string::npos);
    // other units: ±2% of the value
    const auto u = target("y", "新增城区常住人口", 20, "万人", "≈", 2023);
    EXPECT_EQ(status(u, {figure("y", 2023, 19.6, "万人")}), Status::Met);
    EXPECT_EQ(status(u, {figure("y", 2023, 19.59, "万人")}), Status::NotMet);
    // the band is data: a changed table changes the answer
    layers::MonitoringRules strict = rules();
    for (auto& band : strict.tolerances)
        band.aboveIsMet = false;
    EXPECT_EQ(one(t, {figure("x", 2025, 63, "%")}, 0, strict).status, Status::NotMet);
    EXPECT_EQ(one(t, {figure("x", 2025, 60.4, "%")}, 0, strict).status, Status::Met);
}

TEST(MonitoringStatus, EqualsIsReadAsReached)
{
    const auto t = target("x", "背街小巷改造", 1619, "条", "=", 2023);
    EXPECT_EQ(status(t, {figure("x", 2023, 1619, "条")}), Status::Met);
    EXPECT_EQ(status(t, {figure("x", 2023, 1700, "条")}), Status::Met);
    EXPECT_EQ(status(t, {figure("x", 2023, 1618, "条")}), Status::NotMet);
}

TEST(MonitoringStatus, UnitsConvertToTheTargetsUnit)
{
    const auto t = target("x", "城区常住人口", 180, "万人", "≥", 2025);
    const auto p = one(t, {figure("x", 2025, 1810000, "人")});
    EXPECT_EQ(p.status, Status::Met);
    EXPECT_DOUBLE_EQ(*p.actual, 181);
    EXPECT_NE(p.rule.find("1810000 人"), std::string::npos) << p.rule;
    EXPECT_EQ(status(target("r", "比率", 60, "%", "≥", 2025), {figure("r", 2025, 0.59, "ratio")}), Status::NotMet);
}

TEST(MonitoringStatus, CumulativeComparesTheSumOfAnnualFiguresOrTheTotal)
{
    const auto t = target("c", "城镇累计新增就业", 160, "万人", "≥", 2025);
    EXPECT_EQ(layers::targetKind(t), layers::TargetKind::Cumulative);
    EXPECT_EQ(status(t, {figure("c", 2023, 50, "万人", "annual"), figure("c", 2024, 50, "万人", "annual"), figure("c", 2025, 60, "万人", "annual")}),
              Status::Met);
    EXPECT_EQ(status(t, {figure("c", 2023, 50, "万人", "annual"), figure("c", 2024, 50, "万人", "annual"), figure("c", 2025, 59, "万人", "annual")}),
              Status::NotMet);
    EXPECT_EQ(status(t, {figure("c", 2025, 161, "万人")}), Status::Met);
    const auto gap = one(t, {figure("c", 2023, 50, "万人", "annual"), figure("c", 2025, 60, "万人", "annual")});
    EXPECT_EQ(gap.status, Status::Undetermined);
    EXPECT_NE(gap.ruleEn.find("2024"), std::string::npos) << gap.ruleEn;
}

TEST(MonitoringStatus, CumulativeInterimYearsFollowAStraightPathFromTheBaseYear)
{
    const auto t = target("c", "城镇累计新增就业", 150, "万人", "≥", 2025);  // base 2022: 50 a year
    const auto behind = one(t, {figure("c", 2023, 49, "万人", "annual"), figure("c", 2024, 50, "万人", "annual")}, 2024);
    EXPECT_EQ(behind.status, Status::Behind);
    EXPECT_DOUBLE_EQ(*behind.expected, 100);
    EXPECT_EQ(status(t, {figure("c", 2023, 50, "万人", "annual"), figure("c", 2024, 50, "万人", "annual")}, 2024), Status::OnTrack);
    // every figure (no --year): the 2025 target without a 2025 figure is judged by the latest year
    EXPECT_EQ(status(t, {figure("c", 2023, 50, "万人", "annual"), figure("c", 2024, 50, "万人", "annual")}), Status::OnTrack);
    // --year 2025 and no 2025 figure: no figure
    EXPECT_EQ(status(t, {figure("c", 2023, 50, "万人", "annual"), figure("c", 2024, 50, "万人", "annual")}, 2025), Status::NoFigure);
}

TEST(MonitoringStatus, GrowthComparesTheRateOrTheGrowthOfTwoLevels)
{
    const auto t = target("g", "城镇常住居民人均可支配收入增长", 7, "%", "≈", 2023);
    EXPECT_EQ(layers::targetKind(t), layers::TargetKind::Growth);
    EXPECT_EQ(status(t, {figure("g", 2023, 6.6, "%")}), Status::Met);
    EXPECT_EQ(status(t, {figure("g", 2023, 6.4, "%")}), Status::NotMet);
    const auto fromLevels = one(t, {figure("g", 2022, 40000, "元", "level"), figure("g", 2023, 42600, "元", "level")});
    EXPECT_EQ(fromLevels.status, Status::Met);  // 6.5 %: the band's lower edge is in it
    EXPECT_NEAR(*fromLevels.actual, 6.5, 1e-9);
    EXPECT_EQ(status(t, {figure("g", 2022, 40000, "元", "level"), figure("g", 2023, 42590, "元", "level")}), Status::NotMet);  // 6.475 %
    EXPECT_EQ(status(t, {figure("g", 2022, 40000, "元", "level"), figure("g", 2023, 42800, "元", "level")}), Status::Met);  // 7.0 %
    EXPECT_EQ(status(t, {figure("g", 2022, 4, "万元", "level"), figure("g", 2023, 42800, "元", "level")}), Status::Met);
    const auto half = one(t, {figure("g", 2023, 42800, "元", "level")});
    EXPECT_EQ(half.status, Status::Undetermined);
    EXPECT_NE(half.ruleEn.find("2022"), std::string::npos) << half.ruleEn;
}

TEST(MonitoringStatus, AverageGrowthFromLevelsOrAnnualRates)
{
    const auto t = target("a", "全社会研发经费投入年均增长", 12, "%", "≥", 2025);
    EXPECT_EQ(layers::targetKind(t), layers::TargetKind::AverageGrowth);
    EXPECT_EQ(status(t, {figure("a", 2022, 100, "亿元", "level"), figure("a", 2025, 141, "亿元", "level")}), Status::Met);
    EXPECT_EQ(status(t, {figure("a", 2022, 100, "亿元", "level"), figure("a", 2025, 140, "亿元", "level")}), Status::NotMet);
    const auto rates = one(t, {figure("a", 2023, 10, "%", "annual"), figure("a", 2024, 14, "%", "annual"), figure("a", 2025, 12, "%", "annual")});
    EXPECT_NEAR(*rates.actual, (std::cbrt(1.10 * 1.14 * 1.12) - 1) * 100, 1e-9);
    EXPECT_EQ(rates.status, Status::NotMet);  // 11.99…: the geometric mean is below the arithmetic one
}

TEST(MonitoringStatus, YearlyAverageIsTheMeanOfTheYears)
{
    const auto t = target("y", "年均引进国内外优强企业", 1600, "家", "≥", 2025);
    EXPECT_EQ(layers::targetKind(t), layers::TargetKind::AnnualAverage);
    EXPECT_EQ(status(t, {figure("y", 2023, 1500, "家", "annual"), figure("y", 2024, 1700, "家", "annual"), figure("y", 2025, 1600, "家", "annual")}),
              Status::Met);
    EXPECT_EQ(status(t, {figure("y", 2023, 1500, "家", "annual"), figure("y", 2024, 1690, "家", "annual"), figure("y", 2025, 1600, "家", "annual")}),
              Status::NotMet);
}

TEST(MonitoringStatus, LevelInterimYearsNeedABaselineForThePath)
{
    const auto t = target("l", "常住人口城镇化率", 60, "%", "≥", 2025);  // 2022 → 2025
    EXPECT_EQ(status(t, {figure("l", 2022, 54, "%"), figure("l", 2024, 58, "%")}), Status::OnTrack);   // the path: 58 in 2024
    EXPECT_EQ(status(t, {figure("l", 2022, 54, "%"), figure("l", 2024, 57.9, "%")}), Status::Behind);
    EXPECT_EQ(status(t, {figure("l", 2024, 61, "%")}), Status::OnTrack);                                // already meets it
    const auto noBase = one(t, {figure("l", 2024, 58, "%")});
    EXPECT_EQ(noBase.status, Status::Undetermined);
    EXPECT_NE(noBase.ruleEn.find("2022"), std::string::npos) << noBase.ruleEn;
    EXPECT_EQ(status(t, {}), Status::NoFigure);
    EXPECT_EQ(status(t, {figure("l", 2022, 54, "%")}), Status::NoFigure);  // a baseline alone is no progress
}

TEST(MonitoringFigures, TheLatestByDateCountsAndWithdrawnOnesDoNot)
{
    const auto t = target("x", "常住人口城镇化率", 56, "%", "≥", 2023);
    Actual preliminary = figure("x", 2023, 55, "%", "value", "2024-01");
    Actual final = figure("x", 2023, 57, "%", "value", "2024-09");
    EXPECT_EQ(status(t, {final, preliminary}), Status::Met);  // entered in either order
    EXPECT_EQ(status(t, {preliminary, final}), Status::Met);
    final.withdrawn = true;
    EXPECT_EQ(status(t, {preliminary, final}), Status::NotMet);
    EXPECT_EQ(layers::currentActuals({preliminary, final}).size(), 1u);
}

TEST(MonitoringFigures, AFigureServesEveryTargetOfItsSeries)
{
    // t001 and t002: 城镇化率 of the province, 2023 (≥ 56) and 2025 (≈ 60). SYNTHETIC figures entered for t001 only.
    layers::PlanData plan;
    plan.targets = {target("t001", "常住人口城镇化率", 56, "%", "≥", 2023), target("t002", "常住人口城镇化率", 60, "%", "≈", 2025),
                    target("t003", "户籍人口城镇化率", 50, "%", "≥", 2025)};
    const auto p = layers::evaluate(plan, {figure("t001", 2022, 54, "%"), figure("t001", 2023, 56.5, "%")}, rules());
    EXPECT_EQ(p[0].status, Status::Met);
    EXPECT_EQ(p[1].status, Status::OnTrack);  // 2023 on the path 54 → 60: 56 expected, 56.5 actual
    EXPECT_EQ(p[1].figureYear, 2023);
    EXPECT_EQ(p[2].status, Status::NoFigure);  // another indicator
}

TEST(MonitoringFigures, KindsOfTheShippedTargets)
{
    std::map<std::string, layers::TargetKind> kinds;
    for (const auto& t : test::plan().targets)
        kinds[t.id] = layers::targetKind(t);
    EXPECT_EQ(kinds["t001"], layers::TargetKind::Level);
    EXPECT_EQ(kinds["t023"], layers::TargetKind::Cumulative);
    EXPECT_EQ(kinds["t053"], layers::TargetKind::Growth);
    EXPECT_EQ(kinds["t135"], layers::TargetKind::AverageGrowth);
    EXPECT_EQ(kinds["t132"], layers::TargetKind::AnnualAverage);
    // every shipped target's document has a period, and every year lies in it
    for (const auto& t : test::plan().targets) {
        const layers::Period* p = rules().period(t.provenance.source);
        ASSERT_NE(p, nullptr) << t.id;
        EXPECT_GE(t.year, p->startYear) << t.id;
        EXPECT_LE(t.year, p->endYear) << t.id;
    }
}

// ---- the store ---------------------------------------------------------------------------------------------------

struct TempDir {
    std::filesystem::path path;
    TempDir()
    {
        path = std::filesystem::temp_directory_path() / ("gz-monitoring-" + std::to_string(::getpid()) + "-" +
                                                          std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
};

TEST(ActualsStore, ChangesUndoAndRedo)
{
    TempDir dir;
    const auto file = dir.path / "store.gpkg";
    EXPECT_THROW(layers::ActualsStore::open(file, false), layers::DataError);
    layers::ActualsStore store = layers::ActualsStore::open(file, true);
    const long long first = store.add({figure("t001", 2023, 55, "%")}, "import", "a.csv", "tester");
    const long long second = store.add({figure("t001", 2023, 57, "%", "value", "2024-09")}, "set", "t001 2023", "tester");
    auto current = layers::currentActuals(store.actuals());
    ASSERT_EQ(current.size(), 1u);
    EXPECT_EQ(current[0].value, 57);
    EXPECT_EQ(current[0].change, second);
    EXPECT_EQ(current[0].enteredBy, "tester");
    const long long undo = store.undo(0, "tester");  // the latest: the set
    current = layers::currentActuals(store.actuals());
    ASSERT_EQ(current.size(), 1u);
    EXPECT_EQ(current[0].value, 55);
    EXPECT_EQ(store.actuals().size(), 2u);  // nothing deleted
    store.undo(undo, "tester");  // undoing the undo brings the set back
    EXPECT_EQ(layers::currentActuals(store.actuals())[0].value, 57);
    store.undo(0, "tester");
    store.undo(0, "tester");  // now the import too
    EXPECT_TRUE(layers::currentActuals(store.actuals()).empty());
    EXPECT_THROW(store.undo(0, "tester"), layers::DataError);  // nothing left to undo
    EXPECT_THROW(store.undo(first, "tester"), layers::DataError);  // already undone
    EXPECT_THROW(store.undo(999, "tester"), layers::DataError);
}

TEST(ActualsStore, AFailureBeforeCommitLeavesTheStoreAsItWas)
{
    TempDir dir;
    const auto file = dir.path / "store.gpkg";
    layers::ActualsStore store = layers::ActualsStore::open(file, true);
    store.add({figure("t001", 2023, 55, "%")}, "import", "a.csv", "tester");
    std::vector<Actual> many;
    for (int i = 0; i < 500; ++i)
        many.push_back(figure("t002", 2025, 60 + i * 0.001, "%", "value", "2026-01-0" + std::to_string(1 + i % 9)));
    EXPECT_THROW(store.add(many, "import", "b.csv", "tester", [] { throw layers::DataError("b.csv", "changed while importing"); }),
                 layers::DataError);
    EXPECT_EQ(store.actuals().size(), 1u);
    EXPECT_EQ(store.changes().size(), 1u);
}

TEST(ActualsStore, RefusesAGeoPackageThatIsNotAStore)
{
    EXPECT_THROW(
        {
            try {
                layers::ActualsStore::open(GZ_TEST_GEOPACKAGE, false);
            } catch (const layers::DataError& e) {
                EXPECT_NE(std::string(e.what()).find("not a figures' store"), std::string::npos) << e.what();
                throw;
            }
        },
        layers::DataError);
    TempDir dir;
    std::ofstream(dir.path / "x.gpkg") << "not a geopackage";
    EXPECT_THROW(layers::ActualsStore::open(dir.path / "x.gpkg", false), layers::DataError);
}

// ---- the import ----------------------------------------------------------------------------------------------------

const std::string kHeader = "target_id,year,actual_value,actual_unit,measure,figure_date,source,note\n";

layers::ImportResult readCsv(const TempDir& dir, const std::string& text, const std::string& encoding = "",
                             const std::vector<Actual>& current = {})
{
    const auto file = dir.path / "figures.csv";
    std::ofstream(file, std::ios::binary) << text;
    layers::ImportOptions o;
    o.encoding = encoding;
    return layers::readActualsFile(file, o, test::plan(), rules(), current);
}

bool hasProblem(const layers::ImportResult& r, int row, const std::string& column, const std::string& words)
{
    for (const auto& p : r.problems)
        if (p.row == row && p.column == column && p.message.find(words) != std::string::npos)
            return true;
    return false;
}

TEST(ActualsImport, EveryBadRowIsNamedWithItsColumn)
{
    TempDir dir;
    const auto r = readCsv(dir, kHeader +
                                    "t001,2023,57.1,%,value,2024-03,SYNTHETIC yearbook,\n"     // 2 good
                                    "t999,2023,57.1,%,value,2024-03,SYNTHETIC,\n"              // 3 unknown target
                                    "t001,2023,abc,%,value,2024-03,SYNTHETIC,\n"               // 4 not a number
                                    "t001,2023,57,万人,value,2024-03,SYNTHETIC,\n"             // 5 unit of another quantity
                                    "t001,2030,57,%,value,2031-03,SYNTHETIC,\n"                // 6 year outside the period
                                    "t001,2023,57,%,value,2024-03,,\n"                         // 7 no source
                                    "t001,2023,57.1,%,value,2024-03,SYNTHETIC yearbook,\n"     // 8 duplicate of row 2
                                    "t001,2023,57,%,annual,2024-03,SYNTHETIC,\n"               // 9 measure that does not fit
                                    "t001,2023,57,%,value,2024-13,SYNTHETIC,\n"                // 10 not a date
                                    "t001,2023,57,%,value,2022-05,SYNTHETIC,\n"                // 11 dated before its year
                                    "t002,2025,,%,value,,,\n");                                // 12 blank: not filled
    EXPECT_EQ(r.rows, 11);
    EXPECT_EQ(r.blank, 1);
    ASSERT_EQ(r.good.size(), 1u);
    EXPECT_EQ(r.good[0].source, "SYNTHETIC yearbook");
    EXPECT_TRUE(hasProblem(r, 3, "target_id", "unknown target id 't999'"));
    EXPECT_TRUE(hasProblem(r, 4, "actual_value", "not a number"));
    EXPECT_TRUE(hasProblem(r, 5, "actual_unit", "does not convert"));
    EXPECT_TRUE(hasProblem(r, 6, "year", "outside GZ2023's period"));
    EXPECT_TRUE(hasProblem(r, 7, "source", "no source"));
    EXPECT_TRUE(hasProblem(r, 8, "target_id", "duplicate of row 2"));
    EXPECT_TRUE(hasProblem(r, 9, "measure", "annual figures are for"));
    EXPECT_TRUE(hasProblem(r, 10, "figure_date", "not a date"));
    EXPECT_TRUE(hasProblem(r, 11, "figure_date", "before the year"));
    EXPECT_EQ(r.problems.size(), 9u);  // one per bad row
}

TEST(ActualsImport, ARowMayNameItsSeriesInsteadOfATarget)
{
    TempDir dir;
    const auto r = readCsv(dir, "target_id,scope_kind,scope_id,indicator,year,actual_value,actual_unit,figure_date,source\n"
                                ",province,guizhou,常住人口城镇化率,2024,58,%,2025-03,SYNTHETIC\n"
                                ",city,zunyi,城区常住人口,2023,170,万人,2024-03,SYNTHETIC\n"
                                ",city,zunyi,不存在的指标,2023,1,万人,2024-03,SYNTHETIC\n");
    ASSERT_EQ(r.good.size(), 2u);
    EXPECT_EQ(r.good[0].targetId, "t002");  // the 2025 target: the next after 2024
    EXPECT_EQ(r.good[1].targetId, "t089");
    EXPECT_TRUE(hasProblem(r, 4, "indicator", "no target id"));
}

TEST(ActualsImport, AFigureAlreadyInTheStoreIsADuplicate)
{
    TempDir dir;
    const std::string text = kHeader + "t001,2023,57.1,%,value,2024-03,SYNTHETIC,\n";
    const auto first = readCsv(dir, text);
    ASSERT_EQ(first.good.size(), 1u);
    Actual stored = first.good[0];
    stored.change = 4;
    const auto again = readCsv(dir, text, "", {stored});
    EXPECT_TRUE(hasProblem(again, 2, "actual_value", "already in the store (change 4"));
}

TEST(ActualsImport, MissingColumnsAndUnreadableFilesAreRefusedWhole)
{
    TempDir dir;
    try {
        readCsv(dir, "target_id,year,value\nt001,2023,57\n");
        FAIL() << "a sheet without the columns was read";
    } catch (const layers::DataError& e) {
        EXPECT_NE(std::string(e.what()).find("actual_value"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("gzplan actuals template"), std::string::npos) << e.what();
    }
    std::ofstream(dir.path / "x.ods") << "x";
    EXPECT_THROW(layers::readActualsFile(dir.path / "x.ods", {}, test::plan(), rules(), {}), layers::DataError);
}

TEST(ActualsImport, GbkIsReadWithEncodingGbkAndRefusedWithoutIt)
{
    TempDir dir;
    // "贵州统计年鉴2024 表3-5" in GBK: 贵 B9F3 州 D6DD 统 CDB3 计 BCC6 年 C4EA 鉴 BCF8 表 B1ED
    const std::string source = "\xB9\xF3\xD6\xDD\xCD\xB3\xBC\xC6\xC4\xEA\xBC\xF8" "2024 \xB1\xED" "3-5";
    const std::string text = kHeader + "t001,2023,57.1,%,value,2024-03," + source + ",\n";
    try {
        readCsv(dir, text);
        FAIL() << "a GBK file was read as UTF-8";
    } catch (const layers::DataError& e) {
        const std::string m = e.what();
        EXPECT_NE(m.find("row 2 is not UTF-8"), std::string::npos) << m;
        EXPECT_NE(m.find("--encoding GBK"), std::string::npos) << m;
        EXPECT_NE(m.find("贵州统计年鉴"), std::string::npos) << m;
    }
    const auto r = readCsv(dir, text, "GBK");
    ASSERT_EQ(r.good.size(), 1u) << (r.problems.empty() ? "" : r.problems[0].message);
    EXPECT_EQ(r.good[0].source, "贵州统计年鉴2024 表3-5");
    EXPECT_EQ(r.encoding, "GBK");
    // a UTF-8 file with --encoding GBK is refused, not garbled
    EXPECT_THROW(readCsv(dir, kHeader + "t001,2023,57.1,%,value,2024-03,贵州统计年鉴,\n", "GBK"), layers::DataError);
}

TEST(ActualsImport, TemplateRoundTripThroughXlsx)
{
    TempDir dir;
    std::vector<const layers::Target*> targets;
    for (const auto& t : test::plan().targets)
        if (t.scopeKind == "city" && t.year == 2025)
            targets.push_back(&t);
    const auto xlsx = dir.path / "template.xlsx";
    layers::writeActualsTemplate(test::plan(), targets, xlsx);
    ASSERT_TRUE(std::filesystem::exists(xlsx));
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path), {}), 1) << "no temporary left beside it";
    // Fill two rows of the template through GDAL's XLSX driver (as a spreadsheet program would), then import.
    {
        GDALAllRegister();
        GDALDatasetUniquePtr ds(GDALDataset::Open(xlsx.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        ASSERT_TRUE(ds);
        OGRLayer* layer = ds->GetLayerByName("actuals");
        ASSERT_NE(layer, nullptr);
        EXPECT_EQ(layer->GetFeatureCount(), static_cast<GIntBig>(targets.size()));
        int filled = 0;
        std::vector<std::unique_ptr<OGRFeature>> features;
        layer->ResetReading();
        for (auto& f : *layer)
            if (filled < 2) {
                f->SetField("actual_value", std::to_string(f->GetFieldAsDouble("target_value")).c_str());
                f->SetField("figure_date", "2026-03-15");
                f->SetField("source", "SYNTHETIC (合成测试数据)");
                features.emplace_back(f->Clone());
                ++filled;
            }
        for (auto& f : features)
            ASSERT_EQ(layer->SetFeature(f.get()), OGRERR_NONE);
    }
    const auto r = layers::readActualsFile(xlsx, {}, test::plan(), rules(), {});
    EXPECT_TRUE(r.problems.empty()) << r.problems.front().message;
    EXPECT_EQ(r.good.size(), 2u);
    EXPECT_EQ(r.blank, static_cast<int>(targets.size()) - 2);
    EXPECT_EQ(r.good[0].figureDate, "2026-03-15");
    layers::ImportOptions wrongSheet;
    wrongSheet.sheet = "Sheet9";
    EXPECT_THROW(layers::readActualsFile(xlsx, wrongSheet, test::plan(), rules(), {}), layers::DataError);
}

}  // namespace
