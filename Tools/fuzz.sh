#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ and runs each for a while.
#
#   Tools/fuzz.sh [DURATION] [TARGET…]
#
# DURATION is in seconds per target (default 60); TARGETs default to all five
# (FuzzRubric FuzzSubmission FuzzReview FuzzScoring FuzzXPath). Environment:
#   FUZZ_JOBS=N      run N targets at the same time (default 1)
#   FUZZ_NO_BUILD=1  skip the build (binaries must already exist)
#   FUZZ_ARGS="…"    extra libFuzzer flags, e.g. "-only_ascii=1" (later flags win)
#
# New corpus entries go to Fuzz/.build/corpus/<target>/ (kept between runs, never
# committed); the seeds in Fuzz/Corpus/<target>/ are only read. Every target uses the
# dictionary Fuzz/xml.dict (element/attribute names from Rubrics/schema/*.xsd). Crash, timeout, OOM
# and leak inputs are copied to
# Tests/PilotEvalXMLTests/Fixtures/fuzz-regressions/<target>-<hash>.xml.
# Exits 1 when any target crashed (or failed to run), 0 otherwise.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FUZZ="$ROOT/Fuzz"
SCRATCH="$FUZZ/.build"
REGRESSIONS="$ROOT/Tests/PilotEvalXMLTests/Fixtures/fuzz-regressions"
ALL_TARGETS=(FuzzRubric FuzzSubmission FuzzReview FuzzScoring FuzzXPath)

DURATION=60
if [[ $# -gt 0 && "$1" =~ ^[0-9]+$ ]]; then DURATION="$1"; shift; fi
TARGETS=("$@")
[[ ${#TARGETS[@]} -eq 0 ]] && TARGETS=("${ALL_TARGETS[@]}")
for target in "${TARGETS[@]}"; do
  [[ " ${ALL_TARGETS[*]} " == *" $target "* ]] || { echo "fuzz.sh: unknown target $target (known: ${ALL_TARGETS[*]})" >&2; exit 2; }
done
JOBS="${FUZZ_JOBS:-1}"
# The Swift runtime backtracer (swift-backtrace) can hang on a crash inside an ASan/libFuzzer
# process; let libFuzzer and ASan report crashes instead.
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"

# `--sanitize fuzzer` makes SwiftPM leave `main` to libFuzzer (without it SwiftPM links every
# executable with `--defsym main=<Module>_main`, and the binary just runs an empty Swift main).
# The Swift driver keeps only the last `-sanitize=` option, so `--sanitize fuzzer --sanitize address`
# would drop coverage instrumentation; the trailing `-Xswiftc -sanitize=fuzzer,address` wins and
# instruments every Swift module (PilotEvalCore, PilotEvalXML, the targets) for coverage and ASan.
if [[ -z "${FUZZ_NO_BUILD:-}" ]]; then
  echo "== building fuzz targets (scratch path $SCRATCH)"
  swift build -c debug --package-path "$FUZZ" --scratch-path "$SCRATCH" \
    --sanitize fuzzer -Xswiftc -sanitize=fuzzer,address 2>&1 | grep -v 'ld.gold: warning: Cannot export local symbol' || true
  [[ ${PIPESTATUS[0]} -eq 0 ]] || { echo "fuzz.sh: build failed" >&2; exit 1; }
fi
BIN="$(swift build -c debug --package-path "$FUZZ" --scratch-path "$SCRATCH" --show-bin-path)"

run_target() {
  local target="$1" run="$SCRATCH/fuzz-runs/$1"
  rm -rf "$run" && mkdir -p "$run/artifacts" "$SCRATCH/corpus/$target"
  local status=0 start=$SECONDS
  # shellcheck disable=SC2086
  "$BIN/$target" -max_total_time="$DURATION" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$run/artifacts/" -dict="$FUZZ/xml.dict" ${FUZZ_ARGS:-} \
    "$SCRATCH/corpus/$target" "$FUZZ/Corpus/$target" >"$run/log" 2>&1 || status=$?
  echo "$status" >"$run/status"
  echo $((SECONDS - start)) >"$run/seconds"
}

running=0
for target in "${TARGETS[@]}"; do
  echo "== fuzzing $target for ${DURATION}s (log: $SCRATCH/fuzz-runs/$target/log)"
  run_target "$target" &
  running=$((running + 1))
  if [[ $running -ge $JOBS ]]; then wait -n || true; running=$((running - 1)); fi
done
wait || true

failed=0
echo "== summary (${DURATION}s per target)"
for target in "${TARGETS[@]}"; do
  run="$SCRATCH/fuzz-runs/$target"
  log="$run/log"
  status="$(cat "$run/status" 2>/dev/null || echo '?')"
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1 || true)"
  rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1 || true)"
  rss="$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1 || true)"
  cov="$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2 || true)"
  ft="$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2 || true)"
  corpus="$(grep -o 'corp: [0-9]*/[0-9a-zA-Z]*' "$log" | tail -1 | cut -d' ' -f2 || true)"
  secs="$(cat "$run/seconds" 2>/dev/null || true)"
  crashes=0
  for artifact in "$run"/artifacts/*; do
    [[ -f "$artifact" ]] || continue
    crashes=$((crashes + 1))
    hash="$(sha1sum "$artifact" | cut -c1-16)"
    mkdir -p "$REGRESSIONS"
    cp "$artifact" "$REGRESSIONS/$target-$hash.xml"
    echo "   $(basename "$artifact" | cut -d- -f1) input saved as ${REGRESSIONS#"$ROOT"/}/$target-$hash.xml"
  done
  if [[ $crashes -gt 0 || "$status" != 0 ]]; then failed=1; fi
  printf '%-15s execs: %s  exec/s: %s  cov: %s  ft: %s  corpus: %s  time: %ss  peak rss: %sMB  crashes: %d  exit: %s\n' \
    "$target" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corpus:-?}" "${secs:-?}" "${rss:-?}" "$crashes" "$status"
  if [[ "$status" != 0 ]]; then
    grep -m1 -E 'ERROR: libFuzzer|ERROR: AddressSanitizer|Fatal error|ERROR: LeakSanitizer' "$log" | sed 's/^/   /' || true
  fi
done
exit "$failed"
