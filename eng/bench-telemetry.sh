#!/usr/bin/env bash
# Benchmark (not a test): the cost of telemetry. Three copies of the product server, stateless, side by side, driven
# by wrk in turn:
#   telemetry-on    exporting traces, metrics and logs over OTLP/HTTP as deployed (the AWS publisher sets only the
#                   endpoint and protocol): the SDK's default intervals and the services' default sampling (10% of
#                   the traces they start), to a local sink that accepts everything;
#   every-trace     as the AppHost runs services for its dashboard: OTEL_TRACES_SAMPLER=always_on, metrics every
#                   2 s, span and log batches every second;
#   telemetry-off   no OTLP endpoint.
# Goal: telemetry-on at most 15% below telemetry-off; every-trace is reported beside it.
# Then the instructions each one executes per call, counted by perf (Debian's linux-perf, installed when missing).
# Usage: eng/bench-telemetry.sh   (env: CONNECTIONS=32 THREADS=2 WARMUP=45s DURATION=10s ROUNDS=5)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/bench-app.sh"

echo "Building Release..."
dotnet build -c Release -v quiet -nologo "$root/src/McpDemo.Server" >/dev/null
server="$root/src/McpDemo.Server/bin/Release/net10.0/McpDemo.Server.dll"

start_otlp_sink

exporting=(OTEL_EXPORTER_OTLP_ENDPOINT="$otlp_sink_url")
start_app telemetry-on "$server" Mcp__SessionMode=Stateless "${exporting[@]}"
on_url="$app_url" on_pid="${pids[-1]}"
start_app every-trace "$server" Mcp__SessionMode=Stateless "${exporting[@]}" OTEL_TRACES_SAMPLER=always_on \
  OTEL_METRIC_EXPORT_INTERVAL=2000 OTEL_BSP_SCHEDULE_DELAY=1000 OTEL_BLRP_SCHEDULE_DELAY=1000
all_url="$app_url" all_pid="${pids[-1]}"
start_app telemetry-off "$server" Mcp__SessionMode=Stateless
off_url="$app_url" off_pid="${pids[-1]}"

wrk_settings
compare "$work" telemetry-off="$off_url" telemetry-on="$on_url" every-trace="$all_url" >"$work/figures"
print_figures "$work/figures"
off_rps="$(rps_of "$work/figures" telemetry-off)"
cost() { awk -v on="$1" -v off="$off_rps" 'BEGIN { printf "%.1f%%", 100 * (off - on) / off }'; }
echo "throughput cost of telemetry as deployed: $(cost "$(rps_of "$work/figures" telemetry-on)") (goal: <= 15%);" \
  "recording every trace: $(cost "$(rps_of "$work/figures" every-trace)")"
require_right_answers "$work/figures"

# What the throughput figures are made of, in a unit that does not drift with the machine's speed.
ensure_perf
echo
echo "Cost per call in the server, counted by perf over one more $duration run each (instructions in thousands; CPU time):"
read -r off_instructions off_cpu <<<"$(cost_per_call "$off_url" "$off_pid")"
printf '%-16s %10s %10s\n' "" "kinstr" "cpu us"
printf '%-16s %10s %10s\n' telemetry-off "$off_instructions" "$off_cpu"
for target in telemetry-on="$on_url $on_pid" every-trace="$all_url $all_pid"; do
  read -r url pid <<<"${target#*=}"
  read -r instructions cpu <<<"$(cost_per_call "$url" "$pid")"
  awk -v label="${target%%=*}" -v i="$instructions" -v c="$cpu" -v bi="$off_instructions" -v bc="$off_cpu" '
    function delta(v, base) { return (v != "n/a" && base != "n/a") ? sprintf(" (%+.1f%%)", 100 * (v - base) / base) : "" }
    BEGIN { printf "%-16s %10s %10s%s%s\n", label, i, c, delta(i, bi), delta(c, bc) }'
done
