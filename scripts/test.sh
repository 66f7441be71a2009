#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test; then runs each
# benchmark once on a small generated database (a smoke run, not a measurement).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh
export QT_QPA_PLATFORM=offscreen
(cd build && ctest --output-on-failure -j 2 --timeout 300)
./scripts/bench.sh --smoke
