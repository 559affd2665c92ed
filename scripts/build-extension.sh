#!/usr/bin/env bash
# `make dist`: builds the wasm module and lays out the extension for each browser.
#   scripts/build-wasm.sh (cargo, wasm-bindgen --target no-modules, wasm-opt -Oz)
#   -> dist/chrome/, dist/firefox/ (one manifest source, scripts/manifest.mjs) -> dist/claimlens-*.zip
# Needs what scripts/setup.sh installs (wasm-bindgen-cli at the Cargo.lock version, npm binaryen).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
CARGO=${CARGO:-cargo}
MAX_GZIP=$((250 * 1024)) # issue 5: the wasm at most 250 KB gzipped

die() { echo "build-extension: $*" >&2; exit 1; }

CARGO="$CARGO" scripts/build-wasm.sh # the module and its glue, shared with the demo page (`make www`)
pkg=target/wasm-pkg

# The shell calls these exports (docs/overlay-api.md); a module without them is not an extension.
for name in annotate clear summary focusSource configure renderPage watch watchState; do
  grep -q "exports\.$name = " "$pkg/claimlens.js" ||
    die "the wasm module does not export $name() (docs/overlay-api.md)"
done

rm -rf dist/chrome dist/firefox dist/claimlens-chrome.zip dist/claimlens-firefox.zip
for browser in chrome firefox; do
  out=dist/$browser
  mkdir -p "$out"
  # Everything in extension/ ships, except the manifest source, which is generated per browser.
  cp -R extension/. "$out/"
  rm "$out/manifest.json"
  mkdir -p "$out/pkg"
  cp "$pkg/claimlens.js" "$pkg/claimlens_bg.wasm" "$out/pkg/"
  node scripts/manifest.mjs "$browser" >"$out/manifest.json"
  # Deterministic zip (sorted names, fixed dates), with python3 so that `zip` is not needed.
  python3 - "$out" "dist/claimlens-$browser.zip" <<'EOF'
import os, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
names = sorted(os.path.relpath(os.path.join(d, f), src) for d, _, fs in os.walk(src) for f in fs)
with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for name in names:
        info = zipfile.ZipInfo(name.replace(os.sep, "/"), date_time=(2020, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        with open(os.path.join(src, name), "rb") as f:
            z.writestr(info, f.read())
EOF
done

raw=$(stat -c %s "$pkg/claimlens_bg.wasm")
gz=$(gzip -9 -c "$pkg/claimlens_bg.wasm" | wc -c)
awk -v r="$raw" -v g="$gz" -v m="$MAX_GZIP" 'BEGIN {
  printf "wasm: %d bytes raw (%.1f KB), %d bytes gzipped (%.1f KB; limit %d KB)\n", r, r / 1024, g, g / 1024, m / 1024 }'
ls -l dist/claimlens-chrome.zip dist/claimlens-firefox.zip | awk '{ printf "%s: %d bytes\n", $9, $5 }'
((gz <= MAX_GZIP)) || die "the wasm is $gz bytes gzipped, over the $MAX_GZIP-byte limit"
