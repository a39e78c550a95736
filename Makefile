# trawl: the two quick-start commands are `make demo` and `make test`.
# Both install what is missing (Debian packages, as root or via sudo), then build.

APT_PACKAGES := libpcre2-dev pcre2-utils libsqlite3-dev libarchive-dev libarchive-tools libpff-dev libbfio-dev poppler-utils ripgrep hyperfine python3 zip p7zip-full zstd time
SWIFT ?= swift
BUILD_FLAGS ?=
BENCH_DIR ?= /tmp/trawl-bench
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build release demo test bench bench-archives bench-inventory bench-instructions corpus corpus-containers check-patterns report-screenshot man completions clean

## deps: install the Debian packages trawl needs (skipped when all are present)
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

release: deps
	$(SWIFT) build -c release $(BUILD_FLAGS)

## demo: build release and scan the demo corpus
demo: release
	./.build/release/trawl scan Corpus/demo

## test: build and run the whole test suite (unit, pattern examples, end-to-end accuracy)
test: deps
	$(SWIFT) build -c release $(BUILD_FLAGS)
	TRAWL_BIN=$(CURDIR)/.build/release/trawl $(SWIFT) test --disable-swift-testing $(BUILD_FLAGS)

## check-patterns: lint every rule pack and run its examples
check-patterns: release
	./.build/release/trawl patterns check

## report-screenshot: render the HTML report of Corpus/ in headless Chromium to docs/report.png (needs Debian's chromium; not in deps)
report-screenshot: release
	scripts/report-screenshot.sh ./.build/release/trawl docs/report.png

## corpus: regenerate Corpus/ from its seeded generator
corpus:
	python3 Corpus/tools/generate.py
	python3 Corpus/tools/mail.py

## corpus-containers: regenerate Corpus/share/ (documents and archives) from Corpus/demo
corpus-containers:
	python3 Corpus/tools/containers.py

## bench: generate a >= 1 GiB corpus in $(BENCH_DIR) and compare trawl with ripgrep (BENCH_ARGS=--no-rg-pcre skips the 11-minute rg -P run)
bench: release
	python3 Corpus/tools/bench.py --dir $(BENCH_DIR) --trawl ./.build/release/trawl $(BENCH_ARGS)

## bench-archives: trawl on a tar.gz and a zip of 256 MiB of the benchmark text, next to bsdtar -xOf
bench-archives: release
	python3 Corpus/tools/bench_archives.py --dir $(BENCH_DIR) --trawl ./.build/release/trawl

## bench-instructions: instructions of a -j1 scan of 16 MB of the bench tree with and without names (valgrind; steadier than wall-clock times)
bench-instructions: release
	@command -v valgrind >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq valgrind >/dev/null; }
	python3 Corpus/tools/bench_instructions.py --bench-dir $(BENCH_DIR) --trawl ./.build/release/trawl

## bench-inventory: 100,000 small files: full scan into a fresh inventory vs. unchanged rescan
bench-inventory: release
	python3 Corpus/tools/bench_inventory.py --trawl ./.build/release/trawl

man: release
	mkdir -p docs/man
	$(SWIFT) package plugin --allow-writing-to-package-directory generate-manual --output-directory docs/man

completions: release
	mkdir -p docs/completions
	./.build/release/trawl --generate-completion-script bash > docs/completions/trawl.bash
	./.build/release/trawl --generate-completion-script zsh > docs/completions/_trawl
	./.build/release/trawl --generate-completion-script fish > docs/completions/trawl.fish

clean:
	rm -rf .build
