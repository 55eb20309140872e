#include "gui/actuals_panel.h"

#include <algorithm>
#include <map>
#include <set>

#include <unistd.h>

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSocketNotifier>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include "gui/info_html.h"

namespace app::gui {

namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }
std::string s(const QString& text) { return text.toStdString(); }

/// A figure as the tables write it: up to 12 significant digits, no exponent for everyday sizes.
QString number(double v) { return QString::number(v, 'g', 12); }

QString shown(const std::string& zh, const std::string& en) { return q(englishShown() && !en.empty() ? en : zh); }

/// A kind of scope in the window's language.
QString scopeKindText(const std::string& kind)
{
    if (kind == "province") return ActualsPanel::tr("全省");
    if (kind == "city") return ActualsPanel::tr("中心城市");
    if (kind == "zone") return ActualsPanel::tr("分区");
    if (kind == "corridor") return ActualsPanel::tr("廊道");
    if (kind == "county") return ActualsPanel::tr("县");
    if (kind == "place") return ActualsPanel::tr("节点");
    return q(kind);
}

QString targetText(const layers::Target& t)
{
    return QStringLiteral("%1 %2 %3 (%4)").arg(q(t.comparator), q(t.valueText.empty() ? std::string(number(t.value).toStdString()) : t.valueText), q(t.unit),
                                               q(t.yearText.empty() ? std::to_string(t.year) : t.yearText));
}

/// The latest of a status's input figures (by figure date, then entry): whose date, source and entry are shown.
const layers::Actual* latestInput(const layers::TargetProgress& p)
{
    const layers::Actual* latest = nullptr;
    for (const auto& a : p.inputs)
        if (!latest || std::tie(a.figureDate, a.id) > std::tie(latest->figureDate, latest->id))
            latest = &a;
    return latest;
}

QString problemText(const layers::ImportProblem& p)
{
    // The field the problem is in, as the dialog names it; the message in the window's language.
    static const std::map<std::string, const char*> kFields{{"target_id", QT_TRANSLATE_NOOP("app::gui::ActualsPanel", "目标")},
                                                            {"year", QT_TRANSLATE_NOOP("app::gui::ActualsPanel", "年份")},
                                                            {"actual_value", QT_TRANSLATE_NOOP("app::gui::ActualsPanel", "数值")},
                                                            {"actual_unit", QT_TRANSLATE_NOOP("app::gui::ActualsPanel", "单位")},
                                                            {"measure", QT_TRANSLATE_NOOP("app::gui::ActualsPanel", "口径")},
                                                            {"figure_date", QT_TRANSLATE_NOOP("app::gui::ActualsPanel", "数据日期")},
                                                            {"source", QT_TRANSLATE_NOOP("app::gui::ActualsPanel", "来源")}};
    const QString message = shown(p.messageZh.empty() ? p.message : p.messageZh, p.message);
    const auto field = kFields.find(p.column);
    if (p.column.empty())
        return message;
    return QStringLiteral("%1: %2").arg(field == kFields.end() ? q(p.column) : QCoreApplication::translate("app::gui::ActualsPanel", field->second), message);
}

QTableWidgetItem* cell(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}
}  // namespace

QString whoEnters()
{
    QString who = qEnvironmentVariable("USER");
    if (who.isEmpty())
        if (const char* login = getlogin())
            who = QString::fromLocal8Bit(login);
    return who.isEmpty() ? QStringLiteral("unknown") : who;
}

QString scopeLabel(const layers::PlanQuery& query, const std::string& kind, const std::string& id)
{
    if (kind == "corridor")
        if (const layers::Corridor* c = query.plan().corridor(id))
            return shown(c->name, c->nameEn);
    if (kind == "place")
        if (const layers::Place* p = query.plan().place(id))
            return shown(p->name, p->nameEn);
    return scopeName(query, kind, id);
}

QColor statusColour(layers::Status st)
{
    switch (st) {
    case layers::Status::Met: return QColor("#1a7f37");
    case layers::Status::NotMet: return QColor("#cf222e");
    case layers::Status::OnTrack: return QColor("#0969da");
    case layers::Status::Behind: return QColor("#bc4c00");
    case layers::Status::NoFigure: return QColor("#6e7781");
    case layers::Status::Undetermined: return QColor("#8250df");
    }
    return QColor("#6e7781");
}

QString statusText(layers::Status st) { return QString::fromUtf8(englishShown() ? layers::statusLabelEn(st) : layers::statusLabel(st)); }

std::shared_ptr<const render::ProgressData> makeProgressData(std::vector<layers::TargetProgress> progress, int asOfYear)
{
    auto data = std::make_shared<render::ProgressData>();
    data->targets = std::move(progress);
    data->scopes = layers::countByScope(data->targets);
    data->asOfYear = asOfYear;
    return data;
}

// ---- the model ----------------------------------------------------------------------------------------------------

ActualsModel::ActualsModel(const layers::PlanQuery& query, QObject* parent) : QAbstractTableModel(parent), m_query(query) {}

void ActualsModel::setProgress(std::vector<layers::TargetProgress> progress)
{
    beginResetModel();
    m_progress = std::move(progress);
    endResetModel();
}

void ActualsModel::retranslate()
{
    if (!m_progress.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

int ActualsModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(m_progress.size()); }
int ActualsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ActualsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const layers::TargetProgress& p = m_progress[static_cast<std::size_t>(index.row())];
    const layers::Target& t = *p.target;
    switch (role) {
    case StatusRole: return QString::fromUtf8(layers::statusId(p.status));
    case ScopeRole: return q(t.scopeKind + ":" + t.scopeId);
    case TargetIdRole: return q(t.id);
    case IndicatorRole: return q(t.indicator) + '\n' + q(t.indicatorEn);
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn)
            return statusColour(p.status);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Rule || index.column() == StatusColumn || index.column() == Actual) {
            QString tip = shown(p.rule, p.ruleEn);
            if (p.expected)
                tip += '\n' + ActualsPanel::tr("按路径应达 %1 %2（%3 年）").arg(number(*p.expected), q(t.unit)).arg(p.figureYear);
            return tip;
        }
        if (index.column() == Clause)
            return q(t.quote);
        return {};
    case Qt::DisplayRole: break;
    default: return {};
    }
    const layers::Actual* latest = latestInput(p);
    switch (static_cast<Column>(index.column())) {
    case TargetId: return q(t.id);
    case Scope: return scopeLabel(m_query, t.scopeKind, t.scopeId);
    case Indicator: return shown(t.indicator, t.indicatorEn);
    case TargetValue: return targetText(t);
    case Actual: return p.actual ? number(*p.actual) : QString();
    case Unit: return q(t.unit);
    case StatusColumn: return statusText(p.status);
    case Rule: return shown(p.rule, p.ruleEn);
    case Source: return q(p.sources());
    case FigureDate: return latest ? q(latest->figureDate) : QString();
    case Entered: return latest ? QStringLiteral("%1 %2").arg(q(latest->enteredBy), q(latest->enteredAt)) : QString();
    case Clause: return q(t.provenance.citation());
    case ColumnCount: break;
    }
    return {};
}

QVariant ActualsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (static_cast<Column>(section)) {
    case TargetId: return ActualsPanel::tr("目标");
    case Scope: return ActualsPanel::tr("范围");
    case Indicator: return ActualsPanel::tr("指标");
    case TargetValue: return ActualsPanel::tr("目标值");
    case Actual: return ActualsPanel::tr("实际值");
    case Unit: return ActualsPanel::tr("单位");
    case StatusColumn: return ActualsPanel::tr("状态");
    case Rule: return ActualsPanel::tr("判定规则");
    case Source: return ActualsPanel::tr("数据来源");
    case FigureDate: return ActualsPanel::tr("数据日期");
    case Entered: return ActualsPanel::tr("录入", "column: who entered the figure, when");
    case Clause: return ActualsPanel::tr("条款");
    case ColumnCount: break;
    }
    return {};
}

// ---- the filter ---------------------------------------------------------------------------------------------------

void ActualsFilter::setScope(const QString& scope)
{
    m_scope = scope.trimmed();
    invalidateFilter();
}

void ActualsFilter::setIndicator(const QString& text)
{
    m_indicator = text.trimmed();
    invalidateFilter();
}

void ActualsFilter::setStatus(std::optional<layers::Status> status)
{
    m_status = status;
    invalidateFilter();
}

bool ActualsFilter::filterAcceptsRow(int row, const QModelIndex& parent) const
{
    const QModelIndex i = sourceModel()->index(row, 0, parent);
    if (!m_scope.isEmpty()) {
        const QString scope = i.data(ActualsModel::ScopeRole).toString();
        // "city" takes every central city, "city:zunyi" one.
        if (scope != m_scope && !scope.startsWith(m_scope + ':'))
            return false;
    }
    if (!m_indicator.isEmpty() && !i.data(ActualsModel::IndicatorRole).toString().contains(m_indicator, Qt::CaseInsensitive))
        return false;
    if (m_status && i.data(ActualsModel::StatusRole).toString() != QString::fromUtf8(layers::statusId(*m_status)))
        return false;
    return true;
}

// ---- the dialog ---------------------------------------------------------------------------------------------------

ActualDialog::ActualDialog(const layers::Target& target, const layers::MonitoringRules& rules, const layers::Actual* current, Save save, QWidget* parent)
    : QDialog(parent), m_target(target), m_save(std::move(save))
{
    setWindowTitle(ActualsPanel::tr("录入实际数据：%1").arg(q(target.id)));
    auto* form = new QFormLayout;
    auto* about = new QLabel(QStringLiteral("<b>%1</b> · %2<br>%3 · %4")
                                 .arg(shown(target.indicator, target.indicatorEn).toHtmlEscaped(), targetText(target).toHtmlEscaped(),
                                      q(target.provenance.citation()).toHtmlEscaped(), q(target.quote).toHtmlEscaped()),
                             this);
    about->setWordWrap(true);
    form->addRow(about);

    m_value = new QLineEdit(this);
    m_value->setObjectName("value");
    form->addRow(ActualsPanel::tr("数值"), m_value);

    // The target's unit and the units that convert to it (share/monitoring/units.csv); another may be typed.
    m_unit = new QComboBox(this);
    m_unit->setObjectName("unit");
    m_unit->setEditable(true);
    QStringList units{q(target.unit)};
    std::string base;
    for (const auto& u : rules.units)
        if (u.unit == target.unit || u.base == target.unit)
            base = u.base;
    for (const auto& u : rules.units)
        if (!base.empty() && u.base == base && !units.contains(q(u.unit)))
            units << q(u.unit);
    if (!base.empty() && !units.contains(q(base)))
        units << q(base);
    m_unit->addItems(units);
    form->addRow(ActualsPanel::tr("单位"), m_unit);

    m_year = new QSpinBox(this);
    m_year->setObjectName("year");
    if (const layers::Period* period = rules.period(target.provenance.source))
        m_year->setRange(period->baseYear, period->endYear);
    else
        m_year->setRange(1949, 2100);  // checkActual names a year outside the plan
    m_year->setValue(target.year ? target.year : m_year->maximum());
    form->addRow(ActualsPanel::tr("年份"), m_year);

    m_measure = new QComboBox(this);
    m_measure->setObjectName("measure");
    for (const std::string& m : layers::measures())
        m_measure->addItem(m == "value" ? ActualsPanel::tr("按目标口径 (value)") : m == "annual" ? ActualsPanel::tr("单年数 (annual)") : ActualsPanel::tr("水平值 (level)"), q(m));
    form->addRow(ActualsPanel::tr("口径"), m_measure);

    m_date = new QLineEdit(this);
    m_date->setObjectName("figureDate");
    m_date->setPlaceholderText(ActualsPanel::tr("数据发布日期：YYYY、YYYY-MM 或 YYYY-MM-DD"));
    form->addRow(ActualsPanel::tr("数据日期"), m_date);

    m_source = new QLineEdit(this);
    m_source->setObjectName("source");
    m_source->setPlaceholderText(ActualsPanel::tr("必填，例如 贵州统计年鉴2024 表3-5"));
    form->addRow(ActualsPanel::tr("来源"), m_source);

    m_note = new QLineEdit(this);
    m_note->setObjectName("note");
    form->addRow(ActualsPanel::tr("备注"), m_note);

    if (current) {  // correcting: the figure that counts, to be changed
        m_value->setText(q(current->valueText.empty() ? number(current->value).toStdString() : current->valueText));
        m_unit->setCurrentText(q(current->unit));
        m_year->setValue(current->year);
        m_measure->setCurrentIndex(std::max(0, m_measure->findData(q(current->measure))));
        m_date->setText(q(current->figureDate));
        m_source->setText(q(current->source));
    }

    m_problems = new QLabel(this);
    m_problems->setObjectName("problems");
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet("color:#cf222e");
    m_problems->hide();
    form->addRow(m_problems);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] { submit(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    setLayout(form);
    setMinimumWidth(520);
}

QString ActualDialog::problems() const { return m_problems->isVisible() || !m_problems->text().isEmpty() ? m_problems->text() : QString(); }

layers::Actual ActualDialog::actual() const
{
    layers::Actual a;
    a.targetId = m_target.id;
    a.valueText = s(m_value->text().trimmed());
    bool ok = false;
    a.value = m_value->text().trimmed().toDouble(&ok);
    if (!ok)
        a.value = 0;
    a.unit = s(m_unit->currentText().trimmed());
    a.year = m_year->value();
    a.measure = s(m_measure->currentData().toString());
    a.figureDate = s(m_date->text().trimmed());
    a.source = s(m_source->text().trimmed());
    a.note = s(m_note->text().trimmed());
    a.enteredBy = s(whoEnters());
    a.enteredAt = s(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    return a;
}

bool ActualDialog::submit()
{
    const QStringList problems = m_save(actual());
    if (problems.isEmpty()) {
        m_problems->clear();
        m_problems->hide();
        accept();
        return true;
    }
    m_problems->setText(ActualsPanel::tr("未保存：") + "\n" + problems.join('\n'));
    m_problems->show();
    return false;
}

// ---- the panel ----------------------------------------------------------------------------------------------------

ActualsPanel::ActualsPanel(const layers::PlanQuery& query, QWidget* parent) : QWidget(parent), m_query(query)
{
    m_model = new ActualsModel(query, this);
    m_filter = new ActualsFilter(this);
    m_filter->setSourceModel(m_model);

    m_notice = new QLabel(this);
    m_notice->setObjectName("notice");
    m_notice->setWordWrap(true);

    m_scopeLabel = new QLabel(this);
    m_scopeBox = new QComboBox(this);
    m_scopeBox->setObjectName("scopeFilter");
    m_scopeBox->setEditable(true);  // kind[:id] typed, or picked
    m_scopeBox->setMinimumWidth(200);
    m_indicatorLabel = new QLabel(this);
    m_indicatorEdit = new QLineEdit(this);
    m_indicatorEdit->setObjectName("indicatorFilter");
    m_indicatorEdit->setClearButtonEnabled(true);
    m_statusLabel = new QLabel(this);
    m_statusBox = new QComboBox(this);
    m_statusBox->setObjectName("statusFilter");
    m_statusBox->addItem(QString(), QString());
    for (layers::Status st : {layers::Status::Met, layers::Status::NotMet, layers::Status::OnTrack, layers::Status::Behind, layers::Status::NoFigure,
                              layers::Status::Undetermined})
        m_statusBox->addItem(QString(), QString::fromUtf8(layers::statusId(st)));
    m_enterButton = new QPushButton(this);
    m_enterButton->setObjectName("enter");
    m_undoButton = new QPushButton(this);
    m_undoButton->setObjectName("undo");
    m_reloadButton = new QPushButton(this);
    m_reloadButton->setObjectName("reload");

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_scopeLabel);
    filters->addWidget(m_scopeBox);
    filters->addWidget(m_indicatorLabel);
    filters->addWidget(m_indicatorEdit, 1);
    filters->addWidget(m_statusLabel);
    filters->addWidget(m_statusBox);
    filters->addSpacing(12);
    filters->addWidget(m_enterButton);
    filters->addWidget(m_undoButton);
    filters->addWidget(m_reloadButton);

    m_table = new QTableView(this);
    m_table->setObjectName("actualsTable");
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);  // the plan's order until a header is clicked
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    // The rule says why: the widest column.
    for (const auto& [column, width] : {std::pair{ActualsModel::TargetId, 50}, {ActualsModel::Scope, 100}, {ActualsModel::Indicator, 200},
                                        {ActualsModel::TargetValue, 130}, {ActualsModel::Actual, 70}, {ActualsModel::Unit, 60},
                                        {ActualsModel::StatusColumn, 95}, {ActualsModel::Rule, 460}, {ActualsModel::Source, 170},
                                        {ActualsModel::FigureDate, 80}, {ActualsModel::Entered, 180}})
        m_table->setColumnWidth(column, width);

    m_changeTable = new QTableWidget(this);
    m_changeTable->setObjectName("changeTable");
    m_rowTable = new QTableWidget(this);
    m_rowTable->setObjectName("rowTable");
    for (QTableWidget* t : {m_changeTable, m_rowTable}) {
        t->verticalHeader()->hide();
        t->setEditTriggers(QAbstractItemView::NoEditTriggers);
        t->setSelectionBehavior(QAbstractItemView::SelectRows);
        t->horizontalHeader()->setStretchLastSection(true);
    }
    auto* history = new QSplitter(Qt::Vertical, this);
    history->addWidget(m_changeTable);
    history->addWidget(m_rowTable);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_table, QString());
    m_tabs->addTab(history, QString());

    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(4, 4, 4, 4);
    column->addWidget(m_notice);
    column->addLayout(filters);
    column->addWidget(m_tabs, 1);

    // Ctrl+Z where the panel has the focus (the map's own keys stay the map's).
    auto* undoAction = new QAction(this);
    undoAction->setShortcut(QKeySequence::Undo);
    undoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(undoAction);
    auto doUndo = [this] {
        const QString problem = undo();
        if (!problem.isEmpty())
            emit message(problem);
    };
    connect(undoAction, &QAction::triggered, this, doUndo);
    connect(m_undoButton, &QPushButton::clicked, this, doUndo);
    connect(m_enterButton, &QPushButton::clicked, this, &ActualsPanel::editCurrent);
    connect(m_reloadButton, &QPushButton::clicked, this, [this] { reload(); });
    connect(m_table, &QTableView::doubleClicked, this, &ActualsPanel::editRow);
    connect(m_scopeBox, &QComboBox::currentTextChanged, this, [this](const QString& text) {
        // An item picked shows its name: its key is in its data; typed text is the key itself.
        const int i = m_scopeBox->findText(text);
        m_filter->setScope(i >= 0 ? m_scopeBox->itemData(i).toString() : text);
    });
    connect(m_indicatorEdit, &QLineEdit::textChanged, m_filter, &ActualsFilter::setIndicator);
    connect(m_statusBox, &QComboBox::currentIndexChanged, this, [this](int i) {
        const QString id = m_statusBox->itemData(i).toString();
        std::optional<layers::Status> st;
        for (layers::Status x : {layers::Status::Met, layers::Status::NotMet, layers::Status::OnTrack, layers::Status::Behind, layers::Status::NoFigure,
                                 layers::Status::Undetermined})
            if (id == QString::fromUtf8(layers::statusId(x)))
                st = x;
        m_filter->setStatus(st);
    });
    retranslate();
}

ActualsPanel::~ActualsPanel() = default;

void ActualsPanel::setRules(layers::MonitoringRules rules) { m_rules = std::move(rules); }

QString ActualsPanel::setStore(const layers::DataLocation& where)
{
    m_where = where;
    delete m_notifier;
    m_notifier = nullptr;
    m_listener.reset();
    if (m_where.postgres()) {
        try {
            m_listener = std::make_unique<layers::ActualsListener>(m_where);
            m_notifier = new QSocketNotifier(m_listener->socket(), QSocketNotifier::Read, this);
            connect(m_notifier, &QSocketNotifier::activated, this, [this] {
                try {
                    if (m_listener->poll())
                        reload();
                } catch (const std::exception& e) {  // the server went away: say so once, stop listening
                    m_notifier->setEnabled(false);
                    emit error(tr("不再接收他人的更改：%1").arg(QString::fromUtf8(e.what())));
                }
            });
        } catch (const std::exception&) {
            m_listener.reset();  // reload() names the server's problem
        }
    }
    return reload();
}

QString ActualsPanel::reload()
{
    m_error.clear();
    m_readOnly.clear();
    m_all.clear();
    m_changes.clear();
    m_exists = false;
    if (!m_where.location().empty()) {
        try {
            m_readOnly = QString::fromStdString(layers::ActualsStore::whyReadOnly(m_where));
            m_exists = layers::ActualsStore::exists(m_where);
            if (m_exists) {
                const layers::ActualsStore store = layers::ActualsStore::open(m_where, false);
                m_all = store.actuals();
                m_changes = store.changes();
            }
        } catch (const std::exception& e) {
            m_all.clear();
            m_changes.clear();
            m_error = tr("实际数据库无法打开：%1。请检查 --actuals 指定的文件（或 GZPLAN_ACTUALS）").arg(QString::fromUtf8(e.what()));
        }
    }
    m_current = layers::currentActuals(m_all);
    auto progress = layers::evaluate(m_query.plan(), m_current, m_rules);
    m_data = makeProgressData(progress);
    m_model->setProgress(std::move(progress));
    fillScopes();
    fillHistory();
    // a store this user may only read: entering and undoing are off, and the notice says why
    m_enterButton->setEnabled(m_readOnly.isEmpty());
    m_undoButton->setEnabled(m_readOnly.isEmpty());
    m_enterButton->setToolTip(m_readOnly.isEmpty() ? tr("录入或更正所选目标的实际数据（也可双击一行）") : tr("只读：%1").arg(m_readOnly));
    m_notice->setText(notice());
    m_notice->setStyleSheet(m_error.isEmpty() ? QString() : QStringLiteral("color:#cf222e"));
    emit error(m_error);
    emit changed();
    return m_error;
}

QString ActualsPanel::notice() const
{
    if (!m_error.isEmpty())
        return m_error;
    const QString where = QString::fromStdString(m_where.shown());
    const QString readOnly = m_readOnly.isEmpty() ? QString() : QStringLiteral(" · ") + tr("只读：%1").arg(m_readOnly);
    if (m_all.empty())
        return tr("尚无实际数据：用 gzplan actuals import 导入，或在此录入") + QStringLiteral("  (%1)").arg(where) + readOnly;
    int figures = 0;
    for (const auto& p : progress())
        if (p.status != layers::Status::NoFigure)
            ++figures;
    return tr("%1 个目标中 %2 个有实际数据 · 数据库 %3").arg(progress().size()).arg(figures).arg(where) + readOnly;
}

long long ActualsPanel::seenChange(const std::vector<layers::Actual>& figures, const layers::Actual& a)
{
    for (const auto& f : figures)
        if (f.targetId == a.targetId && f.year == a.year && f.measure == a.measure)
            return f.change;
    return 0;
}

QStringList ActualsPanel::enter(const layers::Actual& actual, std::optional<long long> seen)
{
    QStringList problems;
    if (m_where.location().empty())
        return {tr("没有实际数据库：用 --actuals 指定文件")};
    if (!m_error.isEmpty())
        return {m_error};
    if (!m_readOnly.isEmpty())
        return {tr("只读：%1").arg(m_readOnly)};
    bool valueSaid = false, sourceSaid = false;
    for (const auto& p : layers::checkActual(actual, m_query.plan(), m_rules, m_current)) {
        problems << problemText(p);
        valueSaid = valueSaid || p.column == "actual_value";
        sourceSaid = sourceSaid || p.column == "source";
    }
    bool numeric = false;
    QString::fromStdString(actual.valueText).toDouble(&numeric);
    if (!numeric && !valueSaid)
        problems.prepend(tr("数值“%1”不是数字").arg(q(actual.valueText)));
    if (actual.source.empty() && !sourceSaid)
        problems << tr("来源必填");
    if (!problems.isEmpty())
        return problems;
    try {
        layers::ActualsStore store = layers::ActualsStore::open(m_where, true);
        store.set(actual, seen ? *seen : seenChange(m_current, actual), s(whoEnters()));
    } catch (const layers::ConflictError& e) {
        const layers::Change& other = e.other();
        const QString now = e.figure() ? tr("现为 %1 %2（%3）").arg(q(e.figure()->valueText), q(e.figure()->unit), q(e.figure()->source))
                                       : tr("现已无数据");
        reload();  // the table shows what counts now
        return {tr("未写入：%1 %2 年的数据已被他人修改（更改 #%3，%4，%5），%6。请核对后重新录入")
                    .arg(q(actual.targetId))
                    .arg(actual.year)
                    .arg(other.id)
                    .arg(q(other.by), q(other.at), now)};
    } catch (const std::exception& e) {
        return {tr("未写入 %1：%2").arg(QString::fromStdString(m_where.shown()), QString::fromUtf8(e.what()))};
    }
    reload();
    emit message(tr("已保存 %1 %2 年的实际数据").arg(q(actual.targetId)).arg(actual.year));
    return {};
}

ActualDialog* ActualsPanel::dialogFor(const std::string& targetId)
{
    const layers::Target* target = nullptr;
    for (const auto& t : m_query.plan().targets)
        if (t.id == targetId)
            target = &t;
    if (!target)
        return nullptr;
    const layers::Actual* current = nullptr;  // the latest year's figure that counts
    for (const auto& a : m_current)
        if (a.targetId == targetId && (!current || a.year >= current->year))
            current = &a;
    // the figures the dialog showed: a save is refused if another change made the one that counts since
    std::vector<layers::Actual> shown;
    for (const auto& a : m_current)
        if (a.targetId == targetId)
            shown.push_back(a);
    auto* dialog = new ActualDialog(
        *target, m_rules, current, [this, shown](const layers::Actual& a) { return enter(a, seenChange(shown, a)); }, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    return dialog;
}

QString ActualsPanel::undo()
{
    if (m_where.location().empty() || !m_exists)
        return tr("没有可撤销的更改");
    if (!m_readOnly.isEmpty())
        return tr("只读：%1").arg(m_readOnly);
    try {
        layers::ActualsStore store = layers::ActualsStore::open(m_where, false);
        const long long id = store.undo(0, s(whoEnters()));
        reload();
        emit message(tr("已撤销（更改 #%1）").arg(id));
    } catch (const std::exception& e) {
        return tr("无法撤销：%1").arg(QString::fromUtf8(e.what()));
    }
    return {};
}

void ActualsPanel::editRow(const QModelIndex& proxyIndex)
{
    if (!proxyIndex.isValid())
        return;
    const QString id = proxyIndex.siblingAtColumn(0).data(ActualsModel::TargetIdRole).toString();
    if (ActualDialog* dialog = dialogFor(s(id)))
        dialog->open();
}

void ActualsPanel::editCurrent()
{
    QModelIndex i = m_table->currentIndex();
    if (!i.isValid() && m_filter->rowCount() > 0)
        i = m_filter->index(0, 0);
    editRow(i);
}

void ActualsPanel::fillScopes()
{
    // Kept across a refill (and a language change, which renames the items): the key filtered by.
    const int picked = m_scopeBox->findText(m_scopeBox->currentText());
    const QString key = picked >= 0 ? m_scopeBox->itemData(picked).toString() : m_scopeBox->currentText();
    QSignalBlocker block(m_scopeBox);
    m_scopeBox->clear();
    m_scopeBox->addItem(tr("全部范围"), QString());
    std::vector<std::string> kinds, keys;
    for (const auto& t : m_query.plan().targets) {
        if (std::find(kinds.begin(), kinds.end(), t.scopeKind) == kinds.end())
            kinds.push_back(t.scopeKind);
        const std::string key = t.scopeKind + ":" + t.scopeId;
        if (std::find(keys.begin(), keys.end(), key) == keys.end())
            keys.push_back(key);
    }
    // Shown by name (a kind: every scope of it; a scope: that one); filtered by the key ("city", "city:zunyi") in the
    // item's data, which may also be typed.
    for (const auto& k : kinds)
        if (k != "province")
            m_scopeBox->addItem(ActualsPanel::tr("全部%1").arg(scopeKindText(k)), q(k));
    for (const auto& key : keys) {
        const auto colon = key.find(':');
        const std::string kind = key.substr(0, colon);
        m_scopeBox->addItem(QStringLiteral("  %1").arg(scopeLabel(m_query, kind, key.substr(colon + 1))), q(key));
    }
    if (const int i = m_scopeBox->findData(key); i >= 0)
        m_scopeBox->setCurrentIndex(i);
    else
        m_scopeBox->setCurrentText(key);
}

void ActualsPanel::fillHistory()
{
    m_changeTable->setRowCount(static_cast<int>(m_changes.size()));
    for (int r = 0; r < static_cast<int>(m_changes.size()); ++r) {
        const layers::Change& c = m_changes[static_cast<std::size_t>(r)];
        const QString kind = c.kind == "import" ? tr("导入") : c.kind == "set" ? tr("录入", "change kind") : c.kind == "undo" ? tr("撤销") : q(c.kind);
        const QString state = c.undone ? tr("已撤销", "change") : c.undoes ? tr("撤销了 #%1").arg(c.undoes) : QString();
        const QStringList cells{QString::number(c.id), kind, q(c.by), q(c.at), q(c.detail), QString::number(c.rows), state};
        for (int k = 0; k < cells.size(); ++k)
            m_changeTable->setItem(r, k, cell(cells[k]));
    }
    std::set<long long> counting;
    for (const auto& a : m_current)
        counting.insert(a.id);
    m_rowTable->setRowCount(static_cast<int>(m_all.size()));
    for (int r = 0; r < static_cast<int>(m_all.size()); ++r) {
        const layers::Actual& a = m_all[static_cast<std::size_t>(r)];
        const QString state = a.withdrawn ? tr("已撤销", "row") : counting.count(a.id) ? tr("计入") : tr("被取代");
        const QStringList cells{QString::number(a.id), QString::number(a.change), q(a.targetId), QString::number(a.year),
                                q(a.valueText.empty() ? number(a.value).toStdString() : a.valueText), q(a.unit), q(a.measure), q(a.figureDate),
                                q(a.source), q(a.enteredBy), q(a.enteredAt), q(a.note), state};
        for (int k = 0; k < cells.size(); ++k) {
            QTableWidgetItem* item = cell(cells[k]);
            if (a.withdrawn || !counting.count(a.id))
                item->setForeground(QColor("#6e7781"));
            m_rowTable->setItem(r, k, item);
        }
    }
    // Sized to their contents once (measuring every cell again at each change costs more than the rest of a refresh).
    if (!m_historySized && !m_all.empty()) {
        m_changeTable->resizeColumnsToContents();
        m_rowTable->resizeColumnsToContents();
        m_historySized = true;
    }
}

void ActualsPanel::retranslate()
{
    m_scopeLabel->setText(tr("范围"));
    m_scopeBox->setToolTip(tr("选择范围，或输入范围类型与标识：province、city、zone、corridor，或 city:zunyi"));
    m_indicatorLabel->setText(tr("指标"));
    m_indicatorEdit->setPlaceholderText(tr("指标名称的一部分"));
    m_statusLabel->setText(tr("状态"));
    m_statusBox->setItemText(0, tr("全部状态"));
    for (int i = 1; i < m_statusBox->count(); ++i)
        for (layers::Status st : {layers::Status::Met, layers::Status::NotMet, layers::Status::OnTrack, layers::Status::Behind, layers::Status::NoFigure,
                                  layers::Status::Undetermined})
            if (m_statusBox->itemData(i).toString() == QString::fromUtf8(layers::statusId(st)))
                m_statusBox->setItemText(i, statusText(st));
    m_enterButton->setText(tr("录入/更正…"));
    m_enterButton->setToolTip(tr("录入或更正所选目标的实际数据（也可双击一行）"));
    m_undoButton->setText(tr("撤销"));
    m_undoButton->setToolTip(tr("撤销最近一次更改 (Ctrl+Z)；撤销也记入历史"));
    m_reloadButton->setText(tr("重新读取"));
    m_tabs->setTabText(0, tr("目标与实际"));
    m_tabs->setTabText(1, tr("历史（全部更改与数据行）"));
    m_changeTable->setColumnCount(7);
    m_changeTable->setHorizontalHeaderLabels({tr("更改"), tr("类型"), tr("操作人"), tr("时间"), tr("内容"), tr("行数"), tr("状态")});
    m_rowTable->setColumnCount(13);
    m_rowTable->setHorizontalHeaderLabels({tr("行"), tr("更改"), tr("目标"), tr("年份"), tr("数值"), tr("单位"), tr("口径"), tr("数据日期"), tr("来源"),
                                           tr("录入人"), tr("录入时间"), tr("备注"), tr("状态")});
    m_model->retranslate();
    fillScopes();
    fillHistory();
    // a store this user may only read: entering and undoing are off, and the notice says why
    m_enterButton->setEnabled(m_readOnly.isEmpty());
    m_undoButton->setEnabled(m_readOnly.isEmpty());
    m_enterButton->setToolTip(m_readOnly.isEmpty() ? tr("录入或更正所选目标的实际数据（也可双击一行）") : tr("只读：%1").arg(m_readOnly));
    m_notice->setText(notice());
}

}  // namespace app::gui
