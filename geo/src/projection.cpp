#include "geo/projection.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <sstream>

#include <proj.h>

namespace geo {

std::string crs::gaussKrugerFor(double longitude)
{
    // 3-degree zones with central meridians 102, 105, 108, 111 °E: EPSG:4543 .. 4546.
    int zone = static_cast<int>(std::lround((longitude - 102.0) / 3.0));
    zone = std::clamp(zone, 0, 3);
    return "EPSG:" + std::to_string(4543 + zone);
}

crs::GaussKrugerAdvice crs::gaussKrugerAdvice(const Box& box)
{
    GaussKrugerAdvice a;
    a.crs = gaussKrugerFor((box.minX + box.maxX) / 2);
    a.centralMeridian = 102 + 3 * (std::stoi(a.crs.substr(5)) - 4543);
    a.maxOffsetDeg = std::max(std::abs(box.minX - a.centralMeridian), std::abs(box.maxX - a.centralMeridian));
    const double pi = std::acos(-1.0);
    const double cosLat = std::cos(std::min(std::abs(box.minY), std::abs(box.maxY)) * pi / 180);
    a.maxScaleErrorPpm = std::pow(a.maxOffsetDeg * pi / 180 * cosLat, 2) / 2 * 1e6;
    a.west = gaussKrugerFor(box.minX);
    a.east = gaussKrugerFor(box.maxX);
    return a;
}

std::string crs::normalised(const std::string& crs)
{
    const bool digits = !crs.empty() && crs.size() <= 6 && std::all_of(crs.begin(), crs.end(), [](char c) { return c >= '0' && c <= '9'; });
    return digits ? "EPSG:" + crs : crs;
}

crs::AreaOfUse crs::areaOfUse(const std::string& text)
{
    AreaOfUse area;
    PJ_CONTEXT* context = proj_context_create();
    if (PJ* pj = proj_create(context, normalised(text).c_str())) {
        const char* name = nullptr;
        area.found = proj_get_area_of_use(context, pj, &area.west, &area.south, &area.east, &area.north, &name) && area.west > -1000;
        area.name = name ? name : "";
        if (const char* crsName = proj_get_name(pj))
            area.crsName = crsName;
        proj_destroy(pj);
    }
    proj_context_destroy(context);
    return area;
}

std::string crs::extentProblem(const std::string& text, const Box& lonLat) { return extentProblem(areaOfUse(text), text, lonLat); }

std::string crs::extentProblem(const AreaOfUse& a, const std::string& text, const Box& lonLat)
{
    if (!a.found || lonLat.isEmpty())
        return {};
    // The data must at least touch the area of use widened by one 3° zone: a Gauss-Krüger zone is often used a
    // little beyond its band (Guizhou spans 6° of longitude and is commonly written whole in EPSG:4545), never for
    // data in another part of the world. Areas crossing the antimeridian have west > east.
    constexpr double margin = 3.0;
    const double west = a.west - margin, east = a.east + margin;
    const bool lonMeets = a.west <= a.east ? lonLat.maxX >= west && lonLat.minX <= east : lonLat.maxX >= west || lonLat.minX <= east;
    const bool latMeets = lonLat.maxY >= a.south - margin && lonLat.minY <= a.north + margin;
    if (lonMeets && latMeets)
        return {};
    std::ostringstream out;
    out.setf(std::ios::fixed);
    out.precision(1);
    out << normalised(text) << " (" << a.crsName << ") is for " << a.west << "°E–" << a.east << "°E, " << a.south << "°N–" << a.north
        << "°N (" << a.name << "); the data lie at " << lonLat.minX << "°E–" << lonLat.maxX << "°E, " << lonLat.minY << "°N–" << lonLat.maxY
        << "°N, outside it";
    const std::string first = gaussKrugerFor(lonLat.minX), last = gaussKrugerFor(lonLat.maxX);
    out << ". CGCS2000 3° Gauss-Krüger for this extent: " << (first == last ? first : first + " to " + last) << " (gzplan crs suggest)";
    return out.str();
}

std::string crs::datumWarning(const std::string& text)
{
    std::string warning;
    PJ_CONTEXT* context = proj_context_create();
    PJ* source = proj_create(context, kCgcs2000);
    PJ* target = proj_create(context, normalised(text).c_str());
    PJ* datum = target ? proj_crs_get_datum(context, target) : nullptr;
    if (!datum && target)
        datum = proj_crs_get_datum_ensemble(context, target);
    const std::string name = datum && proj_get_name(datum) ? proj_get_name(datum) : "";
    if (source && target && !name.empty() && name != "China 2000") {
        // The operation PROJ would use, and whether it is a ballpark one (a datum change it does not know).
        PJ_OPERATION_FACTORY_CONTEXT* factory = proj_create_operation_factory_context(context, nullptr);
        PJ_OBJ_LIST* operations = factory ? proj_create_operations(context, source, target, factory) : nullptr;
        const bool ballpark = operations && proj_list_get_count(operations) > 0 && [&] {
            PJ* first = proj_list_get(context, operations, 0);
            const bool b = first && proj_coordoperation_has_ballpark_transformation(context, first);
            proj_destroy(first);
            return b;
        }();
        if (ballpark) {
            const bool wgs = name.find("World Geodetic System 1984") != std::string::npos;
            warning = normalised(text) + " is on the " + name + " datum, not CGCS2000 (the data's): PROJ knows no transformation between them and " +
                      "writes the coordinates without a datum shift; " +
                      (wgs ? "CGCS2000 and WGS 84 differ by centimetres to decimetres, below a planning map's precision"
                           : "the datums differ by tens of metres to over 100 m in Guizhou, so positions will be off by that much; where "
                             "positions matter, convert with a surveyed 7-parameter transformation");
        }
        proj_list_destroy(operations);
        proj_operation_factory_context_destroy(factory);
    }
    proj_destroy(datum);
    proj_destroy(target);
    proj_destroy(source);
    proj_context_destroy(context);
    return warning;
}

namespace {
/// A parameter value PROJ would open as a file by that name rather than look up in its data folder.
bool isPath(std::string v)
{
    while (!v.empty() && (v.front() == '@' || v.front() == '"' || v.front() == '\''))
        v.erase(0, 1);
    if (v.empty())
        return false;
    return v.find('/') != std::string::npos || v.find('\\') != std::string::npos || v.front() == '~' || v.rfind("..", 0) == 0;
}
}  // namespace

std::string crs::fileReference(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    const std::string s = text.substr(first);
    const char c = s.front();
    if (c == '/' || c == '.' || c == '~' || c == '\\' || s.rfind("file:", 0) == 0)
        return "'" + s + "' is a file path; give the CRS itself (EPSG:n, a PROJ string or WKT)";
    // WKT (GEOGCRS[…) or PROJJSON ({…): only +key= parts (an EXTENSION["PROJ4","…"]) and PARAMETERFILE[…]; names
    // in WKT may hold slashes ("CGCS2000 / 3-degree Gauss-Kruger").
    std::size_t k = 0;
    while (k < s.size() && (std::isupper(static_cast<unsigned char>(s[k])) || std::isdigit(static_cast<unsigned char>(s[k])) || s[k] == '_'))
        ++k;
    const bool structured = c == '{' || (k > 0 && k < s.size() && s[k] == '[');
    if (structured) {
        std::string upper = s;
        std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
        for (std::size_t at = upper.find("PARAMETERFILE["); at != std::string::npos; at = upper.find("PARAMETERFILE[", at + 1)) {
            // PARAMETERFILE["name","file"]: the second quoted string.
            const std::size_t nameOpen = s.find('"', at);
            const std::size_t nameClose = nameOpen == std::string::npos ? nameOpen : s.find('"', nameOpen + 1);
            const std::size_t q = nameClose == std::string::npos ? nameClose : s.find('"', nameClose + 1);
            if (q == std::string::npos)
                continue;
            const std::size_t end = s.find('"', q + 1);
            const std::string value = s.substr(q + 1, end == std::string::npos ? std::string::npos : end - q - 1);
            if (isPath(value))
                return "PARAMETERFILE names the file '" + value + "'; only grid names PROJ finds in its own data folder are allowed";
        }
    }
    std::istringstream tokens(s);
    for (std::string token; tokens >> token;) {
        if (structured && token.find('+') == std::string::npos)
            continue;
        const auto plus = token.find('+');
        if (plus != std::string::npos)
            token = token.substr(plus + 1);
        const auto eq = token.find('=');
        if (eq == std::string::npos || eq == 0)
            continue;
        const std::string key = token.substr(0, eq);
        std::string value = token.substr(eq + 1);
        if (structured)
            value = value.substr(0, value.find_first_of("\"]"));
        std::istringstream items(value);
        for (std::string item; std::getline(items, item, ',');) {
            if (isPath(item))
                return "+" + key + "=" + value + " refers to the file " + item +
                       "; a CRS may name only grids PROJ finds in its own data folder (e.g. +nadgrids=@null), not a file path";
        }
    }
    return {};
}

struct Projection::Handle {
    PJ_CONTEXT* context = nullptr;
    PJ* transform = nullptr;
    ~Handle()
    {
        if (transform)
            proj_destroy(transform);
        if (context)
            proj_context_destroy(context);
    }
};

Projection::Projection(const std::string& source, const std::string& target)
    : m_handle(std::make_unique<Handle>()), m_source(source), m_target(target)
{
    for (const std::string* crs : {&source, &target})
        if (const std::string why = crs::fileReference(*crs); !why.empty())
            throw ProjectionError("refused CRS '" + *crs + "': " + why);
    m_handle->context = proj_context_create();
    PJ* raw = proj_create_crs_to_crs(m_handle->context, crs::normalised(source).c_str(), crs::normalised(target).c_str(), nullptr);
    if (!raw) {
        const int code = proj_context_errno(m_handle->context);
        throw ProjectionError("cannot create a transformation from '" + source + "' to '" + target +
                              "': " + proj_context_errno_string(m_handle->context, code));
    }
    m_handle->transform = proj_normalize_for_visualization(m_handle->context, raw);
    proj_destroy(raw);
    if (!m_handle->transform)
        throw ProjectionError("cannot normalise the axis order of '" + source + "' -> '" + target + "'");
}

Projection Projection::clone() const
{
    Projection out;
    out.m_handle = std::make_unique<Handle>();
    out.m_source = m_source;
    out.m_target = m_target;
    out.m_handle->context = proj_context_create();
    out.m_handle->transform = proj_clone(out.m_handle->context, m_handle->transform);
    if (!out.m_handle->transform)
        throw ProjectionError("cannot copy the transformation from '" + m_source + "' to '" + m_target + "'");
    return out;
}

Projection::~Projection() = default;
Projection::Projection(Projection&&) noexcept = default;
Projection& Projection::operator=(Projection&&) noexcept = default;

namespace {
bool apply(PJ* transform, PJ_DIRECTION direction, Point& p)
{
    PJ_COORD c = proj_coord(p.x, p.y, 0, 0);
    c = proj_trans(transform, direction, c);
    p = {c.xy.x, c.xy.y};
    return std::isfinite(p.x) && std::isfinite(p.y);
}

MultiPolygon applyAll(PJ* transform, PJ_DIRECTION direction, const MultiPolygon& shape)
{
    MultiPolygon out = shape;
    auto ring = [&](Ring& r) {
        proj_trans_generic(transform, direction, &r[0].x, sizeof(Point), r.size(), &r[0].y, sizeof(Point), r.size(),
                           nullptr, 0, 0, nullptr, 0, 0);
    };
    for (Polygon& polygon : out) {
        if (!polygon.outer.empty())
            ring(polygon.outer);
        for (Ring& hole : polygon.holes)
            if (!hole.empty())
                ring(hole);
    }
    return out;
}
}  // namespace

bool Projection::forward(Point& p) const { return apply(m_handle->transform, PJ_FWD, p); }
bool Projection::inverse(Point& p) const { return apply(m_handle->transform, PJ_INV, p); }

bool Projection::forward(std::vector<Point>& points) const
{
    if (points.empty())
        return true;
    proj_trans_generic(m_handle->transform, PJ_FWD, &points[0].x, sizeof(Point), points.size(), &points[0].y,
                       sizeof(Point), points.size(), nullptr, 0, 0, nullptr, 0, 0);
    for (const Point& p : points)
        if (!std::isfinite(p.x) || !std::isfinite(p.y))
            return false;
    return true;
}

MultiPolygon Projection::forward(const MultiPolygon& shape) const { return applyAll(m_handle->transform, PJ_FWD, shape); }
MultiPolygon Projection::inverse(const MultiPolygon& shape) const { return applyAll(m_handle->transform, PJ_INV, shape); }

}  // namespace geo
