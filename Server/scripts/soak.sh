#!/usr/bin/env bash
# A soak of mixed requests on loopback with wrk (Debian): printouts of the SII sample 33-…-170,
# PNG previews with a logo and a recuadro/accent colour that changes with every request (so the
# server's printout cache keeps filling and evicting), cédula checks of a back photo, skeletons
# (with self-made test CAFs) and the template list. Samples the server's RSS every 10 s and
# passes when, after the first minute, it stays within +10 % of its value at that minute.
# Not part of make test (it takes minutes); figures go in the README.
# usage: Server/scripts/soak.sh SERVER_BINARY TEMPLATES_DIR SII_DIR CEDULA_IMAGE [SECONDS] [CONNECTIONS]
set -euo pipefail
binary="$1"; templates="$2"; sii="$3"; cedula="$4"; seconds="${5:-300}"; connections="${6:-8}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
sample="$sii/samples/33-DTE--76354771-K--33--170.xml"
for f in "$sample" "$cedula" "$root/Samples/logo.png" "$root/Samples/emisor.yaml"; do
  [ -f "$f" ] || { echo "soak: $f not found" >&2; exit 1; }
done
(( seconds >= 120 )) || { echo "soak: needs at least 120 seconds (the first minute is the baseline)" >&2; exit 1; }
. "$root/Server/scripts/start-server.sh"
start_server soak "$binary" "$templates"

b="dtekitsoak"
part() { printf -- '--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n' "$b" "$1" "$2"; }
filepart() { printf -- '--%s\r\nContent-Disposition: form-data; name="%s"; filename="%s"\r\nContent-Type: %s\r\n\r\n' "$b" "$1" "$(basename "$2")" "$3"; cat "$2"; printf '\r\n'; }
end() { printf -- '--%s--\r\n' "$b"; }
{ part template carta; filepart xml "$sample" application/xml; end; } > "$work/printout"
# The preview's overrides are spliced in per request (the colour changes), around this logo part.
{ filepart logo "$root/Samples/logo.png" image/png; end; } > "$work/preview-tail"
{ filepart image "$cedula" image/jpeg; part run 12.345.678-5; part on 2026-11-30; end; } > "$work/idcheck"
{ filepart emisor "$root/Samples/emisor.yaml" application/yaml; part types "33,39,52,61"; part test_caf true; end; } > "$work/skeletons"

cat > "$work/soak.lua" <<LUA
local function slurp(name) local f = io.open("$work/" .. name, "rb"); local s = f:read("*a"); f:close(); return s end
local printout, tail, idcheck, skeletons = slurp("printout"), slurp("preview-tail"), slurp("idcheck"), slurp("skeletons")
local ct = "multipart/form-data; boundary=$b"
local n = 0
local failures = 0
request = function()
  n = n + 1
  local k = n % 10
  if k < 5 then
    return wrk.format("POST", "/v1/printouts", {["Content-Type"] = ct}, printout)
  elseif k < 8 then
    local accent = string.format("#%02x%02x%02x", (n * 37) % 200, (n * 11) % 200, (n * 7) % 200)
    local overrides = '{"colors":{"accent":"' .. accent .. '"}}'
    local head = "--$b\r\nContent-Disposition: form-data; name=\"template\"\r\n\r\ncarta\r\n"
      .. "--$b\r\nContent-Disposition: form-data; name=\"overrides\"\r\n\r\n" .. overrides .. "\r\n"
    return wrk.format("POST", "/v1/previews", {["Content-Type"] = ct}, head .. tail)
  elseif k == 8 then
    return wrk.format("POST", "/v1/id-checks", {["Content-Type"] = ct}, idcheck)
  elseif n % 20 == 9 then
    return wrk.format("POST", "/v1/skeletons", {["Content-Type"] = ct}, skeletons)
  else
    return wrk.format("GET", "/v1/templates")
  end
end
response = function(status, headers, body)
  if status ~= 200 then failures = failures + 1; if failures <= 3 then io.stderr:write("soak: HTTP " .. status .. ": " .. body:sub(1, 300) .. "\n") end end
end
done = function(summary, latency, requests)
  io.write(string.format("soak: %d requests in %.0f s = %.0f/s; latency p50 %.1f ms, p99 %.1f ms; errors: %d non-2xx, %d socket\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
# One request of each kind first: a broken request fails the soak at once, not after five minutes.
for f in printout idcheck skeletons; do
  case $f in printout) path=/v1/printouts ;; idcheck) path=/v1/id-checks ;; *) path=/v1/skeletons ;; esac
  code="$(curl -sS -o "$work/check.out" -w '%{http_code}' -X POST -H "Content-Type: multipart/form-data; boundary=$b" --data-binary @"$work/$f" "http://127.0.0.1:$port$path")"
  [ "$code" = 200 ] || { echo "soak: $path answered $code: $(head -c 300 "$work/check.out")" >&2; exit 1; }
done
rss() { awk '/^VmRSS/ {print $2}' "/proc/$server/status"; }
wrk -t2 -c"$connections" -d"${seconds}s" --timeout 30s --latency -s "$work/soak.lua" "http://127.0.0.1:$port" > "$work/wrk.out" 2>"$work/wrk.err" &
wrkpid=$!
: > "$work/rss"
elapsed=0
while kill -0 $wrkpid 2>/dev/null && (( elapsed < seconds )); do
  sleep 10; elapsed=$((elapsed + 10))
  echo "$elapsed $(rss)" >> "$work/rss"
done
wait $wrkpid || true
cat "$work/wrk.err" >&2
tail -n 1 "$work/wrk.out"
rss_ok=0
awk -v limit=1.10 '
  { t[NR] = $1; r[NR] = $2 }
  END {
    for (i = 1; i <= NR; i++) if (t[i] == 60) base = r[i]
    if (!base) { print "soak: no RSS sample at 60 s"; exit 1 }
    max = base; line = "soak: RSS (MB) every 10 s:"
    for (i = 1; i <= NR; i++) { line = line sprintf(" %.0f", r[i] / 1024); if (t[i] > 60 && r[i] > max) max = r[i] }
    print line
    printf "soak: RSS at 60 s %.1f MB, highest after it %.1f MB (%+.1f %%; limit +10 %%)\n", base / 1024, max / 1024, (max / base - 1) * 100
    exit (max <= base * limit) ? 0 : 1
  }' "$work/rss" || rss_ok=1
grep -q "errors: 0 non-2xx, 0 socket" "$work/wrk.out" || { echo "soak: requests failed" >&2; exit 1; }
exit $rss_ok
