#include "gui/membership_table.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>


#include "render/language.h"

namespace app::gui {

namespace {
constexpr int kCodeRole = Qt::UserRole + 1;
constexpr int kFirstClassColumn = 3;
}  // namespace

MembershipTable::MembershipTable(const render::MapData& data, Selection* selection, QWidget* parent)
    : QWidget(parent), m_data(data), m_selection(selection)
{
    m_model = new QStandardItemModel(static_cast<int>(data.counties.size()), kFirstClassColumn + static_cast<int>(data.classes.size()) + 1, this);
    for (std::size_t row = 0; row < data.counties.size(); ++row) {
        const render::CountyItem& c = data.counties[row];
        const int r = static_cast<int>(row);
        auto* code = new QStandardItem(c.code);
        code->setData(c.code, kCodeRole);
        m_model->setItem(r, 0, code);
        m_model->setItem(r, 1, new QStandardItem);  // names in the window's language: retranslate()
        m_model->setItem(r, 2, new QStandardItem);
        const std::vector<int>& held = row < data.countyClasses.size() ? data.countyClasses[row] : std::vector<int>{};
        for (std::size_t k = 0; k < data.classes.size(); ++k) {
            const bool member = std::find(held.begin(), held.end(), static_cast<int>(k)) != held.end();
            auto* cell = new QStandardItem(member ? QStringLiteral("✓") : QString());
            cell->setTextAlignment(Qt::AlignCenter);
            m_model->setItem(r, kFirstClassColumn + static_cast<int>(k), cell);
        }
        auto* count = new QStandardItem;
        count->setData(static_cast<int>(held.size()), Qt::DisplayRole);
        count->setTextAlignment(Qt::AlignCenter);
        m_model->setItem(r, kFirstClassColumn + static_cast<int>(data.classes.size()), count);
    }
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);  // any column
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filter = new QLineEdit(this);
    m_filter->setClearButtonEnabled(true);
    m_view = new QTableView(this);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MembershipTable::fromTable);
    connect(m_selection, &Selection::changed, this, &MembershipTable::fromSelection);
    retranslate();
}

void MembershipTable::retranslate()
{
    // Names in the window's language; the other language's in the tooltip.
    for (std::size_t row = 0; row < m_data.counties.size(); ++row) {
        const render::CountyItem& c = m_data.counties[row];
        const QString prefectureEn = c.prefectureIndex < static_cast<int>(m_data.prefectures.size())
                                         ? m_data.prefectures[static_cast<std::size_t>(c.prefectureIndex)].nameEn
                                         : QString();
        QStandardItem* name = m_model->item(static_cast<int>(row), 1);
        name->setText(render::inLanguage(c.name, c.nameEn));
        const QString other = render::englishMap() ? c.name : c.nameEn;
        QStringList names{other, c.shortName, c.oldName};
        names.removeAll(QString());
        name->setToolTip(names.join(" · "));
        m_model->item(static_cast<int>(row), 2)->setText(render::inLanguage(c.prefectureName, prefectureEn));
    }
    QStringList header{tr("代码"), tr("名称"), tr("市州")};
    for (const render::ClassItem& c : m_data.classes)
        header << QStringLiteral("%1 (%2)").arg(render::inLanguage(c.name, c.nameEn)).arg(c.count);
    header << tr("类别数");
    m_model->setHorizontalHeaderLabels(header);
    for (std::size_t k = 0; k < m_data.classes.size(); ++k)
        m_model->horizontalHeaderItem(kFirstClassColumn + static_cast<int>(k))->setToolTip(render::englishMap() ? m_data.classes[k].name : m_data.classes[k].nameEn);
    m_filter->setPlaceholderText(tr("筛选: 名称、代码、市州…"));
}

QSet<QString> MembershipTable::selectedCodes() const
{
    QSet<QString> codes;
    for (const QModelIndex& index : m_view->selectionModel()->selectedRows(0))
        codes.insert(index.data(kCodeRole).toString());
    return codes;
}

void MembershipTable::fromTable()
{
    if (m_syncing)
        return;
    m_selection->setCounties(selectedCodes(), this);
}

void MembershipTable::fromSelection(QObject* origin)
{
    if (origin == this)
        return;
    m_syncing = true;
    QItemSelection rows;
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        const QModelIndex index = m_proxy->index(r, 0);
        if (m_selection->counties().contains(index.data(kCodeRole).toString()))
            rows.select(index, m_proxy->index(r, m_proxy->columnCount() - 1));
    }
    m_view->selectionModel()->select(rows, QItemSelectionModel::ClearAndSelect);
    if (!rows.isEmpty())
        m_view->scrollTo(rows.indexes().first());
    m_syncing = false;
}

}  // namespace app::gui
