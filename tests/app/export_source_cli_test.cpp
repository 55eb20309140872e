// `gzplan export --source`: any vector file through the exporter, as a user runs it (a separate process).
// The source is generated here as a CSV with a WKT column (2,000 squares with Chinese land use), turned into a
// GeoPackage and a shapefile by gzplan and read back through gzplan's own CSV export.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <QJsonArray>
#include <QRegularExpression>
#include <set>
#include <QJsonObject>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "run_gzplan.h"
#include "test_data.h"

namespace {
constexpr int kSquares = 2000;
const char* const kLanduse[] = {"耕地", "林地", "城镇住宅用地", "水域及水利设施用地"};

using Result = test::GzplanResult;
using test::gzplan;

/// squares.csv (+ .csvt for the types): WKT, id, county, landuse, area_m2.
QString writeSquares(const QTemporaryDir& dir)
{
    const QString file = dir.filePath("squares.csv");
    QFile csv(file);
    EXPECT_TRUE(csv.open(QIODevice::WriteOnly));
    QTextStream s(&csv);
    s << "WKT,id,county,landuse,area_m2\n";
    for (int i = 0; i < kSquares; ++i) {
        const double x = 106 + (i % 50) * 0.01, y = 26 + (i / 50) * 0.01;
        s << QStringLiteral("\"POLYGON ((%1 %2,%3 %2,%3 %4,%1 %4,%1 %2))\",%5,5201%6,%7,%8\n")
                 .arg(x, 0, 'f', 3)
                 .arg(y, 0, 'f', 3)
                 .arg(x + 0.005, 0, 'f', 3)
                 .arg(y + 0.005, 0, 'f', 3)
                 .arg(i)
                 .arg(10 + i % 80)
                 .arg(QString::fromUtf8(kLanduse[i % 4]))
                 .arg(100 + i * 0.5, 0, 'f', 1);
    }
    csv.close();
    QFile types(dir.filePath("squares.csvt"));
    EXPECT_TRUE(types.open(QIODevice::WriteOnly));
    types.write("\"WKT\",\"Integer\",\"String\",\"String\",\"Real\"\n");
    return file;
}

/// The rows of a CSV export (WKT first), without the header and the BOM.
QStringList rows(const QString& file)
{
    QFile f(file);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << file.toStdString();
    QStringList lines = QString::fromUtf8(f.readAll()).remove(QChar(0xFEFF)).split('\n', Qt::SkipEmptyParts);
    if (!lines.isEmpty())
        lines.removeFirst();
    return lines;
}
}  // namespace

TEST(ExportSourceCli, CsvToGeoPackageToShapefileRoundTrips)
{
    QTemporaryDir dir;
    const QString squares = writeSquares(dir);
    Result r = gzplan({"export", "--source", squares, "--format", "gpkg", "--crs", "EPSG:4490", "--out", dir.filePath("squares.gpkg")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains("2000 features")) << r.out.toStdString();
    EXPECT_TRUE(r.err.contains("no coordinate reference system")) << r.err.toStdString();  // a CSV has none: labelled, not moved

    r = gzplan({"export", "--source", dir.filePath("squares.gpkg"), "--source-layer", "squares", "--format", "shp", "--out", dir.filePath("shp")});
    ASSERT_EQ(r.code, 1) << r.err.toStdString();  // the folder does not exist
    EXPECT_TRUE(r.err.contains("folder does not exist")) << r.err.toStdString();
    QDir().mkpath(dir.filePath("shp"));
    r = gzplan({"export", "--source", dir.filePath("squares.gpkg"), "--source-layer", "squares", "--format", "shp", "--out", dir.filePath("shp")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(QFile::exists(dir.filePath("shp/squares.shp")));
    EXPECT_TRUE(QFile::exists(dir.filePath("shp/squares.prj")));
    QFile cpg(dir.filePath("shp/squares.cpg"));
    ASSERT_TRUE(cpg.open(QIODevice::ReadOnly));
    EXPECT_EQ(cpg.readAll(), "UTF-8");

    r = gzplan({"export", "--source", dir.filePath("shp/squares.shp"), "--format", "csv", "--out", dir.filePath("back.csv")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QStringList back = rows(dir.filePath("back.csv"));
    ASSERT_EQ(back.size(), kSquares);
    for (int i : {0, 1, 2, 3, 777, kSquares - 1}) {
        const QString row = QString(back[i]).remove('"');  // the CSV driver may quote any value
        EXPECT_TRUE(row.contains(QStringLiteral(",%1,5201%2,%3,").arg(i).arg(10 + i % 80).arg(QString::fromUtf8(kLanduse[i % 4])))) << row.toStdString();
        EXPECT_TRUE(row.startsWith("POLYGON ((") || row.startsWith("MULTIPOLYGON")) << row.toStdString();
    }
}

TEST(ExportSourceCli, ReprojectsAndWritesGbk)
{
    QTemporaryDir dir;
    const QString squares = writeSquares(dir);
    ASSERT_EQ(gzplan({"export", "--source", squares, "--format", "gpkg", "--crs", "EPSG:4490", "--out", dir.filePath("s.gpkg")}).code, 0);
    const Result r = gzplan({"export", "--source", dir.filePath("s.gpkg"), "--format", "shp", "--crs", "EPSG:4545", "--encoding", "GBK", "--out",
                             dir.filePath("gk.shp")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains("EPSG:4545")) << r.out.toStdString();
    QFile cpg(dir.filePath("gk.cpg"));
    ASSERT_TRUE(cpg.open(QIODevice::ReadOnly));
    EXPECT_EQ(cpg.readAll(), "936");
    QFile dbf(dir.filePath("gk.dbf"));
    ASSERT_TRUE(dbf.open(QIODevice::ReadOnly));
    EXPECT_TRUE(dbf.readAll().contains("\xB8\xFB\xB5\xD8"));  // 耕地 in GBK
    QFile prj(dir.filePath("gk.prj"));
    ASSERT_TRUE(prj.open(QIODevice::ReadOnly));
    EXPECT_TRUE(prj.readAll().contains("Gauss_Kruger")) << "Gauss-Kruger projection expected";
    // Back as CSV: projected metres, 106°E lies about 200 km west of the central meridian 108°E (false easting 500 km).
    ASSERT_EQ(gzplan({"export", "--source", dir.filePath("gk.shp"), "--format", "csv", "--out", dir.filePath("gk_back.csv")}).code, 0);
    const QStringList back = rows(dir.filePath("gk_back.csv"));
    ASSERT_EQ(back.size(), kSquares);
    EXPECT_TRUE(back[0].contains("POLYGON ((299")) << back[0].toStdString();
    EXPECT_TRUE(back[0].contains(QString::fromUtf8("耕地"))) << back[0].toStdString();  // GBK read back through the .cpg
}

TEST(ExportSourceCli, ExistingFileNeedsForceAndErrorsNameTheFile)
{
    QTemporaryDir dir;
    const QString squares = writeSquares(dir);
    QFile taken(dir.filePath("taken.gpkg"));
    ASSERT_TRUE(taken.open(QIODevice::WriteOnly));
    taken.write("old");
    taken.close();
    Result r = gzplan({"export", "--source", squares, "--format", "gpkg", "--out", dir.filePath("taken.gpkg")});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("--force")) << r.err.toStdString();
    ASSERT_TRUE(taken.open(QIODevice::ReadOnly));
    EXPECT_EQ(taken.readAll(), "old");
    taken.close();
    r = gzplan({"export", "--source", squares, "--format", "gpkg", "--out", dir.filePath("taken.gpkg"), "--force"});
    EXPECT_EQ(r.code, 0) << r.err.toStdString();

    r = gzplan({"export", "--source", dir.filePath("missing.gpkg"), "--format", "shp", "--out", dir.path()});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("missing.gpkg")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("does not exist")) << r.err.toStdString();

    r = gzplan({"export", "--source", dir.filePath("taken.gpkg"), "--source-layer", "roads", "--format", "shp", "--out", dir.path()});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("taken.gpkg")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("'roads'")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("squares")) << r.err.toStdString();  // the layer there is

    r = gzplan({"export", "--source", squares, "--layer", "counties", "--out", dir.path()});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(r.err.contains("usage")) << r.err.toStdString();
}

TEST(ExportSourceCli, PlanLayersStillExportWithoutLoadingThePlan)
{
    QTemporaryDir dir;
    Result r = gzplan({"export", "--layer", "counties", "--format", "shp", "--out", dir.filePath("counties.shp")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains("88 features of 1 layer(s) in shp, EPSG:4490, text UTF-8")) << r.out.toStdString();
    for (const char* f : {"counties.shp", "counties.shx", "counties.dbf", "counties.prj", "counties.cpg", "counties.fields.csv"})
        EXPECT_TRUE(QFile::exists(dir.filePath(f))) << f;
    r = gzplan({"export", "--layer", "roads", "--out", dir.path()});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(r.err.contains("no layer 'roads'")) << r.err.toStdString();
    r = gzplan({"layers"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains("counties")) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains("88")) << r.out.toStdString();
    r = gzplan({"--data", dir.filePath("nowhere.gpkg"), "export", "--layer", "counties", "--out", dir.path()});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("nowhere.gpkg")) << r.err.toStdString();
}

// The rivers layer as a user lists and exports it, read back with GDAL: every line, every field.
TEST(ExportRiversCli, ListedAndExportedToGeoJsonAndShapefileAndReadBack)
{
    const std::size_t rivers = test::geography().rivers.size();
    ASSERT_GT(rivers, 0u);
    Result r = gzplan({"layers", "--json"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    QJsonObject listed;
    for (const QJsonValue& v : r.json().array())
        if (v.toObject().value("id").toString() == "rivers")
            listed = v.toObject();
    ASSERT_FALSE(listed.isEmpty()) << r.out.toStdString();
    EXPECT_EQ(listed.value("title").toString(), QString::fromUtf8("河流"));
    EXPECT_EQ(listed.value("geometry").toString(), "line");
    EXPECT_EQ(listed.value("features").toInt(), static_cast<int>(rivers));
    EXPECT_EQ(listed.value("fields").toInt(), 8);
    r = gzplan({"layers"});
    EXPECT_TRUE(r.out.contains(QRegularExpression(QString::fromUtf8("rivers +河流 +line +%1 +8").arg(rivers)))) << r.out.toStdString();

    QTemporaryDir dir;
    GDALAllRegister();
    for (const char* format : {"geojson", "shp"}) {
        const QString file = dir.filePath(QStringLiteral("rivers.%1").arg(format));
        r = gzplan({"export", "--layer", "rivers", "--format", format, "--out", file});
        ASSERT_EQ(r.code, 0) << format << ": " << r.err.toStdString();
        EXPECT_TRUE(r.out.contains(QStringLiteral("%1 features of 1 layer(s) in %2, EPSG:4490").arg(rivers).arg(format))) << r.out.toStdString();
        GDALDatasetUniquePtr ds(GDALDataset::Open(file.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        ASSERT_TRUE(ds) << format;
        OGRLayer* layer = ds->GetLayer(0);
        EXPECT_EQ(layer->GetFeatureCount(), static_cast<GIntBig>(rivers)) << format;
        EXPECT_EQ(wkbFlatten(layer->GetGeomType()), wkbLineString) << format;
        // Shapefile names are at most 10 bytes: level_name_en becomes level_en (rivers.fields.csv maps it).
        const bool shp = std::string(format) == "shp";
        for (const char* field : {"river_id", "level", "level_name", shp ? "level_en" : "level_name_en", "name", "name_en", "source", "basis"})
            EXPECT_GE(layer->GetLayerDefn()->GetFieldIndex(field), 0) << format << " " << field;
        std::set<int> levels;
        for (auto& f : *layer) {
            levels.insert(f->GetFieldAsInteger("level"));
            EXPECT_TRUE(QString::fromUtf8(f->GetFieldAsString("source")).startsWith("gmt-gshhg-high@")) << format;
            EXPECT_STREQ(f->GetFieldAsString("basis"), "reference");
            ASSERT_NE(f->GetGeometryRef(), nullptr);
            EXPECT_GE(f->GetGeometryRef()->toLineString()->getNumPoints(), 2);
        }
        EXPECT_EQ(levels, (std::set<int>{1, 2, 3, 4})) << format;
    }
    EXPECT_TRUE(QFile::exists(dir.filePath("rivers.fields.csv")));
}
