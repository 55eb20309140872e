// The 目标进展 (progress) view: how far the plan's targets are met, per scope (layers::evaluate through ProgressData).
//   counties   filled by the share of targets met of their central city ("city:<id>"), in the classes of the style's
//              palette; "no figure" and "no scope" colours from the style (drawCounties asks progressCountyFill)
//   progress   the zones with targets outlined, the corridors with targets as lines (a project at one node, as the
//              navigation facilities at dams, a dot at its seat), both coloured the same way; the
//              central cities as a circle of their 2025 population target with the actual population as an inner
//              ring (no figure: the circle dashed); each scope's label "遵义 1/5（3）" (met/targets (with figures))
//   legend     the classes, the symbols and the province's own targets counted by status (progressLegend)
// Per-indicator mode (ProgressData::indicator): each scope by actual / target of that indicator, in the style's
// diverging palette around 100 %, labelled "遵义 96%（2025年）" (the year of the target mapped).
// Colours, widths and label fonts are the style's rules for layer "progress" (and "counties" in view "progress"),
// selected by feature (zone, corridor, city, city_actual), mode (share, ratio) and progress (class, no_figure, none).

#include <algorithm>
#include <cmath>
#include <iterator>
#include <optional>

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include "render/language.h"
#include "render/map_layers.h"
#include "render/painting.h"

namespace app::render {

namespace {
/// Per-indicator mode: the class limits of actual / target (the palette's classes: below 90 %, 90–98 %, 98–102 %,
/// 102–110 %, 110 % and above).
constexpr double kRatioBreaks[] = {0.90, 0.98, 1.02, 1.10};

bool ratioMode(const RenderSettings& s) { return s.progress && !s.progress->indicator.empty(); }
QString modeId(const RenderSettings& s) { return ratioMode(s) ? QStringLiteral("ratio") : QStringLiteral("share"); }

/// What the view knows of one scope.
struct ScopeState {
    bool targets = false;  ///< the scope has targets (of the indicator, per-indicator mode)
    int cls = -1;          ///< class (palette index), -1: no figure
    QString text;          ///< its label: name and figures
};

int shareClass(double share, int classes)
{
    return std::clamp(static_cast<int>(std::floor(share * classes)), 0, std::max(0, classes - 1));
}

int ratioClass(double ratio, int classes)
{
    int k = 0;
    for (const double b : kRatioBreaks)
        k += ratio >= b;
    return std::clamp(k, 0, std::max(0, classes - 1));
}

/// The palette of a layer's classes in the view (its size is the number of classes).
QVector<QColor> palette(const LayerContext& c, const QString& layer, const QString& feature)
{
    return c.style.symbol(layer, c.symbols.view, {{"feature", feature}, {"mode", modeId(c.s)}, {"progress", "class"}}).palette;
}

ScopeState scopeState(const LayerContext& c, const QString& scope, const QString& name, int classes)
{
    ScopeState out;
    const ProgressData* data = c.s.progress.get();
    if (ratioMode(c.s)) {
        const layers::TargetProgress* t = indicatorTarget(*data, scope.toStdString());
        if (!t)
            return out;
        out.targets = true;
        if (!t->actual || t->target->value == 0) {
            out.text = QCoreApplication::translate("app::render::Legend", "%1 无数据").arg(name);
            return out;
        }
        const double ratio = *t->actual / t->target->value;
        out.cls = ratioClass(ratio, classes);
        out.text = QCoreApplication::translate("app::render::Legend", "%1 %2%（%3年）").arg(name).arg(ratio * 100, 0, 'f', 0).arg(t->target->year);
        return out;
    }
    layers::ProgressCount count;
    if (data) {
        for (const auto& [id, n] : data->scopes)
            if (QString::fromStdString(id) == scope)
                count = n;
    } else {
        for (const auto& [id, n] : c.data.targetScopes)
            if (id == scope) {
                count.targets = n;
                count.noFigure = n;
            }
    }
    if (count.targets == 0)
        return out;
    out.targets = true;
    out.cls = count.withFigure() == 0 ? -1 : shareClass(count.shareMet(), classes);
    out.text = QCoreApplication::translate("app::render::Legend", "%1 %2/%3（%4）").arg(name).arg(count.met).arg(count.targets).arg(count.withFigure());
    return out;
}

/// The colour of a scope's class: the palette's, the "no figure" rule's, or (no targets) the neutral one.
QColor classColour(const LayerContext& c, const QString& layer, const QString& feature, const ScopeState& st, bool fill)
{
    const QString progress = !st.targets ? QStringLiteral("none") : st.cls < 0 ? QStringLiteral("no_figure") : QStringLiteral("class");
    const Symbol s = c.style.symbol(layer, c.symbols.view, {{"feature", feature}, {"mode", modeId(c.s)}, {"progress", progress}});
    if (st.targets && st.cls >= 0 && !s.palette.isEmpty())
        return s.palette[std::min<qsizetype>(st.cls, s.palette.size() - 1)];
    return fill ? s.fill : s.stroke;
}

Symbol featureSymbol(const LayerContext& c, const QString& feature, const ScopeState& st, const QString& id = {})
{
    const QString progress = !st.targets ? QStringLiteral("none") : st.cls < 0 ? QStringLiteral("no_figure") : QStringLiteral("class");
    return c.style.symbol("progress", c.symbols.view, {{"feature", feature}, {"mode", modeId(c.s)}, {"progress", progress}, {"id", id}});
}

QFont labelFont(const LayerContext& c, const Symbol& sym)
{
    QFont f(c.style.label.font);
    setPoints(f, c.style.label.size * sym.labelScale * c.k);
    f.setBold(sym.labelBold);
    return f;
}

QString scopeOf(const char* kind, const QString& id) { return QString::fromLatin1(kind) + ':' + id; }

/// A central city's circles: the 2025 population target (万人) and the actual population, 0 without a figure.
struct CityCircle {
    std::size_t city;
    double target = 0, actual = 0;
    ScopeState state;
};

std::vector<CityCircle> cityCircles(const LayerContext& c, int classes)
{
    std::vector<CityCircle> out;
    for (std::size_t i = 0; i < c.data.cities.size(); ++i) {
        const CityItem& city = c.data.cities[i];
        CityCircle circle{i, city.population2025, 0, scopeState(c, scopeOf("city", city.id), inLanguage(city.name, city.nameEn), classes)};
        if (c.s.progress)
            if (const layers::TargetProgress* t = cityPopulation(*c.s.progress, city.id.toStdString())) {
                circle.target = t->target->value;
                circle.actual = t->actual.value_or(0);
            }
        out.push_back(circle);
    }
    std::sort(out.begin(), out.end(), [](const CityCircle& a, const CityCircle& b) { return a.target > b.target; });
    return out;
}

/// Where a corridor's label goes: the middle vertex of its line, or its first node's seat (a project at one node,
/// drawn as a point).
std::optional<QPointF> corridorAnchor(const LayerContext& c, const CorridorItem& line)
{
    if (line.line.size() >= 2)
        return c.s.view.toScreen({line.line[line.line.size() / 2].x(), line.line[line.line.size() / 2].y()});
    if (!line.nodeSeats.empty())
        return c.s.view.toScreen(line.nodeSeats.front());
    return std::nullopt;
}

/// A label placed by the view.
struct PlacedLabel {
    QRectF box;
    QPointF baseline;
    QString text;
    Symbol symbol;
};

/// The view's labels and the boxes of its city circles, placed clear of one another: cities first (right, left,
/// above, below their circle), then zones (at their anchor, else beside it), then corridors (at the middle of
/// the line, else above or below).
struct ProgressLayout {
    std::vector<QRectF> circles;
    std::vector<PlacedLabel> labels;
};

ProgressLayout layout(const LayerContext& c)
{
    ProgressLayout out;
    const int classes = static_cast<int>(palette(c, "counties", "county").size());
    std::vector<QRectF> taken;
    const QRectF screen(QPointF(0, 0), c.s.view.size());
    auto free = [&](const QRectF& r) {
        return screen.contains(r) && std::none_of(taken.begin(), taken.end(), [&](const QRectF& t) { return t.intersects(r); });
    };
    auto place = [&](const QString& text, const Symbol& sym, const std::vector<QPointF>& centres) {
        const QFont font = labelFont(c, sym);
        const QFontMetricsF fm(font);
        const double w = textAdvance(c.f, font, text), h = fm.height();
        for (const QPointF& at : centres) {
            const QRectF box(at.x() - w / 2, at.y() - h / 2, w, h);
            if (!free(box))
                continue;
            taken.push_back(box);
            out.labels.push_back({box, {box.left(), box.top() + fm.ascent()}, text, sym});
            return;
        }
    };
    const std::vector<CityCircle> circles = cityCircles(c, classes);
    for (const CityCircle& circle : circles) {
        if (circle.target <= 0)
            continue;
        const Symbol sym = featureSymbol(c, "city", circle.state);
        const double r = sym.radius(std::max(circle.target, circle.actual)) * c.k;
        const QPointF at = c.s.view.toScreen(c.data.cities[circle.city].at);
        out.circles.push_back(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r));
    }
    taken = out.circles;
    for (const CityCircle& circle : circles) {
        if (!circle.state.targets)
            continue;
        const Symbol sym = featureSymbol(c, "city", circle.state);
        const QFont font = labelFont(c, sym);
        const double w = textAdvance(c.f, font, circle.state.text), h = QFontMetricsF(font).height();
        const double r = circle.target > 0 ? sym.radius(std::max(circle.target, circle.actual)) * c.k : 3 * c.k;
        const QPointF at = c.s.view.toScreen(c.data.cities[circle.city].at);
        const double gap = 3 * c.k;
        place(circle.state.text, sym,
              {at + QPointF(r + gap + w / 2, 0), at - QPointF(r + gap + w / 2, 0), at - QPointF(0, r + gap + h / 2), at + QPointF(0, r + gap + h / 2),
               at + QPointF(r + gap + w / 2, -h), at + QPointF(r + gap + w / 2, h), at - QPointF(r + gap + w / 2, h), at - QPointF(r + gap + w / 2, -h)});
    }
    for (const ZoneItem& z : c.data.zones) {
        const ScopeState st = scopeState(c, scopeOf("zone", z.id), inLanguage(z.name, z.nameEn), classes);
        if (!st.targets)
            continue;
        const Symbol sym = featureSymbol(c, "zone", st, z.id);
        auto anchor = [&](const QPainterPath& shape) {
            const QRectF b = shape.boundingRect();
            return pointInside(shape, {b.left() + b.width() * sym.labelAnchor.x(), b.top() + b.height() * sym.labelAnchor.y()});
        };
        QPointF at;
        if (c.f.fast()) {
            // Searched once per scale band on the band's coarse path (keys below the zones layer's own: -1 - index).
            const std::size_t i = static_cast<std::size_t>(&z - c.data.zones.data());
            const int key = -1 - static_cast<int>(i);
            auto it = c.f.paths->zoneAnchors.constFind(key);
            if (it == c.f.paths->zoneAnchors.constEnd())
                it = c.f.paths->zoneAnchors.insert(key, anchor(c.f.paths->zonesCoarse[i]));
            at = c.f.bandToScreen.map(*it);
        } else {
            at = anchor(screenPath(z.path, c.s.view.transform(), 2.0));
        }
        const double h = QFontMetricsF(labelFont(c, sym)).height();
        place(st.text, sym, {at, at + QPointF(0, h), at - QPointF(0, h), at + QPointF(0, 2 * h), at - QPointF(0, 2 * h)});
    }
    for (const CorridorItem& line : c.data.corridors) {
        const ScopeState st = scopeState(c, scopeOf("corridor", line.id), inLanguage(line.name, line.nameEn), classes);
        const std::optional<QPointF> mid = corridorAnchor(c, line);
        if (!st.targets || !mid)
            continue;
        const Symbol sym = featureSymbol(c, "corridor", st, line.id);
        const QFont font = labelFont(c, sym);
        const double h = QFontMetricsF(font).height(), w = textAdvance(c.f, font, st.text), d = sym.size * c.k + 3 * c.k + w / 2;
        place(st.text, sym, {*mid + QPointF(d, 0), *mid - QPointF(d, 0), *mid - QPointF(0, h), *mid + QPointF(0, h), *mid + QPointF(d, -h), *mid + QPointF(d, h),
                             *mid - QPointF(d, h), *mid - QPointF(d, -h)});
    }
    return out;
}

void strokeLine(const LayerContext& c, const QPolygonF& screen, const Symbol& sym, const QColor& colour)
{
    QPainter& p = c.p;
    p.save();
    p.setBrush(Qt::NoBrush);
    if (sym.halo.isValid()) {
        p.setPen(QPen(sym.halo, (sym.width + sym.haloWidth) * c.k, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(screen);
    }
    p.setPen(QPen(colour, sym.width * c.k, sym.dash, Qt::RoundCap, Qt::RoundJoin));
    p.drawPolyline(screen);
    p.restore();
}
}  // namespace

std::vector<QColor> progressCountyFills(const LayerContext& c)
{
    std::vector<QColor> fills(c.data.counties.size());
    const int classes = static_cast<int>(palette(c, "counties", "county").size());
    std::vector<ScopeState> cities;
    for (const CityItem& city : c.data.cities)
        cities.push_back(scopeState(c, scopeOf("city", city.id), city.name, classes));
    const QColor none = classColour(c, "counties", "county", ScopeState{}, true);
    for (std::size_t i = 0; i < fills.size(); ++i) {
        const int city = i < c.data.countyCity.size() ? c.data.countyCity[i] : -1;
        fills[i] = city < 0 ? none : classColour(c, "counties", "county", cities[static_cast<std::size_t>(city)], true);
    }
    return fills;
}

void drawProgress(const LayerContext& c)
{
    QPainter& p = c.p;
    const int classes = static_cast<int>(palette(c, "counties", "county").size());
    // Zones with targets: their outline in their class's colour over a casing.
    for (std::size_t i = 0; i < c.data.zones.size(); ++i) {
        const ZoneItem& z = c.data.zones[i];
        const ScopeState st = scopeState(c, scopeOf("zone", z.id), z.name, classes);
        if (!st.targets)
            continue;
        const Symbol sym = featureSymbol(c, "zone", st, z.id);
        const QColor colour = classColour(c, "progress", "zone", st, false);
        if (c.f.fast()) {
            if (sym.halo.isValid())
                strokeFastBand(p, c.f, c.f.paths->zones[i], sym.halo, (sym.width + sym.haloWidth) * c.k);
            strokeFastBand(p, c.f, c.f.paths->zones[i], colour, sym.width * c.k, sym.dash);
        } else {
            const QPainterPath path = screenPath(z.path, c.s.view.transform());
            if (sym.halo.isValid())
                strokeFast(p, path, sym.halo, (sym.width + sym.haloWidth) * c.k);
            strokeFast(p, path, colour, sym.width * c.k, sym.dash);
        }
    }
    // Corridors with targets.
    for (const CorridorItem& line : c.data.corridors) {
        const ScopeState st = scopeState(c, scopeOf("corridor", line.id), line.name, classes);
        if (!st.targets)
            continue;
        const Symbol sym = featureSymbol(c, "corridor", st, line.id);
        const QColor colour = classColour(c, "progress", "corridor", st, false);
        if (line.line.size() >= 2) {
            QPolygonF screen;
            for (const QPointF& m : line.line)
                screen << c.s.view.toScreen({m.x(), m.y()});
            strokeLine(c, screen, sym, colour);
            continue;
        }
        // A project at one node (a navigation facility at a dam): a dot at each node's seat, on the casing colour.
        p.save();
        p.setPen(QPen(sym.halo.isValid() ? sym.halo : colour, sym.haloWidth * c.k));
        p.setBrush(colour);
        for (const geo::Point& seat : line.nodeSeats)
            p.drawEllipse(c.s.view.toScreen(seat), sym.size * c.k, sym.size * c.k);
        p.restore();
    }
    // Central cities: the target's circle, the actual population's ring inside (same area scale); larger first.
    for (const CityCircle& circle : cityCircles(c, classes)) {
        if (circle.target <= 0)
            continue;
        const QPointF at = c.s.view.toScreen(c.data.cities[circle.city].at);
        const bool figure = circle.actual > 0;
        const Symbol sym = featureSymbol(c, "city", figure ? circle.state : ScopeState{true, -1, {}});
        const double r = sym.radius(circle.target) * c.k;
        p.save();
        p.setPen(QPen(sym.stroke, sym.width * c.k, sym.dash));
        p.setBrush(sym.fill.isValid() ? QBrush(sym.fill) : QBrush(Qt::NoBrush));
        p.drawEllipse(at, r, r);
        if (figure) {
            const Symbol ring = featureSymbol(c, "city_actual", circle.state);
            const double ra = ring.radius(circle.actual) * c.k;
            p.setPen(QPen(ring.stroke, ring.width * c.k, ring.dash));
            p.setBrush(ring.fill.isValid() ? QBrush(ring.fill) : QBrush(Qt::NoBrush));
            p.drawEllipse(at, ra, ra);
        }
        p.restore();
    }
    for (const PlacedLabel& l : layout(c).labels)
        labelText(p, c.f, l.baseline, l.text, labelFont(c, l.symbol), l.symbol.labelColour, l.symbol.labelHalo, l.symbol.labelHaloWidth * c.k);
}

std::vector<QRectF> progressLabelBoxes(const LayerContext& c)
{
    if (c.s.theme != View::Progress || !c.s.visible("progress"))
        return {};
    ProgressLayout l = layout(c);
    std::vector<QRectF> boxes = std::move(l.circles);
    for (const PlacedLabel& label : l.labels)
        boxes.push_back(label.box);
    return boxes;
}

std::vector<LegendEntry> progressLegend(const LayerContext& c)
{
    using Kind = LegendEntry::Kind;
    std::vector<LegendEntry> out;
    const QPen outline(c.style.legendOutline.colour, c.style.legendOutline.width);
    const ProgressData* data = c.s.progress.get();
    const bool ratio = ratioMode(c.s);
    const QVector<QColor> fills = palette(c, "counties", "county");
    const int classes = static_cast<int>(fills.size());
    auto note = [&](const QString& t) { out.push_back({Kind::Note, t, QBrush(), QPen()}); };
    bool anyFigure = false;
    if (data)
        for (const layers::TargetProgress& t : data->targets)
            anyFigure = anyFigure || t.status != layers::Status::NoFigure;
    if (ratio) {
        QString name = QString::fromStdString(data->indicator);
        for (const layers::TargetProgress& t : data->targets)
            if (englishMap() && t.target && indicatorMatch(t.target->indicator, data->indicator) >= 2 && !t.target->indicatorEn.empty()) {
                name = QString::fromStdString(t.target->indicatorEn);
                break;
            }
        out.push_back({Kind::Heading, QCoreApplication::translate("app::render::Legend", "指标“%1”: 实际/目标").arg(name), QBrush(), QPen()});
        for (int k = 0; k < classes; ++k) {
            const int n = static_cast<int>(std::size(kRatioBreaks));
            const QString text = k == 0 ? QCoreApplication::translate("app::render::Legend", "低于 %1%").arg(kRatioBreaks[0] * 100)
                                 : k >= n || k == classes - 1 ? QCoreApplication::translate("app::render::Legend", "%1% 及以上").arg(kRatioBreaks[std::min(k, n) - 1] * 100)
                                                               : QStringLiteral("%1–%2%").arg(kRatioBreaks[k - 1] * 100).arg(kRatioBreaks[k] * 100);
            out.push_back({Kind::Swatch, text, fills[k], outline});
        }
    } else {
        out.push_back({Kind::Heading, QCoreApplication::translate("app::render::Legend", "中心城市所辖县: 目标达标比例"), QBrush(), QPen()});
        for (int k = 0; k < classes; ++k)
            out.push_back({Kind::Swatch, QStringLiteral("%1–%2%").arg(100 * k / classes).arg(100 * (k + 1) / classes), fills[k], outline});
    }
    out.push_back({Kind::Swatch, QCoreApplication::translate("app::render::Legend", "有目标, 无实际数据"), classColour(c, "counties", "county", ScopeState{true, -1, {}}, true), outline});
    out.push_back({Kind::Swatch, QCoreApplication::translate("app::render::Legend", "不属任何有目标的中心城市"), classColour(c, "counties", "county", ScopeState{}, true), outline});
    const Symbol zone = featureSymbol(c, "zone", ScopeState{true, classes - 1, {}});
    if (std::any_of(c.data.zones.begin(), c.data.zones.end(), [&](const ZoneItem& z) { return scopeState(c, scopeOf("zone", z.id), z.name, classes).targets; }))
        out.push_back({Kind::Line, QCoreApplication::translate("app::render::Legend", "城市群、都市圈等分区 (轮廓同色)"), QBrush(), QPen(classColour(c, "progress", "zone", ScopeState{true, classes - 1, {}}, false), zone.width * c.k, zone.dash)});
    // Corridors with targets: lines, or dots for projects at one node.
    bool lines = false, dots = false;
    for (const CorridorItem& line : c.data.corridors)
        if (scopeState(c, scopeOf("corridor", line.id), line.name, classes).targets) {
            lines = lines || line.line.size() >= 2;
            dots = dots || (line.line.size() < 2 && !line.nodeSeats.empty());
        }
    const Symbol corridor = featureSymbol(c, "corridor", ScopeState{true, classes - 1, {}});
    const QColor corridorColour = classColour(c, "progress", "corridor", ScopeState{true, classes - 1, {}}, false);
    if (lines)
        out.push_back({Kind::Line, QCoreApplication::translate("app::render::Legend", "有目标的交通项目 (同色)"), QBrush(), QPen(corridorColour, corridor.width * c.k, corridor.dash)});
    if (dots)
        out.push_back({Kind::Dot, QCoreApplication::translate("app::render::Legend", "有目标的交通设施 (单点, 同色)"), corridorColour, QPen(corridor.halo, corridor.haloWidth * c.k)});
    const Symbol city = featureSymbol(c, "city", ScopeState{true, classes - 1, {}});
    const Symbol ring = featureSymbol(c, "city_actual", ScopeState{true, classes - 1, {}});
    out.push_back({Kind::Dot, QCoreApplication::translate("app::render::Legend", "中心城市: 圆面积∝2025年人口目标, 内环∝实际人口"), city.fill, QPen(ring.stroke, ring.width * c.k)});
    const Symbol noFigure = featureSymbol(c, "city", ScopeState{true, -1, {}});
    out.push_back({Kind::Dot, QCoreApplication::translate("app::render::Legend", "虚线圆: 无实际人口数据"), noFigure.fill, QPen(noFigure.stroke, noFigure.width * c.k, noFigure.dash)});
    if (!ratio)
        note(QCoreApplication::translate("app::render::Legend", "标注: 名称 达标数/目标数（有数据的目标数）"));
    // The province's own targets, counted by status.
    layers::ProgressCount province;
    if (data) {
        for (const auto& [id, n] : data->scopes)
            if (id.rfind("province:", 0) == 0)
                province = n;
    } else {
        for (const auto& [id, n] : c.data.targetScopes)
            if (id.startsWith("province:")) {
                province.targets = n;
                province.noFigure = n;
            }
    }
    if (province.targets > 0) {
        out.push_back({Kind::Heading, QCoreApplication::translate("app::render::Legend", "全省目标 %1 项").arg(province.targets), QBrush(), QPen()});
        note(QCoreApplication::translate("app::render::Legend", "达标 %1 · 未达标 %2 · 进度正常 %3").arg(province.met).arg(province.notMet).arg(province.onTrack));
        note(QCoreApplication::translate("app::render::Legend", "进度滞后 %1 · 无数据 %2 · 无法判定 %3").arg(province.behind).arg(province.noFigure).arg(province.undetermined));
    }
    if (!anyFigure)
        note(QCoreApplication::translate("app::render::Legend", "无实际数据: 各目标均按“无数据”显示"));
    else if (data && data->asOfYear)
        note(QCoreApplication::translate("app::render::Legend", "截至 %1 年的数据").arg(data->asOfYear));
    return out;
}

}  // namespace app::render
