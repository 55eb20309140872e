#include "render/map_data.h"

#include "geo/projection.h"
#include "layers/geography.h"

namespace app::render {

namespace {
QPainterPath toPath(const geo::MultiPolygon& shape)
{
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    auto ring = [&](const geo::Ring& r) {
        if (r.size() < 3)
            return;
        path.moveTo(r[0].x, r[0].y);
        for (std::size_t i = 1; i < r.size(); ++i)
            path.lineTo(r[i].x, r[i].y);
        path.closeSubpath();
    };
    for (const geo::Polygon& p : shape) {
        ring(p.outer);
        for (const geo::Ring& h : p.holes)
            ring(h);
    }
    return path;
}

/// Label point for a neighbour: the centre of its largest part's bounds, clipped to the view by the renderer.
geo::Point largestPartCentre(const geo::MultiPolygon& shape)
{
    double best = -1;
    geo::Point at;
    for (const geo::Polygon& p : shape) {
        const double a = std::abs(geo::signedArea(p.outer));
        if (a > best) {
            best = a;
            at = geo::bounds(p.outer).centre();
        }
    }
    return at;
}
}  // namespace

std::shared_ptr<const MapData> MapData::build(const layers::Geography& g, const QString& crs)
{
    auto data = std::make_shared<MapData>();
    data->crs = crs;
    geo::Projection projection(geo::crs::kCgcs2000, crs.toStdString());

    for (const layers::Prefecture& p : g.prefectures)
        data->prefectures.push_back({QString::fromStdString(p.code), QString::fromStdString(p.name), QString::fromStdString(p.shortName),
                                     toPath(projection.forward(p.shape))});
    for (const layers::County& c : g.counties) {
        CountyItem item;
        item.code = QString::fromStdString(c.code);
        item.name = QString::fromStdString(c.name);
        item.shortName = QString::fromStdString(c.shortName);
        item.prefectureCode = QString::fromStdString(c.prefectureCode);
        for (std::size_t i = 0; i < data->prefectures.size(); ++i)
            if (data->prefectures[i].code == item.prefectureCode)
                item.prefectureIndex = static_cast<int>(i);
        item.areaKm2 = c.areaKm2;
        const geo::MultiPolygon shape = projection.forward(c.shape);
        item.path = toPath(shape);
        item.bounds = geo::bounds(shape);
        item.seat = c.seat;
        projection.forward(item.seat);
        data->counties.push_back(std::move(item));
    }
    const geo::MultiPolygon province = projection.forward(g.province.shape);
    data->province = toPath(province);
    data->extent = geo::bounds(province);
    for (const layers::Region& r : g.neighbours) {
        const geo::MultiPolygon shape = projection.forward(r.shape);
        data->neighbours.push_back({QString::fromStdString(r.name), toPath(shape), largestPartCentre(shape)});
    }
    return data;
}

}  // namespace app::render
