#!/usr/bin/env bash
# Whole-process export timings, gzplan against GDAL's ogr2ogr on the same data, in one run.
#   tests/bench/export_bench.sh [build-dir] [repeats]
#   PARCELS=/work/parcels-1m.gpkg tests/bench/export_bench.sh build 3   # also a large user layer (--source)
# gzplan starts, loads the GeoPackage and the plan, derives the plan layers and writes; ogr2ogr copies the
# corresponding layers already in the GeoPackage (it has no class columns or sidecars to compute).
set -euo pipefail
BUILD=${1:-build}
N=${2:-9}
GPKG=$BUILD/data/guizhou.gpkg
GZ=$BUILD/app/gzplan
export QT_QPA_PLATFORM=offscreen
export GZPLAN_DATA=$GPKG  # gzplan reads the GeoPackage ogr2ogr copies (also for a binary copied from another build)

ms() {
  local s e
  s=$(date +%s%N)
  "$@" >/dev/null 2>/tmp/export_bench.err || { echo "failed: $*" >&2; cat /tmp/export_bench.err >&2; exit 1; }
  e=$(date +%s%N)
  echo $(((e - s) / 1000000))
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

run() {  # name, gzplan export args…, --, ogr2ogr args… (OUT is replaced by an empty folder)
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

echo "median of $N runs, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
run "88 counties -> shapefile UTF-8" --layer counties --format shp --out OUT/counties.shp -- \
    -f "ESRI Shapefile" OUT "$GPKG" counties -lco ENCODING=UTF-8
run "88 counties -> shapefile EPSG:4545" --layer counties --format shp --crs EPSG:4545 --out OUT/counties.shp -- \
    -f "ESRI Shapefile" OUT "$GPKG" counties -lco ENCODING=UTF-8 -t_srs EPSG:4545
run "all 8 layers -> shapefiles" --layer all --format shp --out OUT/all -- \
    -f "ESRI Shapefile" OUT "$GPKG" counties prefectures province zones corridors places central_cities plan_targets -lco ENCODING=UTF-8

# A large user layer (any GDAL vector file, e.g. 1M parcels): gzplan export --source streams it through a reader
# thread; ogr2ogr copies it single-threaded. Plus what GDAL alone needs to read every feature.
if [ -n "${PARCELS:-}" ]; then
  [ -f "$PARCELS" ] || { echo "no such file: $PARCELS" >&2; exit 1; }
  echo "$PARCELS: $(ogrinfo -so -al "$PARCELS" | grep -m1 'Feature Count')"
  run "$(basename "$PARCELS") -> shapefile UTF-8" --source "$PARCELS" --format shp --out OUT/parcels.shp -- \
      -f "ESRI Shapefile" OUT "$PARCELS" -lco ENCODING=UTF-8
  run "$(basename "$PARCELS") -> GeoPackage" --source "$PARCELS" --format gpkg --out OUT/parcels.gpkg -- \
      -f GPKG OUT/parcels.gpkg "$PARCELS"
  t=$(mktemp)
  for _ in $(seq "$N"); do ms ogrinfo -so -al "$PARCELS" >> "$t"; done
  printf '%-44s %6d ms\n' "ogrinfo -so -al (open, no feature read)" "$(median < "$t")"
  : > "$t"
  for _ in $(seq "$N"); do ms ogrinfo -q -al -fields=NO -geom=SUMMARY "$PARCELS" >> "$t"; done
  printf '%-44s %6d ms\n' "ogrinfo -al -geom=SUMMARY (read every feature)" "$(median < "$t")"
  rm -f "$t"
  d=$(mktemp -d)
  s=$(date +%s%N); dd if=/dev/zero of="$d/zero" bs=1M count=512 conv=fdatasync status=none; e=$(date +%s%N)
  printf '%-44s %6d MB/s\n' "disk write, 512 MB with fdatasync" "$((512 * 1000000000 / (e - s)))"
  rm -rf "$d"
fi
