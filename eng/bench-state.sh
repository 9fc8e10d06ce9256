#!/usr/bin/env bash
# Benchmark (not a test) of shared state (issue 12), two figures from one run:
#   1. legacy-session tools/call ping throughput: a Stateful server on a Garnet store against one with in-process state,
#      side by side, driven by wrk in turn (bench/legacy-ping.lua, one session per server). Goal: store >= 0.8x.
#   2. memory per idle legacy session: on a replica (RSS growth / sessions) and in the store (redis-server's
#      used_memory growth / sessions, exact where Garnet reports no per-key figure), then whether both are freed
#      once the sessions pass the idle timeout. Goal: <= 16 KB each, freed on expiry.
# Usage: eng/bench-state.sh   (env: CONNECTIONS=32 THREADS=2 WARMUP=20s DURATION=10s ROUNDS=5 SESSIONS=2000 IDLE=30)
set -euo pipefail

export WARMUP="${WARMUP:-20s}"
source "$(dirname "${BASH_SOURCE[0]}")/bench-app.sh"
ping_script="$root/bench/legacy-ping.lua"
sessions="${SESSIONS:-2000}"
idle="${IDLE:-30}"

echo "Building Release..."
for project in McpDemo.Server McpDemo.Store; do
  dotnet build -c Release -v quiet -nologo "$root/src/$project" >/dev/null
done
server_dll="$root/src/McpDemo.Server/bin/Release/net10.0/McpDemo.Server.dll"

# start_server NAME [NAME=VALUE...]: a Stateful server on a free port, ready when /health answers; sets server_url, server_pid.
start_server() {
  local name="$1" port
  shift
  port="$(free_port)"
  env ASPNETCORE_URLS="http://127.0.0.1:$port" OTEL_RESOURCE_ATTRIBUTES="service.instance.id=$name" OTEL_EXPORTER_OTLP_ENDPOINT="" \
    Mcp__SessionMode=Stateful "$@" dotnet "$server_dll" >"$work/$name.log" 2>&1 &
  server_pid=$!
  pids+=("$server_pid")
  server_url="http://127.0.0.1:$port/mcp"
  for _ in $(seq 1 150); do
    curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && return
    sleep 0.2
  done
  echo "$name did not start; its log:" >&2
  cat "$work/$name.log" >&2
  exit 1
}

# new_sessions URL N: starts N legacy sessions (initialize + notifications/initialized) and prints their ids.
new_sessions() {
  python3 - "$1" "$2" <<'PY'
import json, sys, urllib.request
url, count = sys.argv[1], int(sys.argv[2])
headers = {"Content-Type": "application/json", "Accept": "application/json, text/event-stream"}
init = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
    "protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "bench-state", "version": "1.0.0"}}}).encode()
done = json.dumps({"jsonrpc": "2.0", "method": "notifications/initialized"}).encode()
for _ in range(count):
    with urllib.request.urlopen(urllib.request.Request(url, init, headers)) as response:
        session = response.headers["Mcp-Session-Id"]
        response.read()
    h = dict(headers, **{"Mcp-Session-Id": session, "MCP-Protocol-Version": "2025-11-25"})
    urllib.request.urlopen(urllib.request.Request(url, done, h)).read()
    print(session)
PY
}

rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
store_bytes() { redis-cli -p "$1" info memory | awk -F: '/^used_memory:/ { print $2 + 0 }'; }
store_keys() { redis-cli -p "$1" dbsize; }

# 1. Throughput.
garnet_port="$(free_port)"
Store__Port="$garnet_port" ASPNETCORE_URLS="http://127.0.0.1:$(free_port)" dotnet "$root/src/McpDemo.Store/bin/Release/net10.0/McpDemo.Store.dll" >"$work/garnet.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 150); do redis-cli -p "$garnet_port" ping >/dev/null 2>&1 && break; sleep 0.2; done

start_server stored ConnectionStrings__store="127.0.0.1:$garnet_port"
stored_url="$server_url?session=$(new_sessions "$server_url" 1)"
start_server local
local_url="$server_url?session=$(new_sessions "$server_url" 1)"

wrk_settings
compare "$work" store="$stored_url" in-process="$local_url" >"$work/figures"
print_figures "$work/figures"
echo "legacy-session ping, store/in-process throughput: $(percent "$(rps_of "$work/figures" store)" "$(rps_of "$work/figures" in-process)")% (goal: >= 80%)"
require_right_answers "$work/figures"

# 2. Memory per idle session, with a short idle timeout so expiry can be watched.
redis_port="$(free_port)"
redis-server --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no >"$work/redis.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 150); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.2; done
start_server memory ConnectionStrings__store="127.0.0.1:$redis_port" Mcp__IdleTimeout="00:00:$idle"
new_sessions "$server_url" 20 >/dev/null # warm: JIT, pools and the connection are not per-session costs
sleep "$((idle + 10))"
rss_before="$(rss_kib "$server_pid")"
store_before="$(store_bytes "$redis_port")"
new_sessions "$server_url" "$sessions" >/dev/null
rss_after="$(rss_kib "$server_pid")"
store_after="$(store_bytes "$redis_port")"
keys_after="$(store_keys "$redis_port")"
echo
echo "$sessions idle legacy sessions (session record + event stream keys: $keys_after keys in the store):"
echo "  on the replica: $(awk -v a="$rss_after" -v b="$rss_before" -v n="$sessions" 'BEGIN { printf "%.1f", (a - b) / n }') KiB RSS per session (goal: <= 16)"
echo "  in the store:   $(awk -v a="$store_after" -v b="$store_before" -v n="$sessions" 'BEGIN { printf "%.1f", (a - b) / 1024 / n }') KiB per session (goal: <= 16)"
sleep "$((idle + 15))"
echo "  after the idle timeout ($idle s) and its sweep: $(store_keys "$redis_port") keys left in the store," \
  "$(awk -v b="$store_before" -v a="$(store_bytes "$redis_port")" 'BEGIN { printf "%.1f", (a - b) / 1024 }') KiB above the start;" \
  "replica RSS $(awk -v b="$rss_before" -v a="$(rss_kib "$server_pid")" 'BEGIN { printf "%+.0f", (a - b) / 1024 }') MiB against the start (the GC keeps freed memory)"
