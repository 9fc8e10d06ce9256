# What the single-app benchmarks (eng/bench.sh, eng/bench-telemetry.sh) share, on top of eng/bench-wrk.sh.
# Source it, don't run it. Callers add their own clean-up through cleanup_extra.
source "$(dirname "${BASH_SOURCE[0]}")/bench-wrk.sh"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
pid=""

cleanup_extra() { :; }
cleanup() {
  cleanup_extra
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

ensure_wrk

# run NAME DLL ARGS...: starts the app (exporting OTLP to $OTLP_ENDPOINT when set), checks one answer, then warms
# it up and measures it with wrk; prints "req/s p99 wrong non2xx".
run() {
  local name="$1" dll="$2"
  shift 2
  local port
  port="$(free_port)"
  OTEL_RESOURCE_ATTRIBUTES="service.instance.id=bench" OTEL_EXPORTER_OTLP_ENDPOINT="${OTLP_ENDPOINT:-}" OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf \
    dotnet "$dll" --urls "http://127.0.0.1:$port" "$@" >"$work/$name.log" 2>&1 &
  pid=$!
  local url="http://127.0.0.1:$port/mcp"
  local ping='{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"ping","arguments":{}}}'
  for _ in $(seq 1 100); do
    curl -fs -o /dev/null -X POST "$url" -H 'Content-Type: application/json' \
      -H 'Accept: application/json, text/event-stream' -d "$ping" && break
    sleep 0.2
  done
  local answer
  answer="$(curl -fsS -X POST "$url" -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' -d "$ping")" \
    || { echo "$name did not answer; its log:" >&2; cat "$work/$name.log" >&2; exit 1; }
  echo "$name answers: $(grep -o 'pong! instance=[^"]*' <<<"$answer")" >&2

  wrk_measure "$url" "$work/$name.wrk"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=""
}
