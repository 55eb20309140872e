#include "io/read_check.h"

#include <cctype>
#include <cstring>
#include <optional>

#include <cpl_error.h>

#include "io/gdal_config.h"

namespace layers::detail {

struct ThreadDebug {
    std::optional<ThreadConfig> config;
};

namespace {
void CPL_STDCALL collect(CPLErr level, CPLErrorNum number, const char* message)
{
    auto* self = static_cast<ReadCheck*>(CPLGetErrorHandlerUserData());
    if (level == CE_Debug || level >= CE_Failure) {
        if (self)
            self->note(level, message);
        return;
    }
    CPLDefaultErrorHandler(level, number, message);
}

std::string clip(std::string s, std::size_t n)
{
    if (s.size() <= n)
        return s;
    std::size_t end = n;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80)
        --end;
    return s.substr(0, end) + "…";
}
}  // namespace

ReadCheck::ReadCheck(OGRLayer& layer, const std::string& driver) : m_debug(std::make_unique<ThreadDebug>())
{
    if (driver == "CSV") {
        const OGRFeatureDefn* defn = layer.GetLayerDefn();
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            std::string name = defn->GetFieldDefn(i)->GetNameRef();
            std::string low = name;
            for (char& c : low)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (low == "wkt" || low.rfind("_wkt", 0) == 0) {
                m_wktNames.push_back(name);
                m_wktFields.push_back(i);
            }
        }
    }
    // The GeoJSON reader reports a geometry it cannot parse only as a debug message ("… parsing failure").
    if (driver == "GeoJSON" && !CPLGetConfigOption("CPL_DEBUG", nullptr))
        m_debug->config.emplace("CPL_DEBUG", "GeoJSON");
    CPLPushErrorHandlerEx(collect, this);
}

ReadCheck::~ReadCheck() { CPLPopErrorHandler(); }

void ReadCheck::note(int level, const char* message)
{
    if (!message)
        return;
    if (level >= CE_Failure) {
        if (m_pending.empty())
            m_pending = *message ? message : "unknown GDAL error";
        return;
    }
    // Debug messages: only the GeoJSON reader's parse failures count; the rest is dropped when the check turned
    // debugging on, printed as before otherwise.
    const bool parse = std::strncmp(message, "GeoJSON", 7) == 0 && (std::strstr(message, "failure") || std::strstr(message, "nvalid"));
    if (parse) {
        if (m_pending.empty()) {
            m_pending = std::string("geometry cannot be parsed (GDAL: ") + (message + (message[7] == ':' ? 9 : 7)) + ")";
            m_parse = true;
        }
    } else if (!m_debug->config) {
        CPLDefaultErrorHandler(CE_Debug, CPLE_None, message);
    }
}

std::string ReadCheck::problem(const OGRFeature& feature)
{
    const OGRGeometry* g = feature.GetGeomFieldCount() > 0 ? feature.GetGeomFieldRef(0) : nullptr;
    if (!m_pending.empty()) {
        // A reader may parse ahead: a parse message belongs to the next feature that arrives without geometry.
        if (m_parse && g)
            return {};
        std::string why;
        why.swap(m_pending);
        m_parse = false;
        return why;
    }
    if (m_wktFields.empty() || g)
        return {};
    for (std::size_t k = 0; k < m_wktFields.size(); ++k) {
        const int i = m_wktFields[k];
        if (!feature.IsFieldSetAndNotNull(i))
            continue;
        std::string text = feature.GetFieldAsString(i);
        const auto first = text.find_first_not_of(" \t\r\n");
        if (first == std::string::npos)
            continue;
        return "column " + m_wktNames[k] + " holds '" + clip(text.substr(first), 60) + "', which is not a geometry GDAL can read (WKT)";
    }
    return {};
}

}  // namespace layers::detail
