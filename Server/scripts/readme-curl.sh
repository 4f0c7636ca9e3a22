#!/usr/bin/env bash
# Runs the README's curl examples as written (the block between <!-- curl-examples … --> and
# <!-- /curl-examples -->) against a server on a free port, from a scratch folder that sees the
# repository's Samples/, and checks what each wrote: PNG, PDF, ZIP and JSON with the expected
# verdict. Any example failing (curl -f: an HTTP error fails it) fails the script.
# usage: Server/scripts/readme-curl.sh SERVER_BINARY TEMPLATES_DIR
set -euo pipefail
binary="$1"; templates="$2"
root="$(cd "$(dirname "$0")/../.." && pwd)"
. "$root/Server/scripts/start-server.sh"
start_server readme-curl "$binary" "$templates"
# The block, with the documented port replaced by the free one.
awk '/<!-- curl-examples/ {on = 1; next} /<!-- \/curl-examples -->/ {on = 0} on' "$root/README.md" \
  | sed -e '/^```/d' -e "s/127\.0\.0\.1:8080/127.0.0.1:$port/g" > "$work/examples.sh"
n="$(grep -c '^curl' "$work/examples.sh" || true)"
(( n >= 7 )) || { echo "readme-curl: found $n curl examples in README.md (expected at least 7)" >&2; exit 1; }
mkdir "$work/run"; ln -s "$root/Samples" "$work/run/Samples"
(cd "$work/run" && bash -euo pipefail "$work/examples.sh" > "$work/stdout")
magic() { head -c "$2" "$work/run/$1" | od -An -tx1 | tr -d ' \n'; }
[ "$(magic preview.png 8)" = 89504e470d0a1a0a ] || { echo "readme-curl: preview.png is not a PNG" >&2; exit 1; }
[ "$(magic factura.pdf 5)" = 255044462d ] || { echo "readme-curl: factura.pdf is not a PDF" >&2; exit 1; }
for z in boletas.zip esqueletos.zip; do
  [ "$(magic $z 4)" = 504b0304 ] || { echo "readme-curl: $z is not a ZIP" >&2; exit 1; }
done
grep -q '"ok"\|^ok' "$work/stdout" || { echo "readme-curl: /healthz did not answer ok" >&2; exit 1; }
grep -q '"carta"' "$work/stdout" || { echo "readme-curl: /v1/templates does not list carta" >&2; exit 1; }
grep -q '"verdict" : "accept"\|"verdict": "accept"' "$work/stdout" || { echo "readme-curl: the cédula check did not accept the sample: $(tail -c 600 "$work/stdout")" >&2; exit 1; }
echo "readme-curl: $n README curl examples ran as written and answered as documented"
