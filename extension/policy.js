// The per-site policy: one pure function (`decide`) from the site's setting, the page's state and
// what just happened to what ClaimLens does on the page, plus the pure helpers around it (the site
// of a URL, the host permission a site needs, the settings' shape and defaults). No browser API is
// touched here: the background, the popup and the options page use it alike, and
// tests/extension/policy.test.js checks its table with node.
//
// Loaded as a classic script (service worker importScripts, Firefox background.scripts, <script> in
// the extension's pages) where it defines globalThis.CLAIMLENS_POLICY, and as a CommonJS module by
// the tests.
(function (root) {
  "use strict";

  // What a site is set to (README, "Per-site settings").
  const SETTINGS = Object.freeze({
    ALWAYS: "always", // annotated as its pages load, no click (needs the site's host permission)
    ASK: "ask", // off until the toolbar button, the shortcut or the popup turns it on for the page
    NEVER: "never", // never read: the toolbar button opens the popup instead of reading the page
  });
  const SITE_VALUES = Object.freeze([SETTINGS.ALWAYS, SETTINGS.ASK, SETTINGS.NEVER]);

  // The state of the overlay on one page, as the background knows it.
  const PAGES = Object.freeze({
    OFF: "off", // nothing drawn (injected or not)
    ON: "on", // badges drawn in the page
    BLOCKED: "blocked", // the page's CSP forbids WebAssembly in content scripts (Chromium): reader only
    READER: "reader", // the page is shown in the ClaimLens reader page
    UNAVAILABLE: "unavailable", // no extension may read it (browser pages, stores) or no access yet
  });

  // What just happened.
  const ACTIONS = Object.freeze({
    LOAD: "load", // the page finished loading
    BUTTON: "button", // the toolbar button or the keyboard shortcut (claimlens/toggle)
    POPUP: "popup", // the popup's own on/off button: an explicit choice for this page
    READER: "reader", // the popup's "Reader view" button
    SET_ALWAYS: "set-always", // the site setting changed (from the popup, for this page's site)
    SET_ASK: "set-ask",
    SET_NEVER: "set-never",
  });

  // What to do.
  const OUTCOMES = Object.freeze({
    ON: "on", // draw the badges in the page
    OFF: "off", // take them away (and close the reader page)
    READER: "reader", // open (or keep) the reader page for this page
    KEEP: "keep", // nothing changes
    POPUP: "popup", // do not read the page; the toolbar button shows the popup (site set to never)
  });

  // The claim kinds of the report (README, "The JSON report"), which the options page may hide.
  const KINDS = Object.freeze(["direct_quote", "partial_quote", "indirect", "according_to", "unattributed"]);
  const BADGE_STYLES = Object.freeze(["name", "dot"]);
  // Only "ask" and "never" may be the default: "always" for every site would need the permission
  // to read every site the user visits, which ClaimLens does not ask for.
  const DEFAULT_VALUES = Object.freeze([SETTINGS.ASK, SETTINGS.NEVER]);

  const DEFAULT_OPTIONS = Object.freeze({
    defaultSite: SETTINGS.ASK,
    hiddenKinds: Object.freeze([]),
    badgeStyle: "name",
  });

  // Storage layout (storage.sync, one item per site so that no item nears the 8 KB per-item quota):
  //   "options"      {defaultSite, hiddenKinds, badgeStyle}
  //   "site:<host>"  "always" | "ask" | "never"   (a site at the default has no item)
  const OPTIONS_KEY = "options";
  const SITE_PREFIX = "site:";
  // storage.sync holds at most 512 items in Chromium; keep room for the options and future keys.
  const MAX_SITES = 500;

  // The site of a page: its host name, lower case, for http(s) pages; null for every other URL
  // (browser pages, files, data:, extension pages), which have no per-site setting.
  function siteOf(url) {
    if (typeof url !== "string" || url === "") return null;
    let u;
    try {
      u = new URL(url);
    } catch (_) {
      return null;
    }
    if (u.protocol !== "http:" && u.protocol !== "https:") return null;
    const host = u.hostname.toLowerCase().replace(/\.$/, "");
    return host === "" ? null : host;
  }

  // A site key as stored: a host name (letters, digits, dots, hyphens, or an IPv6 literal in
  // brackets). Anything else found in storage is ignored.
  function isSite(site) {
    return typeof site === "string" && site.length > 0 && site.length <= 253 &&
      (/^[a-z0-9.-]+$/.test(site) || /^\[[0-9a-f:.]+\]$/.test(site)) && !site.startsWith(".");
  }

  // The host permission a site set to "always" needs (any scheme and port of that host).
  function originPattern(site) {
    return `*://${site}/*`;
  }

  // Whether a granted origin pattern (from permissions.getAll()) covers the site.
  function patternCovers(pattern, site) {
    const m = /^(\*|https?):\/\/([^/]+)\/(.*)$/.exec(String(pattern));
    if (!m || m[3] !== "*") return false;
    const host = m[2].replace(/:\d+$/, "").toLowerCase();
    if (host === "*") return true;
    if (host.startsWith("*.")) return site === host.slice(2) || site.endsWith(host.slice(1));
    return host === site;
  }

  function hasAccess(site, origins) {
    return Array.isArray(origins) && origins.some((p) => patternCovers(p, site));
  }

  // The options as stored, checked: anything unknown or malformed falls back to the default.
  function normalizeOptions(raw) {
    const o = raw && typeof raw === "object" ? raw : {};
    return {
      defaultSite: DEFAULT_VALUES.includes(o.defaultSite) ? o.defaultSite : DEFAULT_OPTIONS.defaultSite,
      hiddenKinds: Array.isArray(o.hiddenKinds) ? KINDS.filter((k) => o.hiddenKinds.includes(k)) : [],
      badgeStyle: BADGE_STYLES.includes(o.badgeStyle) ? o.badgeStyle : DEFAULT_OPTIONS.badgeStyle,
    };
  }

  // All settings from the raw storage items ({key: value}): {options, sites: {host: setting}}.
  function settingsFromItems(items) {
    const all = items && typeof items === "object" ? items : {};
    const sites = {};
    for (const [key, value] of Object.entries(all)) {
      if (!key.startsWith(SITE_PREFIX)) continue;
      const site = key.slice(SITE_PREFIX.length);
      if (isSite(site) && SITE_VALUES.includes(value)) sites[site] = value;
    }
    return { options: normalizeOptions(all[OPTIONS_KEY]), sites };
  }

  // The storage change that sets `site` to `setting`: {set: {key: value}} or {remove: [key]}.
  // A site at "ask" has no item (it follows the default only when the default is "ask"; with the
  // default "never", "ask" must be stored).
  function siteChange(settings, site, setting) {
    const key = SITE_PREFIX + site;
    if (!isSite(site) || !SITE_VALUES.includes(setting)) return null;
    if (setting === settings.options.defaultSite) return { remove: [key] };
    return { set: { [key]: setting } };
  }

  // The site's setting: its own, else the default for new sites.
  function settingFor(settings, site) {
    if (!site) return null;
    const own = settings && settings.sites && Object.prototype.hasOwnProperty.call(settings.sites, site)
      ? settings.sites[site] : undefined;
    if (SITE_VALUES.includes(own)) return own;
    return settings && settings.options ? settings.options.defaultSite : DEFAULT_OPTIONS.defaultSite;
  }

  // The sites whose pages are annotated as they load: set to "always" and with the host permission
  // granted (a permission the user took back in the browser's settings turns "always" into "ask").
  function autoSites(settings, origins) {
    return Object.keys((settings && settings.sites) || {})
      .filter((s) => settings.sites[s] === SETTINGS.ALWAYS && hasAccess(s, origins))
      .sort();
  }

  // The one decision. `setting`: the site's setting ("always" counts only with `access`, the host
  // permission); `page`: one of PAGES; `action`: one of ACTIONS. Returns one of OUTCOMES.
  //
  // Rules, in order:
  //  - a page no extension may read stays as it is;
  //  - "always off" (never) means ClaimLens does not read the site unless the user turns it on from
  //    the popup, which says the site is set to off: the toolbar button and the shortcut open the
  //    popup instead; setting a site to never turns its page off;
  //  - loading a page turns it on only on an "always" site with access; a page whose CSP forbids
  //    WebAssembly (Chromium) gets no reader tab opened without a click;
  //  - the toolbar button, the shortcut and the popup's button toggle the page; "on" on a page
  //    whose CSP forbids WebAssembly means the reader page;
  //  - setting a site to always turns its page on (a click on the popup is a request to see it).
  function decide({ setting, access, page, action }) {
    const effective = setting === SETTINGS.ALWAYS && !access ? SETTINGS.ASK : setting;
    const onOrReader = page === PAGES.BLOCKED ? OUTCOMES.READER : OUTCOMES.ON;
    const isOn = page === PAGES.ON || page === PAGES.READER;
    if (page === PAGES.UNAVAILABLE) return OUTCOMES.KEEP;
    switch (action) {
      case ACTIONS.LOAD:
        if (effective !== SETTINGS.ALWAYS) return OUTCOMES.KEEP;
        return page === PAGES.OFF ? OUTCOMES.ON : OUTCOMES.KEEP;
      case ACTIONS.BUTTON:
        if (isOn) return OUTCOMES.OFF;
        if (effective === SETTINGS.NEVER) return OUTCOMES.POPUP;
        return onOrReader;
      case ACTIONS.POPUP:
        return isOn ? OUTCOMES.OFF : onOrReader;
      case ACTIONS.READER:
        return page === PAGES.READER ? OUTCOMES.KEEP : OUTCOMES.READER;
      case ACTIONS.SET_ALWAYS:
        if (!access) return OUTCOMES.KEEP; // the permission was refused: nothing changes
        return isOn ? OUTCOMES.KEEP : onOrReader;
      case ACTIONS.SET_ASK:
        return OUTCOMES.KEEP;
      case ACTIONS.SET_NEVER:
        return isOn ? OUTCOMES.OFF : OUTCOMES.KEEP;
      default:
        return OUTCOMES.KEEP;
    }
  }

  // The page state of the automation contract's state object (README): what `decide` needs.
  function pageOf(state) {
    if (!state) return PAGES.OFF;
    if (state.mode === "reader") return state.on ? PAGES.READER : PAGES.BLOCKED;
    if (state.mode === "unavailable") return state.blocked ? PAGES.BLOCKED : PAGES.UNAVAILABLE;
    return state.on ? PAGES.ON : PAGES.OFF;
  }

  const POLICY = Object.freeze({
    SETTINGS, SITE_VALUES, PAGES, ACTIONS, OUTCOMES, KINDS, BADGE_STYLES, DEFAULT_VALUES, DEFAULT_OPTIONS,
    OPTIONS_KEY, SITE_PREFIX, MAX_SITES,
    siteOf, isSite, originPattern, patternCovers, hasAccess, normalizeOptions, settingsFromItems, siteChange,
    settingFor, autoSites, decide, pageOf,
  });
  if (typeof module === "object" && module && module.exports) module.exports = POLICY;
  else root.CLAIMLENS_POLICY = root.CLAIMLENS_POLICY || POLICY;
})(globalThis);
