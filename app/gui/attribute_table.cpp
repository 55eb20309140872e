#include "gui/attribute_table.h"

#include <algorithm>

#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include "gui/selection.h"

namespace app::gui {
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
    m_export = button("export");
    m_busy = new QLabel(this);
    m_busy->setObjectName("sorting");
    m_busy->hide();
    bar->addWidget(m_busy);
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
    m_view->horizontalHeader()->setSectionsMovable(true);  // the order shown is the order exported
    m_view->horizontalHeader()->setSortIndicatorShown(true);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);  // no row measured: a million rows at once
    m_view->horizontalHeader()->setDefaultSectionSize(110);
    m_view->setWordWrap(false);
    column->addWidget(m_view, 1);

    connect(m_view->horizontalHeader(), &QHeaderView::sectionClicked, this, [this](int section) {
        // Ascending, then descending, then back to the file's order; counted from the sort asked for last (a
        // pending one), so quick clicks step through the three.
        const auto& t = m_model->table();
        const int current = m_model->sorting() ? m_model->pendingField() : t.sortField();
        const bool descending = m_model->sorting() ? m_model->pendingDescending() : t.descending();
        Qt::SortOrder order = Qt::AscendingOrder;
        int field = section;
        if (current == section && !descending)
            order = Qt::DescendingOrder;
        else if (current == section && descending)
            field = -1;
        m_model->sortAsync(field, order);  // the rows keep their order until the worker's is ready
    });
    connect(m_model, &AttributeTableModel::sortStarted, this, &AttributeTablePanel::showSorting);
    connect(m_model, &AttributeTableModel::sortFinished, this, [this](bool applied) {
        showSorting();
        if (applied)
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
    buildExport();
    retranslate();
    selectionChanged(nullptr);
}

void AttributeTablePanel::showSorting()
{
    const auto& t = m_model->table();
    // The indicator shows the order the rows have; the busy line the one being computed.
    m_view->horizontalHeader()->setSortIndicator(t.sortField(), t.descending() ? Qt::DescendingOrder : Qt::AscendingOrder);
    if (m_model->sorting()) {
        const int field = m_model->pendingField();
        const QString name = field < 0 ? QString() : m_model->headerData(field, Qt::Horizontal).toString();
        m_busy->setText(field < 0 ? tr("正在恢复文件顺序…") : m_model->pendingDescending() ? tr("正在按“%1”降序排序…").arg(name) : tr("正在按“%1”升序排序…").arg(name));
        m_busy->show();
        m_view->horizontalHeader()->setCursor(Qt::BusyCursor);
    } else {
        m_busy->hide();
        m_view->horizontalHeader()->unsetCursor();
    }
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
    showSorting();
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
    retranslateExport();
    showSorting();
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
