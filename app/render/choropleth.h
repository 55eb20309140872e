#pragma once
// A choropleth of county values over any view (the statistics panel's result, a joined table's column): each
// county with a value filled in the class of the style's palette ("counties" rules where choropleth: class), the
// others in the "none" fill; the legend's rows (choroplethLegend) say what is mapped, its classes and what a fill
// means (a class's value fills its member counties …). Colours are the style's only.

#include <map>
#include <vector>

#include <QColor>
#include <QString>

namespace app::render {

struct Style;

struct Choropleth {
    QString title;                       ///< the legend's heading: what is mapped and its unit
    QStringList notes;                   ///< what a fill means, what is left out (each a legend line)
    std::map<QString, double> values;    ///< county code → value; a county without one is drawn "none"
    std::vector<double> breaks;          ///< the classes' upper limits but the last, ascending (quantileBreaks)
    QString noneText;                    ///< the legend's text for counties without a value
};

/// Class limits splitting values into up to classes classes of about equal counts (distinct limits only).
std::vector<double> quantileBreaks(std::vector<double> values, int classes);
/// The class of a value: the number of limits at or below… (0 … breaks.size()).
int choroplethClass(const Choropleth& map, double value);
/// A number for the legend: thousands separated, at most 4 significant digits after the point.
QString choroplethNumber(double value);

/// The fill of each county code (none: the style's "none" fill) in a view.
QColor choroplethFill(const Style& style, const QString& view, const Choropleth& map, const QString& countyCode);

struct ChoroplethRow {
    QColor fill;
    QString text;
};
/// The legend's swatches: one per class ("1,200 – 3,400"), then the "none" row when a county has no value.
std::vector<ChoroplethRow> choroplethLegend(const Style& style, const QString& view, const Choropleth& map, int countyCount);

}  // namespace app::render
