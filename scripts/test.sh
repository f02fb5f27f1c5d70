#!/usr/bin/env bash
# The whole test suite: sets up (scripts/setup.sh), lints, then runs pytest on SQLite and again for the
# database tests on a real PostgreSQL server started here.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export WLZ_SHARED="${WLZ_SHARED:-$(cd .. && pwd)/shared}"
.venv/bin/ruff check src tests benchmarks
.venv/bin/ruff format --check src tests benchmarks
# mypy on src (config in pyproject.toml): fails on an error in a strict module, or on more errors elsewhere than
# the recorded baseline (scripts/mypy_check.py says why)
.venv/bin/python scripts/mypy_check.py
# the iWlz property test in full: 4,000 random episodes, at least 1,000 messages of every kind through XSD + XSLT
# (about 2 minutes on one core)
export WLZ_IWLZ_VOORBEELDEN="${WLZ_IWLZ_VOORBEELDEN:-4000}"
eval "$(bash scripts/postgres.sh start)"
trap 'bash scripts/postgres.sh stop' EXIT
.venv/bin/python -m pytest -n 2 -q
# the database-backed tests once more, on PostgreSQL
WLZ_DATABASE_URL="$WLZ_TEST_DATABASE_URL" .venv/bin/python -m pytest -q -m postgres || [ $? -eq 5 ]
