#!/usr/bin/env bash
# Benchmark (not a test): what the gateway's own CPU costs per proxied call, beside bare YARP and nginx, in one run.
# wrk drives a 2026-07-28 tools/call ping (with its Mcp-Method/Mcp-Name headers, so the gateway does its MCP work)
# through each proxy in front of the same N stateless server replicas, round after round, in alternating order.
# Each proxy's CPU time (utime + stime from /proc/PID/stat, all its processes) over a round, divided by the calls of
# that round, is its CPU per call; the medians over rounds are reported, with throughput and p99.
#   gateway          src/McpDemo.Gateway as shipped (header checks, telemetry hooks, rate limiter, affinity)
#   gateway-body     the same with Gateway:Routing:CheckBody=true: what checking headers against the body costs
#   bare-yarp        bench/McpDemo.Bench.BareProxy: YARP's forwarder and nothing of ours, the ceiling for a YARP gateway
#   nginx            Debian's nginx (installed with apt-get when missing) as an equivalent round-robin proxy:
#                    HTTP/1.1 keep-alive upstreams, unbuffered responses, as many workers as cores
# Then one more run each under perf counts the instructions per call, which hardly drift with the machine's speed.
# Goal: gateway CPU per call <= 1.1x bare YARP's.
# Usage: eng/bench-gateway.sh   (env: REPLICAS=3 CONNECTIONS=32 THREADS=2 WARMUP=45s DURATION=10s ROUNDS=5
#   GATEWAY_SETTINGS="Name=Value ...": extra gateway configuration, e.g. "Gateway__RateLimits__Default__PermitLimit=1000000")
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/bench-app.sh"
replicas="${REPLICAS:-3}"
nginx_version="1.22.1-9+deb12u11" # pinned so figures compare across runs

if ! command -v nginx >/dev/null; then
  echo "Installing nginx $nginx_version with apt-get..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "nginx=$nginx_version" </dev/null
fi

echo "Building Release..."
dotnet build -c Release -v quiet -nologo "$root/src/McpDemo.Server" >/dev/null
dotnet build -c Release -v quiet -nologo "$root/src/McpDemo.Gateway" >/dev/null
dotnet build -c Release -v quiet -nologo "$root/bench/McpDemo.Bench.BareProxy" >/dev/null

# The call every target gets: a 2026-07-28 tools/call ping with its Mcp-Method/Mcp-Name headers (bench/ping.lua).
export PING_REVISION=2026-07-28

gateway_env=()
upstreams=""
for i in $(seq 1 "$replicas"); do
  start_app "server-$i" "$root/src/McpDemo.Server/bin/Release/net10.0/McpDemo.Server.dll" \
    OTEL_RESOURCE_ATTRIBUTES="service.instance.id=server-$i" Mcp__SessionMode=Stateless
  gateway_env+=("services__server__http__$((i - 1))=${app_url%/mcp}")
  replica="${app_url#http://}"
  upstreams+="server ${replica%/mcp}; "
done
read -r -a gateway_settings <<<"${GATEWAY_SETTINGS:-}"
# As the AppHost runs a stateless topology: no affinity cookie (it would pin a cookie-keeping client to one replica).
gateway_dll="$root/src/McpDemo.Gateway/bin/Release/net10.0/McpDemo.Gateway.dll"
start_app gateway "$gateway_dll" \
  OTEL_RESOURCE_ATTRIBUTES="service.instance.id=gateway-1" ReverseProxy__Clusters__server__SessionAffinity__Enabled=false "${gateway_env[@]}" "${gateway_settings[@]}"
gateway_url="$app_url" gateway_pid="${pids[-1]}"
start_app gateway-body "$gateway_dll" \
  OTEL_RESOURCE_ATTRIBUTES="service.instance.id=gateway-2" ReverseProxy__Clusters__server__SessionAffinity__Enabled=false Gateway__Routing__CheckBody=true \
  "${gateway_env[@]}" "${gateway_settings[@]}"
body_url="$app_url" body_pid="${pids[-1]}"
start_app bare-yarp "$root/bench/McpDemo.Bench.BareProxy/bin/Release/net10.0/McpDemo.Bench.BareProxy.dll" "${gateway_env[@]}"
bare_url="$app_url" bare_pid="${pids[-1]}"

# nginx, from a configuration of its own in the work folder, in the foreground so it is stopped with the rest.
nginx_port="$(free_port)"
mkdir -p "$work/nginx"
chmod 755 "$work"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  upstream replicas { ${upstreams} keepalive 64; }
  server {
    listen 127.0.0.1:$nginx_port;
    location /mcp {
      proxy_pass http://replicas;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_buffering off;
      proxy_read_timeout 100s;
    }
  }
}
CONF
nginx -c "$work/nginx/nginx.conf" -g 'daemon off;' >"$work/nginx.log" 2>&1 &
pids+=($!)
nginx_pid=$!
nginx_url="http://127.0.0.1:$nginx_port/mcp"
for _ in $(seq 1 50); do
  curl -fsS -o /dev/null -X POST "$nginx_url" -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
    -d '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"ping","arguments":{}}}' 2>/dev/null && break
  sleep 0.2
done
echo "nginx $(nginx -v 2>&1 | cut -d/ -f2) answers on $nginx_url"


ticks_per_second="$(getconf CLK_TCK)"
# measure LABEL URL PID ROUND: one wrk round; writes "req/s p99 wrong non2xx cpu_us_per_call" to LABEL.ROUND.figures.
measure() {
  local label="$1" url="$2" pid="$3" round="$4" before after calls
  before="$(cpu_ticks "$pid")"
  wrk_once "$url" "$work/$label.$round.wrk" >"$work/$label.$round.figures.tmp"
  after="$(cpu_ticks "$pid")"
  calls="$(awk '/requests in/ { print $1 }' "$work/$label.$round.wrk")"
  awk -v t="$((after - before))" -v hz="$ticks_per_second" -v calls="$calls" \
    '{ printf "%s %.1f\n", $0, t * 1e6 / hz / calls }' "$work/$label.$round.figures.tmp" >"$work/$label.$round.figures"
  echo "  round $round $label: $(cut -d' ' -f1 "$work/$label.$round.figures") req/s, $(cut -d' ' -f5 "$work/$label.$round.figures") us CPU per call" >&2
}

targets=("gateway $gateway_url $gateway_pid" "gateway-body $body_url $body_pid" "bare-yarp $bare_url $bare_pid" "nginx $nginx_url $nginx_pid")
wrk_settings
echo "targets in front of $replicas replicas; gateway settings: ${GATEWAY_SETTINGS:-(as shipped)}"
for target in "${targets[@]}"; do
  read -r label url pid <<<"$target"
  wrk -t"$threads" -c"$connections" -d"$warmup" -s "$ping_script" "$url" >/dev/null
done
for round in $(seq 1 "$rounds"); do
  mapfile -t order < <(round_order "$round" "${targets[@]}")
  for target in "${order[@]}"; do
    read -r label url pid <<<"$target"
    measure "$label" "$url" "$pid" "$round"
  done
done

printf '\n%-14s %12s %10s %8s %8s %16s\n' "" "req/s" "p99" "wrong" "non-2xx" "CPU us/call"
for target in "${targets[@]}"; do
  read -r label _ _ <<<"$target"
  rps="$(cat "$work/$label".*.figures | cut -d' ' -f1 | median)"
  p99="$(cat "$work/$label".*.figures | cut -d' ' -f2 | median)"
  cpu="$(cat "$work/$label".*.figures | cut -d' ' -f5 | median)"
  wrong="$(cat "$work/$label".*.figures | awk '{ s += $3 } END { print s }')"
  non2xx="$(cat "$work/$label".*.figures | awk '{ s += $4 } END { print s }')"
  printf '%-14s %12s %10s %8s %8s %16s\n' "$label" "$rps" "$p99" "$wrong" "$non2xx" "$cpu"
  echo "$label $rps $p99 $wrong $non2xx $cpu" >>"$work/summary"
done
# CPU time drifts with a shared VM's speed; the instructions a process executes hardly do. One more run each under perf.
ensure_perf
echo
for target in "${targets[@]}"; do
  read -r label url pid <<<"$target"
  all_pids="$(printf '%s\n' "$pid" $(pgrep -P "$pid" || true) | paste -sd,)"
  echo "$label $(cost_per_call "$url" "$all_pids")" >>"$work/instructions"
done
printf '%-14s %22s\n' "" "instructions/call (k)"
awk '{ printf "%-14s %22s\n", $1, $2 }' "$work/instructions"
instructions_of() { awk -v label="$1" '$1 == label { print $2 }' "$work/instructions"; }

echo
echo "gateway CPU per call / bare YARP: $(ratio "$(cpu_of "$work/summary" gateway)" "$(cpu_of "$work/summary" bare-yarp)")x (goal: <= 1.10x);" \
  "instructions: $(ratio "$(instructions_of gateway)" "$(instructions_of bare-yarp)")x"
echo "checking headers against the body: $(ratio "$(cpu_of "$work/summary" gateway-body)" "$(cpu_of "$work/summary" gateway)")x the gateway's CPU per call;" \
  "instructions: $(ratio "$(instructions_of gateway-body)" "$(instructions_of gateway)")x"
echo "gateway CPU per call / nginx: $(ratio "$(cpu_of "$work/summary" gateway)" "$(cpu_of "$work/summary" nginx)")x;" \
  "instructions: $(ratio "$(instructions_of gateway)" "$(instructions_of nginx)")x"
awk '$4 != 0 || $5 != 0 { bad = 1 } END { exit bad }' "$work/summary" || { echo "Some answers were wrong: the figures above do not count." >&2; exit 1; }
