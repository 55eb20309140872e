#pragma once
// Typed errors of the layers module: bad input names the file, and where known the feature or line.

#include <stdexcept>
#include <string>

namespace layers {

class DataError : public std::runtime_error {
public:
    DataError(const std::string& file, const std::string& what)
        : std::runtime_error(file + ": " + what), m_file(file) {}
    const std::string& file() const { return m_file; }

private:
    std::string m_file;
};

}  // namespace layers
