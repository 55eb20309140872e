#pragma once
// Draws a MapData snapshot with a Style into any QPainter device (QImage, QSvgGenerator, QPdfWriter, a widget).
// Stateless and reentrant: the window's canvas and `gzplan render` both call it, from any thread.

#include <QString>

#include "render/map_data.h"
#include "render/map_view.h"
#include "render/style.h"

class QPainter;
class QImage;

namespace app::render {

struct RenderSettings {
    MapView view;
    double dpi = 96;              ///< for the scale figure and widths (widths scale with dpi / 96)
    bool labels = true;
    bool decorations = false;     ///< title, legend, source note (exported maps)
    bool scaleBar = true;
    bool northArrow = true;
    QString title;
    QString sourceNote;
};

class MapRenderer {
public:
    MapRenderer(std::shared_ptr<const MapData> data, Style style) : m_data(std::move(data)), m_style(std::move(style)) {}

    void render(QPainter& painter, const RenderSettings& settings) const;
    /// Convenience: renders into a new ARGB image of the view's size.
    QImage renderImage(const RenderSettings& settings) const;

    const Style& style() const { return m_style; }
    const MapData& data() const { return *m_data; }
    /// The fill colour of a prefecture, by its index in MapData::prefectures.
    QColor prefectureFill(int index) const;

private:
    void drawLayers(QPainter& p, const RenderSettings& s) const;
    void drawLabels(QPainter& p, const RenderSettings& s) const;
    void drawScaleBar(QPainter& p, const RenderSettings& s) const;
    void drawNorthArrow(QPainter& p, const RenderSettings& s) const;
    void drawDecorations(QPainter& p, const RenderSettings& s) const;

    std::shared_ptr<const MapData> m_data;
    Style m_style;
};

}  // namespace app::render
