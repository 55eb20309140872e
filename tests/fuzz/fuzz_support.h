#pragma once
// Shared by the fuzz targets: a private temporary folder per process (libFuzzer's -fork/-jobs children each get
// their own), files written from the fuzzer's bytes, GDAL kept quiet (its messages are expected on bad input).

#include <cpl_error.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>
#include <unistd.h>
#include <vector>

namespace fuzz {

inline const std::filesystem::path& tempDir()
{
    static const std::filesystem::path dir = [] {
        std::string pattern = (std::filesystem::temp_directory_path() / "gzfuzz-XXXXXX").string();
        if (!mkdtemp(pattern.data()))
            std::abort();
        std::atexit([] {
            std::error_code ec;
            std::filesystem::remove_all(tempDir(), ec);
        });
        return std::filesystem::path(pattern);
    }();
    return dir;
}

inline void writeFile(const std::filesystem::path& file, std::string_view bytes)
{
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush())
        std::abort();  // the harness itself failed: not a finding in the code under test
}

/// Empties a folder the target writes into, keeping the folder.
inline void clearDir(const std::filesystem::path& dir)
{
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    std::filesystem::create_directories(dir);
}

/// With GZ_FUZZ_VERBOSE set, prints why an input was refused (to check that seeds get past the refusals).
inline void refused(const std::exception& e)
{
    static const bool verbose = std::getenv("GZ_FUZZ_VERBOSE") != nullptr;
    if (verbose)
        std::fprintf(stderr, "refused: %s\n", e.what());
}

inline void quietGdal()
{
    static const bool once = [] {
        CPLSetErrorHandler(CPLQuietErrorHandler);
        return true;
    }();
    (void)once;
}

/// Splits the input into parts at a separator (the multi-file formats: a shapefile's .shp/.shx/.dbf/.prj).
inline std::vector<std::string_view> split(std::string_view data, std::string_view separator, std::size_t maxParts)
{
    std::vector<std::string_view> parts;
    while (parts.size() + 1 < maxParts) {
        const std::size_t at = data.find(separator);
        if (at == std::string_view::npos)
            break;
        parts.push_back(data.substr(0, at));
        data.remove_prefix(at + separator.size());
    }
    parts.push_back(data);
    return parts;
}

}  // namespace fuzz
