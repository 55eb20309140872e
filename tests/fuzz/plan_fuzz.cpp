// Fuzz target: the plan tables as `gzplan check` and the GeoPackage build read them. The first byte picks a table
// of share/plan; the rest replaces that table in a copy of the real plan folder, so every other table stays valid
// and the fuzzed one meets the real cross-references. Runs PlanData::load (GDAL's CSV driver through
// readCsvRows), checkPlan against the real geography and documents, and, when the check passes as in
// `gzplan check`, buildPlanGeometry with readZoneShapes. DataError is the expected refusal; anything else escaping,
// a crash, a sanitizer report or a hang is a finding.

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include "fuzz_support.h"
#include "layers/errors.h"
#include "layers/geography.h"
#include "layers/plan.h"
#include "layers/plan_check.h"
#include "layers/plan_geometry.h"

namespace {

// New tables go at the end, so the first byte of the seeds and regressions still picks the table it was written for.
constexpr std::array<const char*, 13> kTables{"documents", "county_classes", "class_members", "central_cities", "central_city_members",
                                              "zones",     "zone_members",   "corridors",     "places",         "targets",
                                              "zone_shapes", "statements",   "relations"};

struct Fixture {
    std::filesystem::path planDir = fuzz::tempDir() / "plan";
    layers::Geography geography = layers::Geography::load(GZ_FUZZ_GEOPACKAGE);
    std::map<std::string, std::string> documents;

    Fixture()
    {
        fuzz::quietGdal();
        fuzz::clearDir(planDir);
        // Every table of the plan folder (the fuzzed ones and those that are not, such as the glossary and the English names), so a
        // table added to the plan cannot leave the copy incomplete.
        for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(GZ_FUZZ_SHARE_DIR) / "plan"))
            if (entry.path().extension() == ".csv")
                std::filesystem::copy_file(entry.path(), planDir / entry.path().filename());
        documents = layers::readDocuments(std::filesystem::path(GZ_FUZZ_SHARE_DIR) / "documents", layers::PlanData::load(planDir));
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static Fixture f;
    if (size < 1)
        return 0;
    const std::string table = kTables[data[0] % kTables.size()];
    const std::filesystem::path file = f.planDir / (table + ".csv");
    const std::filesystem::path original = std::filesystem::path(GZ_FUZZ_SHARE_DIR) / "plan" / (table + ".csv");
    fuzz::writeFile(file, std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
    try {
        const layers::PlanData plan = layers::PlanData::load(f.planDir);
        const auto issues = layers::checkPlan(plan, f.geography, f.documents);
        for (const auto& i : issues)
            if (i.where.empty() && i.message.empty())
                __builtin_trap();  // an issue must say something
        if (issues.empty())
            layers::buildPlanGeometry(plan, f.geography, layers::readZoneShapes(f.planDir / "zone_shapes.csv"));
    } catch (const layers::DataError& e) {
        fuzz::refused(e);
    }
    std::filesystem::copy_file(original, file, std::filesystem::copy_options::overwrite_existing);
    return 0;
}
