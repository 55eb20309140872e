#pragma once
// The symbols of every feature of the map data in one view, resolved once from the style's rules (a renderer
// holds one set per view; drawing code only reads them). The attributes rules select on are listed here.

#include <vector>

#include <QString>

#include "render/map_views.h"
#include "render/style.h"

namespace app::render {

struct MapData;
struct ZoneItem;
struct CorridorItem;
struct PlaceItem;
struct CityItem;
struct RelationItem;
struct RiverItem;

// The attributes each layer's features offer to rules ("where"), besides the view.
Attributes zoneAttributes(const ZoneItem& zone);          ///< id, kind, layout, basis, geometry_basis
Attributes corridorAttributes(const CorridorItem& line);  ///< id, mode, status, basis
Attributes relationAttributes(const RelationItem& relation);  ///< id, kind, basis
Attributes placeAttributes(const PlaceItem& place);       ///< id, kind, position, status, basis
Attributes cityAttributes(const CityItem& city);          ///< id
Attributes riverAttributes(const RiverItem& river);       ///< id, level (1 to 4)

struct ViewSymbols {
    QString view;  ///< view id
    Symbol neighbours, prefectureBorders, province;
    Symbol neighbourSeats;  ///< the seats outside Guizhou that corridors end at: point and label
    std::vector<Symbol> counties;    ///< per county: fill (a prefecture's, a view's), outline, label priority
    std::vector<QColor> classFills;  ///< per county-seat class (MapData::classes): its fill, in views that split by class
    std::vector<Symbol> zones, corridors, belts, places, cities, relations, rivers;  ///< per item of MapData, same order

    static ViewSymbols resolve(const MapData& data, const Style& style, View view);
};

}  // namespace app::render
