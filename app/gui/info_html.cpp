#include "gui/info_html.h"

#include <algorithm>
#include <map>

#include <QCoreApplication>

#include "gui/document_panel.h"
#include "layers/corridor_nodes.h"
#include "layers/plan_geometry.h"
#include "layers/plan_text.h"

namespace app::gui {

namespace {
QString q(const std::string& s) { return QString::fromStdString(s).toHtmlEscaped(); }
/// A table's term id (a kind, mode, status, part) as a word in the window's language (share/plan/glossary.csv).
QString term(const layers::PlanQuery& query, const std::string& id) { return q(query.plan().termText(id, englishShown())); }
QStringList q(const std::vector<std::string>& list)
{
    QStringList out;
    for (const std::string& s : list)
        out << q(s);
    return out;
}

/// Chinese shown as such in the English window: a quote of the documents, a name as the documents write it.
/// Marked so that the language test can tell it from untranslated text.
QString zh(const QString& html) { return QStringLiteral("<span lang='zh'>%1</span>").arg(html); }

QString basisBadge(const std::string& basis)
{
    const QString colour = basis == "stated" ? "#1a7f37" : basis == "reference" ? "#0550ae" : "#b35900";
    const QString word = basis == "stated" ? QCoreApplication::translate("app::gui::Info", "文件明确") : basis == "reference" ? QCoreApplication::translate("app::gui::Info", "参考资料") : QCoreApplication::translate("app::gui::Info", "本项目假定");
    return QStringLiteral("<span style='color:%1'>%2</span>").arg(colour, word);
}

/// A cited source: a link that opens the document panel at the clause (the quote highlighted), its basis, and the
/// quote itself under it in small grey type.
QString source(const layers::Provenance& p, const std::string& quote = {})
{
    const QString link = clauseLink(p, QString::fromStdString(quote)).toString(QUrl::FullyEncoded).toHtmlEscaped();
    const std::string clause = englishShown() ? layers::clauseInArabic(p.clause) : p.clause;
    QString html = QStringLiteral("<a href='%1'>%2 %3</a> · %4").arg(link, q(p.source), q(clause), basisBadge(p.basis));
    if (!quote.empty())
        html += QStringLiteral("<br><small style='color:#555555'>%1</small>").arg(zh("“" + q(quote) + "”"));
    return html;
}

/// The sentence of a membership's clause that names the county (the tables keep only the clause).
std::string memberQuote(const InfoOptions& options, const layers::Provenance& p, const std::vector<std::string>& names)
{
    if (!options.texts || p.basis != "stated")
        return {};
    const auto doc = options.texts->documents.find(p.source);
    return doc == options.texts->documents.end() ? std::string() : layers::clauseSentence(doc->second, p.clause, names);
}

/// Names the window shows: the English form in English where the tables have one.
QString shown(const std::string& zh, const std::string& en) { return q(englishShown() && !en.empty() ? en : zh); }

/// A county's or prefecture's name in the window's language (share/plan/names_en.csv): full or short.
QString placeName(const layers::PlanQuery& query, const std::string& code, const std::string& zh, bool shortForm = false)
{
    const layers::EnglishName* n = query.plan().englishName(code);
    return shown(zh, n ? (shortForm ? n->shortEn : n->nameEn) : std::string());
}

/// A county by code: its name in the window's language, or the name as the table writes it.
QString countyName(const layers::PlanQuery& query, const std::string& code, const std::string& asWritten)
{
    const layers::County* c = query.geography().county(code);
    return c ? placeName(query, code, c->name) : q(asWritten);
}

/// The document's own words (a zone's functions, a city's industries): quoted, since they are the plan's text and
/// are shown as written in either language.
QString documentWords(const QStringList& words) { return zh("“" + words.join("；") + "”"); }

/// Status words as the document writes them (推动, 加快建设) in Chinese; the glossary's status in English.
QString statusText(const layers::PlanQuery& query, const std::string& words, const std::string& status)
{
    return englishShown() ? term(query, status) : QStringLiteral("%1 (%2)").arg(q(words), term(query, status));
}

QString table(const QStringList& header, const QList<QStringList>& rows)
{
    QString html = "<table border='0' cellspacing='0' cellpadding='3' width='100%'><tr style='background:#eeeeee'>";
    for (const QString& h : header)
        html += "<th align='left'>" + h + "</th>";
    html += "</tr>";
    for (const QStringList& row : rows) {
        html += "<tr>";
        for (const QString& cell : row)
            html += "<td valign='top'>" + cell + "</td>";
        html += "</tr>";
    }
    return html + "</table>";
}

/// A target's source, with the bases of its year and scope where they are weaker than the value's (GY2025 gives
/// no year: 2028 is assumed) and the note that says why.
QString targetSource(const layers::Target& t)
{
    QString html = source(t.provenance, t.quote);
    QStringList weaker;
    if (!t.yearBasis.empty() && t.yearBasis != t.provenance.basis)
        weaker << QStringLiteral("%1: %2").arg(QCoreApplication::translate("app::gui::Info", "年份"), basisBadge(t.yearBasis));
    if (!t.scopeBasis.empty() && t.scopeBasis != t.provenance.basis)
        weaker << QStringLiteral("%1: %2").arg(QCoreApplication::translate("app::gui::Info", "范围"), basisBadge(t.scopeBasis));
    if (!weaker.isEmpty())
        html += "<br>" + weaker.join(" · ");
    if (!t.note.empty())
        html += QStringLiteral("<br><small>%1</small>").arg(shown(t.note, t.noteEn));
    return html;
}

/// The plan statements about a place: what, for which scope, and the words of the document.
QString statementTable(const layers::PlanQuery& query, const std::vector<const layers::Statement*>& statements)
{
    QList<QStringList> rows;
    for (const auto* x : statements) {
        QString about = shown(x->topic, x->topicEn);
        if (!x->note.empty())
            about += QStringLiteral("<br><small>%1</small>").arg(shown(x->note, x->noteEn));
        rows << QStringList{about, scopeName(query, x->scopeKind, x->scopeId).toHtmlEscaped(), source(x->provenance, x->quote)};
    }
    return "<h3>" + QCoreApplication::translate("app::gui::Info", "规划表述") + QStringLiteral(" (%1)</h3>").arg(rows.size()) +
           table({QCoreApplication::translate("app::gui::Info", "内容"), QCoreApplication::translate("app::gui::Info", "范围"),
                  QCoreApplication::translate("app::gui::Info", "出处")},
                 rows);
}

/// The relations a unit takes part in (一体化, 联动, 同城化): between which units, and the words of the document.
QString relationTable(const layers::PlanQuery& query, const std::vector<const layers::Relation*>& relations)
{
    QList<QStringList> rows;
    for (const auto* x : relations) {
        QString name = shown(x->name, x->nameEn);
        if (!x->note.empty())
            name += QStringLiteral("<br><small>%1</small>").arg(shown(x->note, x->noteEn));
        rows << QStringList{name, term(query, x->kind),
                            (scopeName(query, x->fromKind, x->fromId) + QStringLiteral(" — ") + scopeName(query, x->toKind, x->toId)).toHtmlEscaped(),
                            source(x->provenance, x->quote)};
    }
    return "<h3>" + QCoreApplication::translate("app::gui::Info", "区域关系") + QStringLiteral(" (%1)</h3>").arg(rows.size()) +
           table({QCoreApplication::translate("app::gui::Info", "名称"), QCoreApplication::translate("app::gui::Info", "类型"),
                  QCoreApplication::translate("app::gui::Info", "之间"), QCoreApplication::translate("app::gui::Info", "出处")},
                 rows);
}

/// Statements and relations, each section only when there are any.
QString statementsAndRelations(const layers::PlanQuery& query, const std::vector<const layers::Statement*>& statements,
                               const std::vector<const layers::Relation*>& relations)
{
    return (statements.empty() ? QString() : statementTable(query, statements)) + (relations.empty() ? QString() : relationTable(query, relations));
}

QString value(const layers::Target& t)
{
    return QStringLiteral("%1 %2").arg(q(t.comparator), QString::number(t.value, 'g', 10));
}

/// Targets pivoted by scope and indicator: 2023, 2025 and any other year side by side.
QString targetTable(const layers::PlanQuery& query, const std::vector<const layers::Target*>& targets)
{
    struct Row {
        QString scope, indicator, unit, v2023, v2025, other;
        QString source;
    };
    std::map<std::string, Row> rows;
    std::vector<std::string> order;
    for (const auto* t : targets) {
        const std::string key = t->scopeKind + "/" + t->scopeId + "/" + t->indicator + "/" + t->unit;
        if (!rows.count(key)) {
            QString scope = q(t->scopeId);
            if (t->scopeKind == "zone" && query.plan().zone(t->scopeId))
                scope = shown(query.plan().zone(t->scopeId)->name, query.plan().zone(t->scopeId)->nameEn);
            if (t->scopeKind == "city" && query.plan().centralCity(t->scopeId))
                scope = shown(query.plan().centralCity(t->scopeId)->name, query.plan().centralCity(t->scopeId)->nameEn);
            if (t->scopeKind == "place" && query.plan().place(t->scopeId))
                scope = shown(query.plan().place(t->scopeId)->name, query.plan().place(t->scopeId)->nameEn);
            if (t->scopeKind == "corridor" && query.plan().corridor(t->scopeId))
                scope = shown(query.plan().corridor(t->scopeId)->name, query.plan().corridor(t->scopeId)->nameEn);
            if (t->scopeKind == "province")
                scope = QCoreApplication::translate("app::gui::Info", "全省");
            rows[key] = {scope, shown(t->indicator, t->indicatorEn), term(query, t->unit), "", "", "", targetSource(*t)};
            order.push_back(key);
        }
        Row& r = rows[key];
        if (t->year == 2023)
            r.v2023 = value(*t);
        else if (t->year == 2025)
            r.v2025 = value(*t);
        else
            r.other += QStringLiteral("%1: %2 ").arg(t->year).arg(value(*t));
    }
    QList<QStringList> out;
    for (const auto& key : order) {
        const Row& r = rows[key];
        out << QStringList{r.scope, r.indicator, r.v2023, r.v2025, r.other, r.unit, r.source};
    }
    return table({QCoreApplication::translate("app::gui::Info", "范围"), QCoreApplication::translate("app::gui::Info", "指标"), "2023", "2025", QCoreApplication::translate("app::gui::Info", "其他年份"), QCoreApplication::translate("app::gui::Info", "单位"), QCoreApplication::translate("app::gui::Info", "出处")}, out);
}

QString countyHtml(const layers::PlanQuery& query, const std::string& code, const InfoOptions& options)
{
    const layers::County* c = query.geography().county(code);
    if (!c)
        return {};
    const layers::CountyReport r = query.county(*c);
    const layers::PlanData& plan = query.plan();
    QString html = QStringLiteral("<h2>%1 <small>%2</small></h2><p>%3 %4 · %5 %6").arg(placeName(query, c->code, c->name), q(c->code), QCoreApplication::translate("app::gui::Info", "简称"), placeName(query, c->code, c->shortName, true), QCoreApplication::translate("app::gui::Info", "所属"), placeName(query, c->prefectureCode, c->prefectureName));
    if (englishShown())  // the Chinese name a planner writes in a report, beside its English form
        html += QStringLiteral(" · %1").arg(zh(q(c->name)));
    if (!c->oldName.empty())
        html += QStringLiteral(" · %1 %2 (%3)").arg(QCoreApplication::translate("app::gui::Info", "原名"), zh(q(c->oldName)), q(c->oldCode));
    html += QStringLiteral("<br><small>%1: %2 · %3</small></p>")
                .arg(QCoreApplication::translate("app::gui::Info", "边界"), q(query.geography().package(layers::packages::kCounties)).replace('@', ' '),
                     basisBadge("reference"));

    QList<QStringList> classes;
    for (const auto* m : r.classes) {
        const auto* cls = plan.countyClass(m->classId);
        QString note = shown(m->note, m->noteEn);
        if (!m->orbit.empty())
            note = QStringLiteral("%1 %2 %3").arg(QCoreApplication::translate("app::gui::Info", "融入"), m->orbit == "guiyang" ? QCoreApplication::translate("app::gui::Info", "贵阳市") : QCoreApplication::translate("app::gui::Info", "遵义市"), note);
        // The class's own list sentence when it names the county (盘州 is in two lists of the same item), else the
        // first sentence of the clause that does.
        const std::string classQuote = cls && (cls->quote.find(m->county) != std::string::npos) && m->provenance.basis == "stated"
                                           ? cls->quote
                                           : memberQuote(options, m->provenance, {m->county, c->shortName});
        classes << QStringList{cls ? shown(cls->name, cls->nameEn) : q(m->classId), note, source(m->provenance, classQuote)};
    }
    html += "<h3>" + QCoreApplication::translate("app::gui::Info", "县城分类") + QStringLiteral(" (%1)</h3>").arg(classes.size());
    html += classes.isEmpty() ? "<p>" + QCoreApplication::translate("app::gui::Info", "未列入 GZ2023 四(八)23 的县城分类") + "</p>" : table({QCoreApplication::translate("app::gui::Info", "类别"), QCoreApplication::translate("app::gui::Info", "说明"), QCoreApplication::translate("app::gui::Info", "出处")}, classes);

    QList<QStringList> zones;
    for (const auto* m : r.zones) {
        const auto* z = plan.zone(m->zoneId);
        zones << QStringList{z ? shown(z->name, z->nameEn) : q(m->zoneId), z ? term(query, z->layout) : "", m->extent == "full" ? QCoreApplication::translate("app::gui::Info", "全部") : QCoreApplication::translate("app::gui::Info", "部分"), source(m->provenance, memberQuote(options, m->provenance, {m->county, c->shortName}))};
    }
    html += "<h3>" + QCoreApplication::translate("app::gui::Info", "所在分区") + QStringLiteral(" (%1)</h3>").arg(zones.size());
    if (!zones.isEmpty())
        html += table({QCoreApplication::translate("app::gui::Info", "分区"), QCoreApplication::translate("app::gui::Info", "格局"), QCoreApplication::translate("app::gui::Info", "范围"), QCoreApplication::translate("app::gui::Info", "出处")}, zones);

    QList<QStringList> cities;
    for (const auto* m : r.centralCities) {
        const auto* city = plan.centralCity(m->cityId);
        cities << QStringList{city ? shown(city->name, city->nameEn) : q(m->cityId), term(query, m->part), m->extent == "full" ? QCoreApplication::translate("app::gui::Info", "全部") : QCoreApplication::translate("app::gui::Info", "部分"), source(m->provenance, memberQuote(options, m->provenance, {m->county, c->shortName}))};
    }
    if (!cities.isEmpty())
        html += "<h3>" + QCoreApplication::translate("app::gui::Info", "区域中心城市") + "</h3>" + table({QCoreApplication::translate("app::gui::Info", "城市"), QCoreApplication::translate("app::gui::Info", "组成"), QCoreApplication::translate("app::gui::Info", "范围"), QCoreApplication::translate("app::gui::Info", "出处")}, cities);

    QList<QStringList> places;
    for (const auto* p : r.places)
        places << QStringList{shown(p->name, p->nameEn), term(query, p->kind), p->positionQuality == "approximate" ? QCoreApplication::translate("app::gui::Info", "近似") : QCoreApplication::translate("app::gui::Info", "实测"), statusText(query, p->statusWords, p->status), source(p->provenance)};
    if (!places.isEmpty())
        html += "<h3>" + QCoreApplication::translate("app::gui::Info", "节点与项目") + "</h3>" + table({QCoreApplication::translate("app::gui::Info", "名称"), QCoreApplication::translate("app::gui::Info", "类型"), QCoreApplication::translate("app::gui::Info", "位置"), QCoreApplication::translate("app::gui::Info", "状态"), QCoreApplication::translate("app::gui::Info", "出处")}, places);

    html += statementsAndRelations(query, r.statements, r.relations);

    // The targets that concern this county first (through its zones, central city, places and corridors), then the
    // province-wide ones about county seats, then the rest of the province-wide ones: counted, listed on request.
    html += "<h3>" + QCoreApplication::translate("app::gui::Info", "适用目标") + QStringLiteral(" (%1)</h3>").arg(r.targets.size());
    html += r.targets.empty() ? "<p>" + QCoreApplication::translate("app::gui::Info", "没有以本县、其分区、中心城市、节点或廊道为范围的目标") + "</p>"
                              : targetTable(query, r.targets);
    html += "<h3>" + QCoreApplication::translate("app::gui::Info", "全省目标中涉及县城、县级、县域的") + QStringLiteral(" (%1)</h3>").arg(r.provinceCountyTargets.size());
    if (!r.provinceCountyTargets.empty())
        html += targetTable(query, r.provinceCountyTargets);
    const std::size_t others = r.provinceTargets - r.provinceCountyTargets.size();
    if (options.allProvinceTargets) {
        std::vector<const layers::Target*> rest;
        for (const layers::Target& t : plan.targets)
            if (t.scopeKind == "province" && std::find(r.provinceCountyTargets.begin(), r.provinceCountyTargets.end(), &t) == r.provinceCountyTargets.end())
                rest.push_back(&t);
        html += "<h3>" + QCoreApplication::translate("app::gui::Info", "其他全省目标") + QStringLiteral(" (%1)</h3>").arg(rest.size()) + targetTable(query, rest);
    } else {
        html += QStringLiteral("<p><a href='gzplan:province-targets'>%1</a></p>").arg(QCoreApplication::translate("app::gui::Info", "另有全省目标 %1 项 (展开)").arg(others));
    }
    return html;
}

QString zoneHtml(const layers::PlanQuery& query, const render::MapData& data, const std::string& id, const InfoOptions& options)
{
    const layers::Zone* z = query.plan().zone(id);
    if (!z)
        return {};
    const layers::ZoneReport r = query.zone(*z);
    // The other language's name beside the shown one: a planner quoting the zone needs its Chinese name.
    QStringList about{term(query, z->layout)};
    if (englishShown())
        about << zh(q(z->name));
    about << source(z->provenance);
    QString html = QStringLiteral("<h2>%1</h2><p>%2</p>").arg(shown(z->name, z->nameEn), about.join(" · "));
    if (!z->functions.empty()) {
        QStringList functions;
        for (const auto& f : z->functions)
            functions << q(f);
        html += "<p><b>" + QCoreApplication::translate("app::gui::Info", "功能") + ":</b> " + documentWords(functions) + "</p>";
    }
    if (const auto* item = data.zone(QString::fromStdString(id)))
        html += "<p><small>" + QCoreApplication::translate("app::gui::Info", "图形") + ": " + (item->geometryNote.startsWith("schematic") ? QCoreApplication::translate("app::gui::Info", "示意范围: 圆形裁切到所含县级单位, 非官方边界")
                                                                     : QCoreApplication::translate("app::gui::Info", "所含县级单位的合并")) + " · " + basisBadge(item->geometryBasis.toStdString()) + "</small></p>";
    if (!z->note.empty())
        html += "<p><small>" + shown(z->note, z->noteEn) + "</small></p>";
    QList<QStringList> members;
    for (const auto* m : r.members) {
        const auto* c = query.geography().county(m->code);
        members << QStringList{countyName(query, m->code, m->county), q(m->code), m->extent == "full" ? QCoreApplication::translate("app::gui::Info", "全部") : QCoreApplication::translate("app::gui::Info", "部分"),
                               source(m->provenance, memberQuote(options, m->provenance, {m->county, c ? c->shortName : m->county}))};
    }
    html += "<h3>" + QCoreApplication::translate("app::gui::Info", "范围") + QStringLiteral(" (%1)</h3>").arg(members.size()) + table({QCoreApplication::translate("app::gui::Info", "县级单位"), QCoreApplication::translate("app::gui::Info", "代码"), QCoreApplication::translate("app::gui::Info", "范围"), QCoreApplication::translate("app::gui::Info", "出处")}, members);
    html += statementsAndRelations(query, r.statements, r.relations);
    if (!r.targets.empty())
        html += "<h3>" + QCoreApplication::translate("app::gui::Info", "目标") + "</h3>" + targetTable(query, r.targets);
    return html;
}

QString corridorHtml(const layers::PlanQuery& query, const std::string& id)
{
    const layers::Corridor* c = query.plan().corridor(id);
    if (!c)
        return {};
    // Nodes in Guizhou by their county's short name; one outside as the table writes it, 南宁(广西) or (广西), and in
    // English by the names of names_en.csv, Nanning (Guangxi).
    auto english = [&](const std::string& zhName) {
        for (const layers::EnglishName& n : query.plan().englishNames)
            if (n.shortName == zhName || n.name == zhName)
                return n.shortEn;
        return zhName;
    };
    QStringList nodes;
    bool seats = false, provinceEnds = false;
    for (std::size_t i = 0; i < c->nodeNames.size(); ++i) {
        const std::string& code = i < c->nodeCodes.size() ? c->nodeCodes[i] : std::string();
        const std::string& name = c->nodeNames[i];
        const layers::CorridorNode node = layers::parseCorridorNode(name);
        seats = seats || node.kind == layers::CorridorNode::Kind::NeighbourSeat;
        provinceEnds = provinceEnds || node.kind == layers::CorridorNode::Kind::Province;
        QString shownNode = q(name);
        if (node.kind == layers::CorridorNode::Kind::Guizhou && !code.empty()) {
            shownNode = placeName(query, code, name, true);
        } else if (englishShown() && node.kind != layers::CorridorNode::Kind::Guizhou) {
            QStringList provinces;
            for (const std::string& p : node.provinces)
                provinces << q(english(p));
            shownNode = node.kind == layers::CorridorNode::Kind::Province ? "(" + provinces.join(", ") + ")"
                                                                          : q(english(node.label())) + " (" + provinces.join(", ") + ")";
        }
        nodes << shownNode;
    }
    QString html = QStringLiteral("<h2>%1</h2><p>%2 · %3: %4</p><p>%5: %6</p><p>%7</p>")
                       .arg(shown(c->name, c->nameEn), term(query, c->mode), QCoreApplication::translate("app::gui::Info", "状态"), statusText(query, c->statusWords, c->status),
                            QCoreApplication::translate("app::gui::Info", "节点"), nodes.join(" → "), source(c->provenance, c->quote));
    QString alignment = QCoreApplication::translate("app::gui::Info", "走向为示意: 连接各节点驻地的直线段");
    if (seats)
        alignment += QCoreApplication::translate("app::gui::Info", "; 省外端点为文中所写城市或县的驻地 (位置近似)");
    if (provinceEnds)
        alignment += QCoreApplication::translate("app::gui::Info", "; 只写省名的端点止于出省界%1–%2公里处 (近似)").arg(layers::kBorderCrossingBeyondKm).arg(layers::kBorderCrossingMaxKm);
    html += "<p><small>" + alignment + "</small></p>";
    const auto targets = query.targets("corridor", id);
    if (!targets.empty())
        html += targetTable(query, targets);
    return html;
}

QString placeHtml(const layers::PlanQuery& query, const std::string& id, const InfoOptions& options)
{
    const layers::Place* p = query.plan().place(id);
    if (!p)
        return {};
    // The sentence of its clause that names it (the table keeps the clause only); also when its county is assumed.
    std::string quote;
    if (options.texts)
        if (const auto doc = options.texts->documents.find(p->provenance.source); doc != options.texts->documents.end())
            quote = layers::clauseSentence(doc->second, p->provenance.clause, {p->name});
    QString html = QStringLiteral("<h2>%1</h2><p>%2 · %3 %4</p><p>%5: %6 · %7: %8</p><p>%9</p>")
                       .arg(shown(p->name, p->nameEn), term(query, p->kind), QCoreApplication::translate("app::gui::Info", "位于"), countyName(query, p->code, p->code), QCoreApplication::translate("app::gui::Info", "位置"),
                            p->positionQuality == "approximate" ? QCoreApplication::translate("app::gui::Info", "近似 (置于县城)") : QCoreApplication::translate("app::gui::Info", "实测"), QCoreApplication::translate("app::gui::Info", "状态"), statusText(query, p->statusWords, p->status), source(p->provenance, quote));
    if (!p->note.empty())
        html += "<p><small>" + shown(p->note, p->noteEn) + "</small></p>";
    return html;
}

QString prefectureHtml(const layers::PlanQuery& query, const std::string& code)
{
    const auto& prefectures = query.geography().prefectures;
    const auto p = std::find_if(prefectures.begin(), prefectures.end(), [&](const auto& x) { return x.code == code; });
    if (p == prefectures.end())
        return {};
    QList<QStringList> counties;
    for (const layers::County& c : query.geography().counties)
        if (c.prefectureCode == code) {
            QStringList classes;
            for (const layers::HeldClass& held : query.classesOf(c.code))
                classes << shown(held.countyClass->name, held.countyClass->nameEn);
            counties << QStringList{placeName(query, c.code, c.name), q(c.code),
                                    classes.join(QCoreApplication::translate("app::gui::Info", "、"))};
        }
    QString html = QStringLiteral("<h2>%1 <small>%2</small></h2><p>%3 %4 · %5</p>")
                       .arg(placeName(query, p->code, p->name), q(p->code), QCoreApplication::translate("app::gui::Info", "简称"), placeName(query, p->code, p->shortName, true),
                            QCoreApplication::translate("app::gui::Info", "面积 %L1 km²").arg(p->areaKm2, 0, 'f', 0));
    const QString unit = QCoreApplication::translate("app::gui::Info", "县级单位");
    html += "<h3>" + unit + QStringLiteral(" (%1)</h3>").arg(counties.size());
    return html + table({unit, QCoreApplication::translate("app::gui::Info", "代码"),
                         QCoreApplication::translate("app::gui::Info", "县城分类")},
                        counties);
}

QString cityHtml(const layers::PlanQuery& query, const std::string& id, const InfoOptions& options)
{
    const layers::CentralCity* city = query.plan().centralCity(id);
    if (!city)
        return {};
    const QStringList industries = q(city->industries);
    QString html = QStringLiteral("<h2>%1</h2><p>%2</p>").arg(shown(city->name, city->nameEn), source(city->provenance));
    if (!city->structure.empty())
        html += "<p><b>" + QCoreApplication::translate("app::gui::Info", "空间结构") + ":</b> " + documentWords({q(city->structure)}) + "</p>";
    if (!industries.isEmpty()) {
        html += "<p><b>" + QCoreApplication::translate("app::gui::Info", "主导产业") + ":</b> " + documentWords(industries);
        // The industries come from another clause than the row's (贵阳贵安: §13, its role §14).
        if (!city->industriesClause.empty()) {
            layers::Provenance industriesFrom = city->provenance;
            industriesFrom.clause = city->industriesClause;
            html += " · " + source(industriesFrom);
        }
        html += "</p>";
    }
    if (!city->role.empty())
        html += "<p><b>" + QCoreApplication::translate("app::gui::Info", "定位") + ":</b> " + documentWords({q(city->role)}) + "</p>";
    QList<QStringList> members;
    for (const auto& m : query.plan().centralCityMembers)
        if (m.cityId == id) {
            const auto* c = query.geography().county(m.code);
            members << QStringList{countyName(query, m.code, m.county), term(query, m.part), m.extent == "full" ? QCoreApplication::translate("app::gui::Info", "全部") : QCoreApplication::translate("app::gui::Info", "部分"),
                                   source(m.provenance, memberQuote(options, m.provenance, {m.county, c ? c->shortName : m.county}))};
        }
    html += "<h3>" + QCoreApplication::translate("app::gui::Info", "组成") + "</h3>" + table({QCoreApplication::translate("app::gui::Info", "县级单位"), QCoreApplication::translate("app::gui::Info", "组成"), QCoreApplication::translate("app::gui::Info", "范围"), QCoreApplication::translate("app::gui::Info", "出处")}, members);
    html += statementsAndRelations(query, query.statements("city", id), query.relations("city", id));
    const auto targets = query.targets("city", id);
    if (!targets.empty())
        html += "<h3>" + QCoreApplication::translate("app::gui::Info", "目标") + "</h3>" + targetTable(query, targets);
    return html;
}
}  // namespace

QString scopeName(const layers::PlanQuery& query, const std::string& kind, const std::string& id)
{
    const layers::PlanData& plan = query.plan();
    auto either = [](const std::string& zh, const std::string& en) { return QString::fromStdString(englishShown() && !en.empty() ? en : zh); };
    if (kind == "province")
        return QCoreApplication::translate("app::gui::Info", "全省");
    if (kind == "county")
        if (const layers::County* c = query.geography().county(id)) {
            const layers::EnglishName* n = plan.englishName(id);
            return either(c->name, n ? n->nameEn : std::string());
        }
    if (kind == "zone")
        if (const layers::Zone* z = plan.zone(id))
            return either(z->name, z->nameEn);
    if (kind == "city")
        if (const layers::CentralCity* c = plan.centralCity(id))
            return either(c->name, c->nameEn);
    return QString::fromStdString(id);
}

QString infoHtml(const layers::PlanQuery& query, const render::MapData& data, const Hit& hit, const InfoOptions& options)
{
    const std::string id = hit.id.toStdString();
    switch (hit.kind) {
    case Hit::Kind::County: return countyHtml(query, id, options);
    case Hit::Kind::Zone: return zoneHtml(query, data, id, options);
    case Hit::Kind::Corridor: return corridorHtml(query, id);
    case Hit::Kind::Place: return placeHtml(query, id, options);
    case Hit::Kind::City: return cityHtml(query, id, options);
    case Hit::Kind::Prefecture: return prefectureHtml(query, id);
    case Hit::Kind::None: break;
    }
    return "<p>" + QCoreApplication::translate("app::gui::Info", "点击地图上的县、分区、廊道或节点查看规划内容。") + "</p>";
}

bool englishShown()
{
    // The window's language is that of the installed translator: English when it translates the panel's words.
    return QCoreApplication::translate("app::gui::Info", "全部") != QStringLiteral("全部");
}

}  // namespace app::gui
