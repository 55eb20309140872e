#pragma once
// The map canvas: shows what MapRenderer draws for the current MapView and lets the user pan (drag, arrow
// keys) and zoom (wheel around the cursor, +/-, Home for the whole province).

#include <memory>

#include <QWidget>

#include "render/map_renderer.h"

namespace app::gui {

class MapCanvas : public QWidget {
    Q_OBJECT
public:
    explicit MapCanvas(std::shared_ptr<const render::MapRenderer> renderer, QWidget* parent = nullptr);

    const render::MapView& view() const { return m_view; }
    void setView(const render::MapView& view);

public slots:
    void zoomToProvince();
    void zoomBy(double factor);

signals:
    /// The cursor's position in the display CRS, or nothing when it left the canvas.
    void cursorMoved(geo::Point mapPoint);
    void viewChanged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    std::shared_ptr<const render::MapRenderer> m_renderer;
    render::MapView m_view;
    bool m_fitted = false;
    bool m_dragging = false;
    QPointF m_lastDrag;
};

}  // namespace app::gui
