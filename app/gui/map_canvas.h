#pragma once
// The map canvas: a viewer of images that MapRenderer draws on a worker thread for the current view,
// theme, layers and selection. Pan (drag, arrow keys) and zoom (wheel around the cursor, +/-, Home for the
// whole province) move the last image at once and ask for a new one; a render that finishes after the view
// moved on is dropped. A click (press and release without moving) is reported for identify.
// The measure tools (测量距离, 测量面积) take the clicks instead: each adds a vertex, the lengths (geodesic, CGCS2000
// ellipsoid: geo/geodesic.h) and the area are drawn beside the line while it is drawn; a right-click or Esc ends it.
// A go-to marker (定位到坐标) is drawn over the map until Esc.

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include <QFutureWatcher>
#include <QImage>
#include <QPainterPath>
#include <QWidget>

#include "geo/projection.h"
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
    /// County fills by a value over the view (the statistics panel's or a joined table's choropleth); null clears it.
    void setChoropleth(std::shared_ptr<const render::Choropleth> map);
    const std::shared_ptr<const render::Choropleth>& choropleth() const { return m_settings.choropleth; }
    /// The outline of an identified user feature (display CRS), drawn over everything (the map and its labels)
    /// on the widget, without a new render; an empty path clears it.
    void setFeatureHighlight(const QPainterPath& mapPath);
    const QPainterPath& featureHighlight() const { return m_featureHighlight; }
    /// What a left click does: identify (Browse) or add a vertex of a measurement.
    enum class Tool { Browse, MeasureDistance, MeasureArea };
    void setTool(Tool tool);
    Tool tool() const { return m_tool; }
    /// The measurement being drawn or last finished: its vertices (display CRS) and their geodesic measures.
    struct Measurement {
        std::vector<geo::Point> points;  ///< display CRS
        double lastSegment = 0;          ///< metres: the last fixed segment, or to the cursor while drawing
        double length = 0;               ///< metres along the vertices (the polygon's perimeter for an area)
        double area = 0;                 ///< square metres (MeasureArea with three vertices or more)
        bool finished = false;
    };
    const Measurement& measurement() const { return m_measure; }
    /// The measurement's figures in the window's language: 本段 … · 总长 … or 面积 … (… 公顷) · 周长 …
    QString measurementText() const;
    /// The go-to marker (display CRS); nullopt clears it.
    void setMarker(std::optional<geo::Point> mapPoint);
    const std::optional<geo::Point>& marker() const { return m_marker; }
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
    /// A vertex was added, the cursor moved while measuring, or the measurement ended or was cleared.
    void measurementChanged();

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
    void paintMeasurement(QPainter& painter) const;
    void paintMarker(QPainter& painter) const;
    /// Recomputes the measurement's figures (with the cursor as a floating vertex while drawing).
    void updateMeasurement();
    void finishMeasurement();

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
    /// The running frame's cancel flag (RenderSettings::cancel): set when the view changes under it.
    std::shared_ptr<std::atomic<bool>> m_cancel;
    double m_lastRenderMs = 0;
    QPainterPath m_featureHighlight;  ///< display CRS
    std::shared_ptr<const render::ProgressData> m_progress;
    Tool m_tool = Tool::Browse;
    Measurement m_measure;
    std::optional<geo::Point> m_cursor;          ///< display CRS, while measuring
    std::unique_ptr<geo::Projection> m_toLonLat;  ///< display CRS → CGCS2000 lon/lat, for the geodesic measures
    std::optional<geo::Point> m_marker;
};

}  // namespace app::gui
