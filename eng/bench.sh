#!/usr/bin/env bash
# Benchmark (not a test): what our layers cost on a stateless tools/call ping, at both protocol revisions, in one run.
#   ours   src/McpDemo.Server, Release, Mcp:SessionMode=Stateless, with telemetry as deployed: the AWS publisher sets
#          only the OTLP endpoint, so the services' default sampling (10% of the traces they start) and the SDK's
#          default export intervals apply; the endpoint is a local sink that accepts everything (start_otlp_sink),
#          so export costs the server what it costs in production and the collector's work is not counted;
#   bare   bench/McpDemo.Bench.BareSdk: MapMcp 2.4.0 with the same ping tool and nothing of ours;
#   floor  bench/McpDemo.Bench.Floor: Kestrel parsing the same request and writing the same answer, no SDK.
# Revisions (bench/ping.lua, PING_REVISION):
#   2026-07-28  the revision and client capabilities in the request's _meta, Mcp-Method/Mcp-Name headers;
#   2025-11-25  a stateless POST with MCP-Protocol-Version: 2025-11-25, no initialize, no session.
# The six targets are measured in turn, round after round in alternating order (compare in eng/bench-wrk.sh), and
# perf counts each server's CPU time per call in every round (task-clock: this VM has no PMU, so no instruction
# counts). Ratios only mean something within one run: the machine is shared.
# Goal (issue 16): ours >= 0.95x bare at both revisions.
# Usage: eng/bench.sh   (env: CONNECTIONS=32 THREADS=2 WARMUP=45s DURATION=10s ROUNDS=5)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/bench-app.sh"
ensure_perf
revisions=(2026-07-28 2025-11-25)

echo "Building Release..."
for project in src/McpDemo.Server bench/McpDemo.Bench.BareSdk bench/McpDemo.Bench.Floor; do
  dotnet build -c Release -v quiet -nologo "$root/$project" >/dev/null
done

start_otlp_sink
start_app ours "$root/src/McpDemo.Server/bin/Release/net10.0/McpDemo.Server.dll" \
  Mcp__SessionMode=Stateless OTEL_EXPORTER_OTLP_ENDPOINT="$otlp_sink_url"
ours_url="$app_url" ours_pid="${pids[-1]}"
start_app bare "$root/bench/McpDemo.Bench.BareSdk/bin/Release/net10.0/McpDemo.Bench.BareSdk.dll"
bare_url="$app_url" bare_pid="${pids[-1]}"
start_app floor "$root/bench/McpDemo.Bench.Floor/bin/Release/net10.0/McpDemo.Bench.Floor.dll"
floor_url="$app_url" floor_pid="${pids[-1]}"

targets=()
for revision in "${revisions[@]}"; do
  for server in ours bare floor; do
    label="$server-$revision"
    url_variable="${server}_url" pid_variable="${server}_pid"
    targets+=("$label=${!url_variable}")
    revision_of[$label]="$revision"
    pid_of[$label]="${!pid_variable}"
  done
done

wrk_settings
compare "$work" "${targets[@]}" >"$work/figures"
print_figures "$work/figures"
echo
for revision in "${revisions[@]}"; do
  ours_rps="$(rps_of "$work/figures" "ours-$revision")" bare_rps="$(rps_of "$work/figures" "bare-$revision")"
  floor_rps="$(rps_of "$work/figures" "floor-$revision")"
  echo "$revision: ours/bare $(ratio "$ours_rps" "$bare_rps")x req/s (goal: >= 0.95x)," \
    "$(ratio "$(cpu_of "$work/figures" "ours-$revision")" "$(cpu_of "$work/figures" "bare-$revision")")x CPU per call;" \
    "bare/floor $(ratio "$bare_rps" "$floor_rps")x req/s," \
    "$(ratio "$(cpu_of "$work/figures" "bare-$revision")" "$(cpu_of "$work/figures" "floor-$revision")")x CPU per call"
done
require_right_answers "$work/figures"
