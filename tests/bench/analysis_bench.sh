#!/usr/bin/env bash
# gzplan stats and select against their anchors, whole process, in one run (issue 14's speed table):
#   tests/bench/analysis_bench.sh [build-dir] [repeats] [--no-qgis]
# Anchors: QGIS 3.22 (Debian python3-qgis) native:intersection + ellipsoidal area sums (tests/bench/qgis_intersection.py,
# run once: ~100 s), ogr2ogr -where into a Memory dataset, ogr2ogr -dialect SQLite with ST_Buffer/ST_Intersects.
# Floors: reading every feature through GDAL (ogr2ogr of all features into Memory).
# Makes build/data/parcels-{100k,1m}.gpkg with gzplan make-parcels when missing. Prints medians of the repeats.
set -euo pipefail
BUILD=${1:-build}
N=${2:-3}
QGIS=${3:-}
GZ=$BUILD/app/gzplan
DATA=$BUILD/data
GPKG=$DATA/guizhou.gpkg
P100K=$DATA/parcels-100k.gpkg
P1M=$DATA/parcels-1m.gpkg
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
[ -f "$P100K" ] || "$GZ" make-parcels --count 100000 --out "$P100K" --quiet
[ -f "$P1M" ] || "$GZ" make-parcels --out "$P1M" --quiet

# shellcheck source=tests/bench/bench_lib.sh
source "$(dirname "$0")/bench_lib.sh"
row() { printf '%-64s %8d ms   %-34s %8s ms   ratio %s\n' "$1" "$2" "$3" "$4" "$( [ "$4" = "-" ] && echo - || echo "scale=3; $2 / $4" | bc -l)"; }

echo "median of $N runs, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg); parcels: $(ogrinfo -so "$P100K" parcels | sed -n 's/Feature Count: //p') and $(ogrinfo -so "$P1M" parcels | sed -n 's/Feature Count: //p')"

# 1. Area by county and land use, exact, 100k parcels.
g=$(measure "$GZ" stats --layer "$P100K" --by county --group-field landuse --measure area --json)
if [ "$QGIS" != "--no-qgis" ] && /usr/bin/python3 -c "import qgis.core" 2>/dev/null; then
  start=$(date +%s%N)   # once: it takes minutes
  qgis_answer=$(/usr/bin/python3 "$(dirname "$0")/qgis_intersection.py" "$P100K" "$GPKG" 2>/dev/null | tail -1)
  q=$(( ($(date +%s%N) - start) / 1000000 ))
else
  q=-
fi
row "stats 100k by county × landuse, area (exact)" "$g" "QGIS 3.22 intersection + sums" "$q"
gg=$(GZPLAN_READER=gdal measure "$GZ" stats --layer "$P100K" --by county --group-field landuse --measure area --json)
row "  the same through GDAL's feature reader (GZPLAN_READER=gdal)" "$gg" "gzplan, fast GeoPackage reader" "$g"
h=$(measure "$GZ" stats --help)
row "  floor: the process starting (gzplan stats --help)" "$h" "-" "-"
echo "  answers: gzplan $("$GZ" stats --layer "$P100K" --by county --measure area | grep -E '^\((layer|outside)\)' | awk '{print $1, $(NF-1), "m²"}' | tr '\n' ' '); QGIS ${qgis_answer:-not run} (its native:intersection counts the counties' overlapping slivers twice)"

# 2. Area by county, class and zone, exact, 1M parcels: one process for the three (--by county,class,zone), and
#    county alone.
a3=$(measure "$GZ" stats --layer "$P1M" --by county,class,zone --group-field landuse --measure area --json)
c=$(measure "$GZ" stats --layer "$P1M" --by county --group-field landuse --measure area --json)
row "stats 1M --by county,class,zone (one reading)" "$a3" "QGIS (issue: ~10x row 1, not run)" "-"
row "stats 1M --by county alone" "$c" "QGIS (issue: ~10x row 1, not run)" "-"

# 3. Select by expression over 1M.
W="landuse = '林地' AND area_m2 > 10000"
s=$(measure "$GZ" select --layer "$P1M" --where "$W" --count-only)
so=$(measure sh -c "rm -f '$OUT/sel.gpkg'; '$GZ' select --layer '$P1M' --where \"$W\" --out '$OUT/sel.gpkg'")
o=$(measure ogr2ogr -f Memory /vsimem/x "$P1M" parcels -where "$W")
row "select --where over 1M, --count" "$s" "ogr2ogr -where to Memory" "$o"
og=$(measure sh -c "rm -f '$OUT/og.gpkg'; ogr2ogr -f GPKG '$OUT/og.gpkg' '$P1M' parcels -where \"$W\"")
row "select --where over 1M, --out GeoPackage" "$so" "ogr2ogr -where to a GeoPackage" "$og"

# 4. Within 10 km of the Shanghai–Kunming belt, 1M.
n=$(measure "$GZ" select --layer "$P1M" --near belt_shanghai_kunming:10km --count-only)
cp "$P1M" "$OUT/p1m.gpkg"
ogr2ogr -update -append "$OUT/p1m.gpkg" "$GPKG" corridors -where "corridor_id = 'belt_shanghai_kunming'" -nln belt
# The buffer in the CGCS2000 3° Gauss–Krüger zone 35 (EPSG:4545, central meridian 105°E), metres; counted by SQLite.
SQL="SELECT COUNT(*) AS n FROM parcels p, (SELECT ST_Transform(ST_Buffer(ST_Transform(geom, 4545), 10000), 4490) AS b FROM belt) AS buf WHERE ST_Intersects(p.geom, buf.b)"
# It runs for more than 15 minutes (no spatial index is used for a computed buffer): stopped after SQLITE_LIMIT seconds
# (default 300), when the ratio is a bound (gzplan / the limit).
LIMIT=${SQLITE_LIMIT:-300}
start=$(date +%s%N)
answer=$(timeout "$LIMIT" ogrinfo -q "$OUT/p1m.gpkg" -dialect SQLite -sql "$SQL" | sed -n 's/.*n (Integer) = //p') || true
a=$(( ($(date +%s%N) - start) / 1000000 ))
if [ -z "$answer" ]; then
  answer="(stopped after $LIMIT s)"
  row "select --near belt_shanghai_kunming:10km over 1M, --count" "$n" "SQLite ST_Buffer/Intersects: > $LIMIT s" "$a"
  echo "  the anchor was stopped: the ratio is an upper bound"
else
  row "select --near belt_shanghai_kunming:10km over 1M, --count" "$n" "ogrinfo SQLite ST_Buffer/Intersects" "$a"
fi

# Floors: every feature read through GDAL, and gzplan reading every feature (no condition).
f=$(measure ogr2ogr -f Memory /vsimem/z "$P1M" parcels)
r=$(measure "$GZ" select --layer "$P1M" --count-only)
row "floor: gzplan select --count-only, no condition (read every feature)" "$r" "ogr2ogr all features to Memory" "$f"
echo "answers: $("$GZ" select --layer "$P1M" --where "$W" --count-only) by expression; near the belt gzplan $("$GZ" select --layer "$P1M" --near belt_shanghai_kunming:10km --count-only), SQLite $answer (its buffer is in the GK zone, gzplan's in Albers)"
