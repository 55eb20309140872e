#include "gui/search_box.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QStringListModel>

#include "gui/info_html.h"

namespace app::gui {

using layers::PlanKind;
using layers::PlanObject;

const std::vector<PlanKind> kSearchKinds{PlanKind::County, PlanKind::Prefecture, PlanKind::CountyClass, PlanKind::Zone,
                                         PlanKind::CentralCity, PlanKind::Corridor, PlanKind::Place, PlanKind::Statement};

namespace {
QString kindTitle(PlanKind kind)
{
    switch (kind) {
    case PlanKind::County: return SearchBox::tr("县级单位");
    case PlanKind::Prefecture: return SearchBox::tr("市州");
    case PlanKind::CountyClass: return SearchBox::tr("县城分类");
    case PlanKind::Zone: return SearchBox::tr("分区");
    case PlanKind::CentralCity: return SearchBox::tr("区域中心城市");
    case PlanKind::Corridor: return SearchBox::tr("廊道");
    case PlanKind::Place: return SearchBox::tr("节点");
    case PlanKind::Statement: return SearchBox::tr("规划表述");
    }
    return {};
}

QString s(const std::string& text) { return QString::fromStdString(text); }

/// The objects for a message: 遵义市 (市州)、遵义 (区域中心城市).
QString named(const std::vector<PlanObject>& objects)
{
    QStringList out;
    for (const PlanObject& o : objects)
        out << QStringLiteral("%1 (%2)").arg(s(englishShown() && !o.nameEn.empty() ? o.nameEn : o.name), kindTitle(o.kind));
    return out.join(SearchBox::tr("、"));
}
}  // namespace

Hit hitOf(const PlanObject& o, const layers::PlanData& plan)
{
    const QString id = s(o.id);
    switch (o.kind) {
    case PlanKind::Statement:
        // A statement is shown in the panel of the place it concerns (a province-wide one has none on the map).
        for (const layers::Statement& x : plan.statements)
            if (x.id == o.id) {
                if (x.scopeKind == "county") return {Hit::Kind::County, s(x.scopeId)};
                if (x.scopeKind == "zone") return {Hit::Kind::Zone, s(x.scopeId)};
                if (x.scopeKind == "city") return {Hit::Kind::City, s(x.scopeId)};
            }
        break;
    case PlanKind::County: return {Hit::Kind::County, id};
    case PlanKind::Zone: return {Hit::Kind::Zone, id};
    case PlanKind::CentralCity: return {Hit::Kind::City, id};
    case PlanKind::Corridor: return {Hit::Kind::Corridor, id};
    case PlanKind::Place: return {Hit::Kind::Place, id};
    case PlanKind::Prefecture: return {Hit::Kind::Prefecture, id};
    case PlanKind::CountyClass: break;
    }
    return {};
}

SearchBox::SearchBox(const layers::PlanQuery& query, QWidget* parent) : QLineEdit(parent), m_query(query)
{
    // Every object resolve() knows: the completion list offers them all.
    m_objects = query.objects(kSearchKinds);

    m_model = new QStringListModel(this);
    m_completer = new QCompleter(m_model, this);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setMaxVisibleItems(14);
    setCompleter(m_completer);
    // The candidates or suggestions of a search: the whole list, unfiltered, under the box.
    m_choiceModel = new QStringListModel(this);
    m_choices = new QCompleter(m_choiceModel, this);
    m_choices->setWidget(this);
    m_choices->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_choices->setMaxVisibleItems(14);
    setClearButtonEnabled(true);
    retranslate();
    connect(m_completer, qOverload<const QString&>(&QCompleter::activated), this, &SearchBox::choose);
    connect(m_choices, qOverload<const QString&>(&QCompleter::activated), this, [this](const QString& line) {
        setText(line);  // a line of the list names one object: Return pressed again finds the same
        choose(line);
    });
    connect(this, &QLineEdit::returnPressed, this, [this] { choose(text()); });
    // The red frame marks the text that found nothing; editing it is already the answer.
    connect(this, &QLineEdit::textEdited, this, [this] { setStyleSheet({}); });
}

QString SearchBox::display(const PlanObject& o) const
{
    const layers::Geography& g = m_query.geography();
    const layers::PlanData& plan = m_query.plan();
    // In English the English name leads and the Chinese follows: both can be typed.
    const bool english = englishShown() && !o.nameEn.empty();
    QStringList parts{s(english ? o.nameEn : o.name), kindTitle(o.kind)};
    if (english)
        parts << s(o.name);
    switch (o.kind) {
    case PlanKind::County:
        if (const layers::County* c = g.county(o.id)) {
            parts << s(c->shortName) << s(c->code);
            if (!c->oldName.empty())
                parts << QStringLiteral("%1 %2").arg(tr("原"), s(c->oldName));
        }
        break;
    case PlanKind::Prefecture: parts << s(o.id); break;
    // The objects come from the plan itself (PlanQuery::objects): their ids are there. Kinds and modes as words.
    case PlanKind::CountyClass: parts << (english ? QString() : s(plan.countyClass(o.id)->nameEn)); break;
    case PlanKind::Zone: parts << s(plan.termText(plan.zone(o.id)->layout, englishShown())); break;
    case PlanKind::Corridor: parts << s(plan.termText(plan.corridor(o.id)->mode, englishShown())); break;
    case PlanKind::Place: parts << s(plan.termText(plan.place(o.id)->kind, englishShown())); break;
    case PlanKind::CentralCity: break;
    case PlanKind::Statement:
        // The place it concerns: 5G基站建站指标倾斜 · 规划表述 · 贵阳贵安.
        for (const layers::Statement& x : plan.statements)
            if (x.id == o.id)
                parts << scopeName(m_query, x.scopeKind, x.scopeId);
        break;
    }
    parts.removeAll(QString());
    return parts.join(QStringLiteral(" · "));
}

void SearchBox::retranslate()
{
    m_displays.clear();
    for (const PlanObject& o : m_objects)
        m_displays << display(o);
    // A line names one object: two alike (never so far) are told apart by the id.
    for (qsizetype i = 0; i < m_displays.size(); ++i)
        if (m_displays.indexOf(m_displays[i]) != i)
            m_displays[i] += QStringLiteral(" (%1)").arg(s(m_objects[static_cast<std::size_t>(i)].id));
    m_model->setStringList(m_displays);
    setPlaceholderText(tr("搜索县、市州、县城分类、分区、中心城市、廊道、节点、规划表述… (名称、简称、旧名或代码)"));
}

layers::NameLookup SearchBox::lookup(const QString& raw) const
{
    const QString text = raw.trimmed();
    if (const qsizetype line = m_displays.indexOf(text); line >= 0) {
        layers::NameLookup chosen;
        chosen.matches.push_back(m_objects[static_cast<std::size_t>(line)]);
        return chosen;
    }
    return m_query.resolve(text.toStdString(), kSearchKinds);
}

QString SearchBox::lineOf(const PlanObject& o) const
{
    for (std::size_t i = 0; i < m_objects.size(); ++i)
        if (m_objects[i].kind == o.kind && m_objects[i].id == o.id)
            return m_displays[static_cast<qsizetype>(i)];
    return display(o);
}

Hit SearchBox::find(const QString& text) const
{
    const layers::NameLookup names = lookup(text);
    return names.one() ? hitOf(*names.one(), m_query.plan()) : Hit{};
}

void SearchBox::choose(const QString& text) { search(text); }

void SearchBox::search(const QString& raw)
{
    const QString text = raw.trimmed();
    if (text.isEmpty()) {
        offer({});
        setMessage({}, false);
        return;
    }
    const layers::NameLookup names = lookup(text);
    if (const PlanObject* one = names.one()) {
        const PlanObject object = *one;
        offer({});
        setMessage({}, false);
        emit chosen(object);
        return;
    }
    if (names.matches.size() > 1) {
        offer(names.matches);
        setMessage(tr("“%1”有 %2 个结果, 请在搜索框下的列表中选择: %3").arg(text).arg(names.matches.size()).arg(named(names.matches)),
                   false);
        return;
    }
    offer(names.suggestions);
    QString message = tr("找不到“%1”").arg(text);
    if (names.suggestions.empty())
        message += tr("; 请输入县、市州、县城分类、分区、中心城市、廊道、节点或规划表述的名称、简称或代码");
    else if (names.everyOne)
        message += tr("; 可选: %1").arg(named(names.suggestions));
    else
        message += tr("; 是否要找: %1").arg(named(names.suggestions));
    setMessage(message, true);
}

void SearchBox::offer(const std::vector<PlanObject>& objects)
{
    m_offered = objects;
    QStringList lines;
    for (const PlanObject& o : objects)
        lines << lineOf(o);
    m_choiceModel->setStringList(lines);
    if (lines.isEmpty())
        m_choices->popup()->hide();
    else if (isVisible())
        m_choices->complete();
}

void SearchBox::setMessage(const QString& text, bool notFound)
{
    m_message = text;
    setToolTip(text);
    const QString frame = QStringLiteral("QLineEdit { border: 2px solid #cf222e; border-radius: 3px; }");
    setStyleSheet(notFound ? frame : QString());
    emit messageChanged(text, notFound);
}

}  // namespace app::gui
