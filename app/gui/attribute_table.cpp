#include "gui/attribute_table.h"

#include <algorithm>

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QPushButton>
#include <QTableView>
#include <QTextStream>
#include <QToolButton>
#include <QVBoxLayout>

#include "gui/selection.h"

namespace app::gui {

namespace {

/// Splits a CSV line of share/data/field_aliases.csv (quoted fields allowed).
QStringList csvFields(const QString& line)
{
    QStringList out;
    QString field;
    bool quoted = false;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"')
                field += '"', ++i;
            else if (c == '"')
                quoted = false;
            else
                field += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            out << field;
            field.clear();
        } else {
            field += c;
        }
    }
    out << field;
    return out;
}

QString fieldList(const std::vector<std::string>& fields)
{
    QStringList names;
    for (const auto& f : fields)
        names << QString::fromStdString(f);
    return names.join(QStringLiteral(", "));
}

}  // namespace

const QHash<QString, FieldAlias>& fieldAliases()
{
    static const QHash<QString, FieldAlias> aliases = [] {
        QHash<QString, FieldAlias> out;
        QFile file(QStringLiteral(":/data/field_aliases.csv"));
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            return out;  // the build embeds it; a test checks it is there
        QTextStream in(&file);
        in.setEncoding(QStringConverter::Utf8);
        in.readLine();  // header: field,zh,en,source
        while (!in.atEnd()) {
            const QStringList f = csvFields(in.readLine());
            if (f.size() >= 3 && !f[0].isEmpty())
                out.insert(f[0], {f[1], f[2]});
        }
        return out;
    }();
    return aliases;
}

// ---------------------------------------------------------------------------------------------------------------

AttributeTableModel::AttributeTableModel(std::unique_ptr<layers::AttributeTable> table, QHash<QString, FieldAlias> aliases, QObject* parent)
    : QAbstractTableModel(parent), m_table(std::move(table)), m_aliases(std::move(aliases))
{
}

AttributeTableModel::~AttributeTableModel() = default;

int AttributeTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(std::min<std::size_t>(m_table->rowCount(), std::size_t(INT32_MAX)));
}

int AttributeTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(m_table->fields().size()); }

const layers::AttributeRow* AttributeTableModel::row(std::size_t r) const
{
    const std::size_t first = r / kPageRows * kPageRows;
    for (auto it = m_pages.begin(); it != m_pages.end(); ++it)
        if (it->first == first) {
            if (it != m_pages.begin())
                m_pages.splice(m_pages.begin(), m_pages, it);
            const auto& rows = m_pages.front().rows;
            return r - first < rows.size() ? &rows[r - first] : nullptr;
        }
    Page page;
    page.first = first;
    try {
        page.rows = m_table->readRows(first, kPageRows);
    } catch (const std::exception& e) {
        emit readFailed(tr("无法读取属性表的行: %1").arg(QString::fromUtf8(e.what())));
        return nullptr;
    }
    ++m_pagesRead;
    m_pages.push_front(std::move(page));
    if (m_pages.size() > kCachedPages)
        m_pages.pop_back();
    const auto& rows = m_pages.front().rows;
    return r - first < rows.size() ? &rows[r - first] : nullptr;
}

void AttributeTableModel::dropPages() { m_pages.clear(); }

QVariant AttributeTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const std::size_t column = static_cast<std::size_t>(index.column());
    const layers::AttributeType type = m_table->fields()[column].type;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole: {
        const layers::AttributeRow* r = row(static_cast<std::size_t>(index.row()));
        if (!r || column >= r->values.size())
            return {};
        const auto& v = r->values[column];
        if (!v)
            return role == Qt::ToolTipRole ? QVariant(tr("空值 (NULL)")) : QVariant();
        return QString::fromStdString(*v);
    }
    case Qt::TextAlignmentRole:
        return QVariant::fromValue((type == layers::AttributeType::Integer || type == layers::AttributeType::Real ? Qt::AlignRight : Qt::AlignLeft) |
                                   Qt::AlignVCenter);
    case Qt::BackgroundRole:
        if (m_selected && !m_selected->empty() && isSelected(fid(index.row()))) {
            QColor c = QApplication::palette().color(QPalette::Highlight);
            c.setAlpha(70);
            return c;
        }
        return {};
    default: return {};
    }
}

QVariant AttributeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole && section >= 0 && static_cast<std::size_t>(section) < m_table->rowCount())
            return QString::number(fid(section));
        if (role == Qt::ToolTipRole)
            return tr("要素编号 (FID)");
        return {};
    }
    if (section < 0 || static_cast<std::size_t>(section) >= m_table->fields().size())
        return {};
    const QString name = QString::fromStdString(m_table->fields()[static_cast<std::size_t>(section)].name);
    const auto own = m_aliases.constFind(name);
    const FieldAlias* alias = own != m_aliases.constEnd() ? &*own : nullptr;
    if (!alias)
        if (const auto it = fieldAliases().constFind(name); it != fieldAliases().constEnd())
            alias = &*it;
    if (role == Qt::DisplayRole) {
        if (alias && m_language == "zh" && !alias->zh.isEmpty())
            return alias->zh;
        return name;
    }
    if (role == Qt::ToolTipRole) {
        QString tip = tr("字段 %1").arg(name);
        if (alias)
            tip += QStringLiteral(" · ") + (m_language == "zh" ? alias->zh : alias->en);
        return tip + QStringLiteral("\n") + tr("点击按此列排序");
    }
    return {};
}

void AttributeTableModel::sort(int column, Qt::SortOrder order)
{
    if (column >= columnCount())
        return;
    beginResetModel();
    dropPages();
    try {
        m_table->setOrder(column, order == Qt::DescendingOrder, m_table->filter());
    } catch (const std::exception& e) {
        endResetModel();
        emit readFailed(tr("无法排序: %1").arg(QString::fromUtf8(e.what())));
        return;
    }
    endResetModel();
}

QString AttributeTableModel::describe(const layers::ExpressionError& e)
{
    const QString expression = QString::fromStdString(e.expression());
    const QString fields = fieldList(e.fields());
    if (e.kind() == layers::ExpressionError::Kind::MissingField)
        return tr("表达式 “%1” 中的 “%2” 不是此图层的字段。可用字段: %3").arg(expression, QString::fromStdString(e.field()), fields);
    if (e.detail() == "empty expression")
        return tr("请输入表达式, 例如 landuse = '林地' AND area_m2 > 10000。可用字段: %1").arg(fields);
    return tr("表达式 “%1” 无法解析: %2 (GDAL 的说明)。文字值用单引号, 例如 landuse = '林地'。可用字段: %3")
        .arg(expression, QString::fromStdString(e.detail()), fields);
}

QString AttributeTableModel::setFilter(const QString& expression)
{
    QString error;
    beginResetModel();
    dropPages();
    try {
        m_table->setOrder(m_table->sortField(), m_table->descending(), expression.toStdString());
    } catch (const layers::ExpressionError& e) {
        error = describe(e);
    } catch (const std::exception& e) {
        error = tr("无法筛选: %1").arg(QString::fromUtf8(e.what()));
    }
    endResetModel();
    return error;
}

std::vector<std::int64_t> AttributeTableModel::matching(const QString& expression, QString& error)
{
    error.clear();
    try {
        return m_table->matching(expression.toStdString());
    } catch (const layers::ExpressionError& e) {
        error = describe(e);
    } catch (const std::exception& e) {
        error = tr("无法选择: %1").arg(QString::fromUtf8(e.what()));
    }
    return {};
}

std::optional<int> AttributeTableModel::rowOf(std::int64_t fid) const
{
    const auto r = m_table->rowOf(fid);
    if (!r)
        return std::nullopt;
    return static_cast<int>(*r);
}

void AttributeTableModel::setSelectedFids(std::shared_ptr<const std::vector<std::int64_t>> fids)
{
    m_selected = std::move(fids);
    if (rowCount() && columnCount())
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::BackgroundRole});
}

bool AttributeTableModel::isSelected(std::int64_t fid) const { return m_selected && std::binary_search(m_selected->begin(), m_selected->end(), fid); }

QString AttributeTableModel::text(int r, const QString& field) const
{
    const int k = m_table->fieldIndex(field.toStdString());
    const layers::AttributeRow* a = k < 0 || r < 0 ? nullptr : row(static_cast<std::size_t>(r));
    if (!a || !a->values[static_cast<std::size_t>(k)])
        return {};
    return QString::fromStdString(*a->values[static_cast<std::size_t>(k)]);
}

void AttributeTableModel::setLanguage(const QString& language)
{
    m_language = language;
    if (columnCount())
        emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

// ---------------------------------------------------------------------------------------------------------------

AttributeTablePanel::AttributeTablePanel(std::unique_ptr<layers::AttributeTable> table, TableLink link, Selection* selection, QString title,
                                         QHash<QString, FieldAlias> aliases, QWidget* parent)
    : QWidget(parent), m_link(std::move(link)), m_selection(selection), m_title(std::move(title))
{
    m_model = new AttributeTableModel(std::move(table), std::move(aliases), this);
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(2, 2, 2, 2);
    column->setSpacing(2);
    auto* bar = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setObjectName("filter");
    m_filter->setClearButtonEnabled(true);
    bar->addWidget(m_filter, 1);
    auto button = [&](const char* name) {
        auto* b = new QToolButton(this);
        b->setObjectName(name);
        bar->addWidget(b);
        return b;
    };
    m_select = button("selectByExpression");
    m_zoom = button("zoomToSelection");
    m_clear = button("clearSelection");
    m_count = new QLabel(this);
    bar->addWidget(m_count);
    column->addLayout(bar);
    m_error = new QLabel(this);
    m_error->setObjectName("filterError");
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: palette(highlighted-text); background: palette(highlight); padding: 3px;"));
    m_error->hide();
    column->addWidget(m_error);

    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSortingEnabled(false);  // sorting is asked for by the header's click (below): no initial sort
    m_view->horizontalHeader()->setSectionsClickable(true);
    m_view->horizontalHeader()->setSortIndicatorShown(true);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);  // no row measured: a million rows at once
    m_view->horizontalHeader()->setDefaultSectionSize(110);
    m_view->setWordWrap(false);
    column->addWidget(m_view, 1);

    connect(m_view->horizontalHeader(), &QHeaderView::sectionClicked, this, [this](int section) {
        const auto& t = m_model->table();
        // Ascending, then descending, then back to the file's order.
        Qt::SortOrder order = Qt::AscendingOrder;
        int field = section;
        if (t.sortField() == section && !t.descending())
            order = Qt::DescendingOrder;
        else if (t.sortField() == section && t.descending())
            field = -1;
        QApplication::setOverrideCursor(Qt::WaitCursor);
        m_model->sort(field, order);
        QApplication::restoreOverrideCursor();
        m_view->horizontalHeader()->setSortIndicator(field, order);
        selectionChanged(nullptr);
    });
    connect(m_filter, &QLineEdit::returnPressed, this, [this] { applyFilter(); });
    connect(m_model, &AttributeTableModel::readFailed, this, &AttributeTablePanel::showError);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AttributeTablePanel::viewSelectionChanged);
    connect(m_view, &QTableView::doubleClicked, this, [this] { emit zoomToSelection(); });
    connect(m_select, &QToolButton::clicked, this, &AttributeTablePanel::chooseExpression);
    connect(m_zoom, &QToolButton::clicked, this, [this] { emit zoomToSelection(); });
    connect(m_clear, &QToolButton::clicked, this, [this] {
        if (m_link.kind == TableLink::Kind::UserLayer)
            m_selection->clearUserFeatures(m_link.userLayer, nullptr);
        else if (m_link.kind != TableLink::Kind::None)
            m_selection->clear(nullptr);
    });

    // Plan tables: the id of each row (88 counties, a few dozen zones…), read once.
    if (m_link.kind == TableLink::Kind::Counties || m_link.kind == TableLink::Kind::PlanFeature) {
        auto& t = m_model->table();
        const int k = t.fieldIndex(m_link.idField.toStdString());
        if (k >= 0)
            for (const auto& r : t.readRows(0, t.rowCount()))
                if (r.values[static_cast<std::size_t>(k)]) {
                    const QString id = QString::fromStdString(*r.values[static_cast<std::size_t>(k)]);
                    m_fidOfId.insert(id, r.fid);
                    m_idOfFid.insert(r.fid, id);
                }
    }
    if (m_selection) {
        connect(m_selection, &Selection::changed, this, [this](QObject* origin) {
            if (m_link.kind == TableLink::Kind::Counties || m_link.kind == TableLink::Kind::PlanFeature)
                selectionChanged(origin);
        });
        connect(m_selection, &Selection::userFeaturesChanged, this, [this](const QString& layer, QObject* origin) {
            if (m_link.kind == TableLink::Kind::UserLayer && (layer.isEmpty() || layer == m_link.userLayer))
                selectionChanged(origin);
        });
    }
    retranslate();
    selectionChanged(nullptr);
}

std::shared_ptr<const std::vector<std::int64_t>> AttributeTablePanel::linkedFids() const
{
    if (!m_selection)
        return std::make_shared<const std::vector<std::int64_t>>();
    if (m_link.kind == TableLink::Kind::UserLayer)
        return m_selection->userFeatures(m_link.userLayer);
    std::vector<std::int64_t> fids;
    if (m_link.kind == TableLink::Kind::Counties) {
        for (const QString& code : m_selection->counties())
            if (const auto it = m_fidOfId.constFind(code); it != m_fidOfId.constEnd())
                fids.push_back(*it);
    } else if (m_link.kind == TableLink::Kind::PlanFeature) {
        if (const auto it = m_fidOfId.constFind(m_selection->feature()); it != m_fidOfId.constEnd())
            fids.push_back(*it);
    }
    std::sort(fids.begin(), fids.end());
    return std::make_shared<const std::vector<std::int64_t>>(std::move(fids));
}

void AttributeTablePanel::selectionChanged(QObject* origin)
{
    const auto fids = linkedFids();
    m_model->setSelectedFids(fids);
    if (origin != this) {
        // The view's own selection follows (for a selection of a reasonable size; a larger one is shown by the rows'
        // background alone: the view's selection model holds ranges and slows with every one of them).
        m_syncing = true;
        QItemSelection rows;
        std::optional<int> first;
        if (fids->size() <= 5000) {
            std::vector<int> sorted;
            for (std::int64_t fid : *fids)
                if (const auto r = m_model->rowOf(fid))
                    sorted.push_back(*r);
            std::sort(sorted.begin(), sorted.end());
            for (std::size_t i = 0; i < sorted.size();) {
                std::size_t j = i;
                while (j + 1 < sorted.size() && sorted[j + 1] == sorted[j] + 1)
                    ++j;
                rows.select(m_model->index(sorted[i], 0), m_model->index(sorted[j], m_model->columnCount() - 1));
                i = j + 1;
            }
            if (!sorted.empty())
                first = sorted.front();
        } else {
            for (std::int64_t fid : *fids)
                if (const auto r = m_model->rowOf(fid); r && (!first || *r < *first))
                    first = *r;
        }
        m_view->selectionModel()->select(rows, QItemSelectionModel::ClearAndSelect);
        if (first) {
            m_view->selectionModel()->setCurrentIndex(m_model->index(*first, 0), QItemSelectionModel::NoUpdate);
            m_view->scrollTo(m_model->index(*first, 0), QAbstractItemView::PositionAtCenter);
        }
        m_syncing = false;
    }
    showCount();
}

void AttributeTablePanel::applySelection(std::vector<std::int64_t> fids, QObject* origin, bool firstFeature)
{
    switch (m_link.kind) {
    case TableLink::Kind::UserLayer: m_selection->setUserFeatures(m_link.userLayer, std::move(fids), origin); break;
    case TableLink::Kind::Counties: {
        QSet<QString> codes;
        for (std::int64_t fid : fids)
            codes.insert(m_idOfFid.value(fid));
        codes.remove(QString());
        if (codes.isEmpty())
            m_selection->clear(origin);
        else
            m_selection->setCounties(codes, origin);
        break;
    }
    case TableLink::Kind::PlanFeature:  // one plan feature at a time
        if (fids.empty())
            m_selection->clear(origin);
        else
            m_selection->setFeature(m_idOfFid.value(firstFeature ? fids.front() : fids.back()), origin);
        break;
    case TableLink::Kind::None: break;
    }
}

void AttributeTablePanel::viewSelectionChanged()
{
    if (m_syncing || !m_selection)
        return;
    std::vector<std::int64_t> fids;
    for (const QItemSelectionRange& range : m_view->selectionModel()->selection())
        for (int r = range.top(); r <= range.bottom(); ++r)
            fids.push_back(m_model->fid(r));
    applySelection(std::move(fids), this, false);
    // The linked selection may hold fewer than the rows picked (one plan feature): the background shows what holds.
    m_model->setSelectedFids(linkedFids());
    showCount();
}

std::vector<int> AttributeTablePanel::selectedRows() const
{
    std::vector<int> rows;
    const auto fids = linkedFids();  // held: a range-for over *linkedFids() would outlive the vector
    for (std::int64_t fid : *fids)
        if (const auto r = m_model->rowOf(fid))
            rows.push_back(*r);
    std::sort(rows.begin(), rows.end());
    return rows;
}

QString AttributeTablePanel::applyFilter()
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QString error = m_model->setFilter(m_filter->text());
    QApplication::restoreOverrideCursor();
    showError(error);
    selectionChanged(nullptr);
    return error;
}

int AttributeTablePanel::selectByExpression(const QString& expression, QString& error)
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    std::vector<std::int64_t> fids = m_model->matching(expression, error);
    QApplication::restoreOverrideCursor();
    if (!error.isEmpty())
        return -1;
    const int count = static_cast<int>(fids.size());
    applySelection(std::move(fids), nullptr, true);
    return count;
}

void AttributeTablePanel::chooseExpression()
{
    SelectByExpressionDialog dialog(this, this);
    dialog.expression()->setText(m_filter->text());
    dialog.exec();
}

void AttributeTablePanel::showError(const QString& text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void AttributeTablePanel::showCount()
{
    const auto& t = m_model->table();
    const std::size_t selected = linkedFids()->size();
    m_count->setText(tr("%1 / %2 行, 已选 %3").arg(t.rowCount()).arg(t.featureCount()).arg(selected));
}

void AttributeTablePanel::setLanguage(const QString& language)
{
    m_language = language;
    m_model->setLanguage(language);
}

void AttributeTablePanel::retranslate()
{
    m_filter->setPlaceholderText(tr("筛选: 表达式 (GDAL SQL), 例如 landuse = '林地' AND area_m2 > 10000, 回车应用"));
    m_select->setText(tr("按表达式选择…"));
    m_select->setToolTip(tr("选择表达式接受的全部要素 (不改变筛选)"));
    m_zoom->setText(tr("缩放到所选"));
    m_clear->setText(tr("清除选择"));
    showCount();
}

// ---------------------------------------------------------------------------------------------------------------

SelectByExpressionDialog::SelectByExpressionDialog(AttributeTablePanel* panel, QWidget* parent) : QDialog(parent), m_panel(panel)
{
    setWindowTitle(tr("按表达式选择 · %1").arg(panel->title()));
    auto* column = new QVBoxLayout(this);
    auto* hint = new QLabel(tr("表达式 (GDAL SQL 的 WHERE 条件), 例如 landuse = '林地' AND area_m2 > 10000"), this);
    hint->setWordWrap(true);
    column->addWidget(hint);
    m_expression = new QLineEdit(this);
    m_expression->setObjectName("expression");
    column->addWidget(m_expression);
    m_result = new QLabel(this);
    m_result->setObjectName("result");
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(m_result);
    auto* buttons = new QDialogButtonBox(this);
    QPushButton* select = buttons->addButton(tr("选择"), QDialogButtonBox::ApplyRole);
    buttons->addButton(tr("关闭"), QDialogButtonBox::RejectRole);
    column->addWidget(buttons);
    connect(select, &QPushButton::clicked, this, &SelectByExpressionDialog::apply);
    connect(m_expression, &QLineEdit::returnPressed, this, &SelectByExpressionDialog::apply);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(560, sizeHint().height());
}

bool SelectByExpressionDialog::apply()
{
    QString error;
    const int count = m_panel->selectByExpression(m_expression->text(), error);
    if (count < 0) {
        m_result->setText(error);
        return false;
    }
    m_result->setText(tr("已选择 %1 个要素").arg(count));
    return true;
}

}  // namespace app::gui
