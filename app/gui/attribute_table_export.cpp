// The attribute table's export (gui/attribute_table.h): 导出 → CSV / XLSX, all rows or only the selected ones, in the
// table's order, filter and column order, written on a worker thread by layers::analysis::writeAttributeTable (the
// one CSV/XLSX table writer, shared with the statistics' export) over its own instance of the table.
#include "gui/attribute_table.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QRegularExpression>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "gui/settings.h"
#include "layers/analysis.h"
#include "layers/exporter.h"

namespace app::gui {

namespace {
struct ExportOutcome {
    QString error;  ///< empty: written
    bool cancelled = false;
    qint64 rows = 0;
};
}  // namespace

void AttributeTablePanel::buildExport()
{
    m_exportMenu = new QMenu(this);
    m_exportMenu->setObjectName("exportMenu");
    m_exportCsv = m_exportMenu->addAction(QString());
    m_exportCsv->setObjectName("exportCsv");
    m_exportXlsx = m_exportMenu->addAction(QString());
    m_exportXlsx->setObjectName("exportXlsx");
    m_exportMenu->addSeparator();
    m_exportSelected = m_exportMenu->addAction(QString());
    m_exportSelected->setObjectName("exportSelectedOnly");
    m_exportSelected->setCheckable(true);
    m_export->setMenu(m_exportMenu);
    m_export->setPopupMode(QToolButton::InstantPopup);
    connect(m_exportCsv, &QAction::triggered, this, [this] { chooseExportFile(false); });
    connect(m_exportXlsx, &QAction::triggered, this, [this] { chooseExportFile(true); });
    // The same menu on the rows' context menu.
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](QPoint at) { m_exportMenu->popup(m_view->viewport()->mapToGlobal(at)); });

    // Progress, cancel and the outcome: a line under the table.
    auto* line = new QHBoxLayout;
    m_exportProgress = new QProgressBar(this);
    m_exportProgress->setObjectName("exportProgress");
    m_exportProgress->setMaximumHeight(fontMetrics().height() + 4);
    m_exportCancel = new QToolButton(this);
    m_exportCancel->setObjectName("exportCancel");
    m_exportStatus = new QLabel(this);
    m_exportStatus->setObjectName("exportStatus");
    m_exportStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_exportStatus->setWordWrap(true);
    line->addWidget(m_exportProgress, 1);
    line->addWidget(m_exportCancel);
    line->addWidget(m_exportStatus, 2);
    static_cast<QVBoxLayout*>(layout())->addLayout(line);
    m_exportProgress->hide();
    m_exportCancel->hide();
    m_exportStatus->hide();
    connect(m_exportCancel, &QToolButton::clicked, this, &AttributeTablePanel::cancelExport);
    m_exportTimer = new QTimer(this);
    m_exportTimer->setInterval(100);
    connect(m_exportTimer, &QTimer::timeout, this, [this] {
        if (!m_exportState)
            return;
        const std::size_t total = m_exportState->total, done = m_exportState->done;
        m_exportProgress->setRange(0, total ? 1000 : 0);
        if (total)
            m_exportProgress->setValue(static_cast<int>(1000.0 * static_cast<double>(done) / static_cast<double>(total)));
        m_exportProgress->setFormat(tr("已写 %1 / %2 行").arg(done).arg(total));
    });
}

void AttributeTablePanel::retranslateExport()
{
    m_export->setText(tr("导出"));
    m_export->setToolTip(tr("把表格的行导出为 CSV 或 Excel (XLSX): 当前的筛选、排序和列顺序, 表头为字段名"));
    m_exportCsv->setText(tr("导出为 CSV (UTF-8)…"));
    m_exportXlsx->setText(tr("导出为 Excel (XLSX)…"));
    m_exportSelected->setText(tr("仅导出所选"));
    m_exportCancel->setText(tr("取消"));
}

bool AttributeTablePanel::exportSelectedOnly() const { return m_exportSelected->isChecked(); }

void AttributeTablePanel::chooseExportFile(bool xlsx)
{
    const QString folder = settings::lastFolder(settings::Folder::ExportData);
    QString name = m_title.isEmpty() ? QStringLiteral("table") : m_title;
    name.replace(QRegularExpression(QStringLiteral("[\\\\/:*?\"<>|]")), QStringLiteral("_"));
    name += xlsx ? ".xlsx" : ".csv";
    // The dialog asks before an existing file is replaced.
    QString path = QFileDialog::getSaveFileName(this, tr("导出属性表"), folder.isEmpty() ? name : QDir(folder).filePath(name),
                                                xlsx ? tr("Excel (*.xlsx)") : tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += xlsx ? ".xlsx" : ".csv";
    settings::rememberFolder(settings::Folder::ExportData, path);
    exportRows(path, exportSelectedOnly());
}

bool AttributeTablePanel::exportRows(const QString& path, bool selectedOnly)
{
    auto refuse = [this](const QString& text) {
        showError(text);
        m_exportStatus->hide();
        return false;
    };
    if (m_exportState)
        return refuse(tr("导出尚未结束: 等它完成或取消后再导出"));
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != "csv" && suffix != "xlsx")
        return refuse(tr("无法导出到 %1: 请用 .csv 或 .xlsx 文件").arg(QDir::toNativeSeparators(path)));
    layers::analysis::AttributeExportOptions options;
    options.force = true;  // the file dialog has asked before replacing a file
    // The columns as the header shows them (moved or not), hidden ones left out.
    const QHeaderView* header = m_view->horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            options.columns.push_back(logical);
    }
    if (selectedOnly) {
        const auto fids = linkedFids();
        if (fids->empty())
            return refuse(tr("没有选中的行: 先选择要导出的行, 或取消“仅导出所选”"));
        options.onlyFids = *fids;
    }
    m_exportState = std::make_shared<ExportState>();
    options.progress = [state = m_exportState](std::size_t done, std::size_t total) {
        state->done = done;
        state->total = total;
        return !state->cancel.load();
    };
    // The worker's own instance of the table, in the order the rows have now.
    auto open = m_model->table().opener();
    layers::AttributeOrder order = m_model->table().order();
    showError({});
    m_exportStatus->setText(tr("正在导出到 %1…").arg(QDir::toNativeSeparators(path)));
    m_exportStatus->show();
    m_exportProgress->setRange(0, 0);
    m_exportProgress->setFormat(QString());
    m_exportProgress->show();
    m_exportCancel->show();
    m_exportCancel->setEnabled(true);
    m_export->setEnabled(false);
    m_exportTimer->start();
    auto* watcher = new QFutureWatcher<ExportOutcome>(this);
    connect(watcher, &QFutureWatcher<ExportOutcome>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        const ExportOutcome o = watcher->result();
        m_exportTimer->stop();
        m_exportState.reset();
        m_exportProgress->hide();
        m_exportCancel->hide();
        m_export->setEnabled(true);
        const QString name = QDir::toNativeSeparators(path);
        if (o.cancelled) {
            m_exportStatus->setText(tr("导出已取消, 未写入 %1").arg(name));
            emit exportFinished(tr("已取消"), 0);
        } else if (!o.error.isEmpty()) {
            m_exportStatus->hide();
            showError(o.error);
            emit exportFinished(o.error, 0);
        } else {
            m_exportStatus->setText(tr("已导出 %1 行到 %2").arg(o.rows).arg(name));
            emit exportFinished({}, o.rows);
        }
    });
    watcher->setFuture(QtConcurrent::run([open = std::move(open), order = std::move(order), options = std::move(options), file = path.toStdString(), path]() mutable {
        ExportOutcome out;
        try {
            auto table = open();
            table->applyOrder(std::move(order));
            out.rows = static_cast<qint64>(layers::analysis::writeAttributeTable(*table, file, options));
        } catch (const layers::ExportCancelled&) {
            out.cancelled = true;
        } catch (const std::exception& e) {
            out.error = tr("导出失败, 未写入 %1: %2").arg(QDir::toNativeSeparators(path), QString::fromUtf8(e.what()));
        }
        return out;
    }));
    return true;
}

AttributeTablePanel::~AttributeTablePanel()
{
    if (m_exportState)
        m_exportState->cancel = true;  // the table closed: its export is not finished behind the user's back
}

void AttributeTablePanel::cancelExport()
{
    if (!m_exportState)
        return;
    m_exportState->cancel = true;
    m_exportCancel->setEnabled(false);
}

}  // namespace app::gui
