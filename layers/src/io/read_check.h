#pragma once
// Internal: features that GDAL reads without failing but not whole.
//
// Some drivers drop what they cannot parse without an error: the CSV driver leaves the geometry empty when a
// row's WKT column holds text that is not a geometry, and the GeoJSON driver drops a malformed geometry with
// only a debug message. A ReadCheck, alive on the thread that reads a layer, notices both (the debug messages
// are turned on for that thread and caught) and collects the failures GDAL reports while reading, so that a
// loader can refuse the file, or skip and count such features when the user asked for it, but never lose
// them silently.

#include <memory>
#include <string>
#include <vector>

#include <ogrsf_frmts.h>

namespace layers::detail {

class ReadCheck {
public:
    /// driver: GDAL's short name of the dataset's driver (CSV, GeoJSON, …).
    ReadCheck(OGRLayer& layer, const std::string& driver);
    ~ReadCheck();
    ReadCheck(const ReadCheck&) = delete;
    ReadCheck& operator=(const ReadCheck&) = delete;

    /// Source fields the check reads (a CSV's WKT column): a reader must not ignore them.
    const std::vector<std::string>& neededFields() const { return m_wktNames; }
    /// Why the feature just read lost its geometry or failed; empty when it was read whole. Call once after
    /// each GetNextFeature, before the next.
    std::string problem(const OGRFeature& feature);
    /// A failure GDAL reported while reading that no feature accounted for (after the loop), or empty.
    std::string failure() const { return m_pending; }

    void note(int level, const char* message);  ///< from the GDAL error handler

private:
    std::vector<std::string> m_wktNames;
    std::vector<int> m_wktFields;
    std::string m_pending;  ///< failure or parse message not yet given to a feature
    bool m_parse = false;   ///< m_pending is a parse message (for the next feature without geometry)
    std::unique_ptr<struct ThreadDebug> m_debug;
};

}  // namespace layers::detail
