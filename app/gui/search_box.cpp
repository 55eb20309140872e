#include "gui/search_box.h"

#include <QCompleter>
#include <QStringListModel>

namespace app::gui {

SearchBox::SearchBox(const render::MapData& data, QWidget* parent) : QLineEdit(parent)
{
    for (const auto& c : data.counties) {
        QStringList keys{c.name, c.shortName, c.code};
        QString display = QStringLiteral("%1 · %2 · %3").arg(c.name, c.shortName, c.code);
        if (!c.oldName.isEmpty()) {
            keys << c.oldName << c.oldCode;
            display += QStringLiteral(" · %1 %2").arg(tr("原"), c.oldName);
        }
        m_entries.push_back({display, keys, {Hit::Kind::County, c.code}});
    }
    for (const auto& z : data.zones)
        m_entries.push_back({QStringLiteral("%1 · %2").arg(z.name, z.layout), {z.name, z.id}, {Hit::Kind::Zone, z.id}});
    for (const auto& c : data.cities)
        m_entries.push_back({QStringLiteral("%1 · %2").arg(c.name, tr("区域中心城市")), {c.name, c.id}, {Hit::Kind::City, c.id}});
    for (const auto& p : data.places)
        m_entries.push_back({QStringLiteral("%1 · %2").arg(p.name, p.kind), {p.name, p.id}, {Hit::Kind::Place, p.id}});
    for (const auto& c : data.corridors)
        m_entries.push_back({QStringLiteral("%1 · %2").arg(c.name, c.mode), {c.name, c.id}, {Hit::Kind::Corridor, c.id}});

    QStringList displays;
    for (const Entry& e : m_entries)
        displays << e.display;
    m_model = new QStringListModel(displays, this);
    m_completer = new QCompleter(m_model, this);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setMaxVisibleItems(14);
    setCompleter(m_completer);
    setClearButtonEnabled(true);
    setPlaceholderText(tr("搜索县、分区、节点… (名称、简称、旧名或代码)"));
    connect(m_completer, qOverload<const QString&>(&QCompleter::activated), this, &SearchBox::choose);
    connect(this, &QLineEdit::returnPressed, this, [this] { choose(text()); });
}

Hit SearchBox::find(const QString& raw) const
{
    const QString text = raw.trimmed();
    if (text.isEmpty())
        return {};
    for (const Entry& e : m_entries)
        if (e.display == text || e.keys.contains(text))
            return e.hit;
    for (const Entry& e : m_entries)
        if (e.display.contains(text, Qt::CaseInsensitive))
            return e.hit;
    return {};
}

void SearchBox::choose(const QString& text)
{
    const Hit hit = find(text);
    if (hit.kind != Hit::Kind::None)
        emit found(hit);
}

}  // namespace app::gui
