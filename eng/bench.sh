#!/usr/bin/env bash
# Benchmark (not a test): the product server, stateless, against a bare Kestrel floor that parses the same
# tools/call ping and writes the same JSON answer. Both run side by side and are driven by wrk in turn.
# Goal: the server keeps >= 50% of the floor's throughput.
# Usage: eng/bench.sh   (env: CONNECTIONS=32 THREADS=2 WARMUP=45s DURATION=10s ROUNDS=3)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/bench-app.sh"

echo "Building Release..."
dotnet build -c Release -v quiet -nologo "$root/src/McpDemo.Server" >/dev/null
dotnet build -c Release -v quiet -nologo "$root/bench/McpDemo.Bench.Floor" >/dev/null

start_app server "$root/src/McpDemo.Server/bin/Release/net10.0/McpDemo.Server.dll" --Mcp:SessionMode=Stateless
server_url="$app_url"
start_app floor "$root/bench/McpDemo.Bench.Floor/bin/Release/net10.0/McpDemo.Bench.Floor.dll"
floor_url="$app_url"

wrk_settings
compare "$work" server="$server_url" floor="$floor_url" >"$work/figures"
print_figures <"$work/figures"
read -r _ server_rps _ server_wrong server_non2xx < <(grep '^server ' "$work/figures")
read -r _ floor_rps _ floor_wrong floor_non2xx < <(grep '^floor ' "$work/figures")
echo "server/floor throughput: $(awk -v s="$server_rps" -v f="$floor_rps" 'BEGIN { printf "%.1f", 100 * s / f }')% (goal: >= 50%)"

if [[ "$server_wrong$server_non2xx$floor_wrong$floor_non2xx" != 0000 ]]; then
  echo "Some answers were wrong: the figures above do not count." >&2
  exit 1
fi
