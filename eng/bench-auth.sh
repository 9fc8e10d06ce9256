#!/usr/bin/env bash
# Benchmark (not a test): what OAuth costs per tools/call against API keys, through a gateway and one replica.
# Two stacks side by side, each a gateway in front of its own stateless replica:
#   oauth    the local issuer's client-credentials JWT; the gateway validates it (Gateway:Auth) and so does the
#            replica (Mcp:Auth: signature, issuer, lifetime, audience, then the call's scope from Mcp-Name)
#   apikey   Mcp:ApiKeys on the replica (a SHA-256 digest compared in constant time); the gateway passes the key on
# wrk drives a 2026-07-28 tools/call ping (bench/ping.lua, with the credential as Authorization) through each gateway,
# round after round in alternating order. A stack's CPU per call is its gateway's plus its replica's CPU time
# (utime + stime from /proc/PID/stat) over a round, divided by the round's calls; medians over rounds are reported.
# Goal: oauth CPU per call <= 1.15x apikey's; the medians' ratio and the median of each round's ratio are printed.
# Usage: eng/bench-auth.sh   (env: CONNECTIONS=32 THREADS=2 WARMUP=45s DURATION=10s ROUNDS=5)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/bench-app.sh"

echo "Building Release..."
for project in McpDemo.Server McpDemo.Gateway McpDemo.Identity; do
  dotnet build -c Release -v quiet -nologo "$root/src/$project" >/dev/null
done
export PING_REVISION=2026-07-28
api_key="bench-api-key-$(openssl rand -hex 16)"
client_secret="bench-secret-$(openssl rand -hex 16)"

# launch NAME PROJECT PORT [NAME=VALUE...]: starts a Release build on 127.0.0.1:PORT, configured from the environment.
launch() {
  local name="$1" project="$2" port="$3"
  shift 3
  env ASPNETCORE_URLS="http://127.0.0.1:$port" OTEL_EXPORTER_OTLP_ENDPOINT="" "$@" \
    dotnet "$root/src/$project/bin/Release/net10.0/$project.dll" >"$work/$name.log" 2>&1 &
  pids+=($!)
}

# wait_for_pong NAME URL AUTHORIZATION: waits until URL answers a ping sent with AUTHORIZATION.
wait_for_pong() {
  local answer=""
  for _ in $(seq 1 150); do
    answer="$(curl -fsS -X POST "$2" -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
      -H "Authorization: $3" -d '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"ping","arguments":{}}}' 2>/dev/null)" && break
    sleep 0.2
  done
  grep -q 'pong! instance=' <<<"$answer" || { echo "$1 did not answer; its log:" >&2; cat "$work/$1.log" >&2; exit 1; }
  echo "$1 answers: $(grep -o 'pong! instance=[^"]*' <<<"$answer")"
}

issuer_port="$(free_port)" oauth_port="$(free_port)" oauth_replica="$(free_port)" apikey_port="$(free_port)" apikey_replica="$(free_port)"
issuer="http://127.0.0.1:$issuer_port/"
resource="http://127.0.0.1:$oauth_port/mcp"
launch issuer McpDemo.Identity "$issuer_port" Identity__KeyDirectory="$work/keys" Identity__Resources__0="$resource" \
  Identity__Clients__0__ClientId=bench Identity__Clients__0__ClientSecret="$client_secret" Identity__Clients__0__Scopes__0=mcp:tools
for _ in $(seq 1 150); do
  token="$(curl -fsS -d grant_type=client_credentials -d client_id=bench -d client_secret="$client_secret" -d scope=mcp:tools \
    -d resource="$resource" "${issuer}connect/token" 2>/dev/null | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])' 2>/dev/null)" && break
  sleep 0.2
done
[[ -n "${token:-}" ]] || { echo "The issuer gave no token; its log:" >&2; cat "$work/issuer.log" >&2; exit 1; }

# As the AppHost runs a stateless topology: no affinity cookie.
launch oauth-replica McpDemo.Server "$oauth_replica" Mcp__SessionMode=Stateless Mcp__Auth__Authority="$issuer" Mcp__Auth__Resource="$resource"
oauth_replica_pid="${pids[-1]}"
launch oauth-gateway McpDemo.Gateway "$oauth_port" services__server__http__0="http://127.0.0.1:$oauth_replica" \
  ReverseProxy__Clusters__server__SessionAffinity__Enabled=false Gateway__Auth__Authority="$issuer" Gateway__Auth__Resource="$resource"
oauth_gateway_pid="${pids[-1]}"
launch apikey-replica McpDemo.Server "$apikey_replica" Mcp__SessionMode=Stateless Mcp__ApiKeys__0="$api_key"
apikey_replica_pid="${pids[-1]}"
launch apikey-gateway McpDemo.Gateway "$apikey_port" services__server__http__0="http://127.0.0.1:$apikey_replica" \
  ReverseProxy__Clusters__server__SessionAffinity__Enabled=false
apikey_gateway_pid="${pids[-1]}"
wait_for_pong oauth "$resource" "Bearer $token"
wait_for_pong apikey "http://127.0.0.1:$apikey_port/mcp" "Bearer $api_key"


ticks_per_second="$(getconf CLK_TCK)"
# measure LABEL URL AUTHORIZATION ROUND PID...: one wrk round; writes "req/s p99 wrong non2xx cpu_us_per_call" to LABEL.ROUND.figures.
measure() {
  local label="$1" url="$2" authorization="$3" round="$4" before after calls report="$work/$1.$4.wrk"
  shift 4
  before="$(cpu_ticks "$@")"
  wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$ping_script" -H "Authorization: $authorization" "$url" >"$report"
  after="$(cpu_ticks "$@")"
  calls="$(awk '/requests in/ { print $1 }' "$report")"
  awk -v rps="$(awk '/^Requests\/sec:/ { print $2 }' "$report")" \
    -v p99="$(awk '$1 == "99%" { v = $2; f = v ~ /us$/ ? 0.001 : v ~ /ms$/ ? 1 : 1000; sub(/[a-z]+$/, "", v); printf "%.2fms", v * f }' "$report")" \
    -v wrong="$(awk '/^wrong answers:/ { print $3 }' "$report")" -v non2xx="$(awk '/Non-2xx or 3xx responses:/ { print $5 }' "$report")" \
    -v t="$((after - before))" -v hz="$ticks_per_second" -v calls="$calls" \
    'BEGIN { printf "%s %s %s %s %.1f\n", rps, p99, wrong, (non2xx == "" ? 0 : non2xx), t * 1e6 / hz / calls }' >"$work/$label.$round.figures"
  echo "  round $round $label: $(cut -d' ' -f1 "$work/$label.$round.figures") req/s, $(cut -d' ' -f5 "$work/$label.$round.figures") us CPU per call" >&2
}

targets=("oauth $resource Bearer:$token $oauth_gateway_pid $oauth_replica_pid"
  "apikey http://127.0.0.1:$apikey_port/mcp Bearer:$api_key $apikey_gateway_pid $apikey_replica_pid")
wrk_settings
for target in "${targets[@]}"; do
  read -r label url credential _ <<<"$target"
  wrk -t"$threads" -c"$connections" -d"$warmup" -s "$ping_script" -H "Authorization: ${credential/:/ }" "$url" >/dev/null
done
for round in $(seq 1 "$rounds"); do
  mapfile -t order < <(round_order "$round" "${targets[@]}")
  for target in "${order[@]}"; do
    read -r label url credential gateway replica <<<"$target"
    measure "$label" "$url" "${credential/:/ }" "$round" "$gateway" "$replica"
  done
done

for target in "${targets[@]}"; do
  read -r label _ <<<"$target"
  figures=("$work/$label".*.figures)
  echo "$label $(cat "${figures[@]}" | cut -d' ' -f1 | median) $(cat "${figures[@]}" | cut -d' ' -f2 | median)" \
    "$(cat "${figures[@]}" | awk '{ s += $3 } END { print s }') $(cat "${figures[@]}" | awk '{ s += $4 } END { print s }')" \
    "$(cat "${figures[@]}" | cut -d' ' -f5 | median)" >>"$work/summary"
done
print_figures "$work/summary"
echo
# Each round measures both stacks back to back, so the ratio within a round escapes most of a shared machine's drift.
round_ratios="$(for round in $(seq 1 "$rounds"); do
  ratio "$(cut -d' ' -f5 "$work/oauth.$round.figures")" "$(cut -d' ' -f5 "$work/apikey.$round.figures")"
  echo
done)"
echo "oauth CPU per call (gateway + replica) / apikey: $(ratio "$(cpu_of "$work/summary" oauth)" "$(cpu_of "$work/summary" apikey)")x" \
  "of the medians; $(median <<<"$round_ratios")x the median of the rounds' ratios ($(paste -sd' ' <<<"$round_ratios")) (goal: <= 1.15x)"
require_right_answers "$work/summary"
