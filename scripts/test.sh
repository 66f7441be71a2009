#!/usr/bin/env bash
# Installs what is missing, builds, runs each benchmark once on a small
# generated database (a smoke run, not a measurement), then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh
export QT_QPA_PLATFORM=offscreen
./scripts/bench.sh --smoke
cd build && ctest --output-on-failure -j 2 --timeout 300
