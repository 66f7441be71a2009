#!/usr/bin/env bash
# Builds the program and every test with AddressSanitizer (LeakSanitizer on)
# and UndefinedBehaviorSanitizer in ./build-asan, then runs the whole CTest
# suite. Any sanitizer report fails the test that made it: UBSan reports are
# fatal (-fno-sanitize-recover=all and halt_on_error=1), ASan's always are.
#
#   scripts/sanitize.sh [extra ctest arguments, e.g. -R hostile]
#
# RT_SANITIZE_JOBS sets the build's jobs (default 2: it runs alone in CI).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
"$root/scripts/install-deps.sh"

build="$root/build-asan"
# The test executables are run at build time too (gtest_discover_tests), so
# the sanitizer options hold from here on.
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
export LSAN_OPTIONS="suppressions=$root/tests/sanitizer/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export QT_QPA_PLATFORM=offscreen

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DRT_SANITIZE=ON -DRT_BUILD_BENCH=OFF >/dev/null
start=$(date +%s)
cmake --build "$build" -j "${RT_SANITIZE_JOBS:-2}"
built=$(date +%s)
echo "sanitizer build: $(( built - start )) s"

cd "$build"
status=0
# Under ASan the suite runs some 2-5 times slower: a longer per-test limit.
ctest --output-on-failure -j 2 --timeout 900 "$@" || status=$?
echo "sanitizer suite: $(( $(date +%s) - built )) s"
exit "$status"
