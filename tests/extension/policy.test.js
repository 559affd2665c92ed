// The per-site policy of the extension (extension/policy.js), table-driven: setting × page state ×
// user action → what ClaimLens does. Run by `make test-ext` (node --test tests/extension/).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const P = require("../../extension/policy.js");

const { ALWAYS, ASK, NEVER } = P.SETTINGS;
const { OFF, ON, BLOCKED, READER, UNAVAILABLE } = P.PAGES;
const A = P.ACTIONS;
const O = P.OUTCOMES;

// [setting, access (host permission granted), page, action, expected outcome]
const TABLE = [
  // A page loads: only an "always" site with its permission turns on by itself.
  [ALWAYS, true, OFF, A.LOAD, O.ON],
  [ALWAYS, false, OFF, A.LOAD, O.KEEP], // the permission was taken back: as "ask"
  [ASK, false, OFF, A.LOAD, O.KEEP],
  [ASK, true, OFF, A.LOAD, O.KEEP],
  [NEVER, false, OFF, A.LOAD, O.KEEP],
  [NEVER, true, OFF, A.LOAD, O.KEEP],
  [ALWAYS, true, BLOCKED, A.LOAD, O.KEEP], // no reader tab opened without a click
  [ALWAYS, true, ON, A.LOAD, O.KEEP],
  [ALWAYS, true, UNAVAILABLE, A.LOAD, O.KEEP],

  // The toolbar button or the shortcut.
  [ASK, false, OFF, A.BUTTON, O.ON],
  [ASK, false, ON, A.BUTTON, O.OFF],
  [ALWAYS, true, OFF, A.BUTTON, O.ON], // turned off on this page, on again
  [ALWAYS, true, ON, A.BUTTON, O.OFF],
  [ALWAYS, false, OFF, A.BUTTON, O.ON],
  [NEVER, false, OFF, A.BUTTON, O.POPUP], // never read without the popup's explicit choice
  [NEVER, false, BLOCKED, A.BUTTON, O.POPUP],
  [NEVER, false, ON, A.BUTTON, O.OFF], // turned on from the popup: the shortcut still turns it off
  [ASK, false, BLOCKED, A.BUTTON, O.READER],
  [ALWAYS, true, BLOCKED, A.BUTTON, O.READER],
  [ASK, false, READER, A.BUTTON, O.OFF],
  [ASK, false, UNAVAILABLE, A.BUTTON, O.KEEP],
  [NEVER, false, UNAVAILABLE, A.BUTTON, O.KEEP],

  // The popup's own on/off button: an explicit choice for this page, whatever the site setting.
  [ASK, false, OFF, A.POPUP, O.ON],
  [NEVER, false, OFF, A.POPUP, O.ON],
  [NEVER, false, ON, A.POPUP, O.OFF],
  [ALWAYS, true, ON, A.POPUP, O.OFF],
  [NEVER, false, BLOCKED, A.POPUP, O.READER],
  [ASK, false, READER, A.POPUP, O.OFF],
  [ASK, false, UNAVAILABLE, A.POPUP, O.KEEP],

  // The popup's reader button.
  [ASK, false, OFF, A.READER, O.READER],
  [ASK, false, ON, A.READER, O.READER],
  [NEVER, false, OFF, A.READER, O.READER],
  [ASK, false, READER, A.READER, O.KEEP],
  [ASK, false, UNAVAILABLE, A.READER, O.KEEP],

  // The site setting changes (from the popup, on one of the site's pages).
  [ALWAYS, true, OFF, A.SET_ALWAYS, O.ON],
  [ALWAYS, true, ON, A.SET_ALWAYS, O.KEEP],
  [ALWAYS, true, BLOCKED, A.SET_ALWAYS, O.READER],
  [ALWAYS, true, READER, A.SET_ALWAYS, O.KEEP],
  [ALWAYS, false, OFF, A.SET_ALWAYS, O.KEEP], // the user refused the permission
  [ASK, false, ON, A.SET_ASK, O.KEEP],
  [ASK, false, OFF, A.SET_ASK, O.KEEP],
  [NEVER, false, ON, A.SET_NEVER, O.OFF],
  [NEVER, false, READER, A.SET_NEVER, O.OFF],
  [NEVER, false, OFF, A.SET_NEVER, O.KEEP],
  [NEVER, false, UNAVAILABLE, A.SET_NEVER, O.KEEP],
];

test("decide: setting × page × action", () => {
  for (const [setting, access, page, action, want] of TABLE) {
    assert.equal(P.decide({ setting, access, page, action }), want,
      `setting ${setting}, access ${access}, page ${page}, action ${action}`);
  }
});

test("decide: every combination gives a known outcome", () => {
  const outcomes = new Set(Object.values(O));
  for (const setting of P.SITE_VALUES) {
    for (const access of [true, false]) {
      for (const page of Object.values(P.PAGES)) {
        for (const action of Object.values(A)) {
          const got = P.decide({ setting, access, page, action });
          assert.ok(outcomes.has(got), `${setting}/${access}/${page}/${action} → ${got}`);
          // Nothing but an explicit click ever opens a reader tab; a load never turns a page off.
          if (action === A.LOAD) assert.ok(got === O.ON || got === O.KEEP, `load gives ${got}`);
          // A site set to never is never read unless the user asks from the popup.
          if (setting === NEVER && (action === A.LOAD || action === A.BUTTON)) {
            assert.notEqual(got, O.ON);
            assert.notEqual(got, O.READER);
          }
          if (page === UNAVAILABLE) assert.equal(got, O.KEEP);
        }
      }
    }
  }
});

test("decide: unknown actions change nothing", () => {
  assert.equal(P.decide({ setting: ASK, access: false, page: OFF, action: "bogus" }), O.KEEP);
});

test("siteOf: http(s) host names only", () => {
  const cases = [
    ["https://www.Example.com/news/1?x#y", "www.example.com"],
    ["http://127.0.0.1:8731/seed.html", "127.0.0.1"],
    ["https://example.com./a", "example.com"],
    ["http://[::1]:80/", "[::1]"],
    ["chrome://extensions", null],
    ["about:blank", null],
    ["file:///tmp/a.html", null],
    ["data:text/html,hi", null],
    ["moz-extension://x/popup.html", null],
    ["not a url", null],
    ["", null],
    [undefined, null],
  ];
  for (const [url, want] of cases) assert.equal(P.siteOf(url), want, String(url));
});

test("origin patterns and access", () => {
  assert.equal(P.originPattern("example.com"), "*://example.com/*");
  const cases = [
    ["*://example.com/*", "example.com", true],
    ["https://example.com/*", "example.com", true],
    ["*://example.com/*", "www.example.com", false],
    ["*://*.example.com/*", "www.example.com", true],
    ["*://*.example.com/*", "example.com", true],
    ["*://*.example.com/*", "badexample.com", false],
    ["*://*/*", "anything.org", true],
    ["<all_urls>", "example.com", false], // not asked for, not honoured
    ["*://example.com/path/*", "example.com", false],
    ["*://127.0.0.1:8080/*", "127.0.0.1", true],
  ];
  for (const [pattern, site, want] of cases) assert.equal(P.patternCovers(pattern, site), want, `${pattern} ${site}`);
  assert.equal(P.hasAccess("a.com", ["*://b.com/*", "*://a.com/*"]), true);
  assert.equal(P.hasAccess("a.com", []), false);
  assert.equal(P.hasAccess("a.com", undefined), false);
});

test("settings from storage: malformed items are ignored, defaults filled in", () => {
  const s = P.settingsFromItems({
    options: { defaultSite: "always", hiddenKinds: ["unattributed", "bogus"], badgeStyle: "dot" },
    "site:example.com": "always",
    "site:news.example.org": "never",
    "site:ask.example": "ask",
    "site:evil.example": "sometimes",
    "site:<img src=x>": "never",
    "site:": "never",
    other: 1,
  });
  assert.deepEqual(s.options, { defaultSite: ASK, hiddenKinds: ["unattributed"], badgeStyle: "dot" });
  assert.deepEqual(s.sites, { "example.com": ALWAYS, "news.example.org": NEVER, "ask.example": ASK });
  assert.deepEqual(P.settingsFromItems(undefined), { options: { ...P.DEFAULT_OPTIONS, hiddenKinds: [] }, sites: {} });
  assert.deepEqual(P.normalizeOptions({ badgeStyle: "huge" }).badgeStyle, "name");
});

test("settingFor: the site's own setting, else the default", () => {
  const s = P.settingsFromItems({ "site:a.com": "always", "site:b.com": "ask", options: { defaultSite: "never" } });
  assert.equal(P.settingFor(s, "a.com"), ALWAYS);
  assert.equal(P.settingFor(s, "b.com"), ASK);
  assert.equal(P.settingFor(s, "c.com"), NEVER);
  assert.equal(P.settingFor(s, null), null);
  assert.equal(P.settingFor(P.settingsFromItems({}), "c.com"), ASK);
  // a site named like an Object.prototype member is just a site
  assert.equal(P.settingFor(P.settingsFromItems({}), "constructor"), ASK);
});

test("siteChange: a site at the default has no item", () => {
  const askDefault = P.settingsFromItems({});
  assert.deepEqual(P.siteChange(askDefault, "a.com", ALWAYS), { set: { "site:a.com": ALWAYS } });
  assert.deepEqual(P.siteChange(askDefault, "a.com", ASK), { remove: ["site:a.com"] });
  assert.deepEqual(P.siteChange(askDefault, "a.com", NEVER), { set: { "site:a.com": NEVER } });
  const neverDefault = P.settingsFromItems({ options: { defaultSite: NEVER } });
  assert.deepEqual(P.siteChange(neverDefault, "a.com", ASK), { set: { "site:a.com": ASK } });
  assert.deepEqual(P.siteChange(neverDefault, "a.com", NEVER), { remove: ["site:a.com"] });
  assert.equal(P.siteChange(askDefault, "a.com", "bogus"), null);
  assert.equal(P.siteChange(askDefault, "bad host!", ALWAYS), null);
});

test("autoSites: always, and only with the permission", () => {
  const s = P.settingsFromItems({ "site:a.com": "always", "site:b.com": "always", "site:c.com": "never" });
  assert.deepEqual(P.autoSites(s, ["*://a.com/*", "*://c.com/*"]), ["a.com"]);
  assert.deepEqual(P.autoSites(s, []), []);
});

test("pageOf: the contract's state → the policy's page", () => {
  assert.equal(P.pageOf(null), OFF);
  assert.equal(P.pageOf({ on: false, mode: "in-page" }), OFF);
  assert.equal(P.pageOf({ on: true, mode: "in-page" }), ON);
  assert.equal(P.pageOf({ on: true, mode: "reader" }), READER);
  assert.equal(P.pageOf({ on: false, mode: "unavailable", blocked: true }), BLOCKED);
  assert.equal(P.pageOf({ on: false, mode: "unavailable" }), UNAVAILABLE);
});
