// The settings in the browser's storage: storage.sync where the browser has it (the settings follow
// the user's browser account; without one they stay on this machine), storage.local otherwise. The
// layout and every check are in policy.js; this file only reads and writes. Loaded as a classic
// script by the background, the popup, the options page, the reader page and the content script.
globalThis.CLAIMLENS_SETTINGS = globalThis.CLAIMLENS_SETTINGS || (() => {
  "use strict";
  const api = globalThis.browser ?? globalThis.chrome;
  const P = globalThis.CLAIMLENS_POLICY;

  let chosen = null;
  // storage.sync, unless it is missing or refuses (Firefox with webextensions.storage.sync.enabled
  // off, or a build without it): then storage.local.
  async function area() {
    if (chosen) return chosen;
    const sync = api.storage && api.storage.sync;
    if (sync) {
      try {
        await sync.get(P.OPTIONS_KEY);
        chosen = sync;
        return chosen;
      } catch (_) {
        // fall through to local
      }
    }
    chosen = api.storage.local;
    return chosen;
  }

  async function load() {
    const items = await (await area()).get(null);
    return P.settingsFromItems(items);
  }

  async function setSite(site, setting) {
    const settings = await load();
    const change = P.siteChange(settings, site, setting);
    if (!change) throw new Error("not a site setting: " + String(setting));
    const store = await area();
    if (change.set) {
      const known = Object.keys(settings.sites).length;
      if (!(site in settings.sites) && known >= P.MAX_SITES) {
        throw new Error(`ClaimLens remembers at most ${P.MAX_SITES} sites; remove some in its options.`);
      }
      await store.set(change.set);
    }
    if (change.remove) await store.remove(change.remove);
    return load();
  }

  async function forgetSite(site) {
    await (await area()).remove(P.SITE_PREFIX + site);
    return load();
  }

  async function setOptions(options) {
    const settings = await load();
    const next = P.normalizeOptions({ ...settings.options, ...options });
    await (await area()).set({ [P.OPTIONS_KEY]: next });
    return load();
  }

  // Calls `listener(settings)` after any change, from whatever page made it.
  function onChanged(listener) {
    api.storage.onChanged.addListener((changes, areaName) => {
      if (areaName !== "sync" && areaName !== "local") return;
      if (!Object.keys(changes).some((k) => k === P.OPTIONS_KEY || k.startsWith(P.SITE_PREFIX))) return;
      load().then(listener, () => {});
    });
  }

  return Object.freeze({ area, load, setSite, forgetSite, setOptions, onChanged });
})();
