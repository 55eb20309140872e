// The plan queries of gzplan, run as a separate process on the built GeoPackage.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include "run_gzplan.h"

namespace {

using Output = test::GzplanResult;
Output gzplan(const QStringList& args, const QStringList& extraEnv = {}) { return test::runGzplan(args, extraEnv); }

QStringList ids(const QJsonArray& a, const char* key = "id")
{
    QStringList out;
    for (const auto& v : a)
        out << v.toObject().value(key).toString();
    out.sort();
    return out;
}
}  // namespace

TEST(PlanCli, CountyByOldNameAsJson)
{
    const Output r = gzplan({"county", "盘县", "--json"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QJsonObject o = r.json().object();
    EXPECT_EQ(o["code"].toString(), "520281");
    EXPECT_EQ(o["name"].toString(), "盘州市");
    EXPECT_EQ(o["old_name"].toString(), "盘县");
    EXPECT_EQ(o["prefecture"].toObject()["name"].toString(), "六盘水市");
    EXPECT_EQ(ids(o["classes"].toArray()), (QStringList{"regional_pivot", "specialized"}));
    for (const auto& c : o["classes"].toArray()) {
        EXPECT_EQ(c.toObject()["source"].toString(), "GZ2023");
        EXPECT_EQ(c.toObject()["clause"].toString(), "四(八)23");
        EXPECT_EQ(c.toObject()["basis"].toString(), "stated");
    }
    EXPECT_GT(o["province_targets"].toInt(), 20);
}

TEST(PlanCli, CountyReadableTableNamesClassesZonesAndSources)
{
    const Output r = gzplan({"county", "520181"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains("清镇市"));
    EXPECT_TRUE(r.out.contains("guian_new_area"));
    EXPECT_TRUE(r.out.contains("partial"));
    EXPECT_TRUE(r.out.contains("GZ2023"));
}

TEST(PlanCli, UnknownAndAmbiguousNames)
{
    Output r = gzplan({"county", "盘洲"});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("did you mean")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("盘州市"));
    r = gzplan({"county", "山"});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("ambiguous")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("钟山区"));
    r = gzplan({"county"});
    EXPECT_EQ(r.code, 2);
    r = gzplan({"class", "capital"});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("regional_pivot"));
}

TEST(PlanCli, ClassAndClassesWithOverlap)
{
    Output r = gzplan({"class", "satellite", "--json"});
    ASSERT_EQ(r.code, 0);
    const QJsonObject o = r.json().object();
    EXPECT_EQ(o["count"].toInt(), 14);
    int zunyi = 0;
    for (const auto& m : o["members"].toArray())
        zunyi += m.toObject()["orbit"].toString() == "zunyi";
    EXPECT_EQ(zunyi, 5);
    r = gzplan({"classes", "--json"});
    ASSERT_EQ(r.code, 0);
    const QJsonObject all = r.json().object();
    const QJsonArray matrix = all["overlap"].toArray();
    ASSERT_EQ(matrix.size(), 6);
    EXPECT_EQ(matrix[0].toArray()[0].toInt(), 10);  // regional_pivot on the diagonal
    EXPECT_EQ(all["counties"].toInt(), 88);
    EXPECT_GT(all["counties_with_several"].toInt(), 0);
}

TEST(PlanCli, ZonesAndTargets)
{
    Output r = gzplan({"zone", "gy_core", "--json"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_EQ(ids(r.json().object()["members"].toArray(), "code"), (QStringList{"520102", "520103"}));
    EXPECT_FALSE(r.json().object()["functions"].toArray().isEmpty());
    r = gzplan({"zones", "--json"});
    EXPECT_GE(r.json().array().size(), 11);
    r = gzplan({"targets", "--scope", "province", "--json"});
    ASSERT_EQ(r.code, 0);
    const QJsonArray targets = r.json().array();
    EXPECT_GT(targets.size(), 20);
    for (const auto& t : targets)
        EXPECT_EQ(t.toObject()["scope_kind"].toString(), "province");
    r = gzplan({"targets", "--scope", "city:zunyi"});
    EXPECT_EQ(r.code, 0);
    EXPECT_TRUE(r.out.contains("city:zunyi"));
    r = gzplan({"targets", "--scope", "galaxy"});
    EXPECT_EQ(r.code, 2);
}

TEST(PlanCli, WhereInLonLatAndGaussKruger)
{
    Output r = gzplan({"where", "106.71", "26.57", "--json"});
    ASSERT_EQ(r.code, 0);
    EXPECT_EQ(r.json().object()["county"].toObject()["name"].toString(), "南明区");
    // 108°E on the central meridian of EPSG:4545: easting 500000 m.
    r = gzplan({"where", "500000", "2940000", "--crs", "EPSG:4545"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains("108.000000E")) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains("凯里市")) << r.out.toStdString();
    r = gzplan({"where", "113.2", "23.1"});
    EXPECT_EQ(r.code, 0);
    EXPECT_TRUE(r.out.contains("outside Guizhou"));
    r = gzplan({"where", "east", "26"});
    EXPECT_EQ(r.code, 2);
    r = gzplan({"where", "1", "2", "--crs", "EPSG:999999"});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(r.err.contains("EPSG:999999"));
}

TEST(PlanCli, CheckPassesOnShippedDataAndNamesTheRowOfABrokenCopy)
{
    Output r = gzplan({"check"});
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains("plan data valid"));

    QTemporaryDir dir;
    const QString plan = dir.filePath("plan");
    QDir().mkpath(plan);
    for (const QString& f : QDir(GZ_TEST_SHARE_DIR "/plan").entryList(QDir::Files))
        ASSERT_TRUE(QFile::copy(GZ_TEST_SHARE_DIR "/plan/" + f, plan + "/" + f));
    QFile members(plan + "/class_members.csv");
    ASSERT_TRUE(members.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(members.readAll());
    members.close();
    const int at = text.indexOf("regional_pivot,520526,威宁");
    ASSERT_GE(at, 0);
    const int line = text.left(at).count('\n') + 1;
    text.replace("regional_pivot,520526,威宁", "regional_pivot,529999,威宁");
    ASSERT_TRUE(members.open(QIODevice::WriteOnly | QIODevice::Truncate));
    members.write(text.toUtf8());
    members.close();
    r = gzplan({"check", "--plan", plan});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("class_members.csv:%1: unknown county code '529999'").arg(line))) << r.err.toStdString();
}

TEST(PlanCli, EveryNameTakingArgumentTakesChineseAndOldNamesAndRefusesUnknownOnes)
{
    // Chinese names where ids are expected.
    Output r = gzplan({"class", "卫星县城", "--json"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_EQ(r.json().object()["id"].toString(), "satellite");
    r = gzplan({"zone", "贵安新区", "--json"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_EQ(r.json().object()["id"].toString(), "guian_new_area");
    // A target scope by Chinese name: the same targets as by id (遵义 has 5), never an empty answer.
    r = gzplan({"targets", "--scope", "city:遵义", "--json"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const Output byId = gzplan({"targets", "--scope", "city:zunyi", "--json"});
    EXPECT_EQ(r.json().array().size(), byId.json().array().size());
    EXPECT_GE(r.json().array().size(), 5);
    r = gzplan({"targets", "--scope", "county:盘县", "--json"});  // an old name
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    // Unknown names: exit 1 with suggestions or what else the name means; no output.
    r = gzplan({"targets", "--scope", "city:遵叉"});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("遵义 (zunyi)")) << r.err.toStdString();
    EXPECT_TRUE(r.out.isEmpty()) << r.out.toStdString();
    r = gzplan({"county", "遵义"});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("prefecture 遵义市")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("central city 遵义")) << r.err.toStdString();
    EXPECT_FALSE(r.err.contains("兴义")) << r.err.toStdString();
    r = gzplan({"zone", "贵安新城"});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("贵安新区")) << r.err.toStdString();
    r = gzplan({"targets", "--scope", "province:云南"});
    EXPECT_EQ(r.code, 1);
}

TEST(PlanCli, ViewsByChineseTitle)
{
    QTemporaryDir dir;
    Output r = gzplan({"render", "--view", "县城分类", "--size", "320x240", "--out", dir.filePath("a.png")});
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(QFile::exists(dir.filePath("a.png")));
    r = gzplan({"render", "--view", "classes", "--size", "320x240", "--out", dir.filePath("b.png")});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(r.err.contains("county_classes (县城分类)")) << r.err.toStdString();
    EXPECT_FALSE(QFile::exists(dir.filePath("b.png")));
}

TEST(PlanCli, CrsGuardrails)
{
    QTemporaryDir dir;
    // EPSG:4554 (CM 135°E) for 4545: refused, nothing written, the right zones named.
    Output r = gzplan({"export", "--layer", "counties", "--crs", "EPSG:4554", "--out", dir.filePath("a.shp")});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("EPSG:4544 to EPSG:4546")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("--any-crs")) << r.err.toStdString();
    EXPECT_TRUE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());
    // --any-crs writes it anyway; a bare number is an EPSG code.
    r = gzplan({"export", "--layer", "counties", "--crs", "EPSG:4554", "--any-crs", "--out", dir.filePath("a.shp")});
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    r = gzplan({"export", "--layer", "counties", "--crs", "4545", "--out", dir.filePath("b.shp")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains("EPSG:4545")) << r.out.toStdString();
    QFile prj(dir.filePath("b.prj"));
    ASSERT_TRUE(prj.open(QIODevice::ReadOnly));
    EXPECT_TRUE(prj.readAll().contains("108E")) << "CGCS2000 / 3-degree Gauss-Kruger CM 108E";
    // The same rule for the display CRS of a map.
    r = gzplan({"render", "--crs", "EPSG:32650", "--size", "320x240", "--out", dir.filePath("m.png")});
    EXPECT_NE(r.code, 0);
    EXPECT_TRUE(r.err.contains("UTM zone 50N")) << r.err.toStdString();
    EXPECT_FALSE(QFile::exists(dir.filePath("m.png")));
    r = gzplan({"render", "--crs", "4545", "--size", "320x240", "--out", dir.filePath("g.png")});
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
}

TEST(PlanCli, AnotherDatumIsWrittenWithAWarningOfTheOffset)
{
    QTemporaryDir dir;
    // Xi'an 1980: PROJ has only a ballpark (no-shift) operation from CGCS2000; the export says what to expect.
    Output r = gzplan({"export", "--layer", "counties", "--crs", "4610", "--out", dir.filePath("x.shp")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QString all = r.out + r.err;
    EXPECT_TRUE(all.contains("Xian 1980") && all.contains("without a datum shift") && all.contains("100 m")) << all.toStdString();
    // WGS 84: the same absence of a shift, said to be negligible.
    r = gzplan({"export", "--layer", "counties", "--crs", "4326", "--out", dir.filePath("w.shp")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE((r.out + r.err).contains("centimetres")) << (r.out + r.err).toStdString();
    // CGCS2000's own Gauss-Krüger zone: no warning.
    r = gzplan({"export", "--layer", "counties", "--crs", "4545", "--out", dir.filePath("g.shp")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_FALSE((r.out + r.err).contains("datum")) << (r.out + r.err).toStdString();
}

TEST(PlanCli, CrsSuggestNamesTheZoneAndItsDistortion)
{
    Output r = gzplan({"crs", "suggest", "--json"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    QJsonObject o = r.json().object();
    EXPECT_EQ(o["crs"].toString(), "EPSG:4545");  // the province's centre, 106.6°E, is nearest CM 108°E
    EXPECT_EQ(o["central_meridian"].toDouble(), 108);
    EXPECT_NEAR(o["max_offset_deg"].toDouble(), 4.4, 0.05);  // its western edge, 103.6°E
    // A county in the west lies in the CM 105°E zone; by its old name.
    r = gzplan({"crs", "suggest", "盘县", "--json"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    o = r.json().object();
    EXPECT_EQ(o["crs"].toString(), "EPSG:4544");
    EXPECT_LT(o["max_scale_error_ppm"].toDouble(), 100);
    r = gzplan({"crs", "suggest", "--extent", "110.6,25,111.4,26"});
    EXPECT_EQ(r.code, 0);
    EXPECT_TRUE(r.out.contains("EPSG:4546")) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains("m per km")) << r.out.toStdString();
    EXPECT_EQ(gzplan({"crs", "suggest", "nowhere"}).code, 1);
    EXPECT_EQ(gzplan({"crs", "propose"}).code, 2);
    EXPECT_EQ(gzplan({"crs", "suggest", "--extent", "108,27,107,28"}).code, 2);
}

TEST(PlanCli, ExportLayersByChineseTitleAndMisspelledIdsGetTheNearest)
{
    QTemporaryDir dir;
    Output r = gzplan({"export", "--layer", "县级行政区及县城分类", "--out", dir.filePath("c.shp")});
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(QFile::exists(dir.filePath("c.shp")));
    r = gzplan({"export", "--layer", "countys", "--out", dir.filePath("d.shp")});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(r.err.contains("did you mean counties?")) << r.err.toStdString();
    EXPECT_FALSE(QFile::exists(dir.filePath("d.shp")));
}
