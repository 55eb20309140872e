#include "render/map_renderer.h"
#include "render/painting.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QPainterPath>

namespace app::render {

namespace {
/// A "nice" length (1, 2 or 5 × 10^n) not above limit.
double niceLength(double limit)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(limit)));
    for (double step : {5.0, 2.0, 1.0})
        if (step * magnitude <= limit)
            return step * magnitude;
    return magnitude;
}
}  // namespace

QColor MapRenderer::prefectureFill(int index) const
{
    const auto& fills = m_style.prefectureFills;
    return fills[index % fills.size()];
}

QImage MapRenderer::renderImage(const RenderSettings& settings) const
{
    const QSize size = settings.view.size().toSize();
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.setDotsPerMeterX(static_cast<int>(std::lround(settings.dpi / 0.0254)));
    image.setDotsPerMeterY(static_cast<int>(std::lround(settings.dpi / 0.0254)));
    QPainter painter(&image);
    render(painter, settings);
    return image;
}

void MapRenderer::render(QPainter& p, const RenderSettings& s) const
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    p.fillRect(QRectF(QPointF(0, 0), s.view.size()), m_style.background);
    drawLayers(p, s);
    if (s.visible("labels"))
        drawLabels(p, s);
    if (s.scaleBar)
        drawScaleBar(p, s);
    if (s.northArrow)
        drawNorthArrow(p, s);
    if (s.decorations)
        drawDecorations(p, s);
    p.restore();
}

RenderSettings RenderSettings::forTheme(View theme)
{
    RenderSettings s;
    s.theme = theme;
    s.layers = defaultLayers(theme);
    return s;
}

QColor MapRenderer::classFill(int index) const
{
    if (index < 0 || index >= static_cast<int>(m_data->classes.size()))
        return m_style.noClassFill;
    return m_style.classFills.value(m_data->classes[static_cast<std::size_t>(index)].id, QColor("#888888"));
}

void MapRenderer::drawLayers(QPainter& p, const RenderSettings& s) const
{
    const double k = s.dpi / 96.0;
    const QTransform t = s.view.transform();  // map to screen; every path is simplified to the pixel grid first
    for (const QString& layer : s.order) {
        if (!s.visible(layer) || layer == "labels")
            continue;
        p.save();
        if (layer == "neighbours") {
            p.setOpacity(s.opacity(layer));
            p.setPen(cosmeticPen(m_style.neighbourStroke, k));
            p.setBrush(m_style.neighbourFill);
            for (const RegionItem& r : m_data->neighbours)
                p.drawPath(screenPath(r.path, t));
        } else if (layer == "counties") {
            p.setOpacity(s.opacity(layer));
            drawCountyFills(p, s);
        } else if (layer == "zones") {
            drawZones(p, s);  // zone fills carry the layer's opacity themselves
        } else if (layer == "prefecture_borders") {
            p.setOpacity(s.opacity(layer));
            for (const PrefectureItem& pr : m_data->prefectures)
                strokeFast(p, screenPath(pr.path, t), m_style.prefecture.colour, m_style.prefecture.width * k);
        } else if (layer == "province") {
            p.setOpacity(s.opacity(layer));
            strokeFast(p, screenPath(m_data->province, t), m_style.province.colour, m_style.province.width * k);
        } else {
            p.setOpacity(s.opacity(layer));
            if (layer == "belts") drawBelts(p, s);
            else if (layer == "corridors") drawCorridors(p, s);
            else if (layer == "central_cities") drawCities(p, s);
            else if (layer == "places") drawPlaces(p, s);
        }
        p.restore();
    }
    drawHighlight(p, s);
}

void MapRenderer::drawLabels(QPainter& p, const RenderSettings& s) const
{
    const double k = s.dpi / 96.0;
    const QRectF screen(QPointF(0, 0), s.view.size());
    std::vector<QRectF> taken = cityLabelBoxes(s);
    auto free = [&](const QRectF& r) {
        if (!screen.contains(r))
            return false;
        return std::none_of(taken.begin(), taken.end(), [&](const QRectF& t) { return t.intersects(r); });
    };

    // Neighbouring provinces: their name near the visible part of their shape.
    QFont neighbourFont(m_style.labelFont);
    setPoints(neighbourFont, m_style.labelSize * 1.4 * k);
    const QFontMetricsF nfm(neighbourFont);
    const QRectF viewRect = s.view.transform().inverted().mapRect(screen);
    for (const RegionItem& r : m_data->neighbours) {
        // The point of a 9x9 grid over the visible part of the province's bounds that lies inside it and is
        // nearest to the middle of that visible part.
        const QRectF visible = r.path.boundingRect().intersected(viewRect);
        if (visible.isEmpty())
            continue;
        std::optional<QPointF> best;
        double bestDistance = 0;
        for (int j = 1; j < 10; ++j)
            for (int i = 1; i < 10; ++i) {
                const QPointF candidate(visible.left() + visible.width() * i / 10, visible.top() + visible.height() * j / 10);
                if (!r.path.contains(candidate))
                    continue;
                const QPointF d = candidate - visible.center();
                const double distance = d.x() * d.x() + d.y() * d.y();
                if (!best || distance < bestDistance) {
                    best = candidate;
                    bestDistance = distance;
                }
            }
        if (!best)
            continue;
        const QPointF at = s.view.transform().map(*best);
        const QRectF box(at.x() - nfm.horizontalAdvance(r.name) / 2, at.y() - nfm.height() / 2, nfm.horizontalAdvance(r.name), nfm.height());
        if (!free(box))
            continue;
        taken.push_back(box);
        haloText(p, {box.left(), box.top() + nfm.ascent()}, r.name, neighbourFont, m_style.neighbourLabel, m_style.background, 2 * k);
    }

    // County names at their seats, larger counties first; a label that would overlap another is dropped.
    QFont font(m_style.labelFont);
    setPoints(font, m_style.labelSize * k);
    const QFontMetricsF fm(font);
    std::vector<const CountyItem*> order;
    for (const CountyItem& c : m_data->counties)
        order.push_back(&c);
    // Central-city cores (the prefecture seats) first, then larger counties.
    auto core = [&](const CountyItem* c) {
        const auto i = static_cast<std::size_t>(c - m_data->counties.data());
        return i < m_data->centralCityCore.size() && m_data->centralCityCore[i];
    };
    std::stable_sort(order.begin(), order.end(), [&](const CountyItem* a, const CountyItem* b) {
        if (core(a) != core(b))
            return core(a);
        return a->areaKm2 > b->areaKm2;
    });
    const double r = m_style.seatRadius * k;
    for (const CountyItem* c : order) {
        const QPointF seat = s.view.toScreen(c->seat);
        const QString& text = c->shortName;
        const double w = fm.horizontalAdvance(text), h = fm.height();
        const QRectF candidates[] = {
            {seat.x() - w / 2, seat.y() - h - r, w, h},   // above
            {seat.x() + r + 1, seat.y() - h / 2, w, h},   // right
            {seat.x() - w / 2, seat.y() + r, w, h},       // below
            {seat.x() - w - r - 1, seat.y() - h / 2, w, h} // left
        };
        for (const QRectF& box : candidates) {
            if (!free(box))
                continue;
            taken.push_back(box);
            p.setPen(Qt::NoPen);
            p.setBrush(m_style.seatFill);
            p.drawEllipse(seat, r, r);
            QFont f = font;
            f.setBold(core(c));
            haloText(p, {box.left(), box.top() + fm.ascent()}, text, f, m_style.labelColour, m_style.labelHalo, m_style.labelHaloWidth * k);
            break;
        }
    }
}

void MapRenderer::drawScaleBar(QPainter& p, const RenderSettings& s) const
{
    const double k = s.dpi / 96.0;
    const double upp = s.view.unitsPerPixel();
    const double metres = niceLength(s.view.size().width() * 0.18 * upp);
    const double px = metres / upp;
    const QPointF origin(16 * k, s.view.size().height() - 20 * k);
    p.save();
    p.setPen(QPen(Qt::black, 1.2 * k));
    p.setBrush(Qt::white);
    p.drawRect(QRectF(origin.x(), origin.y() - 5 * k, px, 5 * k));
    p.setBrush(Qt::black);
    p.drawRect(QRectF(origin.x(), origin.y() - 5 * k, px / 2, 5 * k));
    QFont font(m_style.labelFont);
    setPoints(font, 7.5 * k);
    const QString label = metres >= 1000 ? QStringLiteral("%1 km").arg(metres / 1000) : QStringLiteral("%1 m").arg(metres);
    haloText(p, {origin.x() + px + 4 * k, origin.y()}, label, font, Qt::black, Qt::white, 2 * k);
    haloText(p, {origin.x(), origin.y() - 8 * k}, QStringLiteral("1:%L1").arg(std::round(s.view.scaleDenominator(s.dpi) / 1000) * 1000, 0, 'f', 0),
             font, Qt::black, Qt::white, 2 * k);
    p.restore();
}

void MapRenderer::drawNorthArrow(QPainter& p, const RenderSettings& s) const
{
    // The display CRS is a conic or transverse projection centred on Guizhou: grid north is within ~3° of true north.
    const double k = s.dpi / 96.0;
    const QPointF top(s.view.size().width() - 28 * k, 14 * k);
    QPainterPath arrow;
    arrow.moveTo(top);
    arrow.lineTo(top + QPointF(9 * k, 28 * k));
    arrow.lineTo(top + QPointF(0, 21 * k));
    arrow.lineTo(top + QPointF(-9 * k, 28 * k));
    arrow.closeSubpath();
    p.save();
    p.setPen(QPen(Qt::black, 1 * k));
    p.setBrush(Qt::black);
    p.drawPath(arrow);
    QFont font(m_style.labelFont);
    setPoints(font, 9 * k);
    font.setBold(true);
    const QFontMetricsF fm(font);
    haloText(p, {top.x() - fm.horizontalAdvance("N") / 2, top.y() + 28 * k + fm.ascent()}, "N", font, Qt::black, Qt::white, 2 * k);
    p.restore();
}

void MapRenderer::drawDecorations(QPainter& p, const RenderSettings& s) const
{
    const double k = s.dpi / 96.0;
    const QSizeF size = s.view.size();
    if (!s.title.isEmpty()) {
        QFont font(m_style.titleFont);
        setPoints(font, m_style.titleSize * k);
        font.setBold(true);
        const QFontMetricsF fm(font);
        haloText(p, {16 * k, 12 * k + fm.ascent()}, s.title, font, m_style.titleColour, Qt::white, 3 * k);
    }
    drawLegend(p, s);
    if (!s.sourceNote.isEmpty()) {
        // Right-aligned at the bottom, broken at " · " into as many lines as the width needs.
        QFont note(m_style.labelFont);
        setPoints(note, 6.5 * k);
        const QFontMetricsF nfm(note);
        const double maxWidth = size.width() * 0.62;
        QStringList lines;
        for (const QString& part : s.sourceNote.split(QStringLiteral(" · "))) {
            if (!lines.isEmpty() && nfm.horizontalAdvance(lines.back() + " · " + part) <= maxWidth)
                lines.back() += " · " + part;
            else
                lines << part;
        }
        double y = size.height() - 8 * k - (lines.size() - 1) * nfm.height();
        for (const QString& line : lines) {
            const double w = nfm.horizontalAdvance(line);
            haloText(p, {size.width() - w - 12 * k, y}, line, note, QColor("#404040"), Qt::white, 2 * k);
            y += nfm.height();
        }
    }
}

}  // namespace app::render
