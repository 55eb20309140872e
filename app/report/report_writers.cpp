// The report's formats: HTML (one self-contained file: CSS, charts as inline SVG, maps as data: URIs), PDF
// (QTextDocument on an A4 QPdfWriter, in the PDF-safe copy of the map font) and XLSX (GDAL's XLSX driver).

#include <algorithm>
#include <functional>
#include <map>

#include <QBuffer>
#include <QElapsedTimer>
#include <QFont>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QAbstractTextDocumentLayout>
#include <QFontMetricsF>
#include <QTextDocument>
#include <QTextFrame>
#include <QUrl>

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "render/map_fonts.h"
#include "report/report_model.h"

namespace app::report {

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }
QString h(const QString& s) { return s.toHtmlEscaped(); }
QString h(const std::string& s) { return q(s).toHtmlEscaped(); }

enum class Medium { Browser, Pdf };

/// The targets by chapter, as the summary counts them (layers::countByChapter), in the report's order.
std::vector<std::pair<QString, std::vector<const layers::TargetProgress*>>> byChapter(const ReportModel& m)
{
    std::vector<std::pair<QString, std::vector<const layers::TargetProgress*>>> chapters;
    for (const layers::TargetProgress& p : m.in->progress) {
        const QString key = q(layers::countByChapter({p}).front().first);
        auto at = std::find_if(chapters.begin(), chapters.end(), [&](const auto& c) { return c.first == key; });
        if (at == chapters.end())
            at = chapters.insert(chapters.end(), {key, {}});
        at->second.push_back(&p);
    }
    return chapters;
}

/// The HTML both media share; they differ in how pictures and bars are given (inline SVG, data: URIs and CSS in a
/// browser; named resources of the QTextDocument in the PDF, which has no flex boxes).
struct HtmlWriter {
    const ReportModel& m;
    Medium medium;
    QTextDocument* doc = nullptr;  ///< Pdf: where pictures are added
    int pictures = 0;

    QString picture(const QImage& image, int width, const QString& alt)
    {
        if (medium == Medium::Pdf) {
            const QString name = QStringLiteral("picture%1").arg(++pictures);
            doc->addResource(QTextDocument::ImageResource, QUrl(name), image);
            const int height = image.height() * width / std::max(1, image.width());
            return QStringLiteral("<img src=\"%1\" width=\"%2\" height=\"%3\" alt=\"%4\">").arg(name).arg(width).arg(height).arg(h(alt));
        }
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "JPEG", 88);
        return QStringLiteral("<img class=\"map\" src=\"data:image/jpeg;base64,%1\" alt=\"%2\">").arg(QString::fromLatin1(buffer.data().toBase64()), h(alt));
    }

    /// A bar of statuses, each a share of the whole.
    QString bar(const layers::ProgressCount& c, int width = 220)
    {
        if (c.targets == 0)
            return {};
        if (medium == Medium::Pdf) {
            QImage img(width * 3, 14 * 3, QImage::Format_RGB32);
            img.fill(Qt::white);
            QPainter p(&img);
            double x = 0;
            for (layers::Status s : reportStatuses()) {
                const double w = img.width() * double(countOf(c, s)) / c.targets;
                p.fillRect(QRectF(x, 0, w, img.height()), statusColour(s));
                x += w;
            }
            p.end();
            return picture(img, width, QString());
        }
        QString spans;
        for (layers::Status s : reportStatuses())
            if (const int n = countOf(c, s))
                spans += QStringLiteral("<span style=\"width:%1%;background:%2\" title=\"%3 %4\"></span>")
                             .arg(100.0 * n / c.targets, 0, 'f', 2)
                             .arg(statusColour(s).name(), h(m.statusText(s)))
                             .arg(n);
        return QStringLiteral("<div class=\"bar\" style=\"width:%1px\">%2</div>").arg(width).arg(spans);
    }

    QString statusCell(layers::Status s)
    {
        return QStringLiteral("<td class=\"status\" style=\"background-color:%1;color:%2\">%3</td>")
            .arg(statusColour(s).name(), s == layers::Status::NoFigure || s == layers::Status::OnTrack ? "#000000" : "#ffffff", h(m.statusText(s)));
    }

    QString countHeader(const QString& first)
    {
        QString row = QStringLiteral("<tr><th>%1</th><th>%2</th>").arg(h(first), h(Text::tr("指标数")));
        for (layers::Status s : reportStatuses())
            row += QStringLiteral("<th style=\"background-color:%1;color:%2\">%3</th>")
                       .arg(statusColour(s).name(), s == layers::Status::NoFigure || s == layers::Status::OnTrack ? "#000000" : "#ffffff", h(m.statusText(s)));
        return row + QStringLiteral("<th>%1</th><th>%2</th></tr>").arg(h(Text::tr("达标率")), h(Text::tr("进展")));
    }

    QString countRow(const QString& label, const layers::ProgressCount& c, bool strong = false)
    {
        QString row = QStringLiteral("<tr%1><td class=\"k\">%2</td><td class=\"n\">%3</td>").arg(strong ? " class=\"total\"" : "", h(label)).arg(c.targets);
        for (layers::Status s : reportStatuses())
            row += QStringLiteral("<td class=\"n\">%1</td>").arg(countOf(c, s));
        return row + QStringLiteral("<td class=\"n\">%1%</td><td>%2</td></tr>").arg(c.shareMet() * 100, 0, 'f', 1).arg(bar(c, medium == Medium::Pdf ? 140 : 220));
    }

    QString countTable(const QString& first, const std::vector<CountRow>& rows, bool withTotal)
    {
        QString t = QStringLiteral("<table class=\"counts\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><thead>%1</thead><tbody>").arg(countHeader(first));
        if (withTotal)
            t += countRow(Text::tr("合计"), m.total, true);
        for (const CountRow& r : rows)
            t += countRow(r.label, r.count);
        return t + "</tbody></table>";
    }

    /// The table of targets: short (a map page) or whole (every target, with scope, clause and quote).
    QString targetTable(const std::vector<const layers::TargetProgress*>& rows, bool whole)
    {
        QString t = QStringLiteral("<table class=\"targets\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><thead><tr><th>%1</th>").arg(h(Text::tr("编号")));
        if (whole)
            t += QStringLiteral("<th>%1</th>").arg(h(Text::tr("范围")));
        t += QStringLiteral("<th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th><th>%6</th>")
                 .arg(h(Text::tr("指标")), h(Text::tr("目标")), h(Text::tr("实际")), h(Text::tr("状态")), h(Text::tr("判定规则")), h(Text::tr("数据来源")));
        if (whole)
            t += QStringLiteral("<th>%1</th><th>%2</th>").arg(h(Text::tr("条款")), h(Text::tr("原文")));
        t += "</tr></thead><tbody>";
        for (const layers::TargetProgress* p : rows) {
            const layers::Target& x = *p->target;
            t += QStringLiteral("<tr><td>%1</td>").arg(h(x.id));
            if (whole)
                t += QStringLiteral("<td>%1</td>").arg(h(m.scopeLabel(x.scopeKind, x.scopeId)));
            t += QStringLiteral("<td>%1</td><td>%2</td><td>%3</td>").arg(h(m.indicator(x)), h(m.targetText(x)), h(m.actualText(*p)));
            t += statusCell(p->status);
            t += QStringLiteral("<td class=\"small\">%1</td><td class=\"small\">%2</td>").arg(h(m.rule(*p)), h(p->sources()));
            if (whole)
                t += QStringLiteral("<td>%1</td><td class=\"small\">%2</td>").arg(h(x.provenance.citation()), h(x.quote));
            t += "</tr>";
        }
        return t + "</tbody></table>";
    }

    QString chart(bool chapters, QSize size)
    {
        if (medium == Medium::Browser) {
            // Inline SVG needs no namespace declarations in HTML: without them the file names no web address at all.
            QString svg = QString::fromUtf8(chapters ? chaptersChartSvg(m, size) : citiesChartSvg(m, size));
            svg = svg.mid(svg.indexOf(QStringLiteral("<svg")));
            svg.remove(QRegularExpression(QStringLiteral(R"(\s+xmlns(:\w+)?="[^"]*")")));
            return QStringLiteral("<div class=\"chart\">%1</div>").arg(svg);
        }
        return picture(chapters ? chaptersChart(m, size, 2) : citiesChart(m, size, 2), size.width() * 640 / 1000, QString());
    }

    /// A section on a page of its own; id: its anchor (evaluation.html#city-zunyi).
    QString pageBreak(const QString& id) const
    {
        return QStringLiteral("<h2 class=\"page\" id=\"%1\" style=\"page-break-before:always\">").arg(h(QString(id).replace(':', '-')));
    }

    QString body()
    {
        QString b;
        b += QStringLiteral("<h1>%1</h1><p class=\"sub\">%2</p>").arg(h(m.title), h(m.subtitle));
        b += QStringLiteral("<p>%1</p>")
                 .arg(h(Text::tr("每个指标的状态按 share/monitoring/README.md 的规则判定（与 gzplan progress 相同）；"
                                 "判定规则一栏写明所用的规则与数据。数据来源一栏为录入数据时注明的来源。")));
        // Summary
        b += QStringLiteral("<h2>%1</h2>").arg(h(Text::tr("总体情况")));
        QString totals;
        for (layers::Status s : reportStatuses())
            totals += QStringLiteral("%1 <b>%2</b>　").arg(h(m.statusText(s))).arg(countOf(m.total, s));
        b += QStringLiteral("<p class=\"totals\">%1 <b>%2</b>　%3</p>").arg(h(Text::tr("指标总数"))).arg(m.total.targets).arg(totals);
        b += QStringLiteral("<p>%1</p>").arg(bar(m.total, 600));
        b += QStringLiteral("<h3>%1</h3>").arg(h(Text::tr("按章节（GZ2023 与 GY2025）")));
        b += countTable(Text::tr("章节"), m.chapters, true);
        if (!m.chapters.empty())
            b += chart(true, QSize(1000, 140 + 34 * int(m.chapters.size())));
        b += QStringLiteral("<h3>%1</h3>").arg(h(Text::tr("按范围")));
        b += countTable(Text::tr("范围"), m.scopes, true);
        if (!m.cityBars.empty()) {
            b += QStringLiteral("<h3>%1</h3>").arg(h(m.cityBarsTitle));
            b += chart(false, QSize(1000, 460));
        }
        // A page per central city and per layout
        for (const MapPage& page : m.pages) {
            b += pageBreak(page.id) + h(page.title) + "</h2>";
            b += QStringLiteral("<p class=\"sub\">%1</p>").arg(h(page.note));
            if (!page.map.isNull())
                b += QStringLiteral("<p>%1</p>").arg(picture(page.map, 640, page.title));
            if (page.targets.empty()) {
                b += QStringLiteral("<p>%1</p>").arg(h(Text::tr("该页没有指标。")));
                continue;
            }
            QString line;
            for (layers::Status s : reportStatuses())
                line += QStringLiteral("%1 %2　").arg(h(m.statusText(s))).arg(countOf(page.count, s));
            b += QStringLiteral("<p>%1 %2　%3</p><p>%4</p>").arg(h(Text::tr("指标数"))).arg(page.count.targets).arg(line, bar(page.count, 400));
            b += targetTable(page.targets, false);
        }
        // Every target: in the browser a table per chapter; the PDF draws it itself (drawTargetPages).
        if (medium == Medium::Browser) {
            b += pageBreak(QStringLiteral("targets")) + h(Text::tr("全部指标")) + "</h2>";
            for (const auto& [key, rows] : byChapter(m))
                b += QStringLiteral("<h3>%1</h3>").arg(h(key)) + targetTable(rows, true);
        }
        b += QStringLiteral("<p class=\"sub\">%1</p>")
                 .arg(h(Text::tr("边界与位置仅供规划示意，非测绘成果。地图：gzplan 渲染器；图表：Qt Charts。")));
        return b;
    }
};

const char* kCss = R"(
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", sans-serif; margin: 2em auto; max-width: 1100px; color: #212121; font-size: 14px; }
h1 { font-size: 26px; margin-bottom: 4px; }
h2 { font-size: 20px; border-bottom: 2px solid #455a64; padding-bottom: 3px; margin-top: 2em; }
h3 { font-size: 16px; }
p.sub { color: #546e7a; font-size: 12px; }
p.totals { font-size: 16px; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { border: 1px solid #b0bec5; padding: 3px 6px; vertical-align: top; text-align: left; }
th { background: #eceff1; white-space: nowrap; }
td.k { white-space: nowrap; }
tr.total td { font-weight: bold; }
td.n { text-align: right; }
td.small { font-size: 12px; }
td.status { white-space: nowrap; }
table.targets { width: 100%; font-size: 13px; }
div.bar { display: flex; width: 220px; height: 12px; border: 1px solid #90a4ae; }
div.bar span { display: block; height: 100%; }
img.map { width: 100%; max-width: 1000px; border: 1px solid #cfd8dc; }
div.chart svg { max-width: 100%; height: auto; }
@media print { h2.page { page-break-before: always; } }
)";

}  // namespace

QByteArray reportHtml(const ReportModel& m, ReportTiming* timing)
{
    QElapsedTimer clock;
    clock.start();
    HtmlWriter w{m, Medium::Browser};
    const QString body = w.body();
    if (timing)
        timing->chartsMs += clock.nsecsElapsed() / 1e6;
    const QString html = QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\"><head><meta charset=\"utf-8\"><title>%2</title><style>%3</style></head><body>%4</body></html>\n")
                             .arg(m.english ? "en" : "zh-CN", h(m.title), QString::fromLatin1(kCss), body);
    return html.toUtf8();
}

namespace {

QFont reportFont(double points, bool bold = false)
{
    // The PDF-safe copy of the map font (render/map_fonts.h): pdftotext reads 支, not the radical ⽀.
    QFont f(render::mapFontFamily(QStringLiteral("Noto Sans CJK SC")));
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

/// The PDF's pages: A4 at 300 dpi, 2 cm margins, numbered at the foot.
struct PdfPages {
    QPdfWriter& pdf;
    QPainter& painter;
    QRectF body;  ///< inside the margins, device pixels
    int page = 0;

    PdfPages(QPdfWriter& w, QPainter& p) : pdf(w), painter(p)
    {
        const double margin = 2 / 2.54 * pdf.resolution();
        body = QRectF(margin, margin, pdf.width() - 2 * margin, pdf.height() - 2 * margin);
    }
    void next()
    {
        footer();
        pdf.newPage();
    }
    void footer()
    {
        ++page;
        painter.save();
        painter.setFont(reportFont(7));
        painter.setPen(QColor(96, 125, 139));
        painter.drawText(QRectF(body.left(), body.bottom() + body.top() * 0.3, body.width(), body.top() * 0.4), Qt::AlignRight | Qt::AlignVCenter,
                         QString::number(page));
        painter.restore();
    }
};

/// The document (summary and map pages) page by page into the PDF, as QTextDocument::print would.
void drawDocument(QTextDocument& doc, PdfPages& pages)
{
    doc.documentLayout()->setPaintDevice(&pages.pdf);
    doc.setPageSize(pages.body.size());
    doc.rootFrame()->setFrameFormat([&] {
        QTextFrameFormat f = doc.rootFrame()->frameFormat();
        f.setMargin(0);
        return f;
    }());
    const int count = doc.pageCount();
    for (int i = 0; i < count; ++i) {
        if (i)
            pages.next();
        pages.painter.save();
        pages.painter.translate(pages.body.left(), pages.body.top() - i * pages.body.height());
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = QRectF(0, i * pages.body.height(), pages.body.width(), pages.body.height());
        pages.painter.setClipRect(context.clip);
        doc.documentLayout()->draw(&pages.painter, context);
        pages.painter.restore();
    }
}

/// Every target as a table drawn row by row (QTextDocument takes seconds for a table of 290 rows): the header on
/// every page, a row never split, a line per chapter.
void drawTargetPages(const ReportModel& m, PdfPages& pages)
{
    QPainter& p = pages.painter;
    const double dpi = pages.pdf.resolution(), pad = 0.8 / 25.4 * dpi;
    struct Column {
        QString title;
        double share;
    };
    const std::vector<Column> columns{{Text::tr("编号"), 0.045}, {Text::tr("范围"), 0.075}, {Text::tr("指标"), 0.11},      {Text::tr("目标"), 0.085},
                                      {Text::tr("实际"), 0.085}, {Text::tr("状态"), 0.055}, {Text::tr("判定规则"), 0.23}, {Text::tr("数据来源"), 0.11},
                                      {Text::tr("条款"), 0.08},  {Text::tr("原文"), 0.125}};
    const QFont text = reportFont(6), bold = reportFont(6, true), chapterFont = reportFont(9, true), titleFont = reportFont(13, true);
    std::vector<double> x{pages.body.left()};
    for (const Column& c : columns)
        x.push_back(x.back() + c.share * pages.body.width());
    const QPen grid(QColor(176, 190, 197), 0.15 / 25.4 * dpi);
    const auto cellHeight = [&](const QString& s, std::size_t c, const QFont& f) {
        return QFontMetricsF(f, &pages.pdf).boundingRect(QRectF(0, 0, x[c + 1] - x[c] - 2 * pad, 1e6), Qt::TextWordWrap, s).height() + 2 * pad;
    };
    const auto drawRow = [&](double y, double height, const QStringList& cells, const QFont& f, const QColor& fill, int statusColumn,
                             const QColor& statusFill, const QColor& statusText) {
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const QRectF cell(x[c], y, x[c + 1] - x[c], height);
            p.fillRect(cell, int(c) == statusColumn ? statusFill : fill);
            p.setPen(grid);
            p.drawRect(cell);
            p.setPen(int(c) == statusColumn ? statusText : QColor(33, 33, 33));
            p.setFont(f);
            p.drawText(cell.adjusted(pad, pad, -pad, -pad), Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, cells.value(int(c)));
        }
    };
    QStringList header;
    for (const Column& c : columns)
        header << c.title;
    double headerHeight = 0;
    for (std::size_t c = 0; c < columns.size(); ++c)
        headerHeight = std::max(headerHeight, cellHeight(header[int(c)], c, bold));
    const QColor headerFill(236, 239, 241);
    double y = pages.body.top();
    const auto newPage = [&](bool first) {
        if (!first)
            pages.next();
        y = pages.body.top();
        if (first) {
            p.setFont(titleFont);
            p.setPen(QColor(33, 33, 33));
            const double h = QFontMetricsF(titleFont, &pages.pdf).height() * 1.6;
            p.drawText(QRectF(pages.body.left(), y, pages.body.width(), h), Qt::AlignLeft | Qt::AlignVCenter, Text::tr("全部指标"));
            y += h;
        }
        drawRow(y, headerHeight, header, bold, headerFill, -1, headerFill, Qt::black);
        y += headerHeight;
    };
    pages.next();
    newPage(true);
    const double chapterHeight = QFontMetricsF(chapterFont, &pages.pdf).height() * 1.5;
    for (const auto& [key, rows] : byChapter(m)) {
        bool chapterLine = true;
        for (const layers::TargetProgress* t : rows) {
            const layers::Target& target = *t->target;
            const QStringList cells{q(target.id),           m.scopeLabel(target.scopeKind, target.scopeId), m.indicator(target), m.targetText(target),
                                    m.actualText(*t),       m.statusText(t->status),                        m.rule(*t),          q(t->sources()),
                                    q(target.provenance.citation()), q(target.quote)};
            double height = 0;
            for (std::size_t c = 0; c < columns.size(); ++c)
                height = std::max(height, cellHeight(cells[int(c)], c, text));
            if (y + height + (chapterLine ? chapterHeight : 0) > pages.body.bottom())
                newPage(false);
            if (chapterLine) {
                p.setFont(chapterFont);
                p.setPen(QColor(33, 33, 33));
                p.drawText(QRectF(pages.body.left(), y, pages.body.width(), chapterHeight), Qt::AlignLeft | Qt::AlignVCenter, key);
                y += chapterHeight;
                chapterLine = false;
            }
            const layers::Status s = t->status;
            drawRow(y, height, cells, text, Qt::white, 5, statusColour(s),
                    s == layers::Status::NoFigure || s == layers::Status::OnTrack ? Qt::black : Qt::white);
            y += height;
        }
    }
    p.setFont(reportFont(6));
    p.setPen(QColor(84, 110, 122));
    if (y + chapterHeight > pages.body.bottom())
        newPage(false);
    p.drawText(QRectF(pages.body.left(), y, pages.body.width(), chapterHeight), Qt::AlignLeft | Qt::AlignVCenter,
               Text::tr("边界与位置仅供规划示意，非测绘成果。地图：gzplan 渲染器；图表：Qt Charts。"));
}

}  // namespace

QByteArray reportPdf(const ReportModel& m, ReportTiming* timing)
{
    QElapsedTimer clock;
    clock.start();
    QTextDocument doc;
    doc.setDefaultFont(reportFont(8));
    doc.setDefaultStyleSheet(QStringLiteral("h1 { font-size: 18pt; } h2 { font-size: 13pt; } h3 { font-size: 10pt; } "
                                            "p.sub { color: #546e7a; font-size: 7pt; } td.small { font-size: 6.5pt; } th { background-color: #eceff1; white-space: nowrap; } "
                                            "td.k { white-space: nowrap; } td.status { white-space: nowrap; } td.n { white-space: nowrap; } "
                                            "table { border-collapse: collapse; border-color: #b0bec5; } td.n { text-align: right; }"));
    HtmlWriter w{m, Medium::Pdf, &doc};
    doc.setHtml(QStringLiteral("<html><body>%1</body></html>").arg(w.body()));
    if (timing)
        timing->chartsMs += clock.nsecsElapsed() / 1e6;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter pdf(&buffer);
        pdf.setResolution(300);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageOrientation(QPageLayout::Portrait);
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));  // the margins are PdfPages'
        pdf.setTitle(m.title);
        pdf.setCreator(QStringLiteral("gzplan report"));
        const double before = clock.nsecsElapsed() / 1e6;
        QPainter painter(&pdf);
        PdfPages pages(pdf, painter);
        drawDocument(doc, pages);
        drawTargetPages(m, pages);
        pages.footer();
        painter.end();
        if (timing)
            timing->printMs = clock.nsecsElapsed() / 1e6 - before;
    }
    return buffer.data();
}

namespace {

/// GDAL's failures while the XLSX is written (the driver writes the file when the dataset closes).
struct GdalFailures {
    QStringList messages;
    GdalFailures() { CPLPushErrorHandlerEx(&GdalFailures::handler, this); }
    ~GdalFailures() { CPLPopErrorHandler(); }
    static void CPL_STDCALL handler(CPLErr e, CPLErrorNum, const char* msg)
    {
        if (e >= CE_Failure)
            static_cast<GdalFailures*>(CPLGetErrorHandlerUserData())->messages << QString::fromUtf8(msg);
    }
};

struct Column {
    const char* name;
    OGRFieldType type;
};

OGRLayer* sheet(GDALDataset& ds, const char* name, const std::vector<Column>& columns)
{
    OGRLayer* layer = ds.CreateLayer(name, nullptr, wkbNone, nullptr);
    if (!layer)
        return nullptr;
    for (const Column& c : columns) {
        OGRFieldDefn f(c.name, c.type);
        if (layer->CreateField(&f) != OGRERR_NONE)
            return nullptr;
    }
    return layer;
}

const std::vector<Column>& countColumns(const char* first)
{
    static std::map<std::string, std::vector<Column>> cache;
    auto& c = cache[first];
    if (c.empty())
        c = {{first, OFTString}, {"label", OFTString}, {"targets", OFTInteger}, {"met", OFTInteger}, {"on_track", OFTInteger},
             {"behind", OFTInteger}, {"not_met", OFTInteger}, {"undetermined", OFTInteger}, {"no_figure", OFTInteger},
             {"with_figure", OFTInteger}, {"share_met", OFTReal}};
    return c;
}

bool addCount(OGRLayer* layer, const QString& key, const QString& label, const layers::ProgressCount& c)
{
    OGRFeature f(layer->GetLayerDefn());
    f.SetField(0, key.toUtf8().constData());
    f.SetField(1, label.toUtf8().constData());
    const int values[] = {c.targets, c.met, c.onTrack, c.behind, c.notMet, c.undetermined, c.noFigure, c.withFigure()};
    for (int i = 0; i < 8; ++i)
        f.SetField(2 + i, values[i]);
    f.SetField(10, c.shareMet());
    return layer->CreateFeature(&f) == OGRERR_NONE;
}

}  // namespace

QString writeReportXlsx(const ReportModel& m, const QString& tmp)
{
    GdalFailures failures;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("XLSX");
    if (!driver)
        return QStringLiteral("GDAL has no XLSX driver");
    GDALDataset* ds = driver->Create(tmp.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
    if (!ds)
        return QStringLiteral("GDAL cannot create it: %1").arg(failures.messages.join("; "));
    bool ok = true;
    // summary: one row per status and the total; by_chapter, by_scope: the counts; targets: every target.
    if (OGRLayer* l = sheet(*ds, "summary", countColumns("scope"))) {
        ok &= addCount(l, QStringLiteral("all"), m.in->scope.isEmpty() ? Text::tr("全部指标") : m.in->scope, m.total);
    } else
        ok = false;
    if (OGRLayer* l = sheet(*ds, "by_chapter", countColumns("chapter"))) {
        for (const CountRow& r : m.chapters)
            ok &= addCount(l, r.key, r.label, r.count);
    } else
        ok = false;
    if (OGRLayer* l = sheet(*ds, "by_scope", countColumns("scope"))) {
        for (const CountRow& r : m.scopes)
            ok &= addCount(l, r.key, r.label, r.count);
    } else
        ok = false;
    const std::vector<Column> targetColumns{
        {"target_id", OFTString},  {"scope", OFTString},       {"scope_name", OFTString}, {"indicator", OFTString}, {"comparator", OFTString},
        {"target_value", OFTReal}, {"unit", OFTString},        {"year", OFTInteger},      {"kind", OFTString},      {"actual", OFTReal},
        {"figure_year", OFTInteger}, {"expected", OFTReal},    {"status", OFTString},     {"status_label", OFTString}, {"rule", OFTString},
        {"sources", OFTString},    {"document", OFTString},    {"clause", OFTString},     {"basis", OFTString},     {"quote", OFTString}};
    if (OGRLayer* l = sheet(*ds, "targets", targetColumns)) {
        for (const layers::TargetProgress& p : m.in->progress) {
            const layers::Target& t = *p.target;
            OGRFeature f(l->GetLayerDefn());
            int i = 0;
            const auto text = [&](const QString& s) { f.SetField(i++, s.toUtf8().constData()); };
            text(q(t.id));
            text(q(t.scopeKind + ":" + t.scopeId));
            text(m.scopeLabel(t.scopeKind, t.scopeId));
            text(m.indicator(t));
            text(q(t.comparator));
            f.SetField(i++, t.value);
            text(q(t.unit));
            f.SetField(i++, t.year);
            text(QString::fromUtf8(layers::targetKindId(p.kind)));
            if (p.actual)
                f.SetField(i, *p.actual);
            ++i;
            if (p.figureYear) f.SetField(i, p.figureYear);
            ++i;
            if (p.expected) f.SetField(i, *p.expected);
            ++i;
            text(QString::fromUtf8(layers::statusId(p.status)));
            text(m.statusText(p.status));
            text(m.rule(p));
            text(q(p.sources()));
            text(q(t.provenance.source));
            text(q(t.provenance.clause));
            text(q(t.weakestBasis()));
            text(q(t.quote));
            ok &= l->CreateFeature(&f) == OGRERR_NONE;
        }
    } else
        ok = false;
    GDALClose(ds);  // the driver writes the workbook here
    if (!ok || !failures.messages.isEmpty())
        return QStringLiteral("GDAL's XLSX driver failed: %1").arg(failures.messages.isEmpty() ? QStringLiteral("a row was refused") : failures.messages.join("; "));
    return {};
}

}  // namespace app::report
