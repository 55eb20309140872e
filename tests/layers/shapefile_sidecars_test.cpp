// The one shapefile writer (layers/src/shapefile_writer.*) behind both exports: the same fields give the same
// sidecars whether a plan table is exported (exportTables) or the same table streamed from a file
// (exportSource): .cpg, .prj, .fields.csv (always, also when no name had to change) and .long_values.csv, in
// UTF-8 and GBK. And the cut-value warnings: they name the file really written and stop after 20.
#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "layers/exporter.h"
#include "../common/temp_dir.h"
#include "plan_test_data.h"

namespace {
using layers::FieldType;

std::string repeated(const std::string& s, int n)
{
    std::string out;
    for (int i = 0; i < n; ++i)
        out += s;
    return out;
}

/// Text, integer, real and boolean fields; names is the list of field names (long or short).
layers::ExportTable table(const std::string& id, const std::vector<std::string>& names)
{
    layers::ExportTable t{id, id, layers::GeometryKind::Point,
                          {{names[0], FieldType::String, ""},
                           {names[1], FieldType::String, ""},
                           {names[2], FieldType::String, ""},
                           {names[3], FieldType::Integer, ""},
                           {names[4], FieldType::Real, ""},
                           {names[5], FieldType::Boolean, ""}},
                          {}};
    t.features.push_back({geo::Point{106.7, 26.6}, {std::string("a"), std::string("耕地"), std::string("x"), 7LL, 1.5, true}, "a", {}});
    t.features.push_back({geo::Point{106.8, 26.6}, {std::string("b"), repeated("贵州", 100), std::string("yy"), 8LL, 2.5, false}, "b", {}});
    t.features.push_back({geo::Point{106.9, 26.7}, {std::string("c"), std::string("林地"), std::string(""), 9LL, 3.5, true}, "c", {}});
    return t;
}

std::set<std::string> files(const std::filesystem::path& folder)
{
    std::set<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(folder))
        names.insert(e.path().filename().string());
    return names;
}
}  // namespace

TEST(ShapefileSidecars, SameForPlanTablesAndStreamedSources)
{
    const std::vector<std::vector<std::string>> namings{
        {"id", "landuse", "note", "count", "share", "built"},                                                // every name fits the DBF
        {"id", "landuse_description", "landuse_describer", "parcel_count", "built_up_share", "是否建成区域"}};  // none does
    for (const std::string encoding : {"UTF-8", "GBK"})
        for (const auto& names : namings) {
            const layers::ExportTable t = table("t", names);
            test::TempDir dir("sidecars-test");
            std::filesystem::create_directories(dir.path / "tables");
            std::filesystem::create_directories(dir.path / "streamed");
            layers::ExportOptions options;
            options.encoding = encoding;
            const auto tables = layers::exportTables({&t}, dir.path / "tables" / "t.shp", options);
            layers::ExportOptions gpkg;
            gpkg.format = "gpkg";
            layers::exportTables({&t}, dir.path / "t.gpkg", gpkg);
            const auto streamed = layers::exportSource(dir.path / "t.gpkg", "t", dir.path / "streamed" / "t.shp", options);

            const std::string what = encoding + ", " + names[1];
            EXPECT_EQ(files(dir.path / "tables"), files(dir.path / "streamed")) << what;
            EXPECT_EQ(files(dir.path / "tables"), (std::set<std::string>{"t.shp", "t.shx", "t.dbf", "t.prj", "t.cpg", "t.fields.csv", "t.long_values.csv"}))
                << what;
            for (const char* sidecar : {"t.cpg", "t.prj", "t.fields.csv", "t.long_values.csv"})
                EXPECT_EQ(test::readFile(dir.path / "tables" / sidecar), test::readFile(dir.path / "streamed" / sidecar)) << what << ": " << sidecar;
            EXPECT_EQ(test::readFile(dir.path / "tables" / "t.cpg"), encoding == "GBK" ? "936" : "UTF-8");
            const std::string fields = test::readFile(dir.path / "tables" / "t.fields.csv");
            EXPECT_NE(fields.find("dbf_name,full_name,type,width_bytes,description"), std::string::npos) << fields;
            EXPECT_NE(fields.find("," + names[5] + ",boolean (1/0),,"), std::string::npos) << fields;
            EXPECT_NE(fields.find("," + names[3] + ",integer,,"), std::string::npos) << fields;
            EXPECT_NE(fields.find("," + names[1] + ",text,\"25"), std::string::npos) << fields;  // the cut value: 252 or 254 bytes
            ASSERT_EQ(tables.warnings.size(), 1u) << what;
            ASSERT_EQ(streamed.warnings.size(), 1u) << what;
            EXPECT_NE(tables.warnings[0].find("full value in t.long_values.csv"), std::string::npos) << tables.warnings[0];
            EXPECT_NE(streamed.warnings[0].find("full value in t.long_values.csv"), std::string::npos) << streamed.warnings[0];
        }
}

TEST(ShapefileSidecars, CutValueWarningsNameTheFileWrittenAndStopAfterTwenty)
{
    layers::ExportTable t{"notes", "notes", layers::GeometryKind::Point, {{"id", FieldType::String, ""}, {"note", FieldType::String, ""}}, {}};
    for (int i = 0; i < 25; ++i)
        t.features.push_back({geo::Point{106.7, 26.6}, {std::to_string(i), repeated("贵", 100)}, "", {}});
    test::TempDir dir("sidecars-test");
    // One table into a file named otherwise: the sidecars take the file's name, and so do the warnings.
    const auto report = layers::exportTables({&t}, dir.path / "renamed.shp", {});
    ASSERT_EQ(report.warnings.size(), 21u);
    for (std::size_t i = 0; i < 20; ++i)
        EXPECT_NE(report.warnings[i].find("full value in renamed.long_values.csv"), std::string::npos) << report.warnings[i];
    EXPECT_NE(report.warnings[20].find("5 more values cut for the DBF; all in renamed.long_values.csv"), std::string::npos) << report.warnings[20];
    const std::string rows = test::readFile(dir.path / "renamed.long_values.csv");
    EXPECT_EQ(std::count(rows.begin(), rows.end(), '\n'), 26);  // the header and 25 values
    EXPECT_FALSE(std::filesystem::exists(dir.path / "notes.long_values.csv"));
}
