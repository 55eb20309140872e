#include "ogr_convert.h"

#include <gdal_priv.h>

#include "layers/errors.h"

namespace layers::detail {

namespace {
geo::Ring toRing(const OGRLinearRing* ring)
{
    geo::Ring out(static_cast<std::size_t>(ring->getNumPoints()));
    for (int i = 0; i < ring->getNumPoints(); ++i)
        out[static_cast<std::size_t>(i)] = {ring->getX(i), ring->getY(i)};
    return out;
}

void collect(const OGRGeometry* g, geo::MultiPolygon& out)
{
    if (!g)
        return;
    switch (wkbFlatten(g->getGeometryType())) {
    case wkbPolygon: {
        const auto* polygon = g->toPolygon();
        if (polygon->IsEmpty())
            return;
        geo::Polygon p;
        p.outer = toRing(polygon->getExteriorRing());
        for (int i = 0; i < polygon->getNumInteriorRings(); ++i)
            p.holes.push_back(toRing(polygon->getInteriorRing(i)));
        out.push_back(std::move(p));
        break;
    }
    case wkbMultiPolygon:
    case wkbGeometryCollection:
        for (const OGRGeometry* part : *g->toGeometryCollection())
            collect(part, out);
        break;
    default:
        break;
    }
}

OGRLinearRing toOgrRing(const geo::Ring& ring)
{
    OGRLinearRing r;
    r.setNumPoints(static_cast<int>(ring.size()), false);
    for (std::size_t i = 0; i < ring.size(); ++i)
        r.setPoint(static_cast<int>(i), ring[i].x, ring[i].y);
    return r;
}
}  // namespace

geo::MultiPolygon toMultiPolygon(const OGRGeometry* geometry)
{
    geo::MultiPolygon out;
    collect(geometry, out);
    return out;
}

OGRMultiPolygon toOgr(const geo::MultiPolygon& shape)
{
    OGRMultiPolygon multi;
    for (const geo::Polygon& p : shape) {
        OGRPolygon polygon;
        polygon.addRingDirectly(new OGRLinearRing(toOgrRing(p.outer)));
        for (const geo::Ring& hole : p.holes)
            polygon.addRingDirectly(new OGRLinearRing(toOgrRing(hole)));
        multi.addGeometry(&polygon);
    }
    return multi;
}

OGRSpatialReference spatialReference(const std::string& crs)
{
    OGRSpatialReference srs;
    if (srs.SetFromUserInput(crs.c_str()) != OGRERR_NONE)
        throw DataError(crs, "not a coordinate reference system GDAL knows");
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

GDALDatasetUniquePtr openVector(const std::string& path)
{
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds)
        throw DataError(path, std::string("cannot open as a vector dataset: ") + CPLGetLastErrorMsg());
    return ds;
}

}  // namespace layers::detail
