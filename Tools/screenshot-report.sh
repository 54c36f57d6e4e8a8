#!/usr/bin/env bash
# Refreshes the screenshots of the sample report in docs/screenshots/: the first screen on a desk
# (1400 px wide) and on a phone (420 px), and the first printed A4 page. They come from the browser
# checks (Tests/browser/run.sh), which build the sample round 2026H1 with its history.
#
#   Tools/screenshot-report.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
swift build --product piloteval
Tests/browser/run.sh --shots docs/screenshots
