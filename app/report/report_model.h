#pragma once
// The report's content, arranged from evaluate()'s statuses (report.h): what every format writes. Internal to
// app/report.

#include <QCoreApplication>
#include <QColor>
#include <QImage>
#include <QSet>
#include <QString>
#include <QStringList>

#include "report/report.h"

namespace app::report {

/// The report's strings: Chinese in the source, English in share/translations/gzplan_en.ts (--lang en).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(app::report::Text)
};

/// A line of counts: a chapter, a scope or the whole.
struct CountRow {
    QString key;    ///< "GZ2023 四", "city:zunyi", "all"
    QString label;  ///< in the report's language
    layers::ProgressCount count;
};

/// A page with a map: a central city or a layout.
struct MapPage {
    QString id;     ///< "city:zunyi", "layout:一群三带"
    QString title;
    QString note;   ///< what the page's targets are (the scopes it gathers)
    render::View view = render::View::OneClusterThreeBelts;
    geo::Box extent = geo::Box::empty();  ///< display CRS
    QSet<QString> counties;               ///< drawn selected
    std::vector<const layers::TargetProgress*> targets;
    layers::ProgressCount count;
    QImage map;  ///< drawn by drawMaps
};

/// One bar pair of the target-vs-actual chart.
struct CityBar {
    QString city;
    const layers::TargetProgress* progress = nullptr;
};

struct ReportModel {
    const ReportInput* in = nullptr;
    bool english = false;
    QString title, subtitle;
    layers::ProgressCount total;
    std::vector<CountRow> chapters, scopes;
    std::vector<MapPage> pages;
    std::vector<CityBar> cityBars;  ///< the central cities' population: target and actual
    QString cityBarsTitle;

    static ReportModel build(const ReportInput& in);
    /// Draws every page's map (on every core; the renderer is reentrant), width pixels wide.
    void drawMaps(int width);

    const layers::PlanData& plan() const { return in->query->plan(); }
    QString text(const std::string& zh, const std::string& en) const;
    QString statusText(layers::Status s) const;
    QString scopeLabel(const std::string& kind, const std::string& id) const;
    QString indicator(const layers::Target& t) const;
    /// "≈ 60 %（2025）": comparator, value, unit and year.
    QString targetText(const layers::Target& t) const;
    /// The compared value (rounded as the figures are), or "—".
    QString actualText(const layers::TargetProgress& p) const;
    QString rule(const layers::TargetProgress& p) const;
};

/// The statuses in the report's order, and each one's colour (the same in every chart and bar).
const std::vector<layers::Status>& reportStatuses();
QColor statusColour(layers::Status s);
int countOf(const layers::ProgressCount& c, layers::Status s);

/// Qt Charts (report_charts.cpp): the statuses by chapter as stacked bars, the central cities' target against actual
/// as grouped bars. Drawn at size (logical pixels) × scale into an image, or as SVG text.
QImage chaptersChart(const ReportModel& m, QSize size, double scale);
QImage citiesChart(const ReportModel& m, QSize size, double scale);
QByteArray chaptersChartSvg(const ReportModel& m, QSize size);
QByteArray citiesChartSvg(const ReportModel& m, QSize size);

/// The writers (report_writers.cpp): the report as bytes of one format.
QByteArray reportHtml(const ReportModel& m, ReportTiming* timing);
QByteArray reportPdf(const ReportModel& m, ReportTiming* timing);
/// XLSX goes through GDAL to a file: written to tmp, which the caller renames. Empty, or the error.
QString writeReportXlsx(const ReportModel& m, const QString& tmp);

}  // namespace app::report
