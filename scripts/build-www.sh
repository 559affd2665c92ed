#!/usr/bin/env bash
# `make www`: the demo page as a static site in dist/www/ (and nothing else in dist/):
#   www/ (the page, its script and style, the example articles)
#   + samples/seed-article.txt and .html (the seed example, as text and as a news page)
#   + target/wasm-pkg/ (scripts/build-wasm.sh: the very module the extensions ship) -> dist/www/pkg/
# Any static server can serve it; scripts/serve-www.py is the one `make demo` uses.
set -euo pipefail
cd "$(dirname "$0")/.."
CARGO=${CARGO:-cargo}

die() { echo "build-www: $*" >&2; exit 1; }

CARGO="$CARGO" scripts/build-wasm.sh
pkg=target/wasm-pkg
# What www/app.js calls (docs/overlay-api.md).
for name in renderText renderPage annotate clear analyzeText version; do
  grep -q "exports\.$name = " "$pkg/claimlens.js" ||
    die "the wasm module does not export $name() (docs/overlay-api.md)"
done

tmp=$(mktemp -d dist/www.XXXXXX 2>/dev/null || { mkdir -p dist && mktemp -d dist/www.XXXXXX; })
trap 'rm -rf "$tmp"' EXIT
cp -R www/. "$tmp/"
mkdir -p "$tmp/pkg" "$tmp/examples"
cp "$pkg/claimlens.js" "$pkg/claimlens_bg.wasm" "$tmp/pkg/"
cp samples/seed-article.txt "$tmp/examples/seed.txt"
cp samples/seed-article.html "$tmp/examples/seed-page.html"
chmod -R a+rX "$tmp"
rm -rf dist/www
mv "$tmp" dist/www
trap - EXIT

files=$(find dist/www -type f | wc -l)
bytes=$(du -sb dist/www | awk '{ print $1 }')
echo "www: dist/www/ built ($files files, $((bytes / 1024)) KB; wasm $(stat -c %s dist/www/pkg/claimlens_bg.wasm) bytes, sha256 $(sha256sum dist/www/pkg/claimlens_bg.wasm | cut -c1-16)…)"
