#pragma once
// Shared fixtures for app tests: the real geography, projected once.

#include <memory>
#include <stdexcept>

#include "cli/arguments.h"
#include "geo/projection.h"
#include "layers/geography.h"
#include "layers/plan.h"
#include "layers/plan_query.h"
#include "layers/plan_store.h"
#include "layers/plan_geometry.h"
#include "render/map_data.h"
#include "render/map_renderer.h"

namespace test {

inline const layers::Geography& geography()
{
    static const layers::Geography g = layers::Geography::load(GZ_TEST_GEOPACKAGE);
    return g;
}

/// A command line read by the one grammar, as gzplan would read `gzplan <words…>`.
inline app::cli::Arguments arguments(std::vector<std::string> words)
{
    words.insert(words.begin(), "gzplan");
    std::vector<char*> argv;
    for (std::string& w : words)
        argv.push_back(w.data());
    return app::cli::Arguments(app::cli::CommandLine::parse(static_cast<int>(argv.size()), argv.data()));
}

/// The shipped style (share/styles/default.json); a test fails loudly if it does not load.
inline const app::render::Style& style()
{
    static const app::render::Style s = [] {
        app::render::Style loaded;
        QString error;
        if (!app::render::Style::load(GZ_TEST_SHARE_DIR "/styles/default.json", loaded, &error))
            throw std::runtime_error(error.toStdString());
        return loaded;
    }();
    return s;
}

inline std::shared_ptr<const app::render::MapRenderer> renderer()
{
    static std::shared_ptr<const app::render::MapRenderer> r = [] {
        return std::make_shared<app::render::MapRenderer>(app::render::MapData::build(geography(), geo::crs::kAlbersChina), style());
    }();
    return r;
}

inline const layers::PlanData& plan()
{
    static const layers::PlanData p = layers::PlanData::loadGeoPackage(GZ_TEST_GEOPACKAGE);
    return p;
}

inline const layers::PlanQuery& query()
{
    static const layers::PlanQuery q(geography(), plan());
    return q;
}

/// The plan's shapes (zones, corridors, cities) from the test GeoPackage.
inline const layers::PlanGeometry& planGeometry()
{
    static const layers::PlanGeometry g = layers::loadPlanGeometry(GZ_TEST_GEOPACKAGE, plan());
    return g;
}

/// A renderer with the plan's classes, zones, corridors, places and central cities.
inline std::shared_ptr<const app::render::MapRenderer> plannedRenderer()
{
    static std::shared_ptr<const app::render::MapRenderer> r = [] {
        const auto geometry = layers::loadPlanGeometry(GZ_TEST_GEOPACKAGE, plan());
        return std::make_shared<app::render::MapRenderer>(app::render::MapData::build(geography(), plan(), geometry, geo::crs::kAlbersChina), style());
    }();
    return r;
}

}  // namespace test
