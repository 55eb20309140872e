// The facts about Qt's raster engine that render/painted_pixels.h relies on, checked on the Qt this build uses:
// if a Qt release changes them, this fails instead of the map drawing wrong pixels.

#include <gtest/gtest.h>

#include <QImage>
#include <QPainter>
#include <QPicture>

#include "render/painted_pixels.h"

using app::render::PaintedPixels;

namespace {
const QRgb kRed = qRgb(255, 0, 0), kGreen = qRgb(0, 255, 0), kBlue = qRgb(0, 0, 255);
}

TEST(PaintedPixels, WritesBetweenPainterCallsLandInTheImageAndSurviveLaterCalls)
{
    QImage image(64, 48, QImage::Format_ARGB32_Premultiplied);
    const QImage copy = image;  // shared until painted: the painter must detach, and writes go to the painted one
    QPainter p(&image);
    p.fillRect(image.rect(), QColor::fromRgb(kRed));
    const std::optional<PaintedPixels> pixels = PaintedPixels::of(p);
    ASSERT_TRUE(pixels);
    const app::render::PixelTarget t = pixels->target();
    EXPECT_EQ(t.width, 64);
    EXPECT_EQ(t.rowEnd, 48);
    EXPECT_GE(t.stride, 64);
    t.pixels[10 * t.stride + 10] = qPremultiply(kBlue);
    p.fillRect(QRect(20, 20, 5, 5), QColor::fromRgb(kGreen));  // a later call composites over the written pixel's image
    p.fillRect(QRect(9, 9, 1, 1), QColor::fromRgb(kGreen));     // a neighbour: the written pixel is not overwritten
    const uchar* during = image.constBits();
    p.end();
    EXPECT_EQ(image.constBits(), during) << "constBits() of the painted image detached";
    EXPECT_EQ(reinterpret_cast<const uchar*>(t.pixels), image.constBits());
    EXPECT_EQ(image.pixel(10, 10), kBlue);
    EXPECT_EQ(image.pixel(9, 9), kGreen);
    EXPECT_EQ(image.pixel(21, 21), kGreen);
    EXPECT_EQ(image.pixel(0, 0), kRed);
    EXPECT_NE(copy.constBits(), image.constBits());
}

TEST(PaintedPixels, RowsShareTheBufferForStripePainters)
{
    QImage image(32, 64, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    const std::optional<PaintedPixels> pixels = PaintedPixels::of(p);
    ASSERT_TRUE(pixels);
    QImage stripe = pixels->rows(32, 64);
    EXPECT_EQ(stripe.constBits(), image.constBits() + 32 * image.bytesPerLine());
    {
        QPainter sp(&stripe);
        sp.fillRect(QRect(0, 0, 4, 4), QColor::fromRgb(kGreen));
    }
    p.end();
    EXPECT_EQ(image.pixel(1, 33), kGreen);
    EXPECT_EQ(qAlpha(image.pixel(1, 1)), 0);
}

TEST(PaintedPixels, RefusedWhereTheShortcutCannotHonourThePainter)
{
    QImage rgb(16, 16, QImage::Format_RGB32);
    QPainter a(&rgb);
    EXPECT_FALSE(PaintedPixels::of(a));
    a.end();
    QImage image(16, 16, QImage::Format_ARGB32_Premultiplied);
    QPainter b(&image);
    b.setClipRect(QRect(0, 0, 8, 8));
    EXPECT_FALSE(PaintedPixels::of(b));
    b.setClipping(false);
    b.setCompositionMode(QPainter::CompositionMode_Multiply);
    EXPECT_FALSE(PaintedPixels::of(b));
    b.end();
    QPicture picture;
    QPainter c(&picture);
    EXPECT_FALSE(PaintedPixels::of(c));
}
