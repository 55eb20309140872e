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

/// A file holding features that cannot be read whole (a CSV row whose WKT is not a geometry, a GeoJSON
/// geometry that does not parse): refused unless the caller asked to skip and count them.
class UnreadableFeatures : public DataError {
public:
    using DataError::DataError;
};

}  // namespace layers
