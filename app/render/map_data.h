#pragma once
// A read-only snapshot of the geography in the display CRS, ready to draw: paths in map units (metres),
// label anchors, names. Built once per data load or CRS change, shared by render jobs across threads.

#include <memory>
#include <vector>

#include <QPainterPath>
#include <QString>

#include "geo/geometry.h"

namespace layers {
class Geography;
}

namespace app::render {

struct CountyItem {
    QString code;
    QString name;
    QString shortName;
    QString prefectureCode;
    int prefectureIndex = 0;  ///< index into MapData::prefectures
    double areaKm2 = 0;
    QPainterPath path;        ///< display CRS
    geo::Point seat;          ///< display CRS
    geo::Box bounds;          ///< display CRS
};

struct PrefectureItem {
    QString code;
    QString name;
    QString shortName;
    QPainterPath path;
};

struct RegionItem {
    QString name;
    QPainterPath path;
    geo::Point labelAt;  ///< display CRS
};

struct MapData {
    QString crs;  ///< display CRS (PROJ definition)
    std::vector<CountyItem> counties;
    std::vector<PrefectureItem> prefectures;
    QPainterPath province;
    std::vector<RegionItem> neighbours;
    geo::Box extent;  ///< of the province, display CRS

    /// Projects the geography into crs (throws geo::ProjectionError on an unknown CRS).
    static std::shared_ptr<const MapData> build(const layers::Geography& geography, const QString& crs);
};

}  // namespace app::render
