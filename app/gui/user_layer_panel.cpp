#include "gui/user_layer_panel.h"

#include <cmath>

#include <QCoreApplication>
#include <QHeaderView>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QSpinBox>
#include <QWheelEvent>

#include "layers/viewport_layer.h"
#include "layers/feature_layer.h"

namespace app::gui {

namespace {
enum Row { LayerRow, AbovePlanRow, CategoryRow };
constexpr int kRowRole = Qt::UserRole;

QIcon swatch(const QColor& fill)
{
    QPixmap pixmap(18, 12);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setPen(QPen(fill.darker(150), 1));
    p.setBrush(fill);
    p.drawRect(1, 1, 16, 10);
    return QIcon(pixmap);
}
}  // namespace

UserLayerPanel::UserLayerPanel(QWidget* parent) : QTreeWidget(parent)
{
    setColumnCount(2);
    header()->setSectionResizeMode(0, QHeaderView::Stretch);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    connect(this, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem* item, int column) {
        if (column != 0 || m_building)
            return;
        QTreeWidgetItem* top = item->parent() ? item->parent() : item;
        emitState(indexOfTopLevelItem(top));
    });
    // The layer's context menu: its attribute table (also from a double-click on the layer's row).
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        QTreeWidgetItem* item = itemAt(at);
        if (!item)
            return;
        const int layer = indexOfTopLevelItem(item->parent() ? item->parent() : item);
        QMenu menu(this);
        connect(menu.addAction(tr("属性表")), &QAction::triggered, this, [this, layer] { emit attributeTableRequested(layer); });
        menu.exec(viewport()->mapToGlobal(at));
    });
    connect(this, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item, int column) {
        if (!item->parent() && column == 0)
            emit attributeTableRequested(indexOfTopLevelItem(item));
    });
    retranslate();
}

QTreeWidgetItem* UserLayerPanel::abovePlanItem(int layer) const
{
    QTreeWidgetItem* top = topLevelItem(layer);
    return top && top->childCount() > 0 ? top->child(0) : nullptr;
}

QSpinBox* UserLayerPanel::opacity(int layer) const
{
    QTreeWidgetItem* top = topLevelItem(layer);
    return top ? qobject_cast<QSpinBox*>(itemWidget(top, 1)) : nullptr;
}

QStringList UserLayerPanel::categoryTexts(int layer) const
{
    QStringList out;
    if (QTreeWidgetItem* top = topLevelItem(layer))
        for (int i = 0; i < top->childCount(); ++i)
            if (top->child(i)->data(0, kRowRole).toInt() == CategoryRow)
                out << top->child(i)->text(0);
    return out;
}

void UserLayerPanel::setLayers(const std::vector<render::UserLayer>& layers)
{
    m_layers = layers;
    m_building = true;
    clear();
    for (const render::UserLayer& u : layers) {
        auto* item = new QTreeWidgetItem(this);
        item->setData(0, kRowRole, LayerRow);
        item->setText(0, u.title);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(0, u.visible ? Qt::Checked : Qt::Unchecked);
        if (u.viewport)  // a PostGIS table read a view at a time: what is held is the current view, not the layer
            item->setToolTip(0, tr("%1\n按视图从数据库读取 (%2 个分辨率层级); 分类字段: %3")
                                    .arg(QString::fromStdString(u.viewport->reference()))
                                    .arg(u.viewport->bands().size())
                                    .arg(u.data->styleField().empty() ? tr("无") : QString::fromStdString(u.data->styleField())));
        else
            item->setToolTip(0, tr("%1\n%2 个要素, %3 个顶点; 分类字段: %4")
                                    .arg(QString::fromStdString(u.data->file().string()))
                                    .arg(u.data->size())
                                    .arg(u.data->vertexCount())
                                    .arg(u.data->styleField().empty() ? tr("无") : QString::fromStdString(u.data->styleField())));
        auto* spin = new QSpinBox(this);
        spin->setRange(0, 100);
        spin->setSuffix("%");
        spin->setValue(static_cast<int>(std::lround(u.opacity * 100)));
        spin->setFixedWidth(72);
        spin->setFocusPolicy(Qt::StrongFocus);
        spin->installEventFilter(this);
        spin->setToolTip(tr("不透明度"));
        setItemWidget(item, 1, spin);
        connect(spin, &QSpinBox::valueChanged, this, [this, item] { emitState(indexOfTopLevelItem(item)); });

        auto* above = new QTreeWidgetItem(item);
        above->setData(0, kRowRole, AbovePlanRow);
        above->setText(0, tr("绘于规划图层之上"));
        above->setToolTip(0, tr("勾选: 覆盖规划分区、县城分类、交通与节点; 不勾选 (默认): 绘于县级底色之上、规划图层之下"));
        above->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        above->setCheckState(0, u.abovePlan ? Qt::Checked : Qt::Unchecked);
        above->setFirstColumnSpanned(true);  // the opacity column is the layer's: these rows take the width

        const std::vector<render::LayerCategory> categories = render::layerCategories(*u.data, u.style);
        for (const render::LayerCategory& c : categories) {
            auto* row = new QTreeWidgetItem(item);
            row->setData(0, kRowRole, CategoryRow);
            const QString name = !c.name.isEmpty() ? c.name : categories.size() == 1 ? tr("全部要素") : tr("未分类");
            row->setText(0, u.viewport ? name : QStringLiteral("%1 (%2)").arg(name).arg(c.count));  // a view's counts are not the layer's
            row->setIcon(0, swatch(c.fill));
            row->setFlags(Qt::ItemIsEnabled);
            row->setFirstColumnSpanned(true);
        }
        item->setExpanded(true);
    }
    m_building = false;
}

void UserLayerPanel::retranslate()
{
    setHeaderLabels({tr("图层"), tr("不透明度")});
    if (!m_layers.empty())
        setLayers(m_layers);
}

void UserLayerPanel::emitState(int layer)
{
    QTreeWidgetItem* top = topLevelItem(layer);
    if (!top || m_building)
        return;
    auto& u = m_layers[static_cast<std::size_t>(layer)];
    u.visible = top->checkState(0) == Qt::Checked;
    u.opacity = opacity(layer)->value() / 100.0;
    u.abovePlan = abovePlanItem(layer)->checkState(0) == Qt::Checked;
    emit layerChanged(layer, u.visible, u.opacity, u.abovePlan);
}

bool UserLayerPanel::eventFilter(QObject* watched, QEvent* event)
{
    auto* spin = qobject_cast<QSpinBox*>(watched);
    if (event->type() != QEvent::Wheel || !spin || spin->hasFocus())
        return QTreeWidget::eventFilter(watched, event);
    // Handed to the list's viewport, which scrolls (see LayerPanel::eventFilter for why it is sent, not ignored).
    const auto* wheel = static_cast<QWheelEvent*>(event);
    QWheelEvent forwarded(viewport()->mapFromGlobal(wheel->globalPosition()), wheel->globalPosition(), wheel->pixelDelta(), wheel->angleDelta(),
                          wheel->buttons(), wheel->modifiers(), wheel->phase(), wheel->inverted(), wheel->source());
    QCoreApplication::sendEvent(viewport(), &forwarded);
    event->accept();
    return true;
}

}  // namespace app::gui
