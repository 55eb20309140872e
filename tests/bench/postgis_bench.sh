#!/usr/bin/env bash
# The PostGIS store against the GeoPackage and a big PostGIS layer against QGIS, in one run (issue 15's speed table):
#   GZ_TEST_PG="host=… port=… user=… dbname=…" tests/bench/postgis_bench.sh [build-dir] [repeats] [schema.table] [--no-qgis]
# Needs a PostgreSQL + PostGIS server (GZ_TEST_PG, a libpq connection string; the user may create schemas) holding the
# big table (default public.parcels_10m, with its overviews: gzplan db overview). To make it:
#   gzplan make-parcels --count 10000000 --out parcels-10m.gpkg
#   ogr2ogr -f PostgreSQL PG:"$GZ_TEST_PG" parcels-10m.gpkg parcels -nln public.parcels_10m -lco GEOMETRY_NAME=geom \
#     -lco FID=fid -lco SPATIAL_INDEX=GIST -gt 200000
#   gzplan db overview --data PG:"$GZ_TEST_PG" --layer public.parcels_10m
# Rows: gzplan county|class|targets --json from each backend (medians, whole process); gzplan render with the big
# layer at the province's extent and at 1:50,000 in three places (wall time, the frame's drawing, the reads from the
# server, peak memory); QGIS 3.22 drawing the same table at the same extents (python3-qgis, tests/bench/qgis_pg_render.py).
set -euo pipefail
BUILD=${1:-build}
N=${2:-5}
TABLE=${3:-public.parcels_10m}
QGIS=${4:-}
GZ=$BUILD/app/gzplan
: "${GZ_TEST_PG:?give GZ_TEST_PG, a libpq connection string of a PostGIS database}"
PG="PG:$GZ_TEST_PG"
SCHEMA=bench_plan_$$
OUT=$(mktemp -d)
cleanup() { psql -X -q "$GZ_TEST_PG" -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1 || true; rm -rf "$OUT"; }
trap cleanup EXIT
# shellcheck source=tests/bench/bench_lib.sh
source "$(dirname "$0")/bench_lib.sh"
echo "median of $N runs, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg); server: $(psql -X -At "$GZ_TEST_PG" -c 'SELECT version()' | cut -d' ' -f1-2), PostGIS $(psql -X -At "$GZ_TEST_PG" -c 'SELECT postgis_lib_version()')"
/usr/bin/time -f "%e" -o "$OUT/init" "$GZ" db init --to "$PG" --schema "$SCHEMA" >/dev/null
echo "gzplan db init (the build's GeoPackage into a schema): $(awk '{printf "%d", $1 * 1000}' "$OUT/init") ms"
printf '%-44s %10s %10s %8s\n' "command" "GeoPackage" "PostGIS" "ratio"
for cmd in "county 盘州 --json" "class satellite --json" "targets --json" "zones --json"; do
  # shellcheck disable=SC2086
  g=$(measure "$GZ" $cmd)
  # shellcheck disable=SC2086
  p=$(measure "$GZ" $cmd --data "$PG" --schema "$SCHEMA")
  printf '%-44s %7d ms %7d ms %8s\n' "gzplan $cmd" "$g" "$p" "$(echo "scale=2; $p / $g" | bc -l)"
done

echo "big layer $TABLE: $(psql -X -At "$GZ_TEST_PG" -c "SELECT reltuples::bigint FROM pg_class WHERE oid = '$TABLE'::regclass") rows (estimate)"
PROVINCE=103.5,24.5,109.6,29.3
PLACES=(106.62,26.52,106.82,26.645 104.78,26.53,104.98,26.655 107.93,26.53,108.13,26.655)  # 贵阳, 六盘水, 凯里: ~20 x 13 km
render() {
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$OUT/rt" "$GZ" render --out "$OUT/m.png" --force --timing --size 1600x1000 --add "$PG tables=$TABLE" "$@" 2>"$OUT/re" >/dev/null
  local wall rss drew reads
  wall=$(awk '{printf "%d", $1 * 1000}' "$OUT/rt"); rss=$(awk '{printf "%d", $2 / 1024}' "$OUT/rt")
  drew=$(sed -n 's/.*drew the map in \([0-9.]*\) ms.*/\1/p' "$OUT/re")
  reads=$(sed -n 's/.*: \([0-9]* reads.*\)/\1/p' "$OUT/re")
  printf '  %-30s wall %6d ms, frame drawn in %7s ms, peak %4d MB; %s\n' "$label" "$wall" "$drew" "$rss" "$reads"
}
echo "gzplan render --add '$PG tables=$TABLE' (1600x1000):"
render "province (overview)"
render "province again" 
for e in "${PLACES[@]}"; do render "1:50,000 at $e" --extent "$e"; done
echo "the same views read through GDAL's PostgreSQL driver (GZPLAN_PG_VIEW_READER=gdal: the reader before libpq's binary rows):"
for e in "${PLACES[@]}"; do GZPLAN_PG_VIEW_READER=gdal render "1:50,000 at $e (GDAL)" --extent "$e"; done
if [ "$QGIS" != "--no-qgis" ] && /usr/bin/python3 -c "import qgis.core" 2>/dev/null; then
  echo "QGIS 3.22 (postgres provider, QgsMapRendererSequentialJob, 1600x1000, single symbol):"
  /usr/bin/time -f "%e %M" -o "$OUT/qt" /usr/bin/python3 "$(dirname "$0")/qgis_pg_render.py" "$GZ_TEST_PG" "$TABLE" "$OUT/q.png" "$PROVINCE" "${PLACES[@]}" 2>/dev/null \
    | sed 's/^/  /'
  echo "  whole process $(awk '{printf "%d ms, peak %d MB", $1 * 1000, $2 / 1024}' "$OUT/qt")"
fi
