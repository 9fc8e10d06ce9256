#!/usr/bin/env bash
# Benchmark (not a test): the product server, stateless, against a bare Kestrel floor that parses the same
# tools/call ping and writes the same SSE answer. Both are driven by wrk at the same load, one after the other.
# Usage: eng/bench.sh   (env: CONNECTIONS=32 THREADS=2 WARMUP=45s DURATION=15s)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
connections="${CONNECTIONS:-32}"
threads="${THREADS:-2}"
warmup="${WARMUP:-45s}" # tiered JIT needs this long to settle on a loaded 2-core machine
duration="${DURATION:-15s}"
wrk_version="4.1.0-3+b2" # Debian's wrk; pinned so figures compare across runs
work="$(mktemp -d)"
pid=""

cleanup() {
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

echo "Building Release..."
dotnet build -c Release -v quiet -nologo "$root/src/McpDemo.Server" >/dev/null
dotnet build -c Release -v quiet -nologo "$root/bench/McpDemo.Bench.Floor" >/dev/null

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# run NAME DLL ARGS...: starts the app, checks one answer, warms up, measures; prints "req/s p99 wrong non2xx".
run() {
  local name="$1" dll="$2"
  shift 2
  local port
  port="$(free_port)"
  OTEL_RESOURCE_ATTRIBUTES="service.instance.id=bench" OTEL_EXPORTER_OTLP_ENDPOINT="" \
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

echo "wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'): $connections connections, $threads threads, warm-up $warmup, measured $duration"
read -r server_rps server_p99 server_wrong server_non2xx < <(run server "$root/src/McpDemo.Server/bin/Release/net10.0/McpDemo.Server.dll" --Mcp:SessionMode=Stateless)
read -r floor_rps floor_p99 floor_wrong floor_non2xx < <(run floor "$root/bench/McpDemo.Bench.Floor/bin/Release/net10.0/McpDemo.Bench.Floor.dll")

printf '\n%-8s %12s %10s %8s %8s\n' "" "req/s" "p99" "wrong" "non-2xx"
printf '%-8s %12s %10s %8s %8s\n' server "$server_rps" "$server_p99" "$server_wrong" "$server_non2xx"
printf '%-8s %12s %10s %8s %8s\n' floor "$floor_rps" "$floor_p99" "$floor_wrong" "$floor_non2xx"
ratio="$(awk -v s="$server_rps" -v f="$floor_rps" 'BEGIN { printf "%.1f", 100 * s / f }')"
echo "server/floor throughput: $ratio% (goal: >= 50%)"

if [[ "$server_wrong" != 0 || "$server_non2xx" != 0 || "$floor_wrong" != 0 || "$floor_non2xx" != 0 ]]; then
  echo "Some answers were wrong: the figures above do not count." >&2
  exit 1
fi
