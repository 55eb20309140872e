#pragma once
// The membership table dock: counties × county-seat classes, sortable and filterable, its row selection
// linked both ways with the shared Selection (and so with the map).

#include <QWidget>

#include "gui/selection.h"
#include "render/map_data.h"

class QLineEdit;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

namespace app::gui {

class MembershipTable : public QWidget {
    Q_OBJECT
public:
    MembershipTable(const render::MapData& data, Selection* selection, QWidget* parent = nullptr);

    QTableView* view() const { return m_view; }
    QLineEdit* filter() const { return m_filter; }
    /// Codes of the rows currently selected in the table.
    QSet<QString> selectedCodes() const;
    void retranslate();

private:
    void fromTable();
    void fromSelection(QObject* origin);

    const render::MapData& m_data;
    Selection* m_selection;
    QStandardItemModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_view;
    QLineEdit* m_filter;
    bool m_syncing = false;
};

}  // namespace app::gui
