#!/usr/bin/env bash
# Whole-process export timings, gzplan against GDAL's ogr2ogr on the same data, in one run.
#   tests/bench/export_bench.sh [build-dir] [repeats]
# gzplan starts, loads the GeoPackage and the plan, derives the plan layers and writes; ogr2ogr copies the
# corresponding layers already in the GeoPackage (it has no class columns or sidecars to compute).
set -euo pipefail
BUILD=${1:-build}
N=${2:-9}
GPKG=$BUILD/data/guizhou.gpkg
GZ=$BUILD/app/gzplan
export QT_QPA_PLATFORM=offscreen

ms() {
  local s e
  s=$(date +%s%N)
  "$@" >/dev/null 2>/tmp/export_bench.err || { echo "failed: $*" >&2; cat /tmp/export_bench.err >&2; exit 1; }
  e=$(date +%s%N)
  echo $(((e - s) / 1000000))
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

run() {  # name, gzplan args…, --, ogr2ogr args…
  local name=$1; shift
  local gz=() og=()
  while [ "$1" != "--" ]; do gz+=("$1"); shift; done; shift
  og=("$@")
  local tg to
  tg=$(mktemp); to=$(mktemp)
  for _ in $(seq "$N"); do
    d=$(mktemp -d); mkdir "$d/out"; ms "$GZ" export "${gz[@]/OUT/$d/out}" >> "$tg"; rm -rf "$d"
    d=$(mktemp -d); mkdir "$d/out"; ms ogr2ogr "${og[@]/OUT/$d/out}" >> "$to"; rm -rf "$d"
  done
  local mg mo
  mg=$(median < "$tg"); mo=$(median < "$to")
  printf '%-44s gzplan %6d ms   ogr2ogr %6d ms   ratio %.2f\n' "$name" "$mg" "$mo" "$(echo "$mg / $mo" | bc -l)"
  rm -f "$tg" "$to"
}

echo "median of $N runs, $(nproc) cores"
run "88 counties -> shapefile UTF-8" --layer counties --format shp --out OUT/counties.shp -- \
    -f "ESRI Shapefile" OUT "$GPKG" counties -lco ENCODING=UTF-8
run "88 counties -> shapefile EPSG:4545" --layer counties --format shp --crs EPSG:4545 --out OUT/counties.shp -- \
    -f "ESRI Shapefile" OUT "$GPKG" counties -lco ENCODING=UTF-8 -t_srs EPSG:4545
run "all 8 layers -> shapefiles" --layer all --format shp --out OUT/all -- \
    -f "ESRI Shapefile" OUT "$GPKG" counties prefectures province zones corridors places central_cities plan_targets -lco ENCODING=UTF-8
