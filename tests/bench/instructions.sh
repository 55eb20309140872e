#!/usr/bin/env bash
# Instructions per iteration of one Google Benchmark, counted by callgrind: independent of load and of the other
# core, so two builds can be compared to a few per cent on this 2-core machine where wall-clock medians of
# millisecond frames vary by 20% from run to run.
#   tests/bench/instructions.sh BENCH_BINARY FILTER [SECONDS]
#   tests/bench/instructions.sh build/tests/render_bench '^redraw/county_classes/'
#   tests/bench/instructions.sh /work/base/build/tests/render_bench '^redraw/county_classes/'   # the baseline
# Two runs (--benchmark_min_time=0, which runs one iteration, and SECONDS, default 12, of real time under valgrind):
# (instructions₂ − instructions₁) / (iterations₂ − iterations₁) cancels the start-up and the first (cache-filling)
# frame. Needs valgrind (apt-get install valgrind).
set -euo pipefail
BENCH=$1
FILTER=$2
SECONDS_LONG=${3:-12}
run() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$BENCH" --benchmark_filter="$FILTER" --benchmark_min_time="$1" 2>&1 |
    python3 -c '
import re, sys
instructions = iterations = None
for line in sys.stdin:
    m = re.search(r"Collected : (\d+)", line)
    if m:
        instructions = int(m.group(1))
    m = re.match(r"^\S+\s+[\d.]+ \w+\s+[\d.]+ \w+\s+(\d+)", line)
    if m:
        iterations = int(m.group(1))
print(instructions, iterations)'
}
read -r i1 n1 < <(run 0)
read -r i2 n2 < <(run "$SECONDS_LONG")
[ "$n2" -gt "$n1" ] || { echo "only $n1 iteration(s) in both runs: give more seconds" >&2; exit 1; }
python3 -c "print('$FILTER: %.2f M instructions per iteration (%d and %d iterations)' % (($i2 - $i1) / ($n2 - $n1) / 1e6, $n1, $n2))"
