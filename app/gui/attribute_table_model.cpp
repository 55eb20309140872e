// The attribute table's model (gui/attribute_table.h): pages of rows by FID, headers with the fields' aliases, the
// order computed on a worker thread (sortAsync) and applied when ready.
#include "gui/attribute_table.h"

#include <algorithm>

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
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

AttributeTableModel::~AttributeTableModel() { cancelSort(); }

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
    cancelSort();
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

void AttributeTableModel::cancelSort()
{
    if (m_pending)
        m_pending->cancel->store(true);
    m_pending.reset();
}

namespace {
/// What a sort on the worker ends with: the order, or the error (in the window's language), or neither (cancelled).
struct SortOutcome {
    std::optional<layers::AttributeOrder> order;
    QString error;
};
}  // namespace

void AttributeTableModel::sortAsync(int column, Qt::SortOrder order)
{
    if (column >= columnCount())
        return;
    cancelSort();
    PendingSort pending{std::make_shared<std::atomic<bool>>(false), column, order == Qt::DescendingOrder, ++m_sortGeneration};
    m_pending = pending;
    // The worker opens its own instance (the table is not thread-safe) and computes the order; only values are
    // shared with it, so it may outlive this model.
    auto open = m_table->opener();
    const std::string filter = m_table->filter();
    auto* watcher = new QFutureWatcher<SortOutcome>(this);
    connect(watcher, &QFutureWatcher<SortOutcome>::finished, this, [this, watcher, generation = pending.generation] {
        watcher->deleteLater();
        if (!m_pending || m_pending->generation != generation)
            return;  // replaced by a later sort or a filter
        m_pending.reset();
        SortOutcome outcome = watcher->result();
        if (!outcome.order) {
            if (!outcome.error.isEmpty())
                emit readFailed(outcome.error);
            emit sortFinished(false);
            return;
        }
        beginResetModel();
        dropPages();
        m_table->applyOrder(std::move(*outcome.order));
        endResetModel();
        emit sortFinished(true);
    });
    watcher->setFuture(QtConcurrent::run([open = std::move(open), cancel = pending.cancel, column, descending = pending.descending, filter] {
        SortOutcome out;
        try {
            out.order = open()->computeOrder(column, descending, filter, cancel.get());
        } catch (const layers::OrderCancelled&) {
        } catch (const layers::ExpressionError& e) {
            out.error = describe(e);
        } catch (const std::exception& e) {
            out.error = tr("无法排序: %1").arg(QString::fromUtf8(e.what()));
        }
        return out;
    }));
    emit sortStarted();
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
    // A sort still running is done here with the filter (what the user asked for last, in one step).
    const int field = m_pending ? m_pending->field : m_table->sortField();
    const bool descending = m_pending ? m_pending->descending : m_table->descending();
    const bool wasSorting = sorting();
    cancelSort();
    beginResetModel();
    dropPages();
    try {
        m_table->setOrder(field, descending, expression.toStdString());
    } catch (const layers::ExpressionError& e) {
        error = describe(e);
    } catch (const std::exception& e) {
        error = tr("无法筛选: %1").arg(QString::fromUtf8(e.what()));
    }
    endResetModel();
    if (wasSorting)
        emit sortFinished(error.isEmpty());
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

}  // namespace app::gui
