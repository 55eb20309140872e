#include "render/scanline.h"

#include <algorithm>
#include <cmath>

namespace app::render {

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
            m_edges.push_back({top, bottom, a.x + (static_cast<float>(top) + 0.5f - a.y) * dxdy, dxdy});
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
                    xs[n++] = e.x + static_cast<float>(y - e.yTop) * e.dxdy;
            std::sort(xs, xs + n);
            std::uint32_t* row = t.pixels + static_cast<std::ptrdiff_t>(y - t.rowBegin) * t.stride;
            for (int k = 0; k + 1 < n; k += 2) {
                const int x0 = std::max(0, static_cast<int>(std::ceil(xs[k] - 0.5f)));
                const int x1 = std::min(t.width, static_cast<int>(std::ceil(xs[k + 1] - 0.5f)));
                if (opaque)
                    std::fill(row + x0, row + std::max(x0, x1), colour);
                else
                    for (int x = x0; x < x1; ++x)
                        row[x] = blendOver(row[x], colour);
            }
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
            m_xs.push_back(e.x + static_cast<float>(y - e.yTop) * e.dxdy);
        }
        std::sort(m_xs.begin(), m_xs.end());
        std::uint32_t* row = t.pixels + static_cast<std::ptrdiff_t>(y - t.rowBegin) * t.stride;
        for (std::size_t k = 0; k + 1 < m_xs.size(); k += 2) {
            const int x0 = std::max(0, static_cast<int>(std::ceil(m_xs[k] - 0.5f)));
            const int x1 = std::min(t.width, static_cast<int>(std::ceil(m_xs[k + 1] - 0.5f)));
            if (opaque)
                std::fill(row + x0, row + std::max(x0, x1), colour);
            else
                for (int x = x0; x < x1; ++x)
                    row[x] = blendOver(row[x], colour);
        }
    }
}

}  // namespace app::render
