// The plan as compiled into the build's GeoPackage.
#include <gtest/gtest.h>

#include "geo/topology.h"
#include "layers/geography_check.h"
#include "layers/plan_geometry.h"
#include "layers/plan_store.h"
#include "plan_test_data.h"

TEST(PlanStore, GeoPackageHoldsTheSameTablesAsTheCsv)
{
    const auto compiled = layers::PlanData::loadGeoPackage(GZ_TEST_GEOPACKAGE);
    const auto& csv = test::plan();
    EXPECT_EQ(compiled.classes.size(), csv.classes.size());
    EXPECT_EQ(compiled.classMembers.size(), csv.classMembers.size());
    EXPECT_EQ(compiled.zones.size(), csv.zones.size());
    EXPECT_EQ(compiled.zoneMembers.size(), csv.zoneMembers.size());
    EXPECT_EQ(compiled.corridors.size(), csv.corridors.size());
    EXPECT_EQ(compiled.places.size(), csv.places.size());
    ASSERT_EQ(compiled.targets.size(), csv.targets.size());
    for (std::size_t i = 0; i < csv.targets.size(); ++i) {
        EXPECT_EQ(compiled.targets[i].id, csv.targets[i].id);
        EXPECT_EQ(compiled.targets[i].quote, csv.targets[i].quote);
        EXPECT_EQ(compiled.targets[i].provenance.where(), csv.targets[i].provenance.where());
    }
}

TEST(PlanGeometry, PartialZonesNeverOwnTheirCountiesWhole)
{
    const auto shapes = layers::readZoneShapes(test::kPlanDir / "zone_shapes.csv");
    const auto g = layers::buildPlanGeometry(test::plan(), test::geography(), shapes);
    geo::Topology topology;
    for (const auto& z : g.zones) {
        ASSERT_FALSE(z.shape.empty()) << z.zone->id;
        EXPECT_TRUE(topology.validity(z.shape).valid) << z.zone->id;
        bool partial = false;
        double membersArea = 0;
        for (const auto& m : test::plan().zoneMembers)
            if (m.zoneId == z.zone->id) {
                partial = partial || m.extent == "partial";
                membersArea += test::geography().county(m.code)->areaKm2;
            }
        const double area = layers::equalAreaKm2(z.shape);
        if (partial) {
            EXPECT_EQ(z.geometryBasis, "assumed") << z.zone->id;
            EXPECT_LT(area, membersArea * 0.6) << z.zone->id << " drawn as (nearly) its whole counties";
        } else {
            EXPECT_NEAR(area, membersArea, membersArea * 0.002) << z.zone->id;
        }
    }
}

TEST(PlanGeometry, CorridorsRunThroughTheirNodesAndPlacesSitInTheirCounty)
{
    const auto g = layers::buildPlanGeometry(test::plan(), test::geography(), layers::readZoneShapes(test::kPlanDir / "zone_shapes.csv"));
    for (const auto& c : g.corridors)
        if (c.corridor->mode == "belt") {
            EXPECT_GE(c.line.size(), 10u) << c.corridor->id;
        }
    for (const auto& p : g.places) {
        const auto* county = test::geography().county(p.place->code);
        ASSERT_NE(county, nullptr) << p.place->id;
        EXPECT_TRUE(geo::contains(county->shape, p.point)) << p.place->id << " not in " << county->name;
    }
    int withPopulation = 0;
    for (const auto& c : g.centralCities)
        withPopulation += c.population2025 > 0;
    EXPECT_EQ(withPopulation, 9) << "every central city has a 2025 population target";
}

TEST(PlanStore, CompiledMapLayersMatchAFreshDerivation)
{
    const auto plan = layers::PlanData::loadGeoPackage(GZ_TEST_GEOPACKAGE);
    const auto stored = layers::loadPlanGeometry(GZ_TEST_GEOPACKAGE, plan);
    const auto fresh = layers::buildPlanGeometry(plan, test::geography(), layers::readZoneShapes(test::kPlanDir / "zone_shapes.csv"));
    ASSERT_EQ(stored.zones.size(), fresh.zones.size());
    for (std::size_t i = 0; i < fresh.zones.size(); ++i) {
        EXPECT_EQ(stored.zones[i].zone->id, fresh.zones[i].zone->id);
        EXPECT_EQ(stored.zones[i].memberCodes, fresh.zones[i].memberCodes);
        EXPECT_EQ(stored.zones[i].geometryBasis, fresh.zones[i].geometryBasis);
        const double a = layers::equalAreaKm2(stored.zones[i].shape), b = layers::equalAreaKm2(fresh.zones[i].shape);
        EXPECT_NEAR(a, b, b * 1e-9) << fresh.zones[i].zone->id;
    }
    ASSERT_EQ(stored.corridors.size(), fresh.corridors.size());
    for (std::size_t i = 0; i < fresh.corridors.size(); ++i) {
        const auto& s = stored.corridors[i];
        const auto& f = fresh.corridors[i];
        // A line of one vertex (a corridor with one node) is stored without geometry.
        ASSERT_EQ(s.line.size(), f.line.size() >= 2 ? f.line.size() : 0u) << f.corridor->id;
        for (std::size_t v = 0; v < s.line.size(); ++v)
            EXPECT_TRUE(s.line[v] == f.line[v]) << f.corridor->id << " vertex " << v;
        EXPECT_EQ(s.startKind, f.startKind) << f.corridor->id;
        EXPECT_EQ(s.endKind, f.endKind) << f.corridor->id;
        EXPECT_EQ(s.geometryNote, f.geometryNote) << f.corridor->id;
    }
    EXPECT_EQ(stored.places.size(), fresh.places.size());
    ASSERT_EQ(stored.centralCities.size(), fresh.centralCities.size());
    for (std::size_t i = 0; i < fresh.centralCities.size(); ++i)
        EXPECT_EQ(stored.centralCities[i].population2025, fresh.centralCities[i].population2025);
}
