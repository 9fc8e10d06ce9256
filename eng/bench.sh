#!/usr/bin/env bash
# Benchmark (not a test): stateless tools/call ping on the product server (the SDK's MapMcp with McpDemo's guards),
# against a bare Kestrel floor that parses the same request and writes the same JSON answer, and against the
# previous hand-written server (src/McpDemo.StreamableHttp), built from the last commit that had it in a temporary
# git worktree. All three run side by side and are driven by wrk in turn, in alternating order.
# Goal: the server keeps >= 50% of the floor's throughput.
# Usage: eng/bench.sh   (env: CONNECTIONS=32 THREADS=2 WARMUP=45s DURATION=10s ROUNDS=5 PREVIOUS_COMMIT=f59021a)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/bench-app.sh"
previous_commit="${PREVIOUS_COMMIT:-f59021a}"
previous="$work/previous"
# The worktree goes before bench-app.sh's cleanup deletes the folder it lives in.
trap 'git -C "$root" worktree remove --force "$previous" 2>/dev/null || true; cleanup' EXIT

echo "Building Release (and the previous server from $previous_commit)..."
git -C "$root" worktree add --detach --quiet "$previous" "$previous_commit"
dotnet build -c Release -v quiet -nologo "$root/src/McpDemo.Server" >/dev/null
dotnet build -c Release -v quiet -nologo "$root/bench/McpDemo.Bench.Floor" >/dev/null
dotnet build -c Release -v quiet -nologo "$previous/src/McpDemo.Server" >/dev/null

start_app server "$root/src/McpDemo.Server/bin/Release/net10.0/McpDemo.Server.dll" Mcp__SessionMode=Stateless
server_url="$app_url"
start_app previous "$previous/src/McpDemo.Server/bin/Release/net10.0/McpDemo.Server.dll" Mcp__SessionMode=Stateless
previous_url="$app_url"
start_app floor "$root/bench/McpDemo.Bench.Floor/bin/Release/net10.0/McpDemo.Bench.Floor.dll"
floor_url="$app_url"

wrk_settings
compare "$work" server="$server_url" previous="$previous_url" floor="$floor_url" >"$work/figures"
print_figures "$work/figures"
floor_rps="$(rps_of "$work/figures" floor)"
echo "server/floor throughput: $(percent "$(rps_of "$work/figures" server)" "$floor_rps")% (goal: >= 50%)"
echo "previous/floor throughput: $(percent "$(rps_of "$work/figures" previous)" "$floor_rps")%"
echo "server/previous throughput: $(percent "$(rps_of "$work/figures" server)" "$(rps_of "$work/figures" previous)")%"
require_right_answers "$work/figures"
