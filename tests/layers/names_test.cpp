#include <gtest/gtest.h>

#include "layers/names.h"

TEST(Names, CountyShortNamesAsThePlanWritesThem)
{
    EXPECT_EQ(layers::countyShortName("盘州市"), "盘州");
    EXPECT_EQ(layers::countyShortName("威宁彝族回族苗族自治县"), "威宁");
    EXPECT_EQ(layers::countyShortName("镇宁布依族苗族自治县"), "镇宁");
    EXPECT_EQ(layers::countyShortName("印江土家族苗族自治县"), "印江");
    EXPECT_EQ(layers::countyShortName("道真仡佬族苗族自治县"), "道真");
    EXPECT_EQ(layers::countyShortName("三都水族自治县"), "三都");
    EXPECT_EQ(layers::countyShortName("玉屏侗族自治县"), "玉屏");
    EXPECT_EQ(layers::countyShortName("六枝特区"), "六枝");
    EXPECT_EQ(layers::countyShortName("观山湖区"), "观山湖");
    EXPECT_EQ(layers::countyShortName("息烽县"), "息烽");
}

TEST(Names, NeverShortensBelowTwoCharacters)
{
    EXPECT_EQ(layers::countyShortName("城区"), "城区");
    EXPECT_EQ(layers::countyShortName("矿区"), "矿区");
}

TEST(Names, PrefectureShortNames)
{
    EXPECT_EQ(layers::prefectureShortName("贵阳市"), "贵阳");
    EXPECT_EQ(layers::prefectureShortName("黔东南苗族侗族自治州"), "黔东南");
    EXPECT_EQ(layers::prefectureShortName("黔西南布依族苗族自治州"), "黔西南");
    EXPECT_EQ(layers::prefectureShortName("黔南布依族苗族自治州"), "黔南");
}

TEST(Names, CodePointCount)
{
    EXPECT_EQ(layers::codePointCount("贵州"), 2u);
    EXPECT_EQ(layers::codePointCount("G75贵州"), 5u);
}
