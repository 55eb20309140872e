// A user layer whose file is replaced or removed while it is open (in the window): identify must not read the
// attributes of the new file's feature with the same FID and show them as if they belonged to what is drawn.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "layers/errors.h"
#include "layers/feature_layer.h"

namespace {
void write(const std::filesystem::path& file, const std::string& name)
{
    std::ofstream(file) << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":")" << name
                        << R"("},"geometry":{"type":"Point","coordinates":[106.7,26.6]}}]})";
}

std::string thrown(const layers::FeatureLayer& layer)
{
    try {
        layer.attributes(0);
    } catch (const layers::DataError& e) {
        return e.what();
    }
    return {};
}
}  // namespace

TEST(FileChange, IdentifyRefusesAFileReplacedOrRemovedSinceTheLoad)
{
    const auto dir = std::filesystem::temp_directory_path() / ("gz-file-change-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto file = dir / "places.geojson";
    write(file, "贵阳");
    layers::FeatureLayerOptions options;
    options.displayCrs = "EPSG:4490";
    const auto layer = layers::FeatureLayer::load(file, options);
    ASSERT_EQ(layer->size(), 1u);
    const auto attributes = layer->attributes(0);
    ASSERT_EQ(attributes.back().value, "贵阳");

    // Replaced by another program (same size, same FID): refused, not shown as the drawn feature's.
    const auto replacement = dir / "new.geojson";
    write(replacement, "遵义");
    std::filesystem::rename(replacement, file);
    const std::string changed = thrown(*layer);
    EXPECT_NE(changed.find("has changed since it was loaded"), std::string::npos) << changed;
    EXPECT_NE(changed.find(file.string()), std::string::npos) << changed;

    std::filesystem::remove(file);
    const std::string removed = thrown(*layer);
    EXPECT_NE(removed.find("removed or renamed"), std::string::npos) << removed;

    // Loaded again, it reads the current file.
    write(file, "遵义");
    const auto again = layers::FeatureLayer::load(file, options);
    EXPECT_EQ(again->attributes(0).back().value, "遵义");
    std::filesystem::remove_all(dir);
}
