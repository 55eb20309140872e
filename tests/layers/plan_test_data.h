#pragma once
// Shared fixtures for plan tests: the shipped plan tables, the built geography, the document texts.

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "layers/geography.h"
#include "layers/plan.h"
#include "layers/plan_check.h"

namespace test {

inline const std::filesystem::path kPlanDir = std::filesystem::path(GZ_TEST_SHARE_DIR) / "plan";
inline const std::filesystem::path kDocumentsDir = std::filesystem::path(GZ_TEST_SHARE_DIR) / "documents";

inline const layers::Geography& geography()
{
    static const layers::Geography g = layers::Geography::load(GZ_TEST_GEOPACKAGE);
    return g;
}

inline const layers::PlanData& plan()
{
    static const layers::PlanData p = layers::PlanData::load(kPlanDir);
    return p;
}

inline const std::map<std::string, std::string>& documents()
{
    static const auto d = layers::readDocuments(kDocumentsDir, plan());
    return d;
}

inline std::string readFile(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// Short names of the counties a plan list names, resolved through the geography by code.
inline std::string shortNameOf(const std::string& code)
{
    const layers::County* c = geography().county(code);
    return c ? c->shortName : "?" + code;
}

}  // namespace test
