# Sourced by the server scripts: starts BINARY on a free loopback port with TEMPLATES, in a new
# scratch folder, and stops it (and removes the folder) when the script exits.
# Sets: work (the scratch folder), server (its pid), port. Fails naming NAME if it does not start.
# usage: start_server NAME BINARY TEMPLATES
start_server() {
  local name="$1" binary="$2" templates="$3"
  work="$(mktemp -d)"
  "$binary" --port 0 --templates "$templates" >"$work/server.out" 2>/dev/null &
  server=$!
  trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
  for _ in $(seq 1 3000); do grep -q listening "$work/server.out" && break; sleep 0.1; done
  port="$(grep -o ':[0-9]*$' "$work/server.out" | tr -d :)"
  [ -n "$port" ] || { echo "$name: the server did not start" >&2; exit 1; }
}
