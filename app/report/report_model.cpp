#include "report/report_model.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

#include <QDateTime>
#include <QtConcurrent/QtConcurrentMap>

#include "render/map_layout.h"

namespace app::report {

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

geo::Box padded(geo::Box b, double share)
{
    const double dx = b.width() * share, dy = b.height() * share;
    return {b.minX - dx, b.minY - dy, b.maxX + dx, b.maxY + dy};
}

/// The population target of a central city shown in the target-vs-actual chart: 城区常住人口 (or 中心城市常住人口) in
/// 万人, not 新增; of the report's year, else the latest year before it, else the first.
const layers::TargetProgress* populationTarget(const std::vector<layers::TargetProgress>& progress, const std::string& city, int year)
{
    const layers::TargetProgress* best = nullptr;
    for (const layers::TargetProgress& p : progress) {
        const layers::Target& t = *p.target;
        if (t.scopeKind != "city" || t.scopeId != city || t.unit != "万人" || t.indicator.find("常住人口") == std::string::npos ||
            t.indicator.find("新增") != std::string::npos || t.provenance.source != "GZ2023")
            continue;
        const auto rank = [year](int y) { return year == 0 ? y : (y <= year ? y : -y); };  // higher is better
        if (!best || rank(t.year) > rank(best->target->year))
            best = &p;
    }
    return best;
}

}  // namespace

const std::vector<layers::Status>& reportStatuses()
{
    using S = layers::Status;
    static const std::vector<S> k{S::Met, S::OnTrack, S::Behind, S::NotMet, S::Undetermined, S::NoFigure};
    return k;
}

QColor statusColour(layers::Status s)
{
    // The report's own palette (the map's style has no status colours yet): green for met, light green on track,
    // orange behind, red not met, violet undetermined, grey without a figure.
    switch (s) {
    case layers::Status::Met: return QColor(46, 125, 50);
    case layers::Status::OnTrack: return QColor(129, 199, 132);
    case layers::Status::Behind: return QColor(239, 108, 0);
    case layers::Status::NotMet: return QColor(198, 40, 40);
    case layers::Status::Undetermined: return QColor(126, 87, 194);
    case layers::Status::NoFigure: return QColor(176, 176, 176);
    }
    return Qt::black;
}

int countOf(const layers::ProgressCount& c, layers::Status s)
{
    switch (s) {
    case layers::Status::Met: return c.met;
    case layers::Status::NotMet: return c.notMet;
    case layers::Status::OnTrack: return c.onTrack;
    case layers::Status::Behind: return c.behind;
    case layers::Status::NoFigure: return c.noFigure;
    case layers::Status::Undetermined: return c.undetermined;
    }
    return 0;
}

QString ReportModel::text(const std::string& zh, const std::string& en) const { return q(english && !en.empty() ? en : zh); }

QString ReportModel::statusText(layers::Status s) const { return QString::fromUtf8(english ? layers::statusLabelEn(s) : layers::statusLabel(s)); }

QString ReportModel::scopeLabel(const std::string& kind, const std::string& id) const
{
    return q(layers::scopeName(plan(), kind, id, english));  // as gzplan progress names it
}

QString ReportModel::indicator(const layers::Target& t) const { return text(t.indicator, t.indicatorEn); }

QString ReportModel::targetText(const layers::Target& t) const
{
    const QString year = english ? QStringLiteral(" (%1)").arg(q(t.yearText)) : QStringLiteral("（%1）").arg(q(t.yearText));
    return QStringLiteral("%1 %2 %3").arg(q(t.comparator), q(t.valueText), q(t.unit)).trimmed() + year;
}

QString ReportModel::actualText(const layers::TargetProgress& p) const
{
    if (!p.actual)
        return QStringLiteral("—");
    QString v = QString::number(*p.actual, 'f', 2);
    while (v.contains('.') && (v.endsWith('0') || v.endsWith('.')))
        v.chop(1);
    return QStringLiteral("%1 %2").arg(v, q(p.target->unit)).trimmed() +
           (p.figureYear ? (english ? QStringLiteral(" (%1)") : QStringLiteral("（%1）")).arg(p.figureYear) : QString());
}

QString ReportModel::rule(const layers::TargetProgress& p) const { return text(p.rule, p.ruleEn); }

ReportModel ReportModel::build(const ReportInput& in)
{
    ReportModel m;
    m.in = &in;
    m.english = in.english;
    const layers::PlanData& plan = in.query->plan();
    m.title = Text::tr("规划目标进展评估报告");
    m.subtitle = Text::tr("GZ2023 贵州省新型城镇化实施方案（2023—2025年）· GY2025 筑府发〔2025〕17号 · 截至 %1 · 范围：%2 · "
                          "数据：%3（%4 条现行数据）· 生成于 %5")
                     .arg(in.year ? QString::number(in.year) : Text::tr("全部年份"), in.scope.isEmpty() ? Text::tr("全部指标") : in.scope,
                          in.store)
                     .arg(in.figures)
                     .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    for (const layers::TargetProgress& p : in.progress)
        m.total.add(p.status);
    for (const auto& [key, count] : layers::countByChapter(in.progress))
        m.chapters.push_back({q(key), q(key), count});
    for (const auto& [key, count] : layers::countByScope(in.progress)) {
        const std::string kind = key.substr(0, key.find(':'));
        const std::string id = key.find(':') == std::string::npos ? std::string() : key.substr(key.find(':') + 1);
        m.scopes.push_back({q(key), m.scopeLabel(kind, id), count});
    }

    const render::MapData& data = in.renderer->data();
    // A page per central city: its targets, its counties drawn selected on the 一群三带 map around them.
    for (const layers::CentralCity& c : plan.centralCities) {
        MapPage page;
        page.id = q("city:" + c.id);
        page.title = Text::tr("中心城市：%1").arg(m.text(c.name, c.nameEn));
        page.note = Text::tr("范围为“%1”的指标；地图中高亮为其县级单元。").arg(q("city:" + c.id));
        page.view = render::View::OneClusterThreeBelts;
        for (const layers::CentralCityMember& member : plan.centralCityMembers)
            if (member.cityId == c.id) {
                page.counties.insert(q(member.code));
                if (const int i = data.countyIndex(q(member.code)); i >= 0)
                    page.extent.expand(data.counties[i].bounds);
            }
        if (page.extent.isEmpty())
            page.extent = in.renderer->viewExtent(page.view);
        else
            page.extent = padded(page.extent, 0.35);
        for (const layers::TargetProgress& p : in.progress)
            if (p.target->scopeKind == "city" && p.target->scopeId == c.id)
                page.targets.push_back(&p);
        m.pages.push_back(std::move(page));
    }
    // A page per layout: the targets of its zones (and of the zones inside them); 一核三心多组团 is GY2025's layout,
    // so its page holds every GY2025 target too.
    struct Layout {
        std::string name;
        render::View view;
        std::string document;
    };
    for (const Layout& l : {Layout{"一群三带", render::View::OneClusterThreeBelts, ""}, Layout{"一核三心多组团", render::View::OneCoreThreeCentres, "GY2025"}}) {
        MapPage page;
        page.id = q("layout:" + l.name);
        page.view = l.view;
        page.title = Text::tr("空间布局：%1").arg(render::viewTitle(l.view));
        std::set<std::string> zones;
        for (const layers::Zone& z : plan.zones)
            if (z.layout == l.name)
                zones.insert(z.id);
        for (bool grew = true; grew;) {  // and the zones inside them
            grew = false;
            for (const layers::Zone& z : plan.zones)
                if (!z.parentZone.empty() && zones.count(z.parentZone) && zones.insert(z.id).second)
                    grew = true;
        }
        page.note = l.document.empty() ? Text::tr("范围为该布局的区域（及其内部区域）的指标。")
                                       : Text::tr("范围为该布局的区域（及其内部区域）的指标，以及 %1（提出该布局的文件）的全部指标。").arg(q(l.document));
        page.extent = in.renderer->viewExtent(l.view);
        for (const layers::TargetProgress& p : in.progress)
            if ((p.target->scopeKind == "zone" && zones.count(p.target->scopeId)) || (!l.document.empty() && p.target->provenance.source == l.document))
                page.targets.push_back(&p);
        m.pages.push_back(std::move(page));
    }
    // A report for one scope keeps the pages that hold its targets.
    std::erase_if(m.pages, [&](const MapPage& p) { return p.targets.empty() && !in.scope.isEmpty(); });
    for (MapPage& page : m.pages)
        for (const auto* p : page.targets)
            page.count.add(p->status);

    std::set<int> years;
    for (const layers::CentralCity& c : plan.centralCities)
        if (const layers::TargetProgress* p = populationTarget(in.progress, c.id, in.year)) {
            m.cityBars.push_back({m.text(c.name, c.nameEn), p});
            years.insert(p->target->year);
        }
    QStringList yearList;
    for (int y : years)
        yearList << QString::number(y);
    m.cityBarsTitle = Text::tr("中心城市（城区）常住人口：%1 年目标与实际（万人）").arg(yearList.join(QStringLiteral("、")));
    return m;
}

void ReportModel::drawMaps(int width)
{
    const render::MapRenderer& r = *in->renderer;
    const int height = width * 210 / 297;
    const double dpi = 150;
    const std::function<void(MapPage&)> draw = [&](MapPage& page) {
        render::RenderSettings s = r.settingsFor(page.view);
        render::layoutExport(r, s, QSize(width, height), dpi, page.extent, false);
        s.title = page.title;
        s.sourceNote = Text::tr("边界与位置仅供规划示意，非测绘成果");
        s.highlightCounties = page.counties;
        page.map = r.renderImage(s).convertToFormat(QImage::Format_RGB32);
    };
    QtConcurrent::blockingMap(pages, draw);
}

}  // namespace app::report
