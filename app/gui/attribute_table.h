#pragma once
// The attribute table of a layer (a user layer, or one of the plan's tables: counties with their classes, zones,
// corridors, places), docked under the map:
//   - AttributeTableModel: a QAbstractTableModel over layers::AttributeTable: rowCount is the table's rows, data()
//     reads the page (kPageRows rows, by FID) holding the row, the last kCachedPages pages kept (LRU); headers are
//     the fields' Chinese aliases where known (share/data/field_aliases.csv, and the plan's class names for the
//     counties' class columns), the vertical header the FID;
//   - AttributeTablePanel: the table view (click a header to sort), the filter line (an OGR SQL expression, Enter
//     applies it; an error is said under the line, in the window's language, with the layer's fields), the row
//     count, and the selection linked both ways with the map through Selection: selected rows are drawn selected
//     on the map, features picked on the map (identify, select by expression) select their rows;
//   - SelectByExpressionDialog: the filter's expression applied as a selection, the count said.
// Pages are read on the GUI thread through the panel's layers::AttributeTable (it is not thread-safe). A header
// click's sort runs on a worker thread over its own instance (AttributeTable::opener, computeOrder): the old order
// stays, with a busy line, until the new one is applied; another click or a filter cancels a pending sort. The
// export (导出 CSV / XLSX, all rows or only the selected ones, the filter and the column order kept) runs on a
// worker through layers::analysis::writeAttributeTable, with a progress bar and a cancel
// (attribute_table_export.cpp).

#include <atomic>
#include <cstdint>
#include <list>
#include <memory>
#include <optional>
#include <vector>

#include <QAbstractTableModel>
#include <QDialog>
#include <QHash>
#include <QWidget>

#include "layers/attribute_table.h"

class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QTimer;
class QTableView;
class QToolButton;

namespace app::gui {

class Selection;

/// Field aliases (share/data/field_aliases.csv, built into the program): field → Chinese and English label.
struct FieldAlias {
    QString zh, en;
};
const QHash<QString, FieldAlias>& fieldAliases();

class AttributeTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr std::size_t kPageRows = 256;
    static constexpr std::size_t kCachedPages = 8;

    /// aliases: extra field labels (Chinese, English) over fieldAliases(), e.g. the plan's class names.
    AttributeTableModel(std::unique_ptr<layers::AttributeTable> table, QHash<QString, FieldAlias> aliases = {}, QObject* parent = nullptr);
    ~AttributeTableModel() override;

    layers::AttributeTable& table() { return *m_table; }
    const layers::AttributeTable& table() const { return *m_table; }
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    /// Orders by a column (the table's current filter kept) on this thread; errors go out as readFailed.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    /// Orders by a column (-1: the file's order) on a worker thread, the current filter kept: the rows keep their
    /// order until the new one is applied (sortFinished). A pending sort is cancelled by the next one and by
    /// setFilter. Errors go out as readFailed.
    void sortAsync(int column, Qt::SortOrder order);
    /// A sort is running on the worker.
    bool sorting() const { return m_pending.has_value(); }
    /// The running sort's field (-1: the file's order) and direction, while sorting().
    int pendingField() const { return m_pending ? m_pending->field : -1; }
    bool pendingDescending() const { return m_pending && m_pending->descending; }

    /// Applies a filter expression (empty: none); returns the error in the window's language, or empty.
    QString setFilter(const QString& expression);
    /// The FIDs an expression accepts; error set (window's language) and nothing returned on failure.
    std::vector<std::int64_t> matching(const QString& expression, QString& error);
    /// The FID of a row.
    std::int64_t fid(int row) const { return m_table->fid(static_cast<std::size_t>(row)); }
    std::optional<int> rowOf(std::int64_t fid) const;
    /// The selected FIDs (sorted) drawn with the selection's background.
    void setSelectedFids(std::shared_ptr<const std::vector<std::int64_t>> fids);
    bool isSelected(std::int64_t fid) const;
    /// The value of a field (by name) of a row as text, or empty.
    QString text(int row, const QString& field) const;
    /// "zh" or "en": the headers' language.
    void setLanguage(const QString& language);
    /// The message for an ExpressionError, in the window's language.
    static QString describe(const layers::ExpressionError& e);
    /// Pages read from the file so far (for tests: scrolling reads pages, not rows).
    std::size_t pagesRead() const { return m_pagesRead; }

signals:
    /// A page could not be read (the file changed or is gone) or an order failed: what to tell the user.
    void readFailed(const QString& message) const;
    /// sortAsync started on the worker.
    void sortStarted();
    /// The pending sort ended: applied (the model was reset to the new order), failed, or cancelled.
    void sortFinished(bool applied);

private:
    const layers::AttributeRow* row(std::size_t r) const;
    void dropPages();

    std::unique_ptr<layers::AttributeTable> m_table;
    QHash<QString, FieldAlias> m_aliases;
    QString m_language = "zh";
    struct Page {
        std::size_t first = 0;
        std::vector<layers::AttributeRow> rows;
    };
    mutable std::list<Page> m_pages;  ///< most recently used first
    mutable std::size_t m_pagesRead = 0;
    std::shared_ptr<const std::vector<std::int64_t>> m_selected;
    struct PendingSort {
        std::shared_ptr<std::atomic<bool>> cancel;
        int field = -1;
        bool descending = false;
        quint64 generation = 0;
    };
    std::optional<PendingSort> m_pending;
    quint64 m_sortGeneration = 0;
    void cancelSort();
};

/// What the table's rows are linked to on the map.
struct TableLink {
    enum class Kind { UserLayer, Counties, PlanFeature, None };
    Kind kind = Kind::None;
    QString userLayer;  ///< UserLayer: its render::UserLayer::id
    QString idField;    ///< Counties: the code field; PlanFeature: the id field (zone_id, corridor_id, place_id)
};

class AttributeTablePanel : public QWidget {
    Q_OBJECT
public:
    AttributeTablePanel(std::unique_ptr<layers::AttributeTable> table, TableLink link, Selection* selection, QString title,
                        QHash<QString, FieldAlias> aliases = {}, QWidget* parent = nullptr);
    /// A running export is cancelled (nothing written).
    ~AttributeTablePanel() override;

    AttributeTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QLineEdit* filterLine() const { return m_filter; }
    /// The line under the filter: an error, or empty.
    QLabel* errorLabel() const { return m_error; }
    QLabel* countLabel() const { return m_count; }
    const TableLink& link() const { return m_link; }
    /// The layer's name for titles, in the window's language (setEnglishTitle; else the one given).
    QString title() const { return m_language == "en" && !m_titleEn.isEmpty() ? m_titleEn : m_title; }
    void setEnglishTitle(const QString& title) { m_titleEn = title; }
    /// Applies the filter line's text (as Enter does); returns the error shown, or empty.
    QString applyFilter();
    /// Selects the features an expression accepts (the dialog's action); returns the count, or -1 on an error
    /// (error set).
    int selectByExpression(const QString& expression, QString& error);
    /// Rows selected now (view's selection or the linked selection), ascending.
    std::vector<int> selectedRows() const;
    void retranslate();
    void setLanguage(const QString& language);

    /// Writes the table's rows — all, or only the selected ones (selectedOnly) — in the current order, filter and
    /// column order to path (.csv: UTF-8 with a BOM; .xlsx) on a worker thread; the header has the layer's field
    /// names. An existing file is replaced (the file dialog has asked); a failure or a cancel leaves it as it was.
    /// Returns false with the error shown when the export cannot start; exportFinished says how it ended.
    bool exportRows(const QString& path, bool selectedOnly);
    bool exporting() const { return m_exportState != nullptr; }
    void cancelExport();
    /// The export menu (the button's and the table's context menu): CSV, XLSX, 仅导出所选.
    QMenu* exportMenu() const { return m_exportMenu; }
    /// Whether 仅导出所选 is checked.
    bool exportSelectedOnly() const;
    /// The line under the table saying how the last export ended (or how far it is).
    QLabel* exportStatus() const { return m_exportStatus; }

signals:
    /// The user asks to see the selected features on the map (button, double-click on a row).
    void zoomToSelection();
    /// An export ended: error empty when the file was written (rows: how many), else what went wrong.
    void exportFinished(const QString& error, qint64 rows);

private:
    /// fids (of this table's layer) as the window's selection: a user layer's FIDs, counties, or one plan feature
    /// (the first or the last of fids); origin as Selection takes it.
    void applySelection(std::vector<std::int64_t> fids, QObject* origin, bool firstFeature);
    void viewSelectionChanged();
    void selectionChanged(QObject* origin);
    void showCount();
    void showError(const QString& text);
    /// The FIDs the linked selection holds for this table.
    std::shared_ptr<const std::vector<std::int64_t>> linkedFids() const;
    void chooseExpression();
    void buildExport();
    void retranslateExport();
    void chooseExportFile(bool xlsx);
    void showSorting();

    AttributeTableModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QLineEdit* m_filter = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_count = nullptr;
    QToolButton *m_select = nullptr, *m_zoom = nullptr, *m_clear = nullptr;
    QLabel* m_busy = nullptr;  ///< "sorting …" while a sort runs
    // The export: the button and its menu, the progress while it runs, how the last one ended.
    QToolButton* m_export = nullptr;
    QMenu* m_exportMenu = nullptr;
    QAction *m_exportCsv = nullptr, *m_exportXlsx = nullptr, *m_exportSelected = nullptr;
    QProgressBar* m_exportProgress = nullptr;
    QToolButton* m_exportCancel = nullptr;
    QLabel* m_exportStatus = nullptr;
    QTimer* m_exportTimer = nullptr;
    struct ExportState {
        std::atomic<std::size_t> done{0}, total{0};
        std::atomic<bool> cancel{false};
    };
    std::shared_ptr<ExportState> m_exportState;
    TableLink m_link;
    Selection* m_selection = nullptr;
    QString m_title, m_titleEn;
    QString m_language = "zh";
    /// Counties / plan features: id (code) → FID and back.
    QHash<QString, std::int64_t> m_fidOfId;
    QHash<std::int64_t, QString> m_idOfFid;
    bool m_syncing = false;  ///< the view's selection is being set from the linked selection
};

/// "Select by expression": the expression, the count of what it selects, errors under the line.
class SelectByExpressionDialog : public QDialog {
    Q_OBJECT
public:
    SelectByExpressionDialog(AttributeTablePanel* panel, QWidget* parent = nullptr);
    QLineEdit* expression() const { return m_expression; }
    QLabel* result() const { return m_result; }
    /// Selects what the expression accepts; false (the error shown) when it cannot.
    bool apply();

private:
    AttributeTablePanel* m_panel;
    QLineEdit* m_expression = nullptr;
    QLabel* m_result = nullptr;
};

}  // namespace app::gui
