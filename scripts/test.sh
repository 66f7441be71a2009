#!/usr/bin/env bash
# Installs what is missing, builds, runs each benchmark once on a small
# generated database (a smoke run, not a measurement), then runs every test.
#
#   scripts/test.sh          the suite (what a developer runs often)
#   scripts/test.sh --all    also the whole suite again under AddressSanitizer
#                            and UndefinedBehaviorSanitizer, and each fuzzer
#                            for 60 s (what CI runs; about half an hour)
#
# A throwaway PostgreSQL 15 runs for the suite (scripts/pg-server.sh), so
# the server tests run against a real server; they fail, not skip, here.
set -euo pipefail
cd "$(dirname "$0")/.."
all=false
[ "${1:-}" = "--all" ] && all=true
./scripts/build.sh
export QT_QPA_PLATFORM=offscreen
./scripts/bench.sh --smoke
eval "$(./scripts/pg-server.sh start)"
trap './scripts/pg-server.sh stop "$RT_PG_DIR"' EXIT
export RT_REQUIRE_POSTGRES=1
(cd build && ctest --output-on-failure -j 2 --timeout 600)
if $all; then
  ./scripts/sanitize.sh
  ./scripts/fuzz.sh "${RT_FUZZ_SECONDS:-60}"
fi
