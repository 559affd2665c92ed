#!/usr/bin/env bash
# The wasm module and its JavaScript glue, shared by `make dist` (the extensions) and `make www`
# (the demo page), so that both ship the very same module:
#   cargo (wasm profile, no native features) -> wasm-bindgen --target no-modules -> wasm-opt -Oz
# Output: target/wasm-pkg/claimlens.js (defines the global `wasm_bindgen`) and
# target/wasm-pkg/claimlens_bg.wasm. When cargo did not relink the module and the output is newer,
# wasm-bindgen and wasm-opt are not run again (`make demo` builds both the extensions and the page).
# Needs what scripts/setup.sh installs (wasm-bindgen-cli at the Cargo.lock version, npm binaryen).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
CARGO=${CARGO:-cargo}
PKG=target/wasm-pkg
RAW=target/wasm32-unknown-unknown/wasm/claimlens.wasm

die() { echo "build-wasm: $*" >&2; exit 1; }

want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }') || true
[[ -n "$want" ]] || die "no wasm-bindgen in Cargo.lock"
[[ "$have" == "$want" ]] || die "wasm-bindgen ${have:-missing}, Cargo.lock has $want: run scripts/setup.sh"
WASM_OPT=node_modules/.bin/wasm-opt
[[ -x "$WASM_OPT" ]] || die "$WASM_OPT missing: run scripts/setup.sh (npm ci)"

"$CARGO" build --lib --profile wasm --target wasm32-unknown-unknown --no-default-features
if [[ -f "$PKG/claimlens.js" && -f "$PKG/claimlens_bg.wasm" && "$PKG/claimlens_bg.wasm" -nt "$RAW" &&
  "$PKG/claimlens_bg.wasm" -nt "$0" ]]; then
  exit 0
fi
# Built aside and moved in place, so that a failed or interrupted build leaves no half module.
tmp=$(mktemp -d target/wasm-pkg.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
wasm-bindgen --target no-modules --no-typescript --remove-producers-section --out-dir "$tmp" "$RAW"
"$WASM_OPT" -Oz --strip-debug --strip-producers "$tmp/claimlens_bg.wasm" -o "$tmp/claimlens_bg.wasm"
rm -rf "$PKG"
mv "$tmp" "$PKG"
chmod 755 "$PKG"
