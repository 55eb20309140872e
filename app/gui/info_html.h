#pragma once
// The information panel's content for an identified feature: names, code, prefecture, classes, zones
// (full/partial), central city, the targets that apply (indicator, 2023, 2025, unit, comparator) and the
// source clause and basis of every item. HTML for a QTextBrowser.

#include <QString>

#include "gui/identify.h"
#include "layers/plan_query.h"

namespace app::gui {

struct PlanTexts;

/// What the panel shows beyond the plan tables.
struct InfoOptions {
    const PlanTexts* texts = nullptr;   ///< the documents, to quote the sentence behind a membership
    bool allProvinceTargets = false;   ///< a county's province-wide targets listed, not only counted
};

/// Links in the html: gzplan:clause?… (see clauseLink) opens the document panel; gzplan:province-targets lists a
/// county's province-wide targets.
QString infoHtml(const layers::PlanQuery& query, const render::MapData& data, const Hit& hit, const InfoOptions& options = {});

/// A scope or a relation's end (kind province, county, zone or city; id) by its name in the window's language, as
/// plain text; the id when the tables do not hold it.
QString scopeName(const layers::PlanQuery& query, const std::string& kind, const std::string& id);

/// Whether the window shows English (its translator is installed): for words taken from data (the glossary).
bool englishShown();

}  // namespace app::gui
