#!/usr/bin/env bash
# Regenerates the DTE samples in Samples/ for the types the SII reference data lacks signed
# examples of (34, 39, 41, 43), with `dtekit skeleton`:
#   - stamped with the SII certification CAFs in ../shared/sii/samples (34, 39, 41), so each TED
#     verifies against a real CAF (IDK 100);
#   - 43 has no certification CAF there: it is stamped with a self-made "CAF DE PRUEBA"
#     (--test-caf 43; its FRMT verifies, its CAF is not the SII's) and named …-CAF-PRUEBA.xml;
#   - signed (XMLDSig) with a throwaway self-signed certificate made here with openssl, so they
#     are XSD-valid; the signature is not a real one.
# Usage: scripts/make-samples.sh   (from the repository root; DTEKIT_SII_DIR overrides ../shared/sii)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
sii="${DTEKIT_SII_DIR:-$root/../shared/sii}"
cd "$root"
swift build --product dtekit >/dev/null
dtekit="$(swift build --show-bin-path)/dtekit"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" -days 3650 \
    -subj "/CN=FIRMA DE PRUEBA DTEKIT/serialNumber=17605402-6" 2>/dev/null
caf() { ls "$sii"/samples/CAF-"$1"-*.xml; }
common=(--emisor Samples/emisor.yaml --key "$work/key.pem" --cert-pem "$work/cert.pem"
        --fecha 2025-06-19 --timestamp 2025-06-19T10:30:00 --out "$work/out")
"$dtekit" skeleton "${common[@]}" --types 34 --caf "$(caf 34)" >/dev/null
"$dtekit" skeleton "${common[@]}" --types 39,41 --caf "$(caf 39)" "$(caf 41)" --one-envelope 39-41.xml >/dev/null
"$dtekit" skeleton "${common[@]}" --types 43 --test-caf 43 >/dev/null 2>&1
cp "$work/out/T34.xml" Samples/34-DTE-76235291-5-F1.xml
cp "$work/out/39-41.xml" Samples/39-41-EnvioBOLETA-76235291-5.xml
cp "$work/out/T43.xml" Samples/43-DTE-76235291-5-F1-CAF-PRUEBA.xml
"$dtekit" validate --schemas "$sii/schemas" Samples/34-DTE-76235291-5-F1.xml Samples/39-41-EnvioBOLETA-76235291-5.xml \
    Samples/43-DTE-76235291-5-F1-CAF-PRUEBA.xml
