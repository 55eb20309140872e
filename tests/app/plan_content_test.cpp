// The plan's content as a planner meets it: every place and plan statement is listed by `gzplan county` for the
// county it concerns and found by the window's search; relations are exported and drawn.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include "gui/search_box.h"
#include "render/map_view.h"
#include "run_gzplan.h"
#include "test_data.h"

namespace {
using app::gui::Hit;

/// The counties a statement concerns: its county, its central city's core, or its zone's members.
std::vector<std::string> countiesOf(const layers::Statement& s)
{
    std::vector<std::string> codes;
    if (s.scopeKind == "county")
        codes.push_back(s.scopeId);
    for (const layers::CentralCityMember& m : test::plan().centralCityMembers)
        if (s.scopeKind == "city" && m.cityId == s.scopeId && m.part == "core")
            codes.push_back(m.code);
    for (const layers::ZoneMember& m : test::plan().zoneMembers)
        if (s.scopeKind == "zone" && m.zoneId == s.scopeId)
            codes.push_back(m.code);
    return codes;
}

std::set<QString> ids(const QJsonArray& rows)
{
    std::set<QString> out;
    for (const QJsonValue& v : rows)
        out.insert(v.toObject()["id"].toString());
    return out;
}
}  // namespace

TEST(PlanContent, EveryPlaceAndStatementIsInItsCountysReport)
{
    const layers::PlanData& plan = test::plan();
    ASSERT_FALSE(plan.places.empty());
    // What each county's report must list, then one `gzplan county` per county.
    std::map<std::string, std::pair<std::set<QString>, std::set<QString>>> expected;
    for (const layers::Place& p : plan.places)
        expected[p.code].first.insert(QString::fromStdString(p.id));
    std::size_t located = 0;
    for (const layers::Statement& s : plan.statements) {
        const auto codes = countiesOf(s);
        if (s.scopeKind != "province")
            EXPECT_FALSE(codes.empty()) << s.id << ": no county for " << s.scopeKind << " " << s.scopeId;
        for (const std::string& code : codes)
            expected[code].second.insert(QString::fromStdString(s.id));
        located += !codes.empty();
    }
    for (const auto& [code, wanted] : expected) {
        const auto r = test::gzplan({"county", QString::fromStdString(code), "--json"});
        ASSERT_EQ(r.code, 0) << code << r.err.toStdString();
        const QJsonObject o = r.json().object();
        const auto places = ids(o["places"].toArray()), statements = ids(o["statements"].toArray());
        for (const QString& id : wanted.first)
            EXPECT_TRUE(places.count(id)) << "gzplan county " << code << " does not list place " << id.toStdString();
        for (const QString& id : wanted.second)
            EXPECT_TRUE(statements.count(id)) << "gzplan county " << code << " does not list statement " << id.toStdString();
    }
    RecordProperty("places", static_cast<int>(plan.places.size()));
    RecordProperty("statements_located", static_cast<int>(located));
}

TEST(PlanContent, EveryPlaceAndStatementIsFoundByTheWindowsSearch)
{
    app::gui::SearchBox box(test::query());
    const layers::PlanData& plan = test::plan();
    for (const layers::Place& p : plan.places) {
        // Its name finds it (alone, or among the places of the same name to choose from).
        const layers::NameLookup found = box.lookup(QString::fromStdString(p.name));
        const bool among = std::any_of(found.matches.begin(), found.matches.end(), [&](const layers::PlanObject& o) {
            return o.kind == layers::PlanKind::Place && o.id == p.id;
        });
        EXPECT_TRUE(among) << p.name;
        if (found.one())
            EXPECT_EQ(box.find(QString::fromStdString(p.name)), (Hit{Hit::Kind::Place, QString::fromStdString(p.id)})) << p.name;
    }
    for (const layers::Statement& s : plan.statements) {
        const layers::NameLookup found = box.lookup(QString::fromStdString(s.topic));
        const auto match = std::find_if(found.matches.begin(), found.matches.end(), [&](const layers::PlanObject& o) {
            return o.kind == layers::PlanKind::Statement && o.id == s.id;
        });
        ASSERT_NE(match, found.matches.end()) << s.topic;
        // Chosen, it shows the place it concerns.
        const Hit hit = app::gui::hitOf(*match, plan);
        const QString scope = QString::fromStdString(s.scopeId);
        if (s.scopeKind == "county")
            EXPECT_EQ(hit, (Hit{Hit::Kind::County, scope}));
        else if (s.scopeKind == "city")
            EXPECT_EQ(hit, (Hit{Hit::Kind::City, scope}));
        else if (s.scopeKind == "zone")
            EXPECT_EQ(hit, (Hit{Hit::Kind::Zone, scope}));
    }
}

TEST(PlanContent, RelationsAreExportedAsLinesBetweenTheirUnits)
{
    const layers::PlanData& plan = test::plan();
    QTemporaryDir dir;
    const QString out = dir.filePath("relations.geojson");
    const auto r = test::gzplan({"export", "--layer", "relations", "--format", "geojson", "--out", out, "--quiet"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    QFile file(out);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QJsonArray features = QJsonDocument::fromJson(file.readAll()).object()["features"].toArray();
    ASSERT_EQ(static_cast<std::size_t>(features.size()), plan.relations.size());
    for (const QJsonValue& v : features) {
        const QJsonObject f = v.toObject();
        const QJsonObject properties = f["properties"].toObject();
        const layers::Relation* relation = plan.relation(properties["relation_id"].toString().toStdString());
        ASSERT_TRUE(relation);
        EXPECT_EQ(properties["from"].toString().toStdString(), relation->fromKind + ":" + relation->fromId);
        EXPECT_FALSE(properties["quote"].toString().isEmpty());
        const QJsonArray line = f["geometry"].toObject()["coordinates"].toArray();
        ASSERT_EQ(line.size(), 2);
        // A county end lies at its seat.
        if (relation->fromKind == "county") {
            const layers::County* c = test::geography().county(relation->fromId);
            ASSERT_TRUE(c);
            EXPECT_NEAR(line[0].toArray()[0].toDouble(), c->seat.x, 1e-6);
            EXPECT_NEAR(line[0].toArray()[1].toDouble(), c->seat.y, 1e-6);
        }
    }
}

TEST(PlanContent, RelationsAreDrawnWhereTheLayerIsOn)
{
    const auto r = test::plannedRenderer();
    ASSERT_FALSE(r->data().relations.empty());
    const QColor colour = r->style().symbol("relations", "one_core_three_centres").stroke;
    auto count = [&](bool on) {
        app::render::RenderSettings s = r->settingsFor(app::render::View::OneCoreThreeCentres);
        s.view = app::render::MapView::fit(r->data().extent, QSize(1200, 900));
        s.setVisible("labels", false);
        s.setVisible("relations", on);
        const QImage image = r->renderImage(s).convertToFormat(QImage::Format_RGB32);
        int n = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                n += image.pixelColor(x, y) == colour;
        return n;
    };
    const int on = count(true), off = count(false);
    EXPECT_GT(on, off + 20) << "relation pixels: " << on << " with the layer, " << off << " without";
}
