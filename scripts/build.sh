#!/usr/bin/env bash
# Configures and builds Review Tracker in ./build (Release with debug info).
set -euo pipefail
cd "$(dirname "$0")/.."
"./scripts/install-deps.sh"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
# Two cores: two jobs. More only thrashes.
cmake --build build -j 2
