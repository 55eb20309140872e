#!/bin/sh
# The binary cases of the bad-file corpus, generated with GDAL's ogr2ogr from the text cases beside this
# script: tests/app/bad_file_cli_test.cpp runs it into a temporary folder before its cases; by hand:
#   tests/data/bad/make_binary.sh /tmp/bad
# Every file is small (a few KB) and the same on every run.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=$1
mkdir -p "$out"
cd "$out"
src="$here/zero_area.geojson"  # two polygons, land use 耕地 / 林地, EPSG:4326 degrees
ogr() { ogr2ogr -q "$@"; }

# Shapefiles: a whole one, then copies with a part missing, empty or cut short.
ogr -f "ESRI Shapefile" -lco ENCODING=UTF-8 -nln good good.shp "$src"
part() { for ext in "$@"; do cp "good.$ext" "$name.$ext"; done; }
name=no_shx; part shp dbf prj cpg
name=no_dbf; part shp shx prj cpg
name=no_prj; part shp shx dbf cpg
name=truncated; part shx dbf prj cpg; head -c 150 good.shp > truncated.shp
name=empty; part shx dbf prj cpg; : > empty.shp
# GBK text in the .dbf and no .cpg (nor a code page byte in the .dbf header): read as GBK, with a note.
ogr -f "ESRI Shapefile" -lco ENCODING=CP936 -nln gbk_no_cpg gbk_no_cpg.shp "$src"
rm -f gbk_no_cpg.cpg

# GeoPackages: whole, cut short, empty, and bytes that are no format at all.
ogr -f GPKG -nln parcels good.gpkg "$src"
head -c 2048 good.gpkg > truncated.gpkg
: > empty.gpkg
seq 1 3000 | gzip -9 -n > random_bytes.gpkg
# NaN in a layer already in the display CRS of `render --crs EPSG:4545` (no projection would catch it).
ogr -f GPKG -a_srs EPSG:4545 -nln parcels nan_4545.gpkg "$here/nan_4545.geojson"
rm -f good.*
