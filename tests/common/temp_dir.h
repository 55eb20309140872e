#pragma once
// A fresh folder under the system's temporary folder for one test, removed with everything in it at the end.

#include <unistd.h>

#include <filesystem>
#include <set>
#include <string>

namespace test {

struct TempDir {
    std::filesystem::path path;
    /// <tmp>/gzplan-<prefix>-<pid>-<n>, empty.
    explicit TempDir(const std::string& prefix = "test")
    {
        static int n = 0;
        path = std::filesystem::temp_directory_path() / ("gzplan-" + prefix + "-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    /// Every file and folder below path, relative to it.
    std::set<std::string> listing() const
    {
        std::set<std::string> names;
        for (const auto& e : std::filesystem::recursive_directory_iterator(path))
            names.insert(e.path().lexically_relative(path).string());
        return names;
    }
};

}  // namespace test
