#include "render/choropleth.h"

#include <algorithm>
#include <cmath>

#include <QCoreApplication>
#include <QLocale>

#include "render/style.h"

namespace app::render {

std::vector<double> quantileBreaks(std::vector<double> values, int classes)
{
    std::vector<double> out;
    values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return !std::isfinite(v); }), values.end());
    if (values.empty() || classes < 2)
        return out;
    std::sort(values.begin(), values.end());
    for (int k = 1; k < classes; ++k) {
        const double q = values[std::min(values.size() - 1, static_cast<std::size_t>(std::floor(double(values.size()) * k / classes)))];
        if (q > values.front() && (out.empty() || q > out.back()))
            out.push_back(q);
    }
    return out;
}

int choroplethClass(const Choropleth& map, double value)
{
    int k = 0;
    for (const double b : map.breaks)
        k += value >= b;
    return k;
}

QString choroplethNumber(double value)
{
    const double a = std::abs(value);
    const int decimals = a >= 1000 || a == std::floor(a) ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 4;
    return QLocale(QLocale::English).toString(value, 'f', decimals);
}

namespace {
QVector<QColor> palette(const Style& style, const QString& view)
{
    return style.symbol("counties", view, {{"choropleth", "class"}}).palette;
}
}  // namespace

QColor choroplethFill(const Style& style, const QString& view, const Choropleth& map, const QString& countyCode)
{
    const auto it = map.values.find(countyCode);
    const QVector<QColor> colours = palette(style, view);
    if (it == map.values.end() || colours.isEmpty())
        return style.symbol("counties", view, {{"choropleth", "none"}}).fill;
    // Classes spread over the palette: two classes take its ends.
    const int classes = static_cast<int>(map.breaks.size()) + 1;
    const int k = choroplethClass(map, it->second);
    const int at = classes <= 1 ? static_cast<int>(colours.size()) - 1 : static_cast<int>(std::lround(double(k) * double(colours.size() - 1) / double(classes - 1)));
    return colours[std::clamp<qsizetype>(at, 0, colours.size() - 1)];
}

std::vector<ChoroplethRow> choroplethLegend(const Style& style, const QString& view, const Choropleth& map, int countyCount)
{
    std::vector<ChoroplethRow> out;
    if (map.values.empty())
        return out;
    double lo = map.values.begin()->second, hi = lo;
    for (const auto& [code, v] : map.values) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    // Breaks outside the values mapped (quantiles of units none of whose counties shows its value: a unit inside
    // another, as the satellites of 贵阳 inside all satellites, where a county takes the larger) make no class.
    std::vector<double> limits{lo};
    for (const double b : map.breaks)
        if (b > lo && b <= hi)
            limits.push_back(b);
    limits.push_back(hi);
    for (std::size_t k = 0; k + 1 < limits.size(); ++k) {
        // A county's class is found by its value: pick one there is (the class's lower limit) for the colour.
        Choropleth one = map;
        one.values = {{"", limits[k]}};
        const QString text = limits[k] == limits[k + 1] ? choroplethNumber(limits[k])
                             : k + 2 < limits.size() ? QStringLiteral("%1 – <%2").arg(choroplethNumber(limits[k]), choroplethNumber(limits[k + 1]))
                                                   : QStringLiteral("%1 – %2").arg(choroplethNumber(limits[k]), choroplethNumber(limits[k + 1]));
        out.push_back({choroplethFill(style, view, one, ""), text});
    }
    const int without = countyCount - static_cast<int>(map.values.size());
    if (without > 0)
        out.push_back({choroplethFill(style, view, map, QString()),
                       (map.noneText.isEmpty() ? QCoreApplication::translate("app::render::Legend", "无数值") : map.noneText) + QStringLiteral(" (%1)").arg(without)});
    return out;
}

}  // namespace app::render
