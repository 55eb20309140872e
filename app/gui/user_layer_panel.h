#pragma once
// The user layers' list, a legend as QGIS's: each layer in the order added (the bottom of the drawing first) with
// its visibility, opacity and whether it is drawn above the plan's overlays, and under it the categories of its
// style field with their colours and feature counts. Changes go out as a signal; the window keeps the layers.

#include <vector>

#include <QTreeWidget>

#include "render/feature_layers.h"

class QSpinBox;

namespace app::gui {

class UserLayerPanel : public QTreeWidget {
    Q_OBJECT
public:
    explicit UserLayerPanel(QWidget* parent = nullptr);

    /// Shows these layers (their order, state and categories); emits nothing.
    void setLayers(const std::vector<render::UserLayer>& layers);
    /// The layer's row (checked: visible), its "draw above the plan" row and its opacity box; null past the end.
    QTreeWidgetItem* layerItem(int layer) const { return topLevelItem(layer); }
    QTreeWidgetItem* abovePlanItem(int layer) const;
    QSpinBox* opacity(int layer) const;
    /// The legend rows under a layer: "耕地 (1234)", most features first.
    QStringList categoryTexts(int layer) const;
    void retranslate();

signals:
    void layerChanged(int layer, bool visible, double opacity, bool abovePlan);
    /// The user asks for a layer's attribute table (its context menu 属性表, a double-click on its row).
    void attributeTableRequested(int layer);

protected:
    /// The opacity boxes ignore the wheel unless focused: it scrolls the list instead (as the layer panel's).
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void emitState(int layer);

    std::vector<render::UserLayer> m_layers;  ///< what is shown (for retranslate)
    bool m_building = false;
};

}  // namespace app::gui
