#!/usr/bin/env bash
# Shared by the benchmarks (source it): wrk settings, wrk install, a free port, and `run`, which measures
# one app under wrk with bench/ping.lua. Callers add their own cleanup steps through cleanup_extra.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
connections="${CONNECTIONS:-32}"
threads="${THREADS:-2}"
warmup="${WARMUP:-45s}" # tiered JIT needs this long to settle on a loaded 2-core machine
duration="${DURATION:-15s}"
wrk_version="4.1.0-3+b2" # Debian's wrk; pinned so figures compare across runs
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

if ! command -v wrk >/dev/null; then
  echo "Installing wrk $wrk_version with apt-get..."
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "wrk=$wrk_version"
fi

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# run NAME DLL ARGS...: starts the app (exporting OTLP to $OTLP_ENDPOINT when set), checks one answer, warms up, measures; prints "req/s p99 wrong non2xx".
run() {
  local name="$1" dll="$2"
  shift 2
  local port
  port="$(free_port)"
  OTEL_RESOURCE_ATTRIBUTES="service.instance.id=bench" OTEL_EXPORTER_OTLP_ENDPOINT="${OTLP_ENDPOINT:-}" OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf \
    dotnet "$dll" --urls "http://127.0.0.1:$port" "$@" >"$work/$name.log" 2>&1 &
  pid=$!
  local url="http://127.0.0.1:$port/mcp"
  for _ in $(seq 1 100); do
    curl -fs -o /dev/null -X POST "$url" -H 'Content-Type: application/json' \
      -H 'Accept: application/json, text/event-stream' \
      -d '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"ping","arguments":{}}}' && break
    sleep 0.2
  done
  local answer
  answer="$(curl -fsS -X POST "$url" -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
    -d '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"ping","arguments":{}}}')" \
    || { echo "$name did not answer; its log:" >&2; cat "$work/$name.log" >&2; exit 1; }
  echo "$name answers: $(grep '^data:' <<<"$answer")" >&2

  wrk -t"$threads" -c"$connections" -d"$warmup" -s "$root/bench/ping.lua" "$url" >/dev/null
  wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$root/bench/ping.lua" "$url" >"$work/$name.wrk"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=""

  local rps p99 wrong non2xx
  rps="$(awk '/^Requests\/sec:/ { print $2 }' "$work/$name.wrk")"
  p99="$(awk '$1 == "99%" { print $2 }' "$work/$name.wrk")"
  wrong="$(awk '/^wrong answers:/ { print $3 }' "$work/$name.wrk")"
  non2xx="$(awk '/Non-2xx or 3xx responses:/ { print $5 }' "$work/$name.wrk")"
  echo "$rps $p99 $wrong ${non2xx:-0}"
}

