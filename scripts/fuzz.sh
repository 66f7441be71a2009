#!/usr/bin/env bash
# Fuzzes what the program reads from files people send it: the CSV and .xlsx
# tracker imports, the JSON backup restore and the date readers (libFuzzer,
# with AddressSanitizer, LeakSanitizer and UndefinedBehaviorSanitizer).
#
#   scripts/fuzz.sh [SECONDS]     each target for SECONDS (default 60)
#
# Builds ./build-fuzz with clang-14 (-DRT_BUILD_FUZZ=ON), runs each target on
# a copy of its seed corpus (tests/fuzz/corpus/<target>, which is not grown),
# prints one line per target and exits non-zero when any target found a
# crash, leak, timeout or out-of-memory, naming the input that reproduces it:
#
#   build-fuzz/tests/fuzz/<target> <reproducer>
set -euo pipefail
seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

"$root/scripts/install-deps.sh"
# libFuzzer and the sanitizer runtimes come with clang's compiler-rt.
missing=()
for p in clang-14 libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  echo "Installing: ${missing[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

build="$root/build-fuzz"
# Debug keeps Q_ASSERT and the project's asserts on; -O1 keeps it quick.
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" \
  -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
  -DRT_BUILD_FUZZ=ON -DRT_BUILD_TESTS=OFF -DRT_BUILD_BENCH=OFF >/dev/null
start=$(date +%s)
cmake --build "$build" -j "${RT_FUZZ_BUILD_JOBS:-2}" --target fuzzers
echo "fuzz build: $(( $(date +%s) - start )) s"

export ASAN_OPTIONS="detect_leaks=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"

targets=(fuzz_csv_tracker fuzz_xlsx_tracker fuzz_json_restore fuzz_dates)
failed=0
summary=()
for t in "${targets[@]}"; do
  run="$build/fuzz-run/$t"
  rm -rf "$run"
  mkdir -p "$run/corpus" "$run/artifacts"
  cp "$root/tests/fuzz/corpus/$t/"* "$run/corpus/"
  log="$run/fuzz.log"
  status=0
  # -timeout: one input taking 30 s is a hang; -rss_limit_mb: one reaching
  # 2 GB is a memory bomb the readers should have refused.
  "$build/tests/fuzz/$t" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=30 \
    -dict="$root/tests/fuzz/$t.dict" -artifact_prefix="$run/artifacts/" -print_final_stats=1 \
    "$run/corpus" >"$log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1 || true)
  corp=$(grep -o 'corp: [0-9]*' "$log" | tail -1 | sed 's/corp: //' || true)
  findings=$(find "$run/artifacts" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' \
    -o -name 'oom-*' \) | sort)
  if [ "$status" -ne 0 ] || [ -n "$findings" ]; then
    failed=1
    result="FAILED (exit $status)"
    for f in $findings; do
      result="$result; reproduce: $build/tests/fuzz/$t $f"
    done
    [ -z "$findings" ] && result="$result; see $log"
    tail -n 60 "$log" >&2
  else
    result="ok"
  fi
  summary+=("$t: ${execs:-0} execs, ${rate:-0} exec/s, ${cov:-cov: ?}, corpus ${corp:-?}, peak RSS ${rss:-?} MB: $result")
done

echo
printf '%s\n' "${summary[@]}"
exit "$failed"
