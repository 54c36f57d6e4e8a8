#!/usr/bin/env bash
# Renders the leadership report for the bundled samples and takes screenshots of
# index.html and one unit page with headless Chromium, to check what a reader sees:
# charts visible, Chinese text rendered, nothing overflowing. Not run in CI.
#
#   Tools/screenshot-report.sh [OUT_DIR]      (default: .build-report)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-.build-report}"
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${need[@]}"
fi
swift build --product piloteval
.build/debug/piloteval report --rubric Rubrics/jgsw-pilot.xml --reviews Samples/2025H1/reviews \
  --out "$out/report" --quiet Samples/2025H1/submissions
unit=$(ls "$out/report/units" | head -1)
for page in index.html "units/$unit"; do
  name=$(basename "$page" .html)
  chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,4000 \
    --screenshot="$out/$name.png" "file://$PWD/$out/report/$page" 2>/dev/null
  echo "wrote $out/$name.png"
done
