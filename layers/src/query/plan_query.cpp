#include "layers/plan_query.h"

#include <algorithm>
#include <set>

#include "layers/names.h"

namespace layers {

namespace {
/// The rows of a plan table that match, in table order.
template <class Row, class Match>
std::vector<const Row*> rowsWhere(const std::vector<Row>& rows, Match match)
{
    std::vector<const Row*> out;
    for (const Row& row : rows)
        if (match(row))
            out.push_back(&row);
    return out;
}

}  // namespace

std::size_t editDistance(const std::string& a8, const std::string& b8)
{
    const std::u32string a = codePoints(a8), b = codePoints(b8);
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

PlanQuery::PlanQuery(const Geography& geography, const PlanData& plan) : m_geography(geography), m_plan(plan) {}

const geo::PointLocator& PlanQuery::locator() const
{
    std::call_once(m_locatorBuilt, [this] {
        std::vector<geo::MultiPolygon> shapes;
        for (const County& c : m_geography.counties)
            shapes.push_back(c.shape);
        m_locator = std::make_unique<geo::PointLocator>(shapes);
    });
    return *m_locator;
}

CountyReport PlanQuery::county(const County& c) const
{
    CountyReport r;
    r.county = &c;
    std::set<std::string> zoneIds, cityIds, placeIds;
    for (const HeldClass& held : classesOf(c.code))
        r.classes.push_back(held.member);
    r.zones = zonesOf(c.code);
    for (const ZoneMember* m : r.zones)
        zoneIds.insert(m->zoneId);
    for (const CentralCityMember& m : m_plan.centralCityMembers)
        if (m.code == c.code) {
            r.centralCities.push_back(&m);
            cityIds.insert(m.cityId);
        }
    for (const Place& p : m_plan.places)
        if (p.code == c.code) {
            r.places.push_back(&p);
            placeIds.insert(p.id);
        }
    for (const Corridor& corridor : m_plan.corridors)
        if (std::find(corridor.nodeCodes.begin(), corridor.nodeCodes.end(), c.code) != corridor.nodeCodes.end())
            r.corridors.push_back(&corridor);
    std::set<std::string> corridorIds;
    for (const Corridor* corridor : r.corridors)
        corridorIds.insert(corridor->id);
    for (const Target& t : m_plan.targets) {
        if (t.scopeKind == "province") {
            ++r.provinceTargets;
            if (t.indicator.find("县") != std::string::npos)
                r.provinceCountyTargets.push_back(&t);
            continue;
        }
        const bool applies = (t.scopeKind == "county" && t.scopeId == c.code) || (t.scopeKind == "zone" && zoneIds.count(t.scopeId)) ||
                             (t.scopeKind == "city" && cityIds.count(t.scopeId)) || (t.scopeKind == "place" && placeIds.count(t.scopeId)) ||
                             (t.scopeKind == "corridor" && corridorIds.count(t.scopeId));
        if (applies)
            r.targets.push_back(&t);
    }
    auto concerns = [&](const std::string& kind, const std::string& id) {
        return (kind == "county" && id == c.code) || (kind == "zone" && zoneIds.count(id)) || (kind == "city" && cityIds.count(id));
    };
    r.statements = rowsWhere(m_plan.statements, [&](const Statement& s) { return concerns(s.scopeKind, s.scopeId); });
    r.relations = rowsWhere(m_plan.relations, [&](const Relation& x) { return concerns(x.fromKind, x.fromId) || concerns(x.toKind, x.toId); });
    return r;
}

std::vector<HeldClass> PlanQuery::classesOf(const std::string& countyCode) const
{
    std::vector<HeldClass> out;
    for (std::size_t i = 0; i < m_plan.classes.size(); ++i)
        for (const ClassMember& m : m_plan.classMembers)
            if (m.code == countyCode && m.classId == m_plan.classes[i].id) {
                out.push_back({i, &m_plan.classes[i], &m});
                break;
            }
    return out;
}

std::vector<const ZoneMember*> PlanQuery::zonesOf(const std::string& countyCode) const
{
    return rowsWhere(m_plan.zoneMembers, [&](const ZoneMember& m) { return m.code == countyCode; });
}

std::vector<const ZoneMember*> PlanQuery::zoneMembers(const std::string& zoneId) const
{
    return rowsWhere(m_plan.zoneMembers, [&](const ZoneMember& m) { return m.zoneId == zoneId; });
}

std::vector<const ClassMember*> PlanQuery::classMembers(const std::string& classId) const
{
    return rowsWhere(m_plan.classMembers, [&](const ClassMember& m) { return m.classId == classId; });
}

std::vector<std::vector<int>> PlanQuery::classOverlap() const
{
    const std::size_t n = m_plan.classes.size();
    std::vector<std::vector<int>> counts(n, std::vector<int>(n, 0));
    for (const County& c : m_geography.counties) {
        const std::vector<HeldClass> held = classesOf(c.code);
        for (const HeldClass& i : held)
            for (const HeldClass& j : held)
                ++counts[i.index][j.index];
    }
    return counts;
}

ZoneReport PlanQuery::zone(const Zone& z) const
{
    ZoneReport r;
    r.zone = &z;
    r.members = zoneMembers(z.id);
    for (const Zone& child : m_plan.zones)
        if (child.parentZone == z.id)
            r.children.push_back(&child);
    r.targets = targets("zone", z.id);
    r.statements = statements("zone", z.id);
    r.relations = relations("zone", z.id);
    return r;
}

std::vector<const Statement*> PlanQuery::statements(const std::string& scopeKind, const std::string& scopeId) const
{
    return rowsWhere(m_plan.statements, [&](const Statement& s) { return s.scopeKind == scopeKind && s.scopeId == scopeId; });
}

std::vector<const Relation*> PlanQuery::relations(const std::string& kind, const std::string& id) const
{
    return rowsWhere(m_plan.relations, [&](const Relation& r) { return (r.fromKind == kind && r.fromId == id) || (r.toKind == kind && r.toId == id); });
}

std::vector<const Target*> PlanQuery::targets(const std::string& scopeKind, const std::string& scopeId) const
{
    return rowsWhere(m_plan.targets, [&](const Target& t) {
        return (scopeKind.empty() || t.scopeKind == scopeKind) && (scopeId.empty() || t.scopeId == scopeId);
    });
}

const County* PlanQuery::countyAt(geo::Point lonLat) const
{
    const int id = locator().locate(lonLat);
    return id >= 0 ? &m_geography.counties[static_cast<std::size_t>(id)] : nullptr;
}

std::vector<int> PlanQuery::countiesAt(std::span<const geo::Point> lonLat) const
{
    std::vector<int> out(lonLat.size());
    locator().locate(lonLat, out);
    return out;
}

}  // namespace layers
