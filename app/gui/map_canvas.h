#pragma once
// The map canvas: a viewer of images that MapRenderer draws on a worker thread for the current view,
// theme, layers and selection. Pan (drag, arrow keys) and zoom (wheel around the cursor, +/-, Home for the
// whole province) move the last image at once and ask for a new one; a render that finishes after the view
// moved on is dropped. A click (press and release without moving) is reported for identify.

#include <functional>
#include <memory>

#include <QFutureWatcher>
#include <QImage>
#include <QPainterPath>
#include <QWidget>

#include "render/map_renderer.h"
#include "render/progress_data.h"

namespace app::gui {

class MapCanvas : public QWidget {
    Q_OBJECT
public:
    explicit MapCanvas(std::shared_ptr<const render::MapRenderer> renderer, QWidget* parent = nullptr);
    ~MapCanvas() override;

    const render::MapView& view() const { return m_settings.view; }
    /// Everything the next render will use (view, theme, layers, selection).
    const render::RenderSettings& settings() const { return m_settings; }
    const render::MapRenderer& renderer() const { return *m_renderer; }
    void setView(const render::MapView& view);
    /// Draws with another renderer (another display CRS): the view keeps its centre on the ground and its
    /// scale; toNewCrs maps a point of the old display CRS to the new one.
    void setRenderer(std::shared_ptr<const render::MapRenderer> renderer, const std::function<geo::Point(geo::Point)>& toNewCrs);
    void setTheme(render::View theme);
    void setLayer(const QString& id, const render::LayerState& state);
    void setLayerOrder(const QStringList& bottomToTop);
    void setHighlight(const QSet<QString>& counties, const QString& feature);
    /// Selected features of user layers (indices by UserLayer::id), drawn in the selection's symbols.
    void setUserSelection(const QMap<QString, std::shared_ptr<const std::vector<std::uint32_t>>>& selection);
    /// The user's vector layers, bottom to top.
    void setUserLayers(const std::vector<render::UserLayer>& layers);
    /// The statuses the 目标进展 view draws (ActualsPanel::progressData), refreshed after every change of the figures.
    void setProgress(std::shared_ptr<const render::ProgressData> data);
    const std::shared_ptr<const render::ProgressData>& progress() const { return m_progress; }
    /// The outline of an identified user feature (display CRS), drawn over everything (the map and its labels)
    /// on the widget, without a new render; an empty path clears it.
    void setFeatureHighlight(const QPainterPath& mapPath);
    const QPainterPath& featureHighlight() const { return m_featureHighlight; }
    /// Milliseconds the last finished render took on the worker.
    double lastRenderMs() const { return m_lastRenderMs; }
    /// True while a render is running or queued.
    bool rendering() const;

public slots:
    void zoomToProvince();
    void zoomToThemeExtent();
    /// Shows box (display CRS) with a margin, at least minSize (display units, metres) across each way.
    void zoomTo(const geo::Box& box, double minSize = 40000);
    void zoomBy(double factor);

signals:
    void cursorMoved(geo::Point mapPoint);
    void viewChanged();
    /// A click at a screen position (and its display-CRS map point).
    void clicked(QPointF screen, geo::Point mapPoint);
    /// A render finished and is on screen.
    void rendered();
    /// Esc: the user lets go of what is identified (the canvas clears its feature highlight itself).
    void escapePressed();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    /// Touchpad pinch (native zoom gestures) zooms around the fingers.
    bool event(QEvent* event) override;

private:
    void viewMoved();
    void requestRender();
    void startRender();
    void renderFinished();
    void paintFeatureHighlight(QPainter& painter) const;

    struct Result {
        QImage image;
        render::MapView view;
        double ms = 0;
        quint64 generation = 0;
    };

    std::shared_ptr<const render::MapRenderer> m_renderer;
    render::RenderSettings m_settings;
    bool m_fitted = false;
    bool m_dragging = false;
    bool m_moved = false;
    QPointF m_pressAt;
    QPointF m_lastDrag;
    QImage m_image;              ///< the last finished render
    render::MapView m_imageView; ///< the view it was drawn for
    QFutureWatcher<Result> m_watcher;
    quint64 m_generation = 0;    ///< bumped on every change; a result of an older generation is stale
    bool m_pending = false;
    double m_lastRenderMs = 0;
    QPainterPath m_featureHighlight;  ///< display CRS
    std::shared_ptr<const render::ProgressData> m_progress;
};

}  // namespace app::gui
