# End-to-end tests and the browser benchmark of the built extension. Included by the Makefile.
# Both assume `make dist` ran (dist/chrome, dist/firefox) and the npm dev dependencies are installed
# (playwright-core, selenium-webdriver); Chromium, Firefox ESR and geckodriver come from
# scripts/setup.sh. Nothing here downloads anything. See tests/e2e/README.md.

E2E_NODE ?= node
E2E_ENV = DATA=$(abspath $(DATA))

.PHONY: e2e e2e-chromium e2e-firefox e2e-cli bench-browser

# The CLI gives each page's expected claim count.
e2e-cli:
	$(CARGO) build --quiet --release --bin claimlens

## The extension end to end in Chromium and in Firefox (both run; fails if either fails).
e2e: e2e-cli
	@rc=0; \
	$(E2E_ENV) $(E2E_NODE) tests/e2e/chromium.mjs || rc=1; \
	$(E2E_ENV) $(E2E_NODE) tests/e2e/firefox.mjs || rc=1; \
	if [ $$rc -ne 0 ]; then echo "make e2e: failures (see the FAIL lines above)" >&2; fi; exit $$rc

e2e-chromium: e2e-cli
	$(E2E_ENV) $(E2E_NODE) tests/e2e/chromium.mjs

e2e-firefox: e2e-cli
	$(E2E_ENV) $(E2E_NODE) tests/e2e/firefox.mjs

## Time from toggle to badges, wasm size, memory, per browser (a measurement: nothing is asserted).
bench-browser:
	$(E2E_ENV) $(E2E_NODE) tests/e2e/bench.mjs
