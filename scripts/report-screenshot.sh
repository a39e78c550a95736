#!/bin/sh
# Renders the HTML data map of Corpus/ in headless Chromium to docs/report.png and checks
# that it rendered: Chromium's exit code, a non-empty PNG, no console error, no blocked load.
# Usage: scripts/report-screenshot.sh [TRAWL_BINARY] [OUTPUT_PNG]   (needs Debian's chromium)
set -eu
TRAWL=${1:-./.build/release/trawl}
OUT=${2:-docs/report.png}
CHROMIUM=${CHROMIUM:-chromium}
command -v "$CHROMIUM" >/dev/null 2>&1 || { echo "report-screenshot: $CHROMIUM not found (apt-get install chromium)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
"$TRAWL" scan Corpus/demo Corpus/share Corpus/mail Corpus/pst --inventory "$tmp/inventory.sqlite" --key-file "$tmp/key" --quiet >/dev/null || status=$?
[ "$status" -le 1 ] || { echo "report-screenshot: scan failed ($status)" >&2; exit 1; }
"$TRAWL" report --inventory "$tmp/inventory.sqlite" --format html --group-by folder --depth 1 \
  --policy Corpus/policies/infomaker-integritetspolicy-sv.txt --output "$tmp/report.html"
"$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions \
  --window-size=1280,3700 --enable-logging=stderr --v=0 \
  --screenshot="$tmp/report.png" "file://$tmp/report.html" >"$tmp/chromium.out" 2>"$tmp/chromium.log" || {
  echo "report-screenshot: chromium failed" >&2; cat "$tmp/chromium.log" >&2; exit 1; }
[ -s "$tmp/report.png" ] || { echo "report-screenshot: no PNG written" >&2; cat "$tmp/chromium.log" >&2; exit 1; }
if grep -E 'CONSOLE|Uncaught|Refused to|net::ERR' "$tmp/chromium.log" >&2; then
  echo "report-screenshot: the page logged errors (above)" >&2; exit 1
fi
cp "$tmp/report.png" "$OUT"
echo "report-screenshot: wrote $OUT ($(wc -c <"$OUT") bytes)"
