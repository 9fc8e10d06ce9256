#!/usr/bin/env bash
# Benchmark (not a test): the product server, stateless, against a bare Kestrel floor that parses the same
# tools/call ping and writes the same SSE answer. Both are driven by wrk at the same load, one after the other.
# Usage: eng/bench.sh   (env: CONNECTIONS=32 THREADS=2 WARMUP=45s DURATION=15s)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/bench-app.sh"

echo "Building Release..."
dotnet build -c Release -v quiet -nologo "$root/src/McpDemo.Server" >/dev/null
dotnet build -c Release -v quiet -nologo "$root/bench/McpDemo.Bench.Floor" >/dev/null

wrk_settings
read -r server_rps server_p99 server_wrong server_non2xx < <(run server "$root/src/McpDemo.Server/bin/Release/net10.0/McpDemo.Server.dll" --Mcp:SessionMode=Stateless)
read -r floor_rps floor_p99 floor_wrong floor_non2xx < <(run floor "$root/bench/McpDemo.Bench.Floor/bin/Release/net10.0/McpDemo.Bench.Floor.dll")

printf '\n%-8s %12s %10s %8s %8s\n' "" "req/s" "p99" "wrong" "non-2xx"
printf '%-8s %12s %10s %8s %8s\n' server "$server_rps" "$server_p99" "$server_wrong" "$server_non2xx"
printf '%-8s %12s %10s %8s %8s\n' floor "$floor_rps" "$floor_p99" "$floor_wrong" "$floor_non2xx"
ratio="$(awk -v s="$server_rps" -v f="$floor_rps" 'BEGIN { printf "%.1f", 100 * s / f }')"
echo "server/floor throughput: $ratio% (goal: >= 50%)"

if [[ "$server_wrong" != 0 || "$server_non2xx" != 0 || "$floor_wrong" != 0 || "$floor_non2xx" != 0 ]]; then
  echo "Some answers were wrong: the figures above do not count." >&2
  exit 1
fi
