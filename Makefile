# certalign: `make run` starts the program, `make test` runs every test.
# Both set up everything themselves (a .venv here, and the Debian packages Qt needs).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PYTEST_ARGS ?=

.PHONY: run test lint bench fmt catalogue cli-demo system-deps-run system-deps-test bundle wheel install-desktop screenshots clean windows-installer test-windows

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "certalign needs Python 3.11 or newer (found: $$($(PYTHON) --version))"; exit 1; }
	@$(PYTHON) -m venv --help >/dev/null 2>&1 || { echo "Python's venv module is missing: apt-get install python3-venv"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,dev,package]"
	@touch $(STAMP)

system-deps-run:
	@sh tools/system-deps.sh run

system-deps-test:
	@sh tools/system-deps.sh test

## run: set up, then start the program.
run: $(STAMP) system-deps-run
	$(BIN)/certalign-gui

## test: set up, lint, then run every test with coverage (100 % branch coverage of the rules).
test: $(STAMP) system-deps-test lint
	$(BIN)/python -m pytest --cov --cov-branch --cov-report=term $(PYTEST_ARGS)
	$(BIN)/python -m coverage report --include='certalign_gui/rules/*' --fail-under=100

## lint: ruff (lint + format check), mypy strict on the rules core, and the layer
## contracts of pyproject.toml (import-linter).
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

## bench: start-up against the bare-Qt floors, in-process timings, import profiles.
bench: $(STAMP) system-deps-run
	$(BIN)/python -m benchmarks.run

fmt: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## catalogue: the message catalogue from the code (Babel's extraction): resources/locale/
## certalign.pot, the English .po, the en_XA pseudo-locale, and every language's compiled .mo
## (what the program reads; committed). Run it after changing a sentence; a test fails while
## they are out of date.
catalogue: $(STAMP)
	$(BIN)/python tools/catalogue.py

cli-demo: $(STAMP)
	$(BIN)/certalign --ma-expires 2025-03-31 --nremt-expires 2026-03-31 --as-of 2025-01-10

## bundle: the one-folder PyInstaller build in dist/certalign/ (see packaging/README.md).
bundle: $(STAMP)
	$(BIN)/python packaging/build.py

## wheel: the installable wheel in dist/, built from the sdist (also kept there) so that
## nothing stale in build/ can end up in it.
wheel: $(STAMP)
	$(BIN)/python -m build --outdir dist .

## windows-installer: dist/certalign-<version>-setup.exe, built on Linux with NSIS from the
## official embeddable CPython (signatures checked) and pinned Windows wheels.
windows-installer: $(STAMP)
	@sh tools/system-deps.sh windows-build
	$(BIN)/python packaging/windows/build_installer.py

## test-windows: the installer installed and run under Wine (not part of `make test`).
test-windows: windows-installer
	@sh tools/system-deps.sh windows-test
	$(BIN)/python -m pytest packaging/windows/smoke -v -s -p no:cacheprovider

## install-desktop: menu entry, metainfo and icon for this user. Starts the venv's
## certalign-gui, or a bundle's with EXEC=dist/certalign/certalign-gui.
install-desktop: $(STAMP)
	$(BIN)/python packaging/linux/install_desktop.py $(if $(EXEC),--exec "$(EXEC)")

## screenshots: a PNG of every wizard page and of a few answers, in docs/screenshots/
## (under Xvfb when installed, else offscreen). Look at them after any GUI change.
screenshots: $(STAMP) system-deps-test
	$(BIN)/python tools/screenshots.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .coverage htmlcov
