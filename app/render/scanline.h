#pragma once
// A small even-odd polygon fill for 32-bit pixel buffers: the fast path for drawing a million small polygons
// (a parcel at province scale covers a few pixels, where QPainter's per-call set-up costs ~50x the fill).
// Sampling is at pixel centres with no antialiasing, like QPainter's non-antialiased fills: a pixel is filled
// when its centre (x + 0.5, y + 0.5) is inside, so polygons that tile the plane fill every pixel exactly once.

#include <cstdint>
#include <vector>

namespace app::render {

struct ScreenPoint {
    float x, y;
};

/// Target rows [rowBegin, rowEnd) of a buffer whose row y starts at pixels + (y - rowBegin) * stride.
struct PixelTarget {
    std::uint32_t* pixels = nullptr;
    int stride = 0;  ///< in pixels
    int width = 0;
    int rowBegin = 0, rowEnd = 0;
};

class ScanlineFill {
public:
    /// Fills the even-odd interior of the rings (each [begin, end) into points, implicitly closed) with a
    /// premultiplied ARGB colour (opaque colours replace, translucent ones blend source-over).
    void fill(const PixelTarget& target, const ScreenPoint* points, const std::uint32_t* ringEnds, int ringCount, std::uint32_t colour);

private:
    struct Edge {
        int yTop, yBottom;  // rows whose centres the edge crosses: [yTop, yBottom)
        float ax, ay, dxdy; // upper end and slope: x at row y is ax + (y + 0.5 - ay) * dxdy, the same whatever rows are drawn
        float xAt(int y) const { return ax + (static_cast<float>(y) + 0.5f - ay) * dxdy; }
    };
    std::vector<Edge> m_edges;
    std::vector<int> m_active;
    std::vector<float> m_xs;
};

/// A 1-pixel line from a to b without its last pixel (so the joints of a polyline are drawn once), stepping
/// along the major axis and taking the pixel each step falls in. Clipped to the target's rows and width; the
/// pixels drawn do not depend on which rows the target holds, so stripes drawn apart join seamlessly.
void drawLine(const PixelTarget& target, ScreenPoint a, ScreenPoint b, std::uint32_t colour);

/// An antialiased 1-pixel line (Xiaolin Wu): two pixels across the line per step along its major axis, each
/// blended with the premultiplied colour scaled by its coverage. Like drawLine, the last step is left to the
/// next segment of a polyline and the pixels do not depend on the target's rows.
void drawLineAA(const PixelTarget& target, ScreenPoint a, ScreenPoint b, std::uint32_t colour);

/// An antialiased line of any width: per step along the major axis, a run of pixels across it as wide as the
/// line (measured perpendicular to it), the end pixels partly covered. One pass where Qt's hairline stroker
/// would need several offset passes. The last step is left to the next segment, as in drawLineAA.
void drawWideLineAA(const PixelTarget& target, ScreenPoint a, ScreenPoint b, float width, std::uint32_t colour);

/// A premultiplied colour scaled by coverage (0..256).
inline std::uint32_t scaleColour(std::uint32_t c, std::uint32_t coverage)
{
    const std::uint32_t rb = ((c & 0x00ff00ffu) * coverage >> 8) & 0x00ff00ffu;
    const std::uint32_t ag = (((c >> 8) & 0x00ff00ffu) * coverage) & 0xff00ff00u;
    return rb | ag;
}

/// Source-over of a premultiplied colour onto a premultiplied pixel.
inline std::uint32_t blendOver(std::uint32_t dst, std::uint32_t src)
{
    const std::uint32_t a = 255 - (src >> 24);
    if (a == 0)
        return src;
    std::uint32_t rb = (dst & 0x00ff00ffu) * a;
    std::uint32_t ag = ((dst >> 8) & 0x00ff00ffu) * a;
    rb = ((rb + ((rb >> 8) & 0x00ff00ffu) + 0x00800080u) >> 8) & 0x00ff00ffu;
    ag = (ag + ((ag >> 8) & 0x00ff00ffu) + 0x00800080u) & 0xff00ff00u;
    return src + (rb | ag);
}

}  // namespace app::render
