#pragma once
// Validation of the plan tables against the geography and the document texts: unknown codes and ids,
// duplicate rows, class member counts that differ from the document's, missing clauses or bases,
// values outside their vocabularies, quotes that are not verbatim in the document.

#include <map>
#include <string>
#include <vector>

#include "layers/geography.h"
#include "layers/plan.h"

namespace layers {

struct PlanIssue {
    std::string where;    ///< "class_members.csv:12", or a table name for whole-table problems
    std::string message;
};

/// documents: document id (GZ2023, GY2025) -> full text, for checking quotes; a missing id is reported.
std::vector<PlanIssue> checkPlan(const PlanData& plan, const Geography& geography, const std::map<std::string, std::string>& documents);

/// Reads share/documents/<id>.txt for every document of the plan.
std::map<std::string, std::string> readDocuments(const std::filesystem::path& documentsDir, const PlanData& plan);

/// True when text names the county: its full, short or old name, or a name that starts with its short name
/// (观山湖金华镇 names 观山湖区).
bool namesCounty(const std::string& text, const County& county);

}  // namespace layers
