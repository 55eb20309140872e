#pragma once
// Internal: a GDAL configuration option set for the calling thread while in scope.

#include <optional>
#include <string>

#include <cpl_conv.h>

namespace layers::detail {

/// Sets a GDAL configuration option for this thread while in scope; the previous value comes back after.
class ThreadConfig {
public:
    ThreadConfig(const char* key, const char* value) : m_key(key)
    {
        if (const char* old = CPLGetThreadLocalConfigOption(key, nullptr))
            m_old = old;
        CPLSetThreadLocalConfigOption(key, value);
    }
    ~ThreadConfig() { CPLSetThreadLocalConfigOption(m_key, m_old ? m_old->c_str() : nullptr); }
    ThreadConfig(const ThreadConfig&) = delete;
    ThreadConfig& operator=(const ThreadConfig&) = delete;

private:
    const char* m_key;
    std::optional<std::string> m_old;
};

}  // namespace layers::detail
