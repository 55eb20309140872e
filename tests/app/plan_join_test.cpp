// The county→class and county→zone joins live in PlanQuery (classesOf, classMembers, zonesOf, zoneMembers); the
// map data, the export tables and the commands read them there. Here they must agree for all 88 counties.
#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <map>
#include <set>
#include <sstream>
#include <variant>

#include "cli/arguments.h"
#include "cli/plan_commands.h"
#include "layers/export_tables.h"
#include "test_data.h"

namespace {

QJsonObject runJson(int (*command)(const layers::PlanQuery&, const app::cli::Arguments&, std::ostream&, std::ostream&), const std::string& name,
                    const std::string& id)
{
    const app::cli::Arguments args = test::arguments({name, id, "--json"});
    std::ostringstream out, err;
    EXPECT_EQ(command(test::query(), args, out, err), 0) << err.str();
    return QJsonDocument::fromJson(QByteArray::fromStdString(out.str())).object();
}

using Joined = std::map<std::string, std::set<std::string>>;  // county code → class (or zone) ids

std::string text(const layers::ExportValue& v) { return std::holds_alternative<std::string>(v) ? std::get<std::string>(v) : std::string(); }

std::size_t field(const layers::ExportTable& t, const std::string& name)
{
    for (std::size_t i = 0; i < t.fields.size(); ++i)
        if (t.fields[i].name == name)
            return i;
    ADD_FAILURE() << "no field " << name << " in " << t.id;
    return 0;
}

const layers::ExportTable& table(const std::vector<layers::ExportTable>& tables, const std::string& id)
{
    for (const auto& t : tables)
        if (t.id == id)
            return t;
    throw std::runtime_error("no table " + id);
}

}  // namespace

TEST(PlanJoin, ExportTablesMapDataAndGzplanClassAgreeOnEveryCountysClasses)
{
    const auto& g = test::geography();
    const auto& plan = test::plan();
    ASSERT_EQ(g.counties.size(), 88u);

    Joined query, mapData, exported, exportedFlags, classCommand;
    std::map<std::string, std::string> exportedOrbit, commandOrbit;
    for (const auto& c : g.counties) {
        query[c.code];
        for (const layers::HeldClass& held : test::query().classesOf(c.code))
            query[c.code].insert(held.countyClass->id);
    }

    const auto& data = test::plannedRenderer()->data();
    ASSERT_EQ(data.counties.size(), g.counties.size());
    for (std::size_t i = 0; i < data.counties.size(); ++i)
        for (int k : data.countyClasses[i])
            mapData[data.counties[i].code.toStdString()].insert(data.classes[static_cast<std::size_t>(k)].id.toStdString());

    const auto tables = layers::buildExportTables(g, plan, layers::loadPlanGeometry(GZ_TEST_GEOPACKAGE, plan));
    const layers::ExportTable& counties = table(tables, "counties");
    ASSERT_EQ(counties.features.size(), 88u);
    const std::size_t code = field(counties, "code"), classes = field(counties, "classes"), orbit = field(counties, "satellite_orbit");
    const std::size_t count = field(counties, "class_count");
    for (const auto& f : counties.features) {
        const std::string county = text(f.values[code]);
        std::set<std::string>& held = exported[county];
        std::stringstream ids(text(f.values[classes]));
        for (std::string id; std::getline(ids, id, ';');)
            if (!id.empty())
                held.insert(id);
        EXPECT_EQ(std::get<long long>(f.values[count]), static_cast<long long>(held.size())) << county;
        for (const auto& cls : plan.classes)
            if (std::get<bool>(f.values[field(counties, cls.id)]))
                exportedFlags[county].insert(cls.id);
        if (!text(f.values[orbit]).empty())
            exportedOrbit[county] = text(f.values[orbit]);
    }

    for (const auto& cls : plan.classes) {
        const QJsonObject o = runJson(app::cli::classCommand, "class", cls.id);
        for (const QJsonValue& m : o["members"].toArray()) {
            const std::string county = m.toObject()["code"].toString().toStdString();
            classCommand[county].insert(cls.id);
            if (!m.toObject()["orbit"].toString().isEmpty())
                commandOrbit[county] = m.toObject()["orbit"].toString().toStdString();
        }
    }

    int several = 0, any = 0;
    for (const auto& c : g.counties) {
        const std::set<std::string>& want = query[c.code];
        EXPECT_EQ(mapData[c.code], want) << c.name << ": map data";
        EXPECT_EQ(exported[c.code], want) << c.name << ": export table's classes column";
        EXPECT_EQ(exportedFlags[c.code], want) << c.name << ": export table's class flags";
        EXPECT_EQ(classCommand[c.code], want) << c.name << ": gzplan class";
        EXPECT_EQ(exportedOrbit[c.code], commandOrbit[c.code]) << c.name << ": satellite orbit";
        std::set<std::string> reported;
        for (const layers::ClassMember* m : test::query().county(c).classes)
            reported.insert(m->classId);
        EXPECT_EQ(reported, want) << c.name << ": gzplan county";
        any += !want.empty();
        several += want.size() > 1;
    }
    EXPECT_GT(several, 0);
    EXPECT_GT(any, 60);

    // gzplan classes: the counts and the overlap matrix come from the same join.
    const app::cli::Arguments args = test::arguments({"classes", "--json"});
    std::ostringstream out;
    ASSERT_EQ(app::cli::classesCommand(test::query(), args, out), 0);
    const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(out.str())).object();
    EXPECT_EQ(o["counties_with_a_class"].toInt(), any);
    EXPECT_EQ(o["counties_with_several"].toInt(), several);
    const QJsonArray matrix = o["overlap"].toArray();
    for (std::size_t i = 0; i < plan.classes.size(); ++i)
        for (std::size_t j = 0; j < plan.classes.size(); ++j) {
            int both = 0;
            for (const auto& [county, held] : query)
                both += held.count(plan.classes[i].id) && held.count(plan.classes[j].id);
            EXPECT_EQ(matrix[static_cast<int>(i)].toArray()[static_cast<int>(j)].toInt(), both) << plan.classes[i].id << " " << plan.classes[j].id;
        }
}

TEST(PlanJoin, ZoneMembersAgreeAcrossQueryGeometryExportAndGzplanZone)
{
    const auto& plan = test::plan();
    const auto geometry = layers::loadPlanGeometry(GZ_TEST_GEOPACKAGE, plan);
    const auto tables = layers::buildExportTables(test::geography(), plan, geometry);
    const layers::ExportTable& zones = table(tables, "zones");
    const std::size_t id = field(zones, "zone_id"), members = field(zones, "members");
    std::map<std::string, std::string> exported;
    for (const auto& f : zones.features)
        exported[text(f.values[id])] = text(f.values[members]);
    Joined byZone;  // zone → counties, from zoneMembers; checked against zonesOf below
    for (const auto& z : plan.zones) {
        std::vector<std::string> codes;
        for (const layers::ZoneMember* m : test::query().zoneMembers(z.id))
            if (test::geography().county(m->code)) {
                codes.push_back(m->code);
                byZone[m->code].insert(z.id);
            }
        const QJsonObject o = runJson(app::cli::zoneCommand, "zone", z.id);
        std::vector<std::string> command;
        for (const QJsonValue& m : o["members"].toArray())
            command.push_back(m.toObject()["code"].toString().toStdString());
        EXPECT_EQ(command, codes) << z.id << ": gzplan zone";
        for (const auto& f : geometry.zones)
            if (f.zone->id == z.id) {
                EXPECT_EQ(f.memberCodes, codes) << z.id << ": plan geometry";
                std::string joined;
                for (const auto& c : codes)
                    joined += (joined.empty() ? "" : ";") + c;
                EXPECT_EQ(exported[z.id], joined) << z.id << ": export table";
            }
    }
    for (const auto& c : test::geography().counties) {
        std::set<std::string> held;
        for (const layers::ZoneMember* m : test::query().zonesOf(c.code))
            held.insert(m->zoneId);
        EXPECT_EQ(held, byZone[c.code]) << c.name;
        std::set<std::string> reported;
        for (const layers::ZoneMember* m : test::query().county(c).zones)
            reported.insert(m->zoneId);
        EXPECT_EQ(reported, held) << c.name << ": gzplan county";
    }
}
