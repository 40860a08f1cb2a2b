# Two commands for a fresh machine (README Quickstart):
#   make demo   set up, then batch-parse the bundled samples into out/ (JSON, Parquet, DuckDB)
#   make test   set up, then run the test suite
.PHONY: setup demo test bench real-eval

setup:
	./scripts/setup.sh

demo: setup
	.venv/bin/kehoach batch corpora/samples --out out
	.venv/bin/kehoach query out "SELECT regexp_extract(path, '[^/]+$$') AS file, format, is_plan AS plan, doc_type, period_kind AS period, period_start AS start, n_sections AS sections, n_legal_refs AS refs, n_targets AS targets, n_findings AS findings FROM plans ORDER BY path"

test: setup
	KEHOACH_REQUIRE_SYSTEM=1 .venv/bin/python -m pytest -q

bench: setup
	.venv/bin/python benchmarks/run_all.py

# Real documents (corpora/real): per-field P/R/F1 and error-level precision, when the cache is present.
real-eval: setup
	.venv/bin/python scripts/real_cache.py || true
	.venv/bin/python scripts/real_eval.py
