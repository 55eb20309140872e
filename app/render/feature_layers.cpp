#include "render/feature_layers.h"

#include <algorithm>
#include <cmath>
#include <thread>

#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include "layers/feature_layer.h"
#include "layers/viewport_layer.h"
#include "render/style.h"
#include "render/scanline.h"

namespace app::render {

namespace {


std::uint32_t premultiplied(const QColor& c, double opacity = 1.0)
{
    return qPremultiply(qRgba(c.red(), c.green(), c.blue(), static_cast<int>(std::lround(c.alpha() * opacity))));
}

/// Affine map from the layer's integer grid to screen pixels.
struct GridToScreen {
    double ax, bx, ay, by;
    GridToScreen(const layers::FeatureLayer& l, const MapView& v)
    {
        const double k = 1.0 / v.unitsPerPixel();
        ax = l.unit() * k;
        bx = (l.origin().x - v.centre().x) * k + v.size().width() / 2;
        ay = -l.unit() * k;
        by = (v.centre().y - l.origin().y) * k + v.size().height() / 2;
    }
};

/// Screen box (pixels, y down) of display-CRS bounds.
struct ScreenBox {
    double x0, y0, x1, y1;
};

ScreenBox toScreen(const geo::FloatBox& b, const MapView& v)
{
    const double k = 1.0 / v.unitsPerPixel();
    const double cx = v.size().width() / 2 - v.centre().x * k;
    const double cy = v.size().height() / 2 + v.centre().y * k;
    return {b.minX * k + cx, cy - b.maxY * k, b.maxX * k + cx, cy - b.minY * k};
}

/// The features worth looking at for a view: all (linear pass) when the view holds most of the layer, else
/// the R-tree's answer.
std::vector<std::uint32_t> candidates(const layers::FeatureLayer& layer, const MapView& view, bool& all)
{
    const geo::Box e = view.extent();
    const geo::Box le = layer.extent();
    all = false;
    if (le.isEmpty() || !e.intersects(le))
        return {};
    const double overlap = (std::min(e.maxX, le.maxX) - std::max(e.minX, le.minX)) * (std::min(e.maxY, le.maxY) - std::max(e.minY, le.minY));
    if (overlap >= 0.3 * le.width() * le.height()) {
        all = true;
        return {};
    }
    return layer.query(e);
}

struct StripeJob {
    const layers::FeatureLayer* layer;
    const FeatureStyle* style;
    const MapView* view;
    const std::vector<std::uint32_t>* ids;  // null: all features
    const std::vector<std::uint32_t>* colours;
    QImage* image;
    int rowBegin, rowEnd;
    std::size_t drawn = 0;

    void run()
    {
        const int width = image->width();
        for (int y = rowBegin; y < rowEnd; ++y)
            std::fill_n(reinterpret_cast<std::uint32_t*>(image->scanLine(y)), width, 0u);  // transparent, rows of this stripe
        if (ids && ids->empty())
            return;
        PixelTarget target{reinterpret_cast<std::uint32_t*>(image->scanLine(rowBegin)), static_cast<int>(image->bytesPerLine() / 4), width,
                           rowBegin, rowEnd};
        const GridToScreen g(*layer, *view);
        const auto bounds = layer->bounds();
        const auto featureRings = layer->featureRings();
        const auto ringStart = layer->ringStart();
        const auto xy = layer->xy();
        const auto categories = layer->categories();
        const bool polygons = layer->kind() == layers::FeatureKind::Polygons;
        const double outlineMin = style->outlineMinPixels;
        const std::uint32_t outlineColour = premultiplied(style->outline);
        std::vector<ScreenPoint> points;
        std::vector<std::uint32_t> ringEnds;
        std::vector<QPolygonF> shapes;  // points and lines, drawn by QPainter
        std::vector<ScreenPoint> outlinePoints;
        std::vector<std::uint32_t> outlineEnds;
        ScanlineFill fill;
        const std::size_t n = ids ? ids->size() : layer->size();
        for (std::size_t k = 0; k < n; ++k) {
            const std::uint32_t i = ids ? (*ids)[k] : static_cast<std::uint32_t>(k);
            const geo::FloatBox& fb = bounds[i];
            if (fb.minX > fb.maxX)
                continue;  // empty geometry
            const ScreenBox sb = toScreen(fb, *view);
            const std::uint16_t cat = categories[i];
            const std::uint32_t colour = cat < colours->size() ? (*colours)[cat] : colours->back();
            if (!polygons) {
                // Points and lines: a square per vertex or the polyline, clipped by the stripe's painter below.
                if (sb.y1 + style->pointSize < rowBegin || sb.y0 - style->pointSize >= rowEnd || sb.x1 + style->pointSize < 0 ||
                    sb.x0 - style->pointSize >= width)
                    continue;
                for (std::uint32_t r = featureRings[i]; r < featureRings[i + 1]; ++r) {
                    QPolygonF line;
                    for (std::uint32_t v = ringStart[r]; v < ringStart[r + 1]; ++v)
                        line << QPointF(g.ax * xy[2 * v] + g.bx, g.ay * xy[2 * v + 1] + g.by);
                    shapes.push_back(std::move(line));
                }
                ++drawn;
                continue;
            }
            // Rows and columns whose pixel centres the bounds hold (the fill), and the rows an outline can touch.
            const bool outlined = sb.x1 - sb.x0 >= outlineMin && sb.y1 - sb.y0 >= outlineMin;
            const int r0 = std::max(rowBegin, static_cast<int>(std::ceil(sb.y0 - 0.5)));
            const int r1 = std::min(rowEnd, static_cast<int>(std::ceil(sb.y1 - 0.5)));
            const int c0 = std::max(0, static_cast<int>(std::ceil(sb.x0 - 0.5)));
            const int c1 = std::min(width, static_cast<int>(std::ceil(sb.x1 - 0.5)));
            const bool fills = r0 < r1 && c0 < c1;
            const bool outlines = outlined && std::floor(sb.y0) < rowEnd && std::floor(sb.y1) >= rowBegin && sb.x1 >= 0 && sb.x0 < width;
            if (!fills && !outlines)
                continue;
            ++drawn;
            if (!outlined && sb.x1 - sb.x0 <= 1 && sb.y1 - sb.y0 <= 1 && std::ceil(sb.y1 - 0.5) - std::ceil(sb.y0 - 0.5) == 1 &&
                std::ceil(sb.x1 - 0.5) - std::ceil(sb.x0 - 0.5) == 1) {
                // Smaller than a pixel, holding one pixel centre: drawn as that pixel (level of detail).
                std::uint32_t& px = target.pixels[static_cast<std::ptrdiff_t>(r0 - rowBegin) * target.stride + c0];
                px = (colour >> 24) == 255 ? colour : blendOver(px, colour);
                continue;
            }
            points.clear();
            ringEnds.clear();
            for (std::uint32_t r = featureRings[i]; r < featureRings[i + 1]; ++r) {
                for (std::uint32_t v = ringStart[r]; v < ringStart[r + 1]; ++v)
                    points.push_back({static_cast<float>(g.ax * xy[2 * v] + g.bx), static_cast<float>(g.ay * xy[2 * v + 1] + g.by)});
                ringEnds.push_back(static_cast<std::uint32_t>(points.size()));
            }
            if (fills)
                fill.fill(target, points.data(), ringEnds.data(), static_cast<int>(ringEnds.size()), colour);
            if (outlines) {
                // Outlines go on top of every fill, as in the reference: kept as closed rings for after the loop.
                std::uint32_t b = 0;
                for (std::uint32_t e : ringEnds) {
                    outlinePoints.insert(outlinePoints.end(), points.begin() + b, points.begin() + e);
                    outlinePoints.push_back(points[b]);
                    outlineEnds.push_back(static_cast<std::uint32_t>(outlinePoints.size()));
                    b = e;
                }
            }
        }
        for (std::uint32_t b = 0, r = 0; r < outlineEnds.size(); b = outlineEnds[r++])
            for (std::uint32_t v = b; v + 1 < outlineEnds[r]; ++v)
                drawLine(target, outlinePoints[v], outlinePoints[v + 1], outlineColour);
        if (shapes.empty())
            return;
        // Outlines (and points, lines) through QPainter's cosmetic line rasteriser on this stripe's rows.
        QImage stripe(image->scanLine(rowBegin), width, rowEnd - rowBegin, image->bytesPerLine(), image->format());
        QPainter p(&stripe);
        p.translate(0, -rowBegin);
        if (layer->kind() == layers::FeatureKind::Lines) {
            QPen pen(style->fill, 1.5);
            pen.setCosmetic(true);
            p.setPen(pen);
            p.setRenderHint(QPainter::Antialiasing);
            for (const QPolygonF& line : shapes)
                p.drawPolyline(line);
        } else {
            const double h = style->pointSize / 2;
            for (const QPolygonF& shape : shapes)
                for (const QPointF& pt : shape)
                    p.fillRect(QRectF(pt.x() - h, pt.y() - h, style->pointSize, style->pointSize), style->fill);
        }
    }
};

QImage renderReference(const layers::FeatureLayer& layer, const FeatureStyle& style, const MapView& view)
{
    QImage image(view.size().toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    const GridToScreen g(layer, view);
    const auto featureRings = layer.featureRings();
    const auto ringStart = layer.ringStart();
    const auto xy = layer.xy();
    const auto categories = layer.categories();
    QPen pen(style.outline, 1);
    pen.setCosmetic(true);
    std::vector<QPolygonF> outlines;
    for (std::size_t i = 0; i < layer.size(); ++i) {
        QPainterPath path;
        path.setFillRule(Qt::OddEvenFill);
        for (std::uint32_t r = featureRings[i]; r < featureRings[i + 1]; ++r) {
            QPolygonF ring;
            for (std::uint32_t v = ringStart[r]; v < ringStart[r + 1]; ++v)
                ring << QPointF(g.ax * xy[2 * v] + g.bx, g.ay * xy[2 * v + 1] + g.by);
            path.addPolygon(ring);
            path.closeSubpath();
        }
        const std::uint16_t cat = categories[i];
        const QColor fill = cat < style.categoryFills.size() ? style.categoryFills[cat] : style.fill;
        if (layer.kind() == layers::FeatureKind::Polygons) {
            p.fillPath(path, fill);
            const QRectF b = path.boundingRect();
            if (b.width() >= style.outlineMinPixels && b.height() >= style.outlineMinPixels)
                for (const QPolygonF& ring : path.toSubpathPolygons())
                    outlines.push_back(ring);
        } else {
            p.setPen(QPen(style.fill, 1.5));
            p.drawPath(path);
        }
    }
    p.setPen(pen);
    for (const QPolygonF& ring : outlines)
        p.drawPolyline(ring);
    return image;
}

}  // namespace

FeatureStyle defaultFeatureStyle(const layers::FeatureLayer& layer, const Style& style)
{
    const QString geometry = layer.kind() == layers::FeatureKind::Polygons ? "polygons" : layer.kind() == layers::FeatureKind::Lines ? "lines" : "points";
    const Symbol base = style.symbol("user", {}, {{"geometry", geometry}});
    FeatureStyle out;
    out.fill = base.fill;
    out.outline = base.stroke;
    out.outlineMinPixels = base.outlineMinPixels;
    out.pointSize = base.size;
    const auto& names = layer.categoryNames();
    for (std::size_t k = 0; k < names.size(); ++k) {
        const Symbol s = style.symbol("user", {}, {{"geometry", geometry}, {"category", QString::fromStdString(names[k])}});
        // Categories without a rule of their own: colours spread over the hue circle by the golden ratio.
        out.categoryFills.push_back(s.autoFill ? QColor::fromHsvF(std::fmod(static_cast<double>(k) * 0.618034, 1.0), 0.45, 0.92) : s.fill);
    }
    return out;
}

std::vector<LayerCategory> layerCategories(const layers::FeatureLayer& layer, const FeatureStyle& style)
{
    const auto& names = layer.categoryNames();
    std::vector<std::size_t> counts(names.size() + 1, 0);  // last: no category
    for (const std::uint16_t cat : layer.categories())
        ++counts[std::min<std::size_t>(cat, names.size())];
    std::vector<LayerCategory> out;
    for (std::size_t k = 0; k < names.size(); ++k)
        if (counts[k])
            out.push_back({QString::fromStdString(names[k]), k < style.categoryFills.size() ? style.categoryFills[k] : style.fill, counts[k]});
    std::stable_sort(out.begin(), out.end(), [](const LayerCategory& a, const LayerCategory& b) { return a.count > b.count; });
    if (counts.back())
        out.push_back({QString(), style.fill, counts.back()});
    return out;
}

QPainterPath featurePath(const layers::FeatureLayer& layer, std::uint32_t i)
{
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    if (i >= layer.size())
        return path;
    const auto featureRings = layer.featureRings();
    const auto ringStart = layer.ringStart();
    const auto xy = layer.xy();
    const geo::Point o = layer.origin();
    const double u = layer.unit();
    for (std::uint32_t r = featureRings[i]; r < featureRings[i + 1]; ++r) {
        for (std::uint32_t v = ringStart[r]; v < ringStart[r + 1]; ++v) {
            const QPointF at(o.x + u * xy[2 * v], o.y + u * xy[2 * v + 1]);
            if (v == ringStart[r] || layer.kind() == layers::FeatureKind::Points)
                path.moveTo(at);
            else
                path.lineTo(at);
        }
        if (layer.kind() == layers::FeatureKind::Polygons)
            path.closeSubpath();
    }
    return path;
}

QImage renderFeatureLayer(const layers::FeatureLayer& layer, const FeatureStyle& style, const MapView& view, RenderQuality quality, int threads)
{
    if (quality == RenderQuality::Reference)
        return renderReference(layer, style, view);
    QImage image(view.size().toSize(), QImage::Format_ARGB32_Premultiplied);
    renderFeatureLayerInto(image, layer, style, view, threads);
    return image;
}

std::size_t renderFeatureLayerInto(QImage& image, const layers::FeatureLayer& layer, const FeatureStyle& style, const MapView& view, int threads)
{
    if (image.size() != view.size().toSize() || image.format() != QImage::Format_ARGB32_Premultiplied)
        image = QImage(view.size().toSize(), QImage::Format_ARGB32_Premultiplied);
    bool all = false;
    const std::vector<std::uint32_t> ids = candidates(layer, view, all);
    std::vector<std::uint32_t> colours;
    for (const QColor& c : style.categoryFills)
        colours.push_back(premultiplied(c));
    colours.push_back(premultiplied(style.fill));  // last: no category
    const int n = std::clamp(threads > 0 ? threads : static_cast<int>(std::thread::hardware_concurrency()), 1, 16);
    const std::vector<std::uint32_t>* subset = all ? nullptr : &ids;
    std::vector<StripeJob> jobs;
    for (int t = 0; t < n; ++t)
        jobs.push_back({&layer, &style, &view, subset, &colours, &image, image.height() * t / n, image.height() * (t + 1) / n});
    std::vector<std::thread> workers;
    for (std::size_t t = 1; t < jobs.size(); ++t)
        workers.emplace_back([&job = jobs[t]] { job.run(); });
    jobs[0].run();
    for (auto& w : workers)
        w.join();
    std::size_t drawn = 0;
    for (const StripeJob& j : jobs)
        drawn += j.drawn;
    return drawn;
}

void drawUserLayer(QPainter& p, const UserLayer& layer, const MapView& view, RenderQuality quality, const std::atomic<bool>* cancel)
{
    if (!layer.visible || !layer.data)
        return;
    std::shared_ptr<const layers::FeatureLayer> features = layer.data;
    if (layer.viewport) {
        // this frame's own view of the table (or of its overview at coarse scales); what the server says goes to the
        // layer's last error (gzplan render and the window report it)
        features = layer.viewport->readOrNote(view.extent(), view.unitsPerPixel(), cancel);
        if (!features)
            return;
    }
    // A scratch image per thread, reused frame after frame (a fresh 8 MB buffer costs page faults every frame).
    thread_local QImage scratch;
    if (quality == RenderQuality::Reference)
        scratch = renderFeatureLayer(*features, layer.style, view, quality);
    else
        renderFeatureLayerInto(scratch, *features, layer.style, view);
    const QImage& image = scratch;
    p.save();
    p.setOpacity(p.opacity() * layer.opacity);
    p.drawImage(QPointF(0, 0), image);
    p.restore();
}

}  // namespace app::render
