# Shared by the whole-process benchmark scripts (sourced): the median of N runs of a command, in ms.
# Needs OUT (a scratch folder) and N (repeats; REPEAT overrides it for one call).

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# Runs a command N times (or $REPEAT); prints the median wall time in ms. A failing run stops the script, naming it.
measure() {
  local t; t=$(mktemp)
  for _ in $(seq "${REPEAT:-$N}"); do
    /usr/bin/time -f "%e" -o "$OUT/time" "$@" >/dev/null 2>"$OUT/err" || { echo "failed: $*" >&2; cat "$OUT/err" >&2; exit 1; }
    awk '{printf "%d\n", $1 * 1000}' "$OUT/time" >> "$t"
  done
  median < "$t"; rm -f "$t"
}
