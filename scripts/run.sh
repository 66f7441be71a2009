#!/usr/bin/env bash
# Installs what is missing, builds, and starts Review Tracker.
# Any arguments go to the program, e.g. scripts/run.sh --db my.rtdb
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh
exec ./build/review-tracker "$@"
