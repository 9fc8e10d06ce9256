#!/usr/bin/env bash
# Benchmark (not a test): stateless tools/call ping throughput through the gateway in front of N server
# replicas, against one replica called directly, in the same run and at the same load (wrk, bench/ping.lua), in turn.
# Beside them, bare-yarp (bench/McpDemo.Bench.BareProxy: YARP's forwarder with nothing of ours) in front of the same
# replicas shows what a YARP hop itself costs on this machine: the ceiling for any YARP gateway here.
# Release build; the processes run as the AppHost would run them (ASPNETCORE_URLS, services__server__http__i).
# Goal: the gateway path keeps >= 60% of the direct throughput.
# Usage: eng/bench-gateway.sh   (env: REPLICAS=3 CONNECTIONS=32 THREADS=2 WARMUP=45s DURATION=10s ROUNDS=5
#   GATEWAY_SETTINGS="Name=Value ...": extra gateway configuration, e.g. "Logging__LogLevel__Default=Warning")
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/bench-app.sh"
replicas="${REPLICAS:-3}"

echo "Building Release..."
dotnet build -c Release -v quiet -nologo "$root/src/McpDemo.Server" >/dev/null
dotnet build -c Release -v quiet -nologo "$root/src/McpDemo.Gateway" >/dev/null
dotnet build -c Release -v quiet -nologo "$root/bench/McpDemo.Bench.BareProxy" >/dev/null

gateway_env=()
for i in $(seq 1 "$replicas"); do
  start_app "server-$i" "$root/src/McpDemo.Server/bin/Release/net10.0/McpDemo.Server.dll" \
    OTEL_RESOURCE_ATTRIBUTES="service.instance.id=server-$i" Mcp__SessionMode=Stateless
  gateway_env+=("services__server__http__$((i - 1))=${app_url%/mcp}")
  if [[ $i -eq 1 ]]; then
    direct_url="$app_url"
  fi
done
read -r -a gateway_settings <<<"${GATEWAY_SETTINGS:-}"
# As the AppHost runs a stateless topology: no affinity cookie (it would pin a cookie-keeping client to one replica).
start_app gateway "$root/src/McpDemo.Gateway/bin/Release/net10.0/McpDemo.Gateway.dll" \
  OTEL_RESOURCE_ATTRIBUTES="service.instance.id=gateway-1" Gateway__Cookie__Enabled=false "${gateway_env[@]}" "${gateway_settings[@]}"
gateway_url="$app_url"
start_app bare-yarp "$root/bench/McpDemo.Bench.BareProxy/bin/Release/net10.0/McpDemo.Bench.BareProxy.dll" "${gateway_env[@]}"
bare_url="$app_url"

wrk_settings
echo "gateway settings: ${GATEWAY_SETTINGS:-(as shipped)}; direct = replica 1; gateway and bare-yarp in front of $replicas replicas"
compare "$work" direct="$direct_url" gateway="$gateway_url" bare-yarp="$bare_url" >"$work/figures"
print_figures "$work/figures"
direct_rps="$(rps_of "$work/figures" direct)"
echo "gateway/direct throughput: $(percent "$(rps_of "$work/figures" gateway)" "$direct_rps")% (goal: >= 60%);" \
  "bare YARP/direct: $(percent "$(rps_of "$work/figures" bare-yarp)" "$direct_rps")%"
require_right_answers "$work/figures"
