#!/usr/bin/env bash
# Benchmark (not a test): the product server, stateless, against a bare Kestrel floor that parses the same
# tools/call ping and writes the same SSE answer. Both are driven by wrk at the same load, one after the other.
# Usage: eng/bench.sh   (env: CONNECTIONS=32 THREADS=2 WARMUP=45s DURATION=15s)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/eng/bench-wrk.sh"
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

ensure_wrk

echo "Building Release..."
dotnet build -c Release -v quiet -nologo "$root/src/McpDemo.Server" >/dev/null
dotnet build -c Release -v quiet -nologo "$root/bench/McpDemo.Bench.Floor" >/dev/null

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

  wrk_measure "$url" "$work/$name.wrk"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=""
}

wrk_settings
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
