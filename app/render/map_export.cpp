#include "render/map_export.h"

#include <sys/statvfs.h>

#include <cerrno>
#include <cstring>

#include <QBuffer>
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

namespace {
/// Why writing the map failed, in words: Qt often says only "Unknown error" for a full disk.
QString writeFailure(const QSaveFile& file, int error, const QString& path, qint64 needed)
{
    struct statvfs fs {};
    const QByteArray folder = QFileInfo(path).absolutePath().toLocal8Bit();
    if (::statvfs(folder.constData(), &fs) == 0) {
        const qint64 free = static_cast<qint64>(fs.f_bavail) * static_cast<qint64>(fs.f_frsize);
        if (free < needed)
            return QStringLiteral("no space left on the disk (%1 KB free, the map takes %2 KB)").arg(free / 1024).arg((needed + 1023) / 1024);
    }
    if (error == EFBIG)
        return QStringLiteral("file too large for the process's file size limit (ulimit -f)");
    if (error != 0 && file.errorString().contains(QLatin1String("Unknown error")))
        return QString::fromLocal8Bit(std::strerror(error));
    return file.errorString();
}
}  // namespace

QString exportMap(const MapRenderer& renderer, const RenderSettings& settings, const QString& path, const QString& page, ExportTiming* timing)
{
    QElapsedTimer clock;
    clock.start();
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != "png" && suffix != "svg" && suffix != "pdf")
        return QStringLiteral("%1: unknown map format '%2' (use .png, .svg or .pdf)").arg(path, suffix);
    // The map is made in memory and then written whole, every byte checked: a device error inside Qt's SVG
    // generator never reaches its caller (a full disk left a truncated SVG reported as written).
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const QSizeF size = settings.view.size();
    if (suffix == "png") {
        // The map is opaque: RGB (3 bytes a pixel) encodes a quarter faster than RGBA, and zlib level 1
        // (quality 80) about 3x faster than the default level 6 for a few per cent more bytes.
        const QImage image = renderer.renderImage(settings).convertToFormat(QImage::Format_RGB32);
        if (timing)
            timing->drawMs = clock.nsecsElapsed() / 1e6;
        if (!image.save(&buffer, "PNG", 80))
            return QStringLiteral("%1: PNG encoding failed").arg(path);
    } else if (suffix == "svg") {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(size.toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), size));
        svg.setResolution(static_cast<int>(settings.dpi));
        svg.setTitle(settings.title);
        QPainter painter(&svg);
        renderer.render(painter, settings);
    } else {
        QPdfWriter pdf(&buffer);
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
    buffer.close();
    const QByteArray& bytes = buffer.data();
    QSaveFile file(path);  // a temporary file beside the target, renamed over it on commit
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("%1: %2").arg(path, file.errorString());
    if (file.write(bytes) != bytes.size() || !file.flush()) {
        const int error = errno;
        file.cancelWriting();
        file.commit();  // removes the temporary file (and gives its space back) without touching the target
        const QString why = writeFailure(file, error, path, bytes.size());
        return QStringLiteral("%1: cannot be written: %2; nothing was changed").arg(path, why);
    }
    if (!file.commit())
        return QStringLiteral("%1: cannot be written: %2; nothing was changed").arg(path, writeFailure(file, errno, path, bytes.size()));
    if (QFileInfo(path).size() != bytes.size())
        return QStringLiteral("%1: written short (%2 of %3 bytes); the disk may be full").arg(path).arg(QFileInfo(path).size()).arg(bytes.size());
    if (timing)
        timing->writeMs = clock.nsecsElapsed() / 1e6 - timing->drawMs;
    return {};
}

}  // namespace app::render
