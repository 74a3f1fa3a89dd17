#!/bin/bash
# A/B of the in-process ledger, two builds alternated in the same minutes (docs/BENCHMARKS.md, "Ledger journal on
# the record log"). Each of BASE_DIR and NEW_DIR holds a file `classpath` (the bench jar and its dependencies,
# copied aside after `./mvnw -B -q -o -pl farthing-bench -am package -DskipTests`).
#   farthing-bench/tools/ledger-ab.sh rate BASE_DIR NEW_DIR   # LedgerBench hot in-process + RateBench 20k/s p99
#   farthing-bench/tools/ledger-ab.sh cpu  BASE_DIR NEW_DIR   # the same bench, per-thread CPU over 6 s of it
set -euo pipefail
mode=$1; base=$2; new=$3
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../../.mvn/find-jdk.sh"
J="$JAVA_HOME/bin/java -XX:+UseZGC --enable-native-access=ALL-UNNAMED"
for round in 1 2 3; do
  for dir in "$base" "$new"; do
    cp="$(cat "$dir/classpath")"
    echo "=== $dir round $round $(date -u +%H:%M:%S) load $(cut -d' ' -f1 /proc/loadavg)"
    if [ "$mode" = rate ]; then
      $J -cp "$cp" dev.farthing.bench.LedgerBench --mode in_process_batch --workload hot --duration-s 8 --warmup-s 3 2>&1 | grep -E '"transfers_per_s"'
      $J -cp "$cp" dev.farthing.bench.rate.RateBench --target transfers --via in_process --rate 20000 --duration 8 --warmup 3 --runs 1 2>&1 | grep summary
    else
      out="$(mktemp)"
      $J -cp "$cp" dev.farthing.bench.LedgerBench --mode in_process_batch --workload hot --duration-s 12 --warmup-s 3 > "$out" 2>&1 &
      pid=$!
      sleep 8
      python3 "$here/thread-cpu.py" $pid 6 | grep -E "total|index|apply|journa|recordlog|prefet|ZGC|rocksdb"
      wait $pid
      grep -E '"transfers_per_s"' "$out" | sed 's/.*"transfers_per_s":\([0-9.]*\).*/transfers_per_s \1/'
      rm -f "$out"
    fi
  done
done
