#include "layers/geography.h"

#include <algorithm>

#include "layers/errors.h"
#include "io/gpkg_reader.h"
#include "store/open_data.h"
#include "io/ogr_convert.h"

namespace layers {

namespace {
std::string text(const OGRFeature& f, const char* field) { return f.GetFieldAsString(field); }
}  // namespace

namespace detail {

Geography readGeography(GDALDataset& ds, const std::string& file, const GeographySelection& selection)
{
    // Each wanted layer, from its first feature, its geometry left unread where its shape is not wanted.
    auto layer = [&](const char* name) -> OGRLayer* {
        if (!selection.wanted(name))
            return nullptr;
        OGRLayer* l = ds.GetLayerByName(name);
        if (!l)
            throw DataError(file, std::string("no layer '") + name + "' (rebuild the data: cmake --build)");
        const char* ignored[] = {"OGR_GEOMETRY", nullptr};
        l->SetIgnoredFields(selection.shapes(name) ? nullptr : ignored);
        l->ResetReading();
        return l;
    };
    auto shape = [&](const OGRFeature& f) { return detail::toMultiPolygon(f.GetGeometryRef()); };
    Geography g;
    if (OGRLayer* l = layer(layer_names::kCounties)) {
        for (auto& f : *l) {
            County c;
            c.code = text(*f, "code");
            c.name = text(*f, "name");
            c.shortName = text(*f, "short_name");
            c.oldCode = text(*f, "old_code");
            c.oldName = text(*f, "old_name");
            c.prefectureCode = text(*f, "prefecture_code");
            c.prefectureName = text(*f, "prefecture_name");
            c.seat = {f->GetFieldAsDouble("seat_lon"), f->GetFieldAsDouble("seat_lat")};
            c.areaKm2 = f->GetFieldAsDouble("area_km2");
            c.shape = shape(*f);
            g.counties.push_back(std::move(c));
        }
        std::sort(g.counties.begin(), g.counties.end(), [](const County& a, const County& b) { return a.code < b.code; });
    }
    if (OGRLayer* l = layer(layer_names::kPrefectures)) {
        for (auto& f : *l)
            g.prefectures.push_back({text(*f, "code"), text(*f, "name"), text(*f, "short_name"), f->GetFieldAsInteger("county_count"),
                                     f->GetFieldAsDouble("area_km2"), shape(*f)});
        std::sort(g.prefectures.begin(), g.prefectures.end(), [](const Prefecture& a, const Prefecture& b) { return a.code < b.code; });
    }
    if (OGRLayer* l = layer(layer_names::kProvince))
        for (auto& f : *l)
            g.province = {text(*f, "code"), text(*f, "name"), shape(*f)};
    if (OGRLayer* l = layer(layer_names::kNeighbours))
        for (auto& f : *l)
            g.neighbours.push_back({text(*f, "code"), text(*f, "name"), shape(*f)});
    if (OGRLayer* l = layer(layer_names::kNeighbourSeats)) {
        for (auto& f : *l) {
            NeighbourSeat s{text(*f, "code"), text(*f, "name"), text(*f, "short_name"), text(*f, "province"), text(*f, "level"), {}, text(*f, "source")};
            if (const OGRGeometry* p = f->GetGeometryRef(); p && wkbFlatten(p->getGeometryType()) == wkbPoint)
                s.seat = {p->toPoint()->getX(), p->toPoint()->getY()};
            else
                throw DataError(file, std::string("layer ") + layer_names::kNeighbourSeats + ": seat " + s.code + " " + s.name + " has no point (rebuild the data)");
            g.neighbourSeats.push_back(std::move(s));
        }
        std::sort(g.neighbourSeats.begin(), g.neighbourSeats.end(), [](const NeighbourSeat& a, const NeighbourSeat& b) { return a.code < b.code; });
    }
    if (OGRLayer* l = layer(layer_names::kRivers))
        for (auto& f : *l) {
            River r{text(*f, "river_id"), f->GetFieldAsInteger("level"), text(*f, "name"), text(*f, "name_en"), text(*f, "source"), text(*f, "basis"), {}};
            if (const OGRGeometry* geometry = f->GetGeometryRef(); geometry && wkbFlatten(geometry->getGeometryType()) == wkbLineString)
                for (const OGRPoint& p : *geometry->toLineString())
                    r.line.push_back({p.getX(), p.getY()});
            g.rivers.push_back(std::move(r));
        }
    if (OGRLayer* l = layer(layer_names::kSources))
        for (auto& f : *l)
            g.sources.push_back({text(*f, "package"), text(*f, "file"), text(*f, "licence"), text(*f, "integrity"), text(*f, "note")});
    if (OGRLayer* l = layer(layer_names::kBuildLog))
        for (auto& f : *l)
            g.log.push_back({text(*f, "kind"), text(*f, "subject"), text(*f, "detail"), f->GetFieldAsDouble("value")});
    return g;
}

}  // namespace detail

Geography Geography::load(const DataLocation& geopackage)
{
    if (!geopackage.postgres() && !std::filesystem::exists(geopackage.location()))
        throw DataError(geopackage.location(), "does not exist (build the data first: share/scripts/gz.sh prepare)");
    auto ds = detail::openData(geopackage);
    return detail::readGeography(*ds, geopackage.shown());
}

const std::vector<RiverLevel>& riverLevels()
{
    // GSHHG's README and `gmt coast -I`: 1 permanent major rivers, 2 additional major rivers, 3 additional rivers,
    // 4 minor rivers (5-7 intermittent, 8-10 canals, 0 river-lakes: none is kept).
    static const std::vector<RiverLevel> levels{{1, "永久性主要河流", "permanent major river"},
                                                {2, "其他主要河流", "additional major river"},
                                                {3, "其他河流", "additional river"},
                                                {4, "小河流", "minor river"}};
    return levels;
}

const RiverLevel* riverLevel(int level)
{
    for (const RiverLevel& l : riverLevels())
        if (l.level == level)
            return &l;
    return nullptr;
}

std::string SourceRecord::name() const
{
    const std::size_t at = package.rfind('@');
    return at == std::string::npos || at == 0 ? package : package.substr(0, at);
}

std::string SourceRecord::version() const
{
    const std::size_t at = package.rfind('@');
    return at == std::string::npos || at == 0 ? std::string() : package.substr(at + 1);
}

std::string Geography::package(const std::string& name) const
{
    for (const SourceRecord& s : sources)
        if (s.name() == name)
            return s.package;
    throw DataError(layer_names::kSources, "no source record for the package " + name + " (rebuild the data: cmake --build build)");
}

std::string Geography::sourceList() const
{
    std::string out;
    for (const SourceRecord& s : sources)
        out += (out.empty() ? "" : ", ") + s.name() + " " + s.version() + (s.licence.empty() ? "" : " (" + s.licence + ")");
    return out;
}

const County* Geography::county(const std::string& code) const
{
    for (const County& c : counties)
        if (c.code == code)
            return &c;
    return nullptr;
}

const Prefecture* Geography::prefecture(const std::string& code) const
{
    for (const Prefecture& p : prefectures)
        if (p.code == code)
            return &p;
    return nullptr;
}

const NeighbourSeat* Geography::neighbourSeat(const std::string& code) const
{
    for (const NeighbourSeat& s : neighbourSeats)
        if (s.code == code)
            return &s;
    return nullptr;
}

const Region* Geography::neighbour(const std::string& name) const
{
    for (const Region& r : neighbours)
        if (r.name == name)
            return &r;
    return nullptr;
}

geo::Box Geography::bounds() const
{
    geo::Box b = geo::bounds(province.shape);
    if (b.isEmpty())
        for (const County& c : counties)
            b.expand(geo::bounds(c.shape));
    return b;
}

}  // namespace layers
