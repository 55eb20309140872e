#pragma once
// Answers "what does the plan say about this place?" over the geography and the plan: name lookup with
// suggestions, a county's classes, zones, central city, places and targets, class lists and overlaps,
// zone reports, point-in-county.

#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "geo/point_locator.h"
#include "layers/geography.h"
#include "layers/plan.h"

namespace layers {

struct CountyLookup {
    const County* county = nullptr;            ///< set when the text names exactly one county
    std::vector<const County*> candidates;     ///< several counties match (ambiguous)
    std::vector<const County*> suggestions;    ///< nothing matched: the closest names
};

/// The kinds of plan object a name can stand for.
enum class PlanKind { County, Prefecture, CountyClass, Zone, CentralCity, Corridor, Place, Statement };
/// The word for a kind in messages ("county", "prefecture", "class", "zone", "central city", "corridor", "place",
/// "plan statement").
const char* kindWord(PlanKind kind);

struct PlanObject {
    PlanKind kind = PlanKind::County;
    std::string id;    ///< the county or prefecture code, else the plan table's id
    std::string name;  ///< its Chinese name
    std::string nameEn;  ///< its English name (names_en.csv, the tables' name_en); may be empty (a statement: its topic)
};

/// What a name stands for (PlanQuery::resolve).
struct NameLookup {
    std::vector<PlanObject> matches;      ///< of the kinds asked: one, the answer; several, ambiguous
    std::vector<PlanObject> otherKinds;   ///< objects of other kinds the text names exactly (遵义: a prefecture, a central city)
    std::vector<PlanObject> suggestions;  ///< nothing matched: the closest names among the kinds asked
    bool everyOne = false;                ///< suggestions are all the objects of the kinds asked (few, none close)
    const PlanObject* one() const { return matches.size() == 1 ? &matches.front() : nullptr; }
    /// Why the lookup gave no single answer, with the candidates, the other kinds or the suggestions: for an error.
    std::string problem(const std::string& text, const std::vector<PlanKind>& kinds) const;
};

struct CountyReport {
    const County* county = nullptr;
    std::vector<const ClassMember*> classes;
    std::vector<const ZoneMember*> zones;
    std::vector<const CentralCityMember*> centralCities;
    std::vector<const Place*> places;
    std::vector<const Corridor*> corridors;  ///< corridors with a node in the county
    std::vector<const Target*> targets;      ///< scoped to the county, its zones, central city, places or corridors
    std::size_t provinceTargets = 0;         ///< province-wide targets, which apply everywhere
    /// The province-wide targets about county seats or county-level units (the indicator names 县: 县城新增城区常住
    /// 人口, 县级及以上城市空气质量…, 县域医疗次中心), which concern a county seat more than the others.
    std::vector<const Target*> provinceCountyTargets;
    std::vector<const Statement*> statements;  ///< scoped to the county, its zones or its central city
    std::vector<const Relation*> relations;    ///< with the county, one of its zones or its central city at an end
};

/// A class a county holds: the one county→class join (PlanQuery::classesOf) every caller uses.
struct HeldClass {
    std::size_t index = 0;                  ///< into PlanData::classes
    const CountyClass* countyClass = nullptr;
    const ClassMember* member = nullptr;    ///< the membership row: orbit, note, provenance
};

struct ZoneReport {
    const Zone* zone = nullptr;
    std::vector<const ZoneMember*> members;
    std::vector<const Zone*> children;
    std::vector<const Target*> targets;
    std::vector<const Statement*> statements;
    std::vector<const Relation*> relations;
};

class PlanQuery {
public:
    PlanQuery(const Geography& geography, const PlanData& plan);

    /// By full, short or old name, or by today's or the old code (resolve for counties).
    CountyLookup findCounty(const std::string& text) const;
    /// The plan objects of the given kinds that text names: by id, code, Chinese name, short name, English name
    /// or old name (ASCII case ignored); failing that, by a part of a Chinese name (卫星 → 卫星县城) or a county's
    /// short name inside the text (盘州市人民政府); failing that, suggestions within an edit distance of half the text.
    NameLookup resolve(const std::string& text, const std::vector<PlanKind>& kinds) const;
    /// Every object of the given kinds, kind by kind in PlanKind order, each in table order (what a completion
    /// list offers).
    std::vector<PlanObject> objects(const std::vector<PlanKind>& kinds) const;
    CountyReport county(const County& county) const;
    /// The county→class join: the classes county `code` holds, in PlanData::classes order (each once: plan
    /// check refuses a repeated membership). The map, the export tables and every command read it from here.
    std::vector<HeldClass> classesOf(const std::string& countyCode) const;
    /// The class→county join: the membership rows of a class, in table order.
    std::vector<const ClassMember*> classMembers(const std::string& classId) const;
    /// The county→zone join: the zone membership rows of county `code` (full or partial), in table order.
    std::vector<const ZoneMember*> zonesOf(const std::string& countyCode) const;
    /// The zone→county join: the membership rows of a zone, in table order.
    std::vector<const ZoneMember*> zoneMembers(const std::string& zoneId) const;
    /// counts[i][j]: counties holding both classes i and j (plan.classes order); the diagonal is the class size.
    std::vector<std::vector<int>> classOverlap() const;
    ZoneReport zone(const Zone& zone) const;
    /// Targets whose scope kind (province, zone, city, county, place, corridor) and id match; empty filters match all.
    std::vector<const Target*> targets(const std::string& scopeKind, const std::string& scopeId) const;
    /// Statements whose scope kind (province, zone, city, county) and id match.
    std::vector<const Statement*> statements(const std::string& scopeKind, const std::string& scopeId) const;
    /// Relations with the unit (kind county, zone or city; id) at either end.
    std::vector<const Relation*> relations(const std::string& kind, const std::string& id) const;
    /// The county containing a CGCS2000 lon/lat point, or nullptr outside Guizhou.
    const County* countyAt(geo::Point lonLat) const;
    /// countyAt for many points at once: indices into geography().counties, -1 outside (about 10^8 points/s).
    std::vector<int> countiesAt(std::span<const geo::Point> lonLat) const;

    const Geography& geography() const { return m_geography; }
    const PlanData& plan() const { return m_plan; }

private:
    const Geography& m_geography;
    const PlanData& m_plan;
    const geo::PointLocator& locator() const;
    mutable std::once_flag m_locatorBuilt;  ///< the grid is built on first use (~35 ms), not at every start
    mutable std::unique_ptr<geo::PointLocator> m_locator;
};

/// Edit distance over Unicode code points.
std::size_t editDistance(const std::string& a, const std::string& b);

}  // namespace layers
