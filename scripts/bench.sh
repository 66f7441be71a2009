#!/usr/bin/env bash
# Runs the Google Benchmark programs against a generated database.
#   scripts/bench.sh            national scale: 10,000 reviews (made once, ~1 GB, kept in build/bench-data)
#   scripts/bench.sh --smoke    each benchmark once on 50 reviews, for CI
#   RT_BENCH_REVIEWS=N scripts/bench.sh   another size
set -euo pipefail
cd "$(dirname "$0")/.."
reviews=${RT_BENCH_REVIEWS:-10000}
extra=()
if [ "${1:-}" = "--smoke" ]; then
  reviews=50
  extra=(--benchmark_min_time=0.001)
  export RT_BENCH_SMOKE=1
fi
mkdir -p build/bench-data
db="build/bench-data/national-$reviews.rtdb"
if [ ! -f "$db" ]; then
  ./build/review-tracker generate --db "$db" --reviews "$reviews" --seed 1
fi
export QT_QPA_PLATFORM=offscreen
for b in build/bench/bench_*; do
  [ -f "$b" ] && [ -x "$b" ] || continue
  echo "== $(basename "$b") on $reviews reviews"
  RT_BENCH_DB="$db" "$b" "${extra[@]}"
done
