#!/usr/bin/env bash
# Installs every Debian package DTEKit needs to build, test and run its demo, when missing.
# A no-op (a dpkg query, well under a second) when everything is there already.
# Works as root; uses sudo otherwise.
set -euo pipefail

PACKAGES=(
  pkg-config
  libxml2-dev libxml2-utils          # parsing, XSD validation, C14N; xmllint
  libcairo2-dev libpango1.0-dev      # PDF/PNG drawing, text layout
  libzint-dev                        # PDF417
  libpng-dev libjpeg62-turbo-dev     # images (logos, ID scans)
  libpoppler-glib-dev                # ID scans uploaded as PDF (pages rendered through cairo)
  libheif-dev libde265-0             # ID photos uploaded as HEIC (libheif; libde265 decodes HEVC)
  libheif-examples                   # tests: heif-enc makes HEIC files
  qpdf                               # tests: password-protected PDFs
  libzbar-dev                        # QR codes on the back of the cédula (check-id)
  libtesseract-dev tesseract-ocr-eng # MRZ OCR on the back of the cédula (check-id)
  zbar-tools hyperfine               # benchmarks: zbarimg as the reference QR reader
  wrk                                # Server/scripts/load.sh: HTTP load on loopback
  libssl-dev                         # libcrypto: RSA-SHA1 for TED/CAF (512-bit keys), XMLDSig, PKCS#12
  fonts-dejavu-core                  # the printout's font, embedded as subsets
  poppler-utils                      # tests: pdfinfo, pdftotext, pdftoppm
  zxing-cpp-tools                    # tests: ZXingReader, an independent PDF417 decoder
  xmlsec1                            # tests: independent XMLDSig verification
  openssl                            # tests: throwaway keys and certificates
  python3 python3-yaml               # scripts/check-module-graph.py; server tests read the OpenAPI YAML
  curl                               # tests: the HTTP server driven from outside
  chromium chromium-driver python3-selenium  # tests: the personalisation page in a headless browser
  ca-certificates git make
)

# Extra packages a caller needs beyond these (scripts/test-under-stress.sh: stress-ng, taskset).
read -ra extra <<<"${DTEKIT_BOOTSTRAP_EXTRA:-}"
PACKAGES+=("${extra[@]}")
# libheif >= 1.16 (Debian trixie on) ships its HEVC decoder as a plugin package; bookworm's 1.15
# links libde265 directly and has no such package.
if apt-cache show libheif-plugin-libde265 >/dev/null 2>&1; then
  PACKAGES+=(libheif-plugin-libde265)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "bootstrap: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "bootstrap: need root or sudo to install: ${missing[*]}" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "bootstrap: done" >&2
