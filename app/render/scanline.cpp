#include "render/scanline.h"

#include <algorithm>
#include <cmath>

namespace app::render {

namespace {
/// floor for values well inside int range, without a libm call (x86-64 baseline has no SSE4.1 roundss).
inline int ifloor(float v)
{
    const int i = static_cast<int>(v);
    return i - (v < static_cast<float>(i));
}

/// The steps of an antialiased line along its major axis (the axes swapped when it is steep), in pixel-centre
/// coordinates: [first, last) in direction step, the last step left to the next segment of a polyline. Steps
/// that cannot reach the target's rows are dropped (halfWidth: half the line's width, 0 for a hairline).
struct Walk {
    bool steep = false;
    float x0 = 0, y0 = 0, gradient = 0;
    int first = 0, last = 0, step = 1;

    static bool along(const PixelTarget& t, ScreenPoint a, ScreenPoint b, float halfWidth, Walk& w)
    {
        const float reach = halfWidth + 1;
        if ((a.y < t.rowBegin - reach && b.y < t.rowBegin - reach) || (a.y > t.rowEnd + reach && b.y > t.rowEnd + reach) ||
            (a.x < -reach && b.x < -reach) || (a.x > t.width + reach && b.x > t.width + reach))
            return false;
        float x0 = a.x - 0.5f, y0 = a.y - 0.5f, x1 = b.x - 0.5f, y1 = b.y - 0.5f;
        w.steep = std::abs(y1 - y0) > std::abs(x1 - x0);
        if (w.steep) {
            std::swap(x0, y0);
            std::swap(x1, y1);
        }
        const float dx = x1 - x0;
        if (std::abs(dx) < 1e-6f)
            return false;
        w.x0 = x0;
        w.y0 = y0;
        w.gradient = (y1 - y0) / dx;
        w.step = dx > 0 ? 1 : -1;
        w.first = ifloor(x0 + 0.5f);
        w.last = ifloor(x1 + 0.5f);
        if (w.steep) {
            // The major axis is y: only steps within the target's rows (plus the line's reach) can draw.
            const int pad = halfWidth > 0 ? static_cast<int>(halfWidth * std::sqrt(1 + w.gradient * w.gradient)) + 2 : 1;
            if (w.step > 0) {
                w.first = std::max(w.first, t.rowBegin - pad);
                w.last = std::min(w.last, t.rowEnd + pad);
                return w.first < w.last;
            }
            w.first = std::min(w.first, t.rowEnd + pad);
            w.last = std::max(w.last, t.rowBegin - pad);
            return w.first > w.last;
        }
        return true;
    }
};

/// Row y of a polygon whose edges cross it at xs (n crossings, any order): sorts them and fills the pixels whose
/// centres lie inside, between each pair (even-odd), with colour (written if opaque, else blended over).
inline void fillRow(const PixelTarget& t, int y, float* xs, std::size_t n, std::uint32_t colour, bool opaque)
{
    std::sort(xs, xs + n);
    std::uint32_t* row = t.pixels + static_cast<std::ptrdiff_t>(y - t.rowBegin) * t.stride;
    for (std::size_t k = 0; k + 1 < n; k += 2) {
        const int x0 = std::max(0, static_cast<int>(std::ceil(xs[k] - 0.5f)));
        const int x1 = std::min(t.width, static_cast<int>(std::ceil(xs[k + 1] - 0.5f)));
        if (opaque)
            std::fill(row + x0, row + std::max(x0, x1), colour);
        else
            for (int x = x0; x < x1; ++x)
                row[x] = blendOver(row[x], colour);
    }
}
}  // namespace

void ScanlineFill::fill(const PixelTarget& t, const ScreenPoint* points, const std::uint32_t* ringEnds, int ringCount, std::uint32_t colour)
{
    // Edge table: every non-horizontal edge, with the rows whose centres it crosses.
    m_edges.clear();
    int yMin = t.rowEnd, yMax = t.rowBegin;
    std::uint32_t begin = 0;
    for (int r = 0; r < ringCount; ++r) {
        const std::uint32_t end = ringEnds[r];
        for (std::uint32_t i = begin, j = end - 1; i < end; j = i++) {
            ScreenPoint a = points[j], b = points[i];
            if (a.y == b.y)
                continue;
            if (a.y > b.y)
                std::swap(a, b);
            // Row y is crossed when a.y <= y + 0.5 < b.y (half-open: a shared vertex counts once).
            int top = static_cast<int>(std::ceil(a.y - 0.5f));
            int bottom = static_cast<int>(std::ceil(b.y - 0.5f));
            top = std::max(top, t.rowBegin);
            bottom = std::min(bottom, t.rowEnd);
            if (top >= bottom)
                continue;
            const float dxdy = (b.x - a.x) / (b.y - a.y);
            m_edges.push_back({top, bottom, a.x, a.y, dxdy});
            yMin = std::min(yMin, top);
            yMax = std::max(yMax, bottom);
        }
        begin = end;
    }
    if (m_edges.empty())
        return;
    const bool opaque = (colour >> 24) == 255;
    if (m_edges.size() <= 16) {
        // Small polygons (the common case): scan every edge on every row.
        for (int y = yMin; y < yMax; ++y) {
            float xs[16];
            int n = 0;
            for (const Edge& e : m_edges)
                if (y >= e.yTop && y < e.yBottom)
                    xs[n++] = e.xAt(y);
            fillRow(t, y, xs, static_cast<std::size_t>(n), colour, opaque);
        }
        return;
    }
    // Larger polygons: active edge list.
    std::sort(m_edges.begin(), m_edges.end(), [](const Edge& a, const Edge& b) { return a.yTop < b.yTop; });
    m_active.clear();
    std::size_t next = 0;
    for (int y = yMin; y < yMax; ++y) {
        while (next < m_edges.size() && m_edges[next].yTop <= y)
            m_active.push_back(static_cast<int>(next++));
        m_active.erase(std::remove_if(m_active.begin(), m_active.end(), [&](int i) { return m_edges[static_cast<std::size_t>(i)].yBottom <= y; }),
                       m_active.end());
        m_xs.clear();
        for (int i : m_active) {
            const Edge& e = m_edges[static_cast<std::size_t>(i)];
            m_xs.push_back(e.xAt(y));
        }
        fillRow(t, y, m_xs.data(), m_xs.size(), colour, opaque);
    }
}

void drawLine(const PixelTarget& t, ScreenPoint a, ScreenPoint b, std::uint32_t colour)
{
    if ((a.y < t.rowBegin && b.y < t.rowBegin) || (a.y >= t.rowEnd && b.y >= t.rowEnd) || (a.x < 0 && b.x < 0) ||
        (a.x >= t.width && b.x >= t.width))
        return;
    const float dx = b.x - a.x, dy = b.y - a.y;
    const int steps = static_cast<int>(std::ceil(std::max(std::abs(dx), std::abs(dy))));
    if (steps == 0)
        return;
    const float sx = dx / static_cast<float>(steps), sy = dy / static_cast<float>(steps);
    // Only the steps whose y can fall in the target's rows.
    int first = 0, last = steps;
    if (sy != 0) {
        const float i0 = (static_cast<float>(t.rowBegin) - 1 - a.y) / sy, i1 = (static_cast<float>(t.rowEnd) + 1 - a.y) / sy;
        first = std::max(0, static_cast<int>(std::floor(std::min(i0, i1))));
        last = std::min(steps, static_cast<int>(std::ceil(std::max(i0, i1))) + 1);
    }
    const bool opaque = (colour >> 24) == 255;
    for (int i = first; i < last; ++i) {
        const int x = static_cast<int>(std::floor(a.x + sx * static_cast<float>(i)));
        const int y = static_cast<int>(std::floor(a.y + sy * static_cast<float>(i)));
        if (y < t.rowBegin || y >= t.rowEnd || x < 0 || x >= t.width)
            continue;
        std::uint32_t& px = t.pixels[static_cast<std::ptrdiff_t>(y - t.rowBegin) * t.stride + x];
        px = opaque ? colour : blendOver(px, colour);
    }
}

void drawLineAA(const PixelTarget& t, ScreenPoint a, ScreenPoint b, std::uint32_t colour)
{
    Walk w;
    if (!Walk::along(t, a, b, 0, w))
        return;
    const bool steep = w.steep;
    const float x0 = w.x0, y0 = w.y0, gradient = w.gradient;
    const int first = w.first, last = w.last, step = w.step;
    const std::ptrdiff_t stride = t.stride;
    auto plot = [&](int x, int y, std::uint32_t coverage) {
        if (y < t.rowBegin || y >= t.rowEnd || x < 0 || x >= t.width || coverage == 0)
            return;
        std::uint32_t& px = t.pixels[(y - t.rowBegin) * stride + x];
        px = blendOver(px, scaleColour(colour, coverage));
    };
    for (int x = first; x != last; x += step) {
        const float y = y0 + gradient * (static_cast<float>(x) - x0);  // not accumulated: the same in every stripe
        const int iy = ifloor(y);
        const std::uint32_t c1 = static_cast<std::uint32_t>((y - static_cast<float>(iy)) * 256.0f);
        if (steep) {
            plot(iy, x, 256 - c1);
            plot(iy + 1, x, c1);
        } else {
            plot(x, iy, 256 - c1);
            plot(x, iy + 1, c1);
        }
    }
}

void drawWideLineAA(const PixelTarget& t, ScreenPoint a, ScreenPoint b, float width, std::uint32_t colour)
{
    Walk w;
    if (!Walk::along(t, a, b, width / 2, w))
        return;
    const bool steep = w.steep;
    const float x0 = w.x0, y0 = w.y0, gradient = w.gradient;
    const int first = w.first, last = w.last, step = w.step;
    const float half = width / 2 * std::sqrt(1 + gradient * gradient);  // half the run across the major axis
    const bool opaque = (colour >> 24) == 255;
    for (int x = first; x != last; x += step) {
        const float y = y0 + gradient * (static_cast<float>(x) - x0);
        const float lo = y - half, hi = y + half;  // the run covers [lo, hi] on the minor axis (pixel centres at integers)
        const int p0 = ifloor(lo + 0.5f), p1 = ifloor(hi + 0.5f);
        for (int m = p0; m <= p1; ++m) {
            // Coverage of pixel m (spanning [m - 0.5, m + 0.5]) by [lo, hi].
            const float coverage = std::min(hi, m + 0.5f) - std::max(lo, m - 0.5f);
            if (coverage <= 0)
                continue;
            const int px = steep ? m : x;
            const int py = steep ? x : m;
            if (py < t.rowBegin || py >= t.rowEnd || px < 0 || px >= t.width)
                continue;
            std::uint32_t& pixel = t.pixels[static_cast<std::ptrdiff_t>(py - t.rowBegin) * t.stride + px];
            if (coverage >= 1 && opaque)
                pixel = colour;
            else
                pixel = blendOver(pixel, coverage >= 1 ? colour : scaleColour(colour, static_cast<std::uint32_t>(coverage * 256.0f)));
        }
    }
}

}  // namespace app::render
