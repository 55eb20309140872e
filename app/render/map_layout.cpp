#include "render/map_layout.h"

#include <algorithm>
#include <cmath>

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QPainterPath>

#include "render/map_layers.h"
#include "render/painting.h"

namespace app::render {

QString mapTitle(View view, int countyCount)
{
    if (view == View::Overview)
        return QCoreApplication::translate("app::render::MapLayout", "贵州省行政区划 · %1 个县级行政区").arg(countyCount);
    return QCoreApplication::translate("app::render::MapLayout", "贵州省新型城镇化 · %1").arg(viewTitle(view));
}

geo::Box insetExtent(const MapRenderer& r, View view)
{
    geo::Box box = geo::Box::empty();
    const ViewSymbols& symbols = r.symbols(view);
    for (std::size_t i = 0; i < r.data().counties.size(); ++i)
        if (symbols.counties[i].inset)
            box.expand(r.data().counties[i].bounds);
    if (box.isEmpty())
        return box;
    const double pad = 0.04 * std::max(box.width(), box.height());
    return {box.minX - pad, box.minY - pad, box.maxX + pad, box.maxY + pad};
}

namespace {
/// The view of size whose units per pixel make extent fit frame exactly in one direction, extent's centre on the
/// frame's centre moved by shift (pixels).
MapView fillFrame(const geo::Box& extent, QSizeF size, const QRectF& frame, QPointF shift = {})
{
    const double upp = std::max(extent.width() / std::max(frame.width(), 1.0), extent.height() / std::max(frame.height(), 1.0));
    MapView v(size, extent.centre(), upp > 0 ? upp : 1);
    const QPointF offset = frame.center() + shift - QPointF(size.width() / 2, size.height() / 2);
    v.pan(offset);
    return v;
}

/// The inset's frame: its map at the extent's aspect under a title strip, as wide as width, in corner (0 top
/// left, 1 top right, 2 bottom left, 3 bottom right) of area.
QRectF insetFrame(const geo::Box& extent, double width, double titleHeight, const QRectF& area, int corner)
{
    const double height = width * extent.height() / extent.width() + titleHeight;
    const double x = corner % 2 == 0 ? area.left() : area.right() - width;
    const double y = corner < 2 ? area.top() : area.bottom() - height;
    // Whole pixels: a raster inset is drawn as an image at its top left.
    return QRectF(std::round(x), std::round(y), std::round(width), std::round(height));  // within a pixel of area
}

/// How far down the page the legend reaches, in pixels: drawn once into a scratch image and measured (the legend's
/// rows depend on the view, the data and the language; legend.cpp draws them and owns their layout).
double legendBottom(const MapRenderer& r, const RenderSettings& s, QSizeF size)
{
    QImage scratch(QSize(static_cast<int>(std::ceil(r.style().frameOn(size).left())), static_cast<int>(std::ceil(size.height()))),
                   QImage::Format_ARGB32_Premultiplied);
    scratch.fill(Qt::transparent);
    {
        QPainter p(&scratch);
        const Frame reference;
        drawLegend({p, s, reference, r.data(), r.style(), r.symbols(s.theme), s.dpi / 96.0});
    }
    for (int y = scratch.height() - 1; y >= 0; --y) {
        const auto* row = reinterpret_cast<const QRgb*>(scratch.constScanLine(y));
        if (std::any_of(row, row + scratch.width(), [](QRgb px) { return qAlpha(px) != 0; }))
            return y + 1;
    }
    return 0;
}
}  // namespace

void layoutExport(const MapRenderer& r, RenderSettings& s, QSize size, double dpi, const geo::Box& extent, bool allowInset)
{
    s.dpi = dpi;
    s.decorations = true;
    s.inset.reset();
    const QRectF frame = r.style().frameOn(size);
    s.view = fillFrame(extent, size, frame);
    const geo::Box& province = r.data().extent;
    const geo::Box shown = insetExtent(r, s.theme);
    // Only a map of the whole province: zoomed in, the districts are large enough to be labelled on the map.
    if (!allowInset || shown.isEmpty() || extent.width() < 0.9 * province.width() || extent.height() < 0.9 * province.height())
        return;

    const double k = dpi / 96.0;
    QFont font(r.style().label.font);
    setPoints(font, r.style().label.size * 1.15 * k);
    const double titleHeight = std::ceil(QFontMetricsF(font).height() + 4 * k);
    // Where an inset may go: the frame (its corners, clear of the north arrow at the top right), and the page's
    // lower left below the legend and above the scale bar (map_renderer.cpp drawScaleBar, drawNorthArrow).
    const QRectF inFrame = frame.adjusted(6 * k, 6 * k, -6 * k, -6 * k);
    const QRectF lowerLeft(QPointF(12 * k, legendBottom(r, s, size) + 12 * k), QPointF(inFrame.right(), size.height() - 52 * k));
    const QRectF arrow(size.width() - 44 * k, 0, 44 * k, 60 * k);
    const std::pair<QRectF, std::vector<int>> areas[] = {{inFrame, {3, 2, 1, 0}}, {lowerLeft, {2}}};
    // The map's spare room in the frame: it slides there (never outside the frame) to enlarge a free corner.
    const double upp = s.view.unitsPerPixel();
    const QSizeF spare(std::max(0.0, frame.width() - extent.width() / upp), std::max(0.0, frame.height() - extent.height() / upp));
    double bestWidth = 0;
    for (const double sx : {0.0, 0.5, -0.5})
        for (const double sy : {0.0, 0.5, -0.5}) {
            const MapView view = fillFrame(extent, size, frame, QPointF(spare.width() * sx, spare.height() * sy));
            // The province as drawn, coarsely: the inset must not hide any of its counties.
            const QPainterPath outline = screenPath(r.data().province, view.transform(), 2.0);
            for (const auto& [area, corners] : areas)
                for (const int corner : corners)
                    for (double share = 0.36; share >= 0.12 && share * size.width() > bestWidth + 1; share -= 0.01) {
                        const QRectF candidate = insetFrame(shown, size.width() * share, titleHeight, area, corner);
                        if (!area.adjusted(-1, -1, 1, 1).contains(candidate) || candidate.intersects(arrow) || outline.intersects(candidate))
                            continue;
                        bestWidth = candidate.width();
                        s.view = view;
                        s.inset = MapInset{shown, candidate, QCoreApplication::translate("app::render::MapLayout", "贵阳中心城区")};
                        break;
                    }
        }
}

}  // namespace app::render
