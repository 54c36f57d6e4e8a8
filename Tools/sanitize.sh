#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer and ThreadSanitizer, each in a
# build folder of its own (.build-asan, .build-tsan). The thread run includes the
# parallel batch tests (RoundReader with --jobs 4, rank with several jobs).
#
#   Tools/sanitize.sh [address|thread]...     (default: both)
set -euo pipefail
cd "$(dirname "$0")/.."
kinds=("$@")
[ ${#kinds[@]} -gt 0 ] || kinds=(address thread)
status=0
export LSAN_OPTIONS="suppressions=$PWD/Tools/lsan-suppressions.txt:print_suppressions=0"
for kind in "${kinds[@]}"; do
  case "$kind" in
    address) scratch=.build-asan ;;
    thread) scratch=.build-tsan ;;
    *) echo "usage: Tools/sanitize.sh [address|thread]..." >&2; exit 64 ;;
  esac
  echo "== swift test --sanitize=$kind"
  if swift test --scratch-path "$scratch" --sanitize="$kind" 2>&1 | tee "$scratch.log" | tail -n 3; then
    if grep -qE "ERROR: (AddressSanitizer|LeakSanitizer)|WARNING: ThreadSanitizer" "$scratch.log"; then
      echo "== $kind: sanitizer reports found (see $scratch.log)"
      status=1
    else
      echo "== $kind: clean"
    fi
  else
    echo "== $kind: tests failed (see $scratch.log)"
    status=1
  fi
done
exit $status
