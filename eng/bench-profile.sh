#!/usr/bin/env bash
# Profile (not a test) of where our server's CPU per call goes beyond the bare SDK's: eng/bench.sh's "ours" and
# "bare" servers (ours with telemetry as deployed), both writing a perf map so perf can name JIT-compiled code. After a warm-up, perf samples each server's stacks (perf record -g, frame pointers: .NET's JIT keeps them)
# over one wrk run per protocol revision, and every sample is charged to its owner: the innermost frame, from the
# leaf up, in a namespace that does work of its own (ours, OpenTelemetry, logging, authentication, the SDK, JSON,
# Kestrel...); samples with no such frame are charged to the leaf's module (the runtime's GC and JIT, the kernel).
# Prints, per revision, microseconds of CPU per call by owner for ours and bare, and the difference; keeps the stacks
# in artifacts/bench-profile/.
# Usage: eng/bench-profile.sh   (env: CONNECTIONS=32 THREADS=2 WARMUP=45s DURATION=10s FREQUENCY=499 TOP=25)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/bench-app.sh"
ensure_perf
frequency="${FREQUENCY:-499}"
kept="$root/artifacts/bench-profile" # perf script's stacks, kept for a closer look
mkdir -p "$kept"
top="${TOP:-25}"

echo "Building Release..."
for project in src/McpDemo.Server bench/McpDemo.Bench.BareSdk; do
  dotnet build -c Release -v quiet -nologo "$root/$project" >/dev/null
done

start_otlp_sink
# perf finds JIT-compiled code by the map file only where the runtime does not double-map it (W^X), and the map lists
# only what the JIT compiled, so precompiled (ReadyToRun) framework code is compiled by the JIT too.
profiling=(DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 DOTNET_ReadyToRun=0)
start_app ours "$root/src/McpDemo.Server/bin/Release/net10.0/McpDemo.Server.dll" "${profiling[@]}" \
  Mcp__SessionMode=Stateless OTEL_EXPORTER_OTLP_ENDPOINT="$otlp_sink_url"
ours="$app_url ${pids[-1]}"
start_app bare "$root/bench/McpDemo.Bench.BareSdk/bin/Release/net10.0/McpDemo.Bench.BareSdk.dll" "${profiling[@]}"
bare="$app_url ${pids[-1]}"

revisions=(2026-07-28 2025-11-25)
# Every method the JIT still compiles while perf records would be charged to the calls, so both revisions warm up first.
echo "Warming up for $warmup each, per revision..."
for revision in "${revisions[@]}"; do
  for target in "$ours" "$bare"; do
    read -r url _ <<<"$target"
    PING_REVISION="$revision" wrk -t"$threads" -c"$connections" -d"$warmup" -s "$ping_script" "$url" >/dev/null
  done
done

# record LABEL URL PID: one wrk run of DURATION while perf samples PID; leaves LABEL.stacks and LABEL.calls in $work.
record() {
  local label="$1" url="$2" pid="$3" perf_pid
  perf record -F "$frequency" -g -p "$pid" -o "$work/$label.data" 2>/dev/null &
  perf_pid=$!
  sleep 0.5 # perf attaches before the load starts
  wrk -t"$threads" -c"$connections" -d"$duration" -s "$ping_script" "$url" >"$work/$label.wrk"
  kill -INT "$perf_pid"
  wait "$perf_pid" || true
  awk '/requests in/ { print $1 }' "$work/$label.wrk" >"$work/$label.calls"
  perf script -i "$work/$label.data" -F ip,sym,dso 2>/dev/null >"$work/$label.stacks"
  cp "$work/$label.stacks" "$kept/"
}

# owners STACKS CALLS: "owner us_per_call" for every owner, from perf script's stacks (a blank line between samples).
owners() {
  python3 - "$1" "$2" "$frequency" <<'PY'
import collections, re, sys
stacks, calls, frequency = sys.argv[1], int(open(sys.argv[2]).read()), int(sys.argv[3])
# Owners, most specific first, matched against the start of a frame's declaring type.
owners = [
    ("ours: guards", r"McpDemo\.Guards"), ("ours: shared state", r"McpDemo\.SharedState"),
    ("ours: tool filters", r"McpDemo\.Server\.Tools\.ToolCall"), ("ours: tools", r"McpDemo\.Server"),
    ("ours: service defaults", r"McpDemo\.ServiceDefaults"),
    ("telemetry: OpenTelemetry", r"OpenTelemetry"),
    ("telemetry: Activity/DiagnosticSource", r"System\.Diagnostics\.(Activity|DiagnosticListener|DiagnosticSource|Metrics|Tag)"),
    ("logging", r"Microsoft\.Extensions\.Logging"),
    ("authn/authz", r"Microsoft\.AspNetCore\.(Authentication|Authorization)"),
    ("exception handler/status pages", r"Microsoft\.AspNetCore\.Diagnostics"),
    ("hosting diagnostics", r"Microsoft\.AspNetCore\.Hosting"),
    ("routing/endpoints", r"Microsoft\.AspNetCore\.(Routing|Builder|Http\.RequestDelegate)"),
    ("MCP SDK", r"ModelContextProtocol"),
    ("AI function binding", r"Microsoft\.Extensions\.AI"),
    ("DI/options", r"Microsoft\.Extensions\.(DependencyInjection|Options)"),
    ("JSON", r"System\.Text\.Json"),
    ("Kestrel/HTTP", r"Microsoft\.AspNetCore\.(Server|Http|WebUtilities)|System\.IO\.Pipelines|System\.Net"),
    ("threading/async", r"System\.Threading|System\.Runtime\.CompilerServices"),
]
compiled = [(name, re.compile(pattern)) for name, pattern in owners]

def type_of(symbol):
    """The declaring type of a perf-map method name: "ret [Assembly] Namespace.Type::Method(args)[Tier]"."""
    if "::" not in symbol:
        return ""
    return re.sub(r"^\[[^\]]*\]", "", symbol.split("::", 1)[0].rsplit(" ", 1)[-1])

def owner_of(frames):
    for symbol, dso in frames:
        declaring = type_of(symbol)
        for name, pattern in compiled:
            if pattern.match(declaring):
                return name
    symbol, dso = frames[0]
    if "kernel" in dso:
        return "kernel"
    module = dso.rsplit("/", 1)[-1]
    return module if module not in ("", "[unknown]") else "other"

samples = collections.Counter()
frames = []
def flush():
    if frames:
        samples[owner_of(frames)] += 1
        frames.clear()
for line in open(stacks, errors="replace"):
    line = line.strip()
    if not line:
        flush()
        continue
    parts = line.split(" ", 1)
    if len(parts) < 2:
        continue
    rest = parts[1]
    match = re.match(r"(.*) \((.*)\)$", rest)
    symbol, dso = (match.group(1), match.group(2)) if match else (rest, "")
    frames.append((symbol, dso))
flush()
for name, count in samples.items():
    print(f"{name.replace(' ', '_')} {count * 1e6 / frequency / calls:.2f}")
PY
}

for revision in "${revisions[@]}"; do
  export PING_REVISION="$revision"
  for label in ours bare; do
    read -r url pid <<<"${!label}"
    record "$label-$revision" "$url" "$pid"
    owners "$work/$label-$revision.stacks" "$work/$label-$revision.calls" >"$work/$label-$revision.owners"
  done
  echo
  echo "$revision: CPU us per call by owner ($(cat "$work/ours-$revision.calls") calls ours, $(cat "$work/bare-$revision.calls") bare)"
  printf '%-40s %8s %8s %8s\n' owner ours bare "+ours"
  join -a1 -a2 -e 0 -o 0,1.2,2.2 <(sort "$work/ours-$revision.owners") <(sort "$work/bare-$revision.owners") |
    awk '{ printf "%-40s %8.2f %8.2f %+8.2f\n", $1, $2, $3, $2 - $3; ours += $2; bare += $3 } END { printf "%-40s %8.2f %8.2f %+8.2f\n", "total", ours, bare, ours - bare }' |
    sort -k4 -g -r | head -n "$top" | tr '_' ' '
done
