// The window asking the plan about user layers (issue 14): the dock 统计, 工具 → 按位置选择… and 连接表格…
// (gui/stats_panel.h), their choropleth on the map and their errors in the message bar.

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>

#include "gui/main_window.h"
#include "gui/selection.h"
#include "gui/map_canvas.h"
#include "gui/message_bar.h"
#include "gui/stats_panel.h"

namespace app::gui {

void MainWindow::setPlanGeometry(const layers::PlanGeometry& geometry)
{
    if (m_units)
        return;
    m_units = std::make_shared<const layers::analysis::PlanUnits>(m_query.geography(), m_query.plan(), geometry, m_query);
    m_stats = new StatsPanel(m_units, [this]() -> const render::Style& { return m_renderer->style(); }, this);
    QDockWidget* dock = addDock("stats", m_stats, Qt::RightDockWidgetArea);
    if (auto* info = findChild<QDockWidget*>("info"))
        tabifyDockWidget(info, dock);
    dock->hide();
    m_stats->setLanguage(m_language);
    m_stats->setLayers(m_userLayers);
    connect(m_stats, &StatsPanel::choroplethChanged, this, [this](std::shared_ptr<const render::Choropleth> map) { setChoropleth(std::move(map)); });
    connect(m_stats, &StatsPanel::error, this, [this](const QString& text) { showError("stats", text); });
    connect(m_stats, &StatsPanel::finished, this, [this](bool ok) {
        if (ok)
            m_messages->withdraw("stats");
    });
    connect(m_stats, &StatsPanel::exportMapRequested, this, [this] { exportMap(); });
    if (QMenu* tools = menuBar()->findChild<QMenu*>("toolMenu")) {
        tools->addSeparator();
        QAction* stats = dock->toggleViewAction();
        stats->setObjectName("statsAction");
        tools->addAction(stats);
        QAction* select = tools->addAction(QString(), this, [this] { openSelectDialog(); });
        select->setObjectName("selectByLocation");
        QAction* join = tools->addAction(QString(), this, [this] { openJoinDialog(); });
        join->setObjectName("joinTable");
    }
    retranslateAnalysis();
}

void MainWindow::retranslateAnalysis()
{
    if (!m_stats)
        return;
    m_stats->setLanguage(m_language);
    if (auto* a = findChild<QAction*>("selectByLocation"))
        a->setText(tr("按位置选择…"));
    if (auto* a = findChild<QAction*>("joinTable"))
        a->setText(tr("连接表格…"));
    if (auto* dock = findChild<QDockWidget*>("stats"))
        dock->setWindowTitle(tr("统计"));
}

void MainWindow::layersChangedForAnalysis()
{
    if (m_stats)
        m_stats->setLayers(m_userLayers);
}

void MainWindow::setChoropleth(std::shared_ptr<const render::Choropleth> map) { m_canvas->setChoropleth(std::move(map)); }

SelectDialog* MainWindow::openSelectDialog()
{
    if (!m_units)
        return nullptr;
    delete m_selectDialog;
    m_selectDialog = new SelectDialog(m_units, m_userLayers, this);
    m_selectDialog->setObjectName("selectDialog");
    connect(m_selectDialog, &SelectDialog::selected, this, [this](int layer, const std::vector<std::int64_t>& fids) {
        if (layer >= 0 && layer < static_cast<int>(m_userLayers.size()))
            selectFeatures(m_userLayers[static_cast<std::size_t>(layer)].id, fids);
    });
    m_selectDialog->show();
    return m_selectDialog;
}

JoinDialog* MainWindow::openJoinDialog()
{
    if (!m_units)
        return nullptr;
    delete m_joinDialog;
    m_joinDialog = new JoinDialog(m_query, this);
    m_joinDialog->setObjectName("joinDialog");
    connect(m_joinDialog, &JoinDialog::choroplethChosen, this, [this](std::shared_ptr<const render::Choropleth> map) { setChoropleth(std::move(map)); });
    m_joinDialog->show();
    return m_joinDialog;
}

void MainWindow::selectFeatures(const QString& layerId, const std::vector<std::int64_t>& fids)
{
    m_selectedFids = fids;
    QString title = layerId;
    for (const render::UserLayer& l : m_userLayers)
        if (l.id == layerId)
            title = l.title;
    // The layer's selection (drawn on the map, shown in its attribute table), the count in the message bar.
    m_selection->setUserFeatures(layerId, fids, nullptr);
    m_messages->post("selection", tr("按位置选择: %1 中 %2 个要素").arg(title).arg(fids.size()), MessageBar::Level::Info);
    emit featuresSelected(layerId, fids);
}

}  // namespace app::gui
