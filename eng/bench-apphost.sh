#!/usr/bin/env bash
# AppHost start and memory benchmark: runs the built AppHost (default topology: 3 server replicas, the gateway, the
# demo client, DCP and the Aspire dashboard) ROUNDS times (default 5), each on free ports, and prints per round and
# as medians:
#   start  seconds from starting the AppHost until the gateway answers /health (the gateway waits for every
#          replica's health check, so this is "all resources healthy");
#   rss    the sum of the RSS of every process of the topology 10 s later: the AppHost, the DCP processes that
#          monitor it, and all their descendants (dashboard, process monitors, services, any wrappers).
# Warm: build first (dotnet build src/McpDemo.AppHost). Usage: eng/bench-apphost.sh [ROUNDS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-5}"
apphost="$root/src/McpDemo.AppHost/bin/Debug/net10.0/McpDemo.AppHost.dll"
[[ -f "$apphost" ]] || { echo "Build first: dotnet build src/McpDemo.AppHost" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# tree_pids PID: the AppHost PID, the processes started with "--monitor PID", and all their descendants.
tree_pids() {
  ps -eo pid=,ppid=,args= | awk -v root="$1" '
    { pid[NR] = $1; ppid[NR] = $2; line = $0 }
    $1 == root || index(line " ", "--monitor " root " ") { inside[$1] = 1 }
    END { do { grown = 0; for (i = 1; i <= NR; i++) if ((ppid[i] in inside) && !(pid[i] in inside)) { inside[pid[i]] = 1; grown = 1 } } while (grown)
          for (p in inside) print p }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

starts=() rss=()
for round in $(seq 1 "$rounds"); do
  gateway="$(free_port)"
  log="$(mktemp)"
  started=$(date +%s.%N)
  ASPNETCORE_URLS="http://localhost:$(free_port)" ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL="http://localhost:$(free_port)" \
    ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="http://localhost:$(free_port)" ASPIRE_ALLOW_UNSECURED_TRANSPORT=true \
    dotnet "$apphost" --gateway-port "$gateway" >"$log" 2>&1 &
  pid=$!
  until curl -fsS -o /dev/null "http://localhost:$gateway/health" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "The AppHost exited:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.1
  done
  start=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  sleep 10
  pids="$(tree_pids "$pid" | paste -sd, -)"
  mib=$(ps -o rss= -p "$pids" | awk '{ s += $1 } END { printf "%.0f", s / 1024 }')
  count=$(tr ',' '\n' <<<"$pids" | wc -l)
  echo "round $round: start ${start} s, rss ${mib} MiB over $count processes"
  starts+=("$start") rss+=("$mib")
  kill -TERM "$pid"
  wait "$pid" 2>/dev/null || true
  # DCP stops the rest; wait until nothing of this round is left before the next one starts.
  for _ in $(seq 1 120); do ps -o pid= -p "$pids" >/dev/null || break; sleep 0.25; done
  rm -f "$log"
done
echo "median over $rounds rounds: start $(printf '%s\n' "${starts[@]}" | median) s to all healthy, rss $(printf '%s\n' "${rss[@]}" | median) MiB"
