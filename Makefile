# Wegwijs: the two commands a fresh machine needs are `make guides` and `make test`.
SWIFT ?= swift
BIN := .build/debug/wegwijs
N ?= 5000
export SWIFT_BACKTRACE := enable=no

.PHONY: guides test dependencies build snapshots bench check clean

## Render content/ to output/ (installs libcmark-dev first where it is missing).
guides: build
	$(BIN) build --content content --templates templates --output output

## Build, then run every test.
test: dependencies
	$(SWIFT) build
	$(SWIFT) test

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
	@scripts/ensure-dependencies gettext

clean:
	rm -rf .build
