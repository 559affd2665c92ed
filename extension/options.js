// The options page: the default for sites not set, which kinds of claims to show, the badge style,
// and the list of sites with their setting (remove one to put it back to the default). Everything
// goes through settings.js into the browser's storage; the background keeps the "always on" sites'
// content script and permissions in step. Site names are set with textContent only.
const api = globalThis.browser ?? globalThis.chrome;
const P = globalThis.CLAIMLENS_POLICY;
const S = globalThis.CLAIMLENS_SETTINGS;
const $ = (id) => document.getElementById(id);

const LABEL = { always: "Always on", ask: "Ask", never: "Always off" };

function say(text) {
  $("saved").textContent = text;
}

function siteRow(site, setting) {
  const tr = document.createElement("tr");
  tr.dataset.site = site;
  const name = document.createElement("td");
  name.className = "site";
  name.textContent = site;
  const value = document.createElement("td");
  value.className = "setting";
  value.textContent = LABEL[setting] || setting;
  const cell = document.createElement("td");
  const remove = document.createElement("button");
  remove.type = "button";
  remove.className = "remove link";
  remove.textContent = "Remove";
  remove.setAttribute("aria-label", `Remove ${site} (back to the default)`);
  remove.addEventListener("click", async () => {
    await S.forgetSite(site);
    // "Always on" held the site's permission; the site is back to the default, so give it back.
    if (setting === P.SETTINGS.ALWAYS) await api.permissions.remove({ origins: [P.originPattern(site)] }).catch(() => {});
    say(`${site}: back to the default.`);
  });
  cell.append(remove);
  tr.append(name, value, cell);
  return tr;
}

function render(settings) {
  const o = settings.options;
  for (const input of document.querySelectorAll('input[name="defaultSite"]')) input.checked = input.value === o.defaultSite;
  for (const input of document.querySelectorAll('input[name="kind"]')) input.checked = !o.hiddenKinds.includes(input.value);
  for (const input of document.querySelectorAll('input[name="badgeStyle"]')) input.checked = input.value === o.badgeStyle;
  const sites = Object.keys(settings.sites).sort();
  $("sites").tBodies[0].replaceChildren(...sites.map((s) => siteRow(s, settings.sites[s])));
  $("sites").hidden = sites.length === 0;
  $("no-sites").hidden = sites.length > 0;
  document.body.dataset.sites = String(sites.length);
}

async function save(change) {
  try {
    render(await S.setOptions(change));
    say("Saved. Pages annotated from now on use it.");
  } catch (e) {
    say("Could not save: " + String((e && e.message) || e));
  }
}

async function main() {
  render(await S.load());
  for (const input of document.querySelectorAll('input[name="defaultSite"]')) {
    input.addEventListener("change", () => save({ defaultSite: input.value }));
  }
  for (const input of document.querySelectorAll('input[name="kind"]')) {
    input.addEventListener("change", () => {
      const hidden = [...document.querySelectorAll('input[name="kind"]')].filter((i) => !i.checked).map((i) => i.value);
      save({ hiddenKinds: hidden });
    });
  }
  for (const input of document.querySelectorAll('input[name="badgeStyle"]')) {
    input.addEventListener("change", () => save({ badgeStyle: input.value }));
  }
  S.onChanged(render); // a change from the popup or another window
}

main()
  .catch((e) => say("ClaimLens could not read its settings: " + String((e && e.message) || e)))
  .finally(() => { document.body.dataset.ready = "true"; });
