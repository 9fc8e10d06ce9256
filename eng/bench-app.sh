# What the single-app benchmarks (eng/bench.sh, eng/bench-telemetry.sh) share, on top of eng/bench-wrk.sh.
# Source it, don't run it. Callers add their own clean-up through cleanup_extra.
source "$(dirname "${BASH_SOURCE[0]}")/bench-wrk.sh"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
pids=()

cleanup_extra() { :; }
cleanup() {
  cleanup_extra
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

ensure_wrk

# start_app NAME DLL ARGS...: starts the app in the background on a free loopback port (exporting OTLP to
# $OTLP_ENDPOINT when set), waits for its pong, and sets app_url to its /mcp endpoint.
start_app() {
  local name="$1" dll="$2"
  shift 2
  local port
  port="$(free_port)"
  OTEL_RESOURCE_ATTRIBUTES="service.instance.id=bench" OTEL_EXPORTER_OTLP_ENDPOINT="${OTLP_ENDPOINT:-}" OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf \
    dotnet "$dll" --urls "http://127.0.0.1:$port" "$@" >"$work/$name.log" 2>&1 &
  pids+=($!)
  app_url="http://127.0.0.1:$port/mcp"
  local ping='{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"ping","arguments":{}}}'
  local answer=""
  for _ in $(seq 1 150); do
    answer="$(curl -fsS -X POST "$app_url" -H 'Content-Type: application/json' \
      -H 'Accept: application/json, text/event-stream' -d "$ping" 2>/dev/null)" && break
    sleep 0.2
  done
  grep -q 'pong! instance=' <<<"$answer" || { echo "$name did not answer; its log:" >&2; cat "$work/$name.log" >&2; exit 1; }
  echo "$name answers: $(grep -o 'pong! instance=[^"]*' <<<"$answer")"
}

# print_figures: reads compare's lines and prints them as a table with a header.
print_figures() {
  printf '\n%-16s %12s %10s %8s %8s\n' "" "req/s" "p99" "wrong" "non-2xx"
  local label rps p99 wrong non2xx
  while read -r label rps p99 wrong non2xx; do
    printf '%-16s %12s %10s %8s %8s\n' "$label" "$rps" "$p99" "$wrong" "$non2xx"
  done
}
