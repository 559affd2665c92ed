#!/usr/bin/env bash
# Installs what the build and the tests need on a fresh Debian 12 machine; safe to run again, and
# quiet when everything is already there. Run as root (apt) or with everything apt-installed already.
#   apt:    chromium, chromium-driver, firefox-esr (the browsers the tests drive; nothing downloads one)
#   rustup: the wasm32-unknown-unknown target, rustfmt, clippy
#   cargo:  wasm-bindgen-cli at the wasm-bindgen version in Cargo.lock; geckodriver
#   npm:    package-lock.json (wasm-opt from binaryen, web-ext, playwright-core, selenium-webdriver)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
GECKODRIVER_VERSION=0.37.1

if ! command -v cargo >/dev/null; then
  echo "setup: cargo not found; install Rust with rustup first" >&2
  exit 1
fi
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    rustup component add "$component"
  fi
done

# Browsers and the Chromium driver, from Debian (apt-get update only when something is missing).
missing=()
for pkg in chromium chromium-driver firefox-esr; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# wasm-bindgen-cli must be exactly the wasm-bindgen the crate links (Cargo.lock). Not --locked: its
# lock file pins a crate version the registry mirror here does not serve.
wb_want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [[ -n "$wb_want" && "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wb_want" ]]; then
  echo "setup: installing wasm-bindgen-cli $wb_want"
  cargo install --quiet wasm-bindgen-cli --version "$wb_want" --force
fi
# Debian has no geckodriver package, and npm's geckodriver downloads from GitHub: build it.
if [[ "$(geckodriver --version 2>/dev/null | head -n1)" != "geckodriver $GECKODRIVER_VERSION"* ]]; then
  echo "setup: installing geckodriver $GECKODRIVER_VERSION"
  cargo install --quiet geckodriver --version "$GECKODRIVER_VERSION" --force
fi

# Node packages: only when node_modules is missing or older than the lock file.
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if ((node_major < 20)) || ! command -v npm >/dev/null; then
  echo "setup: Node.js 20 or later with npm is needed (Debian 12's nodejs is 18: use NodeSource's 20)" >&2
  exit 1
fi
if [[ ! -d node_modules || package-lock.json -nt node_modules ]]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules
fi
