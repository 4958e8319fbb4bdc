# Wegwijs: the two commands a fresh machine needs are `make guides` and `make test`.
SWIFT ?= swift
BIN := .build/debug/wegwijs
N ?= 5000
export SWIFT_BACKTRACE := enable=no

.PHONY: guides pdf test dependencies print-dependencies test-dependencies build snapshots bench check screenshots clean fuzz asan tsan valgrind hardening

## Render content/ to output/ (installs libcmark-dev and libyaml-dev first where they are missing).
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

## Measure a full build and a check of a synthetic corpus of N procedures against the cmark floor and Hugo
## (installs Hugo and GNU time where they are missing).
bench: dependencies
	@scripts/ensure-dependencies hugo time
	bench/run $(N)

## Hardening (README "Hardening"): the test suite under AddressSanitizer and ThreadSanitizer, the cmark
## bridge under valgrind, and the libFuzzer targets in Fuzz/ for FUZZ_SECONDS each (default 60).
FUZZ_SECONDS ?= 60
# The toolchain's symbolizer, named outright: suppressions match function names, and tests run wegwijs
# with a PATH of their own (the PDF tests hide or replace WeasyPrint).
SYMBOLIZER := $(dir $(realpath $(shell command -v $(SWIFT))))llvm-symbolizer
asan: test-dependencies
	WEGWIJS_SANITIZED=address LSAN_OPTIONS="suppressions=$(CURDIR)/.ci/lsan.supp:print_suppressions=0:external_symbolizer_path=$(SYMBOLIZER)" $(SWIFT) test --sanitize=address --disable-xctest --scratch-path .build-asan

tsan: test-dependencies
	WEGWIJS_SANITIZED=thread TSAN_OPTIONS="suppressions=$(CURDIR)/.ci/tsan.supp" $(SWIFT) test --sanitize=thread --disable-xctest --scratch-path .build-tsan

# Valgrind 3.19 cannot read Swift 6's DWARF 5: the check is built with DWARF 4. Every product of the
# Fuzz package is built (the fuzzers as plain executables), so CI notices a fuzzer that no longer compiles.
valgrind: test-dependencies
	cd Fuzz && $(SWIFT) build --scratch-path ../.build-valgrind \
		-Xswiftc -g -Xswiftc -debug-info-format=dwarf -Xswiftc -dwarf-version=4
	valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=9 .build-valgrind/debug/MarkdownBridgeCheck

fuzz: dependencies
	FUZZ_SECONDS=$(FUZZ_SECONDS) Fuzz/run

hardening: asan tsan valgrind

build: dependencies
	$(SWIFT) build --product wegwijs

dependencies:
	@scripts/ensure-dependencies

print-dependencies:
	@scripts/ensure-dependencies weasyprint poppler-utils

# What the tests need beside cmark: Chromium, Java and the PyPI checkers (site checks, HTML safety),
# WeasyPrint and pdftotext (printed guides), gettext (PO files), valgrind (`make valgrind`).
test-dependencies:
	@scripts/ensure-dependencies --site-checks weasyprint poppler-utils gettext valgrind translate-toolkit libxml2-utils qpdf

clean:
	rm -rf .build
