// gzplan-prepare: builds the GeoPackage from the unpacked npm packages and the plan tables. Run by the build.
//   gzplan-prepare --npm <dir> --share <dir> --rivers <dir> --out <file.gpkg>
// Exits 1, writing nothing, when the geography or the plan fails validation; messages name the file and line.

#include <cstring>
#include <iostream>

#include "layers/errors.h"
#include "layers/geography_builder.h"
#include "layers/neighbour_seats.h"
#include "layers/plan.h"
#include "layers/plan_check.h"
#include "layers/plan_geometry.h"
#include "layers/plan_store.h"

int main(int argc, char** argv)
{
    layers::BuildInputs inputs;
    std::filesystem::path out;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--npm")) inputs.npmDir = argv[i + 1];
        else if (!std::strcmp(argv[i], "--share")) inputs.shareDir = argv[i + 1];
        else if (!std::strcmp(argv[i], "--rivers")) inputs.riversDir = argv[i + 1];
        else if (!std::strcmp(argv[i], "--out")) out = argv[i + 1];
    }
    if (inputs.npmDir.empty() || inputs.shareDir.empty() || inputs.riversDir.empty() || out.empty()) {
        std::cerr << "usage: gzplan-prepare --npm <dir> --share <dir> --rivers <dir> --out <file.gpkg>\n";
        return 2;
    }
    try {
        layers::BuildResult result = layers::buildGeography(inputs);
        std::cout << layers::describe(result);
        if (!result.issues.empty()) {
            std::cerr << "gzplan-prepare: " << result.issues.size() << " geography problem(s); " << out.string() << " not written\n";
            return 1;
        }
        const std::filesystem::path planDir = inputs.shareDir / "plan";
        const layers::PlanData plan = layers::PlanData::load(planDir);
        // The seats outside Guizhou that corridors end at, read for the nodes the plan names.
        const layers::NeighbourSeatsRead seats = layers::readNeighbourSeats(inputs.npmDir, plan, result.geography);
        for (const auto& problem : seats.problems)
            std::cerr << planDir.string() << "/" << problem.where << ": " << problem.message << "\n";
        if (!seats.problems.empty()) {
            std::cerr << "gzplan-prepare: " << seats.problems.size() << " neighbouring seat(s) not found; " << out.string() << " not written\n";
            return 1;
        }
        result.geography.neighbourSeats = seats.seats;
        layers::recordNeighbourSeatSources(result.geography, seats);
        std::cout << "neighbouring seats: " << seats.seats.size() << "\n";
        const auto documents = layers::readDocuments(inputs.shareDir / "documents", plan);
        const auto issues = layers::checkPlan(plan, result.geography, documents);
        for (const auto& issue : issues)
            std::cerr << planDir.string() << "/" << issue.where << ": " << issue.message << "\n";
        if (!issues.empty()) {
            std::cerr << "gzplan-prepare: " << issues.size() << " plan data problem(s); " << out.string() << " not written\n";
            return 1;
        }
        const auto shapes = layers::readZoneShapes(planDir / "zone_shapes.csv");
        const layers::PlanGeometry geometry = layers::buildPlanGeometry(plan, result.geography, shapes);
        layers::saveGeoPackage(out, result.geography, planDir, geometry);
        std::cout << "plan: " << plan.classes.size() << " classes (" << plan.classMembers.size() << " memberships), " << plan.centralCities.size()
                  << " central cities, " << plan.zones.size() << " zones, " << plan.corridors.size() << " corridors, " << plan.places.size()
                  << " places, " << plan.targets.size() << " targets\n";
        std::cout << "wrote " << out.string() << "\n";
    } catch (const std::exception& e) {
        std::cerr << "gzplan-prepare: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
