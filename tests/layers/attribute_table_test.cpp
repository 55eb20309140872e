// The attribute table (layers/attribute_table.h): pages read by FID equal a plain GDAL read, sorting equals
// std::sort of the column, a filter keeps what a plain loop keeps, and a bad expression or a missing field is an
// error naming it, for a GeoPackage (SQLite) and a shapefile (OGR's filter) alike.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <random>

#include <ogrsf_frmts.h>

#include "layers/attribute_table.h"
#include "layers/export_tables.h"
#include "layers/feature_layer.h"
#include "layers/geography.h"
#include "geo/projection.h"
#include "../common/temp_dir.h"
#include "../common/test_parcels.h"

namespace {

namespace fs = std::filesystem;

const layers::Geography& geography()
{
    static const layers::Geography g = layers::Geography::load(GZ_TEST_GEOPACKAGE);
    return g;
}

const fs::path& parcels() { return test::parcelsFile(geography()); }

/// The parcels as a shapefile (written by GDAL once per test process).
const fs::path& parcelsShapefile()
{
    static test::TempDir dir("attribute-table");
    static const fs::path file = [] {
        const fs::path out = dir.path / "parcels.shp";
        GDALAllRegister();
        GDALDatasetUniquePtr src(GDALDataset::Open(parcels().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        GDALDriver* shp = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
        GDALDatasetUniquePtr dst(shp->Create(out.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        const char* options[] = {"ENCODING=UTF-8", nullptr};  // the driver writes ISO-8859-1 unless told
        dst->CopyLayer(src->GetLayer(0), "parcels", const_cast<char**>(options));
        return out;
    }();
    return file;
}

/// Every feature's values as GDAL gives them, by FID: the reference.
struct Plain {
    std::vector<std::string> fields;
    std::map<std::int64_t, std::vector<std::optional<std::string>>> rows;
};

Plain plainRead(const fs::path& file)
{
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    OGRLayer* l = ds->GetLayer(0);
    Plain p;
    for (int i = 0; i < l->GetLayerDefn()->GetFieldCount(); ++i)
        p.fields.push_back(l->GetLayerDefn()->GetFieldDefn(i)->GetNameRef());
    for (auto& f : *l) {
        auto& row = p.rows[f->GetFID()];
        for (int i = 0; i < f->GetFieldCount(); ++i)
            row.push_back(f->IsFieldSetAndNotNull(i) ? std::optional<std::string>(f->GetFieldAsString(i)) : std::nullopt);
    }
    return p;
}

std::vector<fs::path> bothFormats() { return {parcels(), parcelsShapefile()}; }

TEST(AttributeTable, PagesEqualPlainGdalReadAtRandomRows)
{
    for (const fs::path& file : bothFormats()) {
        const Plain plain = plainRead(file);
        auto t = layers::AttributeTable::open(file);
        ASSERT_EQ(t->rowCount(), plain.rows.size()) << file;
        EXPECT_EQ(t->featureCount(), plain.rows.size());
        ASSERT_EQ(t->fields().size(), plain.fields.size());
        for (std::size_t k = 0; k < plain.fields.size(); ++k)
            EXPECT_EQ(t->fields()[k].name, plain.fields[k]);
        std::mt19937 rng(7);
        std::uniform_int_distribution<std::size_t> pick(0, t->rowCount() - 1);
        for (int trial = 0; trial < 40; ++trial) {
            const std::size_t first = pick(rng);
            const auto rows = t->readRows(first, 64);
            ASSERT_EQ(rows.size(), std::min<std::size_t>(64, t->rowCount() - first));
            for (std::size_t i = 0; i < rows.size(); ++i) {
                EXPECT_EQ(rows[i].fid, t->fid(first + i));
                ASSERT_TRUE(plain.rows.count(rows[i].fid)) << rows[i].fid;
                EXPECT_EQ(rows[i].values, plain.rows.at(rows[i].fid)) << file << " fid " << rows[i].fid;
            }
        }
        // Natural order is by FID, every feature once.
        std::vector<std::int64_t> fids;
        for (std::size_t r = 0; r < t->rowCount(); ++r)
            fids.push_back(t->fid(r));
        std::vector<std::int64_t> expected;
        for (const auto& [fid, row] : plain.rows)
            expected.push_back(fid);
        EXPECT_EQ(fids, expected);
        EXPECT_EQ(t->rowOf(expected[123]), 123u);
        EXPECT_FALSE(t->rowOf(-5));
        // Past the end: nothing, no error.
        EXPECT_TRUE(t->readRows(t->rowCount(), 10).empty());
    }
}

/// The column's (value, fid) pairs ordered as the table promises: nulls first, numbers by value, text by bytes,
/// ties by FID; descending reverses the values, ties still by FID.
std::vector<std::int64_t> sortedByStdSort(const Plain& plain, int field, bool numeric, bool descending)
{
    struct Item {
        std::optional<double> number;
        std::optional<std::string> text;
        std::int64_t fid;
    };
    std::vector<Item> items;
    for (const auto& [fid, row] : plain.rows) {
        const auto& v = row[static_cast<std::size_t>(field)];
        items.push_back({numeric && v ? std::optional<double>(std::stod(*v)) : std::nullopt, v, fid});
    }
    auto less = [&](const Item& a, const Item& b) {
        if (numeric)
            return a.number < b.number;  // nullopt first
        return a.text < b.text;
    };
    std::sort(items.begin(), items.end(), [&](const Item& a, const Item& b) {
        if (less(a, b) || less(b, a))
            return descending ? less(b, a) : less(a, b);
        return a.fid < b.fid;
    });
    std::vector<std::int64_t> out;
    for (const auto& i : items)
        out.push_back(i.fid);
    return out;
}

TEST(AttributeTable, SortingEqualsStdSortOfTheColumn)
{
    for (const fs::path& file : bothFormats()) {
        const Plain plain = plainRead(file);  // a shapefile's FIDs start at 0, a GeoPackage's at 1
        auto t = layers::AttributeTable::open(file);
        for (const char* name : {"landuse", "area_m2", "county", "id"}) {
            const int field = t->fieldIndex(name);
            ASSERT_GE(field, 0) << name;
            const bool numeric = t->fields()[static_cast<std::size_t>(field)].type != layers::AttributeType::Text;
            for (bool descending : {false, true}) {
                t->setOrder(field, descending, {});
                std::vector<std::int64_t> order;
                for (std::size_t r = 0; r < t->rowCount(); ++r)
                    order.push_back(t->fid(r));
                EXPECT_EQ(order, sortedByStdSort(plain, field, numeric, descending)) << file << " " << name << (descending ? " desc" : "");
                // The first page follows the order.
                const auto rows = t->readRows(0, 5);
                for (std::size_t i = 0; i < rows.size(); ++i)
                    EXPECT_EQ(rows[i].fid, order[i]);
            }
        }
        t->setOrder(-1, true, {});
        EXPECT_GT(t->fid(0), t->fid(1));
    }
}

TEST(AttributeTable, FilterKeepsWhatAPlainLoopKeeps)
{
    for (const fs::path& file : bothFormats()) {
        const Plain plain = plainRead(file);
        std::vector<std::int64_t> expected;
        const std::size_t landuse = 2, area = 3;  // id, county, landuse, area_m2
        ASSERT_EQ(plain.fields[landuse], "landuse");
        ASSERT_EQ(plain.fields[area], "area_m2");
        for (const auto& [fid, row] : plain.rows)
            if (row[landuse] == std::optional<std::string>("林地") && row[area] && std::stod(*row[area]) > 10000)
                expected.push_back(fid);
        ASSERT_GT(expected.size(), 100u);
        ASSERT_LT(expected.size(), plain.rows.size() * 3 / 4);
        auto t = layers::AttributeTable::open(file);
        const std::string expression = "landuse = '林地' AND area_m2 > 10000";
        t->setOrder(-1, false, expression);
        ASSERT_EQ(t->rowCount(), expected.size()) << file;
        for (std::size_t r = 0; r < t->rowCount(); ++r)
            ASSERT_EQ(t->fid(r), expected[r]);
        EXPECT_EQ(t->featureCount(), plain.rows.size());  // the layer's count stays
        EXPECT_FALSE(t->rowOf(-1));
        EXPECT_EQ(t->rowOf(expected[7]), 7u);
        // A selection by the same expression, whatever the table's filter.
        t->setOrder(t->fieldIndex("area_m2"), true, "landuse = '耕地'");
        const std::size_t ploughed = t->rowCount();
        EXPECT_EQ(t->matching(expression), expected);
        EXPECT_EQ(t->rowCount(), ploughed);  // the table's order is untouched
        EXPECT_EQ(t->filter(), "landuse = '耕地'");
        // Clearing the filter gives every row back.
        t->setOrder(-1, false, "  ");
        EXPECT_EQ(t->rowCount(), plain.rows.size());
    }
}

TEST(AttributeTable, BadExpressionAndMissingFieldAreErrorsNamingThem)
{
    for (const fs::path& file : bothFormats()) {
        auto t = layers::AttributeTable::open(file);
        t->setOrder(t->fieldIndex("landuse"), false, "landuse = '林地'");
        const std::size_t before = t->rowCount();
        try {
            t->setOrder(-1, false, "landuze = '林地'");
            ADD_FAILURE() << "a missing field gave " << t->rowCount() << " rows";
        } catch (const layers::ExpressionError& e) {
            EXPECT_EQ(e.kind(), layers::ExpressionError::Kind::MissingField) << e.what();
            EXPECT_EQ(e.field(), "landuze") << e.what();
            const std::string what = e.what();
            EXPECT_NE(what.find("landuze"), std::string::npos) << what;
            EXPECT_NE(what.find("landuse, area_m2"), std::string::npos) << what;  // the fields, for the fix
            EXPECT_NE(what.find(file.string()), std::string::npos) << what;
        }
        // A double-quoted unknown name (SQLite alone would read it as a string and match nothing).
        try {
            t->matching("\"nosuch\" = 'x'");
            ADD_FAILURE() << "a quoted missing field matched nothing silently";
        } catch (const layers::ExpressionError& e) {
            EXPECT_EQ(e.field(), "nosuch") << e.what();
        }
        for (const std::string bad : {"landuse = ", "landuse = '林地' AND", "area_m2 > > 3", "(landuse = 'x'"}) {
            try {
                t->setOrder(-1, false, bad);
                ADD_FAILURE() << "'" << bad << "' gave " << t->rowCount() << " rows";
            } catch (const layers::ExpressionError& e) {
                EXPECT_EQ(e.kind(), layers::ExpressionError::Kind::Syntax) << e.what();
                EXPECT_EQ(e.expression(), bad);
                EXPECT_FALSE(e.detail().empty());
                EXPECT_NE(std::string(e.what()).find(bad), std::string::npos) << e.what();
            }
        }
        EXPECT_THROW(t->matching(""), layers::ExpressionError);
        // The order is as it was.
        EXPECT_EQ(t->rowCount(), before);
        EXPECT_EQ(t->filter(), "landuse = '林地'");
    }
}

TEST(AttributeTable, PlanTableInMemory)
{
    const auto tables = layers::loadExportTables(GZ_TEST_GEOPACKAGE, {"counties"}, false);
    ASSERT_EQ(tables.size(), 1u);
    auto t = layers::AttributeTable::fromTable(tables.front());
    EXPECT_EQ(t->source(), "plan:counties");
    EXPECT_EQ(t->rowCount(), 88u);
    const int code = t->fieldIndex("code");
    ASSERT_GE(code, 0);
    const auto rows = t->readRows(0, 88);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        EXPECT_EQ(rows[i].fid, static_cast<std::int64_t>(i));
        EXPECT_EQ(rows[i].values[static_cast<std::size_t>(code)], std::get<std::string>(tables.front().features[i].values[static_cast<std::size_t>(code)]));
    }
    std::size_t expected = 0;
    const auto& fields = tables.front().fields;
    const auto count = std::find_if(fields.begin(), fields.end(), [](const auto& f) { return f.name == "class_count"; }) - fields.begin();
    for (const auto& f : tables.front().features)
        expected += std::get<long long>(f.values[static_cast<std::size_t>(count)]) >= 2;
    t->setOrder(code, true, "class_count >= 2");
    EXPECT_EQ(t->rowCount(), expected);
    EXPECT_GT(expected, 0u);
    EXPECT_THROW(t->setOrder(-1, false, "classes_count >= 2"), layers::ExpressionError);
}

TEST(AttributeTable, MissingFileOrLayerIsNamed)
{
    EXPECT_THROW(layers::AttributeTable::open("/nonexistent/parcels.gpkg"), layers::DataError);
    try {
        layers::AttributeTable::open(GZ_TEST_GEOPACKAGE, "no_such_layer");
        ADD_FAILURE();
    } catch (const layers::DataError& e) {
        EXPECT_NE(std::string(e.what()).find("no_such_layer"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("counties"), std::string::npos) << e.what();
    }
}

TEST(FeatureLayer, IndexOfFidFindsEveryFeature)
{
    layers::FeatureLayerOptions o;
    o.displayCrs = geo::crs::kAlbersChina;
    const auto layer = layers::FeatureLayer::load(parcels(), o);
    for (std::size_t i = 0; i < layer->size(); i += 97)
        EXPECT_EQ(layer->indexOfFid(layer->fid(i)), i);
    EXPECT_FALSE(layer->indexOfFid(-3));
    EXPECT_FALSE(layer->indexOfFid(1 << 30));
}

}  // namespace
