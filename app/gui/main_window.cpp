#include "gui/main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QGridLayout>
#include <QDockWidget>
#include <QLibraryInfo>
#include <QLocale>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QMimeData>
#include <QProgressDialog>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>
#include <QEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTextBrowser>
#include <QToolBar>
#include <QScreen>
#include <QTranslator>
#include <QVBoxLayout>

#include <algorithm>
#include <atomic>

#include "gui/actuals_panel.h"
#include "gui/attribute_table.h"
#include "gui/export_dialog.h"
#include "gui/info_html.h"
#include "gui/layer_panel.h"
#include "gui/map_canvas.h"
#include "gui/membership_table.h"
#include "gui/document_panel.h"
#include "gui/message_bar.h"
#include "gui/progress_panel.h"
#include "gui/search_box.h"
#include "gui/selection.h"
#include "gui/settings.h"
#include "gui/user_layer_panel.h"
#include "layers/errors.h"
#include "layers/feature_layer.h"
#include "layers/viewport_layer.h"
#include "render/map_export.h"
#include "render/map_layout.h"

namespace app::gui {

namespace {
/// Names of the toolbar's and menus' actions, so retranslate() finds them.
enum ActionId { ProvinceAction, ZoomInAction, ZoomOutAction, ZoomSelectionAction, ExportAction, ExportDataAction, ChineseAction, EnglishAction, SourcesAction, AddLayerAction, StyleAction, ActualsAction,
                MeasureDistanceAction, MeasureAreaAction, GoToAction, OpenProjectAction, SaveProjectAction, SaveProjectAsAction, AttributeTableAction,
                AddPostgisAction };
}  // namespace

MainWindow::MainWindow(std::shared_ptr<const render::MapRenderer> renderer, const layers::PlanQuery& query, QString summary, QWidget* parent)
    : QMainWindow(parent), m_renderer(std::move(renderer)), m_query(query), m_summary(std::move(summary))
{
    m_toLonLat = std::make_unique<geo::Projection>(m_renderer->data().crs.toStdString(), geo::crs::kCgcs2000);
    m_renderers.push_back(m_renderer);
    m_selection = new Selection(this);
    m_canvas = new MapCanvas(m_renderer, this);
    // Above the map, where the user looks: errors from the command line and searches without one answer.
    m_messages = new MessageBar(this);
    auto* centre = new QWidget(this);
    auto* column = new QVBoxLayout(centre);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(m_messages);
    column->addWidget(m_canvas, 1);
    setCentralWidget(centre);
    buildDocks();
    buildActions();

    m_position = new QLabel(this);
    m_scale = new QLabel(this);
    m_renderTime = new QLabel(this);
    statusBar()->addWidget(m_position, 1);
    statusBar()->addPermanentWidget(m_renderTime);
    statusBar()->addPermanentWidget(m_scale);

    connect(m_canvas, &MapCanvas::cursorMoved, this, &MainWindow::showCursor);
    connect(m_canvas, &MapCanvas::viewChanged, this, &MainWindow::showScale);
    connect(m_canvas, &MapCanvas::rendered, this, [this] {
        m_renderTime->setText(tr("绘制 %1 ms").arg(m_canvas->lastRenderMs(), 0, 'f', 1));
        // A PostGIS layer whose view could not be read (the server stopped, the network went): said in the window,
        // the frame drawn without it; the next frame reads again, connecting anew, and withdraws the message.
        for (const render::UserLayer& u : m_userLayers)
            if (u.viewport) {
                const QString key = QStringLiteral("viewport:") + u.id;
                if (const std::string error = u.viewport->takeError(); !error.empty())
                    m_messages->post(key, tr("图层 %1 的当前视图无法从数据库读取, 已在无此图层的情况下绘制; 移动或刷新地图将重试: %2")
                                              .arg(u.title, QString::fromStdString(error)),
                                     MessageBar::Level::Error);
                else
                    m_messages->withdraw(key);
            }
    });
    connect(m_canvas, &MapCanvas::clicked, this, [this](QPointF screen) { identifyAt(screen); });
    connect(m_canvas, &MapCanvas::escapePressed, this, [this] {
        identify({});
        m_selection->clearUserFeatures({}, m_canvas);
    });
    connect(m_canvas, &MapCanvas::measurementChanged, this, [this] {
        if (m_canvas->tool() != MapCanvas::Tool::Browse)
            statusBar()->showMessage(m_canvas->measurementText());
    });
    connect(m_selection, &Selection::changed, this, [this] { m_canvas->setHighlight(m_selection->counties(), m_selection->feature()); });
    connect(m_selection, &Selection::userFeaturesChanged, this, [this] { showUserSelection(); });
    connect(m_search, &SearchBox::chosen, this, &MainWindow::showObject);
    connect(m_search, &SearchBox::messageChanged, this, [this](const QString& text, bool notFound) {
        if (text.isEmpty())
            m_messages->withdraw("search");
        else
            m_messages->post("search", text, notFound ? MessageBar::Level::Warning : MessageBar::Level::Info);
    });
    connect(m_layers, &LayerPanel::layerChanged, m_canvas, &MapCanvas::setLayer);
    connect(m_layers, &LayerPanel::orderChanged, m_canvas, &MapCanvas::setLayerOrder);
    connect(m_classList, &QListWidget::currentRowChanged, this, &MainWindow::selectClass);

    resize(1440, 900);
    if (const QScreen* screen = QGuiApplication::primaryScreen())
        resize(screen->availableSize() * 0.94);
    m_layers->syncFrom(m_canvas->settings());
    retranslate();
    identify({});
}

MainWindow::~MainWindow() = default;

QDockWidget* MainWindow::addDock(const char* name, QWidget* widget, Qt::DockWidgetArea area)
{
    auto* dock = new QDockWidget(this);
    dock->setObjectName(name);  // its title is set by retranslate(); the name keeps its place in the saved layout
    dock->setWidget(widget);
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::buildDocks()
{
    m_layers = new LayerPanel(*m_renderer, this);
    QDockWidget* layerDock = addDock("layers", m_layers, Qt::LeftDockWidgetArea);
    layerDock->setMinimumWidth(300);

    m_classList = new QListWidget(this);
    for (std::size_t i = 0; i < m_renderer->data().classes.size(); ++i)
        new QListWidgetItem(m_classList);
    showClassColours();
    addDock("classes", m_classList, Qt::LeftDockWidgetArea);

    m_userLayerList = new UserLayerPanel(this);
    addDock("userLayers", m_userLayerList, Qt::LeftDockWidgetArea);
    connect(m_userLayerList, &UserLayerPanel::layerChanged, this, [this](int layer, bool visible, double opacity, bool abovePlan) {
        if (layer < 0 || layer >= static_cast<int>(m_userLayers.size()))
            return;
        render::UserLayer& u = m_userLayers[static_cast<std::size_t>(layer)];
        u.visible = visible;
        u.opacity = opacity;
        u.abovePlan = abovePlan;
        m_canvas->setUserLayers(m_userLayers);
    });
    connect(m_userLayerList, &UserLayerPanel::attributeTableRequested, this, [this](int layer) { openAttributeTable(layer); });
    setAcceptDrops(true);

    m_info = new QTextBrowser(this);
    m_info->setOpenLinks(false);
    QDockWidget* infoDock = addDock("info", m_info, Qt::RightDockWidgetArea);
    infoDock->setMinimumWidth(380);

    m_documents = new DocumentPanel(this);
    QDockWidget* documentDock = addDock("documents", m_documents, Qt::RightDockWidgetArea);
    tabifyDockWidget(infoDock, documentDock);
    infoDock->raise();
    // A cited clause opens the document at it; the county panel's "more" link lists its province-wide targets.
    connect(m_info, &QTextBrowser::anchorClicked, this, [this, documentDock](const QUrl& link) {
        if (link.scheme().isEmpty() && link.hasFragment()) {  // the progress panel's list of scopes
            m_info->scrollToAnchor(link.fragment());
            return;
        }
        if (link.scheme() != "gzplan")
            return;
        if (link.path() == "province-targets") {
            m_allProvinceTargets = true;
            showInfo();
        } else if (link.path() == "clause") {
            documentDock->show();
            documentDock->raise();
            if (!m_documents->open(link))
                showError("document", tr("无法打开出处: %1").arg(link.toString(QUrl::PrettyDecoded)));
        }
    });

    m_table = new MembershipTable(m_renderer->data(), m_selection, this);
    QDockWidget* tableDock = addDock("membership", m_table, Qt::BottomDockWidgetArea);
    resizeDocks({tableDock}, {220}, Qt::Vertical);

    // The actual figures: opened from the toolbar (实际数据); every change reaches the map and the progress panel.
    m_actuals = new ActualsPanel(m_query, this);
    QDockWidget* actualsDock = addDock("actuals", m_actuals, Qt::BottomDockWidgetArea);
    tabifyDockWidget(tableDock, actualsDock);
    tableDock->raise();
    actualsDock->hide();
    connect(m_actuals, &ActualsPanel::changed, this, [this] {
        m_canvas->setProgress(m_actuals->progressData());
        if (isProgressView(m_canvas->settings().theme))
            showInfo();
    });
    connect(m_actuals, &ActualsPanel::error, this, [this](const QString& text) {
        if (text.isEmpty())
            m_messages->withdraw("actuals");
        else
            showError("actuals", text);
    });
    connect(m_actuals, &ActualsPanel::message, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
}

void MainWindow::setActuals(layers::MonitoringRules rules, const layers::DataLocation& store)
{
    m_actuals->setRules(std::move(rules));
    m_actuals->setStore(store);
}

void MainWindow::buildActions()
{
    QToolBar* views = addToolBar(QString());
    views->setObjectName("views");
    m_viewActions = new QActionGroup(this);
    for (const QString& id : render::viewIds()) {
        QAction* action = views->addAction(QString());
        action->setCheckable(true);
        action->setData(id);
        action->setObjectName("view_" + id);
        m_viewActions->addAction(action);
        connect(action, &QAction::triggered, this, [this, id] { showView(*render::viewFromId(id)); });
    }
    m_viewActions->actions().front()->setChecked(true);

    QToolBar* tools = addToolBar(QString());
    tools->setObjectName("mapTools");
    auto add = [&](ActionId id, const std::function<void()>& slot, const QKeySequence& key = {}) {
        QAction* action = tools->addAction(QString());
        action->setData(static_cast<int>(id));
        if (!key.isEmpty())
            action->setShortcut(key);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    add(ProvinceAction, [this] { m_canvas->zoomToProvince(); });
    add(ZoomInAction, [this] { m_canvas->zoomBy(1.5); });
    add(ZoomOutAction, [this] { m_canvas->zoomBy(1 / 1.5); });
    add(ZoomSelectionAction, [this] { zoomToSelection(); }, QKeySequence("Ctrl+J"));
    add(AddLayerAction, [this] { chooseLayerFile(); }, QKeySequence::Open);
    add(ExportAction, [this] { exportMap(); }, QKeySequence::Save);
    add(ExportDataAction, [this] { exportData(); }, QKeySequence("Ctrl+E"));
    add(StyleAction, [this] { chooseStyleFile(); });
    add(AttributeTableAction, [this] { chooseAttributeTable(); }, QKeySequence("Ctrl+T"));
    if (auto* dock = findChild<QDockWidget*>("actuals")) {
        QAction* actuals = dock->toggleViewAction();
        actuals->setData(static_cast<int>(ActualsAction));
        tools->addAction(actuals);
    }
    m_search = new SearchBox(m_query, this);
    m_search->setMinimumWidth(300);
    tools->addWidget(m_search);
    // The measure tools (toggles, one at a time; unchecking returns to identify) and 定位到坐标: after the search box,
    // which keeps its place in a narrow window (they are also in the menu 工具, and on Ctrl+M, Ctrl+Shift+M, Ctrl+G).
    QAction* distance = add(MeasureDistanceAction, [this] { setMeasureTool(findChild<QAction*>("measureDistance")->isChecked() ? 1 : 0); }, QKeySequence("Ctrl+M"));
    distance->setObjectName("measureDistance");
    distance->setCheckable(true);
    QAction* area = add(MeasureAreaAction, [this] { setMeasureTool(findChild<QAction*>("measureArea")->isChecked() ? 2 : 0); }, QKeySequence("Ctrl+Shift+M"));
    area->setObjectName("measureArea");
    area->setCheckable(true);
    QAction* goTo = add(GoToAction, [this] { chooseGoTo(); }, QKeySequence("Ctrl+G"));
    goTo->setObjectName("goTo");

    // 文件: projects (the session in one file: gui/project.h).
    QMenu* file = menuBar()->addMenu(QString());
    file->setObjectName("fileMenu");
    for (const auto& [id, name] : {std::pair{OpenProjectAction, "openProject"}, std::pair{SaveProjectAction, "saveProject"}, std::pair{SaveProjectAsAction, "saveProjectAs"}}) {
        QAction* action = file->addAction(QString());
        action->setData(static_cast<int>(id));
        action->setObjectName(name);
        connect(action, &QAction::triggered, this, [this, id = id] {
            if (id == OpenProjectAction)
                chooseProjectToOpen();
            else
                chooseProjectToSave(id == SaveProjectAsAction);
        });
    }
    file->addSeparator();
    QAction* postgis = file->addAction(QString());
    postgis->setData(static_cast<int>(AddPostgisAction));
    postgis->setObjectName("addPostgisLayer");
    postgis->setShortcut(QKeySequence("Ctrl+Shift+O"));
    connect(postgis, &QAction::triggered, this, [this] { choosePostgisLayer(); });
    QMenu* toolMenu = menuBar()->addMenu(QString());
    toolMenu->setObjectName("toolMenu");
    toolMenu->addActions({distance, area, goTo});
    QMenu* language = menuBar()->addMenu(QString());
    language->setObjectName("languageMenu");
    QAction* zh = language->addAction(QStringLiteral("中文"));
    zh->setData(static_cast<int>(ChineseAction));
    connect(zh, &QAction::triggered, this, [this] { chooseLanguage("zh"); });
    QAction* en = language->addAction(QStringLiteral("English"));
    en->setData(static_cast<int>(EnglishAction));
    connect(en, &QAction::triggered, this, [this] { chooseLanguage("en"); });
    QMenu* projection = menuBar()->addMenu(QString());
    projection->setObjectName("projectionMenu");
    auto* projections = new QActionGroup(this);
    for (const QString& crs : {QString(geo::crs::kAlbersChina), QStringLiteral("EPSG:4544"), QStringLiteral("EPSG:4545")}) {
        QAction* action = projection->addAction(QString());  // named in retranslate()
        action->setCheckable(true);
        action->setChecked(crs == m_renderer->data().crs);
        action->setData(crs);
        projections->addAction(action);
        connect(action, &QAction::triggered, this, [this, crs = crs] { setDisplayCrs(crs); });  // clang 14: no binding captures
    }
    QMenu* help = menuBar()->addMenu(QString());
    help->setObjectName("helpMenu");
    QAction* sources = help->addAction(QString());
    sources->setData(static_cast<int>(SourcesAction));
    connect(sources, &QAction::triggered, this, [this] { QMessageBox::information(this, tr("数据来源"), m_summary); });
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("贵州省新型城镇化规划图"));
    for (QAction* action : m_viewActions->actions())
        action->setText(render::viewTitle(*render::viewFromId(action->data().toString())));
    for (QToolBar* bar : findChildren<QToolBar*>()) {
        bar->setWindowTitle(bar->objectName() == "views" ? tr("视图") : tr("地图"));
        for (QAction* action : bar->actions()) {
            if (action->actionGroup())
                continue;
            switch (action->data().toInt()) {
            case ProvinceAction: action->setText(tr("全省")); action->setToolTip(tr("缩放到全省 (Home)")); break;
            case ZoomInAction: action->setText(tr("放大")); action->setToolTip(tr("放大 (+)")); break;
            case ZoomOutAction: action->setText(tr("缩小")); action->setToolTip(tr("缩小 (-)")); break;
            case ZoomSelectionAction: action->setText(tr("缩放到所选")); action->setToolTip(tr("缩放到所选 (Ctrl+J)")); break;
            case AddLayerAction: action->setText(tr("添加图层")); action->setToolTip(tr("添加矢量图层: GeoPackage、Shapefile、GeoJSON、FlatGeobuf… (Ctrl+O, 或拖放文件到窗口)")); break;
            case ExportAction: action->setText(tr("导出地图")); action->setToolTip(tr("导出当前视图为 PNG、SVG 或 PDF (Ctrl+S)")); break;
            case StyleAction: action->setText(tr("地图样式")); action->setToolTip(tr("用样式文件绘制地图 (JSON: 复制 share/styles/default.json 后修改)")); break;
            case ActualsAction: action->setText(tr("实际数据")); action->setToolTip(tr("实际数据：各目标的实际值、状态与判定规则；录入、更正、撤销与历史")); break;
            case AttributeTableAction: action->setText(tr("属性表")); action->setToolTip(tr("打开图层的属性表: 用户图层或规划图层 (县、区域、通道、地点…) (Ctrl+T)")); break;
            case ExportDataAction: action->setText(tr("导出数据")); action->setToolTip(tr("导出图层为 Shapefile、GeoPackage、GeoJSON、KML、CSV 或 DXF (Ctrl+E)")); break;
            case MeasureDistanceAction: action->setText(tr("测量距离")); action->setToolTip(tr("测量椭球面距离 (CGCS2000): 单击添加点, 右键或 Esc 结束 (Ctrl+M)")); break;
            case MeasureAreaAction: action->setText(tr("测量面积")); action->setToolTip(tr("测量椭球面面积 (CGCS2000): 单击添加顶点, 右键或 Esc 结束 (Ctrl+Shift+M)")); break;
            case GoToAction: action->setText(tr("定位到坐标")); action->setToolTip(tr("定位到经纬度或高斯-克吕格坐标 (Ctrl+G)")); break;
            default: break;
            }
        }
    }
    if (QMenu* file = menuBar()->findChild<QMenu*>("fileMenu")) {
        file->setTitle(tr("文件"));
        for (QAction* action : file->actions())
            if (!action->isSeparator())
                action->setText(action->data().toInt() == OpenProjectAction   ? tr("打开项目…")
                                : action->data().toInt() == SaveProjectAction ? tr("保存项目")
                                : action->data().toInt() == AddPostgisAction  ? tr("添加 PostGIS 图层… (Ctrl+Shift+O)")
                                                                             : tr("另存项目…"));
    }
    if (QMenu* toolMenu = menuBar()->findChild<QMenu*>("toolMenu"))
        toolMenu->setTitle(tr("工具"));
    if (QMenu* language = menuBar()->findChild<QMenu*>("languageMenu"))
        language->setTitle(tr("语言 Language"));
    if (QMenu* projection = menuBar()->findChild<QMenu*>("projectionMenu"))
        projection->setTitle(tr("投影"));
    if (QMenu* projection = menuBar()->findChild<QMenu*>("projectionMenu"))
        for (QAction* action : projection->actions()) {
            const QString crs = action->data().toString();
            action->setText(crs == "EPSG:4544"   ? tr("CGCS2000 高斯-克吕格 3° 105°E (EPSG:4544)")
                            : crs == "EPSG:4545" ? tr("CGCS2000 高斯-克吕格 3° 108°E (EPSG:4545)")
                                                 : tr("Albers 等积 (中国)"));
        }
    if (QMenu* help = menuBar()->findChild<QMenu*>("helpMenu")) {
        help->setTitle(tr("帮助"));
        help->actions().front()->setText(tr("数据来源"));
    }
    for (QDockWidget* dock : findChildren<QDockWidget*>()) {
        if (dock->objectName() == "layers") dock->setWindowTitle(tr("图层"));
        else if (dock->objectName() == "classes") dock->setWindowTitle(tr("县城分类 (点击选中成员)"));
        else if (dock->objectName() == "info") dock->setWindowTitle(tr("信息"));
        else if (dock->objectName() == "membership") dock->setWindowTitle(tr("县城分类表"));
        else if (dock->objectName() == "userLayers") dock->setWindowTitle(tr("用户图层"));
        else if (dock->objectName() == "documents") dock->setWindowTitle(tr("规划文件"));
        else if (dock->objectName() == "actuals") dock->setWindowTitle(tr("实际数据"));
        else if (auto* table = qobject_cast<AttributeTablePanel*>(dock->widget())) {
            table->setLanguage(m_language);
            dock->setWindowTitle(tr("属性表: %1").arg(table->title()));
        }
        else if (dock->objectName() == "stats") dock->setWindowTitle(tr("统计"));
    }
    const auto& classes = m_renderer->data().classes;
    for (int i = 0; i < m_classList->count() && i < static_cast<int>(classes.size()); ++i) {
        const auto& c = classes[static_cast<std::size_t>(i)];
        m_classList->item(i)->setText(QStringLiteral("%1 (%2)").arg(m_language == "en" ? c.nameEn : c.name).arg(c.count));
    }
    m_search->retranslate();
    for (AttributeTablePanel* table : attributeTables()) {
        table->setLanguage(m_language);
        table->retranslate();
    }
    m_layers->retranslate();
    m_table->retranslate();
    m_userLayerList->retranslate();
    m_documents->retranslate();
    m_actuals->retranslate();
    retranslateAnalysis();
    showInfo();
    showScale();
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::setLanguage(const QString& language)
{
    if (m_translator) {
        QApplication::removeTranslator(m_translator.get());
        m_translator.reset();
    }
    m_language = language;
    if (language == "en") {
        m_translator = std::make_unique<QTranslator>();
        if (m_translator->load(":/i18n/gzplan_en.qm"))
            QApplication::installTranslator(m_translator.get());
    } else {
        // Qt's own words (file dialogs, standard buttons) in Chinese: Debian's qt6-translations-l10n. Without it
        // they stay English, and the window says so once on the terminal.
        m_translator = std::make_unique<QTranslator>();
        if (m_translator->load(QLocale(QLocale::Chinese, QLocale::China), "qtbase", "_", QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QApplication::installTranslator(m_translator.get());
        else
            qWarning("gzplan: Qt's Chinese translations (qtbase_zh_CN.qm, package qt6-translations-l10n) not found; Qt's dialogs stay English");
    }
    retranslate();  // also when no LanguageChange arrives (switching back to the source language)
}

void MainWindow::chooseLanguage(const QString& language)
{
    setLanguage(language);
    settings::setLanguage(language);
}

void MainWindow::restoreSettings(const QString& language)
{
    // A layout from another screen or an older set of docks is refused by Qt and the defaults stay.
    restoreGeometry(settings::windowGeometry());
    restoreState(settings::windowState());
    const QString chosen = language.isEmpty() ? settings::language() : language;
    if (!chosen.isEmpty() && chosen != m_language)
        setLanguage(chosen);
}

void MainWindow::saveSettings()
{
    settings::setWindowLayout(saveGeometry(), saveState());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

bool MainWindow::setDisplayCrs(const QString& crs)
{
    if (!m_rendererFactory || crs == m_renderer->data().crs)
        return crs == m_renderer->data().crs;
    std::shared_ptr<const render::MapRenderer> next;
    try {
        next = m_rendererFactory(crs);
    } catch (const std::exception& e) {
        statusBar()->showMessage(tr("无法切换投影: %1").arg(QString::fromUtf8(e.what())), 8000);
        return false;
    }
    const geo::Projection oldToNew(m_renderer->data().crs.toStdString(), crs.toStdString());
    m_renderer = next;
    m_renderers.push_back(next);
    m_toLonLat = std::make_unique<geo::Projection>(crs.toStdString(), geo::crs::kCgcs2000);
    m_canvas->setRenderer(next, [&](geo::Point p) {
        oldToNew.forward(p);
        return p;
    });
    for (QAction* action : menuBar()->findChildren<QAction*>())
        if (action->isCheckable() && action->data() == crs)
            action->setChecked(true);
    // User layers are held in the display CRS: read them again in the new one.
    for (auto it = m_userLayers.begin(); it != m_userLayers.end();) {
        QString error;
        if (auto data = loadLayer(QString::fromStdString(it->data->file().string()), crs, error, it->data->layerName(), false, nullptr, it->data->styleField())) {
            it->data = std::move(data);
            ++it;
        } else {
            statusBar()->showMessage(tr("图层 %1 已移除: %2").arg(it->title, error), 10000);
            it = m_userLayers.erase(it);
        }
    }
    userLayersChanged();  // also when every layer failed to load again: the list and the map lose them
    showScale();
    return true;
}

void MainWindow::showClassColours()
{
    for (int i = 0; i < m_classList->count(); ++i) {
        QPixmap pixmap(14, 14);
        pixmap.fill(m_renderer->classFill(i));
        m_classList->item(i)->setIcon(QIcon(pixmap));
    }
}

QString MainWindow::setStyleFile(const QString& path)
{
    render::Style style;
    QString error;
    if (!render::Style::load(path, style, &error))
        return error;
    auto next = std::make_shared<const render::MapRenderer>(m_renderer->sharedData(), std::move(style));
    m_renderer = next;
    m_renderers.push_back(next);
    m_canvas->setRenderer(next, [](geo::Point p) { return p; });
    for (render::UserLayer& layer : m_userLayers)
        layer.style = render::defaultFeatureStyle(*layer.data, next->style());
    if (!m_userLayers.empty())
        userLayersChanged();
    m_layers->setSymbols(*next);
    showClassColours();
    statusBar()->showMessage(tr("样式: %1").arg(QDir::toNativeSeparators(path)), 5000);
    return {};
}

void MainWindow::chooseStyleFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("地图样式"), QString(), tr("样式文件 (*.json)"));
    if (path.isEmpty())
        return;
    const QString error = setStyleFile(path);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("地图样式"), tr("样式文件未采用:\n%1").arg(error));
}

void MainWindow::showView(render::View view)
{
    for (QAction* action : m_viewActions->actions())
        action->setChecked(action->data().toString() == render::viewId(view));
    m_canvas->setTheme(view);
    m_canvas->zoomToThemeExtent();
    m_layers->syncFrom(m_canvas->settings());
    showInfo();  // the 目标进展 view lists statuses where the others show the plan's content
}

void MainWindow::showError(const QString& key, const QString& text)
{
    m_messages->post(key, text, MessageBar::Level::Error);
}

void MainWindow::identifyAt(QPointF screen)
{
    render::RenderSettings settings = m_canvas->settings();
    settings.dpi = logicalDpiX();
    identify(hitTest(*m_renderer, settings, screen, m_query, *m_toLonLat));
    m_identifiedFeatures = userFeaturesAt(screen);
    // The click picks the user features under it (their attribute tables select the rows); other layers' go.
    for (std::size_t k = 0; k < m_userLayers.size(); ++k) {
        const auto hit = std::find_if(m_identifiedFeatures.begin(), m_identifiedFeatures.end(), [k](const auto& f) { return f.first == static_cast<int>(k); });
        if (hit == m_identifiedFeatures.end() || m_userLayers[k].viewport)  // a layer read by view holds no selection: outlined only
            m_selection->clearUserFeatures(m_userLayers[k].id, m_canvas);
        else
            m_selection->setUserFeatures(m_userLayers[k].id, {m_userLayers[k].data->fid(hit->second)}, m_canvas);
    }
    if (m_identifiedFeatures.empty())
        return;
    QPainterPath outline;
    for (const auto& [layer, feature] : m_identifiedFeatures)
        outline.addPath(render::featurePath(identifiedLayer(layer), feature));
    m_canvas->setFeatureHighlight(outline);
    showInfo();
}

void MainWindow::showInfo() { m_info->setHtml(identifiedHtml()); }

void MainWindow::setPlanTexts(PlanTexts texts) { m_documents->setTexts(std::move(texts), m_query.plan().documents); }

void MainWindow::identify(const Hit& hit)
{
    if (!(hit == m_identified))
        m_allProvinceTargets = false;
    m_identified = hit;
    m_identifiedFeatures.clear();
    m_canvas->setFeatureHighlight({});
    showInfo();
    if (hit.kind == Hit::Kind::County) {
        m_selection->setCounties({hit.id}, m_canvas);
    } else if (hit.kind == Hit::Kind::Prefecture) {
        QSet<QString> codes;
        for (const auto& c : m_renderer->data().counties)
            if (c.prefectureCode == hit.id)
                codes.insert(c.code);
        m_selection->setCounties(codes, m_canvas);
    } else if (hit.kind != Hit::Kind::None)
        m_selection->setFeature(hit.id, m_canvas);
    else
        m_selection->clear(m_canvas);
}

void MainWindow::showObject(const layers::PlanObject& object)
{
    if (object.kind == layers::PlanKind::CountyClass) {
        // As a click in the class list: the row current and its members selected (also when it is current already).
        const auto& classes = m_renderer->data().classes;
        for (int i = 0; i < static_cast<int>(classes.size()); ++i)
            if (classes[static_cast<std::size_t>(i)].id.toStdString() == object.id) {
                if (m_classList->currentRow() == i)
                    selectClass(i);
                else
                    m_classList->setCurrentRow(i);
            }
        return;
    }
    const Hit hit = hitOf(object, m_query.plan());
    const geo::Box b = hitBounds(m_renderer->data(), hit);
    if (!b.isEmpty())
        m_canvas->zoomTo(b);
    identify(hit);
}

void MainWindow::find(const QString& text)
{
    m_search->setText(text);
    m_search->search(text);
}

void MainWindow::selectClass(int index)
{
    const auto& data = m_renderer->data();
    if (index < 0 || index >= static_cast<int>(data.classes.size()))
        return;
    QSet<QString> members;
    for (std::size_t i = 0; i < data.counties.size(); ++i)
        for (int k : data.countyClasses[i])
            if (k == index)
                members.insert(data.counties[i].code);
    m_selection->setCounties(members, m_classList);
}

void MainWindow::zoomToSelection()
{
    geo::Box box = geo::Box::empty();
    for (const auto& c : m_renderer->data().counties)
        if (m_selection->counties().contains(c.code))
            box.expand(c.bounds);
    box.expand(userSelectionBounds());
    if (box.isEmpty() && m_identified.kind != Hit::Kind::None)
        box = hitBounds(m_renderer->data(), m_identified);
    if (!box.isEmpty())
        m_canvas->zoomTo(box);
}

void MainWindow::exportData()
{
    if (!m_exportTables) {
        QMessageBox::warning(this, tr("导出数据"), tr("没有可导出的图层"));
        return;
    }
    ExportDialog dialog(m_exportTables, this);
    if (dialog.exec() == QDialog::Accepted)
        statusBar()->showMessage(tr("已导出 %1 个要素, %2 个文件").arg(dialog.report().features).arg(dialog.report().files.size()), 8000);
}

void MainWindow::exportMap()
{
    const QString folder = settings::lastFolder(settings::Folder::ExportMap);
    // Qt's own dialog (not the desktop's): it takes the option below its file list.
    QFileDialog dialog(this, tr("导出地图"), folder.isEmpty() ? "gzplan-map.pdf" : QDir(folder).filePath("gzplan-map.pdf"),
                       tr("PDF A4 横向 (*.pdf);;PDF A3 横向 (*.pdf);;PNG 150 dpi (*.png);;SVG (*.svg)"));
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    auto* selection = new QCheckBox(tr("包括选中要素的轮廓"), &dialog);
    selection->setObjectName("includeSelection");
    selection->setChecked(false);  // the red outline marks what the user picked in the window, not what the map says
    if (auto* grid = qobject_cast<QGridLayout*>(dialog.layout()))
        grid->addWidget(selection, grid->rowCount(), 0, 1, grid->columnCount());
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().constFirst();
    const QString filter = dialog.selectedNameFilter();
    settings::rememberFolder(settings::Folder::ExportMap, path);
    const QString page = filter.contains("A3") ? "A3" : filter.contains("A4") ? "A4" : QString();
    render::RenderSettings settings = m_canvas->settings();
    if (!selection->isChecked()) {
        settings.highlightCounties.clear();
        settings.highlightFeature.clear();
    }
    const QSize size = page.isEmpty() ? (m_canvas->view().size() * (150.0 / 96.0)).toSize() : render::pagePixels(page, 150);
    // What the canvas shows; where it shows the view's whole extent (the window's own margins around it), that
    // extent: then the page is the one `gzplan render --view` makes, at the same scale.
    const geo::Box shown = m_canvas->view().extent();
    const geo::Box home = m_renderer->viewExtent(settings.theme);
    const bool whole = shown.minX <= home.minX && shown.minY <= home.minY && shown.maxX >= home.maxX && shown.maxY >= home.maxY;
    render::layoutExport(*m_renderer, settings, size, 150, whole ? home : shown, true);
    settings.title = render::mapTitle(settings.theme, static_cast<int>(m_renderer->data().counties.size()));
    settings.sourceNote = tr("规划: GZ2023, GY2025 · 数据: %1 · 边界与位置仅供规划示意").arg(QString::fromStdString(m_query.geography().sourceList()));
    const QString error = render::exportMap(*m_renderer, settings, path, page);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("导出地图"), error);
    else
        statusBar()->showMessage(tr("已导出 %1").arg(path), 5000);
}

void MainWindow::showCursor(geo::Point mapPoint)
{
    // Hovering a zone or central city names it and its functions.
    const render::RenderSettings& settings = m_canvas->settings();
    const Hit hover = hitTest(*m_renderer, settings, settings.view.toScreen(mapPoint), m_query, *m_toLonLat);
    QString tip;
    if (hover.kind == Hit::Kind::Zone) {
        if (const layers::Zone* zone = m_query.plan().zone(hover.id.toStdString())) {
            QStringList functions;
            for (const auto& f : zone->functions)
                functions << QString::fromStdString(f);
            tip = QString::fromStdString(zone->name) + (functions.isEmpty() ? QString() : "\n" + functions.join("；"));
        }
    } else if (hover.kind == Hit::Kind::City) {
        if (const layers::CentralCity* city = m_query.plan().centralCity(hover.id.toStdString()))
            tip = QString::fromStdString(city->name + (city->structure.empty() ? "" : "\n" + city->structure));
    }
    m_canvas->setToolTip(tip);

    geo::Point lonLat = mapPoint;
    if (!m_toLonLat->forward(lonLat)) {
        m_position->clear();
        return;
    }
    const std::string gkCrs = geo::crs::gaussKrugerFor(lonLat.x);
    auto& toGk = m_toGaussKruger[gkCrs];
    if (!toGk)
        toGk = std::make_unique<geo::Projection>(geo::crs::kCgcs2000, gkCrs);
    geo::Point gk = lonLat;
    toGk->forward(gk);
    m_position->setText(tr("经度 %1° 纬度 %2° (CGCS2000)   高斯-克吕格 %3: E %4 m  N %5 m")
                            .arg(lonLat.x, 0, 'f', 5)
                            .arg(lonLat.y, 0, 'f', 5)
                            .arg(QString::fromStdString(gkCrs))
                            .arg(gk.x, 0, 'f', 1)
                            .arg(gk.y, 0, 'f', 1));
}

void MainWindow::showScale()
{
    if (m_scale)
        m_scale->setText(tr("比例尺 1:%L1").arg(m_canvas->view().scaleDenominator(logicalDpiX()), 0, 'f', 0));
}

}  // namespace app::gui
