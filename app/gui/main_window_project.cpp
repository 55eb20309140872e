// MainWindow's tools and projects: measuring (the canvas's measure tools), 定位到坐标 (gui/go_to_dialog.h), and
// saving and opening the session as a project file (gui/project.h; gzplan --project).
#include "gui/main_window.h"

#include <algorithm>

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QStatusBar>
#include <QTextBrowser>

#include "gui/go_to_dialog.h"
#include "gui/map_canvas.h"
#include "gui/message_bar.h"
#include "gui/project.h"
#include "gui/selection.h"
#include "gui/settings.h"
#include "gui/user_layer_panel.h"
#include "layers/viewport_layer.h"
#include "layers/feature_layer.h"
#include "render/map_views.h"

namespace app::gui {

void MainWindow::setMeasureTool(int tool)
{
    const auto t = tool == 1 ? MapCanvas::Tool::MeasureDistance : tool == 2 ? MapCanvas::Tool::MeasureArea : MapCanvas::Tool::Browse;
    m_canvas->setTool(t);
    if (auto* a = findChild<QAction*>("measureDistance"))
        a->setChecked(t == MapCanvas::Tool::MeasureDistance);
    if (auto* a = findChild<QAction*>("measureArea"))
        a->setChecked(t == MapCanvas::Tool::MeasureArea);
    if (t == MapCanvas::Tool::Browse)
        statusBar()->clearMessage();
    else
        statusBar()->showMessage(m_canvas->measurementText());
    m_canvas->setFocus();  // Esc ends the measurement
}

void MainWindow::goTo(geo::Point lonLat)
{
    geo::Point p = lonLat;
    if (!geo::Projection(geo::crs::kCgcs2000, displayCrs().toStdString()).forward(p)) {
        showError("goto", tr("经度 %1° 纬度 %2° 无法换算到地图的投影 %3").arg(lonLat.x).arg(lonLat.y).arg(displayCrs()));
        return;
    }
    // Centred, at 1:50,000 or closer (a closer view stays as it is).
    const double upp = std::min(m_canvas->view().unitsPerPixel(), 50000 * 0.0254 / logicalDpiX());
    m_canvas->setView(render::MapView(m_canvas->size(), p, upp));
    m_canvas->setMarker(p);
    statusBar()->showMessage(tr("已定位到 经度 %1° 纬度 %2° (CGCS2000)").arg(lonLat.x, 0, 'f', 6).arg(lonLat.y, 0, 'f', 6), 10000);
}

void MainWindow::chooseGoTo()
{
    GoToDialog dialog(goToNeighbourhood(m_query.geography().bounds()), this);
    if (dialog.exec() == QDialog::Accepted)
        goTo(dialog.chosen());
}

QString MainWindow::saveProject(const QString& file)
{
    Project p;
    p.language = m_language;
    p.view = render::viewId(m_canvas->settings().theme);
    p.crs = displayCrs();
    const render::MapView& view = m_canvas->view();
    p.centre = view.centre();
    p.unitsPerPixel = view.unitsPerPixel();
    p.extent = view.extent();
    p.scale = view.scaleDenominator(logicalDpiX());
    for (const render::UserLayer& u : m_userLayers)
        p.layers.push_back({QString::fromStdString(u.viewport ? u.viewport->reference() : u.data->file().string()),
                            QString::fromStdString(u.viewport ? std::string() : u.data->layerName()),
                            QString::fromStdString(u.data->styleField()), u.opacity, u.visible, u.abovePlan, *m_selection->userFeatures(u.id)});
    p.counties = QStringList(m_selection->counties().begin(), m_selection->counties().end());
    p.feature = m_selection->feature();
    const QString error = writeProject(p, file);
    if (error.isEmpty()) {
        m_projectFile = QFileInfo(file).absoluteFilePath();
        statusBar()->showMessage(tr("已保存项目 %1").arg(QDir::toNativeSeparators(m_projectFile)), 8000);
    }
    return error;
}

bool MainWindow::openProject(const QString& file, QString* error, QStringList* missing)
{
    Project p;
    QString problem;
    if (!readProject(file, p, &problem)) {  // nothing changes
        showError("project", problem);
        if (error)
            *error = problem;
        return false;
    }
    m_messages->withdraw("project");
    QStringList left;
    if (p.language != m_language)
        setLanguage(p.language);
    m_userLayers.clear();  // not read again in the project's CRS
    if (!p.crs.isEmpty() && p.crs != displayCrs() && !setDisplayCrs(p.crs))
        left << tr("投影 %1 无法使用, 地图仍用 %2").arg(p.crs, displayCrs());
    std::vector<std::pair<QString, std::vector<std::int64_t>>> selections;  ///< user layer id → its saved FIDs
    // The user layers, bottom to top: the session's are replaced; a file that is gone or unreadable is left out.
    for (const ProjectLayer& l : p.layers) {
        QString why;
        if (!QFileInfo::exists(l.path)) {
            left << tr("%1: 文件不存在").arg(QDir::toNativeSeparators(l.path));
            continue;
        }
        auto data = loadLayer(l.path, displayCrs(), why, l.layer.toStdString(), false, nullptr, l.styleField.toStdString());
        if (!data) {
            left << QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(l.path), why);
            continue;
        }
        render::UserLayer& u = appendUserLayer(l.path, std::move(data));
        u.opacity = l.opacity;
        u.visible = l.visible;
        u.abovePlan = l.abovePlan;
        if (!l.selected.empty()) {
            // The saved selection, without FIDs the file no longer has (changed since it was saved): said.
            std::vector<std::int64_t> fids;
            fids.reserve(l.selected.size());
            for (std::int64_t fid : l.selected)
                if (u.data->indexOfFid(fid))
                    fids.push_back(fid);
            if (fids.size() != l.selected.size())
                left << tr("%1: 保存的选择中有 %2 个要素已不在文件中 (文件在保存项目后改变了?), 其余 %3 个已选中")
                            .arg(QDir::toNativeSeparators(l.path))
                            .arg(l.selected.size() - fids.size())
                            .arg(fids.size());
            selections.emplace_back(u.id, std::move(fids));
        }
    }
    userLayersChanged();
    const auto view = render::viewFromId(p.view);
    if (!p.view.isEmpty() && !view)
        left << tr("未知视图“%1”, 已显示行政区划").arg(p.view);
    showView(view.value_or(render::View::Overview));
    if (p.unitsPerPixel > 0)
        m_canvas->setView(render::MapView(m_canvas->size(), p.centre, p.unitsPerPixel));
    identify({});
    m_selection->clearUserFeatures();
    for (auto& [id, fids] : selections)
        m_selection->setUserFeatures(id, std::move(fids));
    if (!p.feature.isEmpty())
        m_selection->setFeature(p.feature);
    else if (!p.counties.isEmpty())
        m_selection->setCounties(QSet<QString>(p.counties.begin(), p.counties.end()));
    m_projectFile = QFileInfo(file).absoluteFilePath();
    if (!left.isEmpty())
        showError("project", tr("项目 %1 已打开, 但以下内容未能恢复:\n%2").arg(QDir::toNativeSeparators(m_projectFile), left.join("\n")));
    else
        statusBar()->showMessage(tr("已打开项目 %1").arg(QDir::toNativeSeparators(m_projectFile)), 8000);
    if (missing)
        *missing = left;
    return true;
}

void MainWindow::chooseProjectToOpen()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("打开项目"), settings::lastFolder(settings::Folder::Project), tr("gzplan 项目") + " (*.gzproj);;" + tr("所有文件") + " (*)");
    if (file.isEmpty())
        return;
    settings::rememberFolder(settings::Folder::Project, file);
    QString error;
    if (!openProject(file, &error))
        QMessageBox::warning(this, tr("打开项目"), error);
}

void MainWindow::chooseProjectToSave(bool saveAs)
{
    QString file = m_projectFile;
    if (saveAs || file.isEmpty()) {
        const QString folder = settings::lastFolder(settings::Folder::Project);
        file = QFileDialog::getSaveFileName(this, saveAs ? tr("另存项目") : tr("保存项目"), folder.isEmpty() ? "gzplan.gzproj" : QDir(folder).filePath("gzplan.gzproj"),
                                            tr("gzplan 项目") + " (*.gzproj)");
        if (file.isEmpty())
            return;
        if (QFileInfo(file).suffix().isEmpty())
            file += ".gzproj";
        settings::rememberFolder(settings::Folder::Project, file);
    }
    const QString error = saveProject(file);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("保存项目"), error);
}

}  // namespace app::gui
