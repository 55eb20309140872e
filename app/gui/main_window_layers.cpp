// MainWindow's user layers: adding them (file dialog, drag and drop, the command line's --add) behind a cancellable
// progress dialog, the user-layer list, and the user feature under a point. The rest of the window: main_window.cpp.
#include "gui/main_window.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QTextBrowser>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QStatusBar>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

#include "gui/actuals_panel.h"
#include "gui/info_html.h"
#include "gui/layer_panel.h"
#include "gui/map_canvas.h"
#include "gui/message_bar.h"
#include "gui/postgis_dialog.h"
#include "gui/progress_panel.h"
#include "gui/settings.h"
#include "gui/user_layer_panel.h"
#include "layers/errors.h"
#include "layers/feature_layer.h"
#include "layers/viewport_layer.h"

namespace app::gui {

void MainWindow::chooseLayerFile()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("添加图层"), settings::lastFolder(settings::Folder::AddLayer),
        tr("矢量数据") + " (*.gpkg *.shp *.geojson *.json *.fgb *.kml *.gml *.sqlite *.tab *.mif *.csv);;" + tr("所有文件") + " (*)");
    if (!files.isEmpty())
        settings::rememberFolder(settings::Folder::AddLayer, files.front());
    for (const QString& file : files) {
        const QString error = addLayerFile(file);
        if (!error.isEmpty() && error != tr("已取消"))
            QMessageBox::warning(this, tr("无法添加图层"), error);
    }
}

void MainWindow::choosePostgisLayer()
{
    PostgisDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted || dialog.reference().isEmpty())
        return;
    const QString error = addLayerFile(dialog.reference());
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("无法添加图层"), error);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        for (const QUrl& url : event->mimeData()->urls())
            if (url.isLocalFile()) {
                event->acceptProposedAction();
                return;
            }
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList files;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile())
            files << url.toLocalFile();
    event->acceptProposedAction();
    // Loading shows its own modal progress; leave the drop handler first.
    QTimer::singleShot(0, this, [this, files] {
        for (const QString& file : files) {
            const QString error = addLayerFile(file);
            if (!error.isEmpty() && error != tr("已取消"))
                QMessageBox::warning(this, tr("无法添加图层"), error);
        }
    });
}

std::shared_ptr<const layers::FeatureLayer> MainWindow::loadLayer(const QString& file, const QString& crs, QString& error, const std::string& layerName, bool skipBad,
                                                                  bool* unreadable, const std::string& styleField)
{
    QProgressDialog progress(tr("正在加载 %1 …").arg(QFileInfo(file).fileName()), tr("取消"), 0, 1000, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    struct Loaded {
        std::shared_ptr<const layers::FeatureLayer> layer;
        QString error;
        bool cancelled = false;
        bool unreadable = false;
    };
    // Shared with the worker, which may outlive this call: Cancel returns at once even while GDAL is inside one
    // call that cannot be interrupted (parsing a huge GeoJSON feature); the worker then ends on its own and its
    // result is dropped.
    struct State {
        std::atomic<int> done{0};
        std::atomic<bool> cancel{false};
        layers::FeatureLayerOptions options;
    };
    auto state = std::make_shared<State>();
    state->options.displayCrs = crs.toStdString();
    state->options.layer = layerName;
    state->options.skipBad = skipBad;
    state->options.styleField = styleField;
    // Exceptions are caught on the worker: QtConcurrent only carries QException across threads.
    QFuture<Loaded> future = QtConcurrent::run([state, path = file.toStdString()] {
        Loaded out;
        try {
            out.layer = layers::FeatureLayer::load(path, state->options, [state](double share) {
                state->done = static_cast<int>(share * 1000);
                return !state->cancel.load();
            });
        } catch (const layers::LoadCancelled&) {
            out.cancelled = true;
        } catch (const layers::UnreadableFeatures& e) {
            out.unreadable = true;
            out.error = QString::fromUtf8(e.what());
        } catch (const std::exception& e) {
            out.error = QString::fromUtf8(e.what());
        }
        return out;
    });
    QFutureWatcher<Loaded> watcher;
    QEventLoop loop;
    connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    QTimer tick;
    connect(&tick, &QTimer::timeout, this, [&] {
        progress.setValue(state->done);
        if (progress.wasCanceled()) {
            state->cancel = true;
            loop.quit();  // within 50 ms of the click, whatever the worker is doing
        }
    });
    tick.start(50);
    watcher.setFuture(future);
    if (!future.isFinished())
        loop.exec();  // user input reaches the progress dialog (its Cancel); the dialog is modal to the window
    tick.stop();
    progress.setValue(1000);
    if (state->cancel && !future.isFinished()) {
        error = tr("已取消");
        if (unreadable)
            *unreadable = false;
        return nullptr;
    }
    const Loaded loaded = future.result();
    if (loaded.cancelled)
        error = tr("已取消");
    else if (!loaded.layer)
        error = loaded.error;
    if (unreadable)
        *unreadable = loaded.unreadable;
    return loaded.layer;
}

QString MainWindow::addPostgresLayer(const QString& text)
{
    // A PostGIS table, read one view at a time on the canvas's render thread (layers::ViewportLayer); opening it asks
    // the server for the table, its overviews and the province view (for the legend), on a worker.
    struct Opened {
        std::shared_ptr<const layers::ViewportLayer> viewport;
        std::shared_ptr<const layers::FeatureLayer> province;
        QString error;
    };
    QFuture<Opened> future = QtConcurrent::run([text = text.toStdString(), crs = m_renderer->data().crs.toStdString(), extent = m_renderer->data().extent] {
        Opened out;
        try {
            const layers::PostgresLayerName name = *layers::postgresLayerName(text);
            auto viewport = layers::ViewportLayer::open(name.location, name.table, crs);
            out.province = viewport->read(extent, 1e9).features;
            out.viewport = std::move(viewport);
        } catch (const std::exception& e) {
            out.error = QString::fromUtf8(e.what());
        }
        return out;
    });
    QFutureWatcher<Opened> watcher;
    QEventLoop loop;
    connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    if (!future.isFinished())
        loop.exec();
    const Opened opened = future.result();
    if (!opened.viewport)
        return opened.error;
    render::UserLayer layer;
    layer.id = QStringLiteral("user:%1").arg(m_nextUserLayer++);
    layer.title = QString::fromStdString(opened.viewport->title());
    layer.style = render::defaultFeatureStyle(*opened.province, m_renderer->style());
    layer.data = opened.province;
    layer.viewport = opened.viewport;
    m_userLayers.push_back(layer);
    statusBar()->showMessage(tr("已添加 %1: 按视图从数据库读取, %2 个分辨率层级").arg(layer.title).arg(opened.viewport->bands().size()) +
                                 (opened.viewport->bands().size() == 1 ? tr("; 无概览表, 全省视图将读取整个表 (gzplan db overview 可生成概览)") : QString()),
                             10000);
    userLayersChanged();
    return {};
}

QString MainWindow::addLayerFile(const QString& file)
{
    if (file.startsWith(QLatin1String("PG:")))
        return addPostgresLayer(file);
    QString error;
    bool unreadable = false;
    auto data = loadLayer(file, m_renderer->data().crs, error, {}, false, &unreadable);
    // Features that cannot be read whole are never dropped silently: the user decides, knowing which.
    if (!data && unreadable &&
        QMessageBox::question(this, tr("无法完整读取的要素"),
                              tr("%1\n\n跳过这些要素并加载其余要素? 跳过的数量会显示在状态栏.").arg(error),
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes)
        data = loadLayer(file, m_renderer->data().crs, error, {}, true);
    if (!data)  // nothing was added: the layer list and the map are as they were
        return error.isEmpty() ? tr("%1: 无法读取 (GDAL 未说明原因)").arg(file) : error;
    const render::UserLayer& layer = appendUserLayer(file, data);
    statusBar()->showMessage(tr("已添加 %1: %2 个要素, %3 s, 内存 %4 MB")
                                 .arg(layer.title)
                                 .arg(data->size())
                                 .arg(data->loadSeconds(), 0, 'f', 2)
                                 .arg(double(data->memoryBytes()) / 1048576.0, 0, 'f', 1) +
                                 (data->skipped() ? tr("; 跳过 %1 个无法读取的要素").arg(data->skipped()) : QString()) +
                                 // how the file was read (an encoding or CRS assumed): shown until the next message
                                 (data->notes().empty() ? QString() : QStringLiteral(" · ") + QString::fromStdString(data->notes().front())),
                             data->skipped() || !data->notes().empty() ? 0 : 10000);
    userLayersChanged();
    return {};
}

render::UserLayer& MainWindow::appendUserLayer(const QString& file, std::shared_ptr<const layers::FeatureLayer> data)
{
    render::UserLayer layer;
    layer.id = QStringLiteral("user:%1").arg(m_nextUserLayer++);
    layer.title = QStringLiteral("%1 · %2").arg(QFileInfo(file).fileName(), QString::fromStdString(data->layerName()));
    layer.style = render::defaultFeatureStyle(*data, m_renderer->style());
    layer.data = std::move(data);
    m_userLayers.push_back(layer);
    return m_userLayers.back();
}

QStringList MainWindow::addLayerFiles(const QStringList& files)
{
    QStringList failures;
    for (const QString& file : files) {
        const QString error = addLayerFile(file);
        if (error.isEmpty() || error == tr("已取消"))
            continue;
        // The causes a user can act on in the window's language; anything else in GDAL's own (English) words, said
        // to be such. The terminal gets the loader's message as it is.
        const QFileInfo info(file);
        QString message;
        if (file.startsWith(QLatin1String("PG:")))
            message = tr("无法添加数据库图层: %1").arg(error);  // the error names the server without its password
        else if (!info.exists())
            message = tr("无法添加图层 %1: 文件不存在").arg(file);
        else if (!info.isReadable())
            message = tr("无法添加图层 %1: 没有读取权限").arg(file);
        else
            message = error.contains(file) ? tr("无法添加图层: %1 (GDAL 的说明)").arg(error) : tr("无法添加图层 %1: %2 (GDAL 的说明)").arg(file, error);
        showError("add:" + file, message);
        failures << (error.contains(file) ? error : file + ": " + error);
    }
    return failures;
}

void MainWindow::userLayersChanged()
{
    // Features identified before are indices into the old layers (a CRS change reads them again): let go of them.
    if (!m_identifiedFeatures.empty()) {
        m_identifiedFeatures.clear();
        m_canvas->setFeatureHighlight({});
        m_info->setHtml(identifiedHtml());
    }
    m_userLayerList->setLayers(m_userLayers);
    m_canvas->setUserLayers(m_userLayers);
    showUserSelection();  // indices into the layers as read now
    layersChangedForAnalysis();
}

std::vector<std::pair<int, std::uint32_t>> MainWindow::userFeaturesAt(QPointF screen) const
{
    const render::MapView& view = m_canvas->view();
    const geo::Point p = view.toMap(screen);
    std::vector<std::pair<int, std::uint32_t>> out;
    m_identifiedViews.clear();
    for (std::size_t k = m_userLayers.size(); k-- > 0;) {
        const render::UserLayer& u = m_userLayers[k];
        if (!u.visible)
            continue;
        if (u.viewport) {
            // a layer read by view: the features of the view the frame drew (cached; read again if it went), and the
            // attributes of the one under the point asked of the server (userFeatureHtml)
            try {
                layers::ViewportLayer::View drawn = u.viewport->read(view.extent(), u.viewport->metresPerPixel(view.unitsPerPixel()));
                if (const auto hit = drawn.features->featureAt(p, 3 * view.unitsPerPixel())) {
                    out.emplace_back(static_cast<int>(k), *hit);
                    m_identifiedViews[static_cast<int>(k)] = std::move(drawn);
                }
            } catch (const std::exception& e) {
                m_messages->post(QStringLiteral("viewport:") + u.id, tr("图层 %1 无法从数据库读取: %2").arg(u.title, QString::fromUtf8(e.what())),
                                 MessageBar::Level::Error);
            }
            continue;
        }
        if (const auto hit = u.data->featureAt(p, 3 * view.unitsPerPixel()))
            out.emplace_back(static_cast<int>(k), *hit);
    }
    return out;
}

std::pair<int, std::uint32_t> MainWindow::userFeatureAt(QPointF screen) const
{
    const auto all = userFeaturesAt(screen);
    return all.empty() ? std::pair<int, std::uint32_t>{-1, 0} : all.front();
}

const layers::FeatureLayer& MainWindow::identifiedLayer(int layer) const
{
    const auto view = m_identifiedViews.find(layer);
    return view != m_identifiedViews.end() ? *view->second.features : *m_userLayers[static_cast<std::size_t>(layer)].data;
}

QString MainWindow::userFeatureHtml(int layer, std::uint32_t feature) const
{
    const render::UserLayer& u = m_userLayers[static_cast<std::size_t>(layer)];
    if (const auto view = m_identifiedViews.find(layer); u.viewport && view != m_identifiedViews.end()) {
        // a PostGIS table's row, or at coarse scales a cell of its overview: asked of the server by its key
        const layers::ViewportBand& band = *view->second.band;
        const std::int64_t fid = view->second.features->fid(feature);
        QString html = QStringLiteral("<h3>%1</h3><p>%2</p><table>")
                           .arg(u.title.toHtmlEscaped(),
                                band.cellDegrees > 0 ? tr("概览格网 %1° (gzplan db overview): 格内面积最大的类别, 非单个要素; 放大到 1:100,000 左右可查询要素")
                                                           .arg(band.cellDegrees)
                                                     : tr("PostGIS 表 %1, 要素 %2").arg(QString::fromStdString(band.table)).arg(fid));
        try {
            for (const auto& a : u.viewport->attributes(band, fid))
                html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                            .arg(QString::fromStdString(a.name).toHtmlEscaped(), QString::fromStdString(a.value).toHtmlEscaped());
        } catch (const std::exception& e) {
            html += QStringLiteral("<tr><td colspan=2>%1</td></tr>").arg(QString::fromUtf8(e.what()).toHtmlEscaped());
        }
        return html + QStringLiteral("</table><p><small>%1</small></p>").arg(tr("来源: %1 (用户数据, 非规划文件)").arg(QString::fromStdString(u.viewport->reference()).toHtmlEscaped()));
    }
    QString html = QStringLiteral("<h3>%1</h3><p>%2</p><table>").arg(u.title.toHtmlEscaped(), tr("用户图层, 要素 %1").arg(u.data->fid(feature)));
    try {
        for (const auto& a : u.data->attributes(feature))
            html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                        .arg(QString::fromStdString(a.name).toHtmlEscaped(), QString::fromStdString(a.value).toHtmlEscaped());
    } catch (const std::exception& e) {
        html += QStringLiteral("<tr><td colspan=2>%1</td></tr>").arg(QString::fromUtf8(e.what()).toHtmlEscaped());
    }
    return html + QStringLiteral("</table><p><small>%1</small></p>").arg(tr("来源: %1 (用户数据, 非规划文件)").arg(QString::fromStdString(u.data->file().string()).toHtmlEscaped()));
}

QString MainWindow::identifiedHtml() const
{
    // The plan object first (the map is the plan's), then what the user's layers hold at that point.
    // In the 目标进展 view the plan object's targets with their statuses (progress_panel.h).
    const InfoOptions options{&m_documents->texts(), m_allProvinceTargets};
    auto planHtml = [&] {
        if (!isProgressView(m_canvas->settings().theme))
            return infoHtml(m_query, m_renderer->data(), m_identified, options);
        const auto data = m_actuals->progressData();
        return progressHtml(m_query, m_identified, data ? *data : render::ProgressData{});
    };
    if (m_identifiedFeatures.empty())
        return planHtml();
    QString html;
    if (m_identified.kind != Hit::Kind::None)
        html = planHtml() + QStringLiteral("<hr><p><b>%1</b></p>").arg(tr("此处的用户图层要素"));
    for (const auto& [layer, feature] : m_identifiedFeatures)
        html += userFeatureHtml(layer, feature);
    return html;
}

}  // namespace app::gui
