#!/usr/bin/env bash
# Regenerate the iWlz 2.2 bindings (src/wlz/iwlz/bindings) from the XSDs with xsdata, then commit them.
#
# Only the messages wlz builds or reads are generated (IO31, AW33, AW35, AW39, CA317, CA319, and the
# basisschema they import); add a name to MESSAGES to bind another one. The output is reproducible: the
# same XSDs, this config (scripts/iwlz_bindings.xsdata.xml), xsdata 26.10 and ruff (which xsdata runs to
# format the code) from the project's virtualenv give byte-identical files. Never edit the output by hand.
#
# Usage: scripts/generate_iwlz_bindings.sh   (XSDs from $WLZ_SHARED/iwlz/xsd, else ../shared/iwlz/xsd)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
XSD_DIR="${WLZ_SHARED:-$REPO/../shared}/iwlz/xsd"
VENV_BIN="$REPO/.venv/bin"
MESSAGES=(IO31 AW33 AW35 AW39 CA317 CA319)
OUT="$REPO/src/wlz/iwlz/bindings"

test -f "$XSD_DIR/basisschema.xsd" || { echo "no iWlz XSDs in $XSD_DIR (set WLZ_SHARED)" >&2; exit 1; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/xsd" "$WORK/out"
for m in "${MESSAGES[@]}"; do cp "$XSD_DIR/$m.xsd" "$WORK/xsd/"; done
cp "$XSD_DIR/basisschema.xsd" "$WORK/xsd/"   # the message XSDs import it under this (lower-case) name

# xsdata writes the package below the working directory and formats it with the ruff it finds on PATH
(cd "$WORK/out" && PATH="$VENV_BIN:$PATH" "$VENV_BIN/xsdata" generate "$WORK/xsd" \
    --config "$REPO/scripts/iwlz_bindings.xsdata.xml" >"$WORK/log" 2>&1) || { cat "$WORK/log" >&2; exit 1; }

rm -rf "$OUT"
cp -r "$WORK/out/wlz/iwlz/bindings" "$OUT"
echo "generated $(ls "$OUT"/*.py | wc -l) modules in ${OUT#"$REPO"/}"
