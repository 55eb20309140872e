#pragma once
// Internal drawing helpers of the render library.

#include <QFont>
#include <QFontMetricsF>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPen>

#include <QHash>
#include <QImage>
#include <QTransform>

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>
#include <vector>

#include "render/painted_pixels.h"
#include "render/scanline.h"
#include "render/style.h"

namespace app::render {

/// Sets a font's size in points at 96 dpi as pixels, so that the renderer's own dpi factor is the only
/// scaling (QImage, QPdfWriter and QSvgGenerator would otherwise scale point sizes by their resolution too).
inline void setPoints(QFont& font, double points)
{
    font.setPixelSize(std::max(1, static_cast<int>(std::lround(points * 96.0 / 72.0))));
}

inline QPen cosmeticPen(const StrokeStyle& s, double k)
{
    QPen pen(s.colour, s.width * k);
    pen.setCosmetic(true);
    pen.setJoinStyle(Qt::MiterJoin);
    return pen;
}

/// Text with a halo, then the text in its colour on top. On raster images the halo is the text drawn in the halo
/// colour at eight offsets around the baseline, through Qt's glyph cache (outlining glyphs into paths would cost
/// ~0.3 ms a label). On vector devices (PDF, SVG) it is the glyphs' outline stroked, a path: the text itself is
/// written once, so that a PDF's text (search, copy, pdftotext) holds each label once, not nine times.
inline void haloText(QPainter& p, QPointF baseline, const QString& text, const QFont& font, QColor fill, QColor halo, double haloWidth)
{
    p.save();
    p.setFont(font);
    if (p.paintEngine() && p.paintEngine()->type() != QPaintEngine::Raster) {
        QPainterPath outline;
        outline.addText(baseline, font, text);
        p.strokePath(outline, QPen(halo, haloWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    } else {
        p.setPen(halo);
        const double r = haloWidth / 2;
        const double d = r * 0.7071;
        const QPointF offsets[] = {{r, 0}, {-r, 0}, {0, r}, {0, -r}, {d, d}, {d, -d}, {-d, d}, {-d, -d}};
        for (const QPointF& o : offsets)
            p.drawText(baseline + o, text);
    }
    p.setPen(fill);
    p.drawText(baseline, text);
    p.restore();
}

/// The path mapped to screen pixels by t, dropping each vertex within tolerance pixels of the last kept one
/// (level of detail: at province scale most source vertices fall within a pixel of their neighbours).
inline QPainterPath screenPath(const QPainterPath& path, const QTransform& t, double tolerance = 0.6)
{
    QPainterPath out;
    out.setFillRule(path.fillRule());
    const double t2 = tolerance * tolerance;
    QPointF last;
    QPointF pending;
    bool hasPending = false;
    const int n = path.elementCount();
    for (int i = 0; i < n; ++i) {
        const QPainterPath::Element e = path.elementAt(i);
        const QPointF p = t.map(QPointF(e.x, e.y));
        if (e.isMoveTo()) {
            if (hasPending)
                out.lineTo(pending);
            hasPending = false;
            out.moveTo(p);
            last = p;
            continue;
        }
        const QPointF d = p - last;
        if (d.x() * d.x() + d.y() * d.y() < t2) {
            pending = p;  // kept only if it ends a subpath
            hasPending = true;
            continue;
        }
        out.lineTo(p);
        last = p;
        hasPending = false;
    }
    if (hasPending)
        out.lineTo(pending);
    return out;
}

/// Strokes a screen-space path of any width with Qt's fast hairline rasteriser: one antialiased 1-pixel
/// pass per offset, the offsets spread over the width (Qt's general stroker is 40-100x slower on the
/// province's thousands of vertices). Dash patterns are in pixels.
inline void strokeFast(QPainter& p, const QPainterPath& path, const QColor& colour, double width, Qt::PenStyle style = Qt::SolidLine)
{
    QPen pen(colour, std::min(width, 1.0), style);
    pen.setCosmetic(true);
    if (style == Qt::DashLine)
        pen.setDashPattern({6, 5});  // long enough to read as dashed along jagged county borders
    p.save();
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    const double h = std::max(0.0, (width - 1.0) / 2.0);
    const QPointF offsets[] = {{0, 0}, {h, 0}, {-h, 0}, {0, h}, {0, -h}};
    const int passes = width <= 1.05 ? 1 : width <= 2.0 ? 3 : 5;
    for (int i = 0; i < passes; ++i) {
        p.translate(offsets[i]);
        p.drawPath(path);
        p.translate(-offsets[i]);
    }
    p.restore();
}

/// A point inside path (map or screen units alike) for a label: the point of a 15x15 grid over its bounds that
/// lies inside and is nearest to anchor.
inline QPointF pointInside(const QPainterPath& path, QPointF anchor)
{
    const QRectF b = path.boundingRect();
    QPointF best = b.center();
    double bestDistance = -1;
    for (int j = 0; j < 15; ++j)
        for (int i = 0; i < 15; ++i) {
            const QPointF c(b.left() + b.width() * (i + 0.5) / 15, b.top() + b.height() * (j + 0.5) / 15);
            if (!path.contains(c))
                continue;
            const QPointF d = c - anchor;
            const double distance = d.x() * d.x() + d.y() * d.y();
            if (bestDistance < 0 || distance < bestDistance) {
                best = c;
                bestDistance = distance;
            }
        }
    return best;
}

// ---------------------------------------------------------------------------------------------------------
// The fast path's caches (RenderQuality::Fast): what depends on the scale but not on the frame is built once
// per scale band and reused by every frame, pan or redraw, on any thread.

/// The scale band of a view: the largest 2^(i/4) map units not above its units per pixel. A band's paths are
/// in "band pixels" (map units / band scale, y down) and reach the screen by a scale in (0.84, 1] and a
/// translation, so their 0.6-pixel simplification stays within 0.6 screen pixels.
inline double bandScale(double unitsPerPixel)
{
    return std::exp2(std::floor(std::log2(unitsPerPixel) * 4 + 1e-9) / 4);
}

/// Douglas-Peucker on each subpath of a (screen-space, line-only) path: drops every vertex whose removal moves
/// the line by less than tolerance. After screenPath's 0.6-pixel radial pass the vertices are still ~1 pixel
/// apart, and stroking and filling cost per segment.
inline QPainterPath simplifyLines(const QPainterPath& path, double tolerance)
{
    QPainterPath out;
    out.setFillRule(path.fillRule());
    out.reserve(path.elementCount() / 2);
    const double t2 = tolerance * tolerance;
    std::vector<QPointF> ring;
    std::vector<char> keep;
    std::vector<std::pair<int, int>> stack;
    auto flush = [&] {
        const int n = static_cast<int>(ring.size());
        if (n == 0)
            return;
        keep.assign(static_cast<std::size_t>(n), 0);
        keep.front() = keep.back() = 1;
        stack.clear();
        if (n > 2)
            stack.emplace_back(0, n - 1);
        while (!stack.empty()) {
            const auto [a, b] = stack.back();
            stack.pop_back();
            const QPointF pa = ring[static_cast<std::size_t>(a)], pb = ring[static_cast<std::size_t>(b)];
            const double dx = pb.x() - pa.x(), dy = pb.y() - pa.y();
            const double length2 = dx * dx + dy * dy;
            double worst = -1;
            int at = -1;
            for (int i = a + 1; i < b; ++i) {
                const QPointF q = ring[static_cast<std::size_t>(i)];
                const double qx = q.x() - pa.x(), qy = q.y() - pa.y();
                // Distance to the segment's line (to the point itself where the segment closes a ring).
                const double d2 = length2 > 0 ? (qx * dy - qy * dx) * (qx * dy - qy * dx) / length2 : qx * qx + qy * qy;
                if (d2 > worst) {
                    worst = d2;
                    at = i;
                }
            }
            if (at >= 0 && worst > t2) {
                keep[static_cast<std::size_t>(at)] = 1;
                stack.emplace_back(a, at);
                stack.emplace_back(at, b);
            }
        }
        out.moveTo(ring.front());
        for (int i = 1; i < n; ++i)
            if (keep[static_cast<std::size_t>(i)])
                out.lineTo(ring[static_cast<std::size_t>(i)]);
        ring.clear();
    };
    for (int i = 0; i < path.elementCount(); ++i) {
        const QPainterPath::Element e = path.elementAt(i);
        if (e.isMoveTo())
            flush();
        ring.emplace_back(e.x, e.y);
    }
    flush();
    return out;
}

/// A deep copy (QPainterPath caches its bounds and its vector form lazily, unguarded: a path drawn on two
/// threads at once must not share its data).
inline QPainterPath deepCopy(const QPainterPath& path)
{
    QPainterPath out;
    out.setFillRule(path.fillRule());
    out.reserve(path.elementCount());
    for (int i = 0; i < path.elementCount(); ++i) {
        const QPainterPath::Element e = path.elementAt(i);
        if (e.isMoveTo())
            out.moveTo(e.x, e.y);
        else
            out.lineTo(e.x, e.y);
    }
    return out;
}

/// The drawable paths of a band, owned by one painter at a time (see BandGeometry::Lease), with memos of what
/// that painter derived from them.
struct BandPaths {
    std::vector<QPainterPath> counties, prefectures, neighbours, zones, zonesCoarse, rivers;
    QPainterPath province, provinceCoarse;
    QPainterPath countyOutlines;  ///< every county ring in one path, for one outline pass
    QHash<int, QPointF> zoneAnchors;           ///< zone index -> label point, band pixels
    QHash<quint64, QPainterPath> zoneBands;    ///< (zone, width in band pixels) -> stroked outline
    QHash<QString, QPointF> neighbourAnchors;  ///< (neighbour, visible band rectangle) -> label point (NaN: none)
};

/// Every path of a MapData simplified once for a scale band. Immutable once built; painters draw leased deep
/// copies, returned to a pool for the next frame.
class BandGeometry {
public:
    double scale = 1;      ///< map units per band pixel
    QTransform mapToBand;  ///< map units -> band pixels
    std::vector<QRectF> countyBounds, neighbourBounds, zoneBounds, riverBounds;  ///< band pixels

    class Lease {
    public:
        Lease(const BandGeometry* band, std::unique_ptr<BandPaths> paths) : m_band(band), m_paths(std::move(paths)) {}
        Lease(Lease&&) = default;
        Lease& operator=(Lease&&) = delete;
        ~Lease()
        {
            if (m_paths)
                m_band->giveBack(std::move(m_paths));
        }
        BandPaths* get() const { return m_paths.get(); }

    private:
        const BandGeometry* m_band;
        std::unique_ptr<BandPaths> m_paths;
    };

    explicit BandGeometry(BandPaths master) : m_master(std::move(master)) {}
    Lease lease() const
    {
        {
            std::lock_guard lock(m_mutex);
            if (!m_pool.empty()) {
                std::unique_ptr<BandPaths> paths = std::move(m_pool.back());
                m_pool.pop_back();
                return Lease(this, std::move(paths));
            }
        }
        auto copy = std::make_unique<BandPaths>();
        auto all = [](const std::vector<QPainterPath>& paths) {
            std::vector<QPainterPath> out;
            out.reserve(paths.size());
            for (const QPainterPath& p : paths)
                out.push_back(deepCopy(p));
            return out;
        };
        copy->counties = all(m_master.counties);
        copy->prefectures = all(m_master.prefectures);
        copy->neighbours = all(m_master.neighbours);
        copy->zones = all(m_master.zones);
        copy->zonesCoarse = all(m_master.zonesCoarse);
        copy->rivers = all(m_master.rivers);
        copy->province = deepCopy(m_master.province);
        copy->provinceCoarse = deepCopy(m_master.provinceCoarse);
        copy->countyOutlines = deepCopy(m_master.countyOutlines);
        return Lease(this, std::move(copy));
    }

private:
    void giveBack(std::unique_ptr<BandPaths> paths) const
    {
        std::lock_guard lock(m_mutex);
        if (m_pool.size() < 8)
            m_pool.push_back(std::move(paths));
    }
    BandPaths m_master;  ///< only ever read (elementAt), never drawn
    mutable std::mutex m_mutex;
    mutable std::vector<std::unique_ptr<BandPaths>> m_pool;
};

/// A label rendered once with its halo into a premultiplied image, blitted at whole pixels: offset is the image's
/// top-left relative to the whole-pixel part of the baseline (the fraction is rendered into the image).
struct TextSprite {
    QImage image;
    QPoint offset;
};

/// Per renderer: scale bands (a few most recent), text advances and label sprites. Thread-safe.
struct RenderCache {
    std::mutex mutex;
    std::vector<std::shared_ptr<const BandGeometry>> bands;  ///< most recently used last
    QHash<QString, double> advances;                         ///< font key + text -> advance
    QHash<QString, TextSprite> sprites;
};

/// What one painter of a frame draws with: in the fast path the band, this painter's leased paths and the map
/// from band pixels to screen pixels; in the reference path nothing (every path simplified from the map data).
struct Frame {
    RenderCache* cache = nullptr;  ///< null: reference rendering
    std::shared_ptr<const BandGeometry> band;
    BandPaths* paths = nullptr;
    QTransform bandToScreen;
    QRectF visibleBand;  ///< the band-pixel rectangle this painter covers (with a margin), for culling
    bool fast() const { return cache != nullptr; }
};

/// The advance of text in font, memoised per renderer in the fast path (shaping a CJK label costs ~10 us).
inline double textAdvance(const Frame& f, const QFont& font, const QString& text)
{
    if (!f.fast())
        return QFontMetricsF(font).horizontalAdvance(text);
    const QString key = font.key() + QChar(0x1f) + text;
    {
        std::lock_guard lock(f.cache->mutex);
        const auto it = f.cache->advances.constFind(key);
        if (it != f.cache->advances.constEnd())
            return *it;
    }
    const double advance = QFontMetricsF(font).horizontalAdvance(text);
    std::lock_guard lock(f.cache->mutex);
    if (f.cache->advances.size() > 20000)
        f.cache->advances.clear();
    f.cache->advances.insert(key, advance);
    return advance;
}

/// Draws what draw(painter, at) paints around at through a sprite cached under key: rendered once into an image
/// with at's fraction of a pixel, then blitted at whole pixels. ink(): what draw covers, relative to at
/// (asked only when the sprite is rendered).
/// Returns false, drawing nothing, where a blit would not give the same pixels (reference rendering, scaled
/// or vector devices, opacity, other composition modes): the caller draws directly.
template <class Ink, class Draw>
bool drawCached(QPainter& p, const Frame& f, QPointF at, const QString& key, Ink ink, Draw draw)
{
    if (!f.fast() || !p.paintEngine() || p.paintEngine()->type() != QPaintEngine::Raster || p.opacity() != 1.0
        || p.compositionMode() != QPainter::CompositionMode_SourceOver)
        return false;
    const QTransform t = p.deviceTransform();
    if (t.type() > QTransform::TxTranslate || t.dx() != std::floor(t.dx()) || t.dy() != std::floor(t.dy()))
        return false;
    const QPointF d = t.map(at);
    double ix = std::floor(d.x()), iy = std::floor(d.y());
    // The fraction to 1/65536 pixel: text positions are rounded (glyphs to whole pixels vertically), so a coarser
    // step would move a label whose position lies near a rounding boundary; panning by whole pixels keeps it.
    constexpr int kSteps = 65536;
    int qx = static_cast<int>(std::lround((d.x() - ix) * kSteps)), qy = static_cast<int>(std::lround((d.y() - iy) * kSteps));
    if (qx == kSteps) {
        qx = 0;
        ix += 1;
    }
    if (qy == kSteps) {
        qy = 0;
        iy += 1;
    }
    const QString fullKey = key + QChar(0x1f) + QString::number(qx) + QChar(',') + QString::number(qy);
    TextSprite sprite;
    bool found = false;
    {
        std::lock_guard lock(f.cache->mutex);
        const auto it = f.cache->sprites.constFind(fullKey);
        if (it != f.cache->sprites.constEnd()) {
            sprite = *it;
            found = true;
        }
    }
    if (!found) {
        const QRectF box = ink();
        const int left = static_cast<int>(std::floor(box.left())) - 2, top = static_cast<int>(std::floor(box.top())) - 2;
        const int right = static_cast<int>(std::ceil(box.right())) + 3, bottom = static_cast<int>(std::ceil(box.bottom())) + 3;
        sprite.image = QImage(right - left, bottom - top, QImage::Format_ARGB32_Premultiplied);
        sprite.image.fill(Qt::transparent);
        sprite.offset = QPoint(left, top);
        {
            QPainter sp(&sprite.image);
            sp.setRenderHints(p.renderHints());
            draw(sp, QPointF(-left + static_cast<double>(qx) / kSteps, -top + static_cast<double>(qy) / kSteps));
        }
        std::lock_guard lock(f.cache->mutex);
        if (f.cache->sprites.size() > 4000)
            f.cache->sprites.clear();
        f.cache->sprites.insert(fullKey, sprite);
    }
    p.drawImage(QPointF(ix + sprite.offset.x() - t.dx(), iy + sprite.offset.y() - t.dy()), sprite.image);
    return true;
}

/// haloText through a cached sprite where that gives the same pixels.
inline void labelText(QPainter& p, const Frame& f, QPointF baseline, const QString& text, const QFont& font, QColor fill, QColor halo,
                      double haloWidth)
{
    if (f.fast()) {
        const QString key = QStringLiteral("t%1\x1f%2\x1f%3\x1f%4\x1f%5").arg(font.key(), text).arg(fill.rgba()).arg(halo.rgba()).arg(haloWidth);
        const double r = haloWidth / 2 + 1;
        auto ink = [&] { return QFontMetricsF(font).boundingRect(text).adjusted(-r, -r, r, r); };
        if (drawCached(p, f, baseline, key, ink, [&](QPainter& sp, QPointF at) { haloText(sp, at, text, font, fill, halo, haloWidth); }))
            return;
    }
    haloText(p, baseline, text, font, fill, halo, haloWidth);
}

/// The painter's world transform set to band pixels -> screen (on top of the painter's own, e.g. a stripe's
/// offset) with an extra screen offset.
inline void useBand(QPainter& p, const QTransform& base, const Frame& f, QPointF offset = {})
{
    p.setWorldTransform(f.bandToScreen * QTransform::fromTranslate(offset.x(), offset.y()) * base);
}

/// Strokes a path (any width, in pixels) with antialiased lines drawn straight into the painter's image
/// (render/scanline.h): Qt's cosmetic stroker spent most of a county frame mapping and clipping points, and
/// wide borders took it 3-5 offset passes. Only for solid strokes on an ARGB32 premultiplied image with no clip and no composition tricks;
/// returns false when it cannot, and the caller strokes with QPainter.
inline bool rasterStroke(QPainter& p, const QPainterPath& path, const QColor& colour, double width = 1)
{
    const std::optional<PaintedPixels> pixels = PaintedPixels::of(p);
    if (!pixels)
        return false;
    const QTransform t = p.combinedTransform();
    if (t.type() > QTransform::TxScale)
        return false;
    QColor c = colour;
    c.setAlphaF(c.alphaF() * p.opacity() * std::min(width, 1.0));  // a thinner line reads as a lighter one
    const std::uint32_t premultipliedColour = qPremultiply(c.rgba());
    const PixelTarget target = pixels->target();
    const double sx = t.m11(), sy = t.m22(), tx = t.dx(), ty = t.dy();
    const bool wide = width > 1.05;
    const int n = path.elementCount();
    // Segments wholly above or below the image (a stripe holds a part of the frame) are skipped here.
    const float top = -2 - static_cast<float>(width), bottom = static_cast<float>(pixels->height()) + 2 + static_cast<float>(width);
    ScreenPoint previous{0, 0};
    for (int i = 0; i < n; ++i) {
        const QPainterPath::Element e = path.elementAt(i);
        const ScreenPoint current{static_cast<float>(e.x * sx + tx), static_cast<float>(e.y * sy + ty)};
        if (!e.isMoveTo() && !(previous.y < top && current.y < top) && !(previous.y > bottom && current.y > bottom)) {
            if (wide)
                drawWideLineAA(target, previous, current, static_cast<float>(width), premultipliedColour);
            else
                drawLineAA(target, previous, current, premultipliedColour);
        }
        previous = current;
    }
    return true;
}

/// strokeFast for a band path: the offsets are screen pixels.
inline void strokeFastBand(QPainter& p, const Frame& f, const QPainterPath& path, const QColor& colour, double width,
                           Qt::PenStyle style = Qt::SolidLine)
{
    QPen pen(colour, std::min(width, 1.0), style);
    pen.setCosmetic(true);
    if (style == Qt::DashLine)
        pen.setDashPattern({6, 5});
    p.save();
    const QTransform base = p.worldTransform();
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    const double h = std::max(0.0, (width - 1.0) / 2.0);
    const QPointF offsets[] = {{0, 0}, {h, 0}, {-h, 0}, {0, h}, {0, -h}};
    const int passes = width <= 1.05 ? 1 : width <= 2.0 ? 3 : 5;
    useBand(p, base, f);
    // On a painter that scales (a high-dpi canvas) the offset passes below, as strokeFast's, lie that much further
    // apart in device pixels: the one-pass stroke is as wide.
    const double scale = std::sqrt(std::abs(base.determinant()));
    const double deviceWidth = width <= 1.05 ? width : 1 + (width - 1) * scale;
    if (style != Qt::SolidLine || !p.testRenderHint(QPainter::Antialiasing) || !rasterStroke(p, path, colour, deviceWidth))
        for (int i = 0; i < passes; ++i) {
            useBand(p, base, f, offsets[i]);
            p.drawPath(path);
        }
    p.restore();
}

}  // namespace app::render
