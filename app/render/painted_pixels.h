#pragma once
// The one place the render library writes the pixels of an image while a QPainter paints on it (raster
// shortcuts: antialiased strokes drawn straight into the pixels, the map drawn in stripes by several painters).
// It relies on three facts about Qt's raster engine, which tests/app/painted_pixels_test.cpp checks on the Qt the
// build uses, so that a Qt that changes them fails a test instead of drawing wrong pixels:
//  - a premultiplied ARGB32 image keeps its pixels in one buffer, bytesPerLine() apart, 4 bytes each;
//  - the engine draws each call immediately (it keeps no pixels of its own between calls), so writes between
//    calls are neither lost nor overwritten;
//  - constBits() of an image being painted returns that buffer without detaching it (bits() could copy).

#include <optional>

#include <QImage>
#include <QPainter>

#include "render/scanline.h"

namespace app::render {

class PaintedPixels {
public:
    /// The pixels of the image p paints on, when p paints a premultiplied ARGB32 image with the default source-over
    /// composition and no clip (what the shortcuts can honour); nullopt otherwise, and the caller uses QPainter.
    static std::optional<PaintedPixels> of(QPainter& p)
    {
        if (!p.isActive() || !p.device() || p.device()->devType() != QInternal::Image || p.hasClipping() ||
            p.compositionMode() != QPainter::CompositionMode_SourceOver)
            return std::nullopt;
        auto* image = static_cast<QImage*>(p.device());
        if (image->format() != QImage::Format_ARGB32_Premultiplied || image->bytesPerLine() % 4 != 0)
            return std::nullopt;
        return PaintedPixels(*image);
    }

    /// All rows, for the scanline drawing functions.
    PixelTarget target() const { return {m_pixels, m_stride, m_width, 0, m_height}; }
    /// Rows [y0, y1) as an image sharing the buffer (for a painter of its own: stripes drawn in parallel).
    QImage rows(int y0, int y1) const
    {
        QImage stripe(reinterpret_cast<uchar*>(m_pixels + static_cast<qsizetype>(y0) * m_stride), m_width, y1 - y0,
                      static_cast<qsizetype>(m_stride) * 4, QImage::Format_ARGB32_Premultiplied);
        return stripe;
    }
    int width() const { return m_width; }
    int height() const { return m_height; }

private:
    explicit PaintedPixels(const QImage& image)
        : m_pixels(reinterpret_cast<std::uint32_t*>(const_cast<uchar*>(image.constBits()))),
          m_stride(static_cast<int>(image.bytesPerLine() / 4)), m_width(image.width()), m_height(image.height())
    {
    }
    std::uint32_t* m_pixels;
    int m_stride, m_width, m_height;
};

}  // namespace app::render
