// The legend of each view on exported maps: swatches and lines drawn with the same symbols as the map, then the
// categories of every user layer shown. Built as a list of entries (data, for tests), then drawn.

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QMap>
#include <QPainter>

#include "layers/feature_layer.h"
#include "layers/plan_geometry.h"
#include "render/language.h"
#include "render/map_layers.h"
#include "render/painting.h"

namespace app::render {

namespace {
QColor scaledAlpha(QColor colour, double opacity)
{
    colour.setAlpha(static_cast<int>(colour.alpha() * opacity));
    return colour;
}

/// Category rows per user layer in the legend; more are counted in one line.
constexpr std::size_t kMaxCategoryRows = 12;
}  // namespace

std::vector<LegendEntry> legendEntries(const LayerContext& c)
{
    using Kind = LegendEntry::Kind;
    const Style& style = c.style;
    const double k = c.k;
    const QString& view = c.symbols.view;
    std::vector<LegendEntry> out;
    const QPen outline(style.legendOutline.colour, style.legendOutline.width);
    auto swatch = [&](const QBrush& brush, const QString& t) { out.push_back({Kind::Swatch, t, brush, outline}); };
    auto line = [&](const QPen& pen, const QString& t) { out.push_back({Kind::Line, t, QBrush(), pen}); };
    auto note = [&](const QString& t) { out.push_back({Kind::Note, t, QBrush(), QPen()}); };
    // Relations between plan units, where the view draws them and the plan has some.
    auto relationsLine = [&] {
        if (c.data.relations.empty() || !c.s.visible("relations"))
            return;
        const Symbol relation = style.symbol("relations", view);
        line(QPen(relation.stroke, relation.width * k, relation.dash), QCoreApplication::translate("app::render::Legend", "区域关系 (一体化、同城化, 示意)"));
    };
    auto zone = [&](const Attributes& a) { return style.symbol("zones", view, a); };
    switch (c.s.theme) {
    case View::Overview:
        for (std::size_t i = 0; i < c.data.prefectures.size(); ++i) {
            const Symbol s = style.symbol("counties", view, {{"prefecture_index", QString::number(i)}});
            swatch(s.palette.isEmpty() ? s.fill : s.palette[static_cast<qsizetype>(i) % s.palette.size()], inLanguage(c.data.prefectures[i].name, c.data.prefectures[i].nameEn));
        }
        break;
    case View::CountyClasses: {
        int none = 0;
        for (const auto& held : c.data.countyClasses)
            none += held.empty();
        for (std::size_t i = 0; i < c.data.classes.size(); ++i)
            swatch(c.symbols.classFills[i], QStringLiteral("%1 (%2)").arg(inLanguage(c.data.classes[i].name, c.data.classes[i].nameEn)).arg(c.data.classes[i].count));
        swatch(style.symbol("counties", view).fill, QCoreApplication::translate("app::render::Legend", "未列入分类 (%1)").arg(none));
        note(QCoreApplication::translate("app::render::Legend", "多类县城按类别分色条纹显示"));
        break;
    }
    case View::OneClusterThreeBelts: {
        const double opacity = c.s.opacity("zones");
        swatch(scaledAlpha(zone({{"kind", "agglomeration"}}).fill, opacity), QCoreApplication::translate("app::render::Legend", "黔中城市群"));
        const Symbol metro = zone({{"kind", "metropolitan_area"}});
        line(QPen(metro.band, metro.bandWidth * k), QCoreApplication::translate("app::render::Legend", "贵阳—贵安—安顺都市圈 (范围示意)"));
        for (std::size_t i = 0; i < c.data.corridors.size(); ++i)
            if (c.data.corridors[i].mode == "belt")
                line(QPen(c.symbols.belts[i].band, 8 * k), inLanguage(c.data.corridors[i].name, c.data.corridors[i].nameEn));
        relationsLine();
        const Symbol city = style.symbol("central_cities", view);
        out.push_back({Kind::Dot, QCoreApplication::translate("app::render::Legend", "区域中心城市 (面积∝2025年人口目标)"), city.fill, QPen(city.stroke, city.width * k)});
        break;
    }
    case View::OneCoreThreeCentres: {
        const double opacity = c.s.opacity("zones");
        swatch(scaledAlpha(zone({{"kind", "core"}}).fill, opacity), QCoreApplication::translate("app::render::Legend", "一核"));
        swatch(scaledAlpha(zone({{"kind", "centre"}}).fill, opacity), QCoreApplication::translate("app::render::Legend", "三心"));
        swatch(scaledAlpha(zone({{"kind", "cluster"}}).fill, opacity), QCoreApplication::translate("app::render::Legend", "多组团 (县城, 范围示意)"));
        swatch(scaledAlpha(zone({{"kind", "county_group"}}).fill, opacity), QCoreApplication::translate("app::render::Legend", "一市三县"));
        swatch(QBrush(zone({{"kind", "new_area"}}).fill, Qt::BDiagPattern), QCoreApplication::translate("app::render::Legend", "贵安新区 (跨四县区部分, 范围示意)"));
        relationsLine();
        break;
    }
    case View::Transport: {
        static const std::pair<const char*, const char*> modes[]{{"high_speed_rail", QT_TRANSLATE_NOOP("app::render::Legend", "高速铁路")},
                                                                 {"rail", QT_TRANSLATE_NOOP("app::render::Legend", "铁路")},
                                                                 {"expressway", QT_TRANSLATE_NOOP("app::render::Legend", "高速公路")},
                                                                 {"urban_road", QT_TRANSLATE_NOOP("app::render::Legend", "城市快速干道")},
                                                                 {"metro", QT_TRANSLATE_NOOP("app::render::Legend", "城市轨道交通")},
                                                                 {"waterway", QT_TRANSLATE_NOOP("app::render::Legend", "航道")}};
        for (const auto& [mode, name] : modes)
            line(QPen(style.symbol("corridors", view, {{"mode", mode}, {"status", "existing"}}).stroke, 2.6 * k), QCoreApplication::translate("app::render::Legend", name));
        static const std::pair<const char*, const char*> statuses[]{{"under_construction", QT_TRANSLATE_NOOP("app::render::Legend", "在建/加快建设")},
                                                                    {"planned", QT_TRANSLATE_NOOP("app::render::Legend", "开工/推进/规划")},
                                                                    {"study", QT_TRANSLATE_NOOP("app::render::Legend", "研究/前期工作")}};
        for (const auto& [status, name] : statuses)
            line(QPen(style.legendOutline.colour, 2 * k, style.symbol("corridors", view, {{"status", status}}).dash), QCoreApplication::translate("app::render::Legend", name));
        if (c.s.visible("neighbour_seats") && !c.data.neighbourSeats.empty()) {
            const Symbol& seat = c.symbols.neighbourSeats;
            out.push_back({Kind::Dot, QCoreApplication::translate("app::render::Legend", "省外端点 (城市或县的驻地, 位置近似)"), seat.fill, QPen(seat.stroke, seat.width * k)});
            note(QCoreApplication::translate("app::render::Legend", "只写省名的端点: 出省界%1–%2公里 (近似)").arg(layers::kBorderCrossingBeyondKm).arg(layers::kBorderCrossingMaxKm));
        }
        note(QCoreApplication::translate("app::render::Legend", "空心符号: 位置近似 (置于县城)"));
        break;
    }
    case View::Progress:
        out = progressLegend(c);
        break;
    }
    // A choropleth over the view: its heading, classes, counties without a value and what a fill means.
    if (c.s.choropleth) {
        out.push_back({Kind::Heading, c.s.choropleth->title, QBrush(), QPen()});
        for (const ChoroplethRow& r : choroplethLegend(style, view, *c.s.choropleth, static_cast<int>(c.data.counties.size())))
            swatch(r.fill, r.text);
        for (const QString& n : c.s.choropleth->notes)
            note(n);
    }
    // The user layers shown, under their names: the categories of their style field, most features first.
    for (const UserLayer& u : c.s.userLayers) {
        if (!u.visible || !u.data)
            continue;
        out.push_back({Kind::Heading, u.title, QBrush(), QPen()});
        const std::vector<LayerCategory> categories = layerCategories(*u.data, u.style);
        std::size_t restCount = 0, rest = 0;
        for (std::size_t i = 0; i < categories.size(); ++i) {
            const LayerCategory& cat = categories[i];
            // A legend left of the map has room for so many rows: the rest are counted in one line.
            if (i >= kMaxCategoryRows && categories.size() > kMaxCategoryRows + 1) {
                ++rest;
                restCount += cat.count;
                continue;
            }
            const QString name = cat.name.isEmpty() ? (categories.size() == 1 ? QCoreApplication::translate("app::render::Legend", "全部要素")
                                                                              : QCoreApplication::translate("app::render::Legend", "未分类"))
                                                    : cat.name;
            // A layer read a view at a time has no count of its own here (data holds overview cells, not features).
            swatch(scaledAlpha(cat.fill, u.opacity), u.viewport ? name : QStringLiteral("%1 (%2)").arg(name).arg(cat.count));
        }
        if (rest)
            note(u.viewport ? QCoreApplication::translate("app::render::Legend", "其余 %1 类").arg(rest)
                            : QCoreApplication::translate("app::render::Legend", "其余 %1 类 (%2)").arg(rest).arg(restCount));
        if (u.viewport)
            note(QCoreApplication::translate("app::render::Legend", "按视图读取 (小比例尺: 概览网格)"));
    }
    return out;
}

void drawLegend(const LayerContext& c)
{
    QPainter& p = c.p;
    const Style& style = c.style;
    const double k = c.k;
    QFont font(style.label.font);
    setPoints(font, style.label.size * k);
    QFont bold = font;
    bold.setBold(true);
    const QFontMetricsF fm(font);
    const double row = fm.height() + 3 * k;
    const double x = 16 * k;
    double y = 56 * k;
    p.save();
    auto text = [&](double at, const QString& t, const QFont& f) {
        haloText(p, {at, y + fm.ascent() - 1 * k}, t, f, style.label.colour, style.label.halo, 2 * k);
    };
    for (const LegendEntry& e : legendEntries(c)) {
        switch (e.kind) {
        case LegendEntry::Kind::Swatch:
            p.setPen(e.pen);
            p.setBrush(e.brush);
            p.drawRect(QRectF(x, y, 18 * k, fm.height() - 2 * k));
            text(x + 24 * k, e.text, font);
            break;
        case LegendEntry::Kind::Line:
            p.setPen(e.pen);
            p.drawLine(QPointF(x, y + fm.height() / 2), QPointF(x + 18 * k, y + fm.height() / 2));
            text(x + 24 * k, e.text, font);
            break;
        case LegendEntry::Kind::Dot:
            p.setPen(e.pen);
            p.setBrush(e.brush);
            p.drawEllipse(QPointF(x + 9 * k, y + fm.height() / 2), 6 * k, 6 * k);
            text(x + 24 * k, e.text, font);
            break;
        case LegendEntry::Kind::Note:
            haloText(p, {x, y + fm.ascent()}, e.text, font, style.label.colour, style.label.halo, 2 * k);
            break;
        case LegendEntry::Kind::Heading:
            y += row / 2;  // apart from the view's entries above
            text(x, e.text, bold);
            break;
        }
        y += row;
    }
    p.restore();
}

}  // namespace app::render
