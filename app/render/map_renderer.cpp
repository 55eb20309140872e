#include "render/language.h"
#include "render/map_renderer.h"
#include "render/map_layers.h"
#include "render/painting.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <functional>
#include <optional>
#include <utility>

#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QThread>
#include <QThreadPool>

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

/// Band pixels a band's paths may stray from the reference's (screenPath's radial 0.6-pixel pass).
constexpr double kBandTolerance = 0.3;

/// A path as the reference simplifies it for the screen, then with Douglas-Peucker to kBandTolerance.
QPainterPath bandPath(const QPainterPath& path, const QTransform& t)
{
    return simplifyLines(screenPath(path, t), kBandTolerance);
}

/// Every path of data simplified for a scale band (and the coarser versions the overlays use).
std::shared_ptr<const BandGeometry> buildBand(const MapData& data, double scale)
{
    BandPaths m;
    const QTransform t(1 / scale, 0, 0, -1 / scale, 0, 0);
    std::vector<QRectF> counties, neighbours, zones, rivers;
    for (const CountyItem& c : data.counties) {
        m.counties.push_back(bandPath(c.path, t));
        counties.push_back(m.counties.back().controlPointRect());
        m.countyOutlines.addPath(m.counties.back());
    }
    for (const PrefectureItem& pr : data.prefectures)
        m.prefectures.push_back(bandPath(pr.path, t));
    for (const RegionItem& r : data.neighbours) {
        m.neighbours.push_back(bandPath(r.path, t));
        neighbours.push_back(m.neighbours.back().controlPointRect());
    }
    for (const ZoneItem& z : data.zones) {
        m.zones.push_back(bandPath(z.path, t));
        m.zonesCoarse.push_back(screenPath(z.path, t, 2.0));
        zones.push_back(m.zones.back().controlPointRect());
    }
    for (const RiverItem& r : data.rivers) {
        m.rivers.push_back(bandPath(r.path, t));
        rivers.push_back(m.rivers.back().controlPointRect());
    }
    m.province = bandPath(data.province, t);
    m.provinceCoarse = screenPath(data.province, t, 3.0);
    auto band = std::make_shared<BandGeometry>(std::move(m));
    band->scale = scale;
    band->mapToBand = t;
    band->countyBounds = std::move(counties);
    band->neighbourBounds = std::move(neighbours);
    band->zoneBounds = std::move(zones);
    band->riverBounds = std::move(rivers);
    return band;
}

/// The band of scale from the cache, built on first use (outside the lock: two threads may both build one).
std::shared_ptr<const BandGeometry> cachedBand(RenderCache& cache, const MapData& data, double scale)
{
    {
        std::lock_guard lock(cache.mutex);
        for (auto it = cache.bands.begin(); it != cache.bands.end(); ++it)
            if ((*it)->scale == scale) {
                auto band = *it;
                cache.bands.erase(it);
                cache.bands.push_back(band);
                return band;
            }
    }
    auto band = buildBand(data, scale);
    std::lock_guard lock(cache.mutex);
    for (const auto& b : cache.bands)
        if (b->scale == scale)
            return b;
    cache.bands.push_back(band);
    if (cache.bands.size() > 6)
        cache.bands.erase(cache.bands.begin());
    return band;
}
}  // namespace

MapRenderer::MapRenderer(std::shared_ptr<const MapData> data, Style style)
    : m_data(std::move(data)), m_style(std::move(style)), m_cache(std::make_shared<RenderCache>())
{
    for (const QString& id : viewIds())
        m_symbols.push_back(ViewSymbols::resolve(*m_data, m_style, *viewFromId(id)));
}

const ViewSymbols& MapRenderer::symbols(View view) const { return m_symbols[static_cast<std::size_t>(view)]; }

geo::Box MapRenderer::viewExtent(View view) const
{
    geo::Box box = geo::Box::empty();
    const ViewSymbols& v = symbols(view);
    for (std::size_t i = 0; i < m_data->zones.size(); ++i)
        if (v.zones[i].extent)
            box.expand(m_data->zones[i].bounds);
    if (box.isEmpty())
        return m_data->extent;
    const double pad = m_style.extentPad * std::max(box.width(), box.height());
    return {box.minX - pad, box.minY - pad, box.maxX + pad, box.maxY + pad};
}

Frame MapRenderer::fastFrame(QPainter& p, const RenderSettings& s) const
{
    Frame f;
    if (s.quality != RenderQuality::Fast || !p.paintEngine() || p.paintEngine()->type() != QPaintEngine::Raster)
        return f;
    const double upp = s.view.unitsPerPixel();
    f.cache = m_cache.get();
    f.band = cachedBand(*m_cache, *m_data, bandScale(upp));
    const double r = f.band->scale / upp;
    const QTransform mapToScreen = s.view.transform();
    f.bandToScreen = QTransform(r, 0, 0, r, mapToScreen.dx(), mapToScreen.dy());
    f.visibleBand = f.bandToScreen.inverted().mapRect(QRectF(QPointF(0, 0), s.view.size()).adjusted(-16, -16, 16, 16));
    return f;
}

bool MapRenderer::drawStripes(QPainter& p, const RenderSettings& s, const Frame& f) const
{
    // Only where the stripes' own painters give the pixels p would: a plain premultiplied raster image, no transform,
    // clip or opacity, and no user layers (they render their own image in stripes).
    const std::optional<PaintedPixels> pixels = PaintedPixels::of(p);
    if (!pixels || !s.userLayers.empty())
        return false;
    if (!p.deviceTransform().isIdentity() || p.opacity() != 1.0)
        return false;
    const QImage* image = static_cast<const QImage*>(p.device());
    const int threads = std::min(QThread::idealThreadCount(), 16);
    const int width = image->width(), height = image->height();
    if (threads < 2 || height < 64)
        return false;

    const int count = threads;
    const QPainter::RenderHints hints = p.renderHints();
    auto drawStripe = [&, count](int i) {
        const int y0 = height * i / count, y1 = height * (i + 1) / count;
        QImage stripe = pixels->rows(y0, y1);
        stripe.setDotsPerMeterX(image->dotsPerMeterX());
        stripe.setDotsPerMeterY(image->dotsPerMeterY());
        QPainter sp(&stripe);
        sp.setRenderHints(hints);
        sp.translate(0, -y0);
        const BandGeometry::Lease lease = f.band->lease();
        Frame sf = f;
        sf.paths = lease.get();
        sf.visibleBand = f.bandToScreen.inverted().mapRect(QRectF(0, y0, width, y1 - y0).adjusted(-16, -16, 16, 16));
        sp.fillRect(QRectF(QPointF(0, 0), s.view.size()), m_style.background);
        drawLayers(sp, s, sf);
    };
    // Stripes are claimed by the calling thread and by helpers from Qt's global pool alike: when the pool is busy
    // (the canvas renders on it too) the caller draws them all itself instead of waiting.
    struct Shared {
        std::atomic<int> next{0};
        int count = 0;
        int done = 0;
        std::mutex mutex;
        std::condition_variable finished;
        std::function<void(int)> draw;
    };
    auto shared = std::make_shared<Shared>();
    shared->count = count;
    shared->draw = drawStripe;
    auto work = [shared] {
        for (int i = shared->next.fetch_add(1); i < shared->count; i = shared->next.fetch_add(1)) {
            shared->draw(i);
            std::lock_guard lock(shared->mutex);
            if (++shared->done == shared->count)
                shared->finished.notify_all();
        }
    };
    for (int t = 1; t < threads; ++t)
        QThreadPool::globalInstance()->start(work);
    work();
    std::unique_lock lock(shared->mutex);
    shared->finished.wait(lock, [&] { return shared->done == shared->count; });
    return true;
}

QColor MapRenderer::prefectureFill(int index) const
{
    const Symbol s = m_style.symbol("counties", viewId(View::Overview), {{"prefecture_index", QString::number(index)}});
    return s.palette.isEmpty() ? s.fill : s.palette[index % s.palette.size()];
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
    Frame f = fastFrame(p, s);
    std::optional<BandGeometry::Lease> lease;  // released before f lets go of the band
    if (f.fast()) {
        lease.emplace(f.band->lease());
        f.paths = lease->get();
    }
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    if (!f.fast() || !drawStripes(p, s, f)) {
        p.fillRect(QRectF(QPointF(0, 0), s.view.size()), m_style.background);
        drawLayers(p, s, f);
    }
    if (s.visible("labels"))
        drawLabels(p, s, f);
    if (s.scaleBar)
        drawScaleBar(p, s, f);
    if (s.northArrow)
        drawNorthArrow(p, s, f);
    if (s.inset)
        drawInset(p, s);
    if (s.decorations)
        drawDecorations(p, s);
    p.restore();
}

QMap<QString, LayerState> MapRenderer::viewLayers(View view) const
{
    QMap<QString, LayerState> layers;
    const QMap<QString, double> shown = m_style.views.value(viewId(view));
    for (const QString& id : layerIds())
        layers[id] = {shown.contains(id), shown.value(id, 1.0)};
    return layers;
}

RenderSettings MapRenderer::settingsFor(View view) const
{
    RenderSettings s;
    s.theme = view;
    s.layers = viewLayers(view);
    return s;
}

QColor MapRenderer::classFill(int index) const
{
    const ViewSymbols& v = symbols(View::CountyClasses);
    if (index < 0 || static_cast<std::size_t>(index) >= v.classFills.size())
        return m_style.symbol("counties", v.view).fill;
    return v.classFills[static_cast<std::size_t>(index)];
}

void MapRenderer::drawLayers(QPainter& p, const RenderSettings& s, const Frame& f) const
{
    const LayerContext c{p, s, f, *m_data, m_style, symbols(s.theme), s.dpi / 96.0};
    // User layers (parcels, survey data) lie right above the county fills, under the plan: borders and overlays
    // stay readable over a layer covering the province, and where the county fills are the plan (the class view)
    // the classes come back as hatching over the user layers. A layer the user puts above the plan comes last.
    // The rivers, where they come right after the counties (as by default), lie over the user layers too and under
    // that hatching: the plan stays on top of the base geography. A choropleth's county fills cover the user layers
    // under the plan (it maps what they measure), without the class hatching.
    bool hatchPending = false;
    auto hatch = [&] {
        if (!hatchPending)
            return;
        hatchPending = false;
        p.save();
        p.setOpacity(s.opacity("counties"));
        drawClassOverlay(c);
        p.restore();
    };
    auto userLayers = [&](bool above) {
        bool drawn = false;
        for (const UserLayer& u : s.userLayers)
            if (u.abovePlan == above && u.visible) {
                drawUserLayer(p, u, s.view, RenderQuality::Fast, s.cancel.get());
                drawn = true;
            }
        hatchPending = !s.choropleth && (hatchPending || (drawn && !above && s.visible("counties")));
    };
    if (!s.order.contains("counties"))
        userLayers(false);
    for (const QString& layer : s.order) {
        if (layer != "rivers")
            hatch();
        // A choropleth (an analysis of the user layers) is the county fills drawn over those layers.
        if (layer == "counties" && s.choropleth)
            userLayers(false);
        const LayerEntry* entry = findLayer(layer);
        if (entry && s.visible(layer)) {
            p.save();
            if (!entry->ownOpacity)
                p.setOpacity(s.opacity(layer));
            entry->draw(c);
            p.restore();
        }
        if (layer == "counties" && !s.choropleth)
            userLayers(false);
    }
    hatch();
    userLayers(true);
    drawHighlight(c);
    drawUserSelection(c);
}

void MapRenderer::drawLabels(QPainter& p, const RenderSettings& s, const Frame& f) const
{
    const double k = s.dpi / 96.0;
    const ViewSymbols& symbols = this->symbols(s.theme);
    const QRectF screen(QPointF(0, 0), s.view.size());
    std::vector<QRectF> taken = cityLabelBoxes({p, s, f, *m_data, m_style, symbols, k});
    for (const QRectF& box : progressLabelBoxes({p, s, f, *m_data, m_style, symbols, k}))
        taken.push_back(box);
    if (s.inset)
        taken.push_back(s.inset->frame);  // no label under the inset (it hides no county, but may hide a neighbour)
    auto free = [&](const QRectF& r) {
        if (!screen.contains(r))
            return false;
        return std::none_of(taken.begin(), taken.end(), [&](const QRectF& t) { return t.intersects(r); });
    };

    // Neighbouring provinces: their name near the visible part of their shape.
    QFont neighbourFont(m_style.label.font);
    setPoints(neighbourFont, m_style.label.size * symbols.neighbours.labelScale * k);
    const QFontMetricsF nfm(neighbourFont);
    const QRectF viewRect = s.view.transform().inverted().mapRect(screen);
    for (std::size_t n = 0; n < m_data->neighbours.size(); ++n) {
        const RegionItem& r = m_data->neighbours[n];
        // The point of a 9x9 grid over the visible part of the province's bounds that lies inside it and is
        // nearest to the middle of that visible part (fast path: on the band's path, y down, so rows run from
        // the bottom to keep the reference's order among equally near points).
        const QPainterPath& path = f.fast() ? f.paths->neighbours[n] : r.path;
        const QRectF visible = f.fast() ? f.band->neighbourBounds[n].intersected(f.bandToScreen.inverted().mapRect(screen))
                                        : r.path.boundingRect().intersected(viewRect);
        if (visible.isEmpty())
            continue;
        std::optional<QPointF> best;
        double bestDistance = 0;
        // Fast path: the search's result is kept per visible rectangle (a redraw at the same view repeats it).
        const QString memoKey = f.fast() ? QStringLiteral("%1 %2 %3 %4 %5").arg(n).arg(visible.x(), 0, 'g', 17).arg(visible.y(), 0, 'g', 17).arg(visible.width(), 0, 'g', 17).arg(visible.height(), 0, 'g', 17)
                                         : QString();
        const auto memo = f.fast() ? f.paths->neighbourAnchors.constFind(memoKey) : QHash<QString, QPointF>::const_iterator();
        const bool known = f.fast() && memo != f.paths->neighbourAnchors.constEnd();
        if (known && !std::isnan(memo->x()))
            best = *memo;
        for (int j = 1; j < 10 && !known; ++j)
            for (int i = 1; i < 10; ++i) {
                const double y = f.fast() ? visible.bottom() - visible.height() * j / 10 : visible.top() + visible.height() * j / 10;
                const QPointF candidate(visible.left() + visible.width() * i / 10, y);
                if (!path.contains(candidate))
                    continue;
                const QPointF d = candidate - visible.center();
                const double distance = d.x() * d.x() + d.y() * d.y();
                if (!best || distance < bestDistance) {
                    best = candidate;
                    bestDistance = distance;
                }
            }
        if (f.fast() && !known) {
            if (f.paths->neighbourAnchors.size() > 256)
                f.paths->neighbourAnchors.clear();
            f.paths->neighbourAnchors.insert(memoKey, best ? *best : QPointF(qQNaN(), qQNaN()));
        }
        if (!best)
            continue;
        const QPointF at = f.fast() ? f.bandToScreen.map(*best) : s.view.transform().map(*best);
        const QString name = inLanguage(r.name, r.nameEn);
        const double w = textAdvance(f, neighbourFont, name);
        const QRectF box(at.x() - w / 2, at.y() - nfm.height() / 2, w, nfm.height());
        if (!free(box))
            continue;
        taken.push_back(box);
        labelText(p, f, {box.left(), box.top() + nfm.ascent()}, name, neighbourFont, symbols.neighbours.labelColour, symbols.neighbours.labelHalo,
                  symbols.neighbours.labelHaloWidth * k);
    }

    // Seats outside Guizhou that corridors end at (南宁, 重庆): their names beside their points, to the right first.
    if (s.visible("neighbour_seats") && symbols.neighbourSeats.visible && symbols.neighbourSeats.label) {
        const Symbol& sym = symbols.neighbourSeats;
        QFont seatFont(m_style.label.font);
        setPoints(seatFont, m_style.label.size * sym.labelScale * k);
        seatFont.setBold(sym.labelBold);
        const QFontMetricsF sfm(seatFont);
        const double r = sym.size * k + 2 * k, h = sfm.height();
        for (const NeighbourSeatItem& seat : m_data->neighbourSeats) {
            const QPointF at = s.view.toScreen(seat.at);
            const QString text = inLanguage(seat.label, seat.labelEn);
            const double w = textAdvance(f, seatFont, text);
            const QRectF candidates[] = {{at.x() + r, at.y() - h / 2, w, h}, {at.x() - w - r, at.y() - h / 2, w, h},
                                         {at.x() - w / 2, at.y() - h - r, w, h}, {at.x() - w / 2, at.y() + r, w, h}};
            for (const QRectF& box : candidates) {
                if (!free(box))
                    continue;
                taken.push_back(box);
                labelText(p, f, {box.left(), box.top() + sfm.ascent()}, text, seatFont, sym.labelColour, sym.labelHalo, sym.labelHaloWidth * k);
                break;
            }
        }
    }

    // County names at their seats, larger counties first; a label that would overlap another is dropped.
    QFont font(m_style.label.font);
    setPoints(font, m_style.label.size * k);
    QFont bold = font;
    bold.setBold(true);
    const QFontMetricsF fm(font);
    const double h = fm.height(), ascent = fm.ascent();
    std::vector<const CountyItem*> order;
    for (const CountyItem& c : m_data->counties)
        order.push_back(&c);
    // Higher label priorities first (the style puts the central cities' cores first), then larger counties.
    auto priority = [&](const CountyItem* c) { return symbols.counties[static_cast<std::size_t>(c - m_data->counties.data())].labelPriority; };
    auto strong = [&](const CountyItem* c) { return symbols.counties[static_cast<std::size_t>(c - m_data->counties.data())].labelBold; };
    std::stable_sort(order.begin(), order.end(), [&](const CountyItem* a, const CountyItem* b) {
        if (priority(a) != priority(b))
            return priority(a) > priority(b);
        // Among prioritised labels (a central city's districts) the smaller first: a small central district has
        // the least room, its large neighbours can move (遵义's 红花岗, 贵阳's 云岩 in the inset).
        return priority(a) > 0 ? a->areaKm2 < b->areaKm2 : a->areaKm2 > b->areaKm2;
    });
    const double r = m_style.seatRadius * k;
    const QString dotKey = QStringLiteral("seat %1 %2").arg(m_style.seatFill.rgba()).arg(r);
    for (const CountyItem* c : order) {
        const QPointF seat = s.view.toScreen(c->seat);
        const QString text = inLanguage(c->shortName, c->shortEn);
        const double w = textAdvance(f, font, text);
        const QRectF candidates[] = {
            {seat.x() - w / 2, seat.y() - h - r, w, h},   // above
            {seat.x() + r + 1, seat.y() - h / 2, w, h},   // right
            {seat.x() - w / 2, seat.y() + r, w, h},       // below
            {seat.x() - w - r - 1, seat.y() - h / 2, w, h}, // left
            // Then the corners: in a crowded city centre (遵义's three districts) the sides are often all taken.
            {seat.x() + r, seat.y() - h - r / 2, w, h},      // above right
            {seat.x() + r, seat.y() + r / 2, w, h},          // below right
            {seat.x() - w - r, seat.y() + r / 2, w, h},      // below left
            {seat.x() - w - r, seat.y() - h - r / 2, w, h}   // above left
        };
        for (const QRectF& box : candidates) {
            // The line box less the leading above and below a CJK glyph's ink (Noto CJK's line is ~1.45 em,
            // its ideographs ~0.9 em tall): two labels may share that much of their boxes without touching.
            const QRectF ink = box.adjusted(0, 0.12 * h, 0, -0.12 * h);
            if (!free(ink))
                continue;
            taken.push_back(ink);
            auto dot = [&](QPainter& dp, QPointF at) {
                dp.setPen(Qt::NoPen);
                dp.setBrush(m_style.seatFill);
                dp.drawEllipse(at, r, r);
            };
            if (!drawCached(p, f, seat, dotKey, [&] { return QRectF(-r, -r, 2 * r, 2 * r); }, dot))
                dot(p, seat);
            labelText(p, f, {box.left(), box.top() + ascent}, text, strong(c) ? bold : font, m_style.label.colour, m_style.label.halo, m_style.label.haloWidth * k);
            break;
        }
    }
}

void MapRenderer::drawScaleBar(QPainter& p, const RenderSettings& s, const Frame& f) const
{
    const double k = s.dpi / 96.0;
    const double upp = s.view.unitsPerPixel();
    const double metres = niceLength(s.view.size().width() * 0.18 * upp);
    const double px = metres / upp;
    const QPointF origin(16 * k, s.view.size().height() - 20 * k);
    p.save();
    p.setPen(QPen(m_style.ink, 1.2 * k));
    p.setBrush(m_style.paper);
    p.drawRect(QRectF(origin.x(), origin.y() - 5 * k, px, 5 * k));
    p.setBrush(m_style.ink);
    p.drawRect(QRectF(origin.x(), origin.y() - 5 * k, px / 2, 5 * k));
    QFont font(m_style.label.font);
    setPoints(font, 7.5 * k);
    const QString label = metres >= 1000 ? QStringLiteral("%1 km").arg(metres / 1000) : QStringLiteral("%1 m").arg(metres);
    labelText(p, f, {origin.x() + px + 4 * k, origin.y()}, label, font, m_style.ink, m_style.paper, 2 * k);
    labelText(p, f, {origin.x(), origin.y() - 8 * k}, QStringLiteral("1:%L1").arg(std::round(s.view.scaleDenominator(s.dpi) / 1000) * 1000, 0, 'f', 0),
             font, m_style.ink, m_style.paper, 2 * k);
    p.restore();
}

void MapRenderer::drawNorthArrow(QPainter& p, const RenderSettings& s, const Frame& f) const
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
    p.setPen(QPen(m_style.ink, 1 * k));
    p.setBrush(m_style.ink);
    p.drawPath(arrow);
    QFont font(m_style.label.font);
    setPoints(font, 9 * k);
    font.setBold(true);
    const QFontMetricsF fm(font);
    labelText(p, f, {top.x() - textAdvance(f, font, "N") / 2, top.y() + 28 * k + fm.ascent()}, "N", font, m_style.ink, m_style.paper, 2 * k);
    p.restore();
}

void MapRenderer::drawDecorations(QPainter& p, const RenderSettings& s) const
{
    const double k = s.dpi / 96.0;
    const QSizeF size = s.view.size();
    if (!s.title.isEmpty()) {
        QFont font(m_style.title.font);
        setPoints(font, m_style.title.size * k);
        font.setBold(true);
        const QFontMetricsF fm(font);
        haloText(p, {16 * k, 12 * k + fm.ascent()}, s.title, font, m_style.title.colour, m_style.title.halo, m_style.title.haloWidth * k);
    }
    drawLegend({p, s, Frame(), *m_data, m_style, symbols(s.theme), k});
    if (!s.sourceNote.isEmpty()) {
        // Right-aligned at the bottom, broken at " · " into as many lines as the width needs.
        QFont note(m_style.label.font);
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
            haloText(p, {size.width() - w - 12 * k, y}, line, note, m_style.noteColour, m_style.paper, 2 * k);
            y += nfm.height();
        }
    }
}

void MapRenderer::drawInset(QPainter& p, const RenderSettings& s) const
{
    const MapInset& inset = *s.inset;
    const double k = s.dpi / 96.0;
    QFont font(m_style.label.font);
    setPoints(font, m_style.label.size * 1.15 * k);
    font.setBold(true);
    const QFontMetricsF fm(font);
    const QRectF title(inset.frame.topLeft(), QSizeF(inset.frame.width(), std::ceil(fm.height() + 4 * k)));
    const QRectF mapFrame(title.bottomLeft(), inset.frame.bottomRight());

    RenderSettings in = s;
    in.inset.reset();
    in.decorations = false;
    in.northArrow = false;
    in.scaleBar = true;
    in.view = MapView::fit(inset.extent, mapFrame.size(), 0);
    p.save();
    // Where the inset is on the map.
    const QPen pen(m_style.ink, 1.2 * k);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRectF(s.view.toScreen({inset.extent.minX, inset.extent.maxY}), s.view.toScreen({inset.extent.maxX, inset.extent.minY})));
    if (p.paintEngine() && p.paintEngine()->type() == QPaintEngine::Raster) {
        // An image of its own: the fast path (stripes, cached sprites) wants an untransformed, unclipped painter.
        p.drawImage(mapFrame.topLeft(), renderImage(in));
    } else {
        p.save();
        p.translate(mapFrame.topLeft());
        p.setClipRect(QRectF(QPointF(0, 0), mapFrame.size()));
        render(p, in);
        p.restore();
    }
    p.fillRect(title, m_style.paper);
    p.setFont(font);
    p.setPen(m_style.title.colour);
    p.drawText(QPointF(title.left() + 4 * k, title.top() + 2 * k + fm.ascent()), inset.title);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    p.drawLine(title.bottomLeft(), title.bottomRight());
    p.drawRect(inset.frame);
    p.restore();
}

}  // namespace app::render
