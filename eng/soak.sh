#!/usr/bin/env bash
# Soak run (issue 18): the chaos run's topology and load (eng/chaos.sh) for DURATION without faults, with a 30 s
# legacy-session idle timeout (Mcp__IdleTimeout, which the AppHost's services inherit). Every replica, gateway and the
# store is sampled after a 120 s warm-up and at the end: RSS, threads and open fds from /proc, and the bytes that survive
# a full collection the driver induces through the process's diagnostics IPC (EventPipe, as dotnet-gcdump does; the least
# of three readings 5 s apart, so what is in flight at one instant does not count as growth). Goals,
# each MET or MISSED: heap and threads flat within 5% after warm-up; with the load stopped, every replica's
# mcpdemo.server.sessions back to 0 after the idle timeout; no error-level line (fail:/crit:, or stderr) in any
# service's output. Exits 1 when one is missed.
# DURATION: seconds, or with a unit: 90s, 3m, 1h (default 10m). Usage: eng/soak.sh [DURATION]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
duration="${1:-10m}"
case "$duration" in
  *h) seconds=$(( ${duration%h} * 3600 )) ;;
  *m) seconds=$(( ${duration%m} * 60 )) ;;
  *s) seconds=${duration%s} ;;
  *) seconds=$duration ;;
esac
[[ "$seconds" =~ ^[0-9]+$ && "$seconds" -gt 0 ]] || { echo "DURATION must be like 600, 90s, 3m or 1h, not '$duration'." >&2; exit 2; }
"$root/eng/bench-chaos-build.sh"
exec dotnet "$root/bench/McpDemo.Bench.Chaos/bin/Debug/net10.0/McpDemo.Bench.Chaos.dll" soak "$seconds"
