#include <gtest/gtest.h>

#include <random>

#include "geo/projection.h"
#include "layers/plan_query.h"
#include "plan_test_data.h"

namespace {
const layers::PlanQuery& query()
{
    static const layers::PlanQuery q(test::geography(), test::plan());
    return q;
}

std::set<std::string> classesOf(const std::string& name)
{
    std::set<std::string> out;
    const auto lookup = query().findCounty(name);
    if (lookup.county)
        for (const auto* m : query().county(*lookup.county).classes)
            out.insert(m->classId);
    return out;
}
}  // namespace

TEST(PlanQuery, FindsCountiesByEveryKindOfName)
{
    for (const char* name : {"盘州市", "盘州", "盘县", "520281", "520222"}) {
        const auto lookup = query().findCounty(name);
        ASSERT_NE(lookup.county, nullptr) << name;
        EXPECT_EQ(lookup.county->code, "520281") << name;
    }
    EXPECT_EQ(query().findCounty("威宁彝族回族苗族自治县").county->code, "520526");
    EXPECT_EQ(query().findCounty("威宁彝族").county->code, "520526");  // a unique part of a name
}

TEST(PlanQuery, AmbiguousAndUnknownNames)
{
    const auto ambiguous = query().findCounty("山");
    EXPECT_EQ(ambiguous.county, nullptr);
    EXPECT_GE(ambiguous.candidates.size(), 3u);  // 钟山区, 万山区, 观山湖区, 独山县 …
    const auto unknown = query().findCounty("盘洲");
    EXPECT_EQ(unknown.county, nullptr);
    ASSERT_FALSE(unknown.suggestions.empty());
    EXPECT_EQ(unknown.suggestions.front()->code, "520281");
    EXPECT_TRUE(query().findCounty("Springfield").suggestions.empty() || query().findCounty("Springfield").county == nullptr);
}

TEST(PlanQuery, CountyReportsHoldAllTheirClasses)
{
    EXPECT_EQ(classesOf("盘州"), (std::set<std::string>{"regional_pivot", "specialized"}));
    EXPECT_EQ(classesOf("黔西"), (std::set<std::string>{"node_city", "satellite"}));
    EXPECT_EQ(classesOf("湄潭"), (std::set<std::string>{"node_city", "satellite"}));
    EXPECT_TRUE(classesOf("南明区").empty());
    for (const auto* m : query().county(*query().findCounty("仁怀").county).classes)
        if (m->classId == "satellite") {
            EXPECT_EQ(m->orbit, "zunyi");
        }
}

TEST(PlanQuery, CountyReportsZonesCentralCityAndTargets)
{
    const auto report = query().county(*query().findCounty("清镇").county);
    std::map<std::string, std::string> zones;
    for (const auto* m : report.zones)
        zones[m->zoneId] = m->extent;
    EXPECT_EQ(zones["qianzhong_agglomeration"], "full");
    EXPECT_EQ(zones["guian_new_area"], "partial");
    EXPECT_EQ(zones["gy_one_city_three_counties"], "full");
    ASSERT_FALSE(report.centralCities.empty());
    EXPECT_EQ(report.centralCities.front()->cityId, "guiyang_guian");
    // 贵阳贵安's population target applies to its districts.
    bool population = false;
    for (const auto* t : report.targets)
        population = population || (t->scopeId == "guiyang_guian" && t->indicator.find("常住人口") != std::string::npos && t->year == 2025);
    EXPECT_TRUE(population);
    EXPECT_GT(report.provinceTargets, 20u);
}

TEST(PlanQuery, ClassOverlapMatrixIsSymmetricWithSizesOnTheDiagonal)
{
    const auto m = query().classOverlap();
    const auto& classes = test::plan().classes;
    ASSERT_EQ(m.size(), classes.size());
    for (std::size_t i = 0; i < m.size(); ++i) {
        EXPECT_EQ(m[i][i], classes[i].expectedCount) << classes[i].id;
        for (std::size_t j = 0; j < m.size(); ++j)
            EXPECT_EQ(m[i][j], m[j][i]);
    }
}

TEST(PlanQuery, WhereFindsTheCountyOrSaysOutside)
{
    const layers::County* c = query().countyAt({106.71, 26.57});
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->name, "南明区");
    EXPECT_EQ(query().countyAt({113.26, 23.13}), nullptr);  // Guangzhou
    // Every seat identifies its own county.
    for (const auto& county : test::geography().counties)
        EXPECT_EQ(query().countyAt(county.seat), &county) << county.name;
    // A Gauss-Kruger point (EPSG:4545, CM 108°E) goes back to lon/lat first.
    geo::Point p{106.71, 26.57};
    geo::Projection gk(geo::crs::kCgcs2000, "EPSG:4545");
    gk.forward(p);
    geo::Projection back("EPSG:4545", geo::crs::kCgcs2000);
    back.forward(p);
    EXPECT_EQ(query().countyAt(p)->name, "南明区");
}

TEST(PlanQuery, TargetsFilterByScope)
{
    const auto province = query().targets("province", "");
    const auto all = query().targets("", "");
    EXPECT_GT(province.size(), 20u);
    EXPECT_LT(province.size(), all.size());
    for (const auto* t : query().targets("city", "zunyi"))
        EXPECT_EQ(t->scopeId, "zunyi");
    EXPECT_FALSE(query().targets("city", "zunyi").empty());
}

TEST(PlanQuery, EditDistanceCountsCharactersNotBytes)
{
    EXPECT_EQ(layers::editDistance("盘州", "盘洲"), 1u);
    EXPECT_EQ(layers::editDistance("盘州市", "盘州"), 1u);
    EXPECT_EQ(layers::editDistance("", "贵阳"), 2u);
}

TEST(PlanQuery, BatchLocationEqualsOnePointAtATimeAndTheExactTest)
{
    const layers::PlanQuery q(test::geography(), test::plan());
    const geo::Box b = test::geography().bounds();
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> x(b.minX - 0.1, b.maxX + 0.1), y(b.minY - 0.1, b.maxY + 0.1);
    std::vector<geo::Point> points(20000);
    for (auto& p : points)
        p = {x(rng), y(rng)};
    const std::vector<int> batch = q.countiesAt(points);
    const auto& counties = test::geography().counties;
    int inside = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const layers::County* one = q.countyAt(points[i]);
        ASSERT_EQ(one ? static_cast<int>(one - counties.data()) : -1, batch[i]);
        int exact = -1;
        for (std::size_t k = 0; k < counties.size() && exact < 0; ++k)
            if (geo::contains(counties[k].shape, points[i]))
                exact = static_cast<int>(k);
        ASSERT_EQ(batch[i], exact) << points[i].x << " " << points[i].y;
        inside += exact >= 0;
    }
    EXPECT_GT(inside, 8000);
}

TEST(PlanQuery, ResolvesEveryKindOfObjectByIdChineseNameAndAlias)
{
    using layers::PlanKind;
    const auto id = [](const std::string& text, PlanKind kind) {
        const auto lookup = query().resolve(text, {kind});
        return lookup.one() ? lookup.one()->id : "<" + lookup.problem(text, {kind}) + ">";
    };
    EXPECT_EQ(id("satellite", PlanKind::CountyClass), "satellite");
    EXPECT_EQ(id("大城市周边县城", PlanKind::CountyClass), "satellite");
    EXPECT_EQ(id("卫星县城", PlanKind::CountyClass), "satellite");  // the document's other name (aliases column)
    EXPECT_EQ(id("卫星", PlanKind::CountyClass), "satellite");      // a part of a name
    EXPECT_EQ(id("SATELLITE", PlanKind::CountyClass), "satellite");  // ASCII case ignored
    EXPECT_EQ(id("贵安新区", PlanKind::Zone), "guian_new_area");
    EXPECT_EQ(id("Gui'an New Area", PlanKind::Zone), "guian_new_area");
    EXPECT_EQ(id("遵义", PlanKind::CentralCity), "zunyi");
    EXPECT_EQ(id("遵义市", PlanKind::Prefecture), "5203");
    EXPECT_EQ(id("盘县", PlanKind::County), "520281");  // the old name
    EXPECT_EQ(id("520222", PlanKind::County), "520281");  // the old code
}

TEST(PlanQuery, ResolveSaysWhatElseANameMeansAndSuggests)
{
    using layers::PlanKind;
    // 遵义 is no county: the prefecture and the central city are named, never an unrelated county.
    auto lookup = query().resolve("遵义", {PlanKind::County});
    EXPECT_EQ(lookup.one(), nullptr);
    std::set<std::string> other;
    for (const auto& o : lookup.otherKinds)
        other.insert(o.id);
    EXPECT_EQ(other, (std::set<std::string>{"5203", "zunyi"}));
    const std::string problem = lookup.problem("遵义", {PlanKind::County});
    EXPECT_NE(problem.find("prefecture 遵义市"), std::string::npos) << problem;
    EXPECT_EQ(problem.find("兴义"), std::string::npos) << problem;
    // Two zones share 贵安: ambiguous, both listed.
    lookup = query().resolve("贵安", {PlanKind::Zone});
    EXPECT_EQ(lookup.matches.size(), 2u);
    EXPECT_NE(lookup.problem("贵安", {PlanKind::Zone}).find("ambiguous"), std::string::npos);
    // A typo: the nearest name; nothing close among the six classes: all six to choose from.
    lookup = query().resolve("盘洲", {PlanKind::County});
    ASSERT_EQ(lookup.suggestions.size(), 1u);
    EXPECT_EQ(lookup.suggestions.front().id, "520281");
    lookup = query().resolve("capital", {PlanKind::CountyClass});
    EXPECT_TRUE(lookup.everyOne);
    EXPECT_EQ(lookup.suggestions.size(), 6u);
    EXPECT_TRUE(query().resolve("", {PlanKind::Zone}).matches.empty());
}
