# Wegwijs: the two commands a fresh machine needs are `make guides` and `make test`.
SWIFT ?= swift
BIN := .build/debug/wegwijs
N ?= 5000
export SWIFT_BACKTRACE := enable=no

.PHONY: guides pdf test dependencies print-dependencies test-dependencies build snapshots bench check screenshots clean

## Render content/ to output/ (installs libcmark-dev first where it is missing).
guides: build
	$(BIN) build --content content --templates templates --output output

## Render content/ to output/, with the printed guides as PDF and the bilingual booklet (needs WeasyPrint).
pdf: build print-dependencies
	$(BIN) pdf --combined --content content --templates templates --output output

## Build, then run every test (installs first what the tests need: WeasyPrint and pdftotext for the
## printed guides, Chromium, Java and two PyPI packages for the site checks).
test: test-dependencies
	$(SWIFT) build
	$(SWIFT) test

## PNGs of an index and a procedure page in both languages, phone and desktop, light and dark, in screenshots/.
screenshots: guides test-dependencies
	scripts/screenshots output/html screenshots

## Re-record the golden files of rendered output (then review them with git diff).
snapshots: dependencies
	WEGWIJS_RECORD_SNAPSHOTS=1 $(SWIFT) test --filter Snapshot || true
	$(SWIFT) test --filter Snapshot

## Validate content/ and print its diagnostics.
check: build
	$(BIN) check --content content --templates templates

## Measure a full build of a synthetic corpus of N procedures against the cmark floor.
bench: dependencies
	bench/run $(N)

build: dependencies
	$(SWIFT) build --product wegwijs

dependencies:
	@scripts/ensure-dependencies

print-dependencies:
	@scripts/ensure-dependencies weasyprint poppler-utils

test-dependencies:
	@scripts/ensure-dependencies --site-checks weasyprint poppler-utils gettext

clean:
	rm -rf .build
