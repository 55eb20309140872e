#pragma once
// The main window wires the features together: the map canvas, one-click thematic views, the layer panel,
// identify with its information panel, search, the class list and the membership table (selection linked
// with the map), the status bar (CGCS2000 lon/lat, Gauss-Kruger, scale, render time) and the language.

#include <filesystem>
#include <functional>
#include <map>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <QMainWindow>

#include "geo/projection.h"
#include "gui/document_panel.h"
#include "gui/identify.h"
#include "layers/analysis.h"
#include "layers/export_tables.h"
#include "layers/monitoring.h"
#include "layers/plan_query.h"
#include "layers/viewport_layer.h"
#include "render/map_renderer.h"

class QActionGroup;
class QDockWidget;
class QLabel;
class QListWidget;
class QTextBrowser;
class QTranslator;

namespace app::gui {

class ActualsPanel;
class AttributeTablePanel;
class DocumentPanel;
class LayerPanel;
class MapCanvas;
class MessageBar;
class MembershipTable;
class JoinDialog;
class SearchBox;
class SelectDialog;
class StatsPanel;
class Selection;
class UserLayerPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(std::shared_ptr<const render::MapRenderer> renderer, const layers::PlanQuery& query, QString summary, QWidget* parent = nullptr);
    ~MainWindow() override;

    MapCanvas* canvas() const { return m_canvas; }
    Selection* selection() const { return m_selection; }
    MembershipTable* membershipTable() const { return m_table; }
    QListWidget* classList() const { return m_classList; }
    SearchBox* searchBox() const { return m_search; }
    LayerPanel* layerPanel() const { return m_layers; }
    QTextBrowser* infoPanel() const { return m_info; }
    DocumentPanel* documentPanel() const { return m_documents; }
    /// The actual figures (dock 实际数据): the table, entry, undo and history; its changes reach the map and the
    /// progress panel (shown in the information panel in the 目标进展 view).
    ActualsPanel* actualsPanel() const { return m_actuals; }
    /// The monitoring rules (share/monitoring) and the figures' store (--actuals, $GZPLAN_ACTUALS or the default):
    /// a store that cannot be opened is named in the message bar.
    void setActuals(layers::MonitoringRules rules, const layers::DataLocation& store);
    /// The plan's shapes (zones, corridors): with them the window asks the plan about user layers — the dock 统计
    /// (StatsPanel), 工具 → 按位置选择… and 连接表格… (gui/stats_panel.h). Call once, before restoreSettings; the
    /// geometry outlives the window.
    void setPlanGeometry(const layers::PlanGeometry& geometry);
    StatsPanel* statsPanel() const { return m_stats; }
    const layers::analysis::PlanUnits* planUnits() const { return m_units.get(); }
    /// 按位置选择 (modeless) and 连接表格 over the current user layers; null without setPlanGeometry.
    SelectDialog* openSelectDialog();
    JoinDialog* openJoinDialog();
    /// A selection by location's result: the FIDs of a user layer's features become its selection (Selection: drawn on
    /// the map, selected in its attribute table), the count in the message bar. Also emitted as featuresSelected.
    void selectFeatures(const QString& layerId, const std::vector<std::int64_t>& fids);
    const std::vector<std::int64_t>& selectedFids() const { return m_selectedFids; }
    /// The choropleth on the map (the statistics panel's or a joined table's); null clears it.
    void setChoropleth(std::shared_ptr<const render::Choropleth> map);

    /// The plan documents the document panel shows and the information panel quotes.
    void setPlanTexts(PlanTexts texts);
    const Hit& identified() const { return m_identified; }
    /// The bar across the top of the map: errors from the command line, searches without one answer.
    MessageBar* messageBar() const { return m_messages; }
    /// Shows an error in the message bar (key: a later error with the same key replaces it).
    void showError(const QString& key, const QString& text);

    void showView(render::View view);
    /// Identifies what lies at a screen point of the canvas and shows it: the plan object there first (county, zone,
    /// corridor, place, central city: the plan answers a click), then the user features at that point below it,
    /// the topmost outlined on the map.
    void identifyAt(QPointF screen);
    /// Shows a plan object in the information panel and selects it (no user features: their highlight goes).
    void identify(const Hit& hit);
    /// Shows a plan object as choosing it in the search does: a county, zone, corridor, place or central city is
    /// zoomed to and identified; a class is selected in the class list; a prefecture's counties are selected.
    void showObject(const layers::PlanObject& object);
    /// Searches as typing text in the search box and pressing Return does (gzplan --find).
    void find(const QString& text);
    /// The layers the data export offers (built by the caller from the geography and the plan).
    void setExportTables(std::shared_ptr<const std::vector<layers::ExportTable>> tables) { m_exportTables = std::move(tables); }
    void exportData();
    /// Builds a renderer for a display CRS (Albers, Gauss-Kruger …); without one the projection is fixed.
    using RendererFactory = std::function<std::shared_ptr<const render::MapRenderer>(const QString& crs)>;
    void setRendererFactory(RendererFactory factory) { m_rendererFactory = std::move(factory); }
    /// Switches the display projection; false when it cannot be built.
    bool setDisplayCrs(const QString& crs);
    QString displayCrs() const { return m_renderer->data().crs; }
    const std::shared_ptr<const render::MapRenderer>& renderer() const { return m_renderer; }
    /// Draws the map with the style file at path (a copy of share/styles/default.json, changed); returns an empty
    /// string on success, else why the file was refused (the map keeps its style).
    QString setStyleFile(const QString& path);
    void chooseStyleFile();
    void showClassColours();
    /// Loads a vector file GDAL reads (GeoPackage, Shapefile, GeoJSON, FlatGeobuf, …) as a user layer in the
    /// display CRS, on a worker thread behind a progress dialog that can cancel. Returns an empty string on
    /// success, else the error (cancelling returns tr("已取消")).
    QString addLayerFile(const QString& file);
    /// A PostGIS table ("PG:<connection> tables=schema.table"), drawn one view at a time; the error, or empty.
    QString addPostgresLayer(const QString& text);
    /// addLayerFile for each file (gzplan --add), every failure shown in the message bar; returns the failures (the
    /// loader's errors, each naming its file and the cause; a cancel is none) for the terminal.
    QStringList addLayerFiles(const QStringList& files);
    const std::vector<render::UserLayer>& userLayers() const { return m_userLayers; }
    UserLayerPanel* userLayerList() const { return m_userLayerList; }
    /// The user feature at a screen point (topmost layer first): layer index and feature, or {-1, 0}.
    std::pair<int, std::uint32_t> userFeatureAt(QPointF screen) const;
    /// The features a userFeaturesAt index refers to: the layer's, or for a PostGIS layer the view's it was found in.
    const layers::FeatureLayer& identifiedLayer(int layer) const;
    /// The user features at a screen point, one per visible layer that has one, topmost layer first.
    std::vector<std::pair<int, std::uint32_t>> userFeaturesAt(QPointF screen) const;
    /// The user features the last identify found (shown below the plan object), as userFeaturesAt.
    const std::vector<std::pair<int, std::uint32_t>>& identifiedFeatures() const { return m_identifiedFeatures; }

    /// 定位到坐标: centres the map on a CGCS2000 lon/lat point (at 1:50,000 or closer) and marks it.
    void goTo(geo::Point lonLat);
    void chooseGoTo();
    /// The measure tools (测量距离, 测量面积; toolbar toggles) and the browse tool.
    void setMeasureTool(int tool);

    /// Saves the session as a project (gui/project.h): user layers, view, map centre and scale, selection, language.
    /// Returns an empty string, or why not.
    QString saveProject(const QString& file);
    /// Opens a project: nothing changes when the file cannot be read (false, *error naming it, also in the message
    /// bar); otherwise the session is replaced, and the layers whose files are missing or unreadable are left out and
    /// listed in *missing (and in the message bar).
    bool openProject(const QString& file, QString* error = nullptr, QStringList* missing = nullptr);
    /// The project last opened or saved (保存项目 writes it again), or empty.
    const QString& projectFile() const { return m_projectFile; }
    /// The attribute table of a user layer (by index) or of a plan table (export_tables.h id: counties, zones,
    /// corridors, places…), docked under the map (raised when open already); null, with the error in the message
    /// bar, when it cannot be opened. Rows selected there are selected on the map and the other way round.
    AttributeTablePanel* openAttributeTable(int userLayer);
    AttributeTablePanel* openPlanTable(const QString& id);
    /// The open attribute tables.
    QList<AttributeTablePanel*> attributeTables() const;
    /// The box (display CRS) of what is selected in user layers (every layer, or only layer's when given); empty when none.
    geo::Box userSelectionBounds(const QString& layer = {}) const;

    /// "zh" or "en". Kept for the next session only when the user picks it from the menu (chooseLanguage): a
    /// language given for one run (--lang) does not replace the stored one.
    void setLanguage(const QString& language);
    QString language() const { return m_language; }
    /// setLanguage, remembered for the next session (the language menu).
    void chooseLanguage(const QString& language);
    /// Restores what the last session kept (settings.h): the window's geometry and dock layout, and its language
    /// unless language (the command line's --lang) is given, which wins. Call before show().
    void restoreSettings(const QString& language = {});
    /// Keeps the window's geometry and dock layout for the next session (also done on close).
    void saveSettings();

signals:
    void featuresSelected(const QString& layerId, const std::vector<std::int64_t>& fids);

protected:
    void changeEvent(QEvent*) override;
    void closeEvent(QCloseEvent*) override;
    void dragEnterEvent(QDragEnterEvent*) override;
    void dropEvent(QDropEvent*) override;

private:
    /// Loads a user layer in crs behind a cancellable progress dialog; null on failure or cancel, with error saying
    /// why and *unreadable (if given) whether it failed on features that cannot be read whole (then skipBad loads the rest).
    std::shared_ptr<const layers::FeatureLayer> loadLayer(const QString& file, const QString& crs, QString& error, const std::string& layerName = {},
                                                          bool skipBad = false, bool* unreadable = nullptr, const std::string& styleField = {});
    /// Adds a loaded layer to the list (a title from its file and layer, the style's symbols).
    render::UserLayer& appendUserLayer(const QString& file, std::shared_ptr<const layers::FeatureLayer> data);
    void chooseProjectToOpen();
    void chooseProjectToSave(bool saveAs);
    void chooseLayerFile();
    /// 添加 PostGIS 图层: a connection and a table (PostgisDialog), added as --add PG:… would add it.
    void choosePostgisLayer();
    void userLayersChanged();
    /// The information panel: the identified plan object, then the identified user features' attributes.
    QString identifiedHtml() const;
    QString userFeatureHtml(int layer, std::uint32_t feature) const;
    void buildActions();
    void buildDocks();
    QDockWidget* addDock(const char* name, QWidget* widget, Qt::DockWidgetArea area);
    void retranslate();
    /// The statistics dock, its menu entries and the language of its results (main_window_analysis.cpp).
    void retranslateAnalysis();
    /// The statistics panel's list of user layers follows the window's.
    void layersChangedForAnalysis();
    void showInfo();
    void showCursor(geo::Point mapPoint);
    void showScale();
    void selectClass(int index);
    void zoomToSelection();
    void exportMap();
    /// The user layers' selected features (Selection, by FID) as indices for the map.
    void showUserSelection();
    QDockWidget* tableDock(const QString& name, AttributeTablePanel* panel);
    void chooseAttributeTable();

    std::shared_ptr<const render::MapRenderer> m_renderer;
    const layers::PlanQuery& m_query;
    QString m_summary;
    MapCanvas* m_canvas = nullptr;
    Selection* m_selection = nullptr;
    LayerPanel* m_layers = nullptr;
    MembershipTable* m_table = nullptr;
    QListWidget* m_classList = nullptr;
    QTextBrowser* m_info = nullptr;
    DocumentPanel* m_documents = nullptr;
    ActualsPanel* m_actuals = nullptr;
    bool m_allProvinceTargets = false;  ///< the county panel lists its province-wide targets (its "more" link)
    MessageBar* m_messages = nullptr;
    SearchBox* m_search = nullptr;
    QActionGroup* m_viewActions = nullptr;
    QLabel *m_position = nullptr, *m_scale = nullptr, *m_renderTime = nullptr;  ///< the status bar's fields
    Hit m_identified;
    /// The view of each PostGIS layer (by index) in which userFeaturesAt found a feature: its features and band.
    mutable std::map<int, layers::ViewportLayer::View> m_identifiedViews;
    std::vector<render::UserLayer> m_userLayers;
    std::vector<std::pair<int, std::uint32_t>> m_identifiedFeatures;
    UserLayerPanel* m_userLayerList = nullptr;
    int m_nextUserLayer = 1;
    QString m_projectFile;
    QString m_language = "zh";
    std::unique_ptr<QTranslator> m_translator;
    std::shared_ptr<const std::vector<layers::ExportTable>> m_exportTables;
    RendererFactory m_rendererFactory;
    std::shared_ptr<const layers::analysis::PlanUnits> m_units;
    StatsPanel* m_stats = nullptr;
    SelectDialog* m_selectDialog = nullptr;
    JoinDialog* m_joinDialog = nullptr;
    std::vector<std::int64_t> m_selectedFids;
    /// Every renderer built so far: the class list, table and search keep references into the first one's data.
    std::vector<std::shared_ptr<const render::MapRenderer>> m_renderers;
    std::unique_ptr<geo::Projection> m_toLonLat;
    std::map<std::string, std::unique_ptr<geo::Projection>> m_toGaussKruger;  ///< by EPSG code
};

}  // namespace app::gui
