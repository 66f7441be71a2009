#!/usr/bin/env bash
# Installs what is missing, builds, runs each benchmark once on a small
# generated database (a smoke run, not a measurement), then runs every test.
#
#   scripts/test.sh          the suite (what a developer runs often)
#   scripts/test.sh --all    also the whole suite again under AddressSanitizer
#                            and UndefinedBehaviorSanitizer, and each fuzzer
#                            for 60 s (what CI runs; about half an hour)
set -euo pipefail
cd "$(dirname "$0")/.."
all=false
[ "${1:-}" = "--all" ] && all=true
./scripts/build.sh
export QT_QPA_PLATFORM=offscreen
./scripts/bench.sh --smoke
(cd build && ctest --output-on-failure -j 2 --timeout 600)
if $all; then
  ./scripts/sanitize.sh
  ./scripts/fuzz.sh "${RT_FUZZ_SECONDS:-60}"
fi
