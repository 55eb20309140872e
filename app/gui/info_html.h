#pragma once
// The information panel's content for an identified feature: names, code, prefecture, classes, zones
// (full/partial), central city, the targets that apply (indicator, 2023, 2025, unit, comparator) and the
// source clause and basis of every item. HTML for a QTextBrowser.

#include <QString>

#include "gui/identify.h"
#include "layers/plan_query.h"

namespace app::gui {

QString infoHtml(const layers::PlanQuery& query, const render::MapData& data, const Hit& hit);

/// Whether the window shows English (its translator is installed): for words taken from data (the glossary).
bool englishShown();

}  // namespace app::gui
