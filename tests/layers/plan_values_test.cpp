// Plan tables with values that must be refused, each named by file, line and field: invalid UTF-8, NUL and
// other control characters, rows with extra or missing fields, years that are not numbers, zones that are
// their own parent or form a cycle, zone radii that are not finite or absurd. Line numbers stay right after
// blank lines and quoted multi-line fields. Also: CRS strings that name files.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "geo/projection.h"
#include "layers/errors.h"
#include "layers/plan_geometry.h"
#include "../common/gz_plan_copy.h"

namespace {
#define EXPECT_HAS(text, words) EXPECT_NE(std::string(text).find(words), std::string::npos) << "expected '" << (words) << "' in: " << (text)

class PlanValues : public test::PlanCopy {
protected:
    PlanValues() : PlanCopy("values") {}

    /// The message of the DataError loading the plan throws (empty, and a failure, if none).
    std::string loadError()
    {
        try {
            layers::PlanData::load(m_dir);
        } catch (const layers::DataError& e) {
            return e.what();
        }
        ADD_FAILURE() << "the plan loaded";
        return {};
    }

    std::string shapesError()
    {
        try {
            layers::readZoneShapes(m_dir / "zone_shapes.csv");
        } catch (const layers::DataError& e) {
            return e.what();
        }
        ADD_FAILURE() << "zone_shapes.csv was accepted";
        return {};
    }

    /// Edits one table (see edit), loads the plan (for zone_shapes.csv, the zone shapes) and expects the error to
    /// name the edited line ("<table>: line <n>") followed by atLine, and to say also (if given).
    void expectRefused(const std::string& table, const std::string& from, const std::string& to, const std::string& atLine,
                       const char* also = nullptr)
    {
        const int line = edit(table, from, to);
        const std::string e = table == "zone_shapes.csv" ? shapesError() : loadError();
        EXPECT_HAS(e, table + ": line " + std::to_string(line) + atLine);
        if (also) {
            EXPECT_HAS(e, also);
        }
    }
};

}  // namespace

TEST_F(PlanValues, InvalidUtf8InANoteNamesFileLineAndField)
{
    expectRefused("zones.csv", "GZ2023 第11条", "GZ2023 \xb5\xda" "11条", ", field 'note'", "not valid UTF-8");  // GBK bytes of 第
}

TEST_F(PlanValues, InvalidUtf8InANameIsRefused)
{
    expectRefused("class_members.csv", "regional_pivot,520281,盘州", "regional_pivot,520281,\xc5\xcc\xd6\xdd", ", field 'county': not valid UTF-8");
}

TEST_F(PlanValues, NulByteNamesLineAndField)
{
    expectRefused("zones.csv", "GZ2023 第11条", std::string("GZ2023\0 第11条", 16), ", field 11 'note': a NUL byte");
}

TEST_F(PlanValues, ControlCharacterIsRefused)
{
    expectRefused("class_members.csv", "regional_pivot,520281,盘州", "regional_pivot,520281,盘\x01州", ", field 'county': control character U+0001");
}

TEST_F(PlanValues, RowWithAnExtraFieldIsRefused)
{
    expectRefused("class_members.csv", "regional_pivot,520281,盘州,", "regional_pivot,520281,盘州,盘县,", ": 10 fields, the header has 9", "extra field");
}

TEST_F(PlanValues, RowWithAMissingFieldIsRefused)
{
    expectRefused("class_members.csv", "regional_pivot,520281,盘州,", "regional_pivot,520281盘州,", ": 8 fields, the header has 9");
}

TEST_F(PlanValues, LineNumbersAfterABlankLineAndAMultiLineField)
{
    // A blank line after the header and a note spanning two lines before the broken row: the row's line in
    // the file is two more than before.
    std::string text = test::readFile(m_dir / "class_members.csv");
    const auto firstRowEnd = text.find('\n', text.find('\n') + 1);
    text.insert(text.find('\n') + 1, "\n");
    std::ofstream(m_dir / "class_members.csv", std::ios::binary) << text;
    (void)firstRowEnd;
    edit("class_members.csv", "regional_pivot,520281,盘州,,", "regional_pivot,520281,盘州,,\"two\nlines\"");
    expectReported("class_members.csv", "regional_pivot,520526,威宁", "regional_pivot,520222,威宁", "unknown county code '520222'");
}

TEST_F(PlanValues, YearThatIsNotANumberIsReportedAsWritten)
{
    const int line = edit("targets.csv", ",≥,2023,GZ2023,二,stated,", ",≥,abc,GZ2023,二,stated,");
    const auto issues = check();
    EXPECT_TRUE(reported(issues, "targets.csv:" + std::to_string(line), "year 'abc' is not a year: a whole number between 2020 and 2035"));
    for (const auto& i : issues)
        EXPECT_EQ(i.message.find("year 0"), std::string::npos) << i.message;
}

TEST_F(PlanValues, ZoneThatIsItsOwnParent)
{
    expectReported("zones.csv", "metropolitan_area,,qianzhong_agglomeration,", "metropolitan_area,,gga_metro,", "the zone is its own parent");
}

TEST_F(PlanValues, CycleOfParentZones)
{
    const int child = edit("zones.csv", "metropolitan_area,,qianzhong_agglomeration,", "metropolitan_area,,qianzhong_agglomeration,");
    const int top = edit("zones.csv", "agglomeration,,,GZ2023", "agglomeration,,gga_metro,GZ2023");
    const auto issues = check();
    EXPECT_TRUE(reported(issues, "zones.csv:" + std::to_string(top), "parent_zone forms a cycle: qianzhong_agglomeration -> gga_metro -> qianzhong_agglomeration"));
    EXPECT_TRUE(reported(issues, "zones.csv:" + std::to_string(child), "parent_zone forms a cycle: gga_metro -> qianzhong_agglomeration -> gga_metro"));
}

TEST_F(PlanValues, ZoneRadiusMustBeFiniteAndInRange)
{
    for (const char* radius : {"inf", "1e6", "nan", "-5", "0", "20km", ""}) {
        SetUp();
        expectRefused("zone_shapes.csv", "guian_new_area,106.34,26.40,20,", std::string("guian_new_area,106.34,26.40,") + radius + ",", ", field 'radius_km'",
                      radius == std::string("0") ? "above 0" : "between 0 and 300");
    }
}

TEST_F(PlanValues, ZoneCentreMustBeANumber)
{
    expectRefused("zone_shapes.csv", "guian_new_area,106.34,", "guian_new_area,nan,", ", field 'lon': 'nan' is not a longitude near Guizhou");
}

TEST_F(PlanValues, ShippedTablesStillPass)
{
    EXPECT_TRUE(check().empty());
    EXPECT_NO_THROW(layers::readZoneShapes(m_dir / "zone_shapes.csv"));
}

TEST(CrsFiles, PathsInCrsStringsAreRefused)
{
    for (const char* crs : {"+proj=longlat +ellps=GRS80 +nadgrids=/etc/hosts", "+proj=longlat +nadgrids=@./grid.gsb,null",
                            "+proj=longlat +ellps=GRS80 +geoidgrids=../egm.gtx", "+init=/tmp/epsg:4326", "/etc/hosts", "./x.prj",
                            "proj=pipeline step proj=hgridshift grids=/tmp/x.tif",
                            "GEOGCRS[\"x\",PARAMETERFILE[\"Latitude and longitude difference file\",\"/tmp/conus\"]]",
                            "PROJCS[\"x\",EXTENSION[\"PROJ4\",\"+proj=longlat +nadgrids=/tmp/x.gsb\"]]"}) {
        EXPECT_FALSE(geo::crs::fileReference(crs).empty()) << crs;
        EXPECT_THROW(geo::Projection(crs, geo::crs::kCgcs2000), geo::ProjectionError) << crs;
    }
    for (const char* crs : {"EPSG:4545", geo::crs::kAlbersChina, "+proj=longlat +ellps=GRS80 +nadgrids=@null", "+proj=longlat +towgs84=.5,0,0",
                            "+init=epsg:4326", "PROJCS[\"CGCS2000 / 3-degree Gauss-Kruger CM 108E\",GEOGCS[\"China Geodetic Coordinate System 2000\"]]"})
        EXPECT_TRUE(geo::crs::fileReference(crs).empty()) << crs << ": " << geo::crs::fileReference(crs);
    EXPECT_NO_THROW(geo::Projection("+proj=longlat +ellps=GRS80 +nadgrids=@null +type=crs", geo::crs::kCgcs2000));
}
