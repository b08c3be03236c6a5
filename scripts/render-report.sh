#!/usr/bin/env bash
# Renders a results file's HTML report to a PNG, to look at the charts without a browser.
#
#   scripts/render-report.sh RESULTS.sqlite [OUT.png] [HEIGHT]
#
# Writes OUT.png (default: RESULTS.png beside the file) and the page itself as
# OUT.html, 1400 pixels wide and HEIGHT tall (default 4000; the page is cut there).
# Needs headless Chromium (Debian/Ubuntu: apt-get install -y chromium) and builds routesim.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 1 ]; then
    echo "usage: $0 RESULTS.sqlite [OUT.png] [HEIGHT]" >&2
    exit 2
fi
results=$1
png=${2:-${results%.sqlite}.png}
height=${3:-4000}
html=${png%.png}.html

browser=""
for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null; then browser=$candidate; break; fi
done
if [ -z "$browser" ]; then
    echo "$0: no headless Chromium found; install it (apt-get install -y chromium)" >&2
    exit 1
fi

swift run --quiet routesim report "$results" --html "$html" >/dev/null
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --window-size=1400,"$height" --screenshot="$(realpath -m "$png")" "file://$(realpath "$html")" 2>/dev/null
echo "$png"
