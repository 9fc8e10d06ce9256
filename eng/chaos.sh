#!/usr/bin/env bash
# Chaos run (issue 18): starts the AppHost's stateful topology (3 replicas on the Garnet store, 2 gateways, API key auth),
# drives a steady mixed load through both gateways (2026-07-28 ping from 4 clients; 4 subscriptions/listen streams with
# tickers on them; per gateway 3 legacy 2025-11-25 sessions, one on each replica, calling ping, keeping a GET stream open
# with tickers on it and calling countdown, GET streams and countdown answers resumed with Last-Event-ID when cut), and
# injects, 15 s apart: a replica SIGKILLed, a replica SIGSTOPped for 10 s, a gateway SIGKILLed and the store SIGSTOPped
# for 5 s. Prints what each fault cost (calls, sessions, stream events lost, duplicated, resumed) and the issue's goals,
# each MET or MISSED; exits 1 when a goal is missed. Takes about 4 minutes after the build. Usage: eng/chaos.sh
# The replicas run the server published with NativeAOT (the AppHost's --server-binary), as a deployment runs it: under
# the JIT a Debug replica takes 2-9 s to answer /health on this 2-core machine, most of a killed replica's time out of
# rotation, where the native one takes 0.2-0.4 s. That publish keeps EventSource support (-p:EventSourceSupport=true,
# off by default in NativeAOT), so the run can read each replica's session gauge through EventPipe at the end; it goes
# to artifacts/chaos-server (minutes the first time, incremental after). MCPDEMO_SERVER_BINARY=FILE runs that build
# instead. Last, with the load stopped, the run waits the replicas' 30 s idle timeout (about 40 s in all) and checks that
# every replica's legacy sessions are back to 0 and that no service logged an error a fault does not explain.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/eng/bench-chaos-build.sh"
if [[ -z "${MCPDEMO_SERVER_BINARY:-}" ]]; then
  echo "Publishing the server with NativeAOT into artifacts/chaos-server (minutes the first time)..."
  dotnet publish "$root/src/McpDemo.Server" -c Release -r linux-x64 -p:PublishAot=true -p:EventSourceSupport=true \
    -o "$root/artifacts/chaos-server" -nologo -v:minimal -clp:NoSummary
  export MCPDEMO_SERVER_BINARY="$root/artifacts/chaos-server/McpDemo.Server"
fi
exec dotnet "$root/bench/McpDemo.Bench.Chaos/bin/Debug/net10.0/McpDemo.Bench.Chaos.dll" chaos
