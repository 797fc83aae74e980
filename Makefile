.PHONY: quickstart test lint bench
quickstart:
	scripts/quickstart.sh
test:
	scripts/test.sh
lint:
	.venv/bin/ruff check . && .venv/bin/mypy
bench:
	.venv/bin/python benchmarks/bench_extract.py --count 1000
