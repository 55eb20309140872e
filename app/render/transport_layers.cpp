// Transport projects (§25–27), the seats outside Guizhou they end at, and places: hubs, airports, ports, parks and
// towns. Colours, widths, dashes by status and symbol shapes by kind are the style's rules.

#include <cmath>

#include <QMap>
#include <QPainter>
#include <QPainterPath>

#include "render/map_layers.h"
#include "render/painting.h"

namespace app::render {

void drawCorridors(const LayerContext& c)
{
    QPainter& p = c.p;
    const double k = c.k;
    for (std::size_t i = 0; i < c.data.corridors.size(); ++i) {
        const CorridorItem& corridor = c.data.corridors[i];
        const Symbol& sym = c.symbols.corridors[i];
        if (corridor.mode == "belt" || corridor.line.size() < 2 || !sym.visible)
            continue;
        QPolygonF screen;
        for (const QPointF& m : corridor.line)
            screen << c.s.view.toScreen({m.x(), m.y()});
        const double width = sym.width * k;
        if (sym.halo.isValid()) {
            p.setPen(QPen(sym.halo, width + sym.haloWidth * k, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            p.drawPolyline(screen);
        }
        p.setPen(QPen(sym.stroke, width, sym.dash, Qt::FlatCap, Qt::RoundJoin));
        p.drawPolyline(screen);
    }
}

namespace {
QPainterPath symbolPath(const QString& shape, QPointF at, double r)
{
    QPainterPath path;
    if (shape == "triangle") {
        path.moveTo(at + QPointF(0, -r * 1.2));
        path.lineTo(at + QPointF(r * 1.1, r * 0.8));
        path.lineTo(at + QPointF(-r * 1.1, r * 0.8));
        path.closeSubpath();
    } else if (shape == "square") {
        path.addRect(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r));
    } else if (shape == "diamond") {
        path.moveTo(at + QPointF(0, -r * 1.2));
        path.lineTo(at + QPointF(r * 1.2, 0));
        path.lineTo(at + QPointF(0, r * 1.2));
        path.lineTo(at + QPointF(-r * 1.2, 0));
        path.closeSubpath();
    } else {
        path.addEllipse(at, r, r);
    }
    return path;
}

QPointF placeScreenPosition(const RenderSettings& s, const PlaceItem& place, int sharing, double k)
{
    QPointF at = s.view.toScreen(place.at);
    if (place.position == "approximate" && sharing > 0) {
        const double angle = sharing * 2.399963;  // golden angle
        const double radius = (3 + 3 * std::sqrt(sharing)) * k;
        at += QPointF(radius * std::cos(angle), radius * std::sin(angle));
    }
    return at;
}
}  // namespace

void drawNeighbourSeats(const LayerContext& c)
{
    const Symbol& sym = c.symbols.neighbourSeats;
    if (!sym.visible)
        return;
    QPainter& p = c.p;
    p.setPen(sym.stroke.isValid() ? QPen(sym.stroke, sym.width * c.k) : QPen(Qt::NoPen));
    p.setBrush(sym.fill.isValid() ? QBrush(sym.fill) : QBrush(Qt::NoBrush));
    for (const NeighbourSeatItem& seat : c.data.neighbourSeats)
        p.drawPath(symbolPath(sym.shape, c.s.view.toScreen(seat.at), sym.size * c.k));
}

void drawPlaces(const LayerContext& c)
{
    QPainter& p = c.p;
    const double k = c.k;
    // Several places share a county seat: fan them out around it so each stays visible.
    QMap<QString, int> perCounty;
    for (std::size_t i = 0; i < c.data.places.size(); ++i) {
        const PlaceItem& place = c.data.places[i];
        const Symbol& sym = c.symbols.places[i];
        if (!sym.visible)
            continue;
        const QPointF at = placeScreenPosition(c.s, place, perCounty[place.code]++, k);
        p.setPen(QPen(sym.stroke, sym.width * k));
        p.setBrush(sym.fill.isValid() ? QBrush(sym.fill) : QBrush(Qt::NoBrush));
        p.drawPath(symbolPath(sym.shape, at, sym.size * k));
    }
}

}  // namespace app::render
