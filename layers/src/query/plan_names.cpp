// PlanQuery::resolve and findCounty: the one way a name typed by a user becomes a plan object.

#include <algorithm>
#include <cctype>
#include <climits>

#include "layers/names.h"
#include "layers/plan_query.h"

namespace layers {

namespace {
/// A plan object with every name it answers to; partial: the names a part of the text may match (Chinese names).
struct Named {
    PlanObject object;
    std::vector<std::string> names;
    std::vector<std::string> partial;
    std::string shortName;  ///< a county's short name, matched inside a longer text
};

std::string lower(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::vector<Named> everyName(const Geography& g, const PlanData& plan)
{
    std::vector<Named> out;
    // English names are names too: "Panzhou" finds 盘州市 as "盘州" does.
    auto english = [&](Named& n, const std::string& code) {
        if (const EnglishName* e = plan.englishName(code)) {
            n.object.nameEn = e->nameEn;
            n.names.insert(n.names.end(), {e->nameEn, e->shortEn});
        }
    };
    for (const County& c : g.counties) {
        Named n{{PlanKind::County, c.code, c.name, {}}, {c.name, c.shortName, c.code}, {c.name}, c.shortName};
        if (!c.oldName.empty())
            n.names.insert(n.names.end(), {c.oldName, countyShortName(c.oldName), c.oldCode});
        english(n, c.code);
        out.push_back(std::move(n));
    }
    for (const Prefecture& p : g.prefectures) {
        Named n{{PlanKind::Prefecture, p.code, p.name, {}}, {p.name, p.shortName, p.code}, {p.name}, {}};
        english(n, p.code);
        out.push_back(std::move(n));
    }
    for (const CountyClass& c : plan.classes) {
        Named n{{PlanKind::CountyClass, c.id, c.name, c.nameEn}, {c.id, c.name, c.nameEn}, {c.name}, {}};
        n.names.insert(n.names.end(), c.aliases.begin(), c.aliases.end());
        n.partial.insert(n.partial.end(), c.aliases.begin(), c.aliases.end());
        out.push_back(std::move(n));
    }
    for (const Zone& z : plan.zones)
        out.push_back({{PlanKind::Zone, z.id, z.name, z.nameEn}, {z.id, z.name, z.nameEn}, {z.name}, {}});
    for (const CentralCity& c : plan.centralCities)
        out.push_back({{PlanKind::CentralCity, c.id, c.name, c.nameEn}, {c.id, c.name, c.nameEn}, {c.name}, {}});
    for (const Corridor& c : plan.corridors)
        out.push_back({{PlanKind::Corridor, c.id, c.name, c.nameEn}, {c.id, c.name, c.nameEn}, {c.name}, {}});
    for (const Place& p : plan.places)
        out.push_back({{PlanKind::Place, p.id, p.name, p.nameEn}, {p.id, p.name, p.nameEn}, {p.name}, {}});
    // A statement answers to its topic (5G基站建站指标倾斜) and a part of it (数字孪生).
    for (const Statement& s : plan.statements)
        out.push_back({{PlanKind::Statement, s.id, s.topic, s.topicEn}, {s.id, s.topic, s.topicEn}, {s.topic}, {}});
    // An empty English name names nothing.
    for (Named& n : out)
        n.names.erase(std::remove(n.names.begin(), n.names.end(), std::string()), n.names.end());
    return out;
}

std::string describe(const PlanObject& o) { return std::string(kindWord(o.kind)) + " " + o.name + " (" + o.id + ")"; }

std::string kindList(const std::vector<PlanKind>& kinds)
{
    std::string out;
    for (std::size_t i = 0; i < kinds.size(); ++i)
        out += std::string(i == 0 ? "" : i + 1 == kinds.size() ? " or " : ", ") + kindWord(kinds[i]);
    return out;
}
}  // namespace

const char* kindWord(PlanKind kind)
{
    switch (kind) {
    case PlanKind::County: return "county";
    case PlanKind::Prefecture: return "prefecture";
    case PlanKind::CountyClass: return "class";
    case PlanKind::Zone: return "zone";
    case PlanKind::CentralCity: return "central city";
    case PlanKind::Corridor: return "corridor";
    case PlanKind::Place: return "place";
    case PlanKind::Statement: return "plan statement";
    }
    return "object";
}

NameLookup PlanQuery::resolve(const std::string& text, const std::vector<PlanKind>& kinds) const
{
    const auto asked = [&](PlanKind k) { return std::find(kinds.begin(), kinds.end(), k) != kinds.end(); };
    const std::vector<Named> all = everyName(m_geography, m_plan);
    const std::string key = lower(text);
    NameLookup result;
    if (text.empty())
        return result;
    for (const Named& n : all)
        if (std::any_of(n.names.begin(), n.names.end(), [&](const std::string& name) { return !name.empty() && lower(name) == key; }))
            (asked(n.object.kind) ? result.matches : result.otherKinds).push_back(n.object);
    if (!result.matches.empty())
        return result;
    // A part of a name (威宁彝族 → 威宁彝族回族苗族自治县, 卫星 → 卫星县城), or a county's short name inside the text.
    for (const Named& n : all) {
        if (!asked(n.object.kind))
            continue;
        const bool part = std::any_of(n.partial.begin(), n.partial.end(), [&](const std::string& name) { return name.find(text) != std::string::npos; });
        if (part || (!n.shortName.empty() && text.find(n.shortName) != std::string::npos))
            result.matches.push_back(n.object);
    }
    if (!result.matches.empty() || !result.otherKinds.empty())
        return result;
    // The closest names only, and only when they differ in at most half the characters typed.
    std::vector<std::pair<std::size_t, const Named*>> scored;
    for (const Named& n : all)
        if (asked(n.object.kind)) {
            std::size_t best = SIZE_MAX;
            for (const std::string& name : n.names)
                if (!name.empty())
                    best = std::min(best, editDistance(key, lower(name)));
            scored.push_back({best, &n});
        }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    const std::size_t limit = std::max<std::size_t>(1, codePointCount(text) / 2);
    for (std::size_t i = 0; i < scored.size() && result.suggestions.size() < 5; ++i)
        if (scored[i].first <= limit && scored[i].first == scored.front().first)
            result.suggestions.push_back(scored[i].second->object);
    // Nothing close among a few (the six classes, the eleven zones): all of them, to choose from.
    if (result.suggestions.empty() && scored.size() <= 12) {
        result.everyOne = true;
        for (const auto& [distance, n] : scored)
            result.suggestions.push_back(n->object);
        std::stable_sort(result.suggestions.begin(), result.suggestions.end(), [&](const PlanObject& a, const PlanObject& b) {
            return std::find_if(all.begin(), all.end(), [&](const Named& n) { return n.object.id == a.id; }) <
                   std::find_if(all.begin(), all.end(), [&](const Named& n) { return n.object.id == b.id; });
        });
    }
    return result;
}

std::vector<PlanObject> PlanQuery::objects(const std::vector<PlanKind>& kinds) const
{
    std::vector<PlanObject> out;
    for (const Named& n : everyName(m_geography, m_plan))
        if (std::find(kinds.begin(), kinds.end(), n.object.kind) != kinds.end())
            out.push_back(n.object);
    return out;
}

std::string NameLookup::problem(const std::string& text, const std::vector<PlanKind>& kinds) const
{
    std::string out;
    if (matches.size() > 1) {
        out = "'" + text + "' is ambiguous; it matches:";
        for (const PlanObject& o : matches)
            out += " " + o.name + " (" + o.id + ")";
        return out + "; give the full name or the id";
    }
    out = "no " + kindList(kinds) + " named '" + text + "'";
    if (!otherKinds.empty()) {
        out += "; '" + text + "' names the";
        for (std::size_t i = 0; i < otherKinds.size(); ++i)
            out += std::string(i == 0 ? " " : ", the ") + describe(otherKinds[i]);
        return out;
    }
    if (!suggestions.empty()) {
        out += everyOne ? "; choose one of:" : "; did you mean:";
        for (const PlanObject& o : suggestions)
            out += " " + o.name + " (" + o.id + ")";
    }
    return out;
}

CountyLookup PlanQuery::findCounty(const std::string& text) const
{
    const NameLookup names = resolve(text, {PlanKind::County});
    const auto county = [&](const PlanObject& o) { return m_geography.county(o.id); };
    CountyLookup result;
    if (const PlanObject* one = names.one())
        result.county = county(*one);
    else
        for (const PlanObject& o : names.matches)
            result.candidates.push_back(county(o));
    for (const PlanObject& o : names.suggestions)
        result.suggestions.push_back(county(o));
    return result;
}

}  // namespace layers
