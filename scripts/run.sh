#!/usr/bin/env bash
# Sets everything up and runs the main job: an explained calculation, fresh demo databases, and the services:
# the zorgkantoor on http://127.0.0.1:8000, the CIZ on :8010, the pgb administration on :8002 (Ctrl-C stops all).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/wlz bereken examples/situaties/vg5_pgb_thuis.yaml
# Amounts no public source gives for 2025-2026 come from a shipped example file; every result using them is
# marked "voorbeeld". Point WLZ_PARAMETERS at your own table to use real values.
export WLZ_PARAMETERS="${WLZ_PARAMETERS:-$PWD/src/wlz/rules/voorbeeld_parameters.yaml}"
.venv/bin/wlz demo --reset
# the two other organisations' contexts, each with its own demo database: the CIZ (requests, indicatiebesluiten,
# dashboard) on :8010 and the pgb administration (budgethouders, trekkingsrecht payments) on :8002
.venv/bin/wlz ciz demo --reset
.venv/bin/wlz pgb demo --reset
.venv/bin/wlz ciz serve --host 127.0.0.1 --port 8010 &
.venv/bin/wlz pgb serve --host 127.0.0.1 --port 8002 &
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT INT TERM
.venv/bin/wlz serve --host 127.0.0.1 --port 8000
