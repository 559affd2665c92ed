# The one entry point of the build. `make demo` and `make test` work on a fresh Debian machine.
SHELL := /bin/bash
CARGO ?= cargo
export PATH := $(HOME)/.cargo/bin:$(PATH)
DATA ?= ../shared/data
EVAL ?= ../shared/eval

.PHONY: demo test setup lint unit wasm eval eval-polnear eval-pages bench

setup:
	@scripts/setup.sh

## Runs the CLI on the bundled sample article and prints each claim with its badge.
demo: setup
	$(CARGO) run --quiet --release -- analyze samples/seed-article.txt

## Every test: formatting, lints, unit + corpus + property + CLI tests, the wasm32 build.
test: setup lint unit wasm
	@echo "make test: all steps passed"

lint:
	$(CARGO) fmt --check
	$(CARGO) clippy --all-targets -- -D warnings

unit:
	$(CARGO) test

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

## Speed over the PolNeAR dev texts (or the sample when absent) and the release wasm size.
bench:
	$(CARGO) run --quiet --release --example bench -- $(DATA)/polnear/dev.jsonl
