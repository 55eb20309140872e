#pragma once
// Input files for the user-layer loader and the streaming exporter from the fuzzer's bytes: the first byte picks
// the format, the rest is the file. A shapefile is several files: its parts (.shp, .shx, .dbf, .prj, .cpg)
// are separated by kPartSeparator in the input, in that order (tests/fuzz/make_seeds.sh builds such seeds).

#include <array>
#include <filesystem>
#include <string_view>

#include "fuzz_support.h"

namespace fuzz {

inline constexpr std::string_view kPartSeparator = "\n--gzfuzz-part--\n";

/// Writes the input under folder as one dataset; returns the path to open. formats: the extensions allowed.
template <std::size_t N>
std::filesystem::path writeDataset(const std::filesystem::path& folder, const std::array<const char*, N>& formats, std::string_view data)
{
    clearDir(folder);
    const std::string_view ext = formats[static_cast<unsigned char>(data[0]) % N];
    data.remove_prefix(1);
    const std::filesystem::path main = folder / (std::string("in.") + std::string(ext));
    if (ext == "shp") {
        static constexpr std::array<const char*, 5> kParts{"shp", "shx", "dbf", "prj", "cpg"};
        const auto parts = split(data, kPartSeparator, kParts.size());
        for (std::size_t i = 0; i < parts.size(); ++i)
            writeFile(folder / (std::string("in.") + kParts[i]), parts[i]);
    } else {
        writeFile(main, data);
    }
    return main;
}

}  // namespace fuzz
