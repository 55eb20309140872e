#include "gui/export_dialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>

#include "geo/projection.h"
#include "gui/settings.h"

namespace app::gui {

ExportDialog::ExportDialog(std::shared_ptr<const std::vector<layers::ExportTable>> tables, QWidget* parent)
    : QDialog(parent), m_tables(std::move(tables))
{
    setWindowTitle(tr("导出数据"));
    m_ui.layer = new QComboBox(this);
    m_ui.layer->addItem(tr("全部图层"), "all");
    for (const auto& t : *m_tables)
        m_ui.layer->addItem(QStringLiteral("%1 (%2)").arg(QString::fromStdString(t.title), QString::fromStdString(t.id)), QString::fromStdString(t.id));
    m_ui.format = new QComboBox(this);
    m_ui.format->addItem("ESRI Shapefile (.shp)", "shp");
    m_ui.format->addItem("GeoPackage (.gpkg)", "gpkg");
    m_ui.format->addItem("GeoJSON (.geojson)", "geojson");
    m_ui.format->addItem("KML (.kml, WGS 84)", "kml");
    m_ui.format->addItem("CSV (.csv, WKT)", "csv");
    m_ui.format->addItem("DXF (.dxf, CAD)", "dxf");
    m_ui.crs = new QComboBox(this);
    m_ui.crs->setEditable(true);  // any EPSG code or PROJ string
    m_ui.crs->addItem(tr("EPSG:4490 CGCS2000 经纬度"), "EPSG:4490");
    m_ui.crs->addItem(tr("EPSG:4326 WGS 84 经纬度"), "EPSG:4326");
    m_ui.crs->addItem(tr("EPSG:4543 CGCS2000 高斯-克吕格 3° 102°E"), "EPSG:4543");
    m_ui.crs->addItem(tr("EPSG:4544 CGCS2000 高斯-克吕格 3° 105°E"), "EPSG:4544");
    m_ui.crs->addItem(tr("EPSG:4545 CGCS2000 高斯-克吕格 3° 108°E"), "EPSG:4545");
    m_ui.crs->addItem(tr("EPSG:4546 CGCS2000 高斯-克吕格 3° 111°E"), "EPSG:4546");
    m_ui.crs->addItem(tr("EPSG:3857 Web Mercator"), "EPSG:3857");
    m_ui.encoding = new QComboBox(this);
    m_ui.encoding->addItem(tr("UTF-8 (带 .cpg)"), "UTF-8");
    m_ui.encoding->addItem(tr("GBK (旧版 ArcGIS)"), "GBK");
    m_ui.target = new QLineEdit(this);
    auto* browse = new QPushButton(tr("浏览…"), this);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    auto* targetRow = new QHBoxLayout;
    targetRow->addWidget(m_ui.target);
    targetRow->addWidget(browse);
    m_ui.force = new QCheckBox(tr("覆盖已有文件"), this);

    auto* form = new QFormLayout;
    form->addRow(tr("图层"), m_ui.layer);
    form->addRow(tr("格式"), m_ui.format);
    form->addRow(tr("坐标系"), m_ui.crs);
    m_ui.crsAdvice = new QLabel(this);
    m_ui.crsAdvice->setWordWrap(true);
    form->addRow(QString(), m_ui.crsAdvice);
    connect(m_ui.layer, &QComboBox::currentIndexChanged, this, &ExportDialog::adviseCrs);
    adviseCrs();
    form->addRow(tr("Shapefile 文字编码"), m_ui.encoding);
    form->addRow(tr("保存到"), targetRow);
    form->addRow(QString(), m_ui.force);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (runExport())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

void ExportDialog::adviseCrs()
{
    std::vector<const layers::ExportTable*> chosen;
    for (const auto& t : *m_tables)
        if (m_ui.layer->currentData() == "all" || m_ui.layer->currentData().toString().toStdString() == t.id)
            chosen.push_back(&t);
    const geo::Box box = layers::lonLatBounds(chosen);
    if (box.isEmpty()) {
        m_ui.crsAdvice->setText(tr("此图层没有几何, 坐标系不影响导出"));
        return;
    }
    const geo::crs::GaussKrugerAdvice a = geo::crs::gaussKrugerAdvice(box);
    m_ui.crsAdvice->setText(tr("建议投影坐标系: %1 (中央经线 %2°E, 离范围中心最近); 范围最远边缘的长度变形约 %3 ppm (%4 m/km)")
                                .arg(QString::fromStdString(a.crs))
                                .arg(a.centralMeridian)
                                .arg(a.maxScaleErrorPpm, 0, 'f', 0)
                                .arg(a.maxScaleErrorPpm / 1000, 0, 'f', 1));
}

void ExportDialog::browse()
{
    const QString format = m_ui.format->currentData().toString();
    const bool folder = m_ui.layer->currentData() == "all" && format != "gpkg";
    const QString start = settings::lastFolder(settings::Folder::ExportData);
    const QString path = folder ? QFileDialog::getExistingDirectory(this, tr("导出到文件夹"), start)
                                : QFileDialog::getSaveFileName(this, tr("导出到"), start, QStringLiteral("*.%1").arg(QString::fromStdString(layers::formatExtension(format.toStdString()))));
    if (path.isEmpty())
        return;
    settings::rememberFolder(settings::Folder::ExportData, path);
    m_ui.target->setText(folder ? path + "/guizhou_plan_" + format : path);
}

bool ExportDialog::runExport(bool quiet)
{
    m_error.clear();
    std::vector<const layers::ExportTable*> chosen;
    for (const auto& t : *m_tables)
        if (m_ui.layer->currentData() == "all" || m_ui.layer->currentData().toString().toStdString() == t.id)
            chosen.push_back(&t);
    layers::ExportOptions options;
    options.format = m_ui.format->currentData().toString().toStdString();
    const QString crs = m_ui.crs->currentText() == m_ui.crs->itemText(m_ui.crs->currentIndex()) ? m_ui.crs->currentData().toString() : m_ui.crs->currentText();
    options.crs = crs.section(' ', 0, 0).toStdString();
    options.encoding = m_ui.encoding->currentData().toString().toStdString();
    options.force = m_ui.force->isChecked();
    QProgressDialog progress(tr("正在导出…"), tr("取消"), 0, 1000, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    try {
        m_report = layers::exportTables(chosen, m_ui.target->text().toStdString(), options, [&](double done, const std::string& what) {
            progress.setValue(static_cast<int>(done * 1000));
            progress.setLabelText(tr("正在导出 %1…").arg(QString::fromStdString(what)));
            QApplication::processEvents();
            return !progress.wasCanceled();
        });
    } catch (const std::exception& e) {
        m_error = QString::fromUtf8(e.what());
        if (!quiet)
            QMessageBox::warning(this, tr("导出数据"), m_error);
        return false;
    }
    progress.setValue(1000);
    // Also a typed target: the next export starts beside this one. Its parent folder, as the target of "all layers"
    // may be a folder the export made.
    settings::rememberFolder(settings::Folder::ExportData, QFileInfo(m_ui.target->text()).absolutePath());
    if (!quiet && !m_report.warnings.empty()) {
        QStringList warnings;
        for (const auto& w : m_report.warnings)
            warnings << QString::fromStdString(w);
        QMessageBox::information(this, tr("导出数据"), warnings.join("\n"));
    }
    return true;
}

}  // namespace app::gui
