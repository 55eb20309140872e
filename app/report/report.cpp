#include "report/report.h"

#include <unistd.h>

#include <filesystem>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include "report/report_model.h"

namespace app::report {

namespace {

QString suffixOf(const QString& out) { return QFileInfo(out).suffix().toLower(); }

/// Writes bytes to path whole: a temporary file beside it (QSaveFile), renamed over it when every byte is written.
QString writeWhole(const QByteArray& bytes, const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("%1: cannot be written: %2; nothing was changed").arg(path, file.errorString());
    if (file.write(bytes) != bytes.size() || !file.flush()) {
        const QString why = file.errorString();
        file.cancelWriting();
        file.commit();  // removes the temporary file without touching the target
        return QStringLiteral("%1: cannot be written: %2; nothing was changed").arg(path, why);
    }
    if (!file.commit())
        return QStringLiteral("%1: cannot be written: %2; nothing was changed").arg(path, file.errorString());
    return {};
}

}  // namespace

bool knownReportFormat(const QString& out)
{
    const QString s = suffixOf(out);
    return s == "pdf" || s == "html" || s == "htm" || s == "xlsx";
}

QString writeReport(const ReportInput& in, const QString& out, ReportTiming* timing)
{
    if (!knownReportFormat(out))
        return QStringLiteral("%1: unknown report format '%2' (use .pdf, .html or .xlsx)").arg(out, suffixOf(out));
    QElapsedTimer clock;
    clock.start();
    ReportModel m = ReportModel::build(in);
    const QString suffix = suffixOf(out);
    if (suffix == "xlsx") {
        // GDAL writes the workbook to a file of its own beside the target (same folder: the rename is one step);
        // a failure removes it and leaves out as it was.
        const QFileInfo target(out);
        const QString tmp = target.absoluteDir().filePath(QStringLiteral(".%1.gzplan-report-%2.xlsx").arg(target.completeBaseName()).arg(getpid()));
        QFile::remove(tmp);
        const QString error = writeReportXlsx(m, tmp);
        std::error_code ec;
        if (error.isEmpty())
            std::filesystem::rename(tmp.toStdString(), target.absoluteFilePath().toStdString(), ec);
        if (!error.isEmpty() || ec) {
            QFile::remove(tmp);
            return QStringLiteral("%1: cannot be written: %2; nothing was changed").arg(out, error.isEmpty() ? QString::fromStdString(ec.message()) : error);
        }
        if (timing)
            timing->writeMs = clock.nsecsElapsed() / 1e6;
        return {};
    }
    m.drawMaps(1200);  // 180 dpi over the PDF's 17 cm, 1000 px in the HTML
    if (timing)
        timing->mapsMs = clock.nsecsElapsed() / 1e6;
    const QByteArray bytes = suffix == "pdf" ? reportPdf(m, timing) : reportHtml(m, timing);
    const double before = clock.nsecsElapsed() / 1e6;
    const QString error = writeWhole(bytes, out);
    if (timing)
        timing->writeMs = clock.nsecsElapsed() / 1e6 - before;
    return error;
}

}  // namespace app::report
