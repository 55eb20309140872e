// 按位置选择 (SelectDialog) and 连接表格 (JoinDialog), declared with the statistics dock in stats_panel.h: the
// window's faces of layers::analysis::selectFeatures and joinTable.

#include "gui/stats_panel.h"

#include <QComboBox>
#include <QCompleter>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "layers/errors.h"
#include "layers/feature_layer.h"
#include "layers/plan_query.h"

namespace app::gui {

namespace la = layers::analysis;

namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }

/// The engine's message after the window's lead-in (选择失败：…).
QString failure(const QString& lead, const std::exception& e) { return lead + QString::fromUtf8(e.what()); }
}  // namespace

namespace {
/// Every plan unit as "kind:name" for the completer (corridors as "name:10km").
QStringList unitChoices(const la::PlanUnits& units)
{
    QStringList out;
    for (const la::UnitKind kind : {la::UnitKind::County, la::UnitKind::Prefecture, la::UnitKind::CountyClass, la::UnitKind::Zone, la::UnitKind::CentralCity}) {
        for (const la::Unit& u : units.all(kind))
            out << QStringLiteral("%1:%2").arg(QString::fromLatin1(la::unitKindId(kind)), q(u.name));
    }
    return out;
}
}  // namespace

SelectDialog::SelectDialog(std::shared_ptr<const la::PlanUnits> units, const std::vector<render::UserLayer>& layers, QWidget* parent)
    : QDialog(parent), m_units(std::move(units)), m_layers(layers)
{
    setWindowTitle(tr("按位置选择"));
    m_layer = new QComboBox;
    m_layer->setObjectName("selectLayer");
    for (const render::UserLayer& l : m_layers)
        m_layer->addItem(l.title, l.id);
    m_layer->setCurrentIndex(m_layer->count() - 1);
    m_relation = new QComboBox;
    m_relation->setObjectName("selectRelation");
    m_relation->addItem(tr("位于其中 (内点)"), "within");
    m_relation->addItem(tr("与之相交"), "intersects");
    m_unit = new QLineEdit;
    m_unit->setObjectName("selectUnit");
    m_unit->setPlaceholderText("class:satellite, zone:贵安新区, prefecture:遵义, county:盘州");
    auto* completer = new QCompleter(unitChoices(*m_units), m_unit);
    completer->setFilterMode(Qt::MatchContains);
    m_unit->setCompleter(completer);
    m_near = new QLineEdit;
    m_near->setObjectName("selectNear");
    m_near->setPlaceholderText("belt_shanghai_kunming:10km");
    m_where = new QLineEdit;
    m_where->setObjectName("selectWhere");
    m_where->setPlaceholderText("landuse = '林地'");
    m_message = new QLabel;
    m_message->setObjectName("selectMessage");
    m_message->setWordWrap(true);
    m_run = new QPushButton(tr("选择"));
    auto* close = new QPushButton(tr("关闭"));
    auto* form = new QFormLayout;
    form->addRow(tr("图层"), m_layer);
    form->addRow(tr("位置关系"), m_relation);
    form->addRow(tr("规划单位"), m_unit);
    form->addRow(tr("通道附近 (名称:距离)"), m_near);
    form->addRow(tr("条件"), m_where);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_run);
    buttons->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addLayout(buttons);
    connect(m_run, &QPushButton::clicked, this, [this] { run(); });
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, [this] {
        Outcome o = m_watcher.result();
        m_run->setEnabled(true);
        if (!o.error.isEmpty()) {
            m_message->setStyleSheet("color: #b00020");
            m_message->setText(o.error);
            emit finished(false);
            return;
        }
        m_fids = std::move(o.fids);
        m_message->setStyleSheet(QString());
        m_message->setText(tr("已选择 %1 个要素").arg(m_fids.size()));
        emit selected(m_layer->currentIndex(), m_fids);
        emit finished(true);
    });
}

SelectDialog::~SelectDialog() { m_watcher.waitForFinished(); }

bool SelectDialog::running() const { return m_watcher.isRunning(); }

bool SelectDialog::run()
{
    if (running())
        return false;
    auto fail = [this](const QString& text) {
        m_message->setStyleSheet("color: #b00020");
        m_message->setText(text);
        emit finished(false);
        return false;
    };
    const int i = m_layer->currentIndex();
    if (i < 0 || i >= static_cast<int>(m_layers.size()) || !m_layers[static_cast<std::size_t>(i)].data)
        return fail(tr("选择失败：") + tr("没有用户图层: 先添加图层 (Ctrl+O)"));
    la::SelectOptions options;
    options.source.file = m_layers[static_cast<std::size_t>(i)].data->file();
    options.source.layer = m_layers[static_cast<std::size_t>(i)].data->layerName();
    options.source.where = m_where->text().trimmed().toStdString();
    try {
        for (const QString& text : m_unit->text().split(QRegularExpression("[,，;；]"), Qt::SkipEmptyParts)) {
            la::Unit u = m_units->parse(text.trimmed().toStdString());
            (m_relation->currentData().toString() == "within" ? options.within : options.intersects).push_back(std::move(u));
        }
        for (const QString& text : m_near->text().split(QRegularExpression("[,，;；]"), Qt::SkipEmptyParts))
            options.near.push_back(m_units->parse(text.trimmed().toStdString(), true));
    } catch (const std::exception& e) {
        return fail(failure(tr("选择失败："), e));
    }
    if (options.within.empty() && options.intersects.empty() && options.near.empty() && options.source.where.empty())
        return fail(tr("选择失败：") + tr("没有条件: 输入规划单位、通道或属性条件"));
    m_run->setEnabled(false);
    m_message->setStyleSheet(QString());
    m_message->setText(tr("正在选择…"));
    std::shared_ptr<const la::PlanUnits> units = m_units;
    m_watcher.setFuture(QtConcurrent::run([units, options, lead = tr("选择失败：")] {
        Outcome o;
        try {
            o.fids = la::selectFeatures(*units, options);
        } catch (const std::exception& e) {
            o.error = failure(lead, e);
        }
        return o;
    }));
    return true;
}

// ---------------------------------------------------------------------------------------------------------------

JoinDialog::JoinDialog(const layers::PlanQuery& query, QWidget* parent) : QDialog(parent), m_query(query)
{
    setWindowTitle(tr("连接表格"));
    m_file = new QLineEdit;
    m_file->setObjectName("joinFile");
    auto* browse = new QPushButton(tr("浏览…"));
    m_sheet = new QLineEdit;
    m_sheet->setObjectName("joinSheet");
    m_sheet->setPlaceholderText(tr("XLSX: 默认第一个工作表"));
    m_encoding = new QComboBox;
    m_encoding->setObjectName("joinEncoding");
    m_encoding->addItem("UTF-8", "UTF-8");
    m_encoding->addItem("GBK", "GBK");
    m_key = new QComboBox;
    m_key->setObjectName("joinKey");
    m_key->setEditable(true);
    m_value = new QComboBox;
    m_value->setObjectName("joinValue");
    m_unmatched = new QTableWidget;
    m_unmatched->setObjectName("joinUnmatched");
    m_unmatched->setColumnCount(3);
    m_unmatched->setHorizontalHeaderLabels({tr("行"), tr("键"), tr("问题")});
    m_unmatched->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_unmatched->verticalHeader()->hide();
    m_missing = new QLabel;
    m_missing->setObjectName("joinMissing");
    m_missing->setWordWrap(true);
    m_message = new QLabel;
    m_message->setObjectName("joinMessage");
    m_message->setWordWrap(true);
    auto* join = new QPushButton(tr("连接"));
    auto* map = new QPushButton(tr("上图"));
    map->setObjectName("joinMap");
    auto* close = new QPushButton(tr("关闭"));
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    auto* form = new QFormLayout;
    form->addRow(tr("表格 (CSV/XLSX)"), fileRow);
    form->addRow(tr("工作表"), m_sheet);
    form->addRow(tr("编码 (CSV)"), m_encoding);
    form->addRow(tr("键列 (县代码或名称)"), m_key);
    form->addRow(tr("上图的数值列"), m_value);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(join);
    buttons->addWidget(map);
    buttons->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(new QLabel(tr("未匹配的行")));
    layout->addWidget(m_unmatched, 1);
    layout->addWidget(m_missing);
    layout->addLayout(buttons);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("连接表格"), QString(), tr("表格 (*.csv *.xlsx)"));
        if (!f.isEmpty())
            setFile(f);
    });
    connect(m_file, &QLineEdit::editingFinished, this, [this] { readColumns(); });
    connect(join, &QPushButton::clicked, this, [this] { run(); });
    connect(map, &QPushButton::clicked, this, [this] {
        if (!m_result && !run())
            return;
        if (auto c = choropleth(false))
            emit choroplethChosen(c);
    });
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    resize(560, 520);
}

void JoinDialog::setFile(const QString& file)
{
    m_file->setText(file);
    readColumns();
}

void JoinDialog::readColumns()
{
    // The columns as the engine reads them (layers/src/io/table_file: every cell text, the first row the header).
    m_key->clear();
    m_value->clear();
    m_result.reset();
    const QByteArray path = m_file->text().toUtf8();
    const char* csv[] = {"AUTODETECT_TYPE=NO", "EMPTY_STRING_AS_NULL=NO", nullptr};
    const char* xlsx[] = {"FIELD_TYPES=STRING", "HEADERS=FORCE", nullptr};
    const bool isXlsx = m_file->text().endsWith(".xlsx", Qt::CaseInsensitive);
    CPLPushErrorHandler(CPLQuietErrorHandler);
    GDALDatasetUniquePtr ds(static_cast<GDALDataset*>(GDALOpenEx(path.constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, isXlsx ? xlsx : csv, nullptr)));
    CPLPopErrorHandler();
    if (!ds) {
        m_message->setText(tr("无法读取表格 %1").arg(m_file->text()));
        return;
    }
    OGRLayer* l = m_sheet->text().isEmpty() ? ds->GetLayer(0) : ds->GetLayerByName(m_sheet->text().toUtf8().constData());
    if (!l)
        return;
    for (int i = 0; i < l->GetLayerDefn()->GetFieldCount(); ++i) {
        const QString name = QString::fromUtf8(l->GetLayerDefn()->GetFieldDefn(i)->GetNameRef());
        m_key->addItem(name);
        m_value->addItem(name);
    }
    m_message->clear();
}

bool JoinDialog::run()
{
    la::JoinOptions options;
    options.table = m_file->text().toStdString();
    options.sheet = m_sheet->text().trimmed().toStdString();
    options.key = m_key->currentText().toStdString();
    options.encoding = m_encoding->currentData().toString().toStdString();
    try {
        m_result = la::joinTable(m_query, options);
    } catch (const std::exception& e) {
        m_result.reset();
        m_message->setStyleSheet("color: #b00020");
        m_message->setText(failure(tr("连接失败："), e));
        return false;
    }
    const la::JoinResult& r = *m_result;
    m_unmatched->setRowCount(0);
    for (const la::JoinedRow& row : r.rows) {
        if (row.county)
            continue;
        const int at = m_unmatched->rowCount();
        m_unmatched->insertRow(at);
        m_unmatched->setItem(at, 0, new QTableWidgetItem(QString::number(row.line)));
        m_unmatched->setItem(at, 1, new QTableWidgetItem(q(row.keyText)));
        m_unmatched->setItem(at, 2, new QTableWidgetItem(q(row.problem)));
    }
    m_unmatched->resizeColumnsToContents();
    QStringList missing;
    for (const layers::County* c : r.missing)
        missing << q(c->name);
    m_missing->setText(missing.isEmpty() ? tr("每个县都有一行") : tr("没有行的县 (%1): %2").arg(missing.size()).arg(missing.join(QStringLiteral("、"))));
    m_message->setStyleSheet(QString());
    m_message->setText(tr("%1 行中 %2 行匹配到县, %3 行未匹配").arg(r.rows.size()).arg(r.matched()).arg(r.rows.size() - r.matched()));
    return true;
}

std::shared_ptr<const render::Choropleth> JoinDialog::choropleth(bool english) const
{
    if (!m_result)
        return nullptr;
    const la::JoinResult& r = *m_result;
    const auto column = std::find(r.columns.begin(), r.columns.end(), m_value->currentText().toStdString());
    if (column == r.columns.end())
        return nullptr;
    const std::size_t c = static_cast<std::size_t>(column - r.columns.begin());
    auto map = std::make_shared<render::Choropleth>();
    std::size_t notNumber = 0;
    for (const la::JoinedRow& row : r.rows) {
        if (!row.county || c >= row.values.size())
            continue;
        bool ok = false;
        const double v = QString::fromStdString(row.values[c]).trimmed().toDouble(&ok);
        if (!ok) {
            ++notNumber;
            continue;
        }
        map->values[q(row.county->code)] = v;
    }
    if (map->values.empty())
        return nullptr;
    std::vector<double> values;
    for (const auto& [code, v] : map->values)
        values.push_back(v);
    map->breaks = render::quantileBreaks(values, 5);
    map->title = tr("连接表格：%1 · %2").arg(QFileInfo(m_file->text()).fileName(), m_value->currentText());
    if (notNumber)
        map->notes << tr("%1 个匹配行的值不是数字, 未上图").arg(notNumber);
    map->noneText = tr("表格中没有此县");
    (void)english;
    return map;
}

}  // namespace app::gui
