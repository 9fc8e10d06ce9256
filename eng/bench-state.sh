#!/usr/bin/env bash
# Benchmark (not a test) of shared state (issue 12), two figures from one run:
#   1. legacy-session tools/call ping throughput: a Stateful server on a Garnet store against one with in-process state,
#      side by side, driven by wrk in turn (bench/legacy-ping.lua, one session per server). Goal: store >= 0.8x.
#      Then the CPU each spends per call (perf stat), the store's own included, which a busy shared machine sways less.
#   2. memory per idle legacy session: on a replica, the live managed heap's growth / sessions after a full GC
#      (dotnet-gcdump, with the types that grew, against a replica with in-process state; RSS growth beside it), and
#      in the store (redis-server's used_memory growth / sessions, exact where Garnet reports no per-key figure), then
#      whether both are freed once the sessions pass the idle timeout. Goal: <= 16 KB each, freed on expiry.
# Usage: eng/bench-state.sh   (env: CONNECTIONS=32 THREADS=2 WARMUP=20s DURATION=10s ROUNDS=5 SESSIONS=2000 IDLE=30
#        TOP=15 types listed, ONLY=throughput|memory to run one part)
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

# cpu_per_call URL PID...: one more run of the ping script against URL while perf counts the CPU time each PID spends;
# prints each one's microseconds of CPU per call. Unlike req/s, this hardly depends on what else the shared machine
# runs meanwhile, and it counts the store's own work, which on one machine comes out of the replica's cores.
cpu_per_call() {
  local url="$1" report="$work/cpu.wrk" perf_pids=() pid calls
  shift
  for pid in "$@"; do
    perf stat -x, -e task-clock -p "$pid" -o "$work/cpu.$pid" &
    perf_pids+=($!)
  done
  sleep 0.2 # perf attaches before the load starts
  wrk -t"$threads" -c"$connections" -d"$duration" -s "$ping_script" "$url" >"$report"
  kill -INT "${perf_pids[@]}"
  wait "${perf_pids[@]}" || true
  calls="$(awk '/requests in/ { print $1 }' "$report")"
  for pid in "$@"; do
    awk -F, -v calls="$calls" '$3 == "task-clock" { printf "%.1f ", $1 * 1000 / calls }' "$work/cpu.$pid"
  done
  echo
}

# ensure_gcdump: installs the pinned dotnet-gcdump into artifacts/tools when it is missing. A gcdump forces a full,
# blocking GC first, so it sees the live managed heap only: RSS also counts garbage not yet collected and heap the GC
# keeps for later, which says little about what a session costs.
gcdump_version="10.0.750501"
gcdump="$root/artifacts/tools/dotnet-gcdump"
ensure_gcdump() {
  if [[ ! -x "$gcdump" ]]; then
    echo "Installing dotnet-gcdump $gcdump_version into artifacts/tools..."
    dotnet tool install --tool-path "$root/artifacts/tools" dotnet-gcdump --version "$gcdump_version" >/dev/null
  fi
}

# live_heap PID NAME: a gcdump of process PID (after a full GC), its per-type report kept in $work/NAME.heap;
# prints the live managed heap in bytes.
live_heap() {
  # gcdump warns that .NET 10 only offers lossy event buffering, which can drop objects on large heaps; these are
  # tens of MB.
  "$gcdump" collect -p "$1" -o "$work/$2.gcdump" >/dev/null 2>&1
  "$gcdump" report "$work/$2.gcdump" >"$work/$2.heap"
  awk '/GC Heap bytes/ { gsub(",", "", $1); print $1; exit }' "$work/$2.heap"
}

# heap_growth BEFORE AFTER N TOP [BASE_BEFORE BASE_AFTER]: from live_heap reports, the live bytes per session (N
# sessions) by who owns them (types naming the MCP SDK, ours, the rest), then the TOP types that grew most, each with
# its assembly. With BASE_*, the growth is counted beyond that of the BASE replica's over the same sessions.
heap_growth() {
  local base=()
  (($# > 4)) && base=("$work/$5.heap" "$work/$6.heap")
  python3 - "$work/$1.heap" "$work/$2.heap" "$3" "$4" "${base[@]}" <<'PY'
import re, sys
def types(path):
    # heapstat lines: average object size, object count, type (large objects bucketed apart), [assembly]
    found = {}
    for line in open(path):
        m = re.match(r"\s*([\d,]+)\s+([\d,]+)\s+(.*?)(?:\s+\(Bytes > \d+K\))?\s+\[(.*)\]\s*$", line)
        if m:
            size, count = int(m[1].replace(",", "")), int(m[2].replace(",", ""))
            entry = found.setdefault((m[3], m[4]), [0, 0])
            entry[0] += size * count
            entry[1] += count
    return found
def growth(before, after):
    return {k: [after.get(k, [0, 0])[i] - before.get(k, [0, 0])[i] for i in (0, 1)] for k in after.keys() | before.keys()}
n, top = int(sys.argv[3]), int(sys.argv[4])
grown = growth(types(sys.argv[1]), types(sys.argv[2]))
if len(sys.argv) > 6:
    base = growth(types(sys.argv[5]), types(sys.argv[6]))
    grown = {k: [grown.get(k, [0, 0])[i] - base.get(k, [0, 0])[i] for i in (0, 1)] for k in grown.keys() | base.keys()}
owners = {"the MCP SDK (types naming ModelContextProtocol)": 0, "ours (McpDemo)": 0, "memory caches (Microsoft.Extensions.Caching)": 0, "the rest (strings, arrays, delegates, tasks)": 0}
for (name, assembly), (size, _) in grown.items():
    owner = ("the MCP SDK (types naming ModelContextProtocol)" if "ModelContextProtocol" in name else "ours (McpDemo)" if "McpDemo" in name
             else "memory caches (Microsoft.Extensions.Caching)" if "Microsoft.Extensions.Caching" in name else "the rest (strings, arrays, delegates, tasks)")
    owners[owner] += size
print("      " + ", ".join(f"{owner}: {size / n:.0f} B" for owner, size in owners.items()))
# Largest growth first; against a base, the largest savings close the list.
ranked = sorted(((v, k) for k, v in grown.items()), reverse=True)
def show(rows):
    for (size, count), (name, assembly) in rows:
        name = name if len(name) <= 90 else name[:87] + "..."
        print(f"      {size / n:7.0f} B {count / n:6.2f} objects  {name} [{assembly}]")
show(ranked[:top])
if len(sys.argv) > 6:
    print("      ...")
    show(ranked[-top:])
PY
}

# per_session_kib BEFORE AFTER N: (AFTER - BEFORE) / N, bytes in, KiB out.
per_session_kib() { awk -v b="$1" -v a="$2" -v n="$3" 'BEGIN { printf "%.1f", (a - b) / 1024 / n }'; }

# 1. Throughput.
if [[ "${ONLY:-throughput}" == throughput ]]; then
  garnet_port="$(free_port)"
  Store__Port="$garnet_port" ASPNETCORE_URLS="http://127.0.0.1:$(free_port)" dotnet "$root/src/McpDemo.Store/bin/Release/net10.0/McpDemo.Store.dll" >"$work/garnet.log" 2>&1 &
  garnet_pid=$!
  pids+=("$garnet_pid")
  for _ in $(seq 1 150); do redis-cli -p "$garnet_port" ping >/dev/null 2>&1 && break; sleep 0.2; done

  start_server stored ConnectionStrings__store="127.0.0.1:$garnet_port"
  stored_url="$server_url?session=$(new_sessions "$server_url" 1)" stored_pid="$server_pid"
  start_server local
  local_url="$server_url?session=$(new_sessions "$server_url" 1)" local_pid="$server_pid"

  wrk_settings
  compare "$work" store="$stored_url" in-process="$local_url" >"$work/figures"
  print_figures "$work/figures"
  echo "legacy-session ping, store/in-process throughput: $(percent "$(rps_of "$work/figures" store)" "$(rps_of "$work/figures" in-process)")% (goal: >= 80%)"
  require_right_answers "$work/figures"
  ensure_perf
  read -r stored_cpu garnet_cpu < <(cpu_per_call "$stored_url" "$stored_pid" "$garnet_pid")
  read -r local_cpu < <(cpu_per_call "$local_url" "$local_pid")
  echo "CPU per call (perf stat task-clock, one more $duration run each): store: replica $stored_cpu us + Garnet $garnet_cpu us;" \
    "in-process: replica $local_cpu us; in-process/store: $(percent "$local_cpu" "$(awk -v a="$stored_cpu" -v b="$garnet_cpu" 'BEGIN { print a + b }')")%"
fi

[[ "${ONLY:-memory}" == memory ]] || exit 0

# 2. Memory per idle session, with a short idle timeout so expiry can be watched: on a replica with the store, on one
# with in-process state beside it (the SDK's own per-session objects are in both: the difference is what sharing
# costs), and in the store.
ensure_gcdump
redis_port="$(free_port)"
redis-server --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no >"$work/redis.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 150); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.2; done
start_server memory-store ConnectionStrings__store="127.0.0.1:$redis_port" Mcp__IdleTimeout="00:00:$idle"
store_pid="$server_pid" store_url="$server_url"
start_server memory-in-process Mcp__IdleTimeout="00:00:$idle"
local_pid="$server_pid" local_url="$server_url"
for url in "$store_url" "$local_url"; do
  new_sessions "$url" 20 >/dev/null # warm: JIT, pools and the connection are not per-session costs
done
sleep "$((idle + 10))"
rss_store_before="$(rss_kib "$store_pid")" rss_local_before="$(rss_kib "$local_pid")"
heap_store_before="$(live_heap "$store_pid" store-before)" heap_local_before="$(live_heap "$local_pid" local-before)"
store_before="$(store_bytes "$redis_port")"
new_sessions "$store_url" "$sessions" >/dev/null
new_sessions "$local_url" "$sessions" >/dev/null
rss_store_after="$(rss_kib "$store_pid")" rss_local_after="$(rss_kib "$local_pid")"
heap_store_after="$(live_heap "$store_pid" store-after)" heap_local_after="$(live_heap "$local_pid" local-after)"
store_after="$(store_bytes "$redis_port")"
keys_after="$(store_keys "$redis_port")"
echo
echo "$sessions idle legacy sessions on each replica ($keys_after keys in the store: session records and event streams):"
echo "  on a replica, live managed heap after a full GC (dotnet-gcdump): with the store" \
  "$(per_session_kib "$heap_store_before" "$heap_store_after" "$sessions") KiB per session," \
  "in-process $(per_session_kib "$heap_local_before" "$heap_local_after" "$sessions") KiB (goal: <= 16)"
echo "  on a replica, RSS growth (also counts garbage not yet collected and heap the GC keeps): with the store" \
  "$(per_session_kib "$((rss_store_before * 1024))" "$((rss_store_after * 1024))" "$sessions") KiB per session," \
  "in-process $(per_session_kib "$((rss_local_before * 1024))" "$((rss_local_after * 1024))" "$sessions") KiB"
echo "  in the store (redis-server used_memory): $(per_session_kib "$store_before" "$store_after" "$sessions") KiB per session (goal: <= 16)"
echo "  what grew per session on the replica with the store (live bytes, top types):"
heap_growth store-before store-after "$sessions" "${TOP:-15}"
echo "  ... beyond what grew on the replica with in-process state (what sharing adds; negative: what it saves):"
heap_growth store-before store-after "$sessions" "$(((${TOP:-15} + 1) / 2))" local-before local-after
sleep "$((idle + 15))"
heap_store_expired="$(live_heap "$store_pid" store-expired)" heap_local_expired="$(live_heap "$local_pid" local-expired)"
echo "  after the idle timeout ($idle s) and its sweep:"
echo "    live heap against the start: with the store $(per_session_kib "$heap_store_before" "$heap_store_expired" "$sessions") KiB" \
  "per session left, in-process $(per_session_kib "$heap_local_before" "$heap_local_expired" "$sessions") KiB"
echo "    what is left per session on the replica with the store:"
heap_growth store-before store-expired "$sessions" 5
echo "    ... and on the one with in-process state:"
heap_growth local-before local-expired "$sessions" 5
echo "    store: $(store_keys "$redis_port") keys left," \
  "$(awk -v b="$store_before" -v a="$(store_bytes "$redis_port")" 'BEGIN { printf "%.1f", (a - b) / 1024 }') KiB above the start"
echo "    RSS against the start (the GC keeps freed memory): with the store" \
  "$(awk -v b="$rss_store_before" -v a="$(rss_kib "$store_pid")" 'BEGIN { printf "%+.0f", (a - b) / 1024 }') MiB," \
  "in-process $(awk -v b="$rss_local_before" -v a="$(rss_kib "$local_pid")" 'BEGIN { printf "%+.0f", (a - b) / 1024 }') MiB"
