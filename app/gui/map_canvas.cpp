#include "gui/map_canvas.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

namespace app::gui {

MapCanvas::MapCanvas(std::shared_ptr<const render::MapRenderer> renderer, QWidget* parent)
    : QWidget(parent), m_renderer(std::move(renderer))
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setMinimumSize(320, 240);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void MapCanvas::setView(const render::MapView& view)
{
    m_view = view;
    m_fitted = true;
    update();
    emit viewChanged();
}

void MapCanvas::zoomToProvince()
{
    setView(render::MapView::fit(m_renderer->data().extent, size()));
}

void MapCanvas::zoomBy(double factor)
{
    m_view.zoomAt(QPointF(width() / 2.0, height() / 2.0), factor);
    update();
    emit viewChanged();
}

void MapCanvas::paintEvent(QPaintEvent*)
{
    if (!m_fitted)
        zoomToProvince();
    QPainter painter(this);
    render::RenderSettings settings;
    settings.view = m_view;
    settings.dpi = logicalDpiX();
    m_renderer->render(painter, settings);
}

void MapCanvas::resizeEvent(QResizeEvent*)
{
    if (!m_fitted) {
        zoomToProvince();
        return;
    }
    m_view.setSize(size());
    emit viewChanged();
}

void MapCanvas::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        m_dragging = true;
        m_lastDrag = event->position();
        setCursor(Qt::ClosedHandCursor);
    }
}

void MapCanvas::mouseMoveEvent(QMouseEvent* event)
{
    if (m_dragging) {
        m_view.pan(event->position() - m_lastDrag);
        m_lastDrag = event->position();
        update();
        emit viewChanged();
    }
    emit cursorMoved(m_view.toMap(event->position()));
}

void MapCanvas::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && m_dragging) {
        m_dragging = false;
        unsetCursor();
    }
}

void MapCanvas::wheelEvent(QWheelEvent* event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    m_view.zoomAt(event->position(), std::pow(1.25, steps));
    update();
    emit viewChanged();
}

void MapCanvas::keyPressEvent(QKeyEvent* event)
{
    const double step = 0.2;  // share of the canvas per key press
    switch (event->key()) {
    case Qt::Key_Left: m_view.pan({width() * step, 0}); break;
    case Qt::Key_Right: m_view.pan({-width() * step, 0}); break;
    case Qt::Key_Up: m_view.pan({0, height() * step}); break;
    case Qt::Key_Down: m_view.pan({0, -height() * step}); break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomBy(1.5); return;
    case Qt::Key_Minus: zoomBy(1 / 1.5); return;
    case Qt::Key_Home:
    case Qt::Key_0: zoomToProvince(); return;
    default: QWidget::keyPressEvent(event); return;
    }
    update();
    emit viewChanged();
}

}  // namespace app::gui
