#!/usr/bin/env bash
# Builds what eng/chaos.sh and eng/soak.sh run, with progress shown: the AppHost (and with it every service it starts)
# and the load driver. The driver then starts the built AppHost, so nothing builds while the clock runs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
echo "Building the AppHost and the load driver (minutes on a busy machine)..."
dotnet build "$root/src/McpDemo.AppHost" -nologo -v minimal
dotnet build "$root/bench/McpDemo.Bench.Chaos" -nologo -v minimal
