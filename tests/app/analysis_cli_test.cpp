// gzplan stats, select, annotate and join as a user runs them (a separate process), on the synthetic parcels
// (tests/common/test_parcels.h) and the real counties: answers, files written through GDAL and read back, and bad
// requests refused with exit 2 (a wording problem) or 1 (a file problem), nothing written.

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <fstream>

#include "../common/test_parcels.h"
#include "layers/analysis.h"
#include "run_gzplan.h"
#include "test_data.h"

namespace {

using test::gzplan;

QString parcels() { return QString::fromStdString(test::parcelsFile(test::geography()).string()); }

}  // namespace

TEST(AnalysisCli, StatsJsonIsTheEnginesAnswer)
{
    const auto r = gzplan({"stats", "--layer", parcels(), "--by", "class", "--where", "landuse = '林地'", "--measure", "area", "--json"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QJsonObject j = r.json().object();
    EXPECT_EQ(j["by"].toString(), "class");
    EXPECT_EQ(j["unit"].toString(), "m²");
    EXPECT_FALSE(j["method"].toString().isEmpty());
    EXPECT_FALSE(j["method_en"].toString().isEmpty());
    // The same request through the library.
    const auto context = layers::analysis::loadPlanContext(GZ_TEST_GEOPACKAGE);
    layers::analysis::StatsOptions o;
    o.source.file = test::parcelsFile(test::geography());
    o.source.where = "landuse = '林地'";
    o.measure = {layers::analysis::Measure::Area, ""};
    const auto expected = layers::analysis::computeStats(*context->units, layers::analysis::UnitKind::CountyClass, 0, o);
    const QJsonArray rows = j["rows"].toArray();
    ASSERT_EQ(rows.size(), static_cast<int>(expected.rows.size()));
    bool sawOrbit = false;
    for (int i = 0; i < rows.size(); ++i) {
        const QJsonObject row = rows[i].toObject();
        EXPECT_EQ(row["unit_id"].toString().toStdString(), expected.rows[static_cast<std::size_t>(i)].unitId);
        EXPECT_NEAR(row["value"].toDouble(), expected.rows[static_cast<std::size_t>(i)].value, 1e-6 * expected.rows[static_cast<std::size_t>(i)].value + 1e-6);
        sawOrbit = sawOrbit || row["unit_id"].toString() == "satellite@guiyang";
    }
    EXPECT_TRUE(sawOrbit) << "the satellites of 贵阳 are a row of their own";
    // The text answer names the unit and the method in both languages.
    const auto text = gzplan({"stats", "--layer", parcels(), "--by", "county", "--measure", "area"});
    ASSERT_EQ(text.code, 0) << text.err.toStdString();
    EXPECT_TRUE(text.out.contains("方法：")) << text.out.toStdString();
    EXPECT_TRUE(text.out.contains("method:"));
    EXPECT_TRUE(text.out.contains("南明区"));
}

TEST(AnalysisCli, StatsWriteXlsxAndCsvAndKeepAnExistingFile)
{
    QTemporaryDir dir;
    const QString xlsx = dir.filePath("stats.xlsx"), csv = dir.filePath("stats.csv");
    for (const QString& out : {xlsx, csv}) {
        const auto r = gzplan({"stats", "--layer", parcels(), "--by", "prefecture", "--measure", "count", "--group-field", "landuse", "--out", out});
        ASSERT_EQ(r.code, 0) << r.err.toStdString();
        GDALAllRegister();
        GDALDatasetUniquePtr ds(GDALDataset::Open(out.toUtf8().constData(), GDAL_OF_VECTOR));
        ASSERT_TRUE(ds) << out.toStdString();
        OGRLayer* l = ds->GetLayer(0);
        EXPECT_GT(l->GetFeatureCount(), 9 * 5) << "nine prefectures, each with its land uses, and the totals";
        EXPECT_GE(l->GetLayerDefn()->GetFieldIndex("unit_name"), 0);
    }
    QFile first(csv);
    ASSERT_TRUE(first.open(QIODevice::ReadOnly));
    const QByteArray before = first.readAll();
    EXPECT_TRUE(before.startsWith("\xEF\xBB\xBF")) << "UTF-8 with a BOM for Excel";
    const auto again = gzplan({"stats", "--layer", parcels(), "--by", "county", "--out", csv});
    EXPECT_EQ(again.code, 1);
    EXPECT_TRUE(again.err.contains("--force")) << again.err.toStdString();
    QFile after(csv);
    ASSERT_TRUE(after.open(QIODevice::ReadOnly));
    EXPECT_EQ(after.readAll(), before) << "an existing file is not touched without --force";
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).size(), 2) << "no temporary left behind";
}

TEST(AnalysisCli, BadRequestsAreRefusedAndWriteNothing)
{
    QTemporaryDir dir;
    const QString out = dir.filePath("out.csv");
    struct Bad {
        QStringList args;
        int code;
        const char* says;
    };
    const std::vector<Bad> bad{
        {{"stats", "--layer", parcels(), "--by", "township"}, 2, "county, prefecture"},
        {{"stats", "--layer", parcels(), "--by", "corridor"}, 2, "corridor:10km"},
        {{"stats", "--layer", parcels(), "--by", "corridor:10"}, 2, "no unit"},
        {{"stats", "--layer", parcels(), "--by", "county", "--where", "landuse = = 1"}, 2, "--where"},
        {{"stats", "--layer", parcels(), "--by", "county", "--group-field", "nonesuch"}, 2, "its fields"},
        {{"stats", "--layer", parcels(), "--by", "county", "--measure", "length"}, 2, "use area"},
        {{"stats", "--layer", parcels(), "--by", "county", "--measure", "median"}, 2, "sum:FIELD"},
        {{"stats", "--layer", dir.filePath("missing.gpkg"), "--by", "county"}, 1, "missing.gpkg"},
        {{"select", "--layer", parcels(), "--within", "class:nonesuch", "--count-only"}, 2, "class:"},
        {{"select", "--layer", parcels(), "--near", "zone:guian_new_area", "--count-only"}, 2, "not a corridor"},
        {{"select", "--layer", parcels(), "--within", "county:盘州"}, 2, "--count-only or --json"},
    };
    for (const Bad& b : bad) {
        QStringList args = b.args;
        if (args.first() == "stats")
            args << "--out" << out;
        const auto r = gzplan(args);
        EXPECT_EQ(r.code, b.code) << args.join(' ').toStdString() << "\n" << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(QString::fromUtf8(b.says))) << args.join(' ').toStdString() << "\n" << r.err.toStdString();
        EXPECT_FALSE(QFile::exists(out)) << args.join(' ').toStdString();
    }
}

TEST(AnalysisCli, SelectCountsAndWritesTheSameFeatures)
{
    QTemporaryDir dir;
    const QString out = dir.filePath("sel.gpkg");
    const QStringList request{"select", "--layer", parcels(), "--where", "landuse = '林地'", "--within", "class:satellite", "--near", "belt_shanghai_kunming:10km"};
    const auto count = gzplan(request + QStringList{"--count-only"});
    ASSERT_EQ(count.code, 0) << count.err.toStdString();
    const int n = count.out.trimmed().toInt();
    EXPECT_GT(n, 0);
    const auto json = gzplan(request + QStringList{"--json"});
    EXPECT_EQ(json.json().object()["count"].toInt(), n);
    const auto written = gzplan(request + QStringList{"--out", out});
    ASSERT_EQ(written.code, 0) << written.err.toStdString();
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(out.toUtf8().constData(), GDAL_OF_VECTOR));
    ASSERT_TRUE(ds);
    OGRLayer* l = ds->GetLayer(0);
    EXPECT_EQ(l->GetFeatureCount(), n);
    for (auto& f : *l)
        EXPECT_STREQ(f->GetFieldAsString("landuse"), "林地");
}

TEST(AnalysisCli, AnnotatePlacesEachParcelInTheCountyItWasCutIn)
{
    QTemporaryDir dir;
    const QString out = dir.filePath("annotated.gpkg");
    const auto r = gzplan({"annotate", "--layer", parcels(), "--where", "fid % 10 = 3", "--out", out});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(out.toUtf8().constData(), GDAL_OF_VECTOR));
    ASSERT_TRUE(ds);
    OGRLayer* l = ds->GetLayer(0);
    ASSERT_GT(l->GetFeatureCount(), 1000);
    int satellites = 0;
    for (auto& f : *l) {
        // make-parcels wrote the county each parcel was cut from.
        EXPECT_STREQ(f->GetFieldAsString("gz_county_code"), f->GetFieldAsString("county")) << f->GetFID();
        satellites += std::string(f->GetFieldAsString("gz_classes")).find("satellite") != std::string::npos ? 1 : 0;
    }
    EXPECT_GT(satellites, 0);
    const auto split = gzplan({"annotate", "--layer", parcels(), "--where", "fid % 50 = 3", "--split", "--out", dir.filePath("split.gpkg")});
    ASSERT_EQ(split.code, 0) << split.err.toStdString();
}

TEST(AnalysisCli, JoinMapsOldNamesAndListsTheRest)
{
    QTemporaryDir dir;
    const std::string csv = dir.filePath("gdp.csv").toStdString();
    std::ofstream(csv) << "县,gdp\n盘县,120.5\n南明区,300\n不存在县,1\n";
    const QString out = dir.filePath("counties.gpkg");
    const auto r = gzplan({"join", "--table", QString::fromStdString(csv), "--key", "县", "--out", out});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains("2 of 3 rows")) << r.out.toStdString();
    EXPECT_TRUE(r.err.contains("line 4")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("不存在县"));
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(out.toUtf8().constData(), GDAL_OF_VECTOR));
    ASSERT_TRUE(ds);
    OGRLayer* l = ds->GetLayer(0);
    l->SetAttributeFilter("code = '520281'");
    OGRFeatureUniquePtr f(l->GetNextFeature());
    ASSERT_TRUE(f);
    EXPECT_DOUBLE_EQ(f->GetFieldAsDouble("gdp"), 120.5);
    const auto bad = gzplan({"join", "--table", QString::fromStdString(csv), "--key", "county", "--json"});
    EXPECT_EQ(bad.code, 2);
    EXPECT_TRUE(bad.err.contains("县")) << "lists the columns there are: " << bad.err.toStdString();
}
