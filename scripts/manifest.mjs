// Writes the manifest of one browser build from the one source, extension/manifest.json.
// Usage: node scripts/manifest.mjs chrome|firefox > dist/<browser>/manifest.json
// The version comes from Cargo.toml, so the extension and the crate are always the same version.
// Per-browser differences (everything else is shared):
//   chrome:  background.service_worker only; no browser_specific_settings (Chrome warns on it).
//   firefox: background.scripts only (Firefox MV3 has no service worker; lint warns on the key).
import { readFileSync } from "node:fs";

const browser = process.argv[2];
if (browser !== "chrome" && browser !== "firefox") {
  console.error("usage: node scripts/manifest.mjs chrome|firefox");
  process.exit(2);
}
const root = new URL("..", import.meta.url);
const manifest = JSON.parse(readFileSync(new URL("extension/manifest.json", root), "utf8"));
const cargo = readFileSync(new URL("Cargo.toml", root), "utf8");
const version = /^\[package\][^[]*?^version\s*=\s*"([0-9.]+)"/m.exec(cargo);
if (!version) throw new Error("no [package] version in Cargo.toml");
manifest.version = version[1];

if (browser === "chrome") {
  manifest.background = { service_worker: manifest.background.service_worker };
  delete manifest.browser_specific_settings;
} else {
  manifest.background = { scripts: manifest.background.scripts };
}
process.stdout.write(JSON.stringify(manifest, null, 2) + "\n");
