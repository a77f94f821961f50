# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the pins change.
$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet --upgrade "pip==26.3"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test]"
	# jieba 0.42 ships invalid escape sequences: compile its bytecode once so
	# `python -W error` never has to parse them (they raise SyntaxError there).
	$(BIN)/python -m compileall -q $$($(BIN)/python -c "import jieba, os; print(os.path.dirname(jieba.__file__))") || true
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/zhpress build --input seeds --output output

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python -m zhpress.bench

clean:
	rm -rf $(VENV) .pytest_cache
