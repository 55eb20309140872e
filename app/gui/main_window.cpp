#include "gui/main_window.h"

#include <QAction>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QToolBar>

#include "gui/map_canvas.h"

namespace app::gui {

MainWindow::MainWindow(std::shared_ptr<const render::MapRenderer> renderer, QString summary, QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("贵州省城镇化空间规划图"));
    m_toLonLat = std::make_unique<geo::Projection>(renderer->data().crs.toStdString(), geo::crs::kCgcs2000);
    m_canvas = new MapCanvas(std::move(renderer), this);
    setCentralWidget(m_canvas);

    QToolBar* tools = addToolBar(tr("地图"));
    tools->setObjectName("mapTools");
    QAction* home = tools->addAction(tr("全省"), m_canvas, &MapCanvas::zoomToProvince);
    home->setToolTip(tr("缩放到全省 (Home)"));
    tools->addAction(tr("放大"), this, [this] { m_canvas->zoomBy(1.5); })->setToolTip(tr("放大 (+)"));
    tools->addAction(tr("缩小"), this, [this] { m_canvas->zoomBy(1 / 1.5); })->setToolTip(tr("缩小 (-)"));
    QMenu* help = menuBar()->addMenu(tr("帮助"));
    help->addAction(tr("数据来源"), this, [this, summary] { QMessageBox::information(this, tr("数据来源"), summary); });

    m_position = new QLabel(this);
    m_scale = new QLabel(this);
    statusBar()->addWidget(m_position, 1);
    statusBar()->addPermanentWidget(m_scale);
    connect(m_canvas, &MapCanvas::cursorMoved, this, &MainWindow::showCursor);
    connect(m_canvas, &MapCanvas::viewChanged, this, &MainWindow::showScale);
    resize(1280, 860);
}

void MainWindow::showCursor(geo::Point mapPoint)
{
    geo::Point lonLat = mapPoint;
    if (!m_toLonLat->forward(lonLat)) {
        m_position->clear();
        return;
    }
    const std::string gkCrs = geo::crs::gaussKrugerFor(lonLat.x);
    auto& toGk = m_toGaussKruger[gkCrs];
    if (!toGk)
        toGk = std::make_unique<geo::Projection>(geo::crs::kCgcs2000, gkCrs);
    geo::Point gk = lonLat;
    toGk->forward(gk);
    m_position->setText(tr("经度 %1° 纬度 %2° (CGCS2000)   高斯-克吕格 %3: E %4 m  N %5 m")
                            .arg(lonLat.x, 0, 'f', 5)
                            .arg(lonLat.y, 0, 'f', 5)
                            .arg(QString::fromStdString(gkCrs))
                            .arg(gk.x, 0, 'f', 1)
                            .arg(gk.y, 0, 'f', 1));
}

void MainWindow::showScale()
{
    m_scale->setText(tr("比例尺 1:%L1").arg(m_canvas->view().scaleDenominator(logicalDpiX()), 0, 'f', 0));
}

}  // namespace app::gui
