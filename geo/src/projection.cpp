#include "geo/projection.h"

#include <algorithm>
#include <cmath>

#include <proj.h>

namespace geo {

std::string crs::gaussKrugerFor(double longitude)
{
    // 3-degree zones with central meridians 102, 105, 108, 111 °E: EPSG:4543 .. 4546.
    int zone = static_cast<int>(std::lround((longitude - 102.0) / 3.0));
    zone = std::clamp(zone, 0, 3);
    return "EPSG:" + std::to_string(4543 + zone);
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
    m_handle->context = proj_context_create();
    PJ* raw = proj_create_crs_to_crs(m_handle->context, source.c_str(), target.c_str(), nullptr);
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
