// MainWindow's attribute tables (gui/attribute_table.h): opening them for user layers and the plan's tables, docked
// under the map, and the user layers' selection drawn on the map. The rest of the window: main_window.cpp.
#include "gui/main_window.h"

#include <QCursor>
#include <QDockWidget>
#include <QMenu>
#include <QStatusBar>

#include "gui/attribute_table.h"
#include "gui/map_canvas.h"
#include "gui/message_bar.h"
#include "gui/selection.h"
#include "layers/attribute_table.h"
#include "layers/feature_layer.h"

namespace app::gui {

QList<AttributeTablePanel*> MainWindow::attributeTables() const
{
    QList<AttributeTablePanel*> out;
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        if (auto* table = qobject_cast<AttributeTablePanel*>(dock->widget()))
            out << table;
    return out;
}

QDockWidget* MainWindow::tableDock(const QString& name, AttributeTablePanel* panel)
{
    QDockWidget* dock = addDock(name.toUtf8().constData(), panel, Qt::BottomDockWidgetArea);
    dock->setAttribute(Qt::WA_DeleteOnClose);  // a closed table lets go of its file; opening it again reads it anew
    if (auto* membership = findChild<QDockWidget*>("membership"))
        tabifyDockWidget(membership, dock);
    panel->setLanguage(m_language);
    dock->setWindowTitle(tr("属性表: %1").arg(panel->title()));
    dock->show();
    dock->raise();
    return dock;
}

AttributeTablePanel* MainWindow::openAttributeTable(int userLayer)
{
    if (userLayer < 0 || userLayer >= static_cast<int>(m_userLayers.size()))
        return nullptr;
    const render::UserLayer& u = m_userLayers[static_cast<std::size_t>(userLayer)];
    const QString name = "table:" + u.id;
    if (auto* dock = findChild<QDockWidget*>(name)) {
        dock->show();
        dock->raise();
        return qobject_cast<AttributeTablePanel*>(dock->widget());
    }
    std::unique_ptr<layers::AttributeTable> table;
    try {
        table = layers::AttributeTable::open(u.data->file(), u.data->layerName(), u.data->openOptions());
    } catch (const std::exception& e) {
        showError(name, tr("无法打开属性表: %1").arg(QString::fromUtf8(e.what())));
        return nullptr;
    }
    m_messages->withdraw(name);
    TableLink link{TableLink::Kind::UserLayer, u.id, {}};
    auto* panel = new AttributeTablePanel(std::move(table), link, m_selection, u.title, {}, this);
    const QString id = u.id;
    connect(panel, &AttributeTablePanel::zoomToSelection, this, [this, id] {
        const geo::Box box = userSelectionBounds(id);
        if (!box.isEmpty())
            m_canvas->zoomTo(box, 3000);  // a parcel in its neighbours' context: at least 3 km across
    });
    tableDock(name, panel);
    return panel;
}

AttributeTablePanel* MainWindow::openPlanTable(const QString& id)
{
    const QString name = "table:plan:" + id;
    if (auto* dock = findChild<QDockWidget*>(name)) {
        dock->show();
        dock->raise();
        return qobject_cast<AttributeTablePanel*>(dock->widget());
    }
    const layers::ExportTable* source = nullptr;
    if (m_exportTables)
        for (const auto& t : *m_exportTables)
            if (t.id == id.toStdString())
                source = &t;
    if (!source) {
        showError(name, tr("无法打开属性表: 没有规划图层 “%1”").arg(id));
        return nullptr;
    }
    std::unique_ptr<layers::AttributeTable> table;
    try {
        table = layers::AttributeTable::fromTable(*source);
    } catch (const std::exception& e) {
        showError(name, tr("无法打开属性表: %1").arg(QString::fromUtf8(e.what())));
        return nullptr;
    }
    TableLink link;
    if (id == "counties")
        link = {TableLink::Kind::Counties, {}, "code"};
    else if (id == "zones")
        link = {TableLink::Kind::PlanFeature, {}, "zone_id"};
    else if (id == "corridors")
        link = {TableLink::Kind::PlanFeature, {}, "corridor_id"};
    else if (id == "places")
        link = {TableLink::Kind::PlanFeature, {}, "place_id"};
    // The counties' class columns are named by the class ids: their headers are the classes' names.
    QHash<QString, FieldAlias> aliases;
    for (const auto& c : m_renderer->data().classes)
        aliases.insert(c.id, {c.name, c.nameEn});
    const QString title = QString::fromStdString(source->title);
    auto* panel = new AttributeTablePanel(std::move(table), link, m_selection, title, aliases, this);
    panel->setEnglishTitle(tr("规划: %1").arg(id));
    connect(panel, &AttributeTablePanel::zoomToSelection, this, [this] { zoomToSelection(); });
    tableDock(name, panel);
    return panel;
}

void MainWindow::chooseAttributeTable()
{
    QMenu menu(this);
    for (int k = 0; k < static_cast<int>(m_userLayers.size()); ++k)
        connect(menu.addAction(m_userLayers[static_cast<std::size_t>(k)].title), &QAction::triggered, this, [this, k] { openAttributeTable(k); });
    if (!m_userLayers.empty())
        menu.addSeparator();
    for (const auto& info : layers::exportLayers()) {
        const QString id = QString::fromStdString(info.id);
        const QString text = m_language == "en" ? tr("规划: %1").arg(id) : tr("规划: %1").arg(QString::fromStdString(info.title));
        connect(menu.addAction(text), &QAction::triggered, this, [this, id] { openPlanTable(id); });
    }
    menu.exec(QCursor::pos());
}

void MainWindow::showUserSelection()
{
    QMap<QString, std::shared_ptr<const std::vector<std::uint32_t>>> selection;
    for (const render::UserLayer& u : m_userLayers) {
        const auto fids = m_selection->userFeatures(u.id);
        if (fids->empty())
            continue;
        auto indices = std::make_shared<std::vector<std::uint32_t>>();
        indices->reserve(fids->size());
        for (std::int64_t fid : *fids)
            if (const auto i = u.data->indexOfFid(fid))
                indices->push_back(*i);
        selection.insert(u.id, std::move(indices));
    }
    m_canvas->setUserSelection(selection);
}

geo::Box MainWindow::userSelectionBounds(const QString& layer) const
{
    geo::Box box = geo::Box::empty();
    for (const render::UserLayer& u : m_userLayers) {
        if (!layer.isEmpty() && u.id != layer)
            continue;
        const auto bounds = u.data->bounds();
        for (std::int64_t fid : *m_selection->userFeatures(u.id))
            if (const auto i = u.data->indexOfFid(fid)) {
                const geo::FloatBox& b = bounds[*i];
                box.expand(geo::Point{b.minX, b.minY});
                box.expand(geo::Point{b.maxX, b.maxY});
            }
    }
    return box;
}

}  // namespace app::gui
