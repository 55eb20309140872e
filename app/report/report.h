#pragma once
// gzplan report: the evaluation report (终期评估) of the plan's targets against the figures' store, as PDF, HTML or
// XLSX. Its numbers are layers::evaluate()'s, the same as `gzplan progress --json` and the window's: the report only
// arranges them (summary by chapter and by scope, a page per central city and per layout with its map, a table of
// every target, charts drawn with Qt Charts).

#include <memory>
#include <vector>

#include <QString>

#include "layers/monitoring.h"
#include "layers/plan_query.h"
#include "render/map_renderer.h"

namespace app::report {

struct ReportInput {
    const layers::PlanQuery* query = nullptr;               ///< the plan and the geography
    std::shared_ptr<const render::MapRenderer> renderer;   ///< draws the maps of the city and layout pages
    std::vector<layers::TargetProgress> progress;          ///< evaluate() of the targets in the report (the --scope's)
    int year = 0;              ///< --year (0: every figure)
    QString scope;             ///< --scope as given (empty: the whole plan)
    QString store;             ///< the figures' store the figures come from
    int figures = 0;           ///< current figures in the store
    bool english = false;      ///< --lang en: labels, rules and names in English
};

struct ReportTiming {
    double mapsMs = 0, chartsMs = 0, printMs = 0, writeMs = 0;  ///< printMs: the PDF's pages laid out and drawn
};

/// The formats by the extension of out: pdf, html (htm), xlsx.
bool knownReportFormat(const QString& out);

/// Writes the report to out whole (a temporary file beside it renamed into place) or not at all. Returns an empty
/// string on success, else a message naming the file and what went wrong. An existing out is replaced (the caller
/// refuses it without --force).
QString writeReport(const ReportInput& in, const QString& out, ReportTiming* timing = nullptr);

}  // namespace app::report
