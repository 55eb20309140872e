#include "render/layer_symbols.h"

#include "render/map_data.h"

namespace app::render {

Attributes zoneAttributes(const ZoneItem& z)
{
    return {{"id", z.id}, {"kind", z.kind}, {"layout", z.layout}, {"basis", z.basis}, {"geometry_basis", z.geometryBasis}};
}

Attributes corridorAttributes(const CorridorItem& c)
{
    return {{"id", c.id}, {"mode", c.mode}, {"status", c.status}, {"basis", c.basis}};
}

Attributes placeAttributes(const PlaceItem& p)
{
    return {{"id", p.id}, {"kind", p.kind}, {"position", p.position}, {"status", p.status}, {"basis", p.basis}};
}

Attributes relationAttributes(const RelationItem& r) { return {{"id", r.id}, {"kind", r.kind}, {"basis", r.basis}}; }

Attributes cityAttributes(const CityItem& c) { return {{"id", c.id}}; }

Attributes riverAttributes(const RiverItem& r) { return {{"id", r.id}, {"level", QString::number(r.level)}}; }

ViewSymbols ViewSymbols::resolve(const MapData& data, const Style& style, View view)
{
    ViewSymbols v;
    v.view = viewId(view);
    v.neighbours = style.symbol("neighbours", v.view);
    v.prefectureBorders = style.symbol("prefecture_borders", v.view);
    v.province = style.symbol("province", v.view);
    v.neighbourSeats = style.symbol("neighbour_seats", v.view);
    for (std::size_t i = 0; i < data.counties.size(); ++i) {
        const CountyItem& c = data.counties[i];
        const bool core = i < data.centralCityCore.size() && data.centralCityCore[i];
        Symbol s = style.symbol("counties", v.view,
                                {{"code", c.code}, {"prefecture_index", QString::number(c.prefectureIndex)}, {"central_city_core", core ? "yes" : "no"}});
        if (!s.palette.isEmpty() && s.paletteBy == "prefecture_index")
            s.fill = s.palette[c.prefectureIndex % s.palette.size()];
        v.counties.push_back(std::move(s));
    }
    if (style.symbol("counties", v.view).splitByClass)
        for (const ClassItem& c : data.classes)
            v.classFills.push_back(style.symbol("counties", v.view, {{"class", c.id}}).fill);
    for (const ZoneItem& z : data.zones)
        v.zones.push_back(style.symbol("zones", v.view, zoneAttributes(z)));
    for (const CorridorItem& c : data.corridors) {
        v.corridors.push_back(style.symbol("corridors", v.view, corridorAttributes(c)));
        v.belts.push_back(style.symbol("belts", v.view, corridorAttributes(c)));
    }
    for (const PlaceItem& p : data.places)
        v.places.push_back(style.symbol("places", v.view, placeAttributes(p)));
    for (const CityItem& c : data.cities)
        v.cities.push_back(style.symbol("central_cities", v.view, cityAttributes(c)));
    for (const RelationItem& r : data.relations)
        v.relations.push_back(style.symbol("relations", v.view, relationAttributes(r)));
    for (const RiverItem& r : data.rivers)
        v.rivers.push_back(style.symbol("rivers", v.view, riverAttributes(r)));
    return v;
}

}  // namespace app::render
