// The report's charts, drawn with Qt Charts into an image (the PDF, the XLSX has none) or SVG (the HTML).

#include <memory>

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QBuffer>
#include <QChart>
#include <QCoreApplication>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QHorizontalStackedBarSeries>
#include <QPainter>
#include <QSvgGenerator>
#include <QValueAxis>

#include "render/map_fonts.h"
#include "report/report_model.h"

namespace app::report {

namespace {

QFont chartFont(int pixels, bool bold = false)
{
    // The PDF-safe copy of the map's CJK font (render/map_fonts.h): its PDF text is the characters drawn.
    QFont f(render::mapFontFamily(QStringLiteral("Noto Sans CJK SC")));
    f.setPixelSize(pixels);
    f.setBold(bold);
    return f;
}

/// A chart in a scene of its own, laid out at size.
struct ChartScene {
    QGraphicsScene scene;
    QChart* chart = new QChart;  // owned by the scene

    explicit ChartScene(const QString& title, QSize size)
    {
        scene.addItem(chart);
        chart->setAnimationOptions(QChart::NoAnimation);
        chart->setBackgroundRoundness(0);
        chart->setTitle(title);
        chart->setTitleFont(chartFont(18, true));
        chart->legend()->setFont(chartFont(15));
        chart->legend()->setAlignment(Qt::AlignBottom);
        chart->setGeometry(QRectF(QPointF(0, 0), QSizeF(size)));
        scene.setSceneRect(QRectF(QPointF(0, 0), QSizeF(size)));
    }
    void axes(QAbstractAxis* categories, Qt::Alignment categoryAt, QValueAxis* values, Qt::Alignment valueAt, QAbstractSeries* series)
    {
        categories->setLabelsFont(chartFont(14));
        values->setLabelsFont(chartFont(13));
        values->setTitleFont(chartFont(14));
        chart->addAxis(categories, categoryAt);
        chart->addAxis(values, valueAt);
        series->attachAxis(categories);
        series->attachAxis(values);
    }
    /// The chart lays out its axes and legend on posted layout requests: without an event loop, they are sent here.
    void settle()
    {
        for (int i = 0; i < 3; ++i)
            QCoreApplication::sendPostedEvents();
        chart->layout()->activate();
        QCoreApplication::sendPostedEvents();
    }
    QImage image(double scale)
    {
        settle();
        const QSizeF size = scene.sceneRect().size();
        QImage img((size * scale).toSize(), QImage::Format_RGB32);
        img.fill(Qt::white);
        QPainter p(&img);
        p.setRenderHint(QPainter::Antialiasing);
        p.setRenderHint(QPainter::TextAntialiasing);
        scene.render(&p, QRectF(QPointF(0, 0), size * scale), scene.sceneRect());
        return img;
    }
    QByteArray svg(const QString& title)
    {
        settle();
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QSvgGenerator g;
        g.setOutputDevice(&buffer);
        g.setSize(scene.sceneRect().size().toSize());
        g.setViewBox(scene.sceneRect());
        g.setTitle(title);
        {
            QPainter p(&g);
            p.setRenderHint(QPainter::Antialiasing);
            scene.render(&p, scene.sceneRect(), scene.sceneRect());
        }
        return buffer.data();
    }
};

std::unique_ptr<ChartScene> chapters(const ReportModel& m, QSize size)
{
    auto c = std::make_unique<ChartScene>(Text::tr("各章节指标状态（个）"), size);
    auto* series = new QHorizontalStackedBarSeries;
    // Horizontal bars stack their categories from the bottom: the chapters are given last first, to read from the top.
    const std::vector<CountRow> rows(m.chapters.rbegin(), m.chapters.rend());
    QStringList labels;
    for (const CountRow& row : rows)
        labels << row.label;
    for (layers::Status s : reportStatuses()) {
        auto* set = new QBarSet(m.statusText(s));
        set->setColor(statusColour(s));
        set->setBorderColor(statusColour(s));
        for (const CountRow& row : rows)
            *set << countOf(row.count, s);
        series->append(set);
    }
    series->setBarWidth(0.7);
    c->chart->addSeries(series);
    auto* categories = new QBarCategoryAxis;
    categories->append(labels);
    auto* values = new QValueAxis;
    values->setLabelFormat("%d");
    values->setTitleText(Text::tr("指标数"));
    c->axes(categories, Qt::AlignLeft, values, Qt::AlignBottom, series);
    values->applyNiceNumbers();
    return c;
}

std::unique_ptr<ChartScene> cities(const ReportModel& m, QSize size)
{
    auto c = std::make_unique<ChartScene>(m.cityBarsTitle, size);
    auto* series = new QBarSeries;
    auto* target = new QBarSet(Text::tr("目标"));
    auto* actual = new QBarSet(Text::tr("实际（无数据为 0）"));
    target->setColor(QColor(120, 144, 156));
    actual->setColor(statusColour(layers::Status::Met));
    QStringList labels;
    for (const CityBar& b : m.cityBars) {
        labels << b.city;
        *target << b.progress->target->value;
        *actual << b.progress->actual.value_or(0);
    }
    series->append(target);
    series->append(actual);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsFormat("@value");
    c->chart->addSeries(series);
    auto* categories = new QBarCategoryAxis;
    categories->append(labels);
    auto* values = new QValueAxis;
    values->setLabelFormat("%d");
    values->setTitleText(Text::tr("万人"));
    c->axes(categories, Qt::AlignBottom, values, Qt::AlignLeft, series);
    values->applyNiceNumbers();
    return c;
}

}  // namespace

QImage chaptersChart(const ReportModel& m, QSize size, double scale) { return chapters(m, size)->image(scale); }
QImage citiesChart(const ReportModel& m, QSize size, double scale) { return cities(m, size)->image(scale); }
QByteArray chaptersChartSvg(const ReportModel& m, QSize size) { return chapters(m, size)->svg(Text::tr("各章节指标状态（个）")); }
QByteArray citiesChartSvg(const ReportModel& m, QSize size) { return cities(m, size)->svg(m.cityBarsTitle); }

}  // namespace app::report
