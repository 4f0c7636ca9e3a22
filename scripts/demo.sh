#!/usr/bin/env bash
# The main job on the shipped samples: what `make demo` runs after building.
set -euo pipefail
OUT=${1:-demo-out}
SII=${2:-../shared/sii}
BIN=$(swift build -c release --show-bin-path)/dtekit
mkdir -p "$OUT"

echo "== dtekit inspect: Samples/ and the SII samples"
shopt -s nullglob
files=(Samples/*.xml)
if [ -d "$SII/samples" ]; then
  for f in "$SII"/samples/*.xml; do
    case "$(basename "$f")" in CAF-*) ;; *) files+=("$f") ;; esac
  done
fi
"$BIN" inspect "${files[@]}"
