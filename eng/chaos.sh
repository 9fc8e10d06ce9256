#!/usr/bin/env bash
# Chaos run (issue 18): starts the AppHost's stateful topology (3 replicas on the Garnet store, 2 gateways, API key auth),
# drives a steady mixed load through both gateways (2026-07-28 ping from 4 clients, one legacy 2025-11-25 session per
# gateway calling ping with its GET stream open), and injects, 15 s apart: a replica SIGKILLed, a replica SIGSTOPped for
# 10 s, a gateway SIGKILLed and the store SIGSTOPped for 5 s. Prints what each fault cost and the issue's goals, each MET
# or MISSED; exits 1 when a goal is missed. Takes about 3 minutes after the build. Usage: eng/chaos.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/eng/bench-chaos-build.sh"
exec dotnet "$root/bench/McpDemo.Bench.Chaos/bin/Debug/net10.0/McpDemo.Bench.Chaos.dll" chaos
