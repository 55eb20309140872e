#include "render/map_export.h"

#include <QFile>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

namespace app::render {

QSize pagePixels(const QString& page, double dpi)
{
    const QSizeF mm = page.compare("A4", Qt::CaseInsensitive) == 0 ? QSizeF(297, 210) : page.compare("A3", Qt::CaseInsensitive) == 0 ? QSizeF(420, 297) : QSizeF();
    return (mm / 25.4 * dpi).toSize();
}

QString exportMap(const MapRenderer& renderer, const RenderSettings& settings, const QString& path, const QString& page, ExportTiming* timing)
{
    QElapsedTimer clock;
    clock.start();
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != "png" && suffix != "svg" && suffix != "pdf")
        return QStringLiteral("%1: unknown map format '%2' (use .png, .svg or .pdf)").arg(path, suffix);
    QSaveFile file(path);  // writes to a temporary file and renames on commit
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("%1: %2").arg(path, file.errorString());
    const QSizeF size = settings.view.size();
    if (suffix == "png") {
        // The map is opaque: RGB (3 bytes a pixel) encodes a quarter faster than RGBA, and zlib level 1
        // (quality 80) about 3x faster than the default level 6 for a few per cent more bytes.
        const QImage image = renderer.renderImage(settings).convertToFormat(QImage::Format_RGB32);
        if (timing)
            timing->drawMs = clock.nsecsElapsed() / 1e6;
        if (!image.save(&file, "PNG", 80))
            return QStringLiteral("%1: PNG encoding failed").arg(path);
    } else if (suffix == "svg") {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(size.toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), size));
        svg.setResolution(static_cast<int>(settings.dpi));
        svg.setTitle(settings.title);
        QPainter painter(&svg);
        renderer.render(painter, settings);
    } else {
        QPdfWriter pdf(&file);
        pdf.setResolution(static_cast<int>(settings.dpi));
        if (page.compare("A4", Qt::CaseInsensitive) == 0 || page.compare("A3", Qt::CaseInsensitive) == 0)
            pdf.setPageSize(QPageSize(page.toUpper() == "A4" ? QPageSize::A4 : QPageSize::A3));
        else
            pdf.setPageSize(QPageSize(QSizeF(size.width() / settings.dpi * 25.4, size.height() / settings.dpi * 25.4), QPageSize::Millimeter));
        pdf.setPageOrientation(size.width() >= size.height() ? QPageLayout::Landscape : QPageLayout::Portrait);
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setTitle(settings.title);
        QPainter painter(&pdf);
        renderer.render(painter, settings);
    }
    if (!file.commit())
        return QStringLiteral("%1: %2").arg(path, file.errorString());
    if (timing)
        timing->writeMs = clock.nsecsElapsed() / 1e6 - timing->drawMs;
    return {};
}

}  // namespace app::render
