#include "gui/layer_panel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPainter>
#include <QPixmap>
#include <QSpinBox>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace app::gui {

namespace {
struct Group {
    const char* title;
    QStringList layers;
};

/// Groups by layout: base geography, 一群三带, the zones of 一群三带 and 一核三心多组团, transport.
QList<Group> groups()
{
    return {{QT_TRANSLATE_NOOP("app::gui::LayerPanel", "基础地理"), {"labels", "province", "prefecture_borders", "counties", "neighbours"}},
            {QT_TRANSLATE_NOOP("app::gui::LayerPanel", "一群三带"), {"central_cities", "belts"}},
            {QT_TRANSLATE_NOOP("app::gui::LayerPanel", "规划分区 (一群三带 · 一核三心多组团)"), {"zones"}},
            {QT_TRANSLATE_NOOP("app::gui::LayerPanel", "交通"), {"places", "corridors"}}};
}

QIcon swatch(const render::Style& style, const QString& id)
{
    QPixmap pixmap(18, 12);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setPen(QPen(QColor("#404040"), 1));
    if (id == "neighbours") p.setBrush(style.neighbourFill);
    else if (id == "counties") p.setBrush(style.prefectureFills.value(0));
    else if (id == "zones") p.setBrush(style.zoneFills.value("agglomeration"));
    else if (id == "belts") p.setBrush(style.beltColours.value("belt_shanghai_kunming"));
    else if (id == "corridors") p.setBrush(style.modeColours.value("expressway"));
    else if (id == "central_cities") p.setBrush(QColor(215, 48, 31, 150));
    else if (id == "places") p.setBrush(Qt::white);
    else p.setBrush(Qt::NoBrush);
    if (id == "prefecture_borders" || id == "province") {
        p.setPen(QPen(id == "province" ? style.province.colour : style.prefecture.colour, id == "province" ? 2.5 : 1.6));
        p.drawLine(0, 6, 18, 6);
    } else if (id == "labels") {
        p.drawText(QRect(0, 0, 18, 12), Qt::AlignCenter, "文");
    } else {
        p.drawRect(1, 1, 16, 10);
    }
    return QIcon(pixmap);
}
}  // namespace

LayerPanel::LayerPanel(const render::Style& style, QWidget* parent) : QWidget(parent), m_order(render::layerIds())
{
    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(2);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    for (const Group& g : groups()) {
        auto* group = new QTreeWidgetItem(m_tree);
        group->setData(0, Qt::UserRole, QString::fromUtf8(g.title));
        group->setFlags(Qt::ItemIsEnabled);
        m_groups << group;
        for (const QString& id : g.layers) {
            auto* item = new QTreeWidgetItem(group);
            item->setData(0, Qt::UserRole, id);
            item->setIcon(0, swatch(style, id));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            item->setCheckState(0, Qt::Checked);
            m_items[id] = item;
            auto* spin = new QSpinBox(m_tree);
            spin->setRange(0, 100);
            spin->setSuffix("%");
            spin->setValue(100);
            spin->setFixedWidth(72);
            m_tree->setItemWidget(item, 1, spin);
            m_opacity[id] = spin;
            connect(spin, &QSpinBox::valueChanged, this, [this, id] { emitState(id); });
        }
        group->setExpanded(true);
    }
    connect(m_tree, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem* item, int column) {
        const QString id = item->data(0, Qt::UserRole).toString();
        if (column == 0 && m_items.contains(id))
            emitState(id);
    });

    m_up = new QToolButton(this);
    m_up->setArrowType(Qt::UpArrow);
    m_down = new QToolButton(this);
    m_down->setArrowType(Qt::DownArrow);
    connect(m_up, &QToolButton::clicked, this, [this] { move(selectedLayer(), +1); });
    connect(m_down, &QToolButton::clicked, this, [this] { move(selectedLayer(), -1); });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_up);
    buttons->addWidget(m_down);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_tree);
    layout->addLayout(buttons);
    retranslate();
}

void LayerPanel::retranslate()
{
    const bool syncing = m_syncing;
    m_syncing = true;  // renaming items must not read as a visibility change
    m_tree->setHeaderLabels({tr("图层"), tr("不透明度")});
    for (QTreeWidgetItem* group : m_groups)
        group->setText(0, tr(group->data(0, Qt::UserRole).toString().toUtf8().constData()));
    for (auto it = m_items.begin(); it != m_items.end(); ++it)
        it.value()->setText(0, render::layerTitle(it.key()));
    m_up->setToolTip(tr("上移 (绘制在更上层)"));
    m_down->setToolTip(tr("下移"));
    m_syncing = syncing;
}

QString LayerPanel::selectedLayer() const
{
    const auto selected = m_tree->selectedItems();
    return selected.isEmpty() ? QString() : selected.front()->data(0, Qt::UserRole).toString();
}

void LayerPanel::move(const QString& id, int step)
{
    const int at = m_order.indexOf(id);
    const int to = at + step;
    if (at < 0 || to < 0 || to >= m_order.size())
        return;
    m_order.move(at, to);
    emit orderChanged(m_order);
}

void LayerPanel::emitState(const QString& id)
{
    if (m_syncing)
        return;
    emit layerChanged(id, {m_items[id]->checkState(0) == Qt::Checked, m_opacity[id]->value() / 100.0});
}

void LayerPanel::syncFrom(const render::RenderSettings& settings)
{
    m_syncing = true;
    for (auto it = m_items.begin(); it != m_items.end(); ++it) {
        const render::LayerState state = settings.layers.value(it.key());
        it.value()->setCheckState(0, state.visible ? Qt::Checked : Qt::Unchecked);
        m_opacity[it.key()]->setValue(static_cast<int>(std::lround(state.opacity * 100)));
    }
    m_order = settings.order;
    m_syncing = false;
}

}  // namespace app::gui
