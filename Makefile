# The one entry point of the build. `make demo` and `make test` work on a fresh Debian machine.
SHELL := /bin/bash
CARGO ?= cargo
export PATH := $(HOME)/.cargo/bin:$(PATH)
DATA ?= ../shared/data
EVAL ?= ../shared/eval

.PHONY: demo test setup lint unit test-ext wasm wasm-test dist lint-ext chrome firefox e2e bench-browser \
	eval eval-polnear eval-pages bench bench-worst www www-e2e bench-www
# The sample page for `make chrome` / `make firefox`, served on this port of 127.0.0.1.
SAMPLE_PORT ?= 8731
# web-ext must not look for updates on the network.
export NO_UPDATE_NOTIFIER := 1

setup:
	@scripts/setup.sh

## The demo page's port on 127.0.0.1 (`make demo DEMO_PORT=…` when it is taken).
DEMO_PORT ?= 8740

## Runs the CLI on the bundled sample article and prints each claim with its badge; then builds the
## extensions and the demo page and serves the page on 127.0.0.1 until Ctrl-C.
demo: setup
	@$(MAKE) --no-print-directory dist www
	$(CARGO) run --quiet --release -- analyze samples/seed-article.txt
	@echo
	@echo "The extensions: dist/chrome/ and dist/firefox/ (load unpacked; README, \"The browser extension\"),"
	@echo "                packed as dist/claimlens-chrome.zip and dist/claimlens-firefox.zip."
	@echo "The demo page:  http://127.0.0.1:$(DEMO_PORT)/  (the sample article: http://127.0.0.1:$(DEMO_PORT)/?example=seed)"
	@echo "                from dist/www/; nothing leaves the browser. Ctrl-C stops the server."
	@python3 scripts/serve-www.py --root dist/www --port $(DEMO_PORT) --quiet

## The demo page as a static site in dist/www/ (the extensions' wasm module, www/, the examples).
www:
	scripts/build-www.sh

## Every test: formatting, lints, unit + corpus + property + CLI tests, the extension's policy
## tests (node), the wasm32 build, the wasm tests in headless Chromium and Firefox, the extension build, its lint and the end-to-end tests;
## then the demo page's end-to-end tests in both browsers.
test: setup lint unit test-ext wasm wasm-test dist lint-ext e2e www-e2e
	@echo "make test: all steps passed"

lint:
	$(CARGO) fmt --check
	$(CARGO) clippy --all-targets -- -D warnings
	$(CARGO) clippy --target wasm32-unknown-unknown --no-default-features --lib --test web -- -D warnings

unit:
	$(CARGO) test

## The extension's pure JavaScript (the per-site policy): node's own test runner, no browser.
test-ext:
	node --test tests/extension/

## The library must build for wasm32 without the native-only dependencies.
wasm:
	$(CARGO) build --lib --profile wasm --target wasm32-unknown-unknown --no-default-features
	@ls -l target/wasm32-unknown-unknown/wasm/claimlens.wasm | awk '{printf "wasm build: %.0f KB (before wasm-bindgen and wasm-opt)\n", $$5/1024}'
	@if $(CARGO) tree --target wasm32-unknown-unknown --no-default-features -e normal | grep -E 'scraper|html5ever'; then \
	  echo "native-only dependency in the wasm build" >&2; exit 1; fi

## Accuracy on PolNeAR dev and article extraction on the Readability pages (needs ../shared/data).
eval: eval-polnear eval-pages

eval-polnear:
	@if [ -f $(DATA)/polnear/dev.jsonl ]; then \
	  $(CARGO) run --quiet --release --example eval_polnear -- $(DATA)/polnear/dev.jsonl target/polnear-dev-pred.jsonl && \
	  python3 $(EVAL)/score.py $(DATA)/polnear/dev.jsonl target/polnear-dev-pred.jsonl; \
	else echo "eval-polnear: $(DATA)/polnear/dev.jsonl not present, skipped"; fi

eval-pages:
	@if [ -d $(DATA)/pages ]; then \
	  $(CARGO) run --quiet --release --example eval_pages -- $(DATA)/pages; \
	else echo "eval-pages: $(DATA)/pages not present, skipped"; fi
	@if [ -d $(DATA)/pages-gold ]; then \
	  $(CARGO) build --quiet --release && rm -rf target/pages-reports && mkdir -p target/pages-reports && \
	  for gold in $(DATA)/pages-gold/*.gold.json; do page=$$(basename $$gold .gold.json); \
	    target/release/claimlens analyze --format json $(DATA)/pages/$$page/source.html > target/pages-reports/$$page.json; \
	  done && echo "attributions on real pages (score_pages.py, from the raw HTML):" && \
	  python3 $(EVAL)/score_pages.py $(DATA)/pages-gold target/pages-reports; \
	else echo "eval-pages: $(DATA)/pages-gold not present, attribution scoring skipped"; fi

## Time and peak memory on hostile inputs from 16 KB to 1 MB, each in its own process, with the
## growth per x4 step (issue 7; nothing asserted).
bench-worst:
	$(CARGO) run --quiet --release --example bench_worst

## Speed over the PolNeAR dev texts (or the sample when absent) and the release wasm size.
bench:
	$(CARGO) run --quiet --release --example bench -- $(DATA)/polnear/dev.jsonl

## wasm-bindgen-test (tests/web.rs) in headless Chromium, then in headless Firefox: exactly one
## driver variable set each time.
# A loaded machine can take more than the runner's default few seconds to start a driver ("driver
# failed to bind port during startup", seen in a CI run here): give the driver a minute.
wasm-test: export WASM_BINDGEN_TEST_DRIVER_TIMEOUT := 60
wasm-test: export WASM_BINDGEN_TEST_TIMEOUT := 300
wasm-test:
	@if [ ! -f tests/web.rs ]; then echo "wasm-test: tests/web.rs not present yet, skipped"; else \
	  env -u GECKODRIVER -u SAFARIDRIVER CHROMEDRIVER=/usr/bin/chromedriver \
	    $(CARGO) test --target wasm32-unknown-unknown --no-default-features --test web && \
	  env -u CHROMEDRIVER -u SAFARIDRIVER GECKODRIVER=$(HOME)/.cargo/bin/geckodriver \
	    $(CARGO) test --target wasm32-unknown-unknown --no-default-features --test web; fi

## The browser extension: dist/chrome/, dist/firefox/ and a zip of each (scripts/build-extension.sh).
dist:
	scripts/build-extension.sh

## web-ext lint on the Firefox build: fails on any error; the warnings left are explained in README.
lint-ext:
	npx --offline web-ext lint --source-dir dist/firefox

## Chromium with a fresh profile, the built extension and the sample page (needs a display).
## CHROME_FLAGS / FIREFOX_FLAGS add arguments (e.g. FIREFOX_FLAGS=--verbose).
chrome:
	@test -f dist/chrome/manifest.json || { echo "run make dist first" >&2; exit 1; }
	@profile=$$(mktemp -d); python3 -m http.server --bind 127.0.0.1 --directory samples $(SAMPLE_PORT) >/dev/null 2>&1 & srv=$$!; \
	  trap 'kill $$srv; rm -rf "$$profile"' EXIT; sleep 0.5; \
	  if [ "$$(id -u)" = 0 ]; then set -- --no-sandbox; fi; \
	  /usr/bin/chromium "$$@" --user-data-dir="$$profile" --no-first-run --no-default-browser-check \
	    --disable-extensions-except=$(CURDIR)/dist/chrome --load-extension=$(CURDIR)/dist/chrome \
	    $(CHROME_FLAGS) http://127.0.0.1:$(SAMPLE_PORT)/seed-article.html

## Firefox ESR with the built extension as a temporary add-on (web-ext run) and the sample page.
firefox:
	@test -f dist/firefox/manifest.json || { echo "run make dist first" >&2; exit 1; }
	@python3 -m http.server --bind 127.0.0.1 --directory samples $(SAMPLE_PORT) >/dev/null 2>&1 & srv=$$!; \
	  trap 'kill $$srv' EXIT; sleep 0.5; \
	  npx --offline web-ext run --source-dir dist/firefox --firefox=/usr/bin/firefox-esr \
	    $(FIREFOX_FLAGS) --start-url http://127.0.0.1:$(SAMPLE_PORT)/seed-article.html

## The demo page in Chromium and in Firefox (tests/www/; both run; fails if either fails).
www-e2e: www
	$(CARGO) build --quiet --release --bin claimlens
	@rc=0; node tests/www/chromium.mjs || rc=1; node tests/www/firefox.mjs || rc=1; \
	if [ $$rc -ne 0 ]; then echo "make www-e2e: failures (see the FAIL lines above)" >&2; fi; exit $$rc

## The demo page's speed: from the click on Analyse to the badges drawn, per browser (a measurement).
bench-www: www
	node tests/www/bench.mjs

## The end-to-end tests (`e2e`) and the browser benchmark (`bench-browser`) live in tests/e2e/e2e.mk.
ifneq ($(wildcard tests/e2e/e2e.mk),)
include tests/e2e/e2e.mk
else
e2e bench-browser:
	@echo "$@: tests/e2e/e2e.mk not present yet, skipped"
endif
