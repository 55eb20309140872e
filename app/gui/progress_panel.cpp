#include "gui/progress_panel.h"

#include <algorithm>

#include <QCoreApplication>

#include "gui/actuals_panel.h"
#include "gui/document_panel.h"
#include "gui/info_html.h"
#include "layers/plan_text.h"

namespace app::gui {

namespace {
/// The panel's words (context app::gui::Progress in the translation).
struct Progress {
    Q_DECLARE_TR_FUNCTIONS(app::gui::Progress)
};
QString h(const std::string& s) { return QString::fromStdString(s).toHtmlEscaped(); }
QString shown(const std::string& zh, const std::string& en) { return h(englishShown() && !en.empty() ? en : zh); }
QString number(double v) { return QString::number(v, 'g', 12); }

void addScope(std::vector<std::string>& scopes, const std::string& kind, const std::string& id)
{
    const std::string key = kind + ":" + id;
    if (std::find(scopes.begin(), scopes.end(), key) == scopes.end())
        scopes.push_back(key);
}

/// A zone and the zones it lies in (parent_zone), innermost first.
void addZone(std::vector<std::string>& scopes, const layers::PlanData& plan, const std::string& id)
{
    for (const layers::Zone* z = plan.zone(id); z; z = z->parentZone.empty() || z->parentZone == z->id ? nullptr : plan.zone(z->parentZone))
        addScope(scopes, "zone", z->id);
}

/// What a county lies in: its central city, its zones (full or partial) and their parents.
void addCounty(std::vector<std::string>& scopes, const layers::PlanQuery& query, const std::string& code)
{
    addScope(scopes, "county", code);
    const layers::County* county = query.geography().county(code);
    if (!county)
        return;
    const layers::CountyReport r = query.county(*county);
    for (const auto* m : r.centralCities)
        addScope(scopes, "city", m->cityId);
    for (const auto* m : r.zones)
        addZone(scopes, query.plan(), m->zoneId);
}

QString sourceCell(const layers::Target& t)
{
    const QString link = clauseLink(t.provenance, QString::fromStdString(t.quote)).toString(QUrl::FullyEncoded).toHtmlEscaped();
    const std::string clause = englishShown() ? layers::clauseInArabic(t.provenance.clause) : t.provenance.clause;
    QString html = QStringLiteral("<a href='%1'>%2 %3</a>").arg(link, h(t.provenance.source), h(clause));
    if (!t.quote.empty())  // the document's words, as written in either language
        html += QStringLiteral("<br><small style='color:#555555'><span lang='zh'>“%1”</span></small>").arg(h(t.quote));
    return html;
}

QString countLine(const layers::ProgressCount& c)
{
    return Progress::tr("%1 项目标：达标 %2，未达标 %3，进度正常 %4，进度滞后 %5，无法判定 %6，无数据 %7")
        .arg(c.targets)
        .arg(c.met)
        .arg(c.notMet)
        .arg(c.onTrack)
        .arg(c.behind)
        .arg(c.undetermined)
        .arg(c.noFigure);
}
}  // namespace

bool isProgressView(render::View view) { return render::viewId(view) == QLatin1String("progress"); }

std::vector<std::string> scopesAt(const layers::PlanQuery& query, const Hit& hit)
{
    std::vector<std::string> scopes;
    const std::string id = hit.id.toStdString();
    const layers::PlanData& plan = query.plan();
    switch (hit.kind) {
    case Hit::Kind::None: return {};
    case Hit::Kind::County: addCounty(scopes, query, id); break;
    case Hit::Kind::City: addScope(scopes, "city", id); break;
    case Hit::Kind::Zone: addZone(scopes, plan, id); break;
    case Hit::Kind::Corridor: addScope(scopes, "corridor", id); break;
    case Hit::Kind::Place:
        addScope(scopes, "place", id);
        for (const auto& p : plan.places)
            if (p.id == id && !p.code.empty())
                addCounty(scopes, query, p.code);
        break;
    case Hit::Kind::Prefecture: break;
    }
    addScope(scopes, "province", "guizhou");
    // Only scopes that have targets.
    std::vector<std::string> withTargets;
    for (const std::string& key : scopes) {
        const auto colon = key.find(':');
        if (!query.targets(key.substr(0, colon), key.substr(colon + 1)).empty())
            withTargets.push_back(key);
    }
    return withTargets;
}

QString progressHtml(const layers::PlanQuery& query, const Hit& hit, const render::ProgressData& data)
{
    const std::vector<std::string> scopes = scopesAt(query, hit);
    if (scopes.empty())
        return "<p>" + Progress::tr("目标进展：点击地图上的县、中心城市、分区或廊道，列出此处各范围的目标、实际值、状态、判定规则、数据来源与条款原文。") + "</p>";
    QString html = "<h2>" + Progress::tr("目标进展") + "</h2>";
    if (data.targets.empty())
        html += "<p style='color:#cf222e'>" + Progress::tr("没有进展数据：未读取实际数据库（--actuals）。") + "</p>";
    else if (data.asOfYear)
        html += "<p>" + Progress::tr("截至 %1 年的数据").arg(data.asOfYear) + "</p>";
    // The summary: one line per scope.
    html += "<table cellspacing='0' cellpadding='3' width='100%'>";
    for (const std::string& key : scopes) {
        const auto colon = key.find(':');
        const auto count = std::find_if(data.scopes.begin(), data.scopes.end(), [&](const auto& s) { return s.first == key; });
        html += QStringLiteral("<tr><td><a href='#%1'><b>%2</b></a></td><td>%3</td></tr>")
                    .arg(h(key), scopeLabel(query, key.substr(0, colon), key.substr(colon + 1)).toHtmlEscaped(),
                         count == data.scopes.end() ? QString() : countLine(count->second).toHtmlEscaped());
    }
    html += "</table>";
    for (const std::string& key : scopes) {
        const auto colon = key.find(':');
        const std::string kind = key.substr(0, colon), id = key.substr(colon + 1);
        html += QStringLiteral("<h3><a name='%1'></a>%2</h3>").arg(h(key), scopeLabel(query, kind, id).toHtmlEscaped());
        // Three columns fit the panel's width: target, actual, status; under each target its rule, then its source
        // and the clause with its words.
        html += "<table border='0' cellspacing='0' cellpadding='3' width='100%'><tr style='background:#eeeeee'>";
        for (const QString& head : {Progress::tr("目标"), Progress::tr("实际"), Progress::tr("状态")})
            html += "<th align='left'>" + head + "</th>";
        html += "</tr>";
        for (const layers::TargetProgress& p : data.targets) {
            const layers::Target& t = *p.target;
            if (t.scopeKind != kind || t.scopeId != id)
                continue;
            const QString target = QStringLiteral("<b>%1</b><br><small>%2 %3 %4 (%5) · %6</small>")
                                       .arg(shown(t.indicator, t.indicatorEn), h(t.comparator), h(t.valueText), h(t.unit),
                                            h(t.yearText.empty() ? std::to_string(t.year) : t.yearText), h(t.id));
            QString actual = p.actual ? QStringLiteral("%1 %2").arg(number(*p.actual), h(t.unit)) : QStringLiteral("—");
            if (p.figureYear)
                actual += QStringLiteral("<br><small>%1</small>").arg(Progress::tr("%1 年").arg(p.figureYear));
            const QString status = QStringLiteral("<b style='color:%1'>%2</b>").arg(statusColour(p.status).name(), statusText(p.status).toHtmlEscaped());
            html += QStringLiteral("<tr><td valign='top'>%1</td><td valign='top'>%2</td><td valign='top'>%3</td></tr>").arg(target, actual, status);
            html += QStringLiteral("<tr><td colspan='3'><small>%1</small></td></tr>").arg(Progress::tr("判定规则：%1").arg(shown(p.rule, p.ruleEn)));
            html += QStringLiteral("<tr><td colspan='3' style='border-bottom:1px solid #dddddd'><small>%1<br>%2</small>%3</td></tr>")
                        .arg(Progress::tr("数据来源：%1").arg(p.sources().empty() ? QStringLiteral("—") : h(p.sources())), Progress::tr("条款："), sourceCell(t));
        }
        html += "</table>";
    }
    return html;
}

}  // namespace app::gui
