#include "gui/layer_panel.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QSpinBox>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QWheelEvent>

namespace app::gui {

namespace {
struct Group {
    const char* title;
    QStringList layers;
};

/// Groups by layout: base geography, 一群三带, the zones of 一群三带 and 一核三心多组团, transport.
QList<Group> groups()
{
    return {{QT_TRANSLATE_NOOP("app::gui::LayerPanel", "基础地理"), {"labels", "province", "prefecture_borders", "rivers", "counties", "neighbours"}},
            {QT_TRANSLATE_NOOP("app::gui::LayerPanel", "一群三带"), {"central_cities", "belts", "relations"}},
            {QT_TRANSLATE_NOOP("app::gui::LayerPanel", "规划分区 (一群三带 · 一核三心多组团)"), {"zones"}},
            {QT_TRANSLATE_NOOP("app::gui::LayerPanel", "交通"), {"places", "corridors", "neighbour_seats"}},
            {QT_TRANSLATE_NOOP("app::gui::LayerPanel", "监测评估"), {"progress"}}};
}

/// A layer's icon, drawn with the symbols the map uses (of its first feature in the view that shows it best).
QIcon swatch(const render::MapRenderer& renderer, const QString& id)
{
    const render::MapData& data = renderer.data();
    const render::Style& style = renderer.style();
    auto first = [](const std::vector<render::Symbol>& symbols, auto keep) {
        for (std::size_t i = 0; i < symbols.size(); ++i)
            if (keep(i))
                return symbols[i];
        return render::Symbol();
    };
    const render::ViewSymbols& overview = renderer.symbols(render::View::Overview);
    const render::ViewSymbols& cluster = renderer.symbols(render::View::OneClusterThreeBelts);
    const render::ViewSymbols& transport = renderer.symbols(render::View::Transport);
    QPixmap pixmap(18, 12);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setPen(QPen(style.legendOutline.colour, 1));
    p.setBrush(Qt::NoBrush);
    if (id == "neighbours") p.setBrush(overview.neighbours.fill);
    else if (id == "counties") p.setBrush(overview.counties.empty() ? QColor() : overview.counties.front().fill);
    else if (id == "zones") p.setBrush(first(cluster.zones, [&](std::size_t i) { return cluster.zones[i].visible; }).fill);
    else if (id == "belts") p.setBrush(first(cluster.belts, [&](std::size_t i) { return data.corridors[i].mode == "belt"; }).band);
    else if (id == "corridors") p.setBrush(first(transport.corridors, [&](std::size_t i) { return data.corridors[i].mode != "belt"; }).stroke);
    else if (id == "central_cities") p.setBrush(cluster.cities.empty() ? QColor() : cluster.cities.front().fill);
    else if (id == "progress") {
        const QVector<QColor> classes = style.symbol("progress", render::viewId(render::View::Progress), {{"progress", "class"}, {"mode", "share"}}).palette;
        p.setBrush(classes.isEmpty() ? QColor() : classes.back());
    }
    else if (id == "places") p.setBrush(transport.places.empty() ? QColor() : transport.places.front().fill);
    else if (id == "neighbour_seats") {
        p.setPen(QPen(transport.neighbourSeats.stroke, transport.neighbourSeats.width));
        p.setBrush(transport.neighbourSeats.fill);
    }
    if (id == "prefecture_borders" || id == "province") {
        const render::Symbol& line = id == "province" ? overview.province : overview.prefectureBorders;
        p.setPen(QPen(line.stroke, line.width));
        p.drawLine(0, 6, 18, 6);
    } else if (id == "rivers") {
        // A major river's symbol, as a wavy line.
        const render::Symbol river = style.symbol("rivers", render::viewId(render::View::Overview), {{"level", "1"}});
        QPainterPath wave(QPointF(1, 8));
        wave.cubicTo(QPointF(6, 1), QPointF(11, 11), QPointF(17, 4));
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setPen(QPen(river.stroke, river.width, Qt::SolidLine, Qt::RoundCap));
        p.drawPath(wave);
    } else if (id == "labels") {
        p.drawText(QRect(0, 0, 18, 12), Qt::AlignCenter, "文");
    } else {
        p.drawRect(1, 1, 16, 10);
    }
    return QIcon(pixmap);
}
}  // namespace

LayerPanel::LayerPanel(const render::MapRenderer& renderer, QWidget* parent) : QWidget(parent), m_order(render::layerIds())
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
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            item->setCheckState(0, Qt::Checked);
            m_items[id] = item;
            auto* spin = new QSpinBox(m_tree);
            spin->setRange(0, 100);
            spin->setSuffix("%");
            spin->setValue(100);
            spin->setFixedWidth(72);
            // A wheel turned to scroll the list must not change an opacity the pointer happens to pass over:
            // the box takes the wheel only once clicked or tabbed into (eventFilter hands it on otherwise).
            spin->setFocusPolicy(Qt::StrongFocus);
            spin->installEventFilter(this);
            m_tree->setItemWidget(item, 1, spin);
            m_opacity[id] = spin;
            connect(spin, &QSpinBox::valueChanged, this, [this, id] { emitState(id); });
        }
        group->setExpanded(true);
    }
    setSymbols(renderer);
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

bool LayerPanel::eventFilter(QObject* watched, QEvent* event)
{
    auto* spin = qobject_cast<QSpinBox*>(watched);
    if (event->type() != QEvent::Wheel || !spin || spin->hasFocus())
        return QWidget::eventFilter(watched, event);
    // Handed to the list's viewport (which scrolls) rather than ignored and left to propagate: QApplication
    // propagates only spontaneous wheel events to the parent, and a synthesised one (sent by a test or another
    // widget) must scroll the list too instead of doing nothing.
    const auto* wheel = static_cast<QWheelEvent*>(event);
    QWidget* viewport = m_tree->viewport();
    QWheelEvent forwarded(viewport->mapFromGlobal(wheel->globalPosition()), wheel->globalPosition(), wheel->pixelDelta(), wheel->angleDelta(),
                          wheel->buttons(), wheel->modifiers(), wheel->phase(), wheel->inverted(), wheel->source());
    QCoreApplication::sendEvent(viewport, &forwarded);
    event->accept();  // handled here: a spontaneous wheel must not also reach the list by propagation
    return true;
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

void LayerPanel::setSymbols(const render::MapRenderer& renderer)
{
    for (auto it = m_items.begin(); it != m_items.end(); ++it)
        it.value()->setIcon(0, swatch(renderer, it.key()));
}

}  // namespace app::gui
