#include "cli/plan_commands.h"

#include <cmath>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "cli/text_table.h"
#include "geo/projection.h"
#include "layers/plan_check.h"
#include "layers/plan_geometry.h"

namespace app::cli {

namespace {
using layers::PlanQuery;

QString q(const std::string& s) { return QString::fromStdString(s); }
std::string s(const QString& text) { return text.toStdString(); }

}  // namespace

void printJson(std::ostream& out, const QJsonValue& value)
{
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out << doc.toJson(QJsonDocument::Indented).toStdString();
}

namespace {

void addProvenance(QJsonObject& o, const layers::Provenance& p)
{
    o["source"] = q(p.source);
    o["clause"] = q(p.clause);
    o["basis"] = q(p.basis);
}

std::string cite(const layers::Provenance& p) { return p.source + " " + p.clause + " (" + p.basis + ")"; }

QJsonArray list(const std::vector<std::string>& items)
{
    QJsonArray a;
    for (const auto& i : items)
        a.append(q(i));
    return a;
}

std::string formatValue(double v)
{
    std::ostringstream o;
    o << v;
    return o.str();
}

}  // namespace

QJsonObject targetJson(const layers::Target& t)
{
    QJsonObject o{{"id", q(t.id)}, {"scope_kind", q(t.scopeKind)}, {"scope_id", q(t.scopeId)}, {"indicator", q(t.indicator)},
                  {"value", t.value}, {"unit", q(t.unit)}, {"comparator", q(t.comparator)}, {"year", t.year}, {"quote", q(t.quote)}};
    o["indicator_en"] = q(t.indicatorEn);
    o["year_basis"] = q(t.yearBasis);
    o["scope_basis"] = q(t.scopeBasis);
    o["note"] = q(t.note);
    o["note_en"] = q(t.noteEn);
    addProvenance(o, t.provenance);
    return o;
}

namespace {

void targetTable(std::ostream& out, const std::vector<const layers::Target*>& targets)
{
    TextTable table({"scope", "indicator", "year", "target", "source"});
    for (const auto* t : targets) {
        // An assumed year or scope is said where it stands: "2028 (assumed)", "zone:gga_metro (assumed)".
        auto marked = [](const std::string& text, const std::string& basis) { return basis == "stated" || basis.empty() ? text : text + " (" + basis + ")"; };
        table.add({marked(t->scopeKind + ":" + t->scopeId, t->scopeBasis), t->indicator, marked(std::to_string(t->year), t->yearBasis),
                   t->comparator + " " + formatValue(t->value) + " " + t->unit, cite(t->provenance)});
    }
    table.print(out);
}

QJsonObject statementJson(const layers::Statement& x)
{
    QJsonObject o{{"id", q(x.id)}, {"scope_kind", q(x.scopeKind)}, {"scope_id", q(x.scopeId)}, {"topic", q(x.topic)}, {"topic_en", q(x.topicEn)},
                  {"quote", q(x.quote)}, {"note", q(x.note)}, {"note_en", q(x.noteEn)}};
    addProvenance(o, x.provenance);
    return o;
}

QJsonObject relationJson(const layers::Relation& x)
{
    QJsonObject o{{"id", q(x.id)}, {"kind", q(x.kind)}, {"name", q(x.name)}, {"name_en", q(x.nameEn)}, {"from", q(x.fromKind + ":" + x.fromId)},
                  {"to", q(x.toKind + ":" + x.toId)}, {"quote", q(x.quote)}, {"note", q(x.note)}, {"note_en", q(x.noteEn)}};
    addProvenance(o, x.provenance);
    return o;
}

void statementTable(std::ostream& out, const std::vector<const layers::Statement*>& statements)
{
    out << "\nPlan statements (" << statements.size() << "):\n";
    TextTable table({"scope", "topic", "quote", "source"});
    for (const auto* x : statements)
        table.add({x->scopeKind + ":" + x->scopeId, x->topic, x->quote, cite(x->provenance)});
    table.print(out);
}

void relationTable(std::ostream& out, const std::vector<const layers::Relation*>& relations)
{
    out << "\nRelations (" << relations.size() << "):\n";
    TextTable table({"relation", "name", "kind", "between", "source"});
    for (const auto* x : relations)
        table.add({x->id, x->name, x->kind, x->fromKind + ":" + x->fromId + " – " + x->toKind + ":" + x->toId, cite(x->provenance)});
    table.print(out);
}

QJsonObject countyBrief(const layers::County& c)
{
    return {{"code", q(c.code)}, {"name", q(c.name)}, {"short_name", q(c.shortName)}};
}

/// The one object text names among kinds (its id), or empty with the problem (candidates, other kinds, suggestions)
/// written to err.
std::string resolveId(const PlanQuery& query, const QString& text, const std::vector<layers::PlanKind>& kinds, std::ostream& err)
{
    const layers::NameLookup lookup = query.resolve(s(text), kinds);
    if (const layers::PlanObject* one = lookup.one())
        return one->id;
    err << "gzplan: " << lookup.problem(s(text), kinds) << "\n";
    return {};
}
}  // namespace

int countyCommand(const PlanQuery& query, const Arguments& args, std::ostream& out, std::ostream& err)
{
    if (args.positional.size() != 1) {
        err << "usage: gzplan county <name|short name|old name|code> [--json]\n";
        return 2;
    }
    const std::string code = resolveId(query, args.positional.front(), {layers::PlanKind::County}, err);
    if (code.empty())
        return 1;
    const layers::CountyReport r = query.county(*query.geography().county(code));
    const layers::County& c = *r.county;
    const layers::PlanData& plan = query.plan();
    if (args.flag("json")) {
        QJsonObject o = countyBrief(c);
        o["old_name"] = q(c.oldName);
        o["old_code"] = q(c.oldCode);
        o["prefecture"] = QJsonObject{{"code", q(c.prefectureCode)}, {"name", q(c.prefectureName)}};
        o["seat"] = QJsonArray{c.seat.x, c.seat.y};
        o["area_km2"] = std::round(c.areaKm2 * 10) / 10;
        QJsonArray classes, zones, cities, places, corridors, targets;
        for (const auto* m : r.classes) {
            const auto* cls = plan.countyClass(m->classId);
            QJsonObject j{{"id", q(m->classId)}, {"name", cls ? q(cls->name) : QString()}, {"orbit", q(m->orbit)}, {"note", q(m->note)}, {"note_en", q(m->noteEn)}};
            addProvenance(j, m->provenance);
            classes.append(j);
        }
        for (const auto* m : r.zones) {
            const auto* z = plan.zone(m->zoneId);
            QJsonObject j{{"id", q(m->zoneId)}, {"name", z ? q(z->name) : QString()}, {"layout", z ? q(z->layout) : QString()}, {"extent", q(m->extent)}, {"note", q(m->note)}, {"note_en", q(m->noteEn)}};
            addProvenance(j, m->provenance);
            zones.append(j);
        }
        for (const auto* m : r.centralCities) {
            const auto* city = plan.centralCity(m->cityId);
            QJsonObject j{{"id", q(m->cityId)}, {"name", city ? q(city->name) : QString()}, {"part", q(m->part)}, {"extent", q(m->extent)}, {"note", q(m->note)}, {"note_en", q(m->noteEn)}};
            addProvenance(j, m->provenance);
            cities.append(j);
        }
        for (const auto* p : r.places) {
            QJsonObject j{{"id", q(p->id)}, {"name", q(p->name)}, {"kind", q(p->kind)}, {"position", q(p->positionQuality)}, {"status", q(p->status)}};
            addProvenance(j, p->provenance);
            places.append(j);
        }
        for (const auto* k : r.corridors)
            corridors.append(QJsonObject{{"id", q(k->id)}, {"name", q(k->name)}, {"mode", q(k->mode)}, {"status", q(k->status)}});
        for (const auto* t : r.targets)
            targets.append(targetJson(*t));
        o["classes"] = classes;
        o["zones"] = zones;
        o["central_cities"] = cities;
        o["places"] = places;
        o["corridors"] = corridors;
        o["targets"] = targets;
        QJsonArray statements, relations;
        for (const auto* x : r.statements)
            statements.append(statementJson(*x));
        for (const auto* x : r.relations)
            relations.append(relationJson(*x));
        o["statements"] = statements;
        o["relations"] = relations;
        o["province_targets"] = static_cast<int>(r.provinceTargets);
        o["sources"] = QJsonArray{QString::fromStdString(query.geography().package(layers::packages::kCounties) + " (boundary, reference)"),
                                  QString::fromStdString(query.geography().package(layers::packages::kDivision) + " (code, name)")};
        printJson(out, o);
        return 0;
    }
    out << c.name << "  " << c.code << "  (" << c.shortName << ")  " << c.prefectureName << " " << c.prefectureCode;
    if (!c.oldName.empty())
        out << "  formerly " << c.oldName << " " << c.oldCode;
    out << "\n\n";
    out << "County-seat classes (" << r.classes.size() << "):\n";
    TextTable classes({"class", "name", "orbit", "note", "source"});
    for (const auto* m : r.classes) {
        const auto* cls = plan.countyClass(m->classId);
        classes.add({m->classId, cls ? cls->name : "", m->orbit, m->noteEn, cite(m->provenance)});
    }
    if (!classes.empty())
        classes.print(out);
    out << "\nZones (" << r.zones.size() << "):\n";
    TextTable zones({"zone", "name", "layout", "extent", "source"});
    for (const auto* m : r.zones) {
        const auto* z = plan.zone(m->zoneId);
        zones.add({m->zoneId, z ? z->name : "", z ? z->layout : "", m->extent, cite(m->provenance)});
    }
    if (!zones.empty())
        zones.print(out);
    out << "\nCentral city (" << r.centralCities.size() << "):\n";
    TextTable cities({"city", "name", "part", "extent", "note", "source"});
    for (const auto* m : r.centralCities) {
        const auto* city = plan.centralCity(m->cityId);
        cities.add({m->cityId, city ? city->name : "", m->part, m->extent, m->noteEn, cite(m->provenance)});
    }
    if (!cities.empty())
        cities.print(out);
    if (!r.places.empty()) {
        out << "\nPlaces (" << r.places.size() << "):\n";
        TextTable places({"place", "name", "kind", "position", "status", "source"});
        for (const auto* p : r.places)
            places.add({p->id, p->name, p->kind, p->positionQuality, p->status, cite(p->provenance)});
        places.print(out);
    }
    if (!r.corridors.empty()) {
        out << "\nCorridors through it (" << r.corridors.size() << "):\n";
        TextTable corridors({"corridor", "name", "mode", "status"});
        for (const auto* k : r.corridors)
            corridors.add({k->id, k->name, k->mode, k->status});
        corridors.print(out);
    }
    if (!r.statements.empty())
        statementTable(out, r.statements);
    if (!r.relations.empty())
        relationTable(out, r.relations);
    out << "\nTargets (" << r.targets.size() << "):\n";
    if (!r.targets.empty())
        targetTable(out, r.targets);
    out << "\nPlus " << r.provinceTargets << " province-wide targets: gzplan targets --scope province\n";
    out << "Boundary: " << query.geography().package(layers::packages::kCounties) << " (reference, not survey); code and name: "
        << query.geography().package(layers::packages::kDivision) << "\n";
    return 0;
}

int classCommand(const PlanQuery& query, const Arguments& args, std::ostream& out, std::ostream& err)
{
    const layers::PlanData& plan = query.plan();
    const QString id = args.positional.value(0);
    if (id.isEmpty()) {
        err << "usage: gzplan class <id or name>; classes:";
        for (const auto& c : plan.classes)
            err << " " << c.id << " (" << c.name << ")";
        err << "\n";
        return 2;
    }
    const layers::CountyClass* cls = plan.countyClass(resolveId(query, id, {layers::PlanKind::CountyClass}, err));
    if (!cls)
        return 1;
    const auto members = query.classMembers(cls->id);
    if (args.flag("json")) {
        QJsonArray a;
        for (const auto* m : members) {
            QJsonObject j{{"code", q(m->code)}, {"county", q(m->county)}, {"orbit", q(m->orbit)}, {"note", q(m->note)}, {"note_en", q(m->noteEn)}};
            if (const auto* c = query.geography().county(m->code))
                j["name"] = q(c->name);
            a.append(j);
        }
        QJsonObject o{{"id", q(cls->id)}, {"name", q(cls->name)}, {"name_en", q(cls->nameEn)}, {"count", static_cast<int>(members.size())},
                      {"members", a}, {"quote", q(cls->quote)}};
        addProvenance(o, cls->provenance);
        printJson(out, o);
        return 0;
    }
    out << cls->id << "  " << cls->name << " (" << cls->nameEn << "): " << members.size() << " county seats, " << cite(cls->provenance) << "\n\n";
    TextTable table({"code", "name", "as written", "orbit", "note"});
    for (const auto* m : members) {
        const auto* c = query.geography().county(m->code);
        table.add({m->code, c ? c->name : "?", m->county, m->orbit, m->noteEn});
    }
    table.print(out);
    return 0;
}

int classesCommand(const PlanQuery& query, const Arguments& args, std::ostream& out)
{
    const layers::PlanData& plan = query.plan();
    const auto overlap = query.classOverlap();
    int withAny = 0, withSeveral = 0;
    for (const auto& c : query.geography().counties) {
        const std::size_t held = query.classesOf(c.code).size();
        withAny += held > 0;
        withSeveral += held > 1;
    }
    if (args.flag("json")) {
        QJsonArray classes, matrix;
        for (std::size_t i = 0; i < plan.classes.size(); ++i) {
            const auto& cls = plan.classes[i];
            QJsonArray members, row;
            for (const auto* m : query.classMembers(cls.id))
                members.append(q(m->code));
            for (int n : overlap[i])
                row.append(n);
            matrix.append(row);
            QJsonObject o{{"id", q(cls.id)}, {"name", q(cls.name)}, {"count", static_cast<int>(members.size())}, {"members", members}};
            addProvenance(o, cls.provenance);
            classes.append(o);
        }
        printJson(out, QJsonObject{{"classes", classes}, {"overlap", matrix}, {"counties_with_a_class", withAny}, {"counties_with_several", withSeveral},
                                   {"counties", static_cast<int>(query.geography().counties.size())}});
        return 0;
    }
    TextTable table({"class", "name", "count", "members", "source"});
    for (const auto& cls : plan.classes) {
        std::string names;
        const auto members = query.classMembers(cls.id);
        for (const auto* m : members)
            names += (names.empty() ? "" : "、") + m->county;
        table.add({cls.id, cls.name, std::to_string(members.size()), names, cite(cls.provenance)});
    }
    table.print(out);
    out << "\nOverlap (counties holding both classes; diagonal: class size):\n";
    std::vector<std::string> header{""};
    for (const auto& cls : plan.classes)
        header.push_back(cls.id);
    TextTable matrix(header);
    for (std::size_t i = 0; i < plan.classes.size(); ++i) {
        std::vector<std::string> row{plan.classes[i].id};
        for (int n : overlap[i])
            row.push_back(std::to_string(n));
        matrix.add(row);
    }
    matrix.print(out);
    out << "\n" << withAny << " of " << query.geography().counties.size() << " counties hold at least one class, " << withSeveral << " hold several.\n";
    return 0;
}

int zoneCommand(const PlanQuery& query, const Arguments& args, std::ostream& out, std::ostream& err)
{
    const QString id = args.positional.value(0);
    if (id.isEmpty()) {
        err << "usage: gzplan zone <id or name>; zones:";
        for (const auto& z : query.plan().zones)
            err << " " << z.id << " (" << z.name << ")";
        err << "\n";
        return 2;
    }
    const layers::Zone* zone = query.plan().zone(resolveId(query, id, {layers::PlanKind::Zone}, err));
    if (!zone)
        return 1;
    const layers::ZoneReport r = query.zone(*zone);
    if (args.flag("json")) {
        QJsonArray members, children, targets;
        for (const auto* m : r.members) {
            QJsonObject j{{"code", q(m->code)}, {"county", q(m->county)}, {"extent", q(m->extent)}, {"note", q(m->note)}, {"note_en", q(m->noteEn)}};
            addProvenance(j, m->provenance);
            members.append(j);
        }
        for (const auto* c : r.children)
            children.append(q(c->id));
        for (const auto* t : r.targets)
            targets.append(targetJson(*t));
        QJsonArray statements, relations;
        for (const auto* x : r.statements)
            statements.append(statementJson(*x));
        for (const auto* x : r.relations)
            relations.append(relationJson(*x));
        QJsonObject o{{"id", q(zone->id)}, {"name", q(zone->name)}, {"name_en", q(zone->nameEn)}, {"layout", q(zone->layout)}, {"kind", q(zone->kind)},
                      {"functions", list(zone->functions)}, {"parent", q(zone->parentZone)}, {"note", q(zone->note)}, {"note_en", q(zone->noteEn)}, {"members", members},
                      {"children", children}, {"targets", targets}, {"statements", statements}, {"relations", relations}};
        addProvenance(o, zone->provenance);
        printJson(out, o);
        return 0;
    }
    out << zone->id << "  " << zone->name << " (" << zone->nameEn << ")  layout " << zone->layout << ", " << zone->kind << ", " << cite(zone->provenance) << "\n";
    if (!zone->functions.empty()) {
        out << "Functions:";
        for (const auto& f : zone->functions)
            out << " " << f << ";";
        out << "\n";
    }
    if (!zone->note.empty())
        out << "Note: " << zone->note << "\n";
    out << "\nMembers (" << r.members.size() << "):\n";
    TextTable members({"code", "name", "extent", "note", "source"});
    for (const auto* m : r.members) {
        const auto* c = query.geography().county(m->code);
        members.add({m->code, c ? c->name : m->county, m->extent, m->noteEn, cite(m->provenance)});
    }
    members.print(out);
    if (!r.children.empty()) {
        out << "\nParts:";
        for (const auto* c : r.children)
            out << " " << c->id << " (" << c->name << ")";
        out << "\n";
    }
    if (!r.statements.empty())
        statementTable(out, r.statements);
    if (!r.relations.empty())
        relationTable(out, r.relations);
    if (!r.targets.empty()) {
        out << "\nTargets (" << r.targets.size() << "):\n";
        targetTable(out, r.targets);
    }
    return 0;
}

int zonesCommand(const PlanQuery& query, const Arguments& args, std::ostream& out)
{
    if (args.flag("json")) {
        QJsonArray a;
        for (const auto& z : query.plan().zones) {
            const auto r = query.zone(z);
            QJsonObject o{{"id", q(z.id)}, {"name", q(z.name)}, {"layout", q(z.layout)}, {"kind", q(z.kind)}, {"members", static_cast<int>(r.members.size())},
                          {"targets", static_cast<int>(r.targets.size())}};
            addProvenance(o, z.provenance);
            a.append(o);
        }
        printJson(out, a);
        return 0;
    }
    TextTable table({"zone", "name", "layout", "kind", "members", "targets", "source"});
    for (const auto& z : query.plan().zones) {
        const auto r = query.zone(z);
        table.add({z.id, z.name, z.layout, z.kind, std::to_string(r.members.size()), std::to_string(r.targets.size()), cite(z.provenance)});
    }
    table.print(out);
    return 0;
}

int targetsOfScope(const PlanQuery& query, const QString& scope, const std::string& command, std::ostream& err,
                   std::vector<const layers::Target*>& targets, QString* resolvedId)
{
    QString kind = scope.section(':', 0, 0), id = scope.section(':', 1);
    static const QStringList kinds{"province", "zone", "city", "county", "place", "corridor"};
    if (!scope.isEmpty() && !kinds.contains(kind)) {
        err << "gzplan " << command << ": --scope must be one of " << s(kinds.join(", ")) << ", optionally with :id (city:zunyi)\n";
        return 2;
    }
    // The scope's object by any of its names; the province is the only one of its kind.
    static const std::map<QString, layers::PlanKind> objectKinds{{"zone", layers::PlanKind::Zone}, {"city", layers::PlanKind::CentralCity},
                                                                 {"county", layers::PlanKind::County}, {"place", layers::PlanKind::Place},
                                                                 {"corridor", layers::PlanKind::Corridor}};
    if (kind == "province" && !id.isEmpty() && id != "guizhou" && id != "贵州" && id != "贵州省") {
        err << "gzplan " << command << ": the province scope is guizhou (贵州省), not '" << s(id) << "'\n";
        return 1;
    }
    if (kind == "province")
        id = "guizhou";
    else if (!id.isEmpty()) {
        const std::string resolved = resolveId(query, id, {objectKinds.at(kind)}, err);
        if (resolved.empty())
            return 1;
        id = q(resolved);
    }
    // A county's targets are those that concern it: scoped to it, its zones, its central city or its places (as
    // gzplan county lists them); no target is scoped to a county alone.
    targets = kind == "county" && !id.isEmpty() ? query.county(*query.geography().county(s(id))).targets : query.targets(s(kind), s(id));
    if (resolvedId)
        *resolvedId = id;
    return 0;
}

int targetsCommand(const PlanQuery& query, const Arguments& args, std::ostream& out, std::ostream& err)
{
    const QString scope = args.value("scope");
    const QString kind = scope.section(':', 0, 0);
    std::vector<const layers::Target*> targets;
    QString id;
    if (const int code = targetsOfScope(query, scope, "targets", err, targets, &id))
        return code;
    if (args.flag("json")) {
        QJsonArray a;
        for (const auto* t : targets)
            a.append(targetJson(*t));
        printJson(out, a);
        return 0;
    }
    targetTable(out, targets);
    out << targets.size() << " targets\n";
    if (kind == "county" && !id.isEmpty())
        out << "(scoped to " << query.geography().county(s(id))->name << ", its zones, central city and places; plus "
            << query.targets("province", "").size() << " province-wide targets: gzplan targets --scope province)\n";
    return 0;
}

int crsCommand(const PlanQuery& query, const Arguments& args, std::ostream& out, std::ostream& err)
{
    if (args.positional.value(0) != "suggest" || args.positional.size() > 2 || (args.positional.size() == 2 && args.has("extent"))) {
        err << "usage: gzplan crs suggest [<county, prefecture, zone or central city>] [--extent minLon,minLat,maxLon,maxLat] [--json]\n";
        return 2;
    }
    // What to cover: an extent, a named object (a zone or a central city through its member counties), or the province.
    const layers::Geography& g = query.geography();
    geo::Box box = geo::Box::empty();
    std::string what = g.province.name;
    const auto addCounty = [&](const std::string& code) {
        if (const layers::County* c = g.county(code))
            box.expand(geo::bounds(c->shape));
    };
    if (args.has("extent")) {
        const QStringList parts = args.value("extent").split(',');
        bool ok = parts.size() == 4;
        double v[4] = {};
        for (int i = 0; ok && i < 4; ++i)
            v[i] = parts[i].trimmed().toDouble(&ok);
        if (!ok || v[0] >= v[2] || v[1] >= v[3] || v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90) {
            err << "gzplan crs: --extent must be minLon,minLat,maxLon,maxLat in degrees with min < max\n";
            return 2;
        }
        box = {v[0], v[1], v[2], v[3]};
        what = "the extent " + s(args.value("extent"));
    } else if (args.positional.size() == 2) {
        using layers::PlanKind;
        const std::vector<PlanKind> kinds{PlanKind::County, PlanKind::Prefecture, PlanKind::Zone, PlanKind::CentralCity};
        const layers::NameLookup lookup = query.resolve(s(args.positional[1]), kinds);
        const layers::PlanObject* o = lookup.one();
        if (!o) {
            err << "gzplan crs: " << lookup.problem(s(args.positional[1]), kinds) << "\n";
            return 1;
        }
        what = std::string(layers::kindWord(o->kind)) + " " + o->name;
        if (o->kind == PlanKind::County)
            addCounty(o->id);
        else if (o->kind == PlanKind::Prefecture)
            box = geo::bounds(g.prefecture(o->id)->shape);
        else if (o->kind == PlanKind::Zone)
            for (const auto* m : query.zoneMembers(o->id))
                addCounty(m->code);
        else
            for (const auto& m : query.plan().centralCityMembers)
                if (m.cityId == o->id)
                    addCounty(m.code);
        if (o->kind == PlanKind::Zone || o->kind == PlanKind::CentralCity)
            what += " (the extent of its member counties, whole)";
    } else {
        box = g.bounds();
    }
    const geo::crs::GaussKrugerAdvice advice = geo::crs::gaussKrugerAdvice(box);
    const double centre = (box.minX + box.maxX) / 2;
    const std::string& zone = advice.crs;
    const double meridian = advice.centralMeridian, offset = advice.maxOffsetDeg, ppm = advice.maxScaleErrorPpm;
    const std::string &west = advice.west, &east = advice.east;
    if (args.flag("json")) {
        printJson(out, QJsonObject{{"for", q(what)},
                                   {"extent", QJsonArray{box.minX, box.minY, box.maxX, box.maxY}},
                                   {"crs", q(zone)},
                                   {"central_meridian", meridian},
                                   {"zones_spanned", QJsonArray{q(west), q(east)}},
                                   {"max_offset_deg", std::round(offset * 100) / 100},
                                   {"max_scale_error_ppm", std::round(ppm)}});
        return 0;
    }
    out.setf(std::ios::fixed);
    out.precision(2);
    out << what << ": " << box.minX << "°E–" << box.maxX << "°E, " << box.minY << "°N–" << box.maxY << "°N\n";
    out << "use " << zone << " (CGCS2000 / 3-degree Gauss-Kruger CM " << static_cast<int>(meridian) << "E): its central meridian is nearest the centre ("
        << centre << "°E)\n";
    out.precision(0);
    if (west == east)
        out << "the whole extent lies in that zone's band; ";
    else
        out << "the extent spans " << west << " to " << east << "; in " << zone << " ";
    out << "the farthest edge is " << std::setprecision(2) << offset << "° from the central meridian: lengths there are about "
        << std::setprecision(0) << ppm << " ppm (" << std::setprecision(2) << ppm / 1000 << " m per km) too long\n";
    return 0;
}

int whereCommand(const PlanQuery& query, const Arguments& args, std::ostream& out, std::ostream& err)
{
    bool okX = false, okY = false;
    const double x = args.positional.value(0).toDouble(&okX);
    const double y = args.positional.value(1).toDouble(&okY);
    if (args.positional.size() != 2 || !okX || !okY) {
        err << "usage: gzplan where <lon> <lat> [--crs EPSG:xxxx]   (lon/lat in CGCS2000 degrees, or easting northing in --crs)\n";
        return 2;
    }
    geo::Point p{x, y};
    const QString crs = args.value("crs", geo::crs::kCgcs2000);
    // "nan" and "inf" parse as numbers: no point lies there.
    if (!std::isfinite(x) || !std::isfinite(y)) {
        err << "gzplan where: coordinates must be finite numbers, not '" << s(args.positional.value(0)) << "' '" << s(args.positional.value(1))
            << "'\n";
        return 2;
    }
    if (crs == geo::crs::kCgcs2000 && (std::abs(x) > 180 || std::abs(y) > 90)) {
        err << "gzplan where: (" << s(args.positional.value(0)) << ", " << s(args.positional.value(1))
            << ") is not a longitude/latitude: longitude must lie in [-180, 180] and latitude in [-90, 90] degrees "
               "(for easting/northing give --crs, e.g. --crs EPSG:4545)\n";
        return 2;
    }
    if (crs != geo::crs::kCgcs2000) {
        try {
            geo::Projection toLonLat(s(crs), geo::crs::kCgcs2000);
            if (!toLonLat.forward(p)) {
                err << "gzplan where: (" << x << ", " << y << ") cannot be transformed from " << s(crs) << "\n";
                return 1;
            }
        } catch (const geo::ProjectionError& e) {
            err << "gzplan where: " << e.what() << "\n";
            return 2;
        }
    }
    const layers::County* c = query.countyAt(p);
    if (args.flag("json")) {
        QJsonObject o{{"lon", p.x}, {"lat", p.y}, {"inside_guizhou", c != nullptr}};
        if (c) {
            o["county"] = countyBrief(*c);
            o["prefecture"] = QJsonObject{{"code", q(c->prefectureCode)}, {"name", q(c->prefectureName)}};
        }
        printJson(out, o);
        return 0;
    }
    out.precision(6);
    out << std::fixed << p.x << "E " << p.y << "N: ";
    if (!c)
        out << "outside Guizhou (no county of the province contains this point)\n";
    else
        out << c->name << " " << c->code << " (" << c->shortName << "), " << c->prefectureName << "\n";
    return 0;
}

int checkCommand(const layers::Geography& geography, const QString& planDir, const QString& documentsDir, const Arguments& args, std::ostream& out,
                 std::ostream& err)
{
    std::vector<layers::PlanIssue> issues;
    layers::PlanData plan;
    try {
        plan = layers::PlanData::load(s(planDir));
        issues = layers::checkPlan(plan, geography, layers::readDocuments(s(documentsDir), plan));
        if (issues.empty())
            layers::buildPlanGeometry(plan, geography, layers::readZoneShapes(s(planDir) + "/zone_shapes.csv"));
    } catch (const std::exception& e) {
        err << "gzplan check: " << e.what() << "\n";
        return 1;
    }
    if (args.flag("json")) {
        QJsonArray a;
        for (const auto& i : issues)
            a.append(QJsonObject{{"where", q(i.where)}, {"message", q(i.message)}});
        printJson(out, QJsonObject{{"plan", planDir}, {"errors", a}, {"valid", issues.empty()}});
        return issues.empty() ? 0 : 1;
    }
    for (const auto& i : issues)
        err << s(planDir) << "/" << i.where << ": " << i.message << "\n";
    if (!issues.empty()) {
        err << "gzplan check: " << issues.size() << " error(s)\n";
        return 1;
    }
    int approximate = 0, assumed = 0;
    for (const auto& p : plan.places)
        approximate += p.positionQuality == "approximate";
    auto countAssumed = [&](const auto& items) {
        for (const auto& item : items)
            assumed += item.provenance.basis == "assumed";
    };
    countAssumed(plan.classes);
    countAssumed(plan.classMembers);
    countAssumed(plan.centralCities);
    countAssumed(plan.centralCityMembers);
    countAssumed(plan.zones);
    countAssumed(plan.zoneMembers);
    countAssumed(plan.corridors);
    countAssumed(plan.places);
    countAssumed(plan.statements);
    countAssumed(plan.relations);
    // A target whose value is stated but whose year or scope is assumed (GY2025's 2028) counts as assumed too.
    int assumedYearOrScope = 0;
    for (const auto& t : plan.targets)
        assumedYearOrScope += t.weakestBasis() == "assumed";
    assumed += assumedYearOrScope;
    out << "plan data valid: " << plan.classes.size() << " classes, " << plan.classMembers.size() << " class memberships, " << plan.centralCities.size()
        << " central cities (" << plan.centralCityMembers.size() << " members), " << plan.zones.size() << " zones (" << plan.zoneMembers.size()
        << " members), " << plan.corridors.size() << " corridors, " << plan.places.size() << " places (" << approximate << " approximate), "
        << plan.statements.size() << " plan statements, " << plan.relations.size() << " relations, " << plan.targets.size() << " targets ("
        << assumedYearOrScope << " with an assumed value, year or scope); " << assumed << " rows marked assumed\n";
    return 0;
}

}  // namespace app::cli
