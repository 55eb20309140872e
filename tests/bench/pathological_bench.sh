#!/usr/bin/env bash
# Pathological single features, gzplan against GDAL's own tools on the same file and format, in one run.
#   tests/bench/pathological_bench.sh [build-dir] [repeats]
# The files (tests/bench/pathological_data.py, made once into <build-dir>/patho): a 1M-vertex ring, a
# 100k-part multipolygon, a 9.99 MB text value, 1,998 fields, a 2 MB CSV whose WKT is a 100k-vertex line.
#   export shp / gpkg: gzplan export --source F --format … against ogr2ogr to the same format.
#   render: gzplan render --add F --out x.png against ogr2ogr -f Memory -t_srs <the display CRS>: reading every
#     feature, reprojecting every vertex and holding the layer in memory is what a load does; gzplan also starts,
#     loads the province map, builds an R-tree, draws and writes a PNG: "render alone" (no --add) is printed so
#     that the layer's own cost (gzplan − render alone) can be read too.
# Medians of N runs; an ogr2ogr run over 20 s is not repeated (its first time is taken, marked *).
# Then one more gzplan run gets SIGTERM half-way through (its median): exit code, ms from the signal to the
# end of the process, and what it left in its output folder (0 expected).
# Time per vertex (geometry cases) or per byte of the file (text and fields cases).
set -euo pipefail
BUILD=${1:-build}
N=${2:-5}
GZ=$BUILD/app/gzplan
DATA=$BUILD/patho
ALBERS="+proj=aea +lat_0=0 +lon_0=105 +lat_1=25 +lat_2=47 +ellps=GRS80 +units=m +no_defs"
export QT_QPA_PLATFORM=offscreen
export GZPLAN_DATA=$BUILD/data/guizhou.gpkg
HERE=$(cd "$(dirname "$0")" && pwd)

if [ ! -f "$DATA/wkt100k.csv" ]; then
  mkdir -p "$DATA"
  python3 "$HERE/pathological_data.py" "$DATA" > "$DATA/sizes.txt"
fi
[ -f "$DATA/sizes.txt" ] || python3 "$HERE/pathological_data.py" "$DATA" > "$DATA/sizes.txt"

ms() {  # wall ms of a command; its failure ends the benchmark
  local s e
  s=$(date +%s%N)
  "$@" >/dev/null 2>/tmp/patho_bench.err || { echo "failed: $*" >&2; head -c 2000 /tmp/patho_bench.err >&2; exit 1; }
  e=$(date +%s%N)
  echo $(((e - s) / 1000000))
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

timed() {  # file for the times, repeats, command with OUT (replaced by a fresh empty folder)…
  local out=$1 n=$2; shift 2
  local d t
  : > "$out"
  for i in $(seq "$n"); do
    d=$(mktemp -d "$BUILD/patho/run.XXXX")
    t=$(ms "${@//OUT/$d}")
    rm -rf "$d"
    echo "$t" >> "$out"
    if [ "$t" -gt 20000 ] && [ "$i" = 1 ]; then echo slow >> "$out.slow"; break; fi
  done
}

row() {  # case, operation, units, unit name, gzplan command…, --, baseline command…
  local name=$1 op=$2 units=$3 unit=$4; shift 4
  local gz=() og=()
  while [ "$1" != "--" ]; do gz+=("$1"); shift; done; shift
  og=("$@")
  local tg to mg mo load star=""
  tg=$(mktemp); to=$(mktemp)
  load=$(cut -d' ' -f1 /proc/loadavg)
  timed "$tg" "$N" "${gz[@]}"
  timed "$to" "$N" "${og[@]}"
  [ -f "$to.slow" ] && star="*"
  mg=$(median < "$tg"); mo=$(median < "$to")
  printf '%-20s %-7s %9d ms %9d ms%-1s %6.2f %10.1f %-5s %5s  %s\n' "$name" "$op" "$mg" "$mo" "$star" "$(echo "$mg / $mo" | bc -l)" \
    "$(echo "$mg * 1000000 / $units" | bc -l)" "ns/$unit" "$load" "$(cancel_at $((mg / 2)) "${gz[@]}")"
  rm -f "$tg" "$to" "$tg.slow" "$to.slow"
}

cancel_at() {  # ms, gzplan command with OUT: SIGTERM at ms; prints "cancel: exit E after L ms, left: N files"
  local at=$1; shift
  local d pid s e rc left
  d=$(mktemp -d "$BUILD/patho/cancel.XXXX")
  "${@//OUT/$d}" >/dev/null 2>&1 &
  pid=$!
  sleep "$(echo "$at / 1000" | bc -l)"
  s=$(date +%s%N)
  kill -TERM "$pid" 2>/dev/null || true
  rc=0; wait "$pid" || rc=$?
  e=$(date +%s%N)
  left=$(find "$d" -mindepth 1 | wc -l)
  rm -rf "$d"
  echo "SIGTERM at ${at} ms: exit $rc after $(((e - s) / 1000000)) ms, $left left"
}

echo "median of $N runs, $(nproc) cores, load average at start $(cut -d' ' -f1-3 /proc/loadavg); $(ogr2ogr --version)"
t=$(mktemp)
timed "$t" "$N" "$GZ" render --out OUT/x.png
echo "render alone (no --add): $(median < "$t") ms"
rm -f "$t"
printf '%-20s %-7s %12s %12s %7s %10s %-5s %5s  %s\n' case op gzplan baseline ratio per-unit "" load1 cancel
while read -r file vertices bytes; do
  F=$DATA/$file
  case $file in
    text*|fields*) units=$bytes; unit=byte ;;
    *) units=$vertices; unit=vtx ;;
  esac
  row "$file" shp "$units" "$unit" "$GZ" export --source "$F" --format shp --out OUT/x.shp -- \
      ogr2ogr -f "ESRI Shapefile" OUT/x.shp "$F" -lco ENCODING=UTF-8
  row "$file" gpkg "$units" "$unit" "$GZ" export --source "$F" --format gpkg --out OUT/x.gpkg -- \
      ogr2ogr -f GPKG OUT/x.gpkg "$F"
  srs=()
  case $file in *.csv) srs=(-s_srs EPSG:4490) ;; esac  # a CSV has no CRS: gzplan reads degrees as CGCS2000
  row "$file" render "$units" "$unit" "$GZ" render --add "$F" --out OUT/x.png --force -- \
      ogr2ogr -f Memory OUT/mem "$F" "${srs[@]}" -t_srs "$ALBERS"
done < "$DATA/sizes.txt"
echo "load average at end $(cut -d' ' -f1-3 /proc/loadavg)"
