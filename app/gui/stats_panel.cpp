#include "gui/stats_panel.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCompleter>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QRegularExpression>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QTimer>
#include <QPushButton>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QValueAxis>
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

/// The engine's message after the window's lead-in (统计失败：…).
QString failure(const QString& lead, const std::exception& e) { return lead + QString::fromUtf8(e.what()); }

/// A unit's name in the window's language.
QString unitName(const std::string& zh, const std::string& en, bool english) { return q(english && !en.empty() ? en : zh); }
}  // namespace

LayerFields layerFields(const layers::FeatureLayer& layer)
{
    LayerFields out;
    GDALDatasetUniquePtr ds(static_cast<GDALDataset*>(GDALOpenEx(layer.file().string().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    if (!ds)
        return out;
    OGRLayer* l = layer.layerName().empty() ? ds->GetLayer(0) : ds->GetLayerByName(layer.layerName().c_str());
    if (!l)
        return out;
    OGRFeatureDefn* defn = l->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        const OGRFieldDefn* f = defn->GetFieldDefn(i);
        const OGRFieldType t = f->GetType();
        if (t == OFTInteger || t == OFTInteger64 || t == OFTReal)
            out.numeric << QString::fromUtf8(f->GetNameRef());
        else if (t == OFTString)
            out.text << QString::fromUtf8(f->GetNameRef());
    }
    return out;
}

std::shared_ptr<const render::Choropleth> statsChoropleth(const la::StatsResult& r, const la::PlanUnits& units, const QString& group, double scale,
                                                          const QString& unitText, bool english)
{
    // Each unit's value: the chosen group's, or all groups together (sums; a mean weighted by the features it averages).
    std::map<std::string, std::pair<double, double>> byUnit;  // value sum (or weighted), features
    std::vector<std::string> order;
    for (const la::StatsRow& row : r.rows) {
        if (!group.isEmpty() && q(row.group) != group)
            continue;
        auto [it, fresh] = byUnit.try_emplace(row.unitId, 0.0, 0.0);
        if (fresh)
            order.push_back(row.unitId);
        it->second.first += r.measure.kind == la::Measure::Mean ? row.value * double(row.features) : row.value;
        it->second.second += double(row.features);
    }
    auto map = std::make_shared<render::Choropleth>();
    const std::vector<la::Unit> all = units.all(r.by, r.distanceM);
    bool overlapping = false;
    std::vector<double> unitValues;  // the classes are the units' (a class of 20 counties is one value, not 20)
    for (const la::Unit& u : all) {
        const auto it = byUnit.find(u.id);
        if (it == byUnit.end())
            continue;
        double v = it->second.first;
        if (r.measure.kind == la::Measure::Mean)
            v = it->second.second > 0 ? v / it->second.second : 0;
        v *= scale;
        unitValues.push_back(v);
        for (const std::string& code : u.countyCodes) {
            auto [at, fresh] = map->values.try_emplace(q(code), v);
            if (!fresh) {
                overlapping = true;
                at->second = std::max(at->second, v);
            }
        }
    }
    map->breaks = render::quantileBreaks(unitValues, 5);
    const QString kind = english ? QString::fromStdString(la::unitKindId(r.by)) : QString::fromUtf8(la::unitKindZh(r.by));
    map->title = QCoreApplication::translate("app::gui::StatsPanel", "统计：%1 %2（%3）· 按%4%5")
                     .arg(q(r.layerName), q(la::measureId(r.measure)), unitText, kind, group.isEmpty() ? QString() : QStringLiteral(" · ") + group);
    if (r.by != la::UnitKind::County)
        map->notes << QCoreApplication::translate("app::gui::StatsPanel", "每个单位的值填充其所属的县 (部分成员的分区与通道: 所涉及的县)");
    if (overlapping)
        map->notes << QCoreApplication::translate("app::gui::StatsPanel", "属于多个单位的县显示最大值");
    map->noneText = QCoreApplication::translate("app::gui::StatsPanel", "不属于任何单位");
    return map;
}

// ---------------------------------------------------------------------------------------------------------------

StatsPanel::StatsPanel(std::shared_ptr<const la::PlanUnits> units, std::function<const render::Style&()> style, QWidget* parent)
    : QWidget(parent), m_units(std::move(units)), m_style(std::move(style))
{
    m_layer = new QComboBox;
    m_layer->setObjectName("statsLayer");
    m_by = new QComboBox;
    m_by->setObjectName("statsBy");
    for (const char* id : {"county", "prefecture", "class", "zone", "central_city", "corridor"})
        m_by->addItem(QString(), QString::fromLatin1(id));
    m_distance = new QLineEdit("10km");
    m_distance->setObjectName("statsDistance");
    m_distance->setMaximumWidth(80);
    m_group = new QComboBox;
    m_group->setObjectName("statsGroup");
    m_measure = new QComboBox;
    m_measure->setObjectName("statsMeasure");
    m_valueUnit = new QComboBox;
    m_valueUnit->setObjectName("statsValueUnit");
    m_where = new QLineEdit;
    m_where->setObjectName("statsWhere");
    m_where->setPlaceholderText("landuse = '林地'");
    m_run = new QPushButton;
    m_run->setObjectName("statsRun");
    m_cancel = new QPushButton;
    m_cancel->setObjectName("statsCancel");
    m_cancel->hide();
    m_busy = new QProgressBar;
    m_busy->setObjectName("statsProgress");
    m_busy->setRange(0, 0);
    m_busy->setMaximumHeight(12);
    m_busy->hide();
    m_progressTimer = new QTimer(this);
    m_progressTimer->setInterval(100);
    m_error = new QLabel;
    m_error->setObjectName("statsError");
    m_error->setWordWrap(true);
    m_error->setStyleSheet("color: #b00020");  // the window's error colour (message bar)
    m_error->hide();
    m_layerLabel = new QLabel;
    m_byLabel = new QLabel;
    m_groupLabel = new QLabel;
    m_measureLabel = new QLabel;
    m_whereLabel = new QLabel;
    m_mapLabel = new QLabel;

    auto* form = new QFormLayout;
    form->addRow(m_layerLabel, m_layer);
    auto* byRow = new QHBoxLayout;
    byRow->addWidget(m_by, 1);
    byRow->addWidget(m_distance);
    form->addRow(m_byLabel, byRow);
    form->addRow(m_groupLabel, m_group);
    auto* measureRow = new QHBoxLayout;
    measureRow->addWidget(m_measure, 1);
    measureRow->addWidget(m_valueUnit);
    form->addRow(m_measureLabel, measureRow);
    form->addRow(m_whereLabel, m_where);

    m_table = new QTableWidget;
    m_table->setObjectName("statsTable");
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(false);
    m_table->verticalHeader()->hide();
    m_totals = new QLabel;
    m_totals->setObjectName("statsTotals");
    m_totals->setWordWrap(true);
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_method = new QTextBrowser;
    m_method->setObjectName("statsMethod");
    m_chart = new QChartView;
    m_chart->setObjectName("statsChart");
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(220);
    m_legend = new QLabel;
    m_legend->setObjectName("statsLegend");
    m_legend->setWordWrap(true);
    m_mapGroup = new QComboBox;
    m_mapGroup->setObjectName("statsMapGroup");
    m_exportTable = new QPushButton;
    m_exportMap = new QPushButton;
    m_clearMap = new QPushButton;

    auto* tableTab = new QWidget;
    auto* tl = new QVBoxLayout(tableTab);
    tl->setContentsMargins(0, 0, 0, 0);
    tl->addWidget(m_table, 1);
    tl->addWidget(m_totals);
    auto* mapTab = new QWidget;
    auto* ml = new QVBoxLayout(mapTab);
    ml->setContentsMargins(0, 0, 0, 0);
    ml->addWidget(m_chart, 1);
    auto* mapRow = new QHBoxLayout;
    mapRow->addWidget(m_mapLabel);
    mapRow->addWidget(m_mapGroup, 1);
    mapRow->addWidget(m_clearMap);
    ml->addLayout(mapRow);
    ml->addWidget(m_legend);
    auto* tabs = new QTabWidget;
    tabs->setObjectName("statsTabs");
    tabs->addTab(tableTab, QString());
    tabs->addTab(mapTab, QString());
    tabs->addTab(m_method, QString());

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_exportTable);
    buttons->addWidget(m_exportMap);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_busy);
    layout->addWidget(m_error);
    layout->addWidget(tabs, 1);

    connect(m_layer, &QComboBox::currentIndexChanged, this, [this] { layerChosen(); });
    connect(m_by, &QComboBox::currentIndexChanged, this, [this] { m_distance->setEnabled(m_by->currentData().toString() == "corridor"); });
    connect(m_measure, &QComboBox::currentIndexChanged, this, [this] {
        const QString m = m_measure->currentData().toString();
        m_valueUnit->clear();
        if (m == "area") {
            m_valueUnit->addItem(tr("公顷"), 1e-4);
            m_valueUnit->addItem(QStringLiteral("m²"), 1.0);
            m_valueUnit->addItem(QStringLiteral("km²"), 1e-6);
        } else if (m == "length") {
            m_valueUnit->addItem(QStringLiteral("km"), 1e-3);
            m_valueUnit->addItem(QStringLiteral("m"), 1.0);
        }
        m_valueUnit->setVisible(m_valueUnit->count() > 0);
    });
    connect(m_valueUnit, &QComboBox::currentIndexChanged, this, [this] {
        if (m_result)
            showResult();
    });
    connect(m_mapGroup, &QComboBox::currentIndexChanged, this, [this] { updateChoropleth(); });
    connect(m_run, &QPushButton::clicked, this, [this] { run(); });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_progress)
            m_progress->cancel = true;
    });
    connect(m_progressTimer, &QTimer::timeout, this, [this] {
        // Features read against the layer's count: a bar with an end when the count is known.
        if (!m_progress)
            return;
        const std::int64_t total = m_progress->total;
        if (total > 0) {
            m_busy->setRange(0, 1000);
            m_busy->setValue(static_cast<int>(std::min<double>(1000, 1000.0 * static_cast<double>(m_progress->read) / static_cast<double>(total))));
        }
    });
    connect(m_clearMap, &QPushButton::clicked, this, [this] {
        m_choropleth.reset();
        m_legend->clear();
        emit choroplethChanged(nullptr);
    });
    connect(m_exportMap, &QPushButton::clicked, this, &StatsPanel::exportMapRequested);
    connect(m_exportTable, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("导出统计表"), "gzplan-stats.xlsx", tr("Excel (*.xlsx);;CSV (*.csv)"));
        if (path.isEmpty())
            return;
        const QString e = exportTable(path);
        if (!e.isEmpty())
            showError(e);
    });
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, [this] {
        Outcome o = m_watcher.result();
        m_busy->hide();
        m_cancel->hide();
        m_progressTimer->stop();
        m_progress.reset();
        m_run->setEnabled(true);
        if (!o.result) {
            showError(o.error);
            emit finished(false);
            return;
        }
        m_error->hide();
        m_error->clear();
        m_result = std::move(o.result);
        showResult();
        emit finished(true);
    });
    m_distance->setEnabled(false);
    m_valueUnit->hide();
    m_exportTable->setEnabled(false);
    m_exportMap->setEnabled(false);
    retranslate();
}

StatsPanel::~StatsPanel() { m_watcher.waitForFinished(); }

void StatsPanel::setLayers(const std::vector<render::UserLayer>& layers)
{
    const QString current = m_layer->currentData().toString();
    m_layers = layers;
    QSignalBlocker block(m_layer);
    m_layer->clear();
    for (const render::UserLayer& l : m_layers)
        m_layer->addItem(l.title, l.id);
    const int at = m_layer->findData(current);
    m_layer->setCurrentIndex(at >= 0 ? at : m_layer->count() - 1);
    layerChosen();
}

void StatsPanel::layerChosen()
{
    const int i = m_layer->currentIndex();
    const QString group = m_group->currentData().toString(), measure = m_measure->currentData().toString();
    m_group->clear();
    m_measure->clear();
    m_group->addItem(tr("(不分组)"), QString());
    if (i < 0 || i >= static_cast<int>(m_layers.size()) || !m_layers[static_cast<std::size_t>(i)].data)
        return;
    const layers::FeatureLayer& layer = *m_layers[static_cast<std::size_t>(i)].data;
    const LayerFields fields = layerFields(layer);
    for (const QString& f : fields.text)
        m_group->addItem(f, f);
    // Only the measures the geometry can have: areas of polygons, lengths of lines.
    m_measure->addItem(tr("要素数"), "count");
    if (layer.kind() == layers::FeatureKind::Polygons)
        m_measure->addItem(tr("面积"), "area");
    if (layer.kind() == layers::FeatureKind::Lines)
        m_measure->addItem(tr("长度"), "length");
    for (const QString& f : fields.numeric) {
        m_measure->addItem(tr("合计 %1").arg(f), "sum:" + f);
        m_measure->addItem(tr("平均 %1").arg(f), "mean:" + f);
    }
    if (const int g = m_group->findData(group); g >= 0)
        m_group->setCurrentIndex(g);
    const int m = m_measure->findData(measure);
    m_measure->setCurrentIndex(m >= 0 ? m : m_measure->findData(layer.kind() == layers::FeatureKind::Polygons ? "area" : "count"));
}

bool StatsPanel::running() const { return m_watcher.isRunning(); }

QString StatsPanel::errorText() const { return m_error->text(); }

void StatsPanel::showError(const QString& text)
{
    m_error->setText(text);
    m_error->show();
    emit error(text);
}

bool StatsPanel::run()
{
    if (running())
        return false;
    const int i = m_layer->currentIndex();
    if (i < 0 || i >= static_cast<int>(m_layers.size()) || !m_layers[static_cast<std::size_t>(i)].data) {
        showError(tr("统计失败：") + tr("没有用户图层: 先添加图层 (Ctrl+O)"));
        return false;
    }
    const layers::FeatureLayer& layer = *m_layers[static_cast<std::size_t>(i)].data;
    la::StatsOptions options;
    options.source.file = layer.file();
    options.source.layer = layer.layerName();
    options.source.where = m_where->text().trimmed().toStdString();
    options.groupField = m_group->currentData().toString().toStdString();
    la::UnitKind by = la::unitKindFromId(m_by->currentData().toString().toStdString()).value_or(la::UnitKind::County);
    double distance = 0;
    try {
        options.measure = la::parseMeasure(m_measure->currentData().toString().toStdString());
        if (by == la::UnitKind::Corridor)
            distance = la::parseDistance(m_distance->text().trimmed().toStdString());
    } catch (const std::exception& e) {
        showError(failure(tr("统计失败："), e));
        return false;
    }
    m_run->setEnabled(false);
    m_progress = std::make_shared<Progress>();
    options.progress = [progress = m_progress](std::uint64_t read, std::int64_t total) {
        progress->read = read;
        progress->total = total;
        return !progress->cancel;
    };
    m_busy->setRange(0, 0);
    m_busy->show();
    m_cancel->show();
    m_progressTimer->start();
    std::shared_ptr<const la::PlanUnits> units = m_units;
    m_watcher.setFuture(QtConcurrent::run([units, by, distance, options, lead = tr("统计失败："), cancelled = tr("统计已取消")] {
        Outcome o;
        try {
            o.result = la::computeStats(*units, by, distance, options);
        } catch (const la::Cancelled&) {
            o.error = cancelled;
        } catch (const std::exception& e) {
            o.error = failure(lead, e);
        }
        return o;
    }));
    return true;
}

void StatsPanel::showResult()
{
    const la::StatsResult& r = *m_result;
    const bool english = m_language == "en";
    const double scale = m_valueUnit->isVisible() && m_valueUnit->count() ? m_valueUnit->currentData().toDouble() : 1.0;
    const QString unit = m_valueUnit->isVisible() && m_valueUnit->count() ? m_valueUnit->currentText()
                         : r.measure.kind == la::Measure::Count ? tr("个")
                                                                : q(r.unitWord);
    const bool grouped = !r.groups.empty() && !(r.groups.size() == 1 && r.groups.front().empty());
    m_table->clear();
    m_table->setColumnCount(6);
    m_table->setHorizontalHeaderLabels({tr("单位"), tr("名称"), tr("分组"), tr("要素数"), tr("值 (%1)").arg(unit), tr("示意")});
    m_table->setRowCount(static_cast<int>(r.rows.size()));
    for (int row = 0; row < static_cast<int>(r.rows.size()); ++row) {
        const la::StatsRow& s = r.rows[static_cast<std::size_t>(row)];
        auto* value = new QTableWidgetItem(render::choroplethNumber(s.value * scale));
        value->setData(Qt::UserRole, s.value * scale);
        value->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto* features = new QTableWidgetItem(QString::number(s.features));
        features->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, 0, new QTableWidgetItem(q(s.unitId)));
        m_table->setItem(row, 1, new QTableWidgetItem(unitName(s.unitName, s.unitNameEn, english)));
        m_table->setItem(row, 2, new QTableWidgetItem(q(s.group)));
        m_table->setItem(row, 3, features);
        m_table->setItem(row, 4, value);
        m_table->setItem(row, 5, new QTableWidgetItem(s.schematic ? tr("示意") : QString()));
    }
    m_table->setColumnHidden(2, !grouped);
    m_table->resizeColumnsToContents();
    QStringList totals;
    for (const la::StatsRow& t : r.totals) {
        if (!grouped && t.group == "*")
            continue;  // without groups, "all groups" repeats the one group
        const QString group = t.group.empty() ? QString() : QStringLiteral(" · ") + (t.group == "*" ? tr("全部分组") : q(t.group));
        totals << QStringLiteral("%1%2: %3 %4 (%5)")
                      .arg(unitName(t.unitName, t.unitNameEn, english), group,
                           render::choroplethNumber(t.value * scale), unit, tr("%1 个要素").arg(t.features));
    }
    m_totals->setText(totals.join("\n"));
    QString html = QStringLiteral("<p>%1</p>").arg((english ? q(r.methodEn) : q(r.method)).toHtmlEscaped());
    const auto& notes = english ? r.notesEn : r.notes;
    if (!notes.empty()) {
        html += "<ul>";
        for (const std::string& n : notes)
            html += QStringLiteral("<li>%1</li>").arg(q(n).toHtmlEscaped());
        html += "</ul>";
    }
    html += QStringLiteral("<p>%1</p>").arg(tr("读取 %1 个要素, 其中 %2 个在边界处切分; %3 s").arg(r.featuresRead).arg(r.featuresCut).arg(r.seconds, 0, 'f', 2));
    m_method->setHtml(html);
    {
        QSignalBlocker block(m_mapGroup);
        const QString was = m_mapGroup->currentData().toString();
        m_mapGroup->clear();
        m_mapGroup->addItem(tr("全部分组"), QString());
        if (grouped)
            for (const std::string& g : r.groups)
                m_mapGroup->addItem(q(g), q(g));
        m_mapGroup->setCurrentIndex(std::max(0, m_mapGroup->findData(was)));
    }
    m_exportTable->setEnabled(true);
    m_exportMap->setEnabled(true);
    showChart();
    updateChoropleth();
}

void StatsPanel::showChart()
{
    const la::StatsResult& r = *m_result;
    const bool english = m_language == "en";
    const double scale = m_valueUnit->isVisible() && m_valueUnit->count() ? m_valueUnit->currentData().toDouble() : 1.0;
    // Units by their total over groups, the largest kMaxBars.
    std::vector<std::string> units;
    std::map<std::string, double> total;
    std::map<std::string, QString> unitNames;
    std::map<std::pair<std::string, std::string>, double> cell;
    for (const la::StatsRow& row : r.rows) {
        if (!total.count(row.unitId))
            units.push_back(row.unitId);
        total[row.unitId] += row.value * scale;
        unitNames[row.unitId] = unitName(row.unitName, row.unitNameEn, english);
        cell[{row.unitId, row.group}] = row.value * scale;
    }
    std::stable_sort(units.begin(), units.end(), [&](const std::string& a, const std::string& b) { return total[a] > total[b]; });
    const std::size_t shown = std::min<std::size_t>(units.size(), kMaxBars);
    QStringList categories;
    for (std::size_t i = 0; i < shown; ++i)
        categories << unitNames[units[i]];
    const bool grouped = r.groups.size() > 1 || (r.groups.size() == 1 && !r.groups.front().empty());
    // Horizontal bars, the largest at the top: the units' names stay readable.
    std::reverse(categories.begin(), categories.end());
    QAbstractBarSeries* series = grouped && r.measure.kind != la::Measure::Mean ? static_cast<QAbstractBarSeries*>(new QHorizontalStackedBarSeries)
                                                                                : static_cast<QAbstractBarSeries*>(new QHorizontalBarSeries);
    const std::vector<std::string> groups = grouped ? r.groups : std::vector<std::string>{std::string()};
    for (const std::string& g : groups) {
        auto* set = new QBarSet(g.empty() ? q(r.layerName) : q(g));
        for (std::size_t k = shown; k-- > 0;) {
            const auto it = cell.find({units[k], g});
            *set << (it == cell.end() ? 0.0 : it->second);
        }
        series->append(set);
    }
    auto* chart = new QChart;
    chart->addSeries(series);
    auto* names = new QBarCategoryAxis;
    names->append(categories);
    names->setTruncateLabels(false);  // the units' names whole: the plot gives way
    chart->addAxis(names, Qt::AlignLeft);
    series->attachAxis(names);
    auto* values = new QValueAxis;
    values->setLabelFormat("%.0f");
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);
    // Three round ticks (0, half, the end): four raw ones of seven digits ran into each other beside the units' names.
    values->setTickCount(3);
    values->applyNiceNumbers();
    chart->legend()->setVisible(grouped);
    const QString unit = m_valueUnit->isVisible() && m_valueUnit->count() ? m_valueUnit->currentText() : QString();
    const QString measure = unit.isEmpty() ? m_measure->currentText() : QStringLiteral("%1 (%2)").arg(m_measure->currentText(), unit);
    chart->setTitle(shown < units.size() ? tr("%1 (最大的 %2 个单位, 共 %3 个)").arg(measure).arg(shown).arg(units.size()) : measure);
    QChart* old = m_chart->chart();
    m_chart->setChart(chart);
    delete old;
}

void StatsPanel::updateChoropleth()
{
    if (!m_result)
        return;
    const bool english = m_language == "en";
    const double scale = m_valueUnit->isVisible() && m_valueUnit->count() ? m_valueUnit->currentData().toDouble() : 1.0;
    const QString unit = m_valueUnit->isVisible() && m_valueUnit->count() ? m_valueUnit->currentText() : QString();
    m_choropleth = statsChoropleth(*m_result, *m_units, m_mapGroup->currentData().toString(), scale, unit.isEmpty() ? q(m_result->unitWord) : unit, english);
    // The legend as the map's: what is mapped, the classes with their colours, what a fill means.
    QString html = QStringLiteral("<b>%1</b><br>").arg(m_choropleth->title.toHtmlEscaped());
    for (const render::ChoroplethRow& row : render::choroplethLegend(m_style(), QStringLiteral("overview"), *m_choropleth, static_cast<int>(m_units->geography().counties.size())))
        html += QStringLiteral("<span style=\"background:%1\">&nbsp;&nbsp;&nbsp;&nbsp;</span> %2<br>").arg(row.fill.name(), row.text.toHtmlEscaped());
    for (const QString& n : m_choropleth->notes)
        html += n.toHtmlEscaped() + "<br>";
    m_legend->setText(html);
    emit choroplethChanged(m_choropleth);
}

QString StatsPanel::exportTable(const QString& path)
{
    if (!m_result)
        return tr("没有统计结果可导出");
    try {
        la::writeTable(la::statsTable(*m_result), path.toStdString(), true);
    } catch (const std::exception& e) {
        return failure(tr("导出失败："), e);
    }
    return {};
}

void StatsPanel::setLanguage(const QString& language)
{
    m_language = language;
    retranslate();
}

void StatsPanel::retranslate()
{
    m_layerLabel->setText(tr("图层"));
    m_byLabel->setText(tr("统计单位"));
    m_groupLabel->setText(tr("分组字段"));
    m_measureLabel->setText(tr("度量"));
    m_whereLabel->setText(tr("条件"));
    m_mapLabel->setText(tr("专题图"));
    const char* names[] = {QT_TR_NOOP("县级单位"), QT_TR_NOOP("市州"), QT_TR_NOOP("县城类型"), QT_TR_NOOP("布局分区"), QT_TR_NOOP("区域中心城市"), QT_TR_NOOP("通道 (距离)")};
    for (int i = 0; i < m_by->count() && i < 6; ++i)
        m_by->setItemText(i, tr(names[i]));
    m_distance->setToolTip(tr("通道两侧的距离, 带单位: 10km、500m、2.5公里"));
    m_where->setToolTip(tr("属性条件 (GDAL SQL): landuse = '林地' AND area_m2 > 1000"));
    m_run->setText(tr("统计"));
    m_cancel->setText(tr("取消"));
    m_exportTable->setText(tr("导出表格…"));
    m_exportMap->setText(tr("导出地图…"));
    m_clearMap->setText(tr("清除专题图"));
    if (auto* tabs = findChild<QTabWidget*>("statsTabs")) {
        tabs->setTabText(0, tr("表格"));
        tabs->setTabText(1, tr("图表与专题图"));
        tabs->setTabText(2, tr("方法与说明"));
    }
    layerChosen();
    if (m_result)
        showResult();
}

}  // namespace app::gui
