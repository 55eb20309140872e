// The plan's units as things to measure in (analysis.h): counties, prefectures, classes, zones, central cities,
// corridor buffers; and what users type to name them.

#include <algorithm>
#include <cmath>
#include <future>
#include <map>
#include <set>

#include <geos_c.h>

#include "analysis/overlay.h"
#include "geo/geos_context.h"
#include "geo/projection.h"
#include "layers/analysis.h"
#include "layers/plan_query.h"

namespace layers::analysis {

namespace {

struct KindWords {
    UnitKind kind;
    const char* id;
    const char* zh;
    PlanKind planKind;
};
constexpr KindWords kKinds[] = {
    {UnitKind::County, "county", "县级单位", PlanKind::County},
    {UnitKind::Prefecture, "prefecture", "市州", PlanKind::Prefecture},
    {UnitKind::CountyClass, "class", "县城类型", PlanKind::CountyClass},
    {UnitKind::Zone, "zone", "布局分区", PlanKind::Zone},
    {UnitKind::CentralCity, "central_city", "区域中心城市", PlanKind::CentralCity},
    {UnitKind::Corridor, "corridor", "通道", PlanKind::Corridor},
};

const KindWords& words(UnitKind kind)
{
    for (const KindWords& w : kKinds)
        if (w.kind == kind)
            return w;
    return kKinds[0];
}

std::string trimmed(std::string s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.pop_back();
    std::size_t i = 0;
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i])))
        ++i;
    return s.substr(i);
}

std::string kindList()
{
    std::string s;
    for (const KindWords& w : kKinds)
        s += (s.empty() ? "" : ", ") + std::string(w.id);
    return s;
}

}  // namespace

const char* unitKindId(UnitKind kind) { return words(kind).id; }
const char* unitKindZh(UnitKind kind) { return words(kind).zh; }

std::optional<UnitKind> unitKindFromId(std::string_view id)
{
    for (const KindWords& w : kKinds)
        if (id == w.id)
            return w.kind;
    if (id == "city")
        return UnitKind::CentralCity;
    if (id == "belt")
        return UnitKind::Corridor;
    return std::nullopt;
}

double parseDistance(const std::string& input)
{
    const std::string text = trimmed(input);
    std::size_t end = 0;
    while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '.'))
        ++end;
    const std::string number = text.substr(0, end);
    const std::string unit = trimmed(text.substr(end));
    double value = 0;
    try {
        std::size_t used = 0;
        value = number.empty() ? NAN : std::stod(number, &used);
        if (used != number.size())
            value = NAN;
    } catch (const std::exception&) {
        value = NAN;
    }
    if (!std::isfinite(value))
        throw UsageError("distance '" + input + "': not a number followed by a unit; write it as 10km, 500m, 10公里 or 500米");
    double factor = 0;
    if (unit == "km" || unit == "公里" || unit == "千米")
        factor = 1000;
    else if (unit == "m" || unit == "米")
        factor = 1;
    if (unit.empty())
        throw UsageError("distance '" + input + "' has no unit: write " + number + "km or " + number + "m");
    if (factor == 0)
        throw UsageError("distance '" + input + "': unknown unit '" + unit + "'; use km (公里) or m (米)");
    const double metres = value * factor;
    if (metres <= 0 || metres > 500000)
        throw UsageError("distance '" + input + "' must be more than 0 and at most 500 km");
    return metres;
}

PlanUnits::PlanUnits(const Geography& geography, const PlanData& plan, const PlanGeometry& planGeometry, const PlanQuery& query)
    : PlanUnits(geography, plan, planGeometry, query, startCountyIndex(geography))
{
}

PlanUnits::PlanUnits(const Geography& geography, const PlanData& plan, const PlanGeometry& planGeometry, const PlanQuery& query,
                     CountyIndexFuture countyIndex)
    : m_geography(geography), m_plan(plan), m_geometry(planGeometry), m_query(query), m_countyIndex(std::move(countyIndex))
{
}

PlanUnits::CountyIndexFuture PlanUnits::startCountyIndex(const Geography& geography)
{
    return std::async(std::launch::async, [&geography] { return detail::buildCountyIndex(geography); }).share();
}

PlanUnits::~PlanUnits() = default;

Unit PlanUnits::corridorUnit(const Corridor& corridor, double distanceM) const
{
    Unit u;
    u.kind = UnitKind::Corridor;
    u.id = corridor.id;
    u.name = corridor.name;
    u.nameEn = corridor.nameEn;
    u.distanceM = distanceM;
    u.schematic = true;
    const CorridorFeature* feature = nullptr;
    for (const CorridorFeature& f : m_geometry.corridors)
        if (f.corridor && f.corridor->id == corridor.id)
            feature = &f;
    if (!feature || feature->line.size() < 2)
        throw UsageError("corridor " + corridor.id + " has no line to measure from");
    const geo::Projection albers(geo::crs::kCgcs2000, geo::crs::kAlbersChina);
    std::vector<geo::Point> line = feature->line;
    if (!albers.forward(line))
        throw UsageError("corridor " + corridor.id + ": its line cannot be projected");
    geo::GeosContext geos;
    const auto g = geos.line(line.data(), line.size());
    const auto buffer = geos.own(GEOSBuffer_r(geos.handle(), g.get(), distanceM, 16), "buffer");
    geo::MultiPolygon shape;
    geos.append(buffer.get(), shape);
    u.shape = albers.inverse(shape);
    const std::string km = std::to_string(distanceM / 1000);
    const std::string kmText = km.substr(0, km.find_last_not_of("0.") == std::string::npos ? 1 : std::min(km.size(), km.find('.') + 3));
    u.note = "通道线两侧 " + kmText + " 公里缓冲区（Albers 等积投影中量取）；通道线经各节点县城示意绘制";
    u.noteEn = "a " + kmText + " km buffer on both sides of the corridor line (measured in the Albers equal-area projection); the line is drawn schematically through its nodes' seats";
    for (const County& c : m_geography.counties) {
        const geo::Box b = geo::bounds(c.shape);
        if (b.intersects(geo::bounds(*u.shape)))
            u.countyCodes.push_back(c.code);
    }
    return u;
}

std::vector<Unit> PlanUnits::all(UnitKind kind, double distanceM) const
{
    std::vector<Unit> out;
    std::map<std::string, std::string> english;
    for (const PlanObject& o : m_query.objects({words(kind).planKind}))
        english[o.id] = o.nameEn;
    switch (kind) {
    case UnitKind::County:
        for (const County& c : m_geography.counties) {
            Unit u;
            u.kind = kind;
            u.id = c.code;
            u.name = c.name;
            u.nameEn = english[c.code];
            u.countyCodes = {c.code};
            out.push_back(std::move(u));
        }
        break;
    case UnitKind::Prefecture:
        for (const Prefecture& p : m_geography.prefectures) {
            Unit u;
            u.kind = kind;
            u.id = p.code;
            u.name = p.name;
            u.nameEn = english[p.code];
            for (const County& c : m_geography.counties)
                if (c.prefectureCode == p.code)
                    u.countyCodes.push_back(c.code);
            out.push_back(std::move(u));
        }
        break;
    case UnitKind::CountyClass:
        for (const CountyClass& k : m_plan.classes) {
            Unit u;
            u.kind = kind;
            u.id = k.id;
            u.name = k.name;
            u.nameEn = english[k.id];
            std::vector<std::string> orbits;
            for (const ClassMember* m : m_query.classMembers(k.id)) {
                u.countyCodes.push_back(m->code);
                if (!m->orbit.empty() && std::find(orbits.begin(), orbits.end(), m->orbit) == orbits.end())
                    orbits.push_back(m->orbit);
            }
            out.push_back(u);
            // Satellites by the central city they orbit (class_members.csv orbit): id satellite@guiyang.
            for (const std::string& orbit : orbits) {
                Unit o;
                o.kind = kind;
                o.id = k.id + "@" + orbit;
                const CentralCity* city = nullptr;
                for (const CentralCity& c : m_plan.centralCities)
                    if (!city && c.id.rfind(orbit, 0) == 0)
                        city = &c;
                o.name = k.name + "（" + (city ? city->name : orbit) + "）";
                o.nameEn = (u.nameEn.empty() ? k.id : u.nameEn) + " (" + (city && !city->nameEn.empty() ? city->nameEn : orbit) + ")";
                for (const ClassMember* m : m_query.classMembers(k.id))
                    if (m->orbit == orbit)
                        o.countyCodes.push_back(m->code);
                o.note = "按 class_members.csv 的 orbit（所环绕的中心城市）划分的" + k.name;
                o.noteEn = "the members of " + k.id + " whose orbit (class_members.csv) is " + orbit;
                out.push_back(std::move(o));
            }
        }
        break;
    case UnitKind::CentralCity:
        for (const CentralCity& city : m_plan.centralCities) {
            Unit u;
            u.kind = kind;
            u.id = city.id;
            u.name = city.name;
            u.nameEn = city.nameEn;
            std::string partial, partialEn;
            for (const CentralCityMember& m : m_plan.centralCityMembers) {
                if (m.cityId != city.id)
                    continue;
                if (m.extent == "full")
                    u.countyCodes.push_back(m.code);
                else {
                    partial += (partial.empty() ? "" : "、") + m.county;
                    partialEn += (partialEn.empty() ? "" : ", ") + m.code;
                }
            }
            if (!partial.empty()) {
                u.note = "部分纳入的成员（" + partial + "）范围未界定，不计入";
                u.noteEn = "members included in part (" + partialEn + ") have no delimited extent and are not counted";
            }
            out.push_back(std::move(u));
        }
        break;
    case UnitKind::Zone:
        for (const ZoneFeature& f : m_geometry.zones) {
            Unit u;
            u.kind = kind;
            u.id = f.zone->id;
            u.name = f.zone->name;
            u.nameEn = f.zone->nameEn;
            bool partial = false;
            for (const ZoneMember* m : m_query.zoneMembers(f.zone->id)) {
                u.countyCodes.push_back(m->code);
                partial = partial || m->extent != "full";
            }
            if (partial) {
                u.shape = f.shape;
                u.schematic = true;
                u.note = "示意范围：部分纳入县的示意圆与所在县相交（非官方界线）";
                u.noteEn = "schematic extent: " + f.geometryNote;
            }
            out.push_back(std::move(u));
        }
        break;
    case UnitKind::Corridor:
        if (!(distanceM > 0))
            throw UsageError("corridors are measured within a distance of their line: write corridor:10km");
        for (const Corridor& c : m_plan.corridors) {
            // A corridor the plan names but whose line cannot be drawn (fewer than two placed nodes) has no buffer.
            const bool drawn = std::any_of(m_geometry.corridors.begin(), m_geometry.corridors.end(),
                                           [&](const CorridorFeature& f) { return f.corridor && f.corridor->id == c.id && f.line.size() >= 2; });
            if (drawn)
                out.push_back(corridorUnit(c, distanceM));
        }
        break;
    }
    return out;
}

std::pair<UnitKind, double> PlanUnits::parseBy(const std::string& text) const
{
    const auto colon = text.find(':');
    const std::string kindText = text.substr(0, colon);
    const auto kind = unitKindFromId(kindText);
    if (!kind)
        throw UsageError("--by '" + text + "' is not a kind of plan unit; use one of " + kindList() + " (corridor:<distance>, e.g. corridor:10km)");
    double distance = 0;
    if (*kind == UnitKind::Corridor) {
        if (colon == std::string::npos)
            throw UsageError("--by corridor needs a distance: corridor:10km");
        distance = parseDistance(text.substr(colon + 1));
    } else if (colon != std::string::npos) {
        throw UsageError("--by '" + text + "': only corridors take a distance (corridor:10km)");
    }
    return {*kind, distance};
}

Unit PlanUnits::parse(const std::string& input, bool corridorNeedsDistance) const
{
    const std::string text = trimmed(input);
    std::optional<UnitKind> kind;
    std::string name = text;
    double distance = 0;
    // kind:name[:distance] or name[:distance]
    const auto colon = text.find(':');
    if (colon != std::string::npos) {
        if (const auto k = unitKindFromId(text.substr(0, colon))) {
            kind = k;
            name = text.substr(colon + 1);
        }
    }
    const auto last = name.rfind(':');
    if (last != std::string::npos) {
        const std::string tail = name.substr(last + 1);
        if (!tail.empty() && (std::isdigit(static_cast<unsigned char>(tail[0])) || tail[0] == '.')) {
            distance = parseDistance(tail);
            name = name.substr(0, last);
        }
    }
    if (const auto at = name.find('@'); at != std::string::npos && (!kind || *kind == UnitKind::CountyClass)) {
        // A class's members by orbit: satellite@guiyang.
        for (Unit& u : all(UnitKind::CountyClass))
            if (u.id == name)
                return std::move(u);
        std::string ids;
        for (const Unit& u : all(UnitKind::CountyClass))
            if (u.id.find('@') != std::string::npos)
                ids += (ids.empty() ? "" : ", ") + u.id;
        throw UsageError("'" + input + "': no class members by that orbit; there are " + ids);
    }
    std::vector<PlanKind> planKinds;
    if (kind)
        planKinds = {words(*kind).planKind};
    else if (distance > 0)
        planKinds = {PlanKind::Corridor};
    else
        planKinds = {PlanKind::County, PlanKind::Prefecture, PlanKind::CountyClass, PlanKind::Zone, PlanKind::CentralCity, PlanKind::Corridor};
    const NameLookup lookup = m_query.resolve(name, planKinds);
    const PlanObject* one = lookup.one();
    if (!one) {
        // A name that is both a prefecture and a central city (遵义): ask for the kind.
        throw UsageError("'" + input + "': " + lookup.problem(name, planKinds) +
                         "; name the kind as kind:name (" + kindList() + "), e.g. class:satellite, prefecture:遵义, belt_shanghai_kunming:10km");
    }
    UnitKind found = UnitKind::County;
    for (const KindWords& w : kKinds)
        if (w.planKind == one->kind)
            found = w.kind;
    if (found == UnitKind::Corridor) {
        if (!(distance > 0)) {
            if (corridorNeedsDistance)
                throw UsageError("'" + input + "' is a corridor: give the distance from its line, e.g. " + one->id + ":10km");
            distance = 1;
        }
        for (const Corridor& c : m_plan.corridors)
            if (c.id == one->id)
                return corridorUnit(c, distance);
    }
    if (distance > 0)
        throw UsageError("'" + input + "': only corridors take a distance; " + one->name + " is a " + kindWord(one->kind));
    for (Unit& u : all(found))
        if (u.id == one->id)
            return std::move(u);
    throw UsageError("'" + input + "': " + one->id + " has no shape to measure in");
}

}  // namespace layers::analysis
