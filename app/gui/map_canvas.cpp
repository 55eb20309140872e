#include "gui/map_canvas.h"

#include <algorithm>
#include <chrono>

#include <QFontMetricsF>
#include <QKeyEvent>
#include <QNativeGestureEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>

#include "geo/geodesic.h"

namespace app::gui {

MapCanvas::MapCanvas(std::shared_ptr<const render::MapRenderer> renderer, QWidget* parent)
    : QWidget(parent), m_renderer(std::move(renderer))
{
    m_settings = m_renderer->settingsFor(render::View::Overview);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setMinimumSize(320, 240);
    setAttribute(Qt::WA_OpaquePaintEvent);
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, &MapCanvas::renderFinished);
    m_toLonLat = std::make_unique<geo::Projection>(m_renderer->data().crs.toStdString(), geo::crs::kCgcs2000);
}

MapCanvas::~MapCanvas()
{
    m_watcher.waitForFinished();
}

bool MapCanvas::rendering() const
{
    return m_watcher.isRunning() || m_pending;
}

void MapCanvas::setView(const render::MapView& view)
{
    m_settings.view = view;
    m_fitted = true;
    viewMoved();
}

void MapCanvas::setRenderer(std::shared_ptr<const render::MapRenderer> renderer, const std::function<geo::Point(geo::Point)>& toNewCrs)
{
    m_renderer = std::move(renderer);
    const geo::Point centre = toNewCrs(m_settings.view.centre());
    m_settings.view = render::MapView(m_settings.view.size(), centre, m_settings.view.unitsPerPixel());
    m_image = QImage();  // drawn in the old CRS: not reusable
    // The measurement and the marker stay where they are on the ground.
    for (geo::Point& p : m_measure.points)
        p = toNewCrs(p);
    if (m_marker)
        m_marker = toNewCrs(*m_marker);
    m_cursor.reset();
    m_toLonLat = std::make_unique<geo::Projection>(m_renderer->data().crs.toStdString(), geo::crs::kCgcs2000);
    updateMeasurement();
    viewMoved();
}

void MapCanvas::setTheme(render::View theme)
{
    m_settings.theme = theme;
    m_settings.layers = m_renderer->viewLayers(theme);
    requestRender();
}

void MapCanvas::setLayer(const QString& id, const render::LayerState& state)
{
    m_settings.layers[id] = state;
    requestRender();
}

void MapCanvas::setLayerOrder(const QStringList& bottomToTop)
{
    m_settings.order = bottomToTop;
    requestRender();
}

void MapCanvas::setHighlight(const QSet<QString>& counties, const QString& feature)
{
    m_settings.highlightCounties = counties;
    m_settings.highlightFeature = feature;
    requestRender();
}

void MapCanvas::setUserSelection(const QMap<QString, std::shared_ptr<const std::vector<std::uint32_t>>>& selection)
{
    m_settings.userSelection = selection;
    requestRender();
}

void MapCanvas::setUserLayers(const std::vector<render::UserLayer>& layers)
{
    m_settings.userLayers = layers;
    requestRender();
}

void MapCanvas::setProgress(std::shared_ptr<const render::ProgressData> data)
{
    m_progress = std::move(data);
    m_settings.progress = m_progress;
    requestRender();
}

void MapCanvas::setChoropleth(std::shared_ptr<const render::Choropleth> map)
{
    m_settings.choropleth = std::move(map);
    requestRender();
}

void MapCanvas::setFeatureHighlight(const QPainterPath& mapPath)
{
    m_featureHighlight = mapPath;
    update();
}

void MapCanvas::setTool(Tool tool)
{
    if (tool == m_tool)
        return;
    m_tool = tool;
    m_measure = {};
    m_cursor.reset();
    if (tool == Tool::Browse)
        unsetCursor();
    else
        setCursor(Qt::CrossCursor);
    emit measurementChanged();
    update();
}

void MapCanvas::setMarker(std::optional<geo::Point> mapPoint)
{
    m_marker = mapPoint;
    update();
}

void MapCanvas::updateMeasurement()
{
    // The vertices (and the cursor while drawing) in CGCS2000 lon/lat; a point PROJ cannot transform is left out.
    std::vector<geo::Point> lonLat;
    std::vector<geo::Point> points = m_measure.points;
    if (!m_measure.finished && m_cursor && !points.empty())
        points.push_back(*m_cursor);
    for (geo::Point p : points)
        if (m_toLonLat->forward(p))
            lonLat.push_back(p);
    m_measure.length = m_measure.area = m_measure.lastSegment = 0;
    if (lonLat.size() >= 2)
        m_measure.lastSegment = geo::geodesic::distance(lonLat[lonLat.size() - 2], lonLat.back());
    if (m_tool == Tool::MeasureArea) {
        const geo::geodesic::PolygonMeasure m = geo::geodesic::polygon(lonLat);
        m_measure.area = m.area;
        m_measure.length = lonLat.size() >= 3 ? m.perimeter : geo::geodesic::length(lonLat);
    } else {
        m_measure.length = geo::geodesic::length(lonLat);
    }
    emit measurementChanged();
}

void MapCanvas::finishMeasurement()
{
    if (m_measure.points.empty() || m_measure.finished)
        return;
    m_measure.finished = true;
    m_cursor.reset();
    updateMeasurement();
    update();
}

namespace {
QString lengthText(double metres)
{
    return metres < 1000 ? MapCanvas::tr("%L1 m").arg(metres, 0, 'f', 1) : MapCanvas::tr("%L1 km").arg(metres / 1000, 0, 'f', 3);
}
QString areaText(double m2)
{
    const QString hectares = MapCanvas::tr("%L1 公顷").arg(m2 / 1e4, 0, 'f', m2 < 1e6 ? 4 : 2);
    return (m2 < 1e6 ? MapCanvas::tr("%L1 m²").arg(m2, 0, 'f', 1) : MapCanvas::tr("%L1 km²").arg(m2 / 1e6, 0, 'f', 4)) + " (" + hectares + ")";
}
}  // namespace

QString MapCanvas::measurementText() const
{
    if (m_tool == Tool::Browse || m_measure.points.empty())
        return m_tool == Tool::MeasureDistance ? tr("测量距离: 单击添加点, 右键或 Esc 结束")
               : m_tool == Tool::MeasureArea   ? tr("测量面积: 单击添加顶点, 右键或 Esc 结束")
                                               : QString();
    const QString ellipsoid = tr("椭球面 CGCS2000");
    if (m_tool == Tool::MeasureDistance)
        return tr("本段 %1 · 总长 %2").arg(lengthText(m_measure.lastSegment), lengthText(m_measure.length)) + " (" + ellipsoid + ")";
    return tr("面积 %1 · 周长 %2").arg(areaText(m_measure.area), lengthText(m_measure.length)) + " (" + ellipsoid + ")";
}

void MapCanvas::zoomToProvince()
{
    setView(render::MapView::fit(m_renderer->data().extent, size()));
}

void MapCanvas::zoomToThemeExtent()
{
    setView(render::MapView::fit(m_renderer->viewExtent(m_settings.theme), size()));
}

void MapCanvas::zoomTo(const geo::Box& box, double minSize)
{
    // Keep small targets in context: at least minSize across each way (a long thin box keeps its length).
    geo::Box b = box;
    const geo::Point c = b.centre();
    if (b.width() < minSize)
        b.minX = c.x - minSize / 2, b.maxX = c.x + minSize / 2;
    if (b.height() < minSize)
        b.minY = c.y - minSize / 2, b.maxY = c.y + minSize / 2;
    setView(render::MapView::fit(b, size(), 0.15));
}

void MapCanvas::zoomBy(double factor)
{
    m_settings.view.zoomAt(QPointF(width() / 2.0, height() / 2.0), factor);
    viewMoved();
}

void MapCanvas::viewMoved()
{
    update();  // shows the last image moved at once
    emit viewChanged();
    requestRender();
}

void MapCanvas::requestRender()
{
    ++m_generation;
    if (m_watcher.isRunning()) {
        m_pending = true;  // started when the running one finishes; its result is stale and dropped
        if (m_cancel)
            m_cancel->store(true);  // a PostGIS layer's read of the old view stops within a page of rows
        return;
    }
    startRender();
}

void MapCanvas::startRender()
{
    m_pending = false;
    if (!m_fitted || width() <= 0 || height() <= 0)
        return;
    render::RenderSettings settings = m_settings;  // an immutable copy for the worker
    settings.dpi = logicalDpiX();
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    settings.cancel = m_cancel;
    auto renderer = m_renderer;
    const quint64 generation = m_generation;
    const qreal ratio = devicePixelRatioF();
    m_watcher.setFuture(QtConcurrent::run([renderer, settings, generation, ratio]() {
        const auto start = std::chrono::steady_clock::now();
        Result r;
        QImage image((settings.view.size() * ratio).toSize(), QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(ratio);
        QPainter painter(&image);
        renderer->render(painter, settings);
        painter.end();
        r.image = std::move(image);
        r.view = settings.view;
        r.generation = generation;
        r.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        return r;
    }));
}

void MapCanvas::renderFinished()
{
    const Result r = m_watcher.result();
    m_lastRenderMs = r.ms;
    if (r.generation == m_generation) {
        m_image = r.image;
        m_imageView = r.view;
        update();
        emit rendered();
    }
    if (m_pending || r.generation != m_generation)
        startRender();
}

void MapCanvas::paintEvent(QPaintEvent*)
{
    if (!m_fitted)
        zoomToProvince();
    QPainter painter(this);
    painter.fillRect(rect(), m_renderer->style().background);
    if (m_image.isNull())
        return;
    // The last image, moved and scaled from the view it was drawn for to the current one.
    const double scale = m_imageView.unitsPerPixel() / m_settings.view.unitsPerPixel();
    const geo::Point corner = m_imageView.toMap(QPointF(0, 0));
    const QPointF at = m_settings.view.toScreen(corner);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, scale != 1.0);
    painter.drawImage(QRectF(at, m_imageView.size() * scale), m_image);
    if (!m_featureHighlight.isEmpty())
        paintFeatureHighlight(painter);
    if (m_marker)
        paintMarker(painter);
    if (m_tool != Tool::Browse)
        paintMeasurement(painter);
}

void MapCanvas::paintMarker(QPainter& painter) const
{
    // The selection's colour on a halo of the paper colour: a ring and a cross at the point.
    const render::Style& style = m_renderer->style();
    const render::Symbol area = style.symbol("highlight", render::viewId(m_settings.theme), {{"geometry", "area"}});
    const QPointF at = m_settings.view.toScreen(*m_marker);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setBrush(Qt::NoBrush);
    for (const auto& [colour, width] : {std::pair{style.paper, 5.0}, std::pair{area.stroke, 2.0}}) {
        painter.setPen(QPen(colour, width, Qt::SolidLine, Qt::RoundCap));
        painter.drawEllipse(at, 9, 9);
        painter.drawLine(at + QPointF(-16, 0), at + QPointF(-4, 0));
        painter.drawLine(at + QPointF(4, 0), at + QPointF(16, 0));
        painter.drawLine(at + QPointF(0, -16), at + QPointF(0, -4));
        painter.drawLine(at + QPointF(0, 4), at + QPointF(0, 16));
    }
}

void MapCanvas::paintMeasurement(QPainter& painter) const
{
    const render::Style& style = m_renderer->style();
    const render::Symbol area = style.symbol("highlight", render::viewId(m_settings.theme), {{"geometry", "area"}});
    QPolygonF line;
    for (const geo::Point& p : m_measure.points)
        line << m_settings.view.toScreen(p);
    if (!m_measure.finished && m_cursor && !line.isEmpty())
        line << m_settings.view.toScreen(*m_cursor);
    painter.setRenderHint(QPainter::Antialiasing, true);
    if (m_tool == Tool::MeasureArea && line.size() >= 3) {
        QColor fill = area.stroke;
        fill.setAlphaF(0.18);
        painter.setPen(Qt::NoPen);
        painter.setBrush(fill);
        painter.drawPolygon(line);
    }
    painter.setBrush(Qt::NoBrush);
    for (const auto& [colour, width] : {std::pair{style.paper, 4.0}, std::pair{area.stroke, 2.0}}) {
        painter.setPen(QPen(colour, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        if (m_tool == Tool::MeasureArea && line.size() >= 3)
            painter.drawPolygon(line);
        else
            painter.drawPolyline(line);
        for (const QPointF& p : line)
            painter.drawEllipse(p, 3, 3);
    }
    // The figures in a box beside the last vertex (or the cursor), inside the canvas.
    const QString text = measurementText();
    if (text.isEmpty())
        return;
    const QFontMetricsF metrics(font());
    QRectF box = metrics.boundingRect(QRectF(0, 0, width() - 20, 200), Qt::TextWordWrap, text).adjusted(-6, -4, 6, 4);
    const QPointF anchor = line.isEmpty() ? QPointF(12, 12) : line.back() + QPointF(14, 14);
    box.moveTopLeft(anchor);
    if (box.right() > width() - 4)
        box.moveRight(width() - 4);
    if (box.bottom() > height() - 4)
        box.moveBottom(anchor.y() - 28);
    box.moveTop(std::max(4.0, box.top()));
    box.moveLeft(std::max(4.0, box.left()));
    painter.setPen(QPen(area.stroke, 1));
    painter.setBrush(palette().toolTipBase());
    painter.drawRoundedRect(box, 3, 3);
    painter.setPen(palette().toolTipText().color());
    painter.drawText(box.adjusted(6, 4, -6, -4), Qt::TextWordWrap, text);
}

void MapCanvas::paintFeatureHighlight(QPainter& painter) const
{
    // The selection's symbols (the style's "highlight" rules), outlined on a halo of the paper colour so it reads
    // over any fill; a feature a few pixels across (a point, a small parcel) gets the point symbol's ring as well.
    const render::Style& style = m_renderer->style();
    const QString view = render::viewId(m_settings.theme);
    const render::Symbol area = style.symbol("highlight", view, {{"geometry", "area"}});
    const render::Symbol point = style.symbol("highlight", view, {{"geometry", "point"}});
    const QPainterPath path = m_settings.view.transform().map(m_featureHighlight);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setBrush(Qt::NoBrush);
    const QRectF b = path.boundingRect();
    for (const auto& [colour, extra] : {std::pair{style.paper, 2.0}, std::pair{area.stroke, 0.0}}) {
        painter.setPen(QPen(colour, area.width + extra, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPath(path);
        if (b.width() < 6 && b.height() < 6)
            painter.drawEllipse(b.center(), point.size, point.size);
    }
}

void MapCanvas::resizeEvent(QResizeEvent*)
{
    if (!m_fitted) {
        zoomToProvince();
        return;
    }
    m_settings.view.setSize(size());
    viewMoved();
}

void MapCanvas::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::RightButton && m_tool != Tool::Browse) {
        finishMeasurement();
        return;
    }
    if (event->button() == Qt::LeftButton) {
        m_dragging = true;
        m_moved = false;
        m_pressAt = event->position();
        m_lastDrag = event->position();
    }
}

void MapCanvas::mouseMoveEvent(QMouseEvent* event)
{
    if (m_dragging) {
        if (!m_moved && (event->position() - m_pressAt).manhattanLength() >= 4) {
            m_moved = true;
            setCursor(Qt::ClosedHandCursor);
        }
        if (m_moved) {
            m_settings.view.pan(event->position() - m_lastDrag);
            m_lastDrag = event->position();
            viewMoved();
        }
    }
    if (m_tool != Tool::Browse && !m_measure.finished && !m_measure.points.empty()) {
        m_cursor = m_settings.view.toMap(event->position());
        updateMeasurement();
        update();
    }
    emit cursorMoved(m_settings.view.toMap(event->position()));
}

void MapCanvas::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !m_dragging)
        return;
    m_dragging = false;
    if (m_tool == Tool::Browse)
        unsetCursor();
    else
        setCursor(Qt::CrossCursor);
    if (m_moved)
        return;
    if (m_tool != Tool::Browse) {
        if (m_measure.finished)  // a click after the end starts a new measurement
            m_measure = {};
        m_measure.points.push_back(m_settings.view.toMap(event->position()));
        m_cursor.reset();
        updateMeasurement();
        update();
        return;
    }
    emit clicked(event->position(), m_settings.view.toMap(event->position()));
}

void MapCanvas::wheelEvent(QWheelEvent* event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    m_settings.view.zoomAt(event->position(), std::pow(1.25, steps));
    viewMoved();
}

bool MapCanvas::event(QEvent* event)
{
    if (event->type() == QEvent::NativeGesture) {
        auto* gesture = static_cast<QNativeGestureEvent*>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            m_settings.view.zoomAt(gesture->position(), 1.0 + gesture->value());
            viewMoved();
            return true;
        }
    }
    return QWidget::event(event);
}

void MapCanvas::keyPressEvent(QKeyEvent* event)
{
    const double step = 0.2;  // share of the canvas per key press
    switch (event->key()) {
    case Qt::Key_Left: m_settings.view.pan({width() * step, 0}); break;
    case Qt::Key_Right: m_settings.view.pan({-width() * step, 0}); break;
    case Qt::Key_Up: m_settings.view.pan({0, height() * step}); break;
    case Qt::Key_Down: m_settings.view.pan({0, -height() * step}); break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomBy(1.5); return;
    case Qt::Key_Minus: zoomBy(1 / 1.5); return;
    case Qt::Key_Home:
    case Qt::Key_0: zoomToProvince(); return;
    case Qt::Key_Escape:
        // Esc ends a measurement being drawn; the next one clears it (and the marker, and what is identified).
        if (m_tool != Tool::Browse && !m_measure.points.empty() && !m_measure.finished) {
            finishMeasurement();
            return;
        }
        if (m_tool != Tool::Browse && !m_measure.points.empty()) {
            m_measure = {};
            emit measurementChanged();
        }
        m_marker.reset();
        setFeatureHighlight({});
        emit escapePressed();
        return;
    default: QWidget::keyPressEvent(event); return;
    }
    viewMoved();
}

}  // namespace app::gui
