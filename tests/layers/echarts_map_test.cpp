#include <gtest/gtest.h>

#include "layers/echarts_map.h"
#include "layers/errors.h"
#include "layers/geography_check.h"

namespace {
/// The ECharts encoder (the inverse of the decoder under test), written from its published algorithm.
std::string encode(const std::vector<std::pair<long, long>>& quantised, long& offsetX, long& offsetY)
{
    offsetX = quantised.front().first;
    offsetY = quantised.front().second;
    std::u16string units;
    long prevX = offsetX, prevY = offsetY;
    for (auto [x, y] : quantised) {
        long dx = x - prevX, dy = y - prevY;
        prevX = x;
        prevY = y;
        units.push_back(static_cast<char16_t>(((dx << 1) ^ (dx >> 63)) + 64));
        units.push_back(static_cast<char16_t>(((dy << 1) ^ (dy >> 63)) + 64));
    }
    std::string utf8;
    for (char16_t u : units) {
        if (u < 0x80) {
            utf8 += static_cast<char>(u);
        } else if (u < 0x800) {
            utf8 += static_cast<char>(0xC0 | (u >> 6));
            utf8 += static_cast<char>(0x80 | (u & 0x3F));
        } else {
            utf8 += static_cast<char>(0xE0 | (u >> 12));
            utf8 += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
            utf8 += static_cast<char>(0x80 | (u & 0x3F));
        }
    }
    return utf8;
}
}  // namespace

TEST(EChartsMap, DecodesWhatTheEncoderProduces)
{
    // Guiyang-ish coordinates in 1/1024 degree, with steps large enough to need 2- and 3-byte UTF-8.
    const std::vector<std::pair<long, long>> q{{109261, 27197}, {109300, 27190}, {110500, 27000}, {109000, 28400}, {109261, 27197}};
    long ox = 0, oy = 0;
    const std::string text = encode(q, ox, oy);
    const geo::Ring ring = layers::decodeEChartsRing(text, static_cast<double>(ox), static_cast<double>(oy));
    ASSERT_EQ(ring.size(), q.size());
    for (std::size_t i = 0; i < q.size(); ++i) {
        EXPECT_DOUBLE_EQ(ring[i].x, q[i].first / 1024.0);
        EXPECT_DOUBLE_EQ(ring[i].y, q[i].second / 1024.0);
    }
}

TEST(EChartsMap, ChinaJsonDecodesGuizhouToItsOfficialArea)
{
    const auto shapes = layers::readEChartsMap(std::filesystem::path(GZ_TEST_NPM_DIR) / "echarts/map/json/china.json");
    EXPECT_EQ(shapes.size(), 34u);
    const layers::NamedShape* guizhou = nullptr;
    for (const auto& s : shapes)
        if (s.name == "贵州")
            guizhou = &s;
    ASSERT_NE(guizhou, nullptr);
    const geo::Box b = geo::bounds(guizhou->shape);
    EXPECT_NEAR(b.minX, 103.6, 0.1);
    EXPECT_NEAR(b.maxX, 109.6, 0.1);
    EXPECT_NEAR(b.minY, 24.6, 0.1);
    EXPECT_NEAR(b.maxY, 29.2, 0.1);
    // An independent outline of the province: its area confirms the decoding end to end.
    EXPECT_NEAR(layers::equalAreaKm2(guizhou->shape), 176167, 176167 * 0.03);
}

TEST(EChartsMap, MissingFileNamesTheFile)
{
    try {
        layers::readEChartsMap("/nonexistent/china.json");
        FAIL();
    } catch (const layers::DataError& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/china.json"), std::string::npos);
    }
}
