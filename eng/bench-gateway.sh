#!/usr/bin/env bash
# Benchmark (not a test): stateless tools/call ping throughput through the gateway in front of N server
# replicas, against one replica called directly, in the same run and at the same load (wrk, bench/ping.lua), in turn.
# Release build; the processes run as the AppHost would run them (ASPNETCORE_URLS, services__server__http__i).
# Goal: the gateway path keeps >= 60% of the direct throughput.
# Usage: eng/bench-gateway.sh   (env: REPLICAS=3 CONNECTIONS=32 THREADS=2 WARMUP=45s DURATION=10s ROUNDS=3
#   GATEWAY_SETTINGS="Name=Value ...": extra gateway configuration, e.g. "Logging__LogLevel__Default=Warning")
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/eng/bench-wrk.sh"
replicas="${REPLICAS:-3}"
server_dll="$root/src/McpDemo.Server/bin/Release/net10.0/McpDemo.Server.dll"
gateway_dll="$root/src/McpDemo.Gateway/bin/Release/net10.0/McpDemo.Gateway.dll"
ping='{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"ping","arguments":{}}}'
work="$(mktemp -d)"
pids=()

cleanup() {
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

echo "Building Release..."
dotnet build -c Release -v quiet -nologo "$root/src/McpDemo.Server" >/dev/null
dotnet build -c Release -v quiet -nologo "$root/src/McpDemo.Gateway" >/dev/null

# start NAME DLL PORT [NAME=VALUE...]: runs the app with those settings (configuration from the environment) on 127.0.0.1:PORT in the background, telemetry off.
start() {
  local name="$1" dll="$2" port="$3"
  shift 3
  env OTEL_EXPORTER_OTLP_ENDPOINT="" ASPNETCORE_URLS="http://127.0.0.1:$port" "$@" dotnet "$dll" >"$work/$name.log" 2>&1 &
  pids+=($!)
}

# ready NAME URL: waits until URL answers a ping with a pong, printing the answer.
ready() {
  local name="$1" url="$2" answer=""
  for _ in $(seq 1 300); do
    answer="$(curl -fsS -X POST "$url" -H 'Content-Type: application/json' \
      -H 'Accept: application/json, text/event-stream' -d "$ping" 2>/dev/null)" && break
    sleep 0.2
  done
  grep -q 'pong! instance=' <<<"$answer" || { echo "$name did not answer; its log:" >&2; cat "$work/$name.log" >&2; exit 1; }
  echo "$name answers: $(grep -o 'pong! instance=[^"]*' <<<"$answer")"
}

gateway_env=()
for i in $(seq 1 "$replicas"); do
  port="$(free_port)"
  start "server-$i" "$server_dll" "$port" OTEL_RESOURCE_ATTRIBUTES="service.instance.id=server-$i" Mcp__SessionMode=Stateless
  ready "server-$i" "http://127.0.0.1:$port/mcp"
  gateway_env+=("services__server__http__$((i - 1))=http://127.0.0.1:$port")
  if [[ $i -eq 1 ]]; then
    direct_url="http://127.0.0.1:$port/mcp"
  fi
done
gateway_port="$(free_port)"
read -r -a gateway_settings <<<"${GATEWAY_SETTINGS:-}"
# As the AppHost runs a stateless topology: no affinity cookie (it would pin a cookie-keeping client to one replica).
start gateway "$gateway_dll" "$gateway_port" OTEL_RESOURCE_ATTRIBUTES="service.instance.id=gateway-1" Gateway__Cookie__Enabled=false \
  "${gateway_env[@]}" "${gateway_settings[@]}"
gateway_url="http://127.0.0.1:$gateway_port/mcp"
ready gateway "$gateway_url"

wrk_settings
echo "gateway settings: ${GATEWAY_SETTINGS:-(as shipped)}"
compare "$work" direct="$direct_url" gateway="$gateway_url" >"$work/figures"
printf '\n%-28s %12s %10s %8s %8s\n' "" "req/s" "p99" "wrong" "non-2xx"
while read -r label rps p99 wrong non2xx; do
  [[ $label == direct ]] && label="direct (1 replica)" || label="gateway ($replicas replicas)"
  printf '%-28s %12s %10s %8s %8s\n' "$label" "$rps" "$p99" "$wrong" "$non2xx"
done <"$work/figures"
read -r _ direct_rps _ direct_wrong direct_non2xx < <(grep '^direct ' "$work/figures")
read -r _ gateway_rps _ gateway_wrong gateway_non2xx < <(grep '^gateway ' "$work/figures")
echo "gateway/direct throughput: $(awk -v g="$gateway_rps" -v d="$direct_rps" 'BEGIN { printf "%.1f", 100 * g / d }')% (goal: >= 60%)"

if [[ "$direct_wrong$direct_non2xx$gateway_wrong$gateway_non2xx" != 0000 ]]; then
  echo "Some answers were wrong: the figures above do not count." >&2
  exit 1
fi
