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

echo "== dtekit render: Samples/ and the SII samples → PDF and PNG (carta, termica-80mm; boletas also termica-57mm)"
render_files=()
for f in "${files[@]}"; do
  case "$(basename "$f")" in invalid-*) ;; *) render_files+=("$f") ;; esac
done
for t in carta termica-80mm; do
  "$BIN" render "${render_files[@]}" --template "$t" --logo Samples/logo.png --out "$OUT/printouts/$t" --format pdf || true
  "$BIN" render "${render_files[@]}" --template "$t" --logo Samples/logo.png --out "$OUT/printouts/$t" --format png --dpi 100 || true
done
boletas=()
for f in Samples/*.xml; do
  if grep -q "EnvioBOLETA" "$f" 2>/dev/null; then boletas+=("$f"); fi
done
if [ ${#boletas[@]} -gt 0 ]; then
  "$BIN" render "${boletas[@]}" --template termica-57mm --logo Samples/logo.png --out "$OUT/printouts/termica-57mm" --format pdf || true
  "$BIN" render "${boletas[@]}" --template termica-57mm --logo Samples/logo.png --out "$OUT/printouts/termica-57mm" --format png --dpi 100 || true
fi
echo "printouts in $OUT/printouts/"
