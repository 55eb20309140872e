#include "io/gdal_drivers.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace layers::detail {

void registerDriver(const std::string& gdalName)
{
    if (GetGDALDriverManager()->GetDriverByName(gdalName.c_str()))
        return;
    if (gdalName == "ESRI Shapefile")
        RegisterOGRShape();
    else if (gdalName == "GPKG")
        RegisterOGRGeoPackage();
    else if (gdalName == "GeoJSON")
        RegisterOGRGeoJSON();
    else if (gdalName == "LIBKML")
        RegisterOGRLIBKML();
    else if (gdalName == "CSV")
        RegisterOGRCSV();
    else if (gdalName == "DXF")
        RegisterOGRDXF();
    if (!GetGDALDriverManager()->GetDriverByName(gdalName.c_str()))
        GDALAllRegister();
}

}  // namespace layers::detail
