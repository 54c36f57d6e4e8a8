#!/usr/bin/env bash
# Formats the Swift sources in place (default) or lints them (--lint, as CI does).
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(Package.swift)
for dir in Sources Tests Benchmarks; do [ -d "$dir" ] && targets+=("$dir"); done
if [ "${1:-}" = "--lint" ]; then
  exec swift format lint --strict --recursive "${targets[@]}"
fi
exec swift format format --in-place --recursive "${targets[@]}"
