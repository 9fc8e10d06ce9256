#!/usr/bin/env bash
# Benchmark (not a test): the product server, stateless, against a bare Kestrel floor that parses the same
# tools/call ping and writes the same JSON answer. Both run side by side and are driven by wrk in turn.
# Goal: the server keeps >= 50% of the floor's throughput.
# Usage: eng/bench.sh   (env: CONNECTIONS=32 THREADS=2 WARMUP=45s DURATION=10s ROUNDS=5)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/bench-app.sh"

echo "Building Release..."
dotnet build -c Release -v quiet -nologo "$root/src/McpDemo.Server" >/dev/null
dotnet build -c Release -v quiet -nologo "$root/bench/McpDemo.Bench.Floor" >/dev/null

start_app server "$root/src/McpDemo.Server/bin/Release/net10.0/McpDemo.Server.dll" Mcp__SessionMode=Stateless
server_url="$app_url"
start_app floor "$root/bench/McpDemo.Bench.Floor/bin/Release/net10.0/McpDemo.Bench.Floor.dll"
floor_url="$app_url"

wrk_settings
compare "$work" server="$server_url" floor="$floor_url" >"$work/figures"
print_figures "$work/figures"
echo "server/floor throughput: $(percent "$(rps_of "$work/figures" server)" "$(rps_of "$work/figures" floor)")% (goal: >= 50%)"
require_right_answers "$work/figures"
