#pragma once
// The layer panel: every layer with its legend swatch, visibility, opacity and drawing order, grouped by
// the layout it belongs to. Changes go to the canvas through signals; syncFrom() follows a view change.

#include <QMap>
#include <QWidget>

#include "render/map_renderer.h"

class QSpinBox;
class QTreeWidget;
class QTreeWidgetItem;
class QToolButton;

namespace app::gui {

class LayerPanel : public QWidget {
    Q_OBJECT
public:
    LayerPanel(const render::MapRenderer& renderer, QWidget* parent = nullptr);
    /// Icons drawn with the renderer's symbols (again after the style changes).
    void setSymbols(const render::MapRenderer& renderer);

    void syncFrom(const render::RenderSettings& settings);
    QTreeWidgetItem* item(const QString& layerId) const { return m_items.value(layerId); }
    QSpinBox* opacity(const QString& layerId) const { return m_opacity.value(layerId); }
    /// Moves a layer one step up (towards the top of the drawing) or down.
    void move(const QString& layerId, int step);
    const QStringList& order() const { return m_order; }
    void retranslate();

protected:
    /// The opacity boxes ignore the wheel unless focused: it scrolls the list instead.
    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    void layerChanged(const QString& layerId, const app::render::LayerState& state);
    void orderChanged(const QStringList& bottomToTop);

private:
    void emitState(const QString& layerId);
    QString selectedLayer() const;

    QTreeWidget* m_tree;
    QToolButton* m_up;
    QToolButton* m_down;
    QMap<QString, QTreeWidgetItem*> m_items;
    QMap<QString, QSpinBox*> m_opacity;
    QList<QTreeWidgetItem*> m_groups;
    QStringList m_order;
    bool m_syncing = false;
};

}  // namespace app::gui
