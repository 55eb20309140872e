#include "gui/export_dialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>

namespace app::gui {

ExportDialog::ExportDialog(std::shared_ptr<const std::vector<layers::ExportTable>> tables, QWidget* parent)
    : QDialog(parent), m_tables(std::move(tables))
{
    setWindowTitle(tr("导出数据"));
    m_layer = new QComboBox(this);
    m_layer->addItem(tr("全部图层"), "all");
    for (const auto& t : *m_tables)
        m_layer->addItem(QStringLiteral("%1 (%2)").arg(QString::fromStdString(t.title), QString::fromStdString(t.id)), QString::fromStdString(t.id));
    m_format = new QComboBox(this);
    m_format->addItem("ESRI Shapefile (.shp)", "shp");
    m_format->addItem("GeoPackage (.gpkg)", "gpkg");
    m_format->addItem("GeoJSON (.geojson)", "geojson");
    m_format->addItem("KML (.kml, WGS 84)", "kml");
    m_format->addItem("CSV (.csv, WKT)", "csv");
    m_format->addItem("DXF (.dxf, CAD)", "dxf");
    m_crs = new QComboBox(this);
    m_crs->setEditable(true);  // any EPSG code or PROJ string
    m_crs->addItem(tr("EPSG:4490 CGCS2000 经纬度"), "EPSG:4490");
    m_crs->addItem(tr("EPSG:4326 WGS 84 经纬度"), "EPSG:4326");
    m_crs->addItem(tr("EPSG:4543 CGCS2000 高斯-克吕格 3° 102°E"), "EPSG:4543");
    m_crs->addItem(tr("EPSG:4544 CGCS2000 高斯-克吕格 3° 105°E"), "EPSG:4544");
    m_crs->addItem(tr("EPSG:4545 CGCS2000 高斯-克吕格 3° 108°E"), "EPSG:4545");
    m_crs->addItem(tr("EPSG:4546 CGCS2000 高斯-克吕格 3° 111°E"), "EPSG:4546");
    m_crs->addItem(tr("EPSG:3857 Web Mercator"), "EPSG:3857");
    m_encoding = new QComboBox(this);
    m_encoding->addItem(tr("UTF-8 (带 .cpg)"), "UTF-8");
    m_encoding->addItem(tr("GBK (旧版 ArcGIS)"), "GBK");
    m_target = new QLineEdit(this);
    auto* browse = new QPushButton(tr("浏览…"), this);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    auto* targetRow = new QHBoxLayout;
    targetRow->addWidget(m_target);
    targetRow->addWidget(browse);
    m_force = new QCheckBox(tr("覆盖已有文件"), this);

    auto* form = new QFormLayout;
    form->addRow(tr("图层"), m_layer);
    form->addRow(tr("格式"), m_format);
    form->addRow(tr("坐标系"), m_crs);
    form->addRow(tr("Shapefile 文字编码"), m_encoding);
    form->addRow(tr("保存到"), targetRow);
    form->addRow(QString(), m_force);
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

void ExportDialog::browse()
{
    const QString format = m_format->currentData().toString();
    const bool folder = m_layer->currentData() == "all" && format != "gpkg";
    const QString path = folder ? QFileDialog::getExistingDirectory(this, tr("导出到文件夹"))
                                : QFileDialog::getSaveFileName(this, tr("导出到"), QString(), QStringLiteral("*.%1").arg(QString::fromStdString(layers::formatExtension(format.toStdString()))));
    if (!path.isEmpty())
        m_target->setText(folder ? path + "/guizhou_plan_" + format : path);
}

bool ExportDialog::runExport(bool quiet)
{
    m_error.clear();
    std::vector<const layers::ExportTable*> chosen;
    for (const auto& t : *m_tables)
        if (m_layer->currentData() == "all" || m_layer->currentData().toString().toStdString() == t.id)
            chosen.push_back(&t);
    layers::ExportOptions options;
    options.format = m_format->currentData().toString().toStdString();
    const QString crs = m_crs->currentText() == m_crs->itemText(m_crs->currentIndex()) ? m_crs->currentData().toString() : m_crs->currentText();
    options.crs = crs.section(' ', 0, 0).toStdString();
    options.encoding = m_encoding->currentData().toString().toStdString();
    options.force = m_force->isChecked();
    QProgressDialog progress(tr("正在导出…"), tr("取消"), 0, 1000, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    try {
        m_report = layers::exportTables(chosen, m_target->text().toStdString(), options, [&](double done, const std::string& what) {
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
    if (!quiet && !m_report.warnings.empty()) {
        QStringList warnings;
        for (const auto& w : m_report.warnings)
            warnings << QString::fromStdString(w);
        QMessageBox::information(this, tr("导出数据"), warnings.join("\n"));
    }
    return true;
}

}  // namespace app::gui
