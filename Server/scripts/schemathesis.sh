#!/usr/bin/env bash
# The OpenAPI document against the running server, with schemathesis (PyPI, pinned, in a venv
# under Server/.build). Run by `make server-test`. Checks: every check schemathesis has except
# positive_data_acceptance — the schema cannot say "a DTE XML file" or "an emisor profile YAML",
# so a schema-valid PNG sent as `xml` is rightly a 422, which that check counts as a failure.
# usage: Server/scripts/schemathesis.sh SERVER_BINARY TEMPLATES_DIR
set -euo pipefail
binary="$1"; templates="$2"
here="$(cd "$(dirname "$0")/.." && pwd)"
venv="$here/.build/schemathesis-venv"
if [ ! -x "$venv/bin/schemathesis" ]; then
  /usr/bin/python3 -m venv "$venv"
  "$venv/bin/pip" install -q "schemathesis==4.32.5"
fi
out="$(mktemp)"
"$binary" --port 0 --templates "$templates" >"$out" 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$out"' EXIT
for _ in $(seq 1 3000); do grep -q "listening" "$out" && break; sleep 0.1; done
port="$(grep -o ':[0-9]*$' "$out" | tr -d :)"
[ -n "$port" ] || { echo "schemathesis: the server did not start" >&2; exit 1; }
"$venv/bin/schemathesis" run "http://127.0.0.1:$port/openapi.yaml" --checks all \
  --exclude-checks positive_data_acceptance -n 15 --generation-deterministic --request-timeout 120 -w 1
