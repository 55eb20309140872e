#!/usr/bin/env bash
# Whole-process timings and peak memory for large layers, with GDAL baselines run in the same script.
#   tests/bench/scale_bench.sh [build-dir] [repeats]
# Makes build/data/parcels-{100k,1m}.gpkg with `gzplan make-parcels` when missing (about a minute for 1M).
# Prints medians of the repeats; peak memory is the maximum resident set size (GNU time %M).
set -euo pipefail
BUILD=${1:-build}
N=${2:-5}
GZ=$BUILD/app/gzplan
DATA=$BUILD/data
export QT_QPA_PLATFORM=offscreen
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

[ -f "$DATA/parcels-100k.gpkg" ] || "$GZ" make-parcels --count 100000 --out "$DATA/parcels-100k.gpkg" >/dev/null
[ -f "$DATA/parcels-1m.gpkg" ] || "$GZ" make-parcels --out "$DATA/parcels-1m.gpkg" >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# Runs a command N times; prints "median-ms median-peak-MB".
measure() {
  local t m
  t=$(mktemp); m=$(mktemp)
  for _ in $(seq "$N"); do
    /usr/bin/time -f "%e %M" -o "$OUT/time" "$@" >/dev/null 2>"$OUT/err" || { echo "failed: $*" >&2; cat "$OUT/err" >&2; exit 1; }
    read -r s kb < "$OUT/time"
    echo "$s" | awk '{printf "%d\n", $1 * 1000}' >> "$t"
    echo $((kb / 1024)) >> "$m"
  done
  echo "$(median < "$t") $(median < "$m")"
  rm -f "$t" "$m"
}
row() {  # label, "ms MB" of gzplan, "ms MB" of the baseline, baseline name
  read -r gm gp <<< "$2"; read -r bm bp <<< "$3"
  printf '%-52s gzplan %6d ms %5d MB   %-28s %6d ms %5d MB   ratio %.2f\n' "$1" "$gm" "$gp" "$4" "$bm" "$bp" "$(echo "$gm / $bm" | bc -l)"
}

echo "median of $N runs, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
# The frame itself: GZ_T0, taken before the process starts, against the moment the labelled frame is drawn
# (gzplan render --timing reports it; the PNG is encoded after).
t=$(mktemp)
for _ in $(seq "$N"); do
  GZ_T0=$(date +%s%N) "$GZ" render --force --size 1920x1080 --timing --out "$OUT/f.png" 2>&1 >/dev/null | sed -n 's/.*first frame ready \([0-9.]*\) ms.*/\1/p' >> "$t"
done
printf '%-52s gzplan %6.0f ms (from before exec to the drawn frame)\n' "start, load, first labelled frame (1920x1080)" "$(median < "$t")"
rm -f "$t"
row "start, load, first labelled frame, PNG written" \
    "$(measure "$GZ" render --force --size 1920x1080 --out "$OUT/a.png")" \
    "$(measure ogrinfo -ro -so "$DATA/guizhou.gpkg" counties)" "ogrinfo -so counties"
for set in 100k 1m; do
  f=$DATA/parcels-$set.gpkg
  row "load $set parcels + draw the province (PNG)" \
      "$(measure "$GZ" render --force --add "$f" --plain --no-labels --size 1920x1080 --out "$OUT/b.png")" \
      "$(measure ogr2ogr -f Memory '' "$f")" "ogr2ogr -f Memory (read all)"
done
# What is held: coordinates, offsets, bounds, categories, fids and the R-tree, against GDAL's doubles.
"$GZ" render --force --add "$DATA/parcels-1m.gpkg" --plain --no-labels --size 320x200 --out "$OUT/c.png" 2>&1 >/dev/null | grep added
