#!/usr/bin/env bash
# Sets everything up and runs the main job: an explained calculation, a fresh demo database, and the
# case-handling service on http://127.0.0.1:8000 (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/wlz bereken examples/situaties/vg5_pgb_thuis.yaml
# Amounts no public source gives for 2025-2026 come from a shipped example file; every result using them is
# marked "voorbeeld". Point WLZ_PARAMETERS at your own table to use real values.
export WLZ_PARAMETERS="${WLZ_PARAMETERS:-$PWD/src/wlz/rules/voorbeeld_parameters.yaml}"
.venv/bin/wlz demo --reset
exec .venv/bin/wlz serve --host 127.0.0.1 --port 8000
