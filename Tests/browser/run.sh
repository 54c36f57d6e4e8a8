#!/usr/bin/env bash
# Builds the report of the sample round 2026H1 with its history (the three sample rounds recorded with
# `record`) and checks it in headless Chromium: Tests/browser/check_report.py. Needs a debug build.
#
#   Tests/browser/run.sh [--shots DIR]     (--shots also writes the desktop, phone and printed screenshots)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=.build/debug/piloteval
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for round in 2025H1 2025H2 2026H1; do
  pairings=()
  [ -f "Samples/$round/pairings.csv" ] && pairings=(--pairings "Samples/$round/pairings.csv")
  "$bin" record --quiet --db "$work/history.sqlite" --rubric Rubrics/jgsw-pilot.xml \
    --reviews "Samples/$round/reviews" "${pairings[@]}" "Samples/$round/submissions"
done
"$bin" report --quiet --rubric Rubrics/jgsw-pilot.xml --reviews Samples/2026H1/reviews \
  --db "$work/history.sqlite" --out "$work/report" Samples/2026H1/submissions
python3 Tests/browser/check_report.py "$work/report" --chromium "$(command -v chromium)" \
  --driver "$(command -v chromedriver)" "$@"
