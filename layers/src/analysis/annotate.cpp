// gzplan annotate: a copy of a layer with the plan's units of each feature.

#include <map>

#include <cpl_error.h>
#include <ogrsf_frmts.h>

#include "analysis/layer_reader.h"
#include "analysis/output.h"
#include "analysis/overlay.h"
#include "io/gdal_drivers.h"
#include "io/ogr_convert.h"
#include "layers/errors.h"
#include "layers/plan_query.h"

namespace layers::analysis {

namespace {

/// The plan's words for one county, computed once.
struct CountyPlan {
    std::string code, name, prefecture, classes, classNames, zones, zoneNames, city, cityName;
};

std::string joined(const std::vector<std::string>& items)
{
    std::string s;
    for (const std::string& i : items)
        s += (s.empty() ? "" : ";") + i;
    return s;
}

}  // namespace

AnnotateResult annotate(const PlanUnits& units, const AnnotateOptions& options)
{
    LayerSource source = options.source;
    source.threads = 1;  // written in reading order by one thread
    const detail::LayerReader reader(source);
    if (detail::outputDriver(options.out, false) != std::string("GPKG"))
        throw DataError(options.out.string(), "the annotated copy is written as a GeoPackage (.gpkg)");
    const Geography& geography = units.geography();
    const PlanQuery& query = units.query();

    // Zones with partial members are located by their drawn shape; the others by their counties.
    std::vector<Unit> zones = units.all(UnitKind::Zone);
    std::vector<const Unit*> direct;
    for (const Unit& z : zones)
        if (z.shape)
            direct.push_back(&z);
    const detail::Overlay overlay(units.countyIndex(), direct, false);
    detail::OverlayWorker worker(overlay);

    std::vector<CountyPlan> plans;
    for (const County& c : geography.counties) {
        CountyPlan p;
        p.code = c.code;
        p.name = c.name;
        p.prefecture = c.prefectureName;
        std::vector<std::string> ids, names;
        for (const HeldClass& held : query.classesOf(c.code)) {
            ids.push_back(held.countyClass->id);
            names.push_back(held.countyClass->name);
        }
        p.classes = joined(ids);
        p.classNames = joined(names);
        ids.clear();
        names.clear();
        for (const ZoneMember* m : query.zonesOf(c.code))
            if (m->extent == "full")
                if (const Zone* z = units.plan().zone(m->zoneId)) {
                    ids.push_back(z->id);
                    names.push_back(z->name);
                }
        p.zones = joined(ids);
        p.zoneNames = joined(names);
        for (const CentralCityMember& m : units.plan().centralCityMembers)
            if (m.code == c.code && m.extent == "full")
                if (const CentralCity* city = units.plan().centralCity(m.cityId)) {
                    p.city = city->id;
                    p.cityName = city->name;
                }
        plans.push_back(std::move(p));
    }

    layers::detail::registerDriver("");
    GDALDatasetUniquePtr in = layers::detail::openVector(source.file.string());
    OGRLayer* inLayer = in->GetLayerByName(reader.layerName().c_str());
    detail::StagedFile staged(options.out, options.force);
    AnnotateResult result;
    {
        detail::GdalErrors errors;
        GDALDatasetUniquePtr ds = staged.create("GPKG");
        OGRSpatialReference cgcs = layers::detail::spatialReference(geo::crs::kCgcs2000);
        const OGRSpatialReference* srs = options.split ? &cgcs : inLayer->GetSpatialRef();
        OGRwkbGeometryType type = inLayer->GetGeomType();
        if (options.split)
            type = reader.geometryClass() == detail::GeometryClass::Polygons ? wkbMultiPolygon
                   : reader.geometryClass() == detail::GeometryClass::Lines  ? wkbMultiLineString
                                                                             : type;
        OGRLayer* out = ds->CreateLayer(reader.layerName().c_str(), const_cast<OGRSpatialReference*>(srs), type, nullptr);
        if (!out)
            throw DataError(options.out.string(), std::string("cannot create the layer: ") + CPLGetLastErrorMsg());
        OGRFeatureDefn* defn = inLayer->GetLayerDefn();
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            if (out->CreateField(defn->GetFieldDefn(i)) != OGRERR_NONE)
                throw DataError(options.out.string(), std::string("cannot create field ") + defn->GetFieldDefn(i)->GetNameRef());
        std::vector<std::string> added{"gz_county_code", "gz_county", "gz_prefecture", "gz_classes", "gz_class_names", "gz_zones", "gz_zone_names",
                                       "gz_central_city", "gz_central_city_name", "gz_method"};
        for (const std::string& name : added) {
            if (defn->GetFieldIndex(name.c_str()) >= 0)
                throw DataError(source.file.string(), "already has a field " + name + " (annotated before?); annotate the original layer");
            OGRFieldDefn d(name.c_str(), OFTString);
            out->CreateField(&d);
        }
        const char* measureField = reader.geometryClass() == detail::GeometryClass::Lines ? "gz_part_length_m" : "gz_part_area_m2";
        if (options.split) {
            OGRFieldDefn d(measureField, OFTReal);
            out->CreateField(&d);
        }
        const std::string method = options.split ? "split at county boundaries (GEOS, Albers equal-area); zones with partial members by their schematic extent"
                                                 : "by inside point (GEOS PointOnSurface); zones with partial members by their schematic extent";
        ds->StartTransaction();
        std::vector<std::size_t> within, intersecting;
        std::vector<detail::OverlayWorker::Piece> pieces;
        auto write = [&](OGRFeature& source, const OGRGeometry* geometry, std::size_t county, const std::vector<std::string>& extraZones,
                         const std::vector<std::string>& extraZoneNames, double measure) {
            OGRFeature f(out->GetLayerDefn());
            f.SetFrom(&source, TRUE);
            f.SetFID(OGRNullFID);
            if (geometry)
                f.SetGeometry(geometry);
            const int base = defn->GetFieldCount();
            if (county != SIZE_MAX) {
                const CountyPlan& p = plans[county];
                std::string zoneIds = p.zones, zoneNames = p.zoneNames;
                for (std::size_t i = 0; i < extraZones.size(); ++i) {
                    zoneIds += (zoneIds.empty() ? "" : ";") + extraZones[i];
                    zoneNames += (zoneNames.empty() ? "" : ";") + extraZoneNames[i];
                }
                const std::string values[] = {p.code, p.name, p.prefecture, p.classes, p.classNames, zoneIds, zoneNames, p.city, p.cityName};
                for (int i = 0; i < 9; ++i)
                    f.SetField(base + i, values[i].c_str());
            }
            f.SetField(base + 9, method.c_str());
            if (options.split)
                f.SetField(base + 10, measure);
            if (out->CreateFeature(&f) != OGRERR_NONE)
                throw DataError(options.out.string(), "cannot write feature " + std::to_string(source.GetFID()) + ": " + CPLGetLastErrorMsg());
            ++result.written;
        };
        reader.run([&](unsigned, OGRFeature& feature, OGRGeometry* lonLat) {
            ++result.features;
            geo::Point inside;
            std::vector<std::string> extra, extraNames;
            if (!worker.locate(lonLat, within, intersecting, inside)) {
                write(feature, nullptr, SIZE_MAX, {}, {}, 0);
                ++result.outside;
                return;
            }
            std::size_t county = SIZE_MAX;
            for (std::size_t slot : within) {
                if (slot < geography.counties.size())
                    county = slot;
                else {
                    const Unit* z = direct[slot - geography.counties.size()];
                    extra.push_back(z->id);
                    extraNames.push_back(z->name);
                }
            }
            if (!options.split) {
                // The original geometry, in the layer's own CRS (the reader handed it over transformed).
                OGRFeatureUniquePtr original(inLayer->GetFeature(feature.GetFID()));
                write(feature, original ? original->GetGeometryRef() : nullptr, county, extra, extraNames, 0);
                if (county == SIZE_MAX)
                    ++result.outside;
                return;
            }
            worker.pieces(lonLat, pieces);
            if (pieces.empty()) {
                write(feature, lonLat, SIZE_MAX, {}, {}, 0);
                ++result.outside;
            }
            for (auto& piece : pieces)
                write(feature, piece.geometry.get(), piece.county, piece.county == county ? extra : std::vector<std::string>{},
                      piece.county == county ? extraNames : std::vector<std::string>{}, piece.measure);
        });
        if (ds->CommitTransaction() != OGRERR_NONE)
            throw DataError(options.out.string(), std::string("cannot be written: ") + CPLGetLastErrorMsg());
        ds.reset();
        errors.check(options.out.string());
    }
    staged.commit();
    return result;
}

}  // namespace layers::analysis
