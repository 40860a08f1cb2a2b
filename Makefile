# Two commands for a fresh machine (README Quickstart):
#   make demo   set up, then batch-parse the bundled samples into out/ (JSON, Parquet, DuckDB)
#   make test   set up, then run the test suite
.PHONY: setup demo test bench

setup:
	./scripts/setup.sh

demo: setup
	.venv/bin/kehoach batch corpora/samples --out out
	.venv/bin/kehoach query out "SELECT doc_type, title, n_sections, n_targets, n_findings FROM plans ORDER BY title"

test: setup
	KEHOACH_REQUIRE_SYSTEM=1 .venv/bin/python -m pytest -q

bench: setup
	.venv/bin/python benchmarks/run_all.py
