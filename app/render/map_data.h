#pragma once
// A read-only snapshot of the geography in the display CRS, ready to draw: paths in map units (metres),
// label anchors, names. Built once per data load or CRS change, shared by render jobs across threads.

#include <memory>
#include <utility>
#include <vector>

#include <QPainterPath>
#include <QPolygonF>
#include <QString>
#include <QStringList>

#include "geo/geometry.h"

namespace layers {
class Geography;
class PlanData;
struct PlanGeometry;
}

namespace app::render {

struct CountyItem {
    QString code;
    QString name;
    QString shortName;
    QString oldName;          ///< name before a renaming (盘县), else empty
    QString nameEn, shortEn;  ///< English forms (Panzhou City, Panzhou); empty without a plan
    QString oldCode;
    QString prefectureCode;
    QString prefectureName;
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
    QString nameEn;
};

struct RegionItem {
    QString name;
    QPainterPath path;
    geo::Point labelAt;  ///< display CRS
    QString nameEn;
};

struct RiverItem {
    QString id;
    int level = 0;       ///< WDBII level, 1 (permanent major) to 4 (minor)
    QString name, nameEn;  ///< empty: unnamed
    QPainterPath path;   ///< display CRS, one open subpath
    geo::Box bounds;     ///< display CRS
};

struct ClassItem {
    QString id;
    QString name;
    QString nameEn;
    int count = 0;
};

struct ZoneItem {
    QString id, name, layout, kind, basis, geometryBasis, geometryNote;
    QStringList functions;
    QPainterPath path;  ///< display CRS
    geo::Box bounds;
    QString nameEn;
};

struct CorridorItem {
    QString id, name, mode, status, statusWords, basis;
    QPolygonF line;  ///< display CRS: PlanGeometry's line (seats in and outside Guizhou, approximate border crossings)
    QString nameEn;
    /// Display CRS: the seats of the nodes it names (a county's, or one outside Guizhou): where a project of one
    /// node, a facility without a line (乌江沙沱 navigation facilities), is drawn.
    std::vector<geo::Point> nodeSeats;
};

/// A seat outside Guizhou that a corridor ends at (layers::namedNeighbourSeats): a point and a label.
struct NeighbourSeatItem {
    QString code;
    QString label, labelEn;  ///< as the plan names it (南宁, 重庆), and in English
    geo::Point at;           ///< display CRS
};

struct PlaceItem {
    QString id, name, kind, status, position, basis, code;
    geo::Point at;  ///< display CRS
    QString nameEn;
};

/// A relation between two plan units (一体化, 同城化): a straight line between their points.
struct RelationItem {
    QString id, name, kind, basis;
    QPointF from, to;  ///< display CRS
    QString nameEn;
};

struct CityItem {
    QString id, name;
    double population2025 = 0;  ///< 万人
    geo::Point at;              ///< display CRS
    QString nameEn;
};

struct MapData {
    QString crs;  ///< display CRS (PROJ definition)
    std::vector<CountyItem> counties;
    /// Plan content (empty without a plan).
    std::vector<ClassItem> classes;
    std::vector<std::vector<int>> countyClasses;  ///< per county (same order): indices into classes
    std::vector<bool> centralCityCore;            ///< per county: core of a regional central city (label priority)
    std::vector<int> countyCity;                  ///< per county: index into cities of the central city it belongs to, or -1
    /// The plan's target scopes ("city:zunyi", "zone:gga_metro", "province:guizhou") and their numbers of targets, in
    /// the plan's order: what the 目标进展 view shows without figures.
    std::vector<std::pair<QString, int>> targetScopes;
    std::vector<ZoneItem> zones;
    std::vector<CorridorItem> corridors;
    std::vector<NeighbourSeatItem> neighbourSeats;
    std::vector<PlaceItem> places;
    std::vector<CityItem> cities;
    std::vector<RelationItem> relations;

    std::vector<PrefectureItem> prefectures;
    QPainterPath province;
    std::vector<RegionItem> neighbours;
    std::vector<RiverItem> rivers;
    geo::Box extent;  ///< of the province, display CRS

    /// Projects the geography into crs (throws geo::ProjectionError on an unknown CRS).
    static std::shared_ptr<const MapData> build(const layers::Geography& geography, const QString& crs);
    /// The same with the plan's classes, zones, corridors, places and central cities.
    static std::shared_ptr<const MapData> build(const layers::Geography& geography, const layers::PlanData& plan,
                                                const layers::PlanGeometry& planGeometry, const QString& crs);

    const ZoneItem* zone(const QString& id) const;
    int countyIndex(const QString& code) const;
};

}  // namespace app::render
