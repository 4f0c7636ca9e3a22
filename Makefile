# DTEKit — the two commands a fresh machine needs:
#   make demo   installs what is missing, builds, and runs the main job on the shipped samples
#   make test   installs what is missing and runs the test suite
SHELL := /bin/bash
SII_DIR ?= $(abspath ../shared/sii)
DEMO_OUT ?= demo-out
SWIFT_BUILD_FLAGS ?=
# The suite is built optimised (with -enable-testing for @testable imports) in its own folder:
# the ID-scan and batch tests push real pixels and pages, and an optimised build runs the suite in
# about a fifth of the debug build's time, which more than pays its longer compile (CI's budget is
# 30 minutes). Overflow, force-unwrap and bounds traps stay on in an optimised build; nothing in
# Sources or Tests depends on DEBUG or assert(). `make test TEST_CONFIG=debug` runs the debug build.
TEST_CONFIG ?= release
TEST_BUILD_FLAGS = -c $(TEST_CONFIG) -Xswiftc -enable-testing --build-path .build-test

.PHONY: bootstrap build build-tests release test demo bench clean stress module-graph example serve server-test

bootstrap:
	@bash scripts/bootstrap.sh

build: bootstrap
	swift build $(SWIFT_BUILD_FLAGS)

release: bootstrap
	swift build -c release $(SWIFT_BUILD_FLAGS)

build-tests: bootstrap
	swift build --build-tests $(TEST_BUILD_FLAGS) $(SWIFT_BUILD_FLAGS)

test: build-tests module-graph
	DTEKIT_SII_DIR=$${DTEKIT_SII_DIR:-$(SII_DIR)} swift test --skip-build $(TEST_BUILD_FLAGS) $(SWIFT_BUILD_FLAGS)
	$(MAKE) --no-print-directory example
	$(MAKE) --no-print-directory server-test

# SwiftPM does not notice a source file added to or removed from the path dependency (DTEKit) in
# an existing build folder of a package that depends on it ("cannot find 'X' in scope"): when the
# list of DTEKit's source files changed since that package's last build, its .build starts afresh.
define fresh_if_sources_changed
	@list=$$(find Sources -name '*.swift' -o -name '*.c' -o -name '*.h' | LC_ALL=C sort | md5sum | cut -c1-32); \
	stamp=$(1)/.build/dtekit-sources.md5; \
	if [ -d $(1)/.build ] && [ "$$(cat $$stamp 2>/dev/null)" != "$$list" ]; then \
		echo "DTEKit's source files changed: $(1)/.build starts afresh"; rm -rf $(1)/.build; \
	fi; mkdir -p $(1)/.build && echo "$$list" > $$stamp
endef

# The example consumer (Examples/Onboarding, its own package, DTEKit by path): built and run, it
# must validate its skeletons against the SII schemas and render its preview (exit 0).
example: bootstrap
	$(call fresh_if_sources_changed,Examples/Onboarding)
	swift build --package-path Examples/Onboarding $(SWIFT_BUILD_FLAGS)
	DTEKIT_SII_DIR=$${DTEKIT_SII_DIR:-$(SII_DIR)} swift run --skip-build --package-path Examples/Onboarding Onboarding $(CURDIR)/.build/onboarding-out

# The module graph enforced: layers and imports (scripts/check-module-graph.py), and its self-test
# (a wrong import and a wrong dependency must fail it).
module-graph: bootstrap
	python3 scripts/check-module-graph.py
	python3 scripts/check-module-graph.py --self-test
	swift package $(TEST_BUILD_FLAGS) $(SWIFT_BUILD_FLAGS) dump-symbol-graph --minimum-access-level public >/dev/null
	python3 scripts/doc-coverage.py --require-all --build-path .build-test

demo: release
	@bash scripts/demo.sh "$(DEMO_OUT)" "$${DTEKIT_SII_DIR:-$(SII_DIR)}"

bench: bootstrap
	cd Benchmarks && swift package --allow-writing-to-package-directory benchmark

# The suite as-is, pinned to one CPU and under full CPU load (not part of CI).
stress:
	bash scripts/test-under-stress.sh

# The HTTP server (Server/, its own package: the library stays free of server dependencies).
PORT ?= 8080
HOST ?= 127.0.0.1
serve: bootstrap
	swift build --package-path Server $(SWIFT_BUILD_FLAGS)
	swift run --skip-build --package-path Server dtekit-server --host $(HOST) --port $(PORT) --templates $(CURDIR)/Templates

server-test: bootstrap
	$(call fresh_if_sources_changed,Server)
	swift build --package-path Server --build-tests $(SWIFT_BUILD_FLAGS)
	DTEKIT_SII_DIR=$${DTEKIT_SII_DIR:-$(SII_DIR)} swift test --skip-build --package-path Server $(SWIFT_BUILD_FLAGS)
	bash Server/scripts/schemathesis.sh "$$(swift build --package-path Server --show-bin-path)/dtekit-server" $(CURDIR)/Templates
	bash Server/scripts/readme-curl.sh "$$(swift build --package-path Server --show-bin-path)/dtekit-server" $(CURDIR)/Templates
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null && /usr/bin/python3 -c "import selenium" 2>/dev/null; then \
	  /usr/bin/python3 Server/scripts/browser-test.py "$$(swift build --package-path Server --show-bin-path)/dtekit-server" $(CURDIR)/Templates Samples/logo.png; \
	else echo "browser test skipped: chromium/chromedriver not installed (scripts/bootstrap.sh installs them)"; fi

clean:
	rm -rf .build $(DEMO_OUT)
