// The fast path (scale-band caches, unantialiased fills under antialiased outlines, stripes on every core,
// label sprites) against the reference path (every path simplified from the map data, every label drawn, one
// thread): the same map to within a small share of pixels, in both display CRSs, for every view.
//
// Set GZ_RENDER_LOD_DIR to a directory to keep each pair and a difference image as PNGs.
#include <gtest/gtest.h>

#include <QDir>
#include <QImage>
#include <QPainter>

#include <future>
#include <vector>

#include "test_data.h"

using namespace app::render;

namespace {
/// Two pixels differ when a channel differs by more than this (of 255): antialiasing and blending order
/// differences stay below it, a moved or missing edge or label does not.
constexpr int kTolerance = 40;
/// At most this share of pixels may differ.
constexpr double kMaxDifferentShare = 0.015;

std::shared_ptr<const MapRenderer> plannedRenderer4545()
{
    static std::shared_ptr<const MapRenderer> r = [] {
        Style style;
        Style::load(GZ_TEST_SHARE_DIR "/styles/default.json", style);
        const auto geometry = layers::loadPlanGeometry(GZ_TEST_GEOPACKAGE, test::plan());
        return std::make_shared<MapRenderer>(MapData::build(test::geography(), test::plan(), geometry, "EPSG:4545"), style);
    }();
    return r;
}

struct Difference {
    double share = 0;  ///< of pixels differing by more than kTolerance
    int maximum = 0;
    QImage image;      ///< differing pixels in red over a faded copy of the reference
};

Difference compare(const QImage& a, const QImage& b)
{
    Difference d;
    d.image = b.convertToFormat(QImage::Format_RGB32);
    long long different = 0;
    for (int y = 0; y < a.height(); ++y) {
        const auto* pa = reinterpret_cast<const QRgb*>(a.constScanLine(y));
        const auto* pb = reinterpret_cast<const QRgb*>(b.constScanLine(y));
        auto* out = reinterpret_cast<QRgb*>(d.image.scanLine(y));
        for (int x = 0; x < a.width(); ++x) {
            const int delta = std::max({std::abs(qRed(pa[x]) - qRed(pb[x])), std::abs(qGreen(pa[x]) - qGreen(pb[x])), std::abs(qBlue(pa[x]) - qBlue(pb[x])),
                                        std::abs(qAlpha(pa[x]) - qAlpha(pb[x]))});
            d.maximum = std::max(d.maximum, delta);
            if (delta > kTolerance) {
                ++different;
                out[x] = qRgb(255, 0, 0);
            } else {
                out[x] = qRgb(128 + qRed(pb[x]) / 2, 128 + qGreen(pb[x]) / 2, 128 + qBlue(pb[x]) / 2);
            }
        }
    }
    d.share = static_cast<double>(different) / (static_cast<double>(a.width()) * a.height());
    return d;
}

RenderSettings settingsFor(const MapRenderer& r, View view, QSize size, bool labels)
{
    RenderSettings s = r.settingsFor(view);
    s.view = MapView::fit(r.viewExtent(view), size);
    s.setVisible("labels", labels);
    return s;
}

QImage render(const MapRenderer& r, RenderSettings s, RenderQuality quality)
{
    s.quality = quality;
    return r.renderImage(s);
}

void expectEquivalent(const MapRenderer& r, const RenderSettings& s, const QString& name)
{
    const QImage reference = render(r, s, RenderQuality::Reference);
    const QImage fast = render(r, s, RenderQuality::Fast);
    ASSERT_EQ(fast.size(), reference.size());
    const Difference d = compare(fast, reference);
    const QString dir = qEnvironmentVariable("GZ_RENDER_LOD_DIR");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        reference.save(dir + "/" + name + "_reference.png");
        fast.save(dir + "/" + name + "_fast.png");
        d.image.save(dir + "/" + name + "_diff.png");
    }
    std::printf("  %-44s %.3f%% of pixels differ by > %d (max %d)\n", qPrintable(name), d.share * 100, kTolerance, d.maximum);
    EXPECT_LT(d.share, kMaxDifferentShare) << name.toStdString();
    // The two paths draw the same things: the difference is edges, not content.
    EXPECT_GT(d.share, 0.0) << name.toStdString() << ": identical images, is the fast path used at all?";
}

struct Case {
    View view;
    bool labels;
};
const Case kCases[] = {{View::Overview, true},           {View::Overview, false},           {View::CountyClasses, true},
                       {View::OneClusterThreeBelts, true}, {View::OneCoreThreeCentres, true}, {View::Transport, true}};
}  // namespace

TEST(RenderLod, FastMatchesReferenceInAlbers)
{
    const auto r = test::plannedRenderer();
    for (const Case& c : kCases)
        expectEquivalent(*r, settingsFor(*r, c.view, QSize(1920, 1080), c.labels), QStringLiteral("albers_%1%2").arg(viewId(c.view), c.labels ? "" : "_no_labels"));
}

TEST(RenderLod, FastMatchesReferenceInGaussKruger)
{
    const auto r = plannedRenderer4545();
    for (const Case& c : kCases)
        expectEquivalent(*r, settingsFor(*r, c.view, QSize(1920, 1080), c.labels), QStringLiteral("epsg4545_%1%2").arg(viewId(c.view), c.labels ? "" : "_no_labels"));
}

TEST(RenderLod, FastMatchesReferenceZoomedInAndSelected)
{
    // A county-level view (another scale band, most of the geography off screen) with a selection.
    const auto r = test::plannedRenderer();
    RenderSettings s = settingsFor(*r, View::Overview, QSize(1200, 800), true);
    const CountyItem& c = r->data().counties[static_cast<std::size_t>(r->data().countyIndex("520281"))];
    s.view = MapView::fit(c.bounds, QSize(1200, 800), 0.3);
    s.highlightCounties.insert(c.code);
    expectEquivalent(*r, s, "albers_zoomed_selected");
    RenderSettings zone = settingsFor(*r, View::OneCoreThreeCentres, QSize(1000, 700), true);
    zone.highlightFeature = "guian_new_area";
    expectEquivalent(*r, zone, "albers_zone_selected");
}

TEST(RenderLod, CachedFramesEqualFreshOnes)
{
    // A renderer whose caches were filled by other views (and a pan) draws what a fresh one draws.
    const auto data = test::plannedRenderer()->data();
    const MapRenderer fresh(std::make_shared<MapData>(data), test::plannedRenderer()->style());
    const MapRenderer warmed(std::make_shared<MapData>(data), test::plannedRenderer()->style());
    RenderSettings s = settingsFor(warmed, View::OneClusterThreeBelts, QSize(900, 700), true);
    for (View v : {View::Overview, View::OneCoreThreeCentres, View::Transport})
        warmed.renderImage(settingsFor(warmed, v, QSize(900, 700), true));
    RenderSettings panned = s;
    panned.view.pan(QPointF(37, -21));
    warmed.renderImage(panned);
    warmed.renderImage(s);
    EXPECT_EQ(warmed.renderImage(s), fresh.renderImage(s));
    EXPECT_EQ(warmed.renderImage(panned), fresh.renderImage(panned));
}

TEST(RenderLod, ConcurrentRendersOfOneRendererAgree)
{
    // The canvas renders on a worker thread while an export may run on another: the caches are shared.
    const MapRenderer r(std::make_shared<MapData>(test::plannedRenderer()->data()), test::plannedRenderer()->style());
    std::vector<RenderSettings> settings;
    for (View v : {View::Overview, View::CountyClasses, View::OneClusterThreeBelts, View::OneCoreThreeCentres})
        settings.push_back(settingsFor(r, v, QSize(800, 600), true));
    std::vector<std::future<QImage>> jobs;
    for (int round = 0; round < 2; ++round)
        for (const RenderSettings& s : settings)
            jobs.push_back(std::async(std::launch::async, [&r, s] { return r.renderImage(s); }));
    for (std::size_t i = 0; i < jobs.size(); ++i)
        EXPECT_EQ(jobs[i].get(), r.renderImage(settings[i % settings.size()])) << i;
}

TEST(RenderLod, ScaledPainterMatchesReference)
{
    // A painter with a transform (a high-dpi canvas): no stripes and no sprites, still the band caches.
    const auto r = test::plannedRenderer();
    auto scaled = [&](RenderQuality quality) {
        RenderSettings s = settingsFor(*r, View::OneClusterThreeBelts, QSize(700, 500), true);
        s.quality = quality;
        QImage image(1400, 1000, QImage::Format_ARGB32_Premultiplied);
        QPainter p(&image);
        p.scale(2, 2);
        r->render(p, s);
        return image;
    };
    const QImage fast = scaled(RenderQuality::Fast), reference = scaled(RenderQuality::Reference);
    const Difference d = compare(fast, reference);
    if (const QString dir = qEnvironmentVariable("GZ_RENDER_LOD_DIR"); !dir.isEmpty()) {
        QDir().mkpath(dir);
        reference.save(dir + "/albers_scaled_painter_reference.png");
        fast.save(dir + "/albers_scaled_painter_fast.png");
        d.image.save(dir + "/albers_scaled_painter_diff.png");
    }
    std::printf("  %-44s %.3f%% of pixels differ by > %d (max %d)\n", "albers_scaled_painter", d.share * 100, kTolerance, d.maximum);
    EXPECT_LT(d.share, kMaxDifferentShare);
}
