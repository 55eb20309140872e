#pragma once
// The main window: the map canvas and a status bar with the cursor's CGCS2000 lon/lat, its Gauss-Kruger
// coordinates and the map scale.

#include <map>
#include <memory>
#include <string>

#include <QMainWindow>

#include "geo/projection.h"
#include "render/map_renderer.h"

class QLabel;

namespace app::gui {

class MapCanvas;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(std::shared_ptr<const render::MapRenderer> renderer, QString summary, QWidget* parent = nullptr);
    MapCanvas* canvas() const { return m_canvas; }

private:
    void showCursor(geo::Point mapPoint);
    void showScale();

    MapCanvas* m_canvas = nullptr;
    QLabel* m_position = nullptr;
    QLabel* m_scale = nullptr;
    std::unique_ptr<geo::Projection> m_toLonLat;
    std::map<std::string, std::unique_ptr<geo::Projection>> m_toGaussKruger;  ///< by EPSG code
};

}  // namespace app::gui
